/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.api.control.v1alpha1.CombinedStatus;
import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.SpaceObjects;
import io.kubestellar.localenv.ToolPaths;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The default ({@code --mode full}) run of {@link StatusBenchmark}: the whole status pipeline as
 * separate processes, measured from a status change inside a WEC.
 *
 * <p>Set-up: the local environment with M WECs, the KubeStellar CRDs in the WDS and WorkStatus in
 * the ITS, the controller-manager, the transport-controller and one status-addon agent per WEC,
 * each from its runnable jar as its own process (next to the real OCM work agents). Half of the N
 * Deployments (rounded down) are delivered each to one WEC (round-robin) by a per-WEC BindingPolicy
 * with {@code wantSingletonReportedState}; the others to all M WECs. Every Deployment sits in a
 * namespace of its group that the same policy selects (WECs get only the namespaces a policy
 * selects), and every policy applies a {@code select} StatusCollector with the columns {@code wec}
 * ({@code inventory.name}) and {@code status} ({@code returned.status}).
 *
 * <p>A change: the benchmark deletes the pod of one delivered Deployment in one WEC. The WEC's
 * kube-controller-manager creates a replacement (kwok makes it Running) and rewrites the WEC
 * Deployment's {@code .status} (available replicas dip and recover, conditions move); the work
 * agent does not revert any of this since only {@code .status} and pods change. The benchmark
 * watches every WEC's Deployments and records each distinct {@code .status} with the time its watch
 * saw it; it watches the WDS Deployments and the CombinedStatuses and, when the WDS object's {@code
 * .status} (singleton) or the CombinedStatus row of that WEC holds the same value (JSON compared
 * with numbers by value), records the time from the WEC to the WDS. A WEC value replaced in the WEC
 * before the WDS showed it is counted as superseded (the agent and the controller coalesce), not as
 * a latency. All timestamps are taken by this JVM's watches, so both ends carry the same watch
 * delay.
 */
final class StatusPipelineRun {

  private static final String BENCH_LABEL = "bench.kubestellar.io/status";
  private static final String COLLECTOR = "status-bench-select";
  private static final String MULTI_NS = "status-bench-multi";
  private static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(60);

  private final int objects;
  private final int wecCount;
  private final int changes;
  private final int intervalMs;
  private final Path runDir;
  private final List<String> wecs = new ArrayList<>();

  /** Every (WEC, Deployment) delivered, by {@code wec|namespace|name}. */
  private final Map<String, Pair> pairs = new LinkedHashMap<>();

  /** The singleton-returned Deployments by {@code namespace|name}. */
  private final Map<String, Pair> singletons = new LinkedHashMap<>();

  private final List<Long> deleteToWec = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> wecToWds = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> wecToCombined = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger wecVersions = new AtomicInteger();
  private final AtomicInteger wdsSuperseded = new AtomicInteger();
  private final AtomicInteger combinedSuperseded = new AtomicInteger();
  private final AtomicInteger seenFirstInWds = new AtomicInteger();
  private final AtomicInteger completed = new AtomicInteger();
  private final AtomicInteger timedOut = new AtomicInteger();

  StatusPipelineRun(int objects, int wecs, int changes, int intervalMs, Path runDir) {
    this.objects = objects;
    this.wecCount = wecs;
    this.changes = changes;
    this.intervalMs = intervalMs;
    this.runDir = runDir;
    for (int w = 1; w <= wecs; w++) {
      this.wecs.add("cluster" + w);
    }
  }

  /** One WEC's copy of one Deployment, and what is known of its status on the three sides. */
  private static final class Pair {
    final String wec;
    final String namespace;
    final String name;
    final boolean singleton;
    String wecValue;
    Map<?, ?> wecStatus;
    String wdsValue;
    String combinedValue;
    final List<Version> wdsPending = new ArrayList<>();
    final List<Version> combinedPending = new ArrayList<>();
    boolean busy;
    boolean changedSinceDelete;
    long deletedAt;

    Pair(String wec, String namespace, String name, boolean singleton) {
      this.wec = wec;
      this.namespace = namespace;
      this.name = name;
      this.singleton = singleton;
    }
  }

  /** A distinct {@code .status} of a WEC Deployment, when this JVM saw it, measured or warm-up. */
  private record Version(String value, long at, boolean measured) {}

  private static String key(String wec, String namespace, String name) {
    return wec + "|" + namespace + "|" + name;
  }

  private static String singletonNamespace(String wec) {
    return "status-bench-" + wec;
  }

