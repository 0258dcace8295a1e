/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Each chart passes {@code helm lint --strict} with each of its example values files (ci/) and its
 * defaults, its values.schema.json rejects values the chart cannot use with a message naming the
 * value, and what it renders is consistent: the flags it gives a component are flags that
 * component's binary accepts, and every RBAC binding points at a role and a ServiceAccount the
 * chart renders too.
 */
class ChartLintIT {

  /** The command line of each component, keyed by the container name the charts give it. */
  private static final Map<String, Supplier<CommandLine>> BINARIES =
      Map.of(
          "controller-manager",
          () -> new io.kubestellar.controller.Main().commandLine(),
          "transport-controller",
          () -> new io.kubestellar.transport.Main().commandLine(),
          "status-addon",
          () -> new io.kubestellar.statusaddon.Main().commandLine());

  /** The values each chart cannot render without; everything else has a default. */
  private static final Map<String, List<String>> REQUIRED_SETTINGS =
      Map.of(
          Charts.CORE,
          List.of("--set", "wds.name=wds1"),
          Charts.ITS,
          List.of(),
          Charts.STATUS_ADDON,
          List.of("--set", "clusterName=cluster1", "--set", "hub.kubeconfigSecret.name=hub"));

  /** How helm begins the message of a values.schema.json violation. */
  private static final String SCHEMA_FAILURE = "values don't meet the specifications of the schema";

  static Stream<Arguments> chartsAndValues() {
    var result = new ArrayList<Arguments>();
    for (var chart : Charts.ALL) {
      for (var values : Charts.ciValues(chart)) {
        result.add(Arguments.of(chart, values.getFileName().toString()));
      }
    }
    return result.stream();
  }

  @ParameterizedTest(name = "{0} with ci/{1}")
  @MethodSource("chartsAndValues")
  void lintsCleanlyInStrictMode(String chart, String values) {
    var lint =
        ExternalCommand.run(
                Charts.HELM_TIMEOUT,
                List.of(
                    Charts.helm().toString(),
                    "lint",
                    "--strict",
                    Charts.chart(chart).toString(),
                    "--values",
                    Charts.chart(chart).resolve("ci").resolve(values).toString()))
            .requireSuccess();
    assertThat(lint.output()).contains("0 chart(s) failed").doesNotContain("[WARNING]", "[ERROR]");
  }

  @ParameterizedTest
  @ValueSource(strings = {Charts.CORE, Charts.ITS, Charts.STATUS_ADDON})
  void acceptsItsDefaultValuesOnceTheRequiredOnesAreSet(String chart) {
    var lint = helm(chart, "lint", List.of("--strict"), REQUIRED_SETTINGS.get(chart));
    assertThat(lint.requireSuccess().output())
        .contains("0 chart(s) failed")
        .doesNotContain("[WARNING]", "[ERROR]");
    helm(chart, "template", List.of("r"), REQUIRED_SETTINGS.get(chart)).requireSuccess();
  }

  static Stream<Arguments> missingRequiredValues() {
    return Stream.of(
        Arguments.of(Charts.CORE, List.of(), "wds.name is required"),
        Arguments.of(Charts.STATUS_ADDON, List.of(), "clusterName is required"),
        Arguments.of(
            Charts.STATUS_ADDON,
            List.of("--set", "clusterName=cluster1"),
            "hub.kubeconfigSecret.name (or hub.kubeconfig) is required"));
  }

  /**
   * A required value left at its empty default passes the schema, so that the template's own
   * message (saying what the value is for) is the one users see: {@code helm template} fails with
   * it, {@code helm lint} reports it (as information; a required key removed altogether fails the
   * schema, see {@link #rejectsValuesItsSchemaForbids}).
   */
  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("missingRequiredValues")
  void refusesToRenderWithoutItsRequiredValues(String chart, List<String> set, String message) {
    var render = helm(chart, "template", List.of("r"), set);
    assertThat(render.exitCode()).as("exit code of helm template").isNotZero();
    assertThat(render.output()).contains(message).doesNotContain(SCHEMA_FAILURE);
    var lint = helm(chart, "lint", List.of(), set);
    assertThat(lint.output())
        .contains("Missing required value: " + message)
        .doesNotContain(SCHEMA_FAILURE);
  }

