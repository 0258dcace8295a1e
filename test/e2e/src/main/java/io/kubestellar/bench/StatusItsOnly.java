/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.api.control.v1alpha1.AggregatorType;
import io.kubestellar.api.control.v1alpha1.CombinedStatus;
import io.kubestellar.api.control.v1alpha1.NamedAggregator;
import io.kubestellar.api.control.v1alpha1.StatusCollector;
import io.kubestellar.api.control.v1alpha1.StatusCollectorSpec;
import io.kubestellar.controller.reconciler.status.StatusController;
import io.kubestellar.controller.reconciler.status.StatusControllerOptions;
import io.kubestellar.localenv.Crds;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.SpaceObjects;
import io.kubestellar.localenv.StatusInputs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The {@code --mode its-only} run of {@link StatusBenchmark}: with N Deployments bound to M WECs
 * (multi-WEC return when M ≥ 2, singleton when M = 1, plus a SUM collector), the time from a
 * WorkStatus change in the ITS to the WDS object's status and to its CombinedStatus reflecting it
 * (p50/p99), and the controller's memory.
 *
 * <p>The WorkStatuses are written by this class, as the status agent would: the measured path
 * starts at the ITS and covers the status controller (in this JVM) and both API servers, not the
 * WEC and the agent. The default mode ({@link StatusPipelineRun}) measures the whole pipeline.
 */
final class StatusItsOnly {

  private static final String NS = "status-bench";
  private static final String POLICY = "status-bench";
  private static final String COLLECTOR = "status-bench-sum";

  private final int objects;
  private final int wecs;
  private final int rounds;
  private final Path runDir;

  StatusItsOnly(int objects, int wecs, int rounds, Path runDir) {
    this.objects = objects;
    this.wecs = wecs;
    this.rounds = rounds;
    this.runDir = runDir;
  }

  /** Per round and object: when the change was written, and when each view reflected it. */
  private final Map<String, Long> changedAt = new ConcurrentHashMap<>();

  private final Map<String, Long> statusSeenAt = new ConcurrentHashMap<>();
  private final Map<String, Long> combinedSeenAt = new ConcurrentHashMap<>();
  private volatile int round;
  private StatusInputs inputs;

  int run() throws Exception {
    System.out.printf(
        "[status] its-only: %d objects x %d WECs, %d rounds; measured from a WorkStatus change in the ITS"
            + " (the status agent is simulated; see the class comment)%n",
        objects, wecs, rounds);
    try (var env =
        LocalEnvironment.start(EnvironmentSpec.defaults(runDir.toAbsolutePath()).withoutWecs())) {
      var wds = env.client("wds1");
      var its = env.client("its1");
      Crds.installKubeStellar(wds, its);
      long heapBefore = usedHeapAfterGc();
      var registry = new SimpleMeterRegistry();
      var controller =
          new StatusController(
              env.newClient("wds1"),
              env.newClient("its1"),
              "wds1",
              Clock.systemUTC(),
              registry,
              StatusControllerOptions.defaults());
      controller.start();
      Measures.waitFor("controller ready", Duration.ofMinutes(2), controller::isReady);

      var uids = setUp(wds, its);
      watch(wds, uids);
      Measures.waitFor(
          "initial status and CombinedStatus of every object",
          Duration.ofMinutes(5),
          () -> statusSeenAt.size() == objects && combinedSeenAt.size() == objects);

      var statusLatencies = new ArrayList<Long>();
      var combinedLatencies = new ArrayList<Long>();
      var pool = Executors.newFixedThreadPool(4);
      long began = System.nanoTime();
      for (int r = 1; r <= rounds; r++) {
        statusSeenAt.clear();
        combinedSeenAt.clear();
        changedAt.clear();
        round = r;
        int available = target(r);
        var futures = new ArrayList<java.util.concurrent.Future<?>>();
        for (int i = 0; i < objects; i++) {
          var name = name(i);
          futures.add(
              pool.submit(
                  () -> {
                    changedAt.put(name, System.nanoTime());
                    report("cluster1", name, available);
                  }));
        }
        for (var f : futures) {
          f.get();
        }
        Measures.waitFor(
            "round " + r,
            Duration.ofMinutes(5),
            () -> statusSeenAt.size() == objects && combinedSeenAt.size() == objects);
        for (var e : changedAt.entrySet()) {
          statusLatencies.add(statusSeenAt.get(e.getKey()) - e.getValue());
          combinedLatencies.add(combinedSeenAt.get(e.getKey()) - e.getValue());
        }
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      pool.shutdownNow();
      long heapAfter = usedHeapAfterGc();

      var timer = controller.reportLatency();
      System.out.printf(
          "[status] WorkStatus change -> WDS object status:  p50 %s  p99 %s  (n=%d)%n",
          Measures.ms(Measures.percentile(statusLatencies, 0.50)),
          Measures.ms(Measures.percentile(statusLatencies, 0.99)),
          statusLatencies.size());
      System.out.printf(
          "[status] WorkStatus change -> CombinedStatus:     p50 %s  p99 %s  (n=%d)%n",
          Measures.ms(Measures.percentile(combinedLatencies, 0.50)),
          Measures.ms(Measures.percentile(combinedLatencies, 0.99)),
          combinedLatencies.size());
      System.out.printf(
          "[status] controller's own view (event seen -> written): mean %.1f ms, max %.1f ms,"
              + " %d samples%n",
          timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS), timer.count());
      System.out.printf(
          "[status] throughput: %.0f object changes/s over %d rounds%n",
          objects * rounds / seconds, rounds);
      System.out.printf(
          "[status] writes by target: %s%n",
          registry.find("kubestellar.status.writes").counters().stream()
              .map(c -> c.getId().getTag("target") + "=" + (long) c.count())
              .toList());
      System.out.printf(
          "[status] status controller memory: ~%d MiB heap retained (in-process; heap used after"
              + " GC with the controller running minus before it started)%n",
          Math.max(0, heapAfter - heapBefore) / (1024 * 1024));
      System.out.printf(
          "[status] benchmark JVM resident: %d MiB; API servers: %s%n",
          Measures.residentKib() / 1024, apiServerMemory(env));
      System.out.println(
          "[status] agent memory: not measured in this mode (no WEC, the agent is simulated)");
      controller.stop();
    }
    return 0;
  }

