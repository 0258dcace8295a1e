/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of objects, clauses and whether the clause selects the object (spec §3.5), in {@code
 * src/test/resources/ClauseMatcherTest/table.yaml}.
 */
class ClauseMatcherTest {

  /** Namespaces of the test WDS and their labels. */
  static final Map<String, Map<String, String>> NAMESPACES =
      Map.of(
          "ns1", Map.of("team", "blue", "env", "prod"),
          "ns2", Map.of("team", "red"),
          "ns3", Map.of());

  static final NamespaceLabels NS = n -> Optional.ofNullable(NAMESPACES.get(n));

  static final WorkloadObject DEPLOYMENT =
      object("apps", "deployments", "ns1", "web", Map.of("app", "web", "tier", "front"));
  static final WorkloadObject CONFIGMAP = object("", "configmaps", "ns2", "cfg", Map.of());
  static final WorkloadObject IN_MISSING_NS =
      object("", "configmaps", "gone", "cfg", Map.of("app", "web"));
  static final WorkloadObject CLUSTER_ROLE =
      object("rbac.authorization.k8s.io", "clusterroles", "", "reader", Map.of("app", "web"));
  static final WorkloadObject NAMESPACE_NS1 =
      object("", "namespaces", "", "ns1", Map.of("team", "blue"));
  static final WorkloadObject CRD =
      object(
          "apiextensions.k8s.io", "customresourcedefinitions", "", "widgets.example.com", Map.of());
  static final WorkloadObject SECRET_IN_NS3 = object("", "secrets", "ns3", "s", Map.of());

  static WorkloadObject object(
      String group, String resource, String ns, String name, Map<String, String> labels) {
    return new WorkloadObject(new ObjectRef(group, resource, ns, name), "v1", "1", labels);
  }

  static Selector labels(String... kv) {
    var map = new java.util.TreeMap<String, String>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put(kv[i], kv[i + 1]);
    }
    return new Selector(map, List.of());
  }

  static Selector expr(String key, String op, String... values) {
    return new Selector(Map.of(), List.of(new Selector.Requirement(key, op, List.of(values))));
  }

  /** The objects the table names. */
  static final Map<String, WorkloadObject> OBJECTS =
      Map.of(
          "deployment", DEPLOYMENT,
          "configmap", CONFIGMAP,
          "in-missing-namespace", IN_MISSING_NS,
          "clusterrole", CLUSTER_ROLE,
          "namespace-ns1", NAMESPACE_NS1,
          "crd", CRD,
          "secret-in-ns3", SECRET_IN_NS3);

  /** The rows of {@code ClauseMatcherTest/table.yaml}: name, clause, object and verdict. */
  static Stream<Arguments> table() throws IOException {
    var yaml = new ObjectMapper(new YAMLFactory());
    try (var in = ClauseMatcherTest.class.getResourceAsStream("/ClauseMatcherTest/table.yaml")) {
      var rows = new ArrayList<Arguments>();
      for (var row : yaml.readTree(in)) {
        rows.add(
            Arguments.of(
                row.get("name").textValue(),
                yaml.treeToValue(row.get("clause"), DownsyncClause.class),
                Objects.requireNonNull(OBJECTS.get(row.get("object").textValue())),
                row.get("matches").booleanValue()));
      }
      return rows.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void matchesAsSpecified(
      String name, DownsyncClause clause, WorkloadObject object, boolean expected) {
    var verdict = ClauseMatcher.evaluate(clause, object, NS);
    assertThat(verdict.matched()).as(name + ": " + verdict.reason()).isEqualTo(expected);
    if (!expected) {
      assertThat(verdict.reason()).isNotBlank().isNotEqualTo("matches");
    }
  }
}
