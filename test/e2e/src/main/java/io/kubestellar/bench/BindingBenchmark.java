/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.BindingPolicySpec;
import io.kubestellar.api.control.v1alpha1.DownsyncPolicyClause;
import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ManagedProcess;
import io.kubestellar.localenv.SpaceObjects;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures the binding controller: with N ConfigMaps selected by one policy and M inventory-only
 * clusters, the time from an object change to the Binding carrying the object's new resourceVersion
 * (p50/p99), API writes per change, and the controller-manager's memory.
 */
@Command(
    name = "binding",
    mixinStandardHelpOptions = true,
    description =
        "Change-to-Binding latency, writes per change and memory of the binding controller.")
public final class BindingBenchmark implements Callable<Integer> {

  private static final String NAMESPACE = "bench";
  private static final String POLICY = "bench";

  @Option(
      names = "--objects",
      defaultValue = "1000",
      description = "Objects bound. Default: ${DEFAULT-VALUE}")
  int objects;

  @Option(
      names = "--clusters",
      defaultValue = "10",
      description = "Clusters (ManagedClusters). Default: ${DEFAULT-VALUE}")
  int clusters;

  @Option(
      names = "--changes",
      defaultValue = "200",
      description = "Object changes measured. Default: ${DEFAULT-VALUE}")
  int changes;

  @Mixin RunDirectory runDir;

  private final HttpClient http = HttpClient.newHttpClient();
  private int port;

  public static void main(String[] args) {
    System.exit(new CommandLine(new BindingBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    try (var env = LocalEnvironment.start(EnvironmentSpec.defaults(runDir.path()).withoutWecs())) {
      var wds = env.client("wds1");
      var its = env.client("its1");
      for (int i = 1; i <= clusters; i++) {
        cluster(its, "bench-cluster-" + i);
      }
      var components = new AdminComponents(env);
      ManagedProcess controller =
          components.start(
              "controller-manager",
              "controller-manager",
              List.of("--wds-name", "wds1", "--log-level", "WARN"));
      components.awaitReady("controller-manager");
      port = components.port("controller-manager");

      SpaceObjects.namespace(wds, NAMESPACE);
      createObjects(wds);

      var seen = new LinkedBlockingQueue<Seen>();
      var watch =
          wds.resources(Binding.class)
              .withName(POLICY)
              .watch(
                  new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Binding binding) {
                      seen.add(new Seen(System.nanoTime(), binding));
                    }

                    @Override
                    public void onClose(WatcherException cause) {}
                  });
      long policyAt = System.nanoTime();
      wds.resources(BindingPolicy.class)
          .resource(
              new BindingPolicy(
                  POLICY,
                  new BindingPolicySpec(
                      List.of(
                          new LabelSelectorBuilder()
                              .withMatchLabels(Map.of("location-group", "edge"))
                              .build()),
                      List.of(
                          new DownsyncPolicyClause(
                              "",
                              List.of("configmaps"),
                              List.of(NAMESPACE),
                              null,
                              List.of(
                                  new LabelSelectorBuilder()
                                      .withMatchLabels(Map.of("app", "bench"))
                                      .build()),
                              null,
                              null,
                              null,
                              null,
                              null)))))
          .create();
      long fullAt =
          awaitBinding(
              seen, b -> size(b) == objects && b.getSpec().destinations().size() == clusters);
      double initialMs = (fullAt - policyAt) / 1e6;

      double writesBefore = metric("kubestellar_binding_writes_total\\{");
      double incrementalBefore =
          metric("kubestellar_binding_spec_patches_total\\{form=\"incremental\"");
      double fullBefore = metric("kubestellar_binding_spec_patches_total\\{form=\"full\"");
      double staleBefore = metric("kubestellar_binding_spec_patch_stale_total");
      var loadBefore = loadAverage();
      var random = new Random(42);
      var latencies = new ArrayList<Double>();
      for (int i = 0; i < changes; i++) {
        var name = "bench-" + random.nextInt(objects);
        long t0 = System.nanoTime();
        ConfigMap updated =
            wds.configMaps()
                .inNamespace(NAMESPACE)
                .withName(name)
                .edit(
                    cm -> {
                      cm.setData(Map.of("value", Long.toString(t0)));
                      return cm;
                    });
        var rv = updated.getMetadata().getResourceVersion();
        long at = awaitBinding(seen, b -> hasVersion(b, name, rv));
        latencies.add((at - t0) / 1e6);
      }
      // Let trailing writes (if any) land before counting.
      Thread.sleep(1000);
      double writes = metric("kubestellar_binding_writes_total\\{") - writesBefore;
      double incremental =
          metric("kubestellar_binding_spec_patches_total\\{form=\"incremental\"")
              - incrementalBefore;
      double full = metric("kubestellar_binding_spec_patches_total\\{form=\"full\"") - fullBefore;
      double stale = metric("kubestellar_binding_spec_patch_stale_total") - staleBefore;
      var loadAfter = loadAverage();
      var bindingJson =
          wds.getKubernetesSerialization()
              .asJson(wds.resources(Binding.class).withName(POLICY).get().getSpec());
      watch.close();

      Collections.sort(latencies);
      var memory = controller.memory().orElse(new ManagedProcess.Memory(0, 0));
      double heap = metric("jvm_memory_used_bytes\\{area=\"heap\"");
      System.out.println();
      System.out.println(
          "binding benchmark: "
              + objects
              + " objects x "
              + clusters
              + " clusters, "
              + changes
              + " changes");
      System.out.printf(
          "  initial resolution (policy created -> Binding complete): %.0f ms%n", initialMs);
      System.out.printf(
          "  change -> Binding latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          percentile(latencies, 0.50),
          percentile(latencies, 0.99),
          latencies.get(latencies.size() - 1));
      System.out.printf(
          "  API writes per change: %.2f (%.0f writes for %d changes)%n",
          writes / changes, writes, changes);
      System.out.printf(
          "  Binding spec writes: %.0f incremental (JSON Patch), %.0f full; %.0f refused as stale;"
              + " spec size %d KiB%n",
          incremental, full, stale, bindingJson.length() / 1024);
      System.out.printf(
          "  controller-manager memory: RSS %d MiB (peak %d MiB), JVM heap used %.0f MiB%n",
          memory.currentKib() / 1024, memory.peakKib() / 1024, heap / (1024 * 1024));
      System.out.printf(
          "  inside the controller: resolve p50 %.1f ms p99 %.1f ms; Binding write p50 %.1f ms p99 %.1f ms%n",
          quantile("kubestellar_binding_resolve_seconds", "0.5"),
          quantile("kubestellar_binding_resolve_seconds", "0.99"),
          quantile("kubestellar_binding_binding_write_seconds", "0.5"),
          quantile("kubestellar_binding_binding_write_seconds", "0.99"));
      System.out.printf(
          "  load average (1/5/15 min) before the changes: %s; after: %s (%d processors)%n",
          loadBefore, loadAfter, Runtime.getRuntime().availableProcessors());
      controller.stop(Duration.ofSeconds(20));
    }
    return 0;
  }

