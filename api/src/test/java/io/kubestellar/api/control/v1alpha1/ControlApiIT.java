/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubeapitest.junit.EnableKubeAPIServer;
import io.fabric8.kubeapitest.junit.KubeConfig;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.FieldValidateable.Validation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.testing.RequiresKubeApiServerBinaries;
import io.kubestellar.api.testing.TestApiServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The generated CRDs, installed in a real API server, behave as the API promises. */
@RequiresKubeApiServerBinaries
@EnableKubeAPIServer
class ControlApiIT {

  @KubeConfig static String kubeConfig;

  static KubernetesClient client;

  static final List<String> EXAMPLES = ExampleRoundTripTest.EXAMPLES;

  @BeforeAll
  static void installCrds() {
    client = TestApiServer.client(kubeConfig);
    var crds =
        GeneratedCrds.PLURALS.stream()
            .map(p -> TestApiServer.crdFromFile(client, GeneratedCrds.committed(p)))
            .toList();
    TestApiServer.installCrds(client, crds);
    for (var ns : List.of("demo", "cluster1", "ws-test", WireNames.REPORT_NAMESPACE)) {
      client
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build())
          .serverSideApply();
    }
  }

  @AfterAll
  static void closeClient() {
    client.close();
  }

  // ---- examples ----

  @ParameterizedTest
  @FieldSource("EXAMPLES")
  void exampleAppliesUnchanged(String example) throws IOException {
    var object = readExample(example);
    var created = client.resource(object).fieldValidation(Validation.STRICT).create();
    assertThat(created.getMetadata().getUid()).isNotBlank();
  }

  // ---- create, read, list, watch, update, status per kind ----

  @Test
  void bindingPolicyLifecycle() {
    var spec =
        new BindingPolicySpec(
            List.of(selector(Map.of("environment", "production"))),
            List.of(
                new DownsyncPolicyClause(
                    "apps",
                    List.of("deployments"),
                    null,
                    null,
                    null,
                    null,
                    true,
                    null,
                    null,
                    null)));
    exerciseKind(
        BindingPolicy.class,
        new BindingPolicy("lifecycle-bp", spec),
        bp -> {
          bp.setSpec(new BindingPolicySpec(bp.getSpec().clusterSelectors(), List.of()));
          return bp;
        },
        bp -> {
          bp.setStatus(new BindingPolicyStatus(1L, List.of(condition("Ready", "True")), null));
          return bp;
        },
        bp -> assertThat(bp.getStatus().conditions().get(0).observedGeneration()).isEqualTo(1L));
  }

  @Test
  void bindingLifecycle() {
    var spec =
        new BindingSpec(
            new DownsyncObjectClauses(
                null,
                List.of(
                    new NamespaceScopeDownsyncClause(
                        "apps",
                        "v1",
                        "deployments",
                        "demo",
                        "nginx",
                        "12",
                        null,
                        List.of("replica-summary"),
                        true,
                        null))),
            List.of(new Destination("cluster1")));
    exerciseKind(
        Binding.class,
        new Binding("lifecycle-binding", spec),
        b -> {
          b.setSpec(new BindingSpec(b.getSpec().workload(), List.of(new Destination("c2"))));
          return b;
        },
        b -> {
          b.setStatus(new BindingStatus(2L, List.of(condition("Synced", "True")), List.of("oops")));
          return b;
        },
        b -> assertThat(b.getStatus().errors()).containsExactly("oops"));
  }

  @Test
  void statusCollectorLifecycle() {
    var spec =
        new StatusCollectorSpec(
            null, null, List.of(new NamedAggregator("n", AggregatorType.COUNT, null)), null, 5L);
    exerciseKind(
        StatusCollector.class,
        new StatusCollector("lifecycle-sc", spec),
        sc -> {
          var s = sc.getSpec();
          sc.setSpec(new StatusCollectorSpec("true", null, s.combinedFields(), null, 7L));
          return sc;
        },
        sc -> {
          sc.setStatus(new StatusCollectorStatus(1L, List.of("bad expression")));
          return sc;
        },
        sc -> assertThat(sc.getStatus().errors()).containsExactly("bad expression"));
  }

  @Test
  void customTransformLifecycle() {
    exerciseKind(
        CustomTransform.class,
        new CustomTransform(
            "lifecycle-ct", new CustomTransformSpec("", "services", List.of("$.spec.clusterIP"))),
        ct -> {
          ct.setSpec(new CustomTransformSpec("", "services", List.of("$.spec.clusterIPs")));
          return ct;
        },
        ct -> {
          ct.setStatus(new CustomTransformStatus(1L, null, List.of("two transforms")));
          return ct;
        },
        ct -> assertThat(ct.getStatus().warnings()).containsExactly("two transforms"));
  }

  @Test
  void workStatusLifecycle() {
    var ws = new WorkStatus();
    ws.setMetadata(meta("lifecycle-ws", "ws-test"));
    ws.setSpec(
        new WorkStatusSpec(
            new SourceRef("apps", "v1", "deployments", "Deployment", "demo", "nginx")));
    ws.setStatusDetails(new StatusDetails(0L, false, "1970-01-01T00:00:00Z"));
    exerciseKind(
        WorkStatus.class,
        ws,
        w -> {
          w.setSpec(
              new WorkStatusSpec(
                  new SourceRef("apps", "v1", "deployments", "Deployment", "demo", "nginx-2")));
          return w;
        },
        w -> {
          w.setStatus(new ReportedStatus(Map.of("replicas", 3, "anything", Map.of("goes", true))));
          return w;
        },
        w -> {
          assertThat(w.getStatus().asMap()).containsEntry("replicas", 3);
          assertThat(w.getStatusDetails().lastCurrencyUpdateTime())
              .isEqualTo("1970-01-01T00:00:00Z");
        });
  }

  @Test
  void combinedStatusLifecycle() {
    var cs = new CombinedStatus();
    cs.setMetadata(meta("lifecycle-cs", "demo"));
    cs.setResults(
        List.of(
            new NamedStatusCombination(
                "replica-summary",
                List.of("n"),
                List.of(
                    new StatusCombinationRow(
                        List.of(new Value(ValueType.NUMBER, null, "2", null, null, null)))),
                null,
                null)));
    var resources = client.resources(CombinedStatus.class).inNamespace("demo");
    var events = watch(resources);
    var created = resources.resource(cs).create();
    assertThat(resources.withName("lifecycle-cs").get().getResults()).isEqualTo(cs.getResults());
    assertThat(resources.list().getItems())
        .extracting(r -> r.getMetadata().getName())
        .contains("lifecycle-cs");
    created.setResults(
        List.of(
            new NamedStatusCombination(
                "replica-summary",
                List.of(),
                null,
                null,
                List.of(new AggregationError("n", "no values")))));
    var updated = resources.resource(created).update();
    assertThat(updated.getResults().get(0).aggregationErrors()).hasSize(1);
    assertThat(updated.getResults().get(0).columnNames()).isEmpty();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                events.contains(Watcher.Action.ADDED) && events.contains(Watcher.Action.MODIFIED));
    // No status subresource: the kind keeps its data at the top level.
    var crd =
        client
            .apiextensions()
            .v1()
            .customResourceDefinitions()
            .withName("combinedstatuses.control.kubestellar.io")
            .get();
    assertThat(crd.getSpec().getVersions().get(0).getSubresources()).isNull();
  }

  // ---- D11 ----

  @Test
  void statusCollectorLimitDefaultsToTwenty() {
    var created =
        client
            .resource(
                new StatusCollector(
                    "no-limit",
                    new StatusCollectorSpec(
                        null,
                        null,
                        null,
                        List.of(new NamedExpression("wec", "inventory.name")),
                        null)))
            .create();
    assertThat(created.getSpec().limit()).isEqualTo(StatusCollectorSpec.DEFAULT_LIMIT);
  }

  // ---- rejections ----

  @Test
  void rejectsAClauseThatSelectsNothing() {
    assertRejected(
        "bindingpolicy",
        "spec: {downsync: [{createOnly: true, statusCollectors: [x]}]}",
        "spec.downsync[0]",
        "at least one of apiGroup, resources, namespaces, namespaceSelectors, objectSelectors,"
            + " objectNames");
  }

  @Test
  void acceptsAClauseThatOnlyNamesResources() {
    var created =
        client
            .resource(
                generic(
                    "BindingPolicy", "only-resources", "spec: {downsync: [{resources: ['*']}]}"))
            .fieldValidation(Validation.STRICT)
            .create();
    assertThat(created.getMetadata().getUid()).isNotBlank();
  }

  @Test
  void rejectsAMissingRequiredField() {
    assertRejected("customtransform", "spec: {apiGroup: apps}", "spec.resource", "Required value");
  }

  @Test
  void rejectsAWrongType() {
    assertRejected(
        "statuscollector",
        "spec: {limit: twenty, select: [{name: a, def: b}]}",
        "spec.limit",
        "must be of type integer");
  }

  @Test
  void rejectsAnUnknownAggregatorType() {
    assertRejected(
        "statuscollector",
        "spec: {limit: 3, combinedFields: [{name: n, type: MEDIAN}]}",
        "spec.combinedFields[0].type",
        "Unsupported value: \"MEDIAN\"");
  }

  @Test
  void rejectsAnUnknownFieldUnderStrictValidation() {
    assertRejected(
        "bindingpolicy",
        "spec: {downsync: [{resources: ['*'], colour: blue}]}",
        "spec.downsync[0].colour",
        "unknown field");
  }

  @Test
  void rejectsTheObsoleteStatusCollectionField() {
    assertRejected(
        "bindingpolicy",
        "spec: {downsync: [{resources: ['*'], statusCollection: {statusCollectors: [x]}}]}",
        "spec.downsync[0].statusCollection",
        "unknown field");
  }

  @Test
  void rejectsBadClusterSelectorSyntax() {
    assertRejected(
        "bindingpolicy",
        "spec: {clusterSelectors: [{matchLabels: {env: 'not a label value!'}}]}",
        "spec.clusterSelectors[0].matchLabels.env",
        "should match");
    assertRejected(
        "bindingpolicy",
        "spec: {clusterSelectors: [{matchExpressions: [{key: env, operator: Near}]}]}",
        "spec.clusterSelectors[0].matchExpressions[0].operator",
        "should match");
    assertRejected(
        "bindingpolicy",
        "spec: {clusterSelectors: [{matchExpressions: [{key: '-bad', operator: Exists}]}]}",
        "spec.clusterSelectors[0].matchExpressions[0].key",
        "should match");
  }

  // ---- print columns (D8) ----

  @Test
  void kubectlPrintsBindingPolicyAndBindingColumns(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    var kubeconfig = Files.writeString(dir.resolve("kubeconfig"), kubeConfig);
    var bp =
        client.resource(new BindingPolicy("printed", new BindingPolicySpec(null, null))).create();
    bp.setStatus(
        new BindingPolicyStatus(
            1L, List.of(condition("Synced", "True"), condition("Ready", "False")), null));
    client.resource(bp).updateStatus();
    var binding =
        client
            .resource(
                new Binding(
                    "printed",
                    new BindingSpec(
                        null, List.of(new Destination("cluster1"), new Destination("cluster2")))))
            .create();
    binding.setStatus(
        new BindingStatus(
            1L, List.of(condition("Synced", "True"), condition("Ready", "True")), null));
    client.resource(binding).updateStatus();

    var bpTable = TestApiServer.kubectl(kubeconfig, "get", "bp", "printed");
    assertThat(bpTable.exitCode()).as(bpTable.stderr()).isZero();
    assertThat(columns(bpTable.stdout(), 0)).containsExactly("NAME", "SYNCED", "READY", "AGE");
    var bpRow = columns(bpTable.stdout(), 1);
    assertThat(bpRow.get(0)).isEqualTo("printed");
    assertThat(bpRow.subList(1, 3)).containsExactly("True", "False");

    var bdgTable = TestApiServer.kubectl(kubeconfig, "get", "bdg", "printed");
    assertThat(bdgTable.exitCode()).as(bdgTable.stderr()).isZero();
    assertThat(columns(bdgTable.stdout(), 0)).containsExactly("NAME", "SYNCED", "READY", "AGE");
    assertThat(columns(bdgTable.stdout(), 1).subList(1, 3)).containsExactly("True", "True");

    var wide = TestApiServer.kubectl(kubeconfig, "get", "bp", "printed", "-o", "wide");
    assertThat(wide.exitCode()).as(wide.stderr()).isZero();
    assertThat(columns(wide.stdout(), 0))
        .containsExactly("NAME", "SYNCED", "READY", "REASON", "ERROR", "AGE");
    assertThat(columns(wide.stdout(), 1).subList(1, 4)).containsExactly("True", "False", "Testing");
  }

  @Test
  void kubectlPrintsCombinedStatusSubjectColumns(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    var kubeconfig = Files.writeString(dir.resolve("kubeconfig"), kubeConfig);
    var cs = new CombinedStatus();
    cs.setMetadata(meta("printed-cs", WireNames.REPORT_NAMESPACE));
    cs.getMetadata()
        .setLabels(
            Map.of(
                WireNames.COMBINED_STATUS_API_GROUP_LABEL, "rbac.authorization.k8s.io",
                WireNames.COMBINED_STATUS_RESOURCE_LABEL, "clusterroles",
                WireNames.COMBINED_STATUS_NAMESPACE_LABEL, "",
                WireNames.COMBINED_STATUS_NAME_LABEL, "viewer",
                WireNames.COMBINED_STATUS_BINDING_POLICY_LABEL, "rbac-bp"));
    client.resource(cs).create();

    // A plain "cs" means core ComponentStatus to kubectl (see docs/reference/api.md), so the short
    // name is qualified with the group.
    var table =
        TestApiServer.kubectl(
            kubeconfig,
            "get",
            "cs.control.kubestellar.io",
            "-n",
            WireNames.REPORT_NAMESPACE,
            "printed-cs");
    assertThat(table.exitCode()).as(table.stderr()).isZero();
    assertThat(columns(table.stdout(), 0))
        .containsExactly(
            "NAME", "SUBJECT_GROUP", "SUBJECT_RSC", "SUBJECT_NS", "SUBJECT_NAME", "BINDINGPOLICY");
    // The empty namespace label prints as an empty cell, so split on the fixed-width layout.
    var header = table.stdout().lines().findFirst().orElseThrow();
    var row = table.stdout().lines().skip(1).findFirst().orElseThrow();
    assertThat(cell(header, row, "SUBJECT_GROUP")).isEqualTo("rbac.authorization.k8s.io");
    assertThat(cell(header, row, "BINDINGPOLICY")).isEqualTo("rbac-bp");
    assertThat(cell(header, row, "SUBJECT_NAME")).isEqualTo("viewer");
    assertThat(cell(header, row, "SUBJECT_NS")).isEmpty();
    assertThat(cell(header, row, "SUBJECT_RSC")).isEqualTo("clusterroles");
  }

  // ---- helpers ----

  private <T extends HasMetadata> void exerciseKind(
      Class<T> type,
      T object,
      UnaryOperator<T> changeSpec,
      UnaryOperator<T> setStatus,
      java.util.function.Consumer<T> checkStatus) {
    var namespace = object.getMetadata().getNamespace();
    NonNamespaceOperation<T, KubernetesResourceList<T>, Resource<T>> resources =
        namespace == null ? client.resources(type) : client.resources(type).inNamespace(namespace);
    var events = watch(resources);
    var name = object.getMetadata().getName();

    var created = client.resource(object).fieldValidation(Validation.STRICT).create();
    var read = resources.withName(name).get();
    assertThat(read).usingRecursiveComparison().ignoringFields("metadata").isEqualTo(created);
    assertThat(resources.list().getItems())
        .extracting(o -> o.getMetadata().getName())
        .contains(name);

    var updated = client.resource(changeSpec.apply(read)).update();
    assertThat(updated.getMetadata().getGeneration()).isEqualTo(2L);

    var withStatus = client.resource(setStatus.apply(updated)).updateStatus();
    var reread = resources.withName(name).get();
    checkStatus.accept(reread);
    assertThat(reread.getMetadata().getGeneration())
        .as("status writes keep generation")
        .isEqualTo(2L);
    assertThat(withStatus.getMetadata().getResourceVersion())
        .isEqualTo(reread.getMetadata().getResourceVersion());

    Awaitility.await("watch events for " + name)
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                events.contains(Watcher.Action.ADDED) && events.contains(Watcher.Action.MODIFIED));
  }

  private static <T extends HasMetadata> List<Watcher.Action> watch(
      io.fabric8.kubernetes.client.dsl.Watchable<T> resources) {
    var events = new CopyOnWriteArrayList<Watcher.Action>();
    resources.watch(
        new Watcher<T>() {
          @Override
          public void eventReceived(Action action, T resource) {
            events.add(action);
          }

          @Override
          public void onClose(WatcherException cause) {}
        });
    return events;
  }

  private void assertRejected(String kind, String body, String field, String message) {
    var kindName = Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    var typeName =
        Map.of(
                "bindingpolicy", "BindingPolicy",
                "customtransform", "CustomTransform",
                "statuscollector", "StatusCollector")
            .getOrDefault(kind, kindName);
    var object = generic(typeName, "rejected-" + kind, body);
    assertThatThrownBy(() -> client.resource(object).fieldValidation(Validation.STRICT).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining(field)
        .hasMessageContaining(message);
  }

  private GenericKubernetesResource generic(String kind, String name, String body) {
    var yaml =
        "apiVersion: control.kubestellar.io/v1alpha1\nkind: "
            + kind
            + "\nmetadata: {name: "
            + name
            + "}\n"
            + body
            + "\n";
    return client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
  }

  private GenericKubernetesResource readExample(String example) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/examples/" + example)) {
      return client.getKubernetesSerialization().unmarshal(in, GenericKubernetesResource.class);
    }
  }

  private static LabelSelector selector(Map<String, String> labels) {
    var selector = new LabelSelector();
    selector.setMatchLabels(labels);
    return selector;
  }

  private static Condition condition(String type, String status) {
    return new Condition(type, status, "Testing", "set by a test", "2026-01-01T00:00:00Z", 1L);
  }

  private static ObjectMeta meta(String name, String namespace) {
    var meta = new ObjectMeta();
    meta.setName(name);
    meta.setNamespace(namespace);
    return meta;
  }

  private static List<String> columns(String table, int line) {
    return List.of(table.lines().skip(line).findFirst().orElseThrow().trim().split("\\s+"));
  }

  private static String cell(String header, String row, String column) {
    int start = header.indexOf(column);
    int end = header.indexOf(' ', start + column.length());
    while (end >= 0 && end < header.length() && header.charAt(end) == ' ') {
      end++;
    }
    var raw =
        end < 0 || end >= header.length()
            ? row.substring(Math.min(start, row.length()))
            : row.substring(start, Math.min(end, row.length()));
    return raw.trim();
  }
}