  int run() throws Exception {
    int singletonCount = objects / 2;
    System.out.printf(
        "[status] full pipeline: %d Deployments x %d WECs (%d returned singleton from one WEC each,"
            + " %d delivered to all %d WECs), %d changes inside WECs (a pod deleted, one every"
            + " %d ms at most)%n",
        objects, wecCount, singletonCount, objects - singletonCount, wecCount, changes, intervalMs);
    System.out.printf("[status] load average before: %s%n", Measures.loadAverage());
    long t0 = System.nanoTime();
    var spec = EnvironmentSpec.defaults(runDir.toAbsolutePath()).withWecNames(wecs);
    try (var env = LocalEnvironment.start(spec, ToolPaths.fromEnvironment())) {
      long tEnv = System.nanoTime();
      var wds = env.client("wds1");
      var its = env.client("its1");
      var pipeline = AdminComponents.startStatusPipeline(env, wecs);
      long tComponents = System.nanoTime();

      setUp(wds, singletonCount);
      watch(env, wds);
      Measures.waitFor(
          "every Deployment Available in its WECs and its status in the WDS (warm-up)",
          Duration.ofMinutes(5),
          this::allSettled);
      long tWarm = System.nanoTime();
      System.out.printf(
          "[status] environment ready in %.1f s, components ready in %.1f s, %d WEC copies"
              + " Available and reflected in the WDS in %.1f s%n",
          (tEnv - t0) / 1e9, (tComponents - tEnv) / 1e9, pairs.size(), (tWarm - tComponents) / 1e9);

      long began = System.nanoTime();
      drive(env);
      double seconds = (System.nanoTime() - began) / 1e9;
      report(pipeline, seconds);
    }
    return 0;
  }

  // ---- set-up ---------------------------------------------------------------------------------

  private void setUp(KubernetesClient wds, int singletonCount) {
    var collector =
        Map.<String, Object>of(
            "select",
            List.of(
                Map.of("name", "wec", "def", "inventory.name"),
                Map.of("name", "status", "def", "returned.status")),
            "limit",
            Math.max(20, wecCount));
    SpaceObjects.statusCollector(wds, COLLECTOR, collector);
    var namespaces = new ArrayList<String>();
    for (int i = 0; i < objects; i++) {
      var name = String.format("web-%05d", i);
      if (i < singletonCount) {
        var wec = wecs.get(i % wecCount);
        var ns = singletonNamespace(wec);
        var pair = new Pair(wec, ns, name, true);
        pairs.put(key(wec, ns, name), pair);
        singletons.put(ns + "|" + name, pair);
        createDeployment(wds, namespaces, ns, name);
      } else {
        for (var wec : wecs) {
          pairs.put(key(wec, MULTI_NS, name), new Pair(wec, MULTI_NS, name, false));
        }
        createDeployment(wds, namespaces, MULTI_NS, name);
      }
    }
    for (var wec : wecs) {
      if (namespaces.contains(singletonNamespace(wec))) {
        policy(
            wds,
            "status-bench-" + wec,
            Map.of("name", wec),
            singletonNamespace(wec),
            Map.of("wantSingletonReportedState", true));
      }
    }
    if (namespaces.contains(MULTI_NS)) {
      policy(wds, "status-bench-multi", Map.of("location-group", "edge"), MULTI_NS, Map.of());
    }
  }

  private static void createDeployment(
      KubernetesClient wds, List<String> namespaces, String namespace, String name) {
    if (!namespaces.contains(namespace)) {
      namespaces.add(namespace);
      SpaceObjects.namespace(wds, namespace, Map.of(SpaceObjects.PART_OF, namespace));
    }
    wds.apps()
        .deployments()
        .inNamespace(namespace)
        .resource(
            BenchPipeline.deployment(
                namespace, name, Map.of(BENCH_LABEL, "true", "app.kubernetes.io/name", name)))
        .serverSideApply();
  }

  /**
   * A BindingPolicy delivering the namespace (selected by its {@code part-of} label) and every
   * Deployment in it to the clusters matching {@code clusterLabels}, with the collector.
   */
  private static void policy(
      KubernetesClient wds,
      String name,
      Map<String, String> clusterLabels,
      String namespace,
      Map<String, Object> modulation) {
    var deployments = new LinkedHashMap<String, Object>();
    deployments.put("statusCollectors", List.of(COLLECTOR));
    deployments.putAll(modulation);
    SpaceObjects.bindingPolicy(
        wds, name, SpaceObjects.namespacedDeploymentsSpec(clusterLabels, namespace, deployments));
  }

  // ---- observation ----------------------------------------------------------------------------

  private void watch(LocalEnvironment env, KubernetesClient wds) {
    for (var wec : wecs) {
      env.client(wec)
          .genericKubernetesResources("apps/v1", "Deployment")
          .inAnyNamespace()
          .withLabel(BENCH_LABEL, "true")
          .inform(SpaceObjects.onAddOrUpdate((GenericKubernetesResource d) -> wecSeen(wec, d)));
    }
    wds.genericKubernetesResources("apps/v1", "Deployment")
        .inAnyNamespace()
        .withLabel(BENCH_LABEL, "true")
        .inform(SpaceObjects.onAddOrUpdate(this::wdsSeen));
    wds.resources(CombinedStatus.class)
        .inAnyNamespace()
        .inform(SpaceObjects.onAddOrUpdate(this::combinedSeen));
  }

