/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.SourceRef;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.api.control.v1alpha1.WorkStatusSpec;
import io.kubestellar.localenv.SpaceObjects;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A fleet of inventory-only clusters carrying N ConfigMaps, with what their agents would report:
 * the benchmark creates the objects and a policy in the WDS, lets the real controller-manager and
 * transport-controller write the Binding and the ManifestWorks (one per object and cluster with the
 * transport's default {@code --max-num-wrapped 1}), then writes, as each cluster's work agent and
 * status add-on would, every ManifestWork's status (its manifests applied and available) and one
 * WorkStatus per object. So {@code where} reads lists of the sizes a real fleet of that size has.
 */
final class SimulatedFleet {

  static final String NAMESPACE = "where-fleet";
  static final String POLICY = "where-fleet";
  private static final String CLUSTER_LABEL = "where-bench";
  private static final String WORK_API = "work.open-cluster-management.io/v1";

  private final KubernetesClient wds;
  private final KubernetesClient its;
  private final int objects;
  private final List<String> clusters = new ArrayList<>();
  private int works;

  SimulatedFleet(KubernetesClient wds, KubernetesClient its, int objects, int clusters) {
    this.wds = wds;
    this.its = its;
    this.objects = objects;
    for (int i = 1; i <= clusters; i++) {
      this.clusters.add("fleet-" + i);
    }
  }

  /** Creates everything and returns once every cluster's ManifestWork and reports are written. */
  void create() throws InterruptedException {
    for (var cluster : clusters) {
      SpaceObjects.managedCluster(its, cluster, Map.of("name", cluster, "fleet", CLUSTER_LABEL));
      SpaceObjects.namespace(its, cluster);
    }
    SpaceObjects.namespace(wds, NAMESPACE, Map.of(SpaceObjects.PART_OF, NAMESPACE));
    parallel(
        objects,
        i ->
            wds.configMaps()
                .inNamespace(NAMESPACE)
                .resource(
                    new ConfigMapBuilder()
                        .withNewMetadata()
                        .withName(objectName(i))
                        .withLabels(Map.of(SpaceObjects.PART_OF, NAMESPACE))
                        .endMetadata()
                        .withData(Map.of("value", Integer.toString(i)))
                        .build())
                .serverSideApply());
    BenchPipeline.policy(
        wds, POLICY, Map.of("fleet", CLUSTER_LABEL), Map.of(SpaceObjects.PART_OF, NAMESPACE));
    var works = new ArrayList<GenericKubernetesResource>();
    for (var cluster : clusters) {
      works.addAll(awaitWorks(cluster));
    }
    this.works = works.size();
    parallel(works.size(), i -> reportApplied(works.get(i)));
    var reports = new ArrayList<Runnable>();
    for (var work : works) {
      for (var manifest : manifests(work)) {
        reports.add(() -> report(work, manifest));
      }
    }
    parallel(reports.size(), i -> reports.get(i).run());
  }

  /** How many ManifestWorks the transport wrote (one per object and cluster by default). */
  int works() {
    return works;
  }

  /** The cells of the fleet: objects (with their namespace) × clusters. */
  int cells() {
    return (objects + 1) * clusters.size();
  }

  private static String objectName(int i) {
    return String.format(Locale.ROOT, "cm-%05d", i);
  }

  /** The cluster's ManifestWorks, once together they carry every object. */
  private List<GenericKubernetesResource> awaitWorks(String cluster) throws InterruptedException {
    var found = new ArrayList<GenericKubernetesResource>();
    Measures.waitFor(
        "the ManifestWorks of " + cluster + " carrying " + (objects + 1) + " objects",
        Duration.ofMinutes(10),
        () -> {
          var list =
              its.genericKubernetesResources(WORK_API, "ManifestWork")
                  .inNamespace(cluster)
                  .withLabel(WireNames.ORIGIN_WDS_LABEL, "wds1")
                  .list()
                  .getItems();
          found.clear();
          found.addAll(list);
          return list.stream().mapToInt(w -> manifests(w).size()).sum() == objects + 1;
        });
    return found;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> manifests(GenericKubernetesResource work) {
    var spec = (Map<String, Object>) work.getAdditionalProperties().get("spec");
    var workload = spec == null ? null : (Map<String, Object>) spec.get("workload");
    var manifests = workload == null ? null : workload.get("manifests");
    return manifests == null ? List.of() : (List<Map<String, Object>>) manifests;
  }

  /** The work agent's report: the work and each manifest applied and available. */
  private void reportApplied(GenericKubernetesResource work) {
    var now = Instant.now().toString();
    var statuses = new ArrayList<Map<String, Object>>();
    int ordinal = 0;
    for (var manifest : manifests(work)) {
      @SuppressWarnings("unchecked")
      var metadata = (Map<String, Object>) manifest.get("metadata");
      var kind = (String) manifest.get("kind");
      var meta = new java.util.LinkedHashMap<String, Object>();
      meta.put("ordinal", ordinal++);
      meta.put("group", "");
      meta.put("version", "v1");
      meta.put("kind", kind);
      meta.put("resource", kind.equals("Namespace") ? "namespaces" : "configmaps");
      meta.put("name", metadata.get("name"));
      meta.put("namespace", metadata.getOrDefault("namespace", ""));
      statuses.add(
          Map.of(
              "resourceMeta",
              meta,
              "conditions",
              List.of(
                  condition("Applied", "AppliedManifestComplete", now),
                  condition("Available", "ResourceAvailable", now),
                  condition("StatusFeedbackSynced", "NoStatusFeedbackSynced", now))));
    }
    var status =
        Map.of(
            "conditions",
            List.of(
                condition("Applied", "AppliedManifestWorkComplete", now),
                condition("Available", "ResourcesAvailable", now)),
            "resourceStatus",
            Map.of("manifests", statuses));
    var ops =
        its.genericKubernetesResources(WORK_API, "ManifestWork")
            .inNamespace(work.getMetadata().getNamespace());
    for (int attempt = 0; ; attempt++) {
      var current = ops.withName(work.getMetadata().getName()).get();
      current.getAdditionalProperties().put("status", status);
      try {
        ops.resource(current).updateStatus();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 10) {
          throw e;
        }
      }
    }
  }

  private static Map<String, Object> condition(String type, String reason, String now) {
    return Map.of(
        "type",
        type,
        "status",
        "True",
        "reason",
        reason,
        "message",
        "reported by the where benchmark as the agent would",
        "lastTransitionTime",
        now);
  }

  /**
   * The status add-on's WorkStatus for one manifest of a work (no status: ConfigMaps have none).
   */
  @SuppressWarnings("unchecked")
  private void report(GenericKubernetesResource work, Map<String, Object> manifest) {
    var cluster = work.getMetadata().getNamespace();
    var metadata = (Map<String, Object>) manifest.get("metadata");
    var name = (String) metadata.get("name");
    var namespace = (String) metadata.getOrDefault("namespace", "");
    var kind = (String) manifest.get("kind");
    var source =
        kind.equals("Namespace")
            ? new SourceRef("", "v1", "namespaces", kind, "", name)
            : new SourceRef("", "v1", "configmaps", kind, namespace, name);
    var ws = new WorkStatus();
    ws.setMetadata(
        new ObjectMetaBuilder()
            .withName(
                ("amw-" + cluster + "-v1-" + kind + "-" + namespace + "-" + name)
                    .toLowerCase(Locale.ROOT)
                    .replace("--", "-"))
            .withNamespace(cluster)
            .withLabels(work.getMetadata().getLabels())
            .withOwnerReferences(
                new OwnerReferenceBuilder()
                    .withApiVersion(WORK_API)
                    .withKind("ManifestWork")
                    .withName(work.getMetadata().getName())
                    .withUid(work.getMetadata().getUid())
                    .withController(true)
                    .withBlockOwnerDeletion(true)
                    .build())
            .build());
    ws.setSpec(new WorkStatusSpec(source));
    its.resources(WorkStatus.class).inNamespace(cluster).resource(ws).create();
  }

  private interface Step {
    void run(int i);
  }

  private static void parallel(int count, Step step) throws InterruptedException {
    var pool = Executors.newFixedThreadPool(8);
    var failures = new java.util.concurrent.ConcurrentLinkedQueue<RuntimeException>();
    for (int i = 0; i < count; i++) {
      int index = i;
      pool.execute(
          () -> {
            try {
              step.run(index);
            } catch (RuntimeException e) {
              failures.add(e);
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("writing " + count + " objects took more than 10 minutes");
    }
    if (!failures.isEmpty()) {
      throw failures.peek();
    }
  }
}
