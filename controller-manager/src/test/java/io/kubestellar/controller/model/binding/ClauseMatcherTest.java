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

  /** A fluent clause builder for the table. */
  static final class C {
    String apiGroup;
    List<String> resources = List.of();
    List<String> namespaces = List.of();
    List<Selector> namespaceSelectors = List.of();
    List<Selector> objectSelectors = List.of();
    List<String> objectNames = List.of();

    static C clause() {
      return new C();
    }

    C group(String g) {
      apiGroup = g;
      return this;
    }

    C resources(String... r) {
      resources = List.of(r);
      return this;
    }

    C namespaces(String... n) {
      namespaces = List.of(n);
      return this;
    }

    C nsSelectors(Selector... s) {
      namespaceSelectors = List.of(s);
      return this;
    }

    C objSelectors(Selector... s) {
      objectSelectors = List.of(s);
      return this;
    }

    C names(String... n) {
      objectNames = List.of(n);
      return this;
    }

    DownsyncClause build() {
      return new DownsyncClause(
          apiGroup, resources, namespaces, namespaceSelectors, objectSelectors, objectNames, null);
    }
  }

  static Stream<Arguments> table() {
    return Stream.of(
        // apiGroup: absent = any; exact; "" = core only
        row("no apiGroup admits any group", C.clause().resources("*"), DEPLOYMENT, true),
        row("apiGroup equal", C.clause().group("apps"), DEPLOYMENT, true),
        row("apiGroup differs", C.clause().group("batch"), DEPLOYMENT, false),
        row("apiGroup core admits core", C.clause().group(""), CONFIGMAP, true),
        row("apiGroup core refuses apps", C.clause().group(""), DEPLOYMENT, false),
        row("apiGroup is case-sensitive", C.clause().group("Apps"), DEPLOYMENT, false),
        // resources
        row("resources listed", C.clause().resources("deployments"), DEPLOYMENT, true),
        row("resources star", C.clause().resources("*"), CLUSTER_ROLE, true),
        row("resources other", C.clause().resources("configmaps"), DEPLOYMENT, false),
        row("resources are not kinds", C.clause().resources("Deployment"), DEPLOYMENT, false),
        row(
            "resources are not qualified",
            C.clause().resources("deployments.apps"),
            DEPLOYMENT,
            false),
        row("empty resources impose nothing", C.clause().group("apps"), DEPLOYMENT, true),
        // namespaces
        row("namespace listed", C.clause().namespaces("ns1"), DEPLOYMENT, true),
        row("namespace among several", C.clause().namespaces("x", "ns1"), DEPLOYMENT, true),
        row("namespace not listed", C.clause().namespaces("ns2"), DEPLOYMENT, false),
        row("namespace star", C.clause().namespaces("*"), DEPLOYMENT, true),
        row(
            "namespaces star admits cluster-scoped",
            C.clause().namespaces("*"),
            CLUSTER_ROLE,
            true),
        row(
            "named namespaces refuse cluster-scoped",
            C.clause().namespaces("ns1"),
            CLUSTER_ROLE,
            false),
        row(
            "a Namespace object is cluster-scoped: namespaces does not select it",
            C.clause().resources("namespaces").namespaces("ns1"),
            NAMESPACE_NS1,
            false),
        row(
            "a Namespace object is selected by objectNames",
            C.clause().resources("namespaces").names("ns1"),
            NAMESPACE_NS1,
            true),
        row(
            "empty namespaces admit cluster-scoped",
            C.clause().resources("clusterroles"),
            CLUSTER_ROLE,
            true),
        row(
            "a literal empty namespace admits cluster-scoped (upstream quirk)",
            C.clause().namespaces(""),
            CLUSTER_ROLE,
            true),
        // objectNames
        row("name listed", C.clause().names("web"), DEPLOYMENT, true),
        row("name star", C.clause().names("*"), DEPLOYMENT, true),
        row("name other", C.clause().names("api"), DEPLOYMENT, false),
        row("name is case-sensitive", C.clause().names("Web"), DEPLOYMENT, false),
        row("names apply to cluster-scoped", C.clause().names("reader"), CLUSTER_ROLE, true),
        // objectSelectors
        row("object labels match", C.clause().objSelectors(labels("app", "web")), DEPLOYMENT, true),
        row(
            "object labels differ",
            C.clause().objSelectors(labels("app", "api")),
            DEPLOYMENT,
            false),
        row(
            "any of several object selectors",
            C.clause().objSelectors(labels("app", "api"), labels("tier", "front")),
            DEPLOYMENT,
            true),
        row(
            "all labels of one selector must hold",
            C.clause().objSelectors(labels("app", "web", "tier", "back")),
            DEPLOYMENT,
            false),
        row("In", C.clause().objSelectors(expr("app", "In", "web", "x")), DEPLOYMENT, true),
        row("NotIn", C.clause().objSelectors(expr("app", "NotIn", "web")), DEPLOYMENT, false),
        row(
            "NotIn matches a missing key",
            C.clause().objSelectors(expr("app", "NotIn", "web")),
            CONFIGMAP,
            true),
        row("Exists", C.clause().objSelectors(expr("tier", "Exists")), DEPLOYMENT, true),
        row(
            "DoesNotExist",
            C.clause().objSelectors(expr("tier", "DoesNotExist")),
            DEPLOYMENT,
            false),
        row(
            "an empty object selector matches everything",
            C.clause().objSelectors(Selector.EVERYTHING),
            CONFIGMAP,
            true),
        row(
            "an invalid object selector matches nothing",
            C.clause().objSelectors(expr("app", "In")),
            DEPLOYMENT,
            false),
        row(
            "object selectors apply to cluster-scoped",
            C.clause().objSelectors(labels("app", "web")),
            CLUSTER_ROLE,
            true),
        // namespaceSelectors
        row(
            "namespace labels match",
            C.clause().nsSelectors(labels("team", "blue")),
            DEPLOYMENT,
            true),
        row(
            "namespace labels differ",
            C.clause().nsSelectors(labels("team", "red")),
            DEPLOYMENT,
            false),
        row(
            "any of several namespace selectors",
            C.clause().nsSelectors(labels("team", "red"), labels("env", "prod")),
            DEPLOYMENT,
            true),
        row(
            "namespace selector on a missing namespace",
            C.clause().nsSelectors(labels("app", "web")),
            IN_MISSING_NS,
            false),
        row(
            "empty namespace selector admits a missing namespace",
            C.clause().nsSelectors(Selector.EVERYTHING),
            IN_MISSING_NS,
            true),
        row(
            "namespace selectors refuse cluster-scoped",
            C.clause().nsSelectors(labels("team", "blue")),
            CLUSTER_ROLE,
            false),
        row(
            "an empty namespace selector admits cluster-scoped",
            C.clause().nsSelectors(labels("team", "blue"), Selector.EVERYTHING),
            CLUSTER_ROLE,
            true),
        row(
            "a Namespace object is not tested against its own labels",
            C.clause().resources("namespaces").nsSelectors(labels("team", "blue")),
            NAMESPACE_NS1,
            false),
        row(
            "NotIn on namespace labels admits another value",
            C.clause().nsSelectors(expr("team", "NotIn", "blue")),
            CONFIGMAP,
            true),
        row(
            "NotIn on namespace labels refuses the listed value",
            C.clause().nsSelectors(expr("team", "NotIn", "blue")),
            DEPLOYMENT,
            false),
        row(
            "DoesNotExist on unlabelled namespace",
            C.clause().nsSelectors(expr("team", "DoesNotExist")),
            object("", "secrets", "ns3", "s", Map.of()),
            true),
        // every field together: AND
        row(
            "all fields hold",
            C.clause()
                .group("apps")
                .resources("deployments")
                .namespaces("ns1")
                .names("web")
                .objSelectors(labels("app", "web"))
                .nsSelectors(labels("team", "blue")),
            DEPLOYMENT,
            true),
        row(
            "one field fails",
            C.clause()
                .group("apps")
                .resources("deployments")
                .namespaces("ns1")
                .names("web")
                .objSelectors(labels("app", "web"))
                .nsSelectors(labels("team", "red")),
            DEPLOYMENT,
            false),
        row(
            "CRDs are ordinary cluster-scoped objects",
            C.clause().group("apiextensions.k8s.io").resources("customresourcedefinitions"),
            CRD,
            true));
  }

  static Arguments row(String name, C clause, WorkloadObject object, boolean expected) {
    return Arguments.of(name, clause.build(), object, expected);
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
