/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.image;

import static io.kubestellar.e2e.chart.Charts.map;
import static io.kubestellar.e2e.chart.Charts.maps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubestellar.e2e.chart.Charts;
import io.kubestellar.e2e.chart.ExternalCommand;
import io.kubestellar.e2e.monitoring.MonitoringQueries;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.DemoComponents;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ServiceAccountKubeconfigs;
import io.kubestellar.localenv.ToolPaths;
import io.kubestellar.localenv.WecSpec;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The transport controller run from its image under runc, the way the core chart runs it: the
 * arguments and environment of the chart's Deployment, its kubeconfigs mounted where the chart
 * mounts them, a read-only root filesystem and the image's non-root user. It serves /readyz, and
 * the demo's workload applied to the WDS reaches the WEC. With the demo's components all running
 * (the controller-manager and a status add-on from their jars), it also checks that the chart's
 * dashboard and alerts query only metrics the components export.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageRunIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final String NAMESPACE = DemoComponents.NAMESPACE;

  private static LocalEnvironment env;
  private static Path work;
  private static RuncContainer transport;
  private static int port;
  private static int controllerManagerPort;
  private static int agentPort;

  @BeforeAll
  static void startEverythingButTheTransportFromJarsAndTheTransportFromItsImage()
      throws IOException {
    work = Path.of("target", "image-run-it").toAbsolutePath();
    var image = OciImage.read("transport-controller", work);
    env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(work.resolve("env"))
                .withWecs(
                    List.of(
                        WecSpec.withDefaultLabels(
                            "cluster1", Map.of("environment", "production")))),
            ToolPaths.fromEnvironment());
    var jars = ComponentJars.fromWorkingDirectory();
    var components = new DemoComponents(env, jars);
    components.installItsCrds();
    components.awaitReady(components.startControllerManager());
    agentPort = components.startStatusAddon("cluster1").managementPort();
    controllerManagerPort = components.running().get("controller-manager").managementPort();

    // The transport's identity: the chart's RBAC, a ServiceAccount token per space.
    var kubeconfigs = new ServiceAccountKubeconfigs(env);
    var account = "wds1-transport-controller";
    var wdsKubeconfig =
        kubeconfigs.create(
            "wds1", NAMESPACE, account, components.rbac("transport-controller", "wds"));
    var itsKubeconfig =
        kubeconfigs.create(
            "its1", NAMESPACE, account, components.rbac("transport-controller", "its"));

    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var container = chartContainer();
    var environment = new LinkedHashMap<String, String>();
    for (var variable : maps(container.get("env"))) {
      var name = (String) variable.get("name");
      environment.put(
          name,
          switch (name) {
            case "POD_NAMESPACE" -> NAMESPACE;
            case "POD_NAME" -> "transport-from-image";
            default -> (String) variable.get("value");
          });
    }
    var mounts = new LinkedHashMap<String, Path>();
    for (var mount : maps(container.get("volumeMounts"))) {
      var path = (String) mount.get("mountPath");
      if (path.equals("/etc/kubestellar/wds")) {
        mounts.put(path + "/kubeconfig", wdsKubeconfig);
      } else if (path.equals("/etc/kubestellar/its")) {
        mounts.put(path + "/kubeconfig", itsKubeconfig);
      }
    }
    assertThat(mounts).as("the chart's kubeconfig mounts").hasSize(2);
    @SuppressWarnings("unchecked")
    var args = (List<String>) container.get("args");
    transport = RuncContainer.start(env, image, "transport", work, args, environment, mounts);
  }

  @AfterAll
  static void stop() {
    if (transport != null) {
      transport.close();
    }
    if (env != null) {
      env.close();
    }
  }

  @Test
  @Order(1)
  void servesReadyzAndDeliversTheDemoWorkloadToTheWec() throws IOException {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    await("transport from its image answers /readyz")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(IOException.class)
        .untilAsserted(
            () -> {
              assertThat(transport.process().isAlive())
                  .as("runc still running; see %s", transport.process().logFile())
                  .isTrue();
              assertThat(get(http, "/readyz").statusCode()).isEqualTo(200);
            });

    // It runs as the image's user, with JVM options from the chart.
    var status = Files.readString(Path.of("/proc", String.valueOf(transport.pid()), "status"));
    assertThat(status).containsPattern("(?m)^Uid:\\s+65532\\s");
    assertThat(Files.readString(transport.process().logFile()))
        .contains("Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75");

    var examples = Charts.repoRoot().resolve("examples/app-deployment");
    kubectl("apply", "-f", examples.resolve("workload.yaml").toString());
    kubectl("apply", "-f", examples.resolve("policy.yaml").toString());
    var wec = env.client("cluster1");
    await("Deployment myapp Available in cluster1")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              var deployment =
                  wec.apps().deployments().inNamespace("myapp").withName("myapp").get();
              assertThat(deployment).isNotNull();
              assertThat(deployment.getStatus().getConditions())
                  .anyMatch(c -> "Available".equals(c.getType()) && "True".equals(c.getStatus()));
            });
    assertThat(get(http, "/metrics").body()).contains("kubestellar_transport_");
  }

  /**
   * Every metric selector of the chart's dashboard and alert rules (name and label matchers)
   * matches a series that the running controller-manager, transport controller (from its image) and
   * status add-on serve on /metrics, once the demo workload has gone through them.
   */
  @Test
  @Order(2)
  void everyDashboardAndAlertQueryUsesMetricsTheComponentsExport() throws IOException {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    var series = new ArrayList<MonitoringQueries.Series>();
    for (var p : List.of(controllerManagerPort, port, agentPort)) {
      series.addAll(MonitoringQueries.series(get(http, p, "/metrics").body()));
    }
    var queries = new LinkedHashMap<String, String>();
    queries.putAll(MonitoringQueries.dashboardQueries());
    MonitoringQueries.ruleQueries().forEach((name, expr) -> queries.put("rule " + name, expr));
    var missing = new ArrayList<String>();
    queries.forEach(
        (where, expr) -> {
          for (var selector : MonitoringQueries.selectors(expr)) {
            if (!MonitoringQueries.matchesAny(selector, series)) {
              missing.add(where + ": " + selector);
            }
          }
        });
    assertThat(missing).as("selectors matching no exported series").isEmpty();
    assertThat(series).as("scraped series").hasSizeGreaterThan(100);
  }

  /** The transport controller's container of the core chart, rendered for this environment. */
  private static Map<String, Object> chartContainer() throws IOException {
    var values =
        Files.writeString(
            work.resolve("transport-values.yaml"),
            String.join(
                "\n",
                "wds: {name: wds1, kubeconfigSecret: {name: wds1-kubeconfig}}",
                "its: {kubeconfigSecret: {name: its1-kubeconfig}}",
                "managementPort: " + port,
                "controllerManager: {enabled: false}",
                ""));
    var rendered = Charts.documents(Charts.template(Charts.CORE, "wds1", NAMESPACE, values));
    var deployment =
        rendered.stream().filter(o -> "Deployment".equals(o.get("kind"))).findFirst().orElseThrow();
    var pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
    return maps(pod.get("containers")).get(0);
  }

  private static HttpResponse<String> get(HttpClient http, String path) throws IOException {
    return get(http, port, path);
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path)
      throws IOException {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static void kubectl(String... args) {
    var command = new ArrayList<String>();
    command.add(ToolPaths.fromEnvironment().kubectl().toString());
    command.addAll(List.of("--kubeconfig", env.kubeconfig().toString(), "--context", "wds1"));
    command.addAll(List.of(args));
    ExternalCommand.run(Duration.ofMinutes(1), command).requireSuccess();
  }
}