  private void wecSeen(String wec, GenericKubernetesResource d) {
    long now = System.nanoTime();
    var pair = pairs.get(key(wec, d.getMetadata().getNamespace(), d.getMetadata().getName()));
    if (pair == null) {
      return;
    }
    var status = d.getAdditionalProperties().get("status");
    var value = canonical(status);
    synchronized (pair) {
      if (value.equals(pair.wecValue)) {
        return;
      }
      pair.wecValue = value;
      pair.wecStatus = status instanceof Map<?, ?> m ? m : null;
      boolean measured = pair.busy;
      if (measured) {
        wecVersions.incrementAndGet();
        if (!pair.changedSinceDelete) {
          pair.changedSinceDelete = true;
          deleteToWec.add(now - pair.deletedAt);
        }
      }
      var version = new Version(value, now, measured);
      if (pair.singleton) {
        pair.wdsPending.add(version);
        // The WDS watch may have delivered the same value first (both watches run in this JVM).
        match(pair.wdsPending, pair.wdsValue, now, wecToWds, wdsSuperseded);
      }
      pair.combinedPending.add(version);
      match(pair.combinedPending, pair.combinedValue, now, wecToCombined, combinedSuperseded);
    }
  }

  private void wdsSeen(GenericKubernetesResource d) {
    long now = System.nanoTime();
    var pair = singletons.get(d.getMetadata().getNamespace() + "|" + d.getMetadata().getName());
    if (pair == null) {
      return;
    }
    var value = canonical(d.getAdditionalProperties().get("status"));
    synchronized (pair) {
      pair.wdsValue = value;
      match(pair.wdsPending, value, now, wecToWds, wdsSuperseded);
    }
  }

  private void combinedSeen(CombinedStatus cs) {
    long now = System.nanoTime();
    var labels = cs.getMetadata().getLabels();
    if (labels == null || cs.getResults() == null) {
      return;
    }
    var namespace = labels.get("status.kubestellar.io/namespace");
    var name = labels.get("status.kubestellar.io/name");
    for (var result : cs.getResults()) {
      if (!COLLECTOR.equals(result.name()) || result.rows() == null) {
        continue;
      }
      int wecColumn = result.columnNames().indexOf("wec");
      int statusColumn = result.columnNames().indexOf("status");
      for (var row : result.rows()) {
        var wec = row.columns().get(wecColumn).string();
        var pair = pairs.get(key(wec, namespace, name));
        if (pair == null) {
          continue;
        }
        var value = canonical(row.columns().get(statusColumn).object());
        synchronized (pair) {
          pair.combinedValue = value;
          match(pair.combinedPending, value, now, wecToCombined, combinedSuperseded);
        }
      }
    }
  }

  /**
   * If {@code seen} equals a pending WEC value, records the latency of the newest such value (when
   * measured), counts older measured values as superseded and drops them all.
   */
  private void match(
      List<Version> pending,
      String seen,
      long now,
      List<Long> latencies,
      AtomicInteger superseded) {
    if (seen == null) {
      return;
    }
    int found = -1;
    for (int k = pending.size() - 1; k >= 0; k--) {
      if (pending.get(k).value().equals(seen)) {
        found = k;
        break;
      }
    }
    if (found < 0) {
      return;
    }
    for (int k = 0; k < found; k++) {
      if (pending.get(k).measured()) {
        superseded.incrementAndGet();
      }
    }
    var version = pending.get(found);
    if (version.measured()) {
      if (now <= version.at()) {
        seenFirstInWds.incrementAndGet();
      }
      latencies.add(Math.max(0, now - version.at()));
    }
    pending.subList(0, found + 1).clear();
  }

