/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Each chart passes {@code helm lint --strict} with each of its example values files (ci/), and
 * what it renders is consistent: the flags it gives a component are flags that component's binary
 * accepts, and every RBAC binding points at a role and a ServiceAccount the chart renders too.
 */
class ChartLintIT {

  /** The command line of each component, keyed by the container name the charts give it. */
  private static final Map<String, Supplier<CommandLine>> BINARIES =
      Map.of(
          "controller-manager",
          () -> io.kubestellar.controller.Main.commandLine(new io.kubestellar.controller.Main()),
          "transport-controller",
          () -> io.kubestellar.transport.Main.commandLine(new io.kubestellar.transport.Main()),
          "status-addon",
          () -> io.kubestellar.statusaddon.Main.commandLine(new io.kubestellar.statusaddon.Main()));

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
  @ValueSource(strings = {Charts.CORE, Charts.STATUS_ADDON})
  void refusesToRenderWithoutItsRequiredValues(String chart) {
    var render =
        ExternalCommand.run(
            Charts.HELM_TIMEOUT,
            List.of(Charts.helm().toString(), "template", "r", Charts.chart(chart).toString()));
    assertThat(render.exitCode()).isNotZero();
    assertThat(render.output()).contains("is required");
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
      var metadata = map(object.get("metadata"));
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
      var metadata = map(binding.get("metadata"));
      var ref = map(binding.get("roleRef"));
      var roleId =
          "Role".equals(ref.get("kind"))
              ? "Role " + metadata.get("namespace") + "/" + ref.get("name")
              : "ClusterRole " + ref.get("name");
      assertThat(roles).as("role of %s %s", kind, metadata.get("name")).contains(roleId);
      for (var subject : maps(binding.get("subjects"))) {
        assertThat(accounts)
            .as("subject of %s %s", kind, metadata.get("name"))
            .contains(subject.get("namespace") + "/" + subject.get("name"));
      }
    }
    for (var deployment : kind(rendered, "Deployment")) {
      var pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
      var namespace = map(deployment.get("metadata")).get("namespace");
      assertThat(accounts).contains(namespace + "/" + pod.get("serviceAccountName"));
    }
  }

  private static Path valuesPath(String chart, String values) {
    return Charts.chart(chart).resolve("ci").resolve(values);
  }

  private static List<Map<String, Object>> kind(List<Map<String, Object>> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
  }

  private static List<Map<String, Object>> containers(Map<String, Object> deployment) {
    var pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
    return maps(pod.get("containers"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Object value) {
    return value == null ? List.of() : (List<String>) value;
  }
}
