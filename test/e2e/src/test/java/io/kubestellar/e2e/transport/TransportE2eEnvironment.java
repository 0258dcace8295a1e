/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.transport;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.Crds;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.Kinds;
import io.kubestellar.localenv.Kubectl;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ManagedProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The local environment with the controller-manager and the transport controller running as their
 * own processes, and kubectl to drive it as a user would.
 */
final class TransportE2eEnvironment implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(180);

  static final ResourceDefinitionContext MANIFEST_WORKS = Kinds.MANIFEST_WORKS;

  static final ResourceDefinitionContext MANAGED_CLUSTERS = Kinds.MANAGED_CLUSTERS;

  final LocalEnvironment env;
  private final AdminComponents components;
  private final Kubectl kubectl;
  static final ResourceDefinitionContext BINDINGS = Kinds.BINDINGS;

  private static final Pattern QUEUE_DEPTH =
      Pattern.compile("(?m)^kubestellar_transport_queue_depth(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");

  private final HttpClient http = HttpClient.newHttpClient();
  private ManagedProcess transport;
  private int transportRuns;
  private volatile int transportPort = -1;

  TransportE2eEnvironment(String runDirName, String... transportArgs) {
    env = LocalEnvironment.start(EnvironmentSpec.underTarget(runDirName));
    kubectl = Kubectl.of(env);
    components = new AdminComponents(env);
    Crds.installInWds(env.client("wds1"));
    components.start("controller-manager", "controller-manager", List.of("--wds-name", "wds1"));
    components.awaitReady("controller-manager");
    startTransport(transportArgs);
  }

  /** Starts (or starts again) the transport controller process and waits until it is ready. */
  void startTransport(String... extraArgs) {
    var name = "transport-controller-" + (++transportRuns);
    var args = new ArrayList<String>(List.of("--wds-name", "wds1"));
    args.addAll(List.of(extraArgs));
    transport = components.start(name, "transport-controller", args);
    components.awaitReady(name);
    transportPort = components.port(name);
  }

  /** Kills the transport controller without a graceful stop. */
  void killTransport() {
    transport.kill();
  }

  /**
   * Waits until nothing is in flight: the transport's queue is empty, it has reported on every
   * Binding at its current generation (Ready, True or not: a work the agent cannot apply is a
   * legitimate outcome), and two reads in a row find the same Bindings (generation) and
   * ManifestWorks (generation and content hash; their status changes whenever the work agent
   * retries). A snapshot taken then is not still catching up with earlier changes.
   */
  void awaitQuiescent() {
    var previous = new java.util.concurrent.atomic.AtomicReference<Map<String, String>>();
    await("every change delivered and nothing in flight")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              var bindings =
                  env.client("wds1").genericKubernetesResources(BINDINGS).list().getItems();
              var versions = new java.util.TreeMap<String, String>();
              bindings.forEach(
                  b ->
                      versions.put(
                          "binding/" + b.getMetadata().getName(),
                          String.valueOf(b.getMetadata().getGeneration())));
              works()
                  .forEach(
                      w ->
                          versions.put(
                              "work/"
                                  + w.getMetadata().getNamespace()
                                  + "/"
                                  + w.getMetadata().getName(),
                              w.getMetadata().getGeneration()
                                  + " "
                                  + w.getMetadata()
                                      .getAnnotations()
                                      .get("transport.kubestellar.io/contentHash")));
              // A work being deleted is in flight too: the agent removes its finalizer only once
              // the WEC has deleted its objects (a Namespace can take half a minute), and then
              // the transport may create it again.
              boolean terminating =
                  works().stream().anyMatch(w -> w.getMetadata().getDeletionTimestamp() != null);
              boolean settled =
                  transportQueueDepth() == 0
                      && !terminating
                      && bindings.stream().allMatch(TransportE2eEnvironment::reportedAtGeneration)
                      && versions.equals(previous.get());
              previous.set(versions);
              return settled;
            });
  }

  @SuppressWarnings("unchecked")
  private static boolean reportedAtGeneration(GenericKubernetesResource binding) {
    var generation = binding.getMetadata().getGeneration();
    var status = (Map<String, Object>) binding.getAdditionalProperties().get("status");
    if (status == null || generation == null) {
      return false;
    }
    var observed = status.get("observedGeneration");
    var conditions = (List<Map<String, Object>>) status.get("conditions");
    return observed instanceof Number n
        && n.longValue() == generation
        && conditions != null
        && conditions.stream()
            .anyMatch(
                c ->
                    "Ready".equals(c.get("type"))
                        && c.get("observedGeneration") instanceof Number g
                        && g.longValue() == generation);
  }

  /** The transport's {@code kubestellar_transport_queue_depth} gauge, read from /metrics. */
  double transportQueueDepth() throws IOException, InterruptedException {
    var matcher = QUEUE_DEPTH.matcher(transportMetrics());
    if (!matcher.find()) {
      throw new IllegalStateException("no queue depth on the transport's /metrics");
    }
    return Double.parseDouble(matcher.group(1));
  }

  /**
   * The value of one series of the running transport's /metrics, given exactly as exposed (e.g.
   * {@code kubestellar_transport_manifestwork_writes_total{operation="update"}}); 0 when absent.
   */
  double transportMetric(String series) throws IOException, InterruptedException {
    for (var line : transportMetrics().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }

  private String transportMetrics() throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + transportPort + "/metrics"))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** Runs kubectl against a context; returns standard output; fails on a non-zero exit. */
  String kubectl(String context, String... args) {
    return kubectl.run(context, args);
  }

  /** {@code kubectl apply -f -} of a YAML text in a context. */
  String apply(String context, String yaml) {
    return kubectl.apply(context, yaml);
  }

  KubernetesClient client(String space) {
    return env.client(space);
  }

  /** The ManifestWorks of this WDS in the ITS. */
  List<GenericKubernetesResource> works() {
    return env.client("its1")
        .genericKubernetesResources(MANIFEST_WORKS)
        .inAnyNamespace()
        .withLabel("transport.kubestellar.io/originWdsName", "wds1")
        .list()
        .getItems();
  }

  @Override
  public void close() {
    env.close();
  }
}
