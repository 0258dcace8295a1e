/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.SpaceObjects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures drift handling (D16) over the whole pipeline: the time from an edit made directly in a
 * WEC to its report (the WorkStatus {@code drift}, then the Binding's {@code Ready=False Drifted}),
 * to its repair (the WEC copy back at the WDS value) and to the report clearing.
 *
 * <p>Set-up: the local environment with two real WECs, every component as its own process ({@link
 * BenchPipeline}), N Deployments with 1 replica delivered to both WECs by one policy. An edit sets
 * {@code spec.replicas} to 2 in one WEC copy (round-robin over objects and WECs, field manager
 * {@code bench-edit}), as {@code kubectl scale} would. Edits are made one at a time: the next
 * starts once the previous one is repaired, its report cleared and the Binding Ready again. Every
 * time is taken by this JVM's watches, from the watch event showing the edit in the WEC, so both
 * ends carry the same watch delay.
 */
@Command(
    name = "drift",
    mixinStandardHelpOptions = true,
    description =
        "WEC edit -> drift report (WorkStatus, Binding) -> repair -> report cleared, p50/p99 over"
            + " the whole pipeline.")
public final class DriftBenchmark implements Callable<Integer> {

  private static final String NAMESPACE = "drift-bench";
  private static final String PART_OF = SpaceObjects.PART_OF;
  private static final String POLICY = "drift-bench";
  private static final List<String> WECS = List.of("cluster1", "cluster2");
  private static final Duration EDIT_TIMEOUT = Duration.ofSeconds(120);

  @Option(names = "--objects", defaultValue = "4", description = "Deployments delivered (N).")
  int objects;

  @Option(names = "--edits", defaultValue = "20", description = "WEC edits made, one at a time.")
  int edits;

  @Mixin RunDirectory runDir;

  /** Last time (nanoTime) each watched fact was seen to become true, by key. */
  private final Map<String, Long> seen = new ConcurrentHashMap<>();

  /** The Binding's Ready reason, as last watched. */
  private volatile String bindingReason;

  private final List<Long> toWorkStatus = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> toBinding = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> toRepair = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> toClear = Collections.synchronizedList(new ArrayList<>());

  public static void main(String[] args) {
    System.exit(new CommandLine(new DriftBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (objects < 1 || edits < 1) {
      throw new CommandLine.ParameterException(
          new CommandLine(this), "--objects and --edits must be at least 1");
    }
    System.out.printf(
        "[drift] %d Deployments x %d WECs, %d edits made in WECs one at a time%n",
        objects, WECS.size(), edits);
    System.out.printf("[drift] load average before: %s%n", Measures.loadAverage());
    try (var env = LocalEnvironment.start(EnvironmentSpec.defaults(runDir.path()))) {
      var pipeline = AdminComponents.startStatusPipeline(env, WECS);
      var wds = env.client("wds1");
      var its = env.client("its1");
      setUp(wds);
      watch(env, wds, its);
      Measures.waitFor(
          "every WEC copy delivered and reported, the Binding Ready",
          Duration.ofMinutes(3),
          () -> allDelivered() && "Delivered".equals(bindingReason));
      System.out.printf("[drift] set-up done; load average: %s%n", Measures.loadAverage());

      for (int k = 0; k < edits; k++) {
        var wec = WECS.get(k % WECS.size());
        var name = "web-" + (k / WECS.size()) % objects;
        edit(env.client(wec), wec, name);
        if ((k + 1) % 5 == 0 || k + 1 == edits) {
          System.out.printf(
              "[drift] %d/%d edits measured; load average %s%n",
              k + 1, edits, Measures.loadAverage());
        }
      }
      report(pipeline);
    }
    return 0;
  }

  private void setUp(KubernetesClient wds) {
    SpaceObjects.namespace(wds, NAMESPACE, Map.of(PART_OF, NAMESPACE));
    for (int i = 0; i < objects; i++) {
      var name = "web-" + i;
      wds.apps()
          .deployments()
          .inNamespace(NAMESPACE)
          .resource(BenchPipeline.deployment(NAMESPACE, name, Map.of(PART_OF, NAMESPACE)))
          .serverSideApply();
    }
    BenchPipeline.policy(wds, POLICY, Map.of("location-group", "edge"), Map.of(PART_OF, NAMESPACE));
  }

  private void watch(LocalEnvironment env, KubernetesClient wds, KubernetesClient its) {
    BenchPipeline.watchWecDeployments(
        env,
        WECS,
        NAMESPACE,
        (wec, d) -> {
          var replicas = d.getSpec() == null ? null : d.getSpec().getReplicas();
          var name = d.getMetadata().getName();
          seen.putIfAbsent(key("present", wec, name), System.nanoTime());
          if (Objects.equals(replicas, 2)) {
            seen.putIfAbsent(key("edited", wec, name), System.nanoTime());
          } else if (Objects.equals(replicas, 1) && seen.containsKey(key("edited", wec, name))) {
            seen.putIfAbsent(key("repaired", wec, name), System.nanoTime());
          }
        });
    its.resources(WorkStatus.class)
        .inAnyNamespace()
        .inform(
            SpaceObjects.onAddOrUpdate(
                ws -> {
                  var source = ws.getSpec() == null ? null : ws.getSpec().sourceRef();
                  if (source == null || !NAMESPACE.equals(source.namespace())) {
                    return;
                  }
                  var wec = ws.getMetadata().getNamespace();
                  seen.put(key("reported", wec, source.name()), System.nanoTime());
                  if (ws.getDrift() != null) {
                    seen.putIfAbsent(key("drift", wec, source.name()), System.nanoTime());
                  } else if (seen.containsKey(key("drift", wec, source.name()))) {
                    seen.putIfAbsent(key("clear", wec, source.name()), System.nanoTime());
                  }
                }));
    wds.resources(Binding.class)
        .withName(POLICY)
        .inform(
            SpaceObjects.onAddOrUpdate(
                b -> {
                  bindingReason = readyReason(b);
                  if ("Drifted".equals(bindingReason)) {
                    seen.putIfAbsent("binding-drifted", System.nanoTime());
                  }
                }));
  }

  private boolean allDelivered() {
    for (var wec : WECS) {
      for (int i = 0; i < objects; i++) {
        if (!seen.containsKey(key("reported", wec, "web-" + i))
            || !seen.containsKey(key("present", wec, "web-" + i))) {
          return false;
        }
      }
    }
    return true;
  }

  private void edit(KubernetesClient wec, String wecName, String name) throws InterruptedException {
    // Order matters: a late event of the previous episode must not count for this one.
    for (var fact : List.of("edited", "repaired", "drift", "clear")) {
      seen.remove(key(fact, wecName, name));
    }
    seen.remove("binding-drifted");
    BenchPipeline.scaleToTwo(wec, NAMESPACE, name);
    var what = wecName + " " + NAMESPACE + "/" + name;
    Measures.waitFor(
        "the edit of " + what + " seen, reported, repaired and cleared",
        EDIT_TIMEOUT,
        () ->
            seen.containsKey(key("edited", wecName, name))
                && seen.containsKey(key("drift", wecName, name))
                && seen.containsKey("binding-drifted")
                && repairedAfterEdit(wecName, name)
                && clearedAfterDrift(wecName, name));
    var edited = seen.get(key("edited", wecName, name));
    toWorkStatus.add(seen.get(key("drift", wecName, name)) - edited);
    toBinding.add(seen.get("binding-drifted") - edited);
    toRepair.add(seen.get(key("repaired", wecName, name)) - edited);
    toClear.add(seen.get(key("clear", wecName, name)) - edited);
    Measures.waitFor(
        "the Binding Ready again after " + what,
        EDIT_TIMEOUT,
        () -> "Delivered".equals(bindingReason));
  }

  private boolean repairedAfterEdit(String wec, String name) {
    var edited = seen.get(key("edited", wec, name));
    var repaired = seen.get(key("repaired", wec, name));
    return edited != null && repaired != null && repaired > edited;
  }

  private boolean clearedAfterDrift(String wec, String name) {
    var drift = seen.get(key("drift", wec, name));
    var clear = seen.get(key("clear", wec, name));
    return drift != null && clear != null && clear > drift;
  }

  private static String readyReason(Binding binding) {
    if (binding.getStatus() == null || binding.getStatus().conditions() == null) {
      return null;
    }
    return binding.getStatus().conditions().stream()
        .filter(c -> "Ready".equals(c.type()))
        .map(c -> c.reason())
        .findFirst()
        .orElse(null);
  }

  private static String key(String fact, String wec, String name) {
    return fact + "|" + wec + "|" + name;
  }

  private void report(AdminComponents pipeline) {
    var load = Measures.loadAverage();
    System.out.printf(
        "[drift] WEC edit -> WorkStatus drift report:      %s%n", Measures.figures(toWorkStatus));
    System.out.printf(
        "[drift] WEC edit -> Binding Ready=False Drifted: %s%n", Measures.figures(toBinding));
    System.out.printf(
        "[drift] WEC edit -> WEC copy repaired:           %s%n", Measures.figures(toRepair));
    System.out.printf(
        "[drift] WEC edit -> report cleared:              %s%n", Measures.figures(toClear));
    System.out.printf("[drift] memory, resident now / peak: %s%n", pipeline.memory());
    System.out.printf(
        "drift: edits=%d objects=%d wecs=%d report_p50_ms=%d report_p99_ms=%d binding_p50_ms=%d"
            + " binding_p99_ms=%d repair_p50_ms=%d repair_p99_ms=%d clear_p50_ms=%d"
            + " clear_p99_ms=%d load=\"%s\"%n",
        edits,
        objects,
        WECS.size(),
        millis(toWorkStatus, 0.5),
        millis(toWorkStatus, 0.99),
        millis(toBinding, 0.5),
        millis(toBinding, 0.99),
        millis(toRepair, 0.5),
        millis(toRepair, 0.99),
        millis(toClear, 0.5),
        millis(toClear, 0.99),
        load);
  }

  private static long millis(List<Long> values, double p) {
    return Measures.percentile(values, p) / 1_000_000;
  }
}
