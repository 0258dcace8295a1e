/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.StatusCollector;
import io.kubestellar.controller.model.binding.BindingContent;
import io.kubestellar.controller.model.binding.BindingPolicyModel;
import io.kubestellar.controller.model.binding.Conditions;
import io.kubestellar.controller.model.binding.GroupResource;
import io.kubestellar.controller.model.binding.PolicyMatcher;
import io.kubestellar.controller.model.binding.PolicyResolver;
import io.kubestellar.controller.model.binding.ResourceFilter;
import io.kubestellar.controller.model.binding.SingletonCheck;
import io.kubestellar.controller.model.binding.StatusCollectorCheck;
import io.kubestellar.controller.model.binding.StatusPlanner;
import io.kubestellar.controller.model.binding.SyncOutcome;
import io.kubestellar.controller.model.binding.WorkloadObject;
import io.kubestellar.controller.model.status.CollectorExpressions;
import io.kubestellar.controller.model.status.StatusCollectorValidator;
import io.kubestellar.controller.reconciler.status.StatusCollectorDefinitions;
import io.kubestellar.ocm.cluster.v1.ManagedCluster;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The binding controller: resolves each BindingPolicy of one WDS into its Binding (spec §3).
 *
 * <p>Informers watch the policies, Bindings and StatusCollectors of the WDS, every bindable
 * workload type of the WDS, and the ManagedClusters of the ITS. Each change is routed to the
 * policies it can affect, whose names go into a coalescing queue. A worker resolves a policy from
 * the caches alone (pure model), writes the Binding only when its content differs, and then the
 * conditions and errors of the Binding and the policy when they differ. Workers run only while this
 * replica leads and only once every cache has synced (D14).
 */
public final class BindingController implements AutoCloseable {

  /** Annotation a user sets (any new value) on a workload object to get an explanation Event. */
  public static final String EXPLAIN_ANNOTATION = "control.kubestellar.io/explain";

  private static final Logger LOG = LoggerFactory.getLogger(BindingController.class);
  private static final Duration NOT_SYNCED_RETRY = Duration.ofMillis(100);

  /**
   * Settings of the controller.
   *
   * @param wdsName the WDS name, for logs
   * @param coalesceDelay how long a policy waits for more changes before it is resolved (D7)
   * @param workers how many policies are resolved at once
   * @param apiGroups API groups whose objects may be bound; empty for all
   */
  public record Settings(
      String wdsName, Duration coalesceDelay, int workers, Set<String> apiGroups) {}

  private final KubernetesClient wds;
  private final KubernetesClient its;
  private final Settings settings;
  private final Clock clock;
  private final BindingMetrics metrics;
  private final BindingWriter writer;
  private final CoalescingQueue queue;
  private final WorkloadInformers workload;
  private final ExplainEvents explainer;
  private final StatusCollectorValidator collectorValidator;
  private final Map<String, BindingPolicyModel> models = new ConcurrentHashMap<>();
  private final Map<String, BindingContent> resolved = new ConcurrentHashMap<>();
  private final LatestWrites<Binding> bindingWrites = new LatestWrites<>();
  private final LatestWrites<BindingPolicy> policyWrites = new LatestWrites<>();
  private SharedIndexInformer<BindingPolicy> policies;
  private SharedIndexInformer<Binding> bindings;
  private SharedIndexInformer<StatusCollector> collectors;
  private SharedIndexInformer<ManagedCluster> clusters;
  private volatile boolean synced;
  private volatile boolean leading;
  private volatile boolean closing;
  private volatile String stoppedInformer;

