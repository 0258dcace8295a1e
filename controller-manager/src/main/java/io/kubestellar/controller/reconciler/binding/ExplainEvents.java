/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.controller.model.binding.BindingContent;
import io.kubestellar.controller.model.binding.BindingPolicyModel;
import io.kubestellar.controller.model.binding.ClusterSelection;
import io.kubestellar.controller.model.binding.NamespaceLabels;
import io.kubestellar.controller.model.binding.ObjectExplainer;
import io.kubestellar.controller.model.binding.WorkloadObject;
import io.kubestellar.runtime.DaemonThreads;
import io.kubestellar.runtime.EventPoster;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * D15: when a user sets a new value of the {@code control.kubestellar.io/explain} annotation on a
 * workload object, posts a Kubernetes Event on that object saying, for each BindingPolicy, whether
 * it selects the object (which clauses, which modulation, which clusters) or why not (the first
 * failing test of each clause). {@code kubectl describe} and {@code kubectl events --for} show it.
 */
final class ExplainEvents implements AutoCloseable {

  static final String REASON = "BindingExplained";
  static final String COMPONENT = "kubestellar-binding-controller";
  private static final int MAX_MESSAGE = 1024;
  private static final Logger LOG = LoggerFactory.getLogger(ExplainEvents.class);

  /** What an explanation is computed from. */
  record Context(
      List<BindingPolicyModel> policies,
      Map<String, Map<String, String>> clusters,
      NamespaceLabels namespaces) {}

  private final EventPoster events;
  private final BindingMetrics metrics;
  private final Map<String, String> explained = new ConcurrentHashMap<>();
  private final ExecutorService executor = DaemonThreads.single("binding-explain");

  ExplainEvents(KubernetesClient wds, Clock clock, BindingMetrics metrics) {
    this.events = new EventPoster(wds, COMPONENT, null, clock);
    this.metrics = metrics;
  }

  /**
   * Posts an explanation if the object carries the annotation with a value not yet explained.
   *
   * @param object the object now, or null if deleted
   * @param value the annotation's value, or null if absent
   */
  void consider(
      WorkloadObject object, String value, String uid, String kind, Supplier<Context> context) {
    if (uid == null) {
      return;
    }
    if (object == null || value == null) {
      explained.remove(uid);
      return;
    }
    if (value.equals(explained.put(uid, value))) {
      return;
    }
    executor.execute(() -> post(object, uid, kind, context.get()));
  }

  private void post(WorkloadObject object, String uid, String kind, Context context) {
    try {
      var contents = new HashMap<String, BindingContent>();
      for (var policy : context.policies()) {
        contents.put(
            policy.name(),
            new BindingContent(
                ClusterSelection.select(policy.clusterSelectors(), context.clusters()),
                new TreeMap<>()));
      }
      var lines =
          ObjectExplainer.explain(object, context.policies(), contents, context.namespaces());
      var message = String.join("\n", lines);
      if (message.length() > MAX_MESSAGE) {
        message = message.substring(0, MAX_MESSAGE - 3) + "...";
      }
      var ref = object.ref();
      var about =
          new ObjectReferenceBuilder()
              .withApiVersion(
                  ref.group().isEmpty() ? object.version() : ref.group() + "/" + object.version())
              .withKind(kind)
              .withNamespace(ref.clusterScoped() ? null : ref.namespace())
              .withName(ref.name())
              .withUid(uid)
              .withResourceVersion(object.resourceVersion())
              .build();
      events.post(about, "Normal", REASON, message);
      metrics.write("event", "create");
    } catch (RuntimeException e) {
      LOG.atWarn()
          .setMessage("could not post an explanation event")
          .addKeyValue("object", object.ref())
          .addKeyValue("error", e.getMessage())
          .log();
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
