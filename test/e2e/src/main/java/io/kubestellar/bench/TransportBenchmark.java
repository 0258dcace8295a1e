/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingSpec;
import io.kubestellar.api.control.v1alpha1.Destination;
import io.kubestellar.api.control.v1alpha1.DownsyncObjectClauses;
import io.kubestellar.api.control.v1alpha1.NamespaceScopeDownsyncClause;
import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.Crds;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.Kinds;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ManagedProcess;
import io.kubestellar.localenv.SpaceObjects;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  private static final String TRANSPORT = "transport-controller";

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

  @Mixin RunDirectory runDir;

  @Option(
      names = "--transport-arg",
      description = "Extra flag for the transport controller (repeatable).")
  List<String> transportArgs = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(new CommandLine(new TransportBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    var spec = EnvironmentSpec.defaults(runDir.path()).withoutWecs();
    try (var env = LocalEnvironment.start(spec)) {
      var wds = env.client("wds1");
      var its = env.client("its1");
      Crds.installInWds(wds);
      var clusterNames = createInventory(its);
      var objectNames = createObjects(wds);
      System.out.printf(
          "environment ready in %ds: %d objects, %d inventory-only clusters%n",
          env.startupTime().toSeconds(), objects, clusters);

      var components = new AdminComponents(env);
      var transport = startTransport(components);
      int metricsPort = components.port(TRANSPORT);

      // Watch every ManifestWork of this WDS: count them and find edit markers.
      var works = new ConcurrentHashMap<String, String>();
      var markers = new ConcurrentHashMap<String, CountDownLatch>();
      var informer =
          its.genericKubernetesResources(Kinds.MANIFEST_WORKS)
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
      double syncsBefore = bindingSyncs(metricsPort);
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
      double syncsPerEdit = (bindingSyncs(metricsPort) - syncsBefore) / edits;
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
          "ManifestWork writes per edit: %.2f (ideal: %d, one per cluster); Binding syncs per edit:"
              + " %.2f%n",
          writesPerEdit, clusters, syncsPerEdit);

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

  private List<String> createInventory(KubernetesClient its) throws Exception {
    var names = new ArrayList<String>();
    for (int i = 1; i <= clusters; i++) {
      var name = "bench-c" + i;
      names.add(name);
      SpaceObjects.namespace(its, name);
      SpaceObjects.inventoryCluster(its, name, "bench");
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

  /** Starts the transport controller and waits until it answers {@code /readyz}. */
  private ManagedProcess startTransport(AdminComponents components) {
    var args = new ArrayList<String>(List.of("--wds-name", "wds1"));
    args.addAll(transportArgs);
    var process = components.start(TRANSPORT, "transport-controller", args);
    components.awaitReady(TRANSPORT);
    return process;
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

  private static double bindingSyncs(int port) throws Exception {
    return metric(scrape(port), "kubestellar_transport_binding_sync_seconds_count");
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
                its.genericKubernetesResources(Kinds.MANIFEST_WORKS)
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
    its.genericKubernetesResources(Kinds.MANIFEST_WORKS)
        .inNamespace(namespace)
        .withLabel("transport.kubestellar.io/originWdsName", "bench-raw")
        .delete();
  }

  private static GenericKubernetesResource rawWork(String namespace, String name) {
    var manifest =
        SpaceObjects.configMapManifest("bench", name, Map.of("v", "0", "payload", "x".repeat(200)));
    return SpaceObjects.manifestWork(
        namespace,
        name,
        Map.of("transport.kubestellar.io/originWdsName", "bench-raw"),
        List.of(manifest));
  }
}