  public BindingController(
      KubernetesClient wds,
      KubernetesClient its,
      Settings settings,
      Clock clock,
      MeterRegistry registry) {
    this.wds = wds;
    this.its = its;
    this.settings = settings;
    this.clock = clock;
    this.metrics = new BindingMetrics(registry);
    this.writer = new BindingWriter(wds, metrics);
    this.queue = new CoalescingQueue(settings.coalesceDelay(), settings.workers(), this::reconcile);
    this.workload =
        new WorkloadInformers(wds, new ResourceFilter(settings.apiGroups()), new WorkloadEvents());
    this.explainer = new ExplainEvents(wds, clock, metrics);
    // The status controller's validator: both controllers agree on which collectors are usable.
    this.collectorValidator = new StatusCollectorValidator(new CollectorExpressions());
    metrics.gauge(
        "kubestellar_binding_queue_depth",
        "BindingPolicies waiting or being resolved",
        queue::depth);
    metrics.gauge(
        "kubestellar_binding_watched_resources",
        "WDS resource types watched",
        workload::watchedTypes);
    metrics.gauge(
        "kubestellar_binding_leader", "1 while this replica leads", () -> leading ? 1 : 0);
  }

  /** Starts every informer and waits until all have synced; workers start on {@link #lead}. */
  public void start() {
    clusters = inform(its.resources(ManagedCluster.class).runnableInformer(0), new ClusterEvents());
    collectors =
        inform(wds.resources(StatusCollector.class).runnableInformer(0), new CollectorEvents());
    policies = inform(wds.resources(BindingPolicy.class).runnableInformer(0), new PolicyEvents());
    bindings = inform(wds.resources(Binding.class).runnableInformer(0), new BindingEvents());
    var all = List.of(clusters, collectors, policies, bindings);
    try {
      CompletableFuture.allOf(
              all.stream()
                  .map(i -> i.start().toCompletableFuture())
                  .toArray(CompletableFuture[]::new))
          .get(2, TimeUnit.MINUTES);
    } catch (Exception e) {
      throw new IllegalStateException(
          "the BindingPolicy/Binding/StatusCollector informers (WDS) or the ManagedCluster"
              + " informer (ITS) did not sync: "
              + e.getMessage(),
          e);
    }
    failWhenStopped("its:managedclusters", clusters);
    failWhenStopped("wds:statuscollectors", collectors);
    failWhenStopped("wds:bindingpolicies", policies);
    failWhenStopped("wds:bindings", bindings);
    workload.start();
    synced = true;
    LOG.atInfo()
        .setMessage("binding controller caches synced")
        .addKeyValue("wds", settings.wdsName())
        .addKeyValue("policies", policies.getStore().list().size())
        .addKeyValue("clusters", clusters.getStore().list().size())
        .log();
  }

  private static <T extends HasMetadata> SharedIndexInformer<T> inform(
      SharedIndexInformer<T> informer, ResourceEventHandler<T> handler) {
    informer.addEventHandler(handler);
    return informer;
  }

  /**
   * A fabric8 informer that gives up never restarts and its cache freezes; the controller is then
   * unhealthy so that Kubernetes restarts the process.
   */
  private void failWhenStopped(String name, SharedIndexInformer<?> informer) {
    informer
        .stopped()
        .whenComplete(
            (ignored, error) -> {
              if (closing) {
                return;
              }
              stoppedInformer = name;
              LOG.atError()
                  .setMessage("informer stopped; the process is unhealthy and must be restarted")
                  .addKeyValue("informer", name)
                  .addKeyValue("error", error == null ? "stopped" : error.getMessage())
                  .log();
            });
  }

  /** False once one of the controller's own informers stopped by itself (/healthz). */
  public boolean isHealthy() {
    return stoppedInformer == null;
  }

  /** Whether every cache has synced (the readiness of the component). */
  public boolean isSynced() {
    return synced && workload.synced();
  }

  /** Begins writing: starts the workers and resolves every policy and every Binding's name. */
  public void lead() {
    leading = true;
    queue.start();
    policies.getStore().list().forEach(p -> queue.add(p.getMetadata().getName()));
    bindings.getStore().list().forEach(b -> queue.add(b.getMetadata().getName()));
    LOG.atInfo()
        .setMessage("leading: binding workers started")
        .addKeyValue("wds", settings.wdsName())
        .log();
  }

  /** Stops writing (leadership lost or shutting down). */
  public void follow() {
    leading = false;
    queue.stop();
  }

