/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A table of objects, clauses and whether the clause selects the object (spec §3.5). */
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

  // Clauses for the table: each factory sets one test, all(...) combines them.

  static DownsyncClause group(String apiGroup) {
    return new DownsyncClause(apiGroup, null, null, null, null, null, null);
  }

  static DownsyncClause resources(String... resources) {
    return new DownsyncClause(null, List.of(resources), null, null, null, null, null);
  }

  static DownsyncClause namespaces(String... namespaces) {
    return new DownsyncClause(null, null, List.of(namespaces), null, null, null, null);
  }

  static DownsyncClause nsSelectors(Selector... selectors) {
    return new DownsyncClause(null, null, null, List.of(selectors), null, null, null);
  }

  static DownsyncClause objSelectors(Selector... selectors) {
    return new DownsyncClause(null, null, null, null, List.of(selectors), null, null);
  }

  static DownsyncClause names(String... names) {
    return new DownsyncClause(null, null, null, null, null, List.of(names), null);
  }

  /** One clause with the tests of all the parts; no two parts set the same test. */
  static DownsyncClause all(DownsyncClause... parts) {
    var merged = parts[0];
    for (int i = 1; i < parts.length; i++) {
      var part = parts[i];
      merged =
          new DownsyncClause(
              part.apiGroup() != null ? part.apiGroup() : merged.apiGroup(),
              either(part.resources(), merged.resources()),
              either(part.namespaces(), merged.namespaces()),
              either(part.namespaceSelectors(), merged.namespaceSelectors()),
              either(part.objectSelectors(), merged.objectSelectors()),
              either(part.objectNames(), merged.objectNames()),
              null);
    }
    return merged;
  }

  private static <T> List<T> either(List<T> set, List<T> otherwise) {
    return set.isEmpty() ? otherwise : set;
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // apiGroup: absent = any; exact; "" = core only
        row("no apiGroup admits any group", resources("*"), DEPLOYMENT, true),
        row("apiGroup equal", group("apps"), DEPLOYMENT, true),
        row("apiGroup differs", group("batch"), DEPLOYMENT, false),
        row("apiGroup core admits core", group(""), CONFIGMAP, true),
        row("apiGroup core refuses apps", group(""), DEPLOYMENT, false),
        row("apiGroup is case-sensitive", group("Apps"), DEPLOYMENT, false),
        // resources
        row("resources listed", resources("deployments"), DEPLOYMENT, true),
        row("resources star", resources("*"), CLUSTER_ROLE, true),
        row("resources other", resources("configmaps"), DEPLOYMENT, false),
        row("resources are not kinds", resources("Deployment"), DEPLOYMENT, false),
        row("resources are not qualified", resources("deployments.apps"), DEPLOYMENT, false),
        row("empty resources impose nothing", group("apps"), DEPLOYMENT, true),
        // namespaces
        row("namespace listed", namespaces("ns1"), DEPLOYMENT, true),
        row("namespace among several", namespaces("x", "ns1"), DEPLOYMENT, true),
        row("namespace not listed", namespaces("ns2"), DEPLOYMENT, false),
        row("namespace star", namespaces("*"), DEPLOYMENT, true),
        row("namespaces star admits cluster-scoped", namespaces("*"), CLUSTER_ROLE, true),
        row("named namespaces refuse cluster-scoped", namespaces("ns1"), CLUSTER_ROLE, false),
        row(
            "a Namespace object is cluster-scoped: namespaces does not select it",
            all(resources("namespaces"), namespaces("ns1")),
            NAMESPACE_NS1,
            false),
        row(
            "a Namespace object is selected by objectNames",
            all(resources("namespaces"), names("ns1")),
            NAMESPACE_NS1,
            true),
        row("empty namespaces admit cluster-scoped", resources("clusterroles"), CLUSTER_ROLE, true),
        row(
            "a literal empty namespace admits cluster-scoped (upstream quirk)",
            namespaces(""),
            CLUSTER_ROLE,
            true),
        // objectNames
        row("name listed", names("web"), DEPLOYMENT, true),
        row("name star", names("*"), DEPLOYMENT, true),
        row("name other", names("api"), DEPLOYMENT, false),
        row("name is case-sensitive", names("Web"), DEPLOYMENT, false),
        row("names apply to cluster-scoped", names("reader"), CLUSTER_ROLE, true),
        // objectSelectors
        row("object labels match", objSelectors(labels("app", "web")), DEPLOYMENT, true),
        row("object labels differ", objSelectors(labels("app", "api")), DEPLOYMENT, false),
        row(
            "any of several object selectors",
            objSelectors(labels("app", "api"), labels("tier", "front")),
            DEPLOYMENT,
            true),
        row(
            "all labels of one selector must hold",
            objSelectors(labels("app", "web", "tier", "back")),
            DEPLOYMENT,
            false),
        row("In", objSelectors(expr("app", "In", "web", "x")), DEPLOYMENT, true),
        row("NotIn", objSelectors(expr("app", "NotIn", "web")), DEPLOYMENT, false),
        row(
            "NotIn matches a missing key",
            objSelectors(expr("app", "NotIn", "web")),
            CONFIGMAP,
            true),
        row("Exists", objSelectors(expr("tier", "Exists")), DEPLOYMENT, true),
        row("DoesNotExist", objSelectors(expr("tier", "DoesNotExist")), DEPLOYMENT, false),
        row(
            "an empty object selector matches everything",
            objSelectors(Selector.EVERYTHING),
            CONFIGMAP,
            true),
        row(
            "an invalid object selector matches nothing",
            objSelectors(expr("app", "In")),
            DEPLOYMENT,
            false),
        row(
            "object selectors apply to cluster-scoped",
            objSelectors(labels("app", "web")),
            CLUSTER_ROLE,
            true),
        // namespaceSelectors
        row("namespace labels match", nsSelectors(labels("team", "blue")), DEPLOYMENT, true),
        row("namespace labels differ", nsSelectors(labels("team", "red")), DEPLOYMENT, false),
        row(
            "any of several namespace selectors",
            nsSelectors(labels("team", "red"), labels("env", "prod")),
            DEPLOYMENT,
            true),
        row(
            "namespace selector on a missing namespace",
            nsSelectors(labels("app", "web")),
            IN_MISSING_NS,
            false),
        row(
            "empty namespace selector admits a missing namespace",
            nsSelectors(Selector.EVERYTHING),
            IN_MISSING_NS,
            true),
        row(
            "namespace selectors refuse cluster-scoped",
            nsSelectors(labels("team", "blue")),
            CLUSTER_ROLE,
            false),
        row(
            "an empty namespace selector admits cluster-scoped",
            nsSelectors(labels("team", "blue"), Selector.EVERYTHING),
            CLUSTER_ROLE,
            true),
        row(
            "a Namespace object is not tested against its own labels",
            all(resources("namespaces"), nsSelectors(labels("team", "blue"))),
            NAMESPACE_NS1,
            false),
        row(
            "NotIn on namespace labels admits another value",
            nsSelectors(expr("team", "NotIn", "blue")),
            CONFIGMAP,
            true),
        row(
            "NotIn on namespace labels refuses the listed value",
            nsSelectors(expr("team", "NotIn", "blue")),
            DEPLOYMENT,
            false),
        row(
            "DoesNotExist on unlabelled namespace",
            nsSelectors(expr("team", "DoesNotExist")),
            object("", "secrets", "ns3", "s", Map.of()),
            true),
        // every field together: AND
        row(
            "all fields hold",
            all(
                group("apps"),
                resources("deployments"),
                namespaces("ns1"),
                names("web"),
                objSelectors(labels("app", "web")),
                nsSelectors(labels("team", "blue"))),
            DEPLOYMENT,
            true),
        row(
            "one field fails",
            all(
                group("apps"),
                resources("deployments"),
                namespaces("ns1"),
                names("web"),
                objSelectors(labels("app", "web")),
                nsSelectors(labels("team", "red"))),
            DEPLOYMENT,
            false),
        row(
            "CRDs are ordinary cluster-scoped objects",
            all(group("apiextensions.k8s.io"), resources("customresourcedefinitions")),
            CRD,
            true));
  }

  static Arguments row(
      String name, DownsyncClause clause, WorkloadObject object, boolean expected) {
    return Arguments.of(name, clause, object, expected);
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
