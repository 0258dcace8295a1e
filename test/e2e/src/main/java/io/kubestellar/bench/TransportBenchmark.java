/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingSpec;
import io.kubestellar.api.control.v1alpha1.Destination;
import io.kubestellar.api.control.v1alpha1.DownsyncObjectClauses;
import io.kubestellar.api.control.v1alpha1.NamespaceScopeDownsyncClause;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ManagedProcess;
import io.kubestellar.localenv.ToolPaths;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Measures the transport controller (run as its own process, as in production) on the local
 * environment with inventory-only clusters: initial sync of N objects to M clusters, latency from a
 * WDS edit to the ManifestWorks carrying it, ManifestWork writes per edit, memory, and the raw
 * ManifestWork write rate the ITS accepts from one client as the ceiling. Measures; asserts
 * nothing.
 */
@Command(
    name = "transport",
    mixinStandardHelpOptions = true,
    description = "Benchmark of the transport controller (hack/bench.sh transport).")
public final class TransportBenchmark implements Callable<Integer> {

  private static final ResourceDefinitionContext MANIFEST_WORKS =
      new ResourceDefinitionContext.Builder()
          .withGroup("work.open-cluster-management.io")
          .withVersion("v1")
          .withKind("ManifestWork")
          .withPlural("manifestworks")
          .withNamespaced(true)
          .build();

  private static final ResourceDefinitionContext MANAGED_CLUSTERS =
      new ResourceDefinitionContext.Builder()
          .withGroup("cluster.open-cluster-management.io")
          .withVersion("v1")
          .withKind("ManagedCluster")
          .withPlural("managedclusters")
          .withNamespaced(false)
          .build();

  @Option(names = "--objects", defaultValue = "1000", description = "Workload objects (N).")
  int objects;

  @Option(names = "--clusters", defaultValue = "10", description = "Inventory-only clusters (M).")
  int clusters;

  @Option(names = "--edits", defaultValue = "100", description = "WDS edits timed one by one.")
  int edits;

  @Option(
      names = "--raw-writes",
      defaultValue = "2000",
      description = "ManifestWorks created to measure the raw write rate.")
  int rawWrites;

  @Option(
      names = "--raw-concurrency",
      defaultValue = "32",
      description = "Requests in flight while measuring the raw rate.")
  int rawConcurrency;

  @Option(
      names = "--run-dir",
      defaultValue = "target/bench-transport",
      description = "Where the environment keeps its files.")
  Path runDir;

  @Option(
      names = "--transport-arg",
      description = "Extra flag for the transport controller (repeatable).")
  List<String> transportArgs = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new TransportBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    var spec = EnvironmentSpec.defaults(runDir.toAbsolutePath()).withWecs(List.of());
    try (var env = LocalEnvironment.start(spec, ToolPaths.fromEnvironment())) {
      var wds = env.client("wds1");
      var its = env.client("its1");
      installCrds(wds);
      var clusterNames = createInventory(its);
      var objectNames = createObjects(wds);
      System.out.printf(
          "environment ready in %ds: %d objects, %d inventory-only clusters%n",
          env.startupTime().toSeconds(), objects, clusters);

      var transport = startTransport(env);
      int metricsPort = managementPort(transport);

      // Watch every ManifestWork of this WDS: count them and find edit markers.
      var works = new ConcurrentHashMap<String, String>();
      var markers = new ConcurrentHashMap<String, CountDownLatch>();
      var informer =
          its.genericKubernetesResources(MANIFEST_WORKS)
              .inAnyNamespace()
              .withLabel("transport.kubestellar.io/originWdsName", "wds1")
              .inform(
                  new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(GenericKubernetesResource w) {
                      see(w);
                    }

                    @Override
                    public void onUpdate(GenericKubernetesResource a, GenericKubernetesResource w) {
                      see(w);
                    }

                    @Override
                    public void onDelete(GenericKubernetesResource w, boolean unknown) {
                      works.remove(key(w));
                    }

                    private void see(GenericKubernetesResource w) {
                      var hash =
                          w.getMetadata().getAnnotations() == null
                              ? ""
                              : w.getMetadata()
                                  .getAnnotations()
                                  .getOrDefault("transport.kubestellar.io/contentHash", "");
                      var previous = works.put(key(w), hash);
                      if (hash.equals(previous)) {
                        return;
                      }
                      var text = String.valueOf(w.getAdditionalProperties().get("spec"));
                      markers.forEach(
                          (marker, latch) -> {
                            if (text.contains(marker)) {
                              latch.countDown();
                            }
                          });
                    }
                  },
                  0);