  @Override
  public void close() {
    closing = true;
    follow();
    explainer.close();
    workload.close();
    for (var informer : new SharedIndexInformer<?>[] {clusters, collectors, policies, bindings}) {
      if (informer != null) {
        informer.stop();
      }
    }
  }

  // ---- reconcile ------------------------------------------------------------------------------

  private void reconcile(String name) {
    if (!isSynced()) {
      queue.addAfter(name, NOT_SYNCED_RETRY); // D14: never act on a partial cache
      return;
    }
    var sample = Timer.start();
    boolean ok = false;
    MDC.put("binding", name);
    MDC.put("wds", settings.wdsName());
    try {
      reconcilePolicy(name);
      ok = true;
    } finally {
      sample.stop(metrics.reconcile(ok));
      MDC.remove("binding");
      MDC.remove("wds");
    }
  }

  private void reconcilePolicy(String name) {
    var policy = policyWrites.current(name, policies.getStore().getByKey(name));
    var binding = bindingWrites.current(name, bindings.getStore().getByKey(name));
    if (policy == null) {
      var previous = resolved.remove(name);
      if (binding != null && BindingWriter.controlledByAPolicy(binding)) {
        // The WDS garbage collector would do this too; doing it here works without one.
        try {
          writer.deleteBinding(binding);
        } catch (KubernetesClientException e) {
          if (e.getCode() != 404) {
            throw e;
          }
        }
        bindingWrites.forget(name);
        LOG.info("deleted the Binding of a deleted BindingPolicy");
      }
      if (previous != null) {
        requeueSingletonPeers(name);
      }
      return;
    }
    if (policy.getMetadata().getDeletionTimestamp() != null) {
      resolved.remove(name);
      var finalizers = policy.getMetadata().getFinalizers();
      if (finalizers != null && finalizers.contains(WireNames.BINDING_POLICY_FINALIZER)) {
        writer.removeFinalizer(policy);
      }
      return;
    }

    var model = PolicyModels.from(policy);
    models.put(name, model);
    SyncOutcome outcome;
    RuntimeException failure = null;
    var problems = model.problems();
    if (model.hasInvalidClusterSelector()) {
      // Spec §3.4: an unusable cluster selector stops resolution; the Binding stays as it was.
      outcome = SyncOutcome.invalidClusterSelector(String.join("; ", problems));
    } else {
      var content =
          metrics
              .resolve()
              .record(() -> PolicyResolver.resolve(model, clusterLabels(), workload, workload));
      var current =
          binding == null ? BindingContent.EMPTY : BindingSpecs.content(binding.getSpec());
      boolean needsWrite =
          binding == null
              ? !content.isEmpty()
              : !content.equals(current) || !BindingWriter.ownedBy(binding, policy);
      outcome = SyncOutcome.SYNCED;
      if (needsWrite) {
        try {
          var before = binding;
          binding =
              metrics.bindingWrite().record(() -> writer.writeBinding(policy, before, content));
          bindingWrites.record(binding);
          LOG.atDebug().setMessage("wrote Binding").addKeyValue("content", content.summary()).log();
        } catch (KubernetesClientException e) {
          outcome = SyncOutcome.writeFailed(e.getMessage());
          failure = e;
        }
      }
      if (failure == null) {
        var previous = resolved.put(name, content);
        if (!content.equals(previous)) {
          requeueSingletonPeers(name);
        }
      }
    }

    var content = resolved.getOrDefault(name, BindingContent.EMPTY);
    var ownErrors = new ArrayList<>(problems);
    SingletonCheck.error(name, resolved).ifPresent(ownErrors::add);
    var bindingStatus = binding == null ? null : binding.getStatus();
    var plan =
        StatusPlanner.plan(
            model.generation(),
            outcome,
            StatusCollectorCheck.check(content, collectorProblems(content)),
            binding == null
                ? null
                : BindingSpecs.conditions(
                    bindingStatus == null ? null : bindingStatus.conditions()),
            BindingSpecs.conditions(
                policy.getStatus() == null ? null : policy.getStatus().conditions()),
            ownErrors,
            bindingStatus == null || bindingStatus.errors() == null
                ? List.of()
                : bindingStatus.errors(),
            clock.instant());

    if (binding != null
        && !Conditions.sameAs(
            plan.bindingConditions(),
            BindingSpecs.conditions(bindingStatus == null ? null : bindingStatus.conditions()))) {
      bindingWrites.record(writer.writeBindingStatus(binding, plan.bindingConditions()));
    }
    var policyStatus = policy.getStatus();
    boolean policyStatusDiffers =
        policyStatus == null
            || !Objects.equals(policyStatus.observedGeneration(), model.generation())
            || !Conditions.sameAs(
                plan.policyConditions(), BindingSpecs.conditions(policyStatus.conditions()))
            || !plan.policyErrors()
                .equals(policyStatus.errors() == null ? List.of() : policyStatus.errors());
    if (policyStatusDiffers) {
      policyWrites.record(
          writer.writePolicyStatus(
              policy, model.generation(), plan.policyConditions(), plan.policyErrors()));
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Validation problems of each referenced collector that exists (empty when it is valid). */
  private Map<String, List<String>> collectorProblems(BindingContent content) {
    var problems = new HashMap<String, List<String>>();
    for (var name : StatusCollectorCheck.referenced(content)) {
      var collector = collectors.getStore().getByKey(name);
      if (collector != null && collector.getMetadata().getDeletionTimestamp() == null) {
        problems.put(name, collectorValidator.validate(StatusCollectorDefinitions.of(collector)));
      }
    }
    return problems;
  }

  /** Other policies whose singleton error may depend on this policy's resolution. */
  private void requeueSingletonPeers(String name) {
    resolved.forEach(
        (other, content) -> {
          if (!other.equals(name)
              && content.objects().values().stream()
                  .anyMatch(b -> b.modulation().wantSingletonReportedState())) {
            queue.add(other);
          }
        });
  }

  private Map<String, Map<String, String>> clusterLabels() {
    var result = new HashMap<String, Map<String, String>>();
    for (var cluster : clusters.getStore().list()) {
      var labels = cluster.getMetadata().getLabels();
      result.put(cluster.getMetadata().getName(), labels == null ? Map.of() : labels);
    }
    return result;
  }

  // ---- event routing --------------------------------------------------------------------------

  private final class WorkloadEvents implements WorkloadListener {
    @Override
    public void objectChanged(
        GroupResource type,
        WorkloadObject before,
        WorkloadObject after,
        Map<String, String> annotations,
        String uid,
        String kind) {
      metrics.event();
      if (type.equals(WorkloadInformers.NAMESPACES)
          && (before == null
              || after == null
              || !Objects.equals(before.labels(), after.labels()))) {
        // Namespace labels feed namespaceSelectors (an improvement over upstream, §7.2 item 7).
        models.values().stream()
            .filter(BindingPolicyModel::testsNamespaceLabels)
            .forEach(m -> queue.add(m.name()));
      }
      if (before == null && after == null) {
        return; // a type watched only for namespace labels
      }
      var ref = (after != null ? after : before).ref();
      for (var model : models.values()) {
        if (!model.admitsType(type)) {
          continue;
        }
        var content = resolved.get(model.name());
        if ((content != null && content.objects().containsKey(ref))
            || (after != null && PolicyMatcher.match(model, after, workload).isPresent())
            || (before != null && PolicyMatcher.match(model, before, workload).isPresent())) {
          queue.add(model.name());
        }
      }
      if (leading) {
        explainer.consider(
            after,
            after == null ? null : annotations.get(EXPLAIN_ANNOTATION),
            uid,
            kind,
            () -> explainContext());
      }
    }

    @Override
    public void typeChanged(GroupResource type) {
      models.values().stream().filter(m -> m.admitsType(type)).forEach(m -> queue.add(m.name()));
    }
  }

  private ExplainEvents.Context explainContext() {
    var list = new ArrayList<BindingPolicyModel>();
    policies.getStore().list().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .forEach(p -> list.add(PolicyModels.from(p)));
    list.sort(java.util.Comparator.comparing(BindingPolicyModel::name));
    return new ExplainEvents.Context(list, clusterLabels(), workload);
  }

  private final class PolicyEvents implements ResourceEventHandler<BindingPolicy> {
    @Override
    public void onAdd(BindingPolicy policy) {
      policyWrites.observed(policy);
      models.put(policy.getMetadata().getName(), PolicyModels.from(policy));
      queue.add(policy.getMetadata().getName());
    }

    @Override
    public void onUpdate(BindingPolicy before, BindingPolicy after) {
      policyWrites.observed(after);
      models.put(after.getMetadata().getName(), PolicyModels.from(after));
      // Our own status writes do not change the generation and need no resolution.
      if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
          || !Objects.equals(
              before.getMetadata().getDeletionTimestamp(),
              after.getMetadata().getDeletionTimestamp())) {
        queue.add(after.getMetadata().getName());
      }
    }

    @Override
    public void onDelete(BindingPolicy policy, boolean unknownFinalState) {
      policyWrites.forget(policy.getMetadata().getName());
      models.remove(policy.getMetadata().getName());
      queue.add(policy.getMetadata().getName());
    }
  }

  private final class BindingEvents implements ResourceEventHandler<Binding> {
    @Override
    public void onAdd(Binding binding) {
      bindingWrites.observed(binding);
      queue.add(binding.getMetadata().getName());
    }

    @Override
    public void onUpdate(Binding before, Binding after) {
      bindingWrites.observed(after);
      if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
          || !Objects.equals(before.getStatus(), after.getStatus())
          || !Objects.equals(
              before.getMetadata().getOwnerReferences(),
              after.getMetadata().getOwnerReferences())) {
        queue.add(after.getMetadata().getName());
      }
    }

    @Override
    public void onDelete(Binding binding, boolean unknownFinalState) {
      bindingWrites.forget(binding.getMetadata().getName());
      queue.add(binding.getMetadata().getName());
    }
  }

