/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.DemoComponents;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.Kubectl;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ToolPaths;
import io.kubestellar.localenv.WecSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every component runs as its own process with ServiceAccount tokens minted by the spaces' API
 * servers and bound to exactly the chart's roles ({@code config/rbac}): controller-manager and
 * transport controller in the WDS and the ITS, a status add-on per WEC in its WEC and the ITS. A
 * user drives a whole story with kubectl; a right the components lack would make a step fail. A
 * transport controller missing one verb shows the refusal where users look.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeastPrivilegeIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(180);
  private static final List<String> WECS = List.of("cluster1", "cluster2");
  private static final Pattern FORBIDDEN = Pattern.compile("(?i)forbidden|\\b403\\b");

  @AutoClose private static LocalEnvironment env;
  private static DemoComponents components;
  private static Kubectl kubectl;
  private static Path runDir;

  @BeforeAll
  static void startEverythingUnderTheChartRbac() {
    runDir = Path.of("target", "least-privilege-it").toAbsolutePath();
    var wecs = new ArrayList<WecSpec>();
    for (var wec : WECS) {
      wecs.add(WecSpec.withDefaultLabels(wec, Map.of("environment", "production")));
    }
    env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(runDir).withWecs(wecs), ToolPaths.fromEnvironment());
    kubectl = Kubectl.of(env);
    components = new DemoComponents(env, ComponentJars.fromWorkingDirectory());
    components.installItsCrds();
    components.startAll();
    components.awaitReady();
  }

  /** {@code kubectl get} in namespace {@code shop} of the WDS. */
  private static String inShop(String... args) {
    var command = new ArrayList<String>(List.of("-n", "shop", "get"));
    command.addAll(List.of(args));
    return kubectl.run("wds1", command.toArray(String[]::new));
  }

  /** Waits until {@code check} passes for every WEC. */
  private static void awaitInEveryWec(String what, Consumer<String> check) {
    await(what)
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              for (var wec : WECS) {
                check.accept(wec);
              }
            });
  }

  @Test
  @Order(1)
  void bindsUpdatesReportsStatusAndUnbindsWithOnlyTheChartRights() throws IOException {
    kubectl.applyResource("wds1", "LeastPrivilegeIT/shop.yaml");

    awaitInEveryWec(
        "web Available with 2 replicas in both clusters",
        wec -> assertThat(readyReplicas(wecDeployment(wec))).as(wec).isEqualTo(2));
    await("Binding web Ready=True")
        .atMost(TIMEOUT)
        .until(() -> condition("bdg", "web", "Ready").equals("True/Delivered"));

    kubectl.run("wds1", "-n", "shop", "scale", "deployment/web", "--replicas=3");
    awaitInEveryWec(
        "the new replica count reaches both clusters and runs there",
        wec -> assertThat(readyReplicas(wecDeployment(wec))).as(wec).isEqualTo(3));

    await("the WDS Deployment carries the status of its clusters (multi-WEC, D10)")
        .atMost(TIMEOUT)
        .until(
            () -> inShop("deployment/web", "-o", "jsonpath={.status.readyReplicas}").equals("3"));
    await("the CombinedStatus has a row per cluster with 3 ready replicas")
        .atMost(TIMEOUT)
        .until(
            () ->
                inShop(
                        "combinedstatuses",
                        "-l",
                        "status.kubestellar.io/name=web",
                        "-o",
                        "jsonpath={range .items[*].results[*].rows[*]}"
                            + "{.columns[0].string}={.columns[1].float};{end}")
                    .equals("cluster1=3;cluster2=3;"));
    assertThat(
            kubectl.run(
                "its1",
                "get",
                "workstatuses",
                "-A",
                "-o",
                "jsonpath={range .items[?(@.spec.sourceRef.name==\"web\")]}"
                    + "{.metadata.namespace} {end}"))
        .contains("cluster1", "cluster2");

    kubectl.run("wds1", "delete", "bindingpolicy", "web");
    awaitInEveryWec(
        "web removed from both clusters", wec -> assertThat(wecDeployment(wec)).as(wec).isNull());
    await("the ManifestWorks and the CombinedStatus of web are gone")
        .atMost(TIMEOUT)
        .until(
            () ->
                kubectl
                        .run(
                            "its1",
                            "get",
                            "manifestworks",
                            "-A",
                            "-l",
                            "transport.kubestellar.io/originOwnerReferenceBindingKey=web",
                            "-o",
                            "name")
                        .isBlank()
                    && inShop("combinedstatuses", "-o", "name").isBlank());

    // Nothing was refused on the way: a missing right shows in a component's log first.
    for (var component : components.running().values()) {
      var refused =
          Files.readAllLines(component.process().logFile()).stream()
              .filter(line -> FORBIDDEN.matcher(line).find())
              .toList();
      assertThat(refused).as(component.name() + " refused requests").isEmpty();
    }
  }

  @Test
  @Order(2)
  void aTransportMissingOneVerbReportsTheRefusalOnTheBindingAndRecoversWithTheChartRole()
      throws IOException {
    var chartTransport = components.running().get("transport-controller");
    chartTransport.process().stop(Duration.ofSeconds(30));

    var broken =
        components.startTransportController(
            "transport-controller-without-create",
            components.rbac("transport-controller", "wds"),
            withoutManifestWorkCreate(components.rbac("transport-controller", "its")));
    components.awaitReady(broken);

    kubectl.applyResource("wds1", "LeastPrivilegeIT/notice.yaml");
    await("Binding notice Ready=False with reason WriteFailed")
        .atMost(TIMEOUT)
        .until(() -> condition("bdg", "notice", "Ready").equals("False/WriteFailed"));
    assertThat(kubectl.run("wds1", "get", "bdg", "notice", "-o", "jsonpath={.status.errors}"))
        .contains("ManifestWork write: ")
        .containsIgnoringCase("forbidden");
    assertThat(condition("bp", "notice", "Ready")).isEqualTo("False/WriteFailed");
    await("a Warning Event on the Binding")
        .atMost(TIMEOUT)
        .until(
            () ->
                kubectl
                    .run(
                        "wds1",
                        "-n",
                        "default",
                        "get",
                        "events",
                        "--field-selector",
                        "involvedObject.name=notice,type=Warning",
                        "-o",
                        "jsonpath={.items[*].reason}")
                    .contains("WriteFailed"));
    for (var wec : WECS) {
      assertThat(env.client(wec).configMaps().inNamespace("default").withName("notice").get())
          .isNull();
    }

    broken.process().stop(Duration.ofSeconds(30));
    components.awaitReady(components.startTransportController());
    await("with the chart's role the ConfigMap is delivered and the Binding is Ready")
        .atMost(TIMEOUT)
        .until(
            () ->
                condition("bdg", "notice", "Ready").equals("True/Delivered")
                    && WECS.stream()
                        .allMatch(
                            wec ->
                                env.client(wec)
                                        .configMaps()
                                        .inNamespace("default")
                                        .withName("notice")
                                        .get()
                                    != null));
  }

  /** The ITS role files with {@code create} removed from the ManifestWork rule, under new names. */
  private static List<Path> withoutManifestWorkCreate(List<Path> files) throws IOException {
    var serialization = env.client("its1").getKubernetesSerialization();
    var dir = Files.createDirectories(runDir.resolve("rbac-without-create"));
    var result = new ArrayList<Path>();
    for (var file : files) {
      if (!file.getFileName().toString().equals("its-write.yaml")) {
        result.add(file);
        continue;
      }
      var role = serialization.unmarshal(Files.readString(file), ClusterRole.class);
      role.getMetadata().setName(role.getMetadata().getName() + "-without-create");
      for (PolicyRule rule : role.getRules()) {
        if (rule.getResources().contains("manifestworks")) {
          rule.setVerbs(rule.getVerbs().stream().filter(v -> !v.equals("create")).toList());
        }
      }
      var copy = dir.resolve("its-write.yaml");
      Files.writeString(copy, serialization.asYaml(role));
      result.add(copy);
    }
    return result;
  }

  private static Deployment wecDeployment(String wec) {
    return env.client(wec).apps().deployments().inNamespace("shop").withName("web").get();
  }

  private static int readyReplicas(Deployment deployment) {
    if (deployment == null
        || deployment.getStatus() == null
        || deployment.getStatus().getReadyReplicas() == null) {
      return 0;
    }
    return deployment.getStatus().getReadyReplicas();
  }

  /** {@code status/reason} of a condition as kubectl shows it, {@code "/"} when absent. */
  private static String condition(String kind, String name, String type) {
    var query = "{.status.conditions[?(@.type==\"" + type + "\")]";
    return kubectl.run("wds1", "get", kind, name, "-o", "jsonpath=" + query + ".status}")
        + "/"
        + kubectl.run("wds1", "get", kind, name, "-o", "jsonpath=" + query + ".reason}");
  }
}