  /** Values files each chart's values.schema.json rejects, with the message naming the value. */
  static Stream<Arguments> valuesTheSchemaRejects() {
    return Stream.of(
        // kubestellar-core
        Arguments.of(
            Charts.CORE,
            "managementPort: \"8081\"",
            "managementPort: Invalid type. Expected: integer, given: string"),
        Arguments.of(
            Charts.CORE,
            "managementPort: 70000",
            "managementPort: Must be less than or equal to 65535"),
        Arguments.of(
            Charts.CORE,
            "controllerManager: {replica: 2}",
            "controllerManager: Additional property replica is not allowed"),
        Arguments.of(
            Charts.CORE,
            "transportController: {replicas: 0}",
            "transportController.replicas: Must be greater than or equal to 1"),
        Arguments.of(
            Charts.CORE,
            "transportController: {leaderElect: false, replicas: 2}",
            "transportController.replicas: Must be less than or equal to 1"),
        Arguments.of(
            Charts.CORE,
            "log: {level: VERBOSE}",
            "log.level: log.level must be one of the following"),
        Arguments.of(
            Charts.CORE,
            "controllerManager: {coalesceDelay: 20ms}",
            "controllerManager.coalesceDelay: Does not match pattern"),
        Arguments.of(Charts.CORE, "wds: {name: WDS_1}", "wds.name: Does not match pattern"),
        Arguments.of(Charts.CORE, "wds: {name: null}", "wds: name is required"),
        Arguments.of(
            Charts.CORE,
            "javaToolOptions: [-Xmx1g]",
            "javaToolOptions: Invalid type. Expected: string, given: array"),
        Arguments.of(
            Charts.CORE,
            "probes: {liveness: {periodSeconds: 0}}",
            "probes.liveness.periodSeconds: Must be greater than or equal to 1"),
        Arguments.of(
            Charts.CORE,
            "probes: {readiness: {path: /healthz}}",
            "probes.readiness: Additional property path is not allowed"),
        Arguments.of(
            Charts.CORE,
            "networkPolicy: {enabled: true, apiServerPorts: [70000]}",
            "networkPolicy.apiServerPorts.0: Must be less than or equal to 65535"),
        Arguments.of(
            Charts.CORE,
            "networkPolicy: {enable: true}",
            "networkPolicy: Additional property enable is not allowed"),
        Arguments.of(
            Charts.CORE,
            "controllerManager: {podDisruptionBudget: {enabled: true, maxUnavailable: half}}",
            "controllerManager.podDisruptionBudget.maxUnavailable: Does not match pattern"),
        Arguments.of(
            Charts.CORE,
            "transportController: {topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone}]}",
            "transportController.topologySpreadConstraints.0: whenUnsatisfiable is required"),
        // kubestellar-its
        Arguments.of(
            Charts.ITS, "wdses: wds1", "wdses: Invalid type. Expected: array, given: string"),
        Arguments.of(
            Charts.ITS,
            "wecs: [{name: cluster1, namespace: cluster1}]",
            "wecs.0: Additional property namespace is not allowed"),
        Arguments.of(Charts.ITS, "wecs: [{}]", "wecs.0: name is required"),
        Arguments.of(
            Charts.ITS,
            "wdses: [{name: wds1}, {name: wds1}]",
            "wdses: array items[0,1] must be unique"),
        Arguments.of(
            Charts.ITS,
            "tokenSecrets: \"yes\"",
            "tokenSecrets: Invalid type. Expected: boolean, given: string"),
        // kubestellar-status-addon
        Arguments.of(Charts.STATUS_ADDON, "clusterName: null", "(root): clusterName is required"),
        Arguments.of(
            Charts.STATUS_ADDON, "clusterName: Cluster_1", "clusterName: Does not match pattern"),
        Arguments.of(
            Charts.STATUS_ADDON,
            "driftRepair: {delay: 5}",
            "driftRepair.delay: Invalid type. Expected: string, given: integer"),
        Arguments.of(
            Charts.STATUS_ADDON,
            "driftRepair: {delay: 5 seconds}",
            "driftRepair.delay: Does not match pattern"),
        Arguments.of(
            Charts.STATUS_ADDON,
            "hubKubeconfig: x",
            "(root): Additional property hubKubeconfig is not allowed"),
        Arguments.of(
            Charts.STATUS_ADDON,
            "maxConcurrentRequests: {its: 0}",
            "maxConcurrentRequests.its: Must be greater than or equal to 1"),
        Arguments.of(
            Charts.STATUS_ADDON,
            "shutdownTimeoutSeconds: 0",
            "shutdownTimeoutSeconds: Must be greater than or equal to 1"),
        Arguments.of(
            Charts.STATUS_ADDON,
            "podDisruptionBudget: {maxUnavailable: -1}",
            "podDisruptionBudget.maxUnavailable: Must be greater than or equal to 0"),
        Arguments.of(
            Charts.STATUS_ADDON,
            "topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone,"
                + " whenUnsatisfiable: Sometimes}]",
            "topologySpreadConstraints.0.whenUnsatisfiable: topologySpreadConstraints.0"
                + ".whenUnsatisfiable must be one of the following"));
  }

