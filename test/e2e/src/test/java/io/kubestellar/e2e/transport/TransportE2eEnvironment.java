/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.transport;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ManagedProcess;
import io.kubestellar.localenv.ToolPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The local environment with the controller-manager and the transport controller running as their
 * own processes, and kubectl to drive it as a user would.
 */
final class TransportE2eEnvironment implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(180);

  static final ResourceDefinitionContext MANIFEST_WORKS =
      new ResourceDefinitionContext.Builder()
          .withGroup("work.open-cluster-management.io")
          .withVersion("v1")
          .withKind("ManifestWork")
          .withPlural("manifestworks")
          .withNamespaced(true)
          .build();

  static final ResourceDefinitionContext MANAGED_CLUSTERS =
      new ResourceDefinitionContext.Builder()
          .withGroup("cluster.open-cluster-management.io")
          .withVersion("v1")
          .withKind("ManagedCluster")
          .withPlural("managedclusters")
          .withNamespaced(false)
          .build();

  final LocalEnvironment env;
  private final ComponentJars jars = ComponentJars.fromWorkingDirectory();
  private final Path kubectl = ToolPaths.fromEnvironment().kubectl();
  static final ResourceDefinitionContext BINDINGS =
      new ResourceDefinitionContext.Builder()
          .withGroup("control.kubestellar.io")
          .withVersion("v1alpha1")
          .withKind("Binding")
          .withPlural("bindings")
          .withNamespaced(false)
          .build();

  private static final Pattern QUEUE_DEPTH =
      Pattern.compile("(?m)^kubestellar_transport_queue_depth(?:\\{[^}]*\\})? ([0-9.eE+-]+)$");

  private final HttpClient http = HttpClient.newHttpClient();
  private ManagedProcess transport;
  private int transportRuns;
  private volatile int transportPort = -1;

  TransportE2eEnvironment(String runDirName, String... transportArgs) {
    env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(Path.of("target", runDirName).toAbsolutePath()),
            ToolPaths.fromEnvironment());
    kubectl("wds1", "apply", "-f", jars.repoRoot().resolve("config/crd").toString());
    kubectl("wds1", "wait", "--for=condition=Established", "--timeout=120s", "crd", "--all");
    var controllerManager =
        env.startComponent(
            "controller-manager",
            jars.jar("controller-manager"),
            List.of(
                "--wds-name", "wds1",
                "--wds-kubeconfig", env.kubeconfig().toString(),
                "--wds-context", "wds1",
                "--its-kubeconfig", env.kubeconfig().toString(),
                "--its-context", "its1",
                "--management-address", "127.0.0.1:0"));
    awaitReady(controllerManager);
    startTransport(transportArgs);
  }

  /** Starts (or starts again) the transport controller process and waits until it is ready. */
  void startTransport(String... extraArgs) {
    var args =
        new ArrayList<>(
            List.of(
                "--wds-name", "wds1",
                "--wds-kubeconfig", env.kubeconfig().toString(),
                "--wds-context", "wds1",
                "--its-kubeconfig", env.kubeconfig().toString(),
                "--its-context", "its1",
                "--management-address", "127.0.0.1:0"));
    args.addAll(List.of(extraArgs));
    transport =
        env.startComponent(
            "transport-controller-" + (++transportRuns), jars.jar("transport-controller"), args);
    transportPort = awaitReady(transport);
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

  /**
   * The management port a component logged at startup, once its /readyz answers 200; returns the
   * port.
   */
  private int awaitReady(ManagedProcess process) {
    var port = Pattern.compile("managementPort=\"?(\\d+)");
    var found = new java.util.concurrent.atomic.AtomicInteger(-1);
    await(process.name() + " ready")
        .atMost(TIMEOUT)
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    process.name() + " exited; see " + process.logFile());
              }
              var log = Files.readString(process.logFile());
              var matcher = port.matcher(log);
              if (!matcher.find()) {
                return false;
              }
              found.set(Integer.parseInt(matcher.group(1)));
              var request =
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + matcher.group(1) + "/readyz"))
                      .build();
              return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
    return found.get();
  }

  /** Runs kubectl against a context; returns standard output; fails on a non-zero exit. */
  String kubectl(String context, String... args) {
    return kubectlWithInput(context, null, args);
  }

  /** {@code kubectl apply -f -} of a YAML text in a context. */
  String apply(String context, String yaml) {
    return kubectlWithInput(context, yaml, "apply", "-f", "-");
  }

  private String kubectlWithInput(String context, String input, String... args) {
    var command = new ArrayList<String>();
    command.add(kubectl.toString());
    command.add("--kubeconfig=" + env.kubeconfig());
    command.add("--context=" + context);
    command.addAll(List.of(args));
    try {
      var process = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (input != null) {
        try (var in = process.getOutputStream()) {
          in.write(input.getBytes(StandardCharsets.UTF_8));
        }
      } else {
        process.getOutputStream().close();
      }
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("kubectl " + String.join(" ", args) + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
