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
import io.kubestellar.e2e.monitoring.MonitoringQueries;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.DemoComponents;
import io.kubestellar.localenv.DemoScene;
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
 * The demo with every component run from its image under runc, the way the charts run them: each
 * container gets the arguments and environment of its chart's Deployment, its kubeconfigs mounted
 * where the chart mounts them (the chart's RBAC behind each identity), a read-only root filesystem
 * and the image's non-root user. Each serves /readyz, the demo's workload reaches the WEC and its
 * status comes back as a CombinedStatus row; and every metric the chart's dashboard and alerts
 * query is among those the three components export.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImageRunIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final String NAMESPACE = DemoComponents.NAMESPACE;
  private static final String KUBECONFIGS = "/etc/kubestellar/";

  private static LocalEnvironment env;
  private static Path work;
  private static final Map<String, RuncContainer> containers = new LinkedHashMap<>();
  private static final Map<String, Integer> ports = new LinkedHashMap<>();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startTheDemoWithEveryComponentFromItsImage() throws IOException {
    work = Path.of("target", "image-run-it").toAbsolutePath();
    env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(work.resolve("env"))
                .withWecs(
                    List.of(
                        WecSpec.withDefaultLabels(
                            "cluster1", Map.of("environment", "production")))),
            ToolPaths.fromEnvironment());
    var components = new DemoComponents(env, ComponentJars.fromWorkingDirectory());
    components.installItsCrds();
    var kubeconfigs = new ServiceAccountKubeconfigs(env);

    start(
        "controller-manager",
        Charts.CORE,
        "controllerManager: {enabled: true}\ntransportController: {enabled: false}",
        controllerKubeconfigs(kubeconfigs, components, "controller-manager"));
    // The transport's informers need the CRDs the controller-manager installs at startup.
    awaitReady("controller-manager");
    start(
        "transport-controller",
        Charts.CORE,
        "controllerManager: {enabled: false}",
        controllerKubeconfigs(kubeconfigs, components, "transport-controller"));

    // In a pod the agent reaches its WEC in-cluster; here a kubeconfig of the same identity.
    start(
        "status-addon",
        Charts.STATUS_ADDON,
        "extraArgs: [--wec-kubeconfig=" + KUBECONFIGS + "wec/kubeconfig]",
        Map.of(
            "its",
            kubeconfigs.create(
                "its1", "cluster1", "status-addon", components.rbac("status-addon", "its")),
            "wec",
            kubeconfigs.create(
                "cluster1",
                DemoComponents.ADDON_NAMESPACE,
                "status-addon",
                components.rbac("status-addon", "wec"))));
  }

  @AfterAll
  static void stop() {
    containers.values().forEach(RuncContainer::close);
    if (env != null) {
      env.close();
    }
  }

  @Test
  @Order(1)
  void everyImageServesReadyzAndTheDemoWorkloadIsDeliveredAndReported() throws IOException {
    for (var component : containers.keySet()) {
      awaitReady(component);
      var container = containers.get(component);
      // It runs as the image's user, with the JVM options from the chart.
      var status = Files.readString(Path.of("/proc", String.valueOf(container.pid()), "status"));
      assertThat(status).as("%s's process", component).containsPattern("(?m)^Uid:\\s+65532\\s");
      assertThat(Files.readString(container.process().logFile()))
          .contains("Picked up JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=75");
    }

    var scene = new DemoScene(env, Charts.repoRoot(), ToolPaths.fromEnvironment().kubectl());
    scene.kubectlPrint("wds1", "apply", "-f", "examples/app-deployment/workload.yaml");
    scene.kubectlPrint("wds1", "apply", "-f", "examples/app-deployment/policy.yaml");
    // Deployment delivered and Available in the WEC, and a CombinedStatus row for it.
    scene.awaitDelivered(List.of("cluster1"), TIMEOUT, (step, args) -> {});
    for (var component : containers.keySet()) {
      assertThat(containers.get(component).process().isAlive()).as(component).isTrue();
    }
  }

  /**
   * Every metric selector of the chart's dashboard and alert rules (name and label matchers)
   * matches a series that the three components serve on /metrics, once the demo workload has gone
   * through them.
   */
  @Test
  @Order(2)
  void everyDashboardAndAlertQueryUsesMetricsTheComponentsExport() throws IOException {
    var series = new ArrayList<MonitoringQueries.Series>();
    for (var component : containers.keySet()) {
      series.addAll(MonitoringQueries.series(get(component, "/metrics").body()));
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

  /** A WDS controller's kubeconfigs for the WDS and the ITS, each with the chart's RBAC. */
  private static Map<String, Path> controllerKubeconfigs(
      ServiceAccountKubeconfigs kubeconfigs, DemoComponents components, String component) {
    var account = "wds1-" + component;
    var result = new LinkedHashMap<String, Path>();
    for (var space : Map.of("wds", "wds1", "its", "its1").entrySet()) {
      result.put(
          space.getKey(),
          kubeconfigs.create(
              space.getValue(), NAMESPACE, account, components.rbac(component, space.getKey())));
    }
    return result;
  }

  /**
   * Starts a component's image with its chart's container: {@code values} added to the chart's
   * required ones, and for each space a kubeconfig mounted at /etc/kubestellar/<space>/kubeconfig.
   */
  private static void start(
      String component, String chart, String values, Map<String, Path> kubeconfigs)
      throws IOException {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    ports.put(component, port);
    var container = chartContainer(component, chart, values, port);
    var environment = new LinkedHashMap<String, String>();
    for (var variable : maps(container.get("env"))) {
      var name = (String) variable.get("name");
      environment.put(
          name,
          switch (name) {
            case "POD_NAMESPACE" -> NAMESPACE;
            case "POD_NAME" -> component + "-from-image";
            default -> (String) variable.get("value");
          });
    }
    var mounts = new LinkedHashMap<String, Path>();
    kubeconfigs.forEach((space, file) -> mounts.put(KUBECONFIGS + space + "/kubeconfig", file));
    for (var mount : maps(container.get("volumeMounts"))) {
      var path = (String) mount.get("mountPath");
      if (path.startsWith(KUBECONFIGS)) {
        assertThat(mounts)
            .as("%s: a kubeconfig for the chart's mount", component)
            .containsKey(path + "/kubeconfig");
      }
    }
    @SuppressWarnings("unchecked")
    var args = (List<String>) container.get("args");
    containers.put(
        component,
        RuncContainer.start(
            env, OciImage.read(component, work), component, work, args, environment, mounts));
  }

  /** The component's container as its chart renders it for this environment. */
  private static Map<String, Object> chartContainer(
      String component, String chart, String values, int port) throws IOException {
    var required =
        chart.equals(Charts.CORE)
            ? "wds: {name: wds1, kubeconfigSecret: {name: wds1-kubeconfig}}\n"
                + "its: {kubeconfigSecret: {name: its1-kubeconfig}}\n"
            : "clusterName: cluster1\nhub: {kubeconfigSecret: {name: hub-kubeconfig}}\n";
    var file =
        Files.writeString(
            work.resolve(component + "-values.yaml"),
            required + "managementPort: " + port + "\n" + values + "\n");
    var deployment =
        Charts.documents(Charts.template(chart, "wds1", NAMESPACE, file)).stream()
            .filter(o -> "Deployment".equals(o.get("kind")))
            .findFirst()
            .orElseThrow();
    var pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
    var container = maps(pod.get("containers")).get(0);
    assertThat(container.get("name")).isEqualTo(component);
    return container;
  }

  private static void awaitReady(String component) {
    var container = containers.get(component);
    await(component + " from its image answers /readyz")
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(IOException.class)
        .untilAsserted(
            () -> {
              assertThat(container.process().isAlive())
                  .as("runc still running; see %s", container.process().logFile())
                  .isTrue();
              assertThat(get(component, "/readyz").statusCode()).isEqualTo(200);
            });
  }

  private static HttpResponse<String> get(String component, String path) throws IOException {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(component) + path))
              .timeout(Duration.ofSeconds(5))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }
}