  private final class ClusterEvents implements ResourceEventHandler<ManagedCluster> {
    @Override
    public void onAdd(ManagedCluster cluster) {
      changed(null, cluster.getMetadata().getLabels());
    }

    @Override
    public void onUpdate(ManagedCluster before, ManagedCluster after) {
      if (!Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels())) {
        changed(before.getMetadata().getLabels(), after.getMetadata().getLabels());
      }
    }

    @Override
    public void onDelete(ManagedCluster cluster, boolean unknownFinalState) {
      changed(cluster.getMetadata().getLabels(), null);
    }

    private void changed(Map<String, String> before, Map<String, String> after) {
      for (var model : models.values()) {
        if ((before != null && model.selectsCluster(before))
            || (after != null && model.selectsCluster(after))) {
          queue.add(model.name());
        }
      }
    }
  }

  private final class CollectorEvents implements ResourceEventHandler<StatusCollector> {
    @Override
    public void onAdd(StatusCollector collector) {
      changed(collector);
    }

    @Override
    public void onUpdate(StatusCollector before, StatusCollector after) {
      // A spec edit may make the collector valid or invalid; status writes change nothing here.
      if (!Objects.equals(before.getMetadata().getGeneration(), after.getMetadata().getGeneration())
          || !Objects.equals(
              before.getMetadata().getDeletionTimestamp(),
              after.getMetadata().getDeletionTimestamp())) {
        changed(after);
      }
    }

    @Override
    public void onDelete(StatusCollector collector, boolean unknownFinalState) {
      changed(collector);
    }

    private void changed(StatusCollector collector) {
      var name = collector.getMetadata().getName();
      resolved.forEach(
          (policy, content) -> {
            if (StatusCollectorCheck.referenced(content).contains(name)) {
              queue.add(policy);
            }
          });
    }
  }
}