  private static int target(int round) {
    return round % 2 == 1 ? 0 : 1;
  }

  private static String name(int i) {
    return String.format("web-%05d", i);
  }

  private Map<String, String> setUp(KubernetesClient wds, KubernetesClient its) {
    SpaceObjects.namespace(wds, NS);
    wds.resources(StatusCollector.class)
        .resource(
            new StatusCollector(
                COLLECTOR,
                new StatusCollectorSpec(
                    null,
                    null,
                    List.of(
                        new NamedAggregator(
                            "available", AggregatorType.SUM, "returned.status.availableReplicas")),
                    null,
                    20L)))
        .serverSideApply();
    var uids = new LinkedHashMap<String, String>();
    var entries = new ArrayList<StatusInputs.Entry>();
    for (int i = 0; i < objects; i++) {
      var d = wds.apps().deployments().inNamespace(NS).resource(deployment(name(i))).create();
      uids.put(name(i), d.getMetadata().getUid());
      entries.add(
          new StatusInputs.Entry(
              NS,
              name(i),
              d.getMetadata().getResourceVersion(),
              List.of(COLLECTOR),
              wecs == 1,
              wecs != 1));
    }
    var destinations = new ArrayList<String>();
    for (int w = 1; w <= wecs; w++) {
      destinations.add("cluster" + w);
    }
    inputs = new StatusInputs(wds, its);
    inputs.binding(POLICY, inputs.policy(POLICY), destinations, entries);
    for (var wec : destinations) {
      SpaceObjects.namespace(its, wec);
      for (int i = 0; i < objects; i++) {
        report(wec, name(i), 1);
      }
    }
    return uids;
  }

  private static Deployment deployment(String name) {
    return BenchPipeline.deployment(NS, name, Map.of());
  }

  /** Writes the WorkStatus a WEC's agent would, with the given availableReplicas. */
  private void report(String wec, String name, int available) {
    var status = new LinkedHashMap<String, Object>();
    status.put("observedGeneration", 1);
    status.put("replicas", 1);
    status.put("updatedReplicas", 1);
    status.put("readyReplicas", available);
    status.put("availableReplicas", available);
    inputs.writeReport(wec, POLICY, NS, name, status);
  }

  private void watch(KubernetesClient wds, Map<String, String> uids) {
    var deployments = wds.apps().deployments().inNamespace(NS).inform();
    deployments.addEventHandler(
        SpaceObjects.onAddOrUpdate(
            (Deployment d) -> {
              var s = d.getStatus();
              if (s == null || s.getReplicas() == null) {
                return;
              }
              int available = s.getAvailableReplicas() == null ? 0 : s.getAvailableReplicas();
              if (available == (round == 0 ? 1 : target(round))) {
                statusSeenAt.putIfAbsent(d.getMetadata().getName(), System.nanoTime());
              }
            }));
    var subjects = new ConcurrentHashMap<String, String>();
    uids.forEach((name, uid) -> subjects.put(uid, name));
    var combined = wds.resources(CombinedStatus.class).inNamespace(NS).inform();
    combined.addEventHandler(
        SpaceObjects.onAddOrUpdate(
            (CombinedStatus cs) -> {
              var name = subjects.get(cs.getMetadata().getName().split("\\.")[0]);
              if (name == null || cs.getResults() == null || cs.getResults().isEmpty()) {
                return;
              }
              var rows = cs.getResults().get(0).rows();
              if (rows == null || rows.isEmpty()) {
                return;
              }
              var sum = rows.get(0).columns().get(0).number();
              int expected = (wecs - 1) + (round == 0 ? 1 : target(round));
              if (Integer.toString(expected).equals(sum)) {
                combinedSeenAt.putIfAbsent(name, System.nanoTime());
              }
            }));
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }

  private static String apiServerMemory(LocalEnvironment env) {
    var parts = new ArrayList<String>();
    env.memory()
        .forEach(
            (name, m) -> {
              if (name.startsWith("apiserver-")) {
                parts.add(name + "=" + m.currentKib() / 1024 + " MiB");
              }
            });
    return String.join(", ", parts);
  }
}