  private record Seen(long nanos, Binding binding) {}

  /** The 1, 5 and 15 minute load averages of the machine (figures depend on what else runs). */
  private static String loadAverage() {
    try {
      var fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long awaitBinding(
      LinkedBlockingQueue<Seen> seen, java.util.function.Predicate<Binding> done)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      var next = seen.poll(1, TimeUnit.SECONDS);
      if (next != null && next.binding().getSpec() != null && done.test(next.binding())) {
        return next.nanos();
      }
    }
    throw new IllegalStateException("the Binding did not reach the expected state within 120 s");
  }

  private static int size(Binding binding) {
    var scope =
        binding.getSpec().workload() == null ? null : binding.getSpec().workload().namespaceScope();
    return scope == null ? 0 : scope.size();
  }

  private static boolean hasVersion(Binding binding, String name, String rv) {
    var scope =
        binding.getSpec().workload() == null ? null : binding.getSpec().workload().namespaceScope();
    return scope != null
        && scope.stream().anyMatch(c -> c.name().equals(name) && c.resourceVersion().equals(rv));
  }

  private static double percentile(List<Double> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private void createObjects(KubernetesClient wds) throws InterruptedException {
    var pool = Executors.newFixedThreadPool(16);
    for (int i = 0; i < objects; i++) {
      var name = "bench-" + i;
      pool.execute(
          () ->
              wds.configMaps()
                  .inNamespace(NAMESPACE)
                  .resource(
                      new ConfigMapBuilder()
                          .withNewMetadata()
                          .withName(name)
                          .withLabels(Map.of("app", "bench"))
                          .endMetadata()
                          .withData(Map.of("value", "0"))
                          .build())
                  .serverSideApply());
    }
    pool.shutdown();
    if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
      throw new IllegalStateException("creating the objects took more than 5 minutes");
    }
  }

  private static void cluster(KubernetesClient its, String name) {
    SpaceObjects.inventoryCluster(its, name, "edge");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private double quantile(String name, String q) throws IOException, InterruptedException {
    return metric(name + "\\{quantile=\"" + q + "\"") * 1000;
  }

  private double metric(String linePrefix) throws IOException, InterruptedException {
    var matcher =
        Pattern.compile("^" + linePrefix + ".*\\s([0-9.eE+-]+)$", Pattern.MULTILINE)
            .matcher(get("/metrics").body());
    double sum = 0;
    while (matcher.find()) {
      sum += Double.parseDouble(matcher.group(1));
    }
    return sum;
  }
}
