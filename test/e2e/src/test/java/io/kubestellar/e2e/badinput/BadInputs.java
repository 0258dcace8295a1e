/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.badinput;

import static io.kubestellar.e2e.badinput.Bank.OK_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.kubestellar.localenv.SpaceObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The bank's table: each malformed or hostile input, how it is applied, and the message a user must
 * find for it. Grouped as the issue lists them; {@code docs/reference/bad-input.md} lists the same
 * inputs and where each answer appears.
 */
final class BadInputs {

  static final String EDGE = "[{matchLabels: {location-group: edge}}]";
  static final String CEL_NAMESPACE = "bank-cel";

  /** A policy with the given cluster selectors and downsync clauses, in YAML flow style. */
  static String policy(String name, String clusterSelectors, String downsync) {
    return """
        apiVersion: control.kubestellar.io/v1alpha1
        kind: BindingPolicy
        metadata: {name: %s}
        spec:
          clusterSelectors: %s
          downsync: %s
        """
        .formatted(name, clusterSelectors, downsync);
  }

  /** A policy sending the ConfigMaps {@code names} of the valid namespace to every edge WEC. */
  static String configMapPolicy(String name, String clusters, String... names) {
    return policy(
        name,
        clusters,
        "[{apiGroup: '', resources: [configmaps], namespaces: [%s], objectNames: [%s]}]"
            .formatted(OK_NAMESPACE, String.join(", ", names)));
  }