  /** JSON text with sorted keys, null members dropped and numbers by value. */
  static String canonical(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?> map) {
      var sorted = new TreeMap<String, Object>();
      map.forEach(
          (k, v) -> {
            if (v != null) {
              sorted.put(String.valueOf(k), v);
            }
          });
      return sorted.entrySet().stream()
          .map(e -> '"' + e.getKey() + "\":" + canonical(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream()
          .map(StatusPipelineRun::canonical)
          .collect(Collectors.joining(",", "[", "]"));
    }
    if (value instanceof Number number) {
      return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
    }
    if (value instanceof String text) {
      return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
    return value.toString();
  }

  // ---- changes --------------------------------------------------------------------------------

  private boolean allSettled() {
    for (var pair : pairs.values()) {
      synchronized (pair) {
        if (!settled(pair)) {
          return false;
        }
      }
    }
    return true;
  }

  /** The WEC copy is Available with one replica and both WDS views show its latest status. */
  private static boolean settled(Pair pair) {
    var s = pair.wecStatus;
    return s != null
        && number(s, "replicas") == 1
        && number(s, "updatedReplicas") == 1
        && number(s, "readyReplicas") == 1
        && number(s, "availableReplicas") == 1
        && number(s, "unavailableReplicas") == 0
        && pair.wdsPending.isEmpty()
        && pair.combinedPending.isEmpty()
        && (!pair.singleton || pair.wecValue.equals(pair.wdsValue))
        && pair.wecValue.equals(pair.combinedValue);
  }

  private static long number(Map<?, ?> map, String field) {
    return map.get(field) instanceof Number n ? n.longValue() : 0;
  }

  /** Whether a change is under way on the pair; ends it when it completed or timed out. */
  private boolean busy(Pair pair, long now) {
    synchronized (pair) {
      if (!pair.busy) {
        return false;
      }
      if (pair.changedSinceDelete && settled(pair)) {
        pair.busy = false;
        completed.incrementAndGet();
        return false;
      }
      if (now - pair.deletedAt > CHANGE_TIMEOUT.toNanos()) {
        pair.busy = false;
        timedOut.incrementAndGet();
        System.out.printf(
            "[status] change on %s/%s in %s not reflected within %s: WEC %s, WDS %s,"
                + " CombinedStatus %s%n",
            pair.namespace,
            pair.name,
            pair.wec,
            CHANGE_TIMEOUT,
            cut(pair.wecValue),
            cut(pair.wdsValue),
            cut(pair.combinedValue));
        return false;
      }
      return true;
    }
  }

  private void drive(LocalEnvironment env) throws InterruptedException {
    var order = new ArrayList<>(pairs.values());
    Collections.shuffle(order, new Random(6));
    int cursor = 0;
    for (int issued = 0; issued < changes; ) {
      Pair next = null;
      long now = System.nanoTime();
      for (int t = 0; t < order.size(); t++) {
        var candidate = order.get((cursor + t) % order.size());
        if (!busy(candidate, now)) {
          next = candidate;
          cursor = (cursor + t + 1) % order.size();
          break;
        }
      }
      if (next == null) {
        Thread.sleep(20);
        continue;
      }
      var wec = env.client(next.wec);
      var pods =
          wec.pods().inNamespace(next.namespace).withLabel("app", next.name).list().getItems();
      if (pods.isEmpty()) {
        continue;
      }
      synchronized (next) {
        next.busy = true;
        next.changedSinceDelete = false;
        next.deletedAt = System.nanoTime();
      }
      for (var pod : pods) {
        wec.pods().resource(pod).withGracePeriod(0).delete();
      }
      issued++;
      Thread.sleep(intervalMs);
    }
    long deadline = System.nanoTime() + CHANGE_TIMEOUT.toNanos() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < deadline) {
      long now = System.nanoTime();
      if (pairs.values().stream().noneMatch(p -> busy(p, now))) {
        return;
      }
      Thread.sleep(20);
    }
  }

  // ---- results --------------------------------------------------------------------------------

  private void report(AdminComponents pipeline, double seconds) {
    System.out.printf(
        "[status] changes: %d made in %.1f s, %d completed (WEC Available again and both WDS views"
            + " equal to it), %d not within %s; %d distinct WEC .status values after the deletions%n",
        changes, seconds, completed.get(), timedOut.get(), CHANGE_TIMEOUT, wecVersions.get());
    System.out.printf(
        "[status] pod deleted in WEC -> WEC Deployment .status changed:  %s%n",
        Measures.figures(deleteToWec));
    System.out.printf(
        "[status] WEC .status change -> WDS object .status (singleton):  %s; superseded in the"
            + " WEC before shown: %d%n",
        Measures.figures(wecToWds), wdsSuperseded.get());
    System.out.printf(
        "[status] WEC .status change -> CombinedStatus row:              %s; superseded in the"
            + " WEC before shown: %d%n",
        Measures.figures(wecToCombined), combinedSuperseded.get());
    if (seenFirstInWds.get() > 0) {
      System.out.printf(
          "[status] %d values reached this JVM from the WDS before the WEC watch delivered them"
              + " (counted as 0 ms)%n",
          seenFirstInWds.get());
    }
    System.out.printf("[status] memory, resident now / peak: %s%n", pipeline.memory());
    System.out.printf(
        "[status] benchmark JVM resident: %d MiB; load average after: %s%n",
        Measures.residentKib() / 1024, Measures.loadAverage());
  }

  private static String cut(String text) {
    return text == null || text.length() <= 400 ? text : text.substring(0, 400) + "...";
  }
}