  @ParameterizedTest(name = "{0} with {1}")
  @MethodSource("valuesTheSchemaRejects")
  void rejectsValuesItsSchemaForbids(String chart, String values, String message, @TempDir Path dir)
      throws IOException {
    var file = Files.writeString(dir.resolve("bad-values.yaml"), values + "\n");
    var valuesArgs = List.of("--values", file.toString());
    var lint = helm(chart, "lint", List.of("--strict"), valuesArgs);
    assertThat(lint.exitCode()).as("exit code of helm lint").isNotZero();
    assertThat(lint.output()).contains("[ERROR] values.yaml: ", "- " + message);
    var render = helm(chart, "template", List.of("r"), valuesArgs);
    assertThat(render.exitCode()).as("exit code of helm template").isNotZero();
    assertThat(render.output()).contains(SCHEMA_FAILURE, "- " + message);
  }

  /**
   * With ci/production-values.yaml, each component gets the production parts: its replicas spread
   * by the constraints given (with the component's own selector filled in), a PodDisruptionBudget
   * and a NetworkPolicy selecting exactly its pods, and the JVM options.
   */
  @ParameterizedTest
  @ValueSource(strings = {Charts.CORE, Charts.STATUS_ADDON})
  void rendersTheProductionPartsForEachComponent(String chart) {
    var rendered =
        Charts.documents(
            Charts.template(
                chart, "r", "kubestellar", valuesPath(chart, "production-values.yaml")));
    var deployments = kind(rendered, "Deployment");
    assertThat(deployments).hasSize(chart.equals(Charts.CORE) ? 2 : 1);
    for (var deployment : deployments) {
      var name = Charts.map(deployment.get("metadata")).get("name");
      var spec = Charts.map(deployment.get("spec"));
      var selector = Charts.map(Charts.map(spec.get("selector")).get("matchLabels"));
      var pod = Charts.map(Charts.map(spec.get("template")).get("spec"));
      if (chart.equals(Charts.CORE)) {
        assertThat(spec.get("replicas")).as("replicas of %s", name).isEqualTo(2);
        assertThat(Charts.maps(pod.get("topologySpreadConstraints")))
            .as("spread of %s", name)
            .singleElement()
            .satisfies(
                c ->
                    assertThat(Charts.map(Charts.map(c.get("labelSelector")).get("matchLabels")))
                        .isEqualTo(selector));
      }
      var container = containers(deployment).get(0);
      assertThat(Charts.maps(container.get("env")))
          .as("env of %s", name)
          .anyMatch(
              e ->
                  "JAVA_TOOL_OPTIONS".equals(e.get("name"))
                      && String.valueOf(e.get("value")).contains("-XX:+ExitOnOutOfMemoryError"));
      for (var probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
        assertThat(Charts.map(container.get(probe)))
            .as("%s of %s", probe, name)
            .containsKey("httpGet");
      }
      for (var kind : List.of("PodDisruptionBudget", "NetworkPolicy")) {
        var objects =
            kind(rendered, kind).stream()
                .filter(o -> name.equals(Charts.map(o.get("metadata")).get("name")))
                .toList();
        assertThat(objects).as("%s of %s", kind, name).hasSize(1);
        var objectSpec = Charts.map(objects.get(0).get("spec"));
        var podSelector =
            Charts.map(
                Charts.map(
                        objectSpec.get(kind.equals("NetworkPolicy") ? "podSelector" : "selector"))
                    .get("matchLabels"));
        assertThat(podSelector).as("%s of %s selects its pods", kind, name).isEqualTo(selector);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {Charts.CORE, Charts.STATUS_ADDON})
  void rendersNoNetworkPolicyUnlessAskedTo(String chart) {
    var rendered =
        Charts.documents(
            helm(chart, "template", List.of("r"), REQUIRED_SETTINGS.get(chart))
                .requireSuccess()
                .output());
    assertThat(kind(rendered, "NetworkPolicy")).isEmpty();
    assertThat(kind(rendered, "PodDisruptionBudget")).hasSameSizeAs(kind(rendered, "Deployment"));
  }

  @ParameterizedTest(name = "{0} with ci/{1}")
  @MethodSource("chartsAndValues")
  void givesEachComponentOnlyFlagsItsBinaryAccepts(String chart, String values) {
    var rendered =
        Charts.documents(Charts.template(chart, "r", "kubestellar", valuesPath(chart, values)));
    for (var deployment : kind(rendered, "Deployment")) {
      for (var container : containers(deployment)) {
        var name = (String) container.get("name");
        var args = strings(container.get("args"));
        assertThat(BINARIES).as("a binary for container %s", name).containsKey(name);
        assertThatCode(() -> BINARIES.get(name).get().parseArgs(args.toArray(String[]::new)))
            .as("%s %s", name, args)
            .doesNotThrowAnyException();
      }
    }
  }

  @ParameterizedTest(name = "{0} with ci/{1}")
  @MethodSource("chartsAndValues")
  void bindsOnlyRolesAndServiceAccountsItRenders(String chart, String values) {
    var rendered =
        Charts.documents(Charts.template(chart, "r", "kubestellar", valuesPath(chart, values)));
    var roles = new ArrayList<String>();
    var accounts = new ArrayList<String>();
    for (var object : rendered) {
      var metadata = Charts.map(object.get("metadata"));
      var id = metadata.get("namespace") + "/" + metadata.get("name");
      switch ((String) object.get("kind")) {
        case "ClusterRole" -> roles.add("ClusterRole " + metadata.get("name"));
        case "Role" -> roles.add("Role " + id);
        case "ServiceAccount" -> accounts.add(id);
        default -> {}
      }
    }
    for (var binding : rendered) {
      var kind = (String) binding.get("kind");
      if (!kind.endsWith("Binding")) {
        continue;
      }
      var metadata = Charts.map(binding.get("metadata"));
      var ref = Charts.map(binding.get("roleRef"));
      var roleId =
          "Role".equals(ref.get("kind"))
              ? "Role " + metadata.get("namespace") + "/" + ref.get("name")
              : "ClusterRole " + ref.get("name");
      assertThat(roles).as("role of %s %s", kind, metadata.get("name")).contains(roleId);
      for (var subject : Charts.maps(binding.get("subjects"))) {
        assertThat(accounts)
            .as("subject of %s %s", kind, metadata.get("name"))
            .contains(subject.get("namespace") + "/" + subject.get("name"));
      }
    }
    for (var deployment : kind(rendered, "Deployment")) {
      var pod =
          Charts.map(Charts.map(Charts.map(deployment.get("spec")).get("template")).get("spec"));
      var namespace = Charts.map(deployment.get("metadata")).get("namespace");
      assertThat(accounts).contains(namespace + "/" + pod.get("serviceAccountName"));
    }
  }

  /** {@code helm <command> <before...> <chart> <after...>}. */
  private static ExternalCommand helm(
      String chart, String command, List<String> before, List<String> after) {
    var line = new ArrayList<String>();
    line.add(Charts.helm().toString());
    line.add(command);
    line.addAll(before);
    line.add(Charts.chart(chart).toString());
    line.addAll(after);
    return ExternalCommand.run(Charts.HELM_TIMEOUT, line);
  }

  private static Path valuesPath(String chart, String values) {
    return Charts.chart(chart).resolve("ci").resolve(values);
  }

  private static List<Map<String, Object>> kind(List<Map<String, Object>> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
    var pod =
        Charts.map(Charts.map(Charts.map(deployment.get("spec")).get("template")).get("spec"));
    return Charts.maps(pod.get("containers"));
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }
}