  static String configMap(
      String namespace, String name, Map<String, String> annotations, String dataYaml) {
    var meta = new StringBuilder("{name: " + name + ", namespace: " + namespace);
    if (!annotations.isEmpty()) {
      meta.append(", annotations: {");
      annotations.forEach(
          (k, v) -> meta.append('"').append(k).append("\": \"").append(v).append("\", "));
      meta.setLength(meta.length() - 2);
      meta.append('}');
    }
    meta.append('}');
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata: %s
        data: %s
        """
        .formatted(meta, dataYaml);
  }

  static String doc(String... docs) {
    return String.join("---\n", docs);
  }

  // ---- checks ---------------------------------------------------------------------------------

  /** kubectl printed an API rejection containing every fragment (field path and cause). */
  static BadInput.Check rejected(String... fragments) {
    return (bank, rejection) -> {
      assertThat(rejection).as("kubectl's answer").isNotNull();
      for (var f : fragments) {
        assertThat(rejection).contains(f);
      }
    };
  }

  /** The policy's {@code status.errors} has an entry containing the fragment. */
  static BadInput.Check policyError(String policy, String fragment) {
    return (bank, rejection) -> {
      assertThat(rejection).as("kubectl accepted it").isNull();
      assertThat(bank.policyErrors(policy)).anySatisfy(e -> assertThat(e).contains(fragment));
    };
  }

  /** The policy's condition has the status and reason, its message containing the fragment. */
  static BadInput.Check policyCondition(
      String policy, String type, String status, String reason, String fragment) {
    return (bank, rejection) -> {
      assertThat(rejection).as("kubectl accepted it").isNull();
      var c = bank.policyCondition(policy, type);
      assertThat(c.status()).as("%s status", type).isEqualTo(status);
      assertThat(c.reason()).as("%s reason", type).isEqualTo(reason);
      assertThat(c.message()).contains(fragment);
    };
  }

  /**
   * The Binding's Ready is False with the reason, an error entry of the Binding and of its policy
   * contains the fragment.
   */
  static BadInput.Check notReady(String binding, String reason, String fragment) {
    return (bank, rejection) -> {
      assertThat(rejection).as("kubectl accepted it").isNull();
      var ready = bank.bindingCondition(binding, "Ready");
      assertThat(ready.status()).isEqualTo("False");
      assertThat(ready.reason()).isEqualTo(reason);
      assertThat(bank.bindingErrors(binding)).anySatisfy(e -> assertThat(e).contains(fragment));
      assertThat(bank.policyErrors(binding)).anySatisfy(e -> assertThat(e).contains(fragment));
      assertThat(bank.policyCondition(binding, "Ready").reason()).isEqualTo(reason);
    };
  }

  /** The collector's own {@code status.errors} and the policy's condition name the problem. */
  static BadInput.Check invalidCollector(String policy, String collector, String fragment) {
    return (bank, rejection) -> {
      assertThat(rejection).as("kubectl accepted it").isNull();
      assertThat(bank.collectorErrors(collector)).anySatisfy(e -> assertThat(e).contains(fragment));
      var c = bank.policyCondition(policy, "StatusCollectorsAvailable");
      assertThat(c.status()).isEqualTo("False");
      assertThat(c.message()).contains("Invalid StatusCollector " + collector + ": ");
    };
  }

  /** The CustomTransform's {@code status.<field>} has an entry containing the fragment. */
  static BadInput.Check transformStatus(String name, String field, String fragment) {
    return (bank, rejection) -> {
      assertThat(rejection).as("kubectl accepted it").isNull();
      assertThat(bank.statusList(Bank.CUSTOM_TRANSFORMS, name, field))
          .anySatisfy(e -> assertThat(e).contains(fragment));
    };
  }

  /** Each WEC's row error of the collector in the policy's CombinedStatus names the fragment. */
  static BadInput.Check rowError(String policy, String collector, String fragment) {
    return (bank, rejection) -> {
      assertThat(rejection).as("kubectl accepted it").isNull();
      var result = bank.result(CEL_NAMESPACE, "web", policy, collector);
      assertThat(result.rowErrors()).isNotNull();
      for (var wec : Bank.WECS) {
        assertThat(result.rowErrors())
            .anySatisfy(
                e -> {
                  assertThat(e.wec().clusterId()).isEqualTo(wec);
                  assertThat(e.error()).contains(fragment);
                });
      }
    };
  }

  /** The collector's aggregation errors name each WEC and the fragment. */
  static BadInput.Check aggregationError(String policy, String collector, String fragment) {
    return (bank, rejection) -> {
      assertThat(rejection).as("kubectl accepted it").isNull();
      var result = bank.result(CEL_NAMESPACE, "web", policy, collector);
      assertThat(result.aggregationErrors()).isNotNull();
      for (var wec : Bank.WECS) {
        assertThat(result.aggregationErrors())
            .anySatisfy(e -> assertThat(e.error()).contains("for WEC " + wec).contains(fragment));
      }
    };
  }

  static BadInput.Check all(BadInput.Check... checks) {
    return (bank, rejection) -> {
      for (var c : checks) {
        c.run(bank, rejection);
      }
    };
  }

  /** The ConfigMap of the valid namespace reached every WEC with the WDS's data. */
  static BadInput.Check deliveredAsInWds(String name) {
    return (bank, rejection) -> {
      var want = bank.wdsConfigMap(OK_NAMESPACE, name);
      assertThat(want).as("WDS ConfigMap %s", name).isNotNull();
      for (var wec : Bank.WECS) {
        var got = bank.wecConfigMap(wec, OK_NAMESPACE, name);
        assertThat(got).as("%s has ConfigMap %s/%s", wec, OK_NAMESPACE, name).isNotNull();
        assertThat(got.getData()).as("%s's copy of %s", wec, name).isEqualTo(want.getData());
      }
    };
  }

  // ---- the table ------------------------------------------------------------------------------

  static List<BadInput> all() {
    var cases = new ArrayList<BadInput>();
    admission(cases);
    selectors(cases);
    kinds(cases);
    sizesAndNames(cases);
    transforms(cases);
    templates(cases);
    collectors(cases);
    clusters(cases);
    return cases;
  }

  private static final String API = "API rejection (kubectl apply)";

  /** Inputs the API server refuses, naming the field. */
  private static void admission(List<BadInput> cases) {
    cases.add(
        BadInput.of(
            "cs-bad-operator",
            API,
            policy(
                "cs-bad-operator",
                "[{matchExpressions: [{key: tier, operator: Equals, values: [a]}]}]",
                "[{resources: [configmaps]}]"),
            rejected("spec.clusterSelectors[0].matchExpressions[0].operator", "Equals")));
    cases.add(
        BadInput.of(
            "cs-empty-key",
            API,
            policy(
                "cs-empty-key",
                "[{matchExpressions: [{key: '', operator: Exists}]}]",
                "[{resources: [configmaps]}]"),
            rejected("spec.clusterSelectors[0].matchExpressions[0].key")));
    cases.add(
        BadInput.of(
            "cs-bad-value",
            API,
            policy("cs-bad-value", "[{matchLabels: {tier: 'not valid!'}}]", "[{resources: [x]}]"),
            rejected("spec.clusterSelectors[0].matchLabels.tier", "not valid!")));
    cases.add(
        BadInput.of(
            "cs-bad-in-value",
            API,
            policy(
                "cs-bad-in-value",
                "[{matchExpressions: [{key: tier, operator: In, values: ['-edge-']}]}]",
                "[{resources: [x]}]"),
            rejected("spec.clusterSelectors[0].matchExpressions[0].values[0]", "-edge-")));
    cases.add(
        BadInput.of(
            "cs-no-operator",
            API,
            policy("cs-no-operator", "[{matchExpressions: [{key: tier}]}]", "[{resources: [x]}]"),
            rejected("spec.clusterSelectors[0].matchExpressions[0].operator", "Required value")));
    cases.add(
        BadInput.of(
            "empty-clause",
            API,
            policy("empty-clause", EDGE, "[{createOnly: true}]"),
            rejected("spec.downsync[0]", "a downsync clause must set at least one of")));
    cases.add(
        BadInput.of(
            "unknown-field",
            API,
            policy("unknown-field", EDGE, "[{objectSelector: {matchLabels: {a: b}}}]"),
            rejected("unknown field \"spec.downsync[0].objectSelector\"")));
    cases.add(
        BadInput.of(
            "wrong-type",
            API,
            policy("wrong-type", EDGE, "[{resources: [configmaps], createOnly: 'yes'}]"),
            rejected("spec.downsync[0].createOnly", "boolean")));
    cases.add(
        BadInput.of(
            "downsync-not-list",
            API,
            policy("downsync-not-list", EDGE, "{resources: [configmaps]}"),
            rejected("BindingPolicy", "unknown field \"spec.downsync.resources\"")));
    cases.add(
        BadInput.of(
            "policy-name-uppercase",
            API,
            policy("Bank-Upper", EDGE, "[{resources: [configmaps]}]"),
            rejected("metadata.name", "Bank-Upper")));
    cases.add(
        BadInput.of(
            "policy-name-254",
            API,
            policy("p".repeat(254), EDGE, "[{resources: [configmaps]}]"),
            rejected("metadata.name", "253")));
    cases.add(
        BadInput.of(
            "collector-bad-type",
            API,
            """
            apiVersion: control.kubestellar.io/v1alpha1
            kind: StatusCollector
            metadata: {name: collector-bad-type}
            spec:
              combinedFields: [{name: m, type: MEDIAN, subject: obj.spec.replicas}]
            """,
            rejected("spec.combinedFields[0].type", "MEDIAN")));
    cases.add(
        BadInput.of(
            "transform-no-resource",
            API,
            """
            apiVersion: control.kubestellar.io/v1alpha1
            kind: CustomTransform
            metadata: {name: transform-no-resource}
            spec: {apiGroup: apps, remove: [$.spec.replicas]}
            """,
            rejected("spec.resource", "Required value")));
  }

  private static final String POLICY_ERRORS = "BindingPolicy status.errors";

  /** Selectors the CRD cannot check: the binding controller names them in status.errors. */
  private static void selectors(List<BadInput> cases) {
    var selectorCases =
        List.of(
            List.of(
                "os-unknown-operator",
                "objectSelectors",
                "{matchExpressions: [{key: app, operator: Equals, values: [a]}]}",
                "spec.downsync[0].objectSelectors[0]: unknown operator 'Equals' on key app"),
            List.of(
                "os-in-without-values",
                "objectSelectors",
                "{matchExpressions: [{key: app, operator: In}]}",
                "spec.downsync[0].objectSelectors[0]: operator In on key app needs at least one"
                    + " value"),
            List.of(
                "os-exists-with-values",
                "objectSelectors",
                "{matchExpressions: [{key: app, operator: Exists, values: [a]}]}",
                "spec.downsync[0].objectSelectors[0]: operator Exists on key app takes no values"),
            List.of(
                "os-bad-label-value",
                "objectSelectors",
                "{matchLabels: {app: 'no way!'}}",
                "spec.downsync[0].objectSelectors[0]: invalid label value 'no way!' for key app"),
            List.of(
                "ns-empty-key",
                "namespaceSelectors",
                "{matchExpressions: [{key: '', operator: Exists}]}",
                "spec.downsync[0].namespaceSelectors[0]: empty label key"),
            List.of(
                "ns-bad-key",
                "namespaceSelectors",
                "{matchLabels: {'bad key': x}}",
                "spec.downsync[0].namespaceSelectors[0]: invalid label key 'bad key'"));
    for (var c : selectorCases) {
      cases.add(
          BadInput.of(
              c.get(0),
              POLICY_ERRORS,
              policy(
                  c.get(0),
                  EDGE,
                  "[{resources: [configmaps], %s: [%s]}]".formatted(c.get(1), c.get(2))),
              policyError(c.get(0), c.get(3))));
    }
    cases.add(
        BadInput.of(
            "cs-bad-label-key",
            "BindingPolicy Synced=False InvalidClusterSelector, status.errors",
            policy("cs-bad-label-key", "[{matchLabels: {'-tier-': edge}}]", "[{resources: [x]}]"),
            all(
                policyCondition(
                    "cs-bad-label-key",
                    "Synced",
                    "False",
                    "InvalidClusterSelector",
                    "spec.clusterSelectors[0]: invalid label key '-tier-'"),
                policyError("cs-bad-label-key", "invalid label key '-tier-'"))));
    cases.add(
        BadInput.of(
            "selects-nothing",
            "BindingPolicy Ready=True NothingToDeliver",
            policy(
                "selects-nothing",
                "[{matchLabels: {bank-odd: nowhere}}]",
                "[{resources: [configmaps], objectNames: [no-such-object]}]"),
            policyCondition(
                "selects-nothing",
                "Ready",
                "True",
                "NothingToDeliver",
                "The policy selects no objects and no clusters")));
    // createOnly in one policy, not in another, for the same object and clusters.
    cases.add(
        BadInput.of(
            "createonly-conflict",
            POLICY_ERRORS + " (both policies)",
            doc(
                configMap(OK_NAMESPACE, "shared", Map.of(), "{owner: wds}"),
                policy(
                    "co-seed",
                    EDGE,
                    "[{resources: [configmaps], namespaces: [bank-ok], objectNames: [shared],"
                        + " createOnly: true}]"),
                configMapPolicy("co-sync", EDGE, "shared")),
            all(
                policyError("co-seed", "createOnly conflict"),
                policyError(
                    "co-seed",
                    "configmaps/bank-ok/shared (createOnly here, not in"
                        + " co-sync; clusters cluster1, cluster2)"),
                policyError("co-sync", "configmaps/bank-ok/shared (createOnly in co-seed;"))));
  }

  /** Kinds the binding controller never binds: status.errors says the clause selects nothing. */
  private static void kinds(List<BadInput> cases) {
    var kindCases =
        List.of(
            List.of(
                "kind-events",
                "{apiGroup: '', resources: [events]}",
                "spec.downsync[0].resources[0]: events are never bound (KubeStellar never"
                    + " downsyncs them)"),
            List.of(
                "kind-nodes",
                "{apiGroup: '', resources: [secrets, nodes], namespaces: [bank-ok]}",
                "spec.downsync[0].resources[1]: nodes are never bound"),
            List.of(
                "kind-endpoints",
                "{apiGroup: '', resources: [endpoints]}",
                "spec.downsync[0].resources[0]: endpoints are never bound"),
            List.of(
                "kind-leases",
                "{apiGroup: coordination.k8s.io, resources: [leases]}",
                "spec.downsync[0].apiGroup: objects of group coordination.k8s.io are never"
                    + " bound"),
            List.of(
                "kind-own-api",
                "{apiGroup: control.kubestellar.io, resources: [bindingpolicies]}",
                "spec.downsync[0].apiGroup: objects of group control.kubestellar.io are never"
                    + " bound"),
            List.of(
                "kind-subresource",
                "{apiGroup: apps, resources: [deployments/status]}",
                "spec.downsync[0].resources[0]: deployments/status.apps are never bound (a"
                    + " subresource is not an object)"));
    for (var c : kindCases) {
      cases.add(
          BadInput.of(
              c.get(0),
              POLICY_ERRORS,
              policy(c.get(0), EDGE, "[" + c.get(1) + "]"),
              policyError(c.get(0), c.get(2))));
    }
  }

  private static final String BINDING_ERRORS =
      "Binding and BindingPolicy Ready=False, status.errors";

  /** Objects over the ManifestWork limit, names at the length limits, terminating namespaces. */
  private static void sizesAndNames(List<BadInput> cases) {
    cases.add(
        new BadInput(
            "too-large",
            BINDING_ERRORS + " (ObjectTooLarge); the other objects are delivered",
            doc(
                configMap(OK_NAMESPACE, "beside-huge", Map.of(), "{small: 'yes'}"),
                configMapPolicy("too-large", EDGE, "huge", "beside-huge")),
            bank ->
                bank.wds
                    .configMaps()
                    .resource(
                        new ConfigMapBuilder()
                            .withNewMetadata()
                            .withName("huge")
                            .withNamespace(OK_NAMESPACE)
                            .endMetadata()
                            .addToData("blob", "x".repeat(600_000))
                            .build())
                    .forceConflicts()
                    .serverSideApply(),
            all(
                notReady(
                    "too-large",
                    "ObjectTooLarge",
                    "object too large: object ConfigMap(bank-ok/huge) is 600"),
                notReady("too-large", "ObjectTooLarge", "larger than the 512000-byte limit"),
                deliveredAsInWds("beside-huge"))));
    cases.add(
        new BadInput(
            "binding-over-etcd-limit",
            "BindingPolicy Synced=False BindingTooLarge, status.errors (with the size and what to"
                + " do)",
            policy(
                "binding-over-etcd-limit",
                "[{matchLabels: {bank-odd: nowhere}}]",
                "[{apiGroup: '', resources: [configmaps], namespaces: [%s]}]"
                    .formatted(BIG_NAMESPACE)),
            BadInputs::manyLongNamedConfigMaps,
            all(
                policyCondition(
                    "binding-over-etcd-limit",
                    "Synced",
                    "False",
                    "BindingTooLarge",
                    "bytes, over the 1572864-byte limit etcd puts on one object: it lists "
                        + (BIG_COUNT + 1) // and the namespace's kube-root-ca.crt
                        + " objects for 0 clusters"),
                policyError("binding-over-etcd-limit", "Split the policy into several policies"))));
    var longNamespace = "bank-" + "n".repeat(58);
    var longName = "c".repeat(253);
    var longPolicy = "long-" + "p".repeat(58);
    cases.add(
        BadInput.of(
            "names-at-limits",
            "delivered: a 253-character ConfigMap in a 63-character namespace, by a 63-character"
                + " policy",
            doc(
                """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %s}
                """
                    .formatted(longNamespace),
                configMap(longNamespace, longName, Map.of(), "{at: limit}"),
                policy(
                    longPolicy,
                    EDGE,
                    "[{apiGroup: '', resources: [namespaces], objectNames: [%s]},"
                            .formatted(longNamespace)
                        + " {apiGroup: '', resources: [configmaps], namespaces: [%s]}]"
                            .formatted(longNamespace))),
            (bank, rejection) -> {
              assertThat(rejection).isNull();
              for (var wec : Bank.WECS) {
                var got = bank.wecConfigMap(wec, longNamespace, longName);
                assertThat(got).as("%s has the 253-character ConfigMap", wec).isNotNull();
                assertThat(got.getData()).containsEntry("at", "limit");
              }
              assertThat(bank.policyCondition(longPolicy, "Ready").status()).isEqualTo("True");
            }));
    var tooLongPolicy = "long-" + "p".repeat(95);
    cases.add(
        BadInput.of(
            "policy-name-100",
            BINDING_ERRORS + " (WriteFailed: the name does not fit a ManifestWork label)",
            doc(
                configMap(OK_NAMESPACE, "for-long-policy", Map.of(), "{a: b}"),
                configMapPolicy(tooLongPolicy, EDGE, "for-long-policy")),
            notReady(tooLongPolicy, "WriteFailed", "must be no more than 63 characters")));
    cases.add(
        new BadInput(
            "wec-namespace-terminating",
            BINDING_ERRORS + " (NotApplied, with the work agent's message)",
            doc(
                """
                apiVersion: v1
                kind: Namespace
                metadata: {name: bank-term}
                """,
                configMap("bank-term", "app", Map.of(), "{a: b}"),
                policy(
                    "wec-namespace-terminating",
                    "[{matchLabels: {name: cluster1}}]",
                    "[{apiGroup: '', resources: [configmaps], namespaces: [bank-term]}]")),
            bank -> {
              // cluster1's bank-term is being deleted, held by a finalizer on a ConfigMap in it.
              var wec = bank.wec("cluster1");
              wec.namespaces()
                  .resource(
                      new NamespaceBuilder()
                          .withNewMetadata()
                          .withName("bank-term")
                          .endMetadata()
                          .build())
                  .serverSideApply();
              wec.configMaps()
                  .resource(
                      new ConfigMapBuilder()
                          .withNewMetadata()
                          .withName("hold")
                          .withNamespace("bank-term")
                          .addToFinalizers("bank.example.com/hold")
                          .endMetadata()
                          .build())
                  .serverSideApply();
              wec.namespaces().withName("bank-term").delete();
            },
            (bank, rejection) -> {
              assertThat(rejection).isNull();
              var ready = bank.bindingCondition("wec-namespace-terminating", "Ready");
              assertThat(ready.status()).isEqualTo("False");
              assertThat(ready.reason()).isEqualTo("NotApplied");
              assertThat(ready.message()).contains("bank-term").contains("being terminated");
            }));
  }

  /** How many ConfigMaps with 253-character names make a Binding over etcd's 1.5 MiB. */
  static final int BIG_COUNT = 3800;

  /** A 63-character namespace: the longer each Binding entry, the fewer objects are needed. */
  static final String BIG_NAMESPACE = "bank-big-" + "g".repeat(54);

  /**
   * Creates namespace {@link #BIG_NAMESPACE} and {@link #BIG_COUNT} ConfigMaps in it, 8 writes at a
   * time.
   */
  private static void manyLongNamedConfigMaps(Bank bank) throws Exception {
    SpaceObjects.namespace(bank.wds, BIG_NAMESPACE);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var writes = new ArrayList<java.util.concurrent.Future<?>>();
      for (int i = 0; i < BIG_COUNT; i++) {
        var name = String.format("%04d-", i) + "b".repeat(248);
        writes.add(
            pool.submit(
                () ->
                    bank.wds
                        .configMaps()
                        .resource(
                            new ConfigMapBuilder()
                                .withNewMetadata()
                                .withName(name)
                                .withNamespace(BIG_NAMESPACE)
                                .endMetadata()
                                .build())
                        .serverSideApply()));
      }
      for (var w : writes) {
        w.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static final String TRANSFORM_ERRORS = "CustomTransform status.errors";

  /** Every kind of invalid remove path, and two transforms for one resource. */
  private static void transforms(List<BadInput> cases) {
    var paths =
        List.of(
            List.of("ct-no-root", "spec.replicas", "syntax error at 0: missing root identifier"),
            List.of("ct-empty", "", "Error in spec.remove[0]: EOF"),
            List.of("ct-dot-nothing", "$.", "expected member-name-shorthand"),
            List.of("ct-recursive", "$..spec", "expected member-name-shorthand, got '.'"),
            List.of("ct-index", "$.spec[0]", "expected open quote"),
            List.of("ct-no-close-bracket", "$[\"spec\"", "missing close bracket"),
            List.of("ct-no-close-quote", "$[\"spec", "missing close quote"),
            List.of("ct-bad-escape", "$[\"\\u00zz\"]", "lexical error"),
            List.of("ct-junk", "$.spec junk", "extra junk ' ' after last segment"),
            List.of(
                "ct-whole-object",
                "$",
                "Invalid spec.remove[0]: it identifies the whole" + " object"));
    for (var p : paths) {
      var json = p.get(1).replace("\\", "\\\\").replace("\"", "\\\"");
      cases.add(
          BadInput.of(
              p.get(0),
              TRANSFORM_ERRORS,
              """
              apiVersion: control.kubestellar.io/v1alpha1
              kind: CustomTransform
              metadata: {name: %s}
              spec: {apiGroup: bank.example.com, resource: %s, remove: ["%s"]}
              """
                  .formatted(p.get(0), p.get(0) + "s", json),
              transformStatus(p.get(0), "errors", p.get(2))));
    }
    var twin =
        """
        apiVersion: control.kubestellar.io/v1alpha1
        kind: CustomTransform
        metadata: {name: %s}
        spec: {apiGroup: bank.example.com, resource: twins, remove: [$.spec.x]}
        """;
    cases.add(
        BadInput.of(
            "ct-duplicate",
            "CustomTransform status.warnings (on both)",
            doc(twin.formatted("ct-twin-a"), twin.formatted("ct-twin-b")),
            all(
                transformStatus(
                    "ct-twin-a",
                    "warnings",
                    "multiple CustomTransform objects specify the same GroupResource; their names"
                        + " are map[ct-twin-a:{} ct-twin-b:{}]"),
                transformStatus("ct-twin-b", "warnings", "map[ct-twin-a:{} ct-twin-b:{}]"))));
  }

  /** Templates with unknown keys and unsupported constructs. */
  private static void templates(List<BadInput> cases) {
    var templates =
        List.of(
            List.of("tpl-unknown-key", "{{.noSuchKey}}", "map has no entry for key \"noSuchKey\""),
            List.of("tpl-range", "{{range .clusterName}}x{{end}}", "unsupported construct"),
            List.of("tpl-pipeline", "{{.clusterName | printf}}", "unsupported construct"),
            List.of("tpl-function", "{{upper .clusterName}}", "function \"upper\" not defined"),
            List.of("tpl-unclosed", "{{.clusterName", "unclosed action"),
            List.of("tpl-dot", "{{.}}", "unsupported construct"),
            List.of("tpl-chain", "{{.clusterName.zone}}", "tpl-chain"));
    for (var t : templates) {
      var name = t.get(0);
      cases.add(
          BadInput.of(
              name,
              BINDING_ERRORS + " (TemplateExpansionFailed)",
              doc(
                  configMap(
                      OK_NAMESPACE,
                      name,
                      Map.of("control.kubestellar.io/expand-templates", "true"),
                      "{value: '%s'}".formatted(t.get(1))),
                  configMapPolicy(name, EDGE, name)),
              all(
                  notReady(name, "TemplateExpansionFailed", "template expansion: template: "),
                  notReady(name, "TemplateExpansionFailed", t.get(2)))));
    }
  }

  private static final String COLLECTOR_ERRORS =
      "StatusCollector status.errors; BindingPolicy StatusCollectorsAvailable=False";

  /** Collectors that cannot be used, and ones that fail while evaluating. */
  private static void collectors(List<BadInput> cases) {
    var invalid =
        List.of(
            List.of(
                "cel-unparsable",
                "filter: 'obj.spec.replicas =='\nselect: [{name: a, def: inventory.name}]",
                "filter expression invalid: failed to parse expression"),
            List.of(
                "cel-undeclared",
                "select: [{name: a, def: foo.bar}]",
                "undeclared reference to 'foo'"),
            List.of(
                "cel-empty",
                "select: [{name: a, def: ''}]",
                "select expression (a) invalid: failed to parse expression: expression is empty"),
            List.of(
                "cel-select-and-combine",
                "select: [{name: a, def: inventory.name}]\ncombinedFields: [{name: cnt, type:"
                    + " COUNT}]",
                "select must be empty when groupBy or combinedFields is set"),
            List.of(
                "cel-groupby-alone",
                "groupBy: [{name: a, def: inventory.name}]",
                "groupBy requires at least one combinedField"),
            List.of(
                "cel-count-subject",
                "combinedFields: [{name: cnt, type: COUNT, subject: obj.spec.replicas}]",
                "subject must be nil for COUNT type"),
            List.of(
                "cel-sum-no-subject",
                "combinedFields: [{name: cnt, type: SUM}]",
                "subject must be set"),
            List.of(
                "cel-duplicate-column",
                "select: [{name: a, def: inventory.name}, {name: a, def: obj.spec.replicas}]",
                "duplicate column name \"a\""));
    for (var c : invalid) {
      cases.add(
          collectorCase(
              c.get(0),
              COLLECTOR_ERRORS,
              c.get(1),
              invalidCollector(c.get(0), c.get(0), c.get(2))));
    }
    cases.add(
        BadInput.of(
            "cel-missing",
            "BindingPolicy StatusCollectorsAvailable=False",
            celPolicy("cel-missing", "no-such-collector"),
            policyCondition(
                "cel-missing",
                "StatusCollectorsAvailable",
                "False",
                "ReconcileError",
                "Missing StatusCollector(s) [no-such-collector]")));
    cases.add(
        collectorCase(
            "cel-no-such-key",
            "CombinedStatus rowErrors (per WEC)",
            "select: [{name: wec, def: inventory.name}, {name: gone, def:"
                + " returned.status.noSuchField}]",
            rowError("cel-no-such-key", "cel-no-such-key", "no such key: noSuchField")));
    cases.add(
        collectorCase(
            "cel-division",
            "CombinedStatus rowErrors (per WEC)",
            "select: [{name: q, def: 'obj.spec.replicas / 0'}]",
            rowError(
                "cel-division",
                "cel-division",
                "failed to evaluate expression: division by zero")));
    cases.add(
        collectorCase(
            "cel-sum-of-strings",
            "CombinedStatus aggregationErrors (per WEC)",
            "combinedFields: [{name: total, type: SUM, subject: inventory.name}]",
            aggregationError("cel-sum-of-strings", "cel-sum-of-strings", "")));
    cases.add(
        collectorCase(
            "cel-max-of-map",
            "CombinedStatus aggregationErrors (per WEC)",
            "combinedFields: [{name: top, type: MAX, subject: obj.spec.selector.matchLabels}]",
            aggregationError("cel-max-of-map", "cel-max-of-map", "")));
  }

  /** A collector with the given spec lines and a policy binding bank-cel/web with it. */
  private static BadInput collectorCase(
      String name, String where, String specLines, BadInput.Check check) {
    var spec = specLines.indent(2);
    return BadInput.of(
        name,
        where,
        doc(
            """
            apiVersion: control.kubestellar.io/v1alpha1
            kind: StatusCollector
            metadata: {name: %s}
            spec:
            %s"""
                .formatted(name, spec),
            celPolicy(name, name)),
        check);
  }

  private static String celPolicy(String name, String collector) {
    return policy(
        name,
        EDGE,
        "[{apiGroup: apps, resources: [deployments], namespaces: [%s], objectNames: [web],"
                .formatted(CEL_NAMESPACE)
            + " statusCollectors: [%s]}]".formatted(collector));
  }

  /** ManagedClusters whose mailbox namespace does not or cannot exist. */
  private static void clusters(List<BadInput> cases) {
    var odd =
        List.of(
            List.of("wec-no-mailbox", "bank-no-mailbox"),
            List.of("wec-dotted-name", "bank.dotted.wec"),
            List.of("wec-name-64", "w".repeat(64)));
    for (var c : odd) {
      var name = c.get(0);
      var cluster = c.get(1);
      cases.add(
          new BadInput(
              name,
              BINDING_ERRORS + " (WriteFailed, naming the cluster)",
              doc(
                  configMap(OK_NAMESPACE, "for-" + name, Map.of(), "{a: b}"),
                  configMapPolicy(
                      name, "[{matchLabels: {bank-odd: %s}}]".formatted(name), "for-" + name)),
              bank -> SpaceObjects.managedCluster(bank.its, cluster, Map.of("bank-odd", name)),
              notReady(name, "WriteFailed", "for cluster " + cluster + ": ")));
    }
  }

  private BadInputs() {}
}