      // 1. Initial sync.
      long start = System.nanoTime();
      wds.resources(Binding.class).resource(binding(objectNames, clusterNames)).create();
      long expected = (long) objects * clusters;
      while (works.size() < expected) {
        Thread.sleep(20);
      }
      double initialSeconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "initial sync: %d ManifestWorks in %.2f s (%.0f works/s)%n",
          expected, initialSeconds, expected / initialSeconds);
      awaitQuiet(metricsPort);

      // 2. Edits, one at a time.
      double writesBefore = workWrites(metricsPort);
      var lastCluster = new ArrayList<Double>();
      var firstCluster = new ArrayList<Double>();
      for (int i = 0; i < edits; i++) {
        var name = objectNames.get((i * 7919) % objectNames.size());
        var marker = "edit-" + i + "-" + System.nanoTime();
        var all = new CountDownLatch(clusters);
        markers.put(marker, all);
        long t0 = System.nanoTime();
        wds.configMaps()
            .inNamespace("bench")
            .withName(name)
            .edit(
                cm -> {
                  cm.getData().put("v", marker);
                  return cm;
                });
        long first = -1;
        while (all.getCount() > 0) {
          if (first < 0 && all.getCount() < clusters) {
            first = System.nanoTime();
          }
          all.await(1, TimeUnit.MILLISECONDS);
        }
        long t1 = System.nanoTime();
        if (first < 0) {
          first = t1;
        }
        markers.remove(marker);
        lastCluster.add((t1 - t0) / 1e6);
        firstCluster.add((first - t0) / 1e6);
      }
      awaitQuiet(metricsPort);
      double writesPerEdit = (workWrites(metricsPort) - writesBefore) / edits;
      System.out.printf(
          "edit -> ManifestWork in all %d clusters: p50 %.1f ms, p99 %.1f ms (first cluster p50 %.1f"
              + " ms, p99 %.1f ms) over %d edits%n",
          clusters,
          percentile(lastCluster, 50),
          percentile(lastCluster, 99),
          percentile(firstCluster, 50),
          percentile(firstCluster, 99),
          edits);
      System.out.printf(
          "ManifestWork writes per edit: %.2f (ideal: %d, one per cluster)%n",
          writesPerEdit, clusters);

      // 3. A resync with nothing changed: a restart writes nothing.
      var memory = transport.memory().orElse(null);
      if (memory != null) {
        System.out.printf(
            "transport memory: %d MiB resident now, %d MiB peak%n",
            memory.currentKib() / 1024, memory.peakKib() / 1024);
      }
      informer.close();

      // 4. The ceiling: raw ManifestWork creates from one client.
      rawWriteRate(its, clusterNames.get(0));
      transport.stop(Duration.ofSeconds(10));
    }
    return 0;
  }

  private static String key(GenericKubernetesResource w) {
    return w.getMetadata().getNamespace() + "/" + w.getMetadata().getName();
  }

  private void installCrds(KubernetesClient wds) throws Exception {
    var dir = ComponentJars.fromWorkingDirectory().repoRoot().resolve("config").resolve("crd");
    try (var files = Files.list(dir)) {
      for (var file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        try (InputStream in = Files.newInputStream(file)) {
          var crd = wds.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
          wds.resource(crd).forceConflicts().serverSideApply();
        }
      }
    }
    wds.apiextensions()
        .v1()
        .customResourceDefinitions()
        .withName("bindings.control.kubestellar.io")
        .waitUntilCondition(
            c ->
                c != null
                    && c.getStatus() != null
                    && c.getStatus().getConditions().stream()
                        .anyMatch(x -> x.getType().equals("Established")),
            60,
            TimeUnit.SECONDS);
  }

  private List<String> createInventory(KubernetesClient its) throws Exception {
    var names = new ArrayList<String>();
    for (int i = 1; i <= clusters; i++) {
      var name = "bench-c" + i;
      names.add(name);
      its.namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .serverSideApply();
      its.genericKubernetesResources(MANAGED_CLUSTERS)
          .resource(
              new GenericKubernetesResourceBuilder()
                  .withApiVersion("cluster.open-cluster-management.io/v1")
                  .withKind("ManagedCluster")
                  .withNewMetadata()
                  .withName(name)
                  .withLabels(Map.of("name", name, "location-group", "bench"))
                  .endMetadata()
                  .withAdditionalProperties(Map.of("spec", Map.of("hubAcceptsClient", true)))
                  .build())
          .serverSideApply();
    }
    return names;
  }

  private List<String> createObjects(KubernetesClient wds) throws Exception {
    wds.namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("bench").endMetadata().build())
        .serverSideApply();
    var names = new ArrayList<String>();
    var pool = Executors.newFixedThreadPool(16);
    var futures = new ArrayList<java.util.concurrent.Future<?>>();
    for (int i = 0; i < objects; i++) {
      var name = "obj-" + i;
      names.add(name);
      futures.add(
          pool.submit(
              () ->
                  wds.configMaps()
                      .resource(
                          new ConfigMapBuilder()
                              .withNewMetadata()
                              .withName(name)
                              .withNamespace("bench")
                              .withLabels(Map.of("app", "bench"))
                              .endMetadata()
                              .withData(Map.of("v", "0", "payload", "x".repeat(200)))
                              .build())
                      .create()));
    }
    for (var f : futures) {
      f.get();
    }
    pool.shutdown();
    return names;
  }

  private Binding binding(List<String> objectNames, List<String> clusterNames) {
    var refs = new ArrayList<NamespaceScopeDownsyncClause>();
    for (var name : objectNames) {
      refs.add(
          new NamespaceScopeDownsyncClause(
              "", "v1", "configmaps", "bench", name, "1", null, null, null, null));
    }
    var destinations = clusterNames.stream().map(Destination::new).toList();
    return new Binding(
        "bench", new BindingSpec(new DownsyncObjectClauses(null, refs), destinations));
  }

  private ManagedProcess startTransport(LocalEnvironment env) {
    var args =
        new ArrayList<>(
            List.of(
                "--wds-name", "wds1",
                "--wds-kubeconfig", env.kubeconfig().toString(),
                "--wds-context", "wds1",
                "--its-kubeconfig", env.kubeconfig().toString(),
                "--its-context", "its1",
                "--management-address", "127.0.0.1:0"));
    args.addAll(transportArgs);
    return env.startComponent(
        "transport-controller",
        ComponentJars.fromWorkingDirectory().jar("transport-controller"),
        args);
  }

  private static int managementPort(ManagedProcess process) throws Exception {
    var pattern = Pattern.compile("managementPort=\"?(\\d+)");
    var http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("transport controller exited; see " + process.logFile());
      }
      var matcher = pattern.matcher(Files.readString(process.logFile()));
      if (matcher.find()) {
        int port = Integer.parseInt(matcher.group(1));
        var ready =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (ready.statusCode() == 200) {
          return port;
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("transport controller not ready; see " + process.logFile());
  }

  private static String scrape(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static double metric(String text, String prefix) {
    double sum = 0;
    for (var line : text.split("\n")) {
      if (line.startsWith(prefix)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  private static double workWrites(int port) throws Exception {
    return metric(scrape(port), "kubestellar_transport_manifestwork_writes_total");
  }

  /** Waits until the queue is empty and the write counter stops moving. */
  private static void awaitQuiet(int port) throws Exception {
    double last = -1;
    int stable = 0;
    while (stable < 5) {
      var text = scrape(port);
      double writes = metric(text, "kubestellar_transport_manifestwork_writes_total");
      double depth = metric(text, "kubestellar_transport_queue_depth");
      stable = (writes == last && depth == 0) ? stable + 1 : 0;
      last = writes;
      Thread.sleep(100);
    }
  }

  private static double percentile(List<Double> values, int p) {
    var sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private void rawWriteRate(KubernetesClient its, String namespace) throws Exception {
    var pool = Executors.newFixedThreadPool(rawConcurrency);
    var done = new AtomicInteger();
    long start = System.nanoTime();
    var futures = new ArrayList<java.util.concurrent.Future<?>>();
    for (int i = 0; i < rawWrites; i++) {
      var name = "raw-" + i;
      futures.add(
          pool.submit(
              () -> {
                its.genericKubernetesResources(MANIFEST_WORKS)
                    .inNamespace(namespace)
                    .resource(rawWork(namespace, name))
                    .create();
                done.incrementAndGet();
              }));
    }
    for (var f : futures) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    System.out.printf(
        "ceiling: raw ManifestWork creates from one client (%d in flight): %.0f writes/s (%d in"
            + " %.2f s)%n",
        rawConcurrency, done.get() / seconds, done.get(), seconds);
    its.genericKubernetesResources(MANIFEST_WORKS)
        .inNamespace(namespace)
        .withLabel("transport.kubestellar.io/originWdsName", "bench-raw")
        .delete();
  }

  private static GenericKubernetesResource rawWork(String namespace, String name) {
    var manifest =
        Map.of(
            "apiVersion",
            "v1",
            "kind",
            "ConfigMap",
            "metadata",
            Map.of("name", name, "namespace", "bench"),
            "data",
            Map.of("v", "0", "payload", "x".repeat(200)));
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("work.open-cluster-management.io/v1")
        .withKind("ManifestWork")
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .withLabels(Map.of("transport.kubestellar.io/originWdsName", "bench-raw"))
        .endMetadata()
        .withAdditionalProperties(
            Map.of("spec", Map.of("workload", Map.of("manifests", List.of(manifest)))))
        .build();
  }
}
