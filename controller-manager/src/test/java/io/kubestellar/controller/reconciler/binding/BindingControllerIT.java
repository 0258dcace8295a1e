/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import io.kubestellar.api.control.v1alpha1.BindingPolicySpec;
import io.kubestellar.api.control.v1alpha1.Condition;
import io.kubestellar.api.control.v1alpha1.DownsyncPolicyClause;
import io.kubestellar.api.control.v1alpha1.NamedExpression;
import io.kubestellar.api.control.v1alpha1.NamespaceScopeDownsyncClause;
import io.kubestellar.api.control.v1alpha1.StatusCollector;
import io.kubestellar.api.control.v1alpha1.StatusCollectorSpec;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.SpaceObjects;
import io.kubestellar.runtime.controller.ControllerHost;
import io.kubestellar.runtime.controller.LeaderElection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The binding controller, in-process, against a real WDS and ITS: stories of a user binding
 * objects, adding a CRD, relabelling clusters and deleting policies.
 */
class BindingControllerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  @AutoClose private static LocalEnvironment env;
  private static KubernetesClient wds;
  private static KubernetesClient its;
  private static ControllerHost host;
  private static BindingController controller;

  @BeforeAll
  static void start() {
    env =
        LocalEnvironment.start(EnvironmentSpec.underTarget("binding-controller-it").withoutWecs());
    wds = env.client("wds1");
    its = env.client("its1");
    SpaceObjects.inventoryCluster(its, "cluster1", "edge");
    SpaceObjects.inventoryCluster(its, "cluster2", "edge");
    SpaceObjects.inventoryCluster(its, "cluster3", "core");
    CrdInstaller.ensure(wds);
    controller =
        new BindingController(
            env.newClient("wds1"),
            env.newClient("its1"),
            new BindingController.Settings("wds1", Duration.ofMillis(20), 4, Set.of()),
            Clock.systemUTC(),
            new SimpleMeterRegistry());
    host =
        new ControllerHost(
            env.newClient("wds1"),
            new SimpleMeterRegistry(),
            new LeaderElection(true, "kube-system", "cm-it", "it"),
            4,
            controller::deleteOrphanBindings,
            () -> {});
    controller.register(host);
    host.start();
    env.attach(controller::close);
    env.attach(host::stop);
  }

  @Test
  void bindsSelectedObjectsToSelectedClustersAndFollowsClusterRelabels() {
    namespace("story1", Map.of());
    configMap("story1", "picked", Map.of("app", "demo"));
    configMap("story1", "ignored", Map.of("app", "other"));
    policy(
        "story1",
        List.of(selector("location-group", "edge")),
        List.of(
            new DownsyncPolicyClause(
                "",
                List.of("configmaps"),
                List.of("story1"),
                null,
                List.of(selector("app", "demo")),
                null,
                true,
                null,
                null,
                null)));

    eventually(
        "the Binding lists the selected ConfigMap and the edge clusters",
        () -> {
          var binding = binding("story1");
          assertThat(binding).isNotNull();
          assertThat(destinations(binding)).containsExactly("cluster1", "cluster2");
          assertThat(binding.getSpec().workload().namespaceScope())
              .extracting(
                  NamespaceScopeDownsyncClause::name, NamespaceScopeDownsyncClause::createOnly)
              .containsExactly(org.assertj.core.groups.Tuple.tuple("picked", true));
          var entry = binding.getSpec().workload().namespaceScope().get(0);
          assertThat(entry.version()).isEqualTo("v1");
          assertThat(entry.resourceVersion())
              .isEqualTo(
                  wds.configMaps()
                      .inNamespace("story1")
                      .withName("picked")
                      .get()
                      .getMetadata()
                      .getResourceVersion());
          assertThat(binding.getMetadata().getOwnerReferences())
              .singleElement()
              .satisfies(
                  ref -> {
                    assertThat(ref.getKind()).isEqualTo("BindingPolicy");
                    assertThat(ref.getController()).isTrue();
                  });
          var policy = wds.resources(BindingPolicy.class).withName("story1").get();
          assertThat(policy.getStatus().observedGeneration()).isEqualTo(1L);
          assertThat(condition(policy.getStatus().conditions(), "Synced").status())
              .isEqualTo("True");
          assertThat(condition(policy.getStatus().conditions(), "Ready").reason())
              .isEqualTo("WaitingForTransport");
        });

    SpaceObjects.inventoryCluster(its, "cluster3", "edge");
    awaitDestinations(
        "relabelled cluster3 becomes a destination", "story1", "cluster1", "cluster2", "cluster3");
    SpaceObjects.inventoryCluster(its, "cluster3", "core");
    awaitDestinations("and leaves again", "story1", "cluster1", "cluster2");

    configMap("story1", "ignored", Map.of("app", "demo"));
    eventually(
        "a relabelled object joins",
        () ->
            assertThat(binding("story1").getSpec().workload().namespaceScope())
                .extracting(NamespaceScopeDownsyncClause::name)
                .containsExactly("ignored", "picked"));

    wds.resources(BindingPolicy.class).withName("story1").delete();
    eventually(
        "deleting the policy removes its Binding", () -> assertThat(binding("story1")).isNull());
  }

  @Test
  void bindsCustomObjectsOfACrdCreatedAtRunTimeAndFollowsItsVersions() {
    namespace("story2", Map.of());
    var widgets =
        new ResourceDefinitionContext.Builder()
            .withGroup("example.com")
            .withKind("Widget")
            .withPlural("widgets")
            .withNamespaced(true);
    policy(
        "story2",
        List.of(selector("name", "cluster1")),
        List.of(
            new DownsyncPolicyClause(
                "example.com",
                List.of("widgets"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null)));
    crd(List.of(version("v1alpha1", true, true)));
    await("the CRD is established").atMost(TIMEOUT).until(() -> established("widgets.example.com"));
    wds.genericKubernetesResources(widgets.withVersion("v1alpha1").build())
        .inNamespace("story2")
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("example.com/v1alpha1")
                .withKind("Widget")
                .withNewMetadata()
                .withName("w1")
                .withNamespace("story2")
                .endMetadata()
                .withAdditionalProperties(Map.of("spec", Map.of("size", 1)))
                .build())
        .create();

    awaitStory2Binds("the custom object is bound at its only version", "w1", "v1alpha1");

    crd(List.of(version("v1alpha1", true, false), version("v1", true, true)));
    awaitStory2Binds("a second, preferred version replaces the first, listed once", "w1", "v1");

    wds.apiextensions().v1().customResourceDefinitions().withName("widgets.example.com").delete();
    eventually(
        "removing the CRD removes its objects from the Binding",
        () -> assertThat(namespaced(binding("story2"))).isEmpty());
  }

  @Test
  void explainsWhyAnObjectIsOrIsNotBoundAndReportsMissingCollectors() {
    namespace("story3", Map.of("team", "blue"));
    configMap("story3", "explained", Map.of());
    policy(
        "story3-yes",
        List.of(selector("name", "cluster2")),
        List.of(
            new DownsyncPolicyClause(
                null,
                List.of("configmaps"),
                null,
                List.of(selector("team", "blue")),
                null,
                List.of("explained"),
                null,
                List.of("no-such-collector"),
                null,
                null)));
    policy(
        "story3-no",
        List.of(selector("name", "cluster2")),
        List.of(
            new DownsyncPolicyClause(
                null, List.of("secrets"), null, null, null, null, null, null, null, null)));
    eventually(
        "the Binding lists the object and the missing collector is reported",
        () -> {
          assertThat(namespaced(binding("story3-yes"))).hasSize(1);
          var policy = wds.resources(BindingPolicy.class).withName("story3-yes").get();
          var collectors = condition(policy.getStatus().conditions(), "StatusCollectorsAvailable");
          assertThat(collectors.status()).isEqualTo("False");
          assertThat(collectors.message())
              .isEqualTo("Missing StatusCollector(s) [no-such-collector]");
        });

    wds.configMaps()
        .inNamespace("story3")
        .withName("explained")
        .edit(
            cm -> {
              cm.getMetadata().setAnnotations(Map.of(BindingController.EXPLAIN_ANNOTATION, "1"));
              return cm;
            });
    eventually(
        "an Event on the object explains each policy's decision",
        () -> {
          var events =
              wds.v1().events().inNamespace("story3").list().getItems().stream()
                  .filter(e -> "BindingExplained".equals(e.getReason()))
                  .filter(e -> "explained".equals(e.getInvolvedObject().getName()))
                  .toList();
          assertThat(events).isNotEmpty();
          assertThat(events.get(0).getMessage())
              .contains("BindingPolicy story3-yes: selected by downsync[0]")
              .contains("clusters [cluster2]")
              .contains(
                  "BindingPolicy story3-no: not selected; downsync[0]: resource 'configmaps' is not in resources [secrets]");
        });

    wds.resources(BindingPolicy.class).withName("story3-no").delete();
    wds.resources(BindingPolicy.class).withName("story3-yes").delete();
  }

  @Test
  void reportsAnInvalidCollectorOnThePolicyUntilItIsFixed() {
    namespace("story4", Map.of());
    configMap("story4", "watched", Map.of());
    collector("story4-ok", "true", "inventory.name");
    collector("story4-broken", "obj.spec.replicas ==", "inventory.name");
    policy(
        "story4",
        List.of(selector("location-group", "edge")),
        List.of(
            new DownsyncPolicyClause(
                null,
                List.of("configmaps"),
                List.of("story4"),
                null,
                null,
                List.of("watched"),
                null,
                List.of("story4-ok", "story4-broken"),
                null,
                null)));
    eventually(
        "the policy and its Binding name the unparsable collector",
        () -> {
          for (var conditions : collectorConditions("story4")) {
            assertThat(conditions.status()).isEqualTo("False");
            assertThat(conditions.reason()).isEqualTo("ReconcileError");
            assertThat(conditions.message())
                .startsWith(
                    "Invalid StatusCollector story4-broken: filter expression invalid:"
                        + " failed to parse expression:");
          }
        });

    collector("story4-broken", "true", "foo.bar");
    eventually(
        "an undeclared variable is reported too",
        () ->
            assertThat(collectorConditions("story4"))
                .allSatisfy(
                    c ->
                        assertThat(c.message())
                            .startsWith(
                                "Invalid StatusCollector story4-broken: select expression (v)"
                                    + " invalid: failed to check expression:")
                            .contains("undeclared reference to 'foo'")));

    collector("story4-broken", "true", "returned.status.readyReplicas");
    eventually(
        "fixing the collector makes the condition True again",
        () ->
            assertThat(collectorConditions("story4"))
                .allSatisfy(
                    c -> {
                      assertThat(c.status()).isEqualTo("True");
                      assertThat(c.message()).isEqualTo("All StatusCollector(s) are available");
                    }));

    wds.resources(BindingPolicy.class).withName("story4").delete();
  }

  // ---- helpers --------------------------------------------------------------------------------

  static io.fabric8.kubernetes.api.model.LabelSelector selector(String key, String value) {
    return new LabelSelectorBuilder().withMatchLabels(Map.of(key, value)).build();
  }

  /** Waits until the Binding of story2 lists exactly object {@code name} at {@code version}. */
  private static void awaitStory2Binds(String what, String name, String version) {
    eventually(
        what,
        () ->
            assertThat(namespaced(binding("story2")))
                .extracting(
                    NamespaceScopeDownsyncClause::name, NamespaceScopeDownsyncClause::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(name, version)));
  }

  static void namespace(String name, Map<String, String> labels) {
    wds.namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withLabels(labels)
                .endMetadata()
                .build())
        .serverSideApply();
  }

  static void configMap(String namespace, String name, Map<String, String> labels) {
    wds.configMaps()
        .inNamespace(namespace)
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withLabels(labels)
                .endMetadata()
                .withData(Map.of("k", "v"))
                .build())
        .forceConflicts()
        .serverSideApply();
  }

  static void policy(
      String name,
      List<io.fabric8.kubernetes.api.model.LabelSelector> clusters,
      List<DownsyncPolicyClause> clauses) {
    wds.resources(BindingPolicy.class)
        .resource(new BindingPolicy(name, new BindingPolicySpec(clusters, clauses)))
        .create();
  }

  static void collector(String name, String filter, String def) {
    var ops = wds.resources(StatusCollector.class);
    var collector =
        new StatusCollector(
            name,
            new StatusCollectorSpec(
                filter, null, null, List.of(new NamedExpression("v", def)), null));
    var existing = ops.withName(name).get();
    if (existing == null) {
      ops.resource(collector).create();
    } else {
      collector.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
      ops.resource(collector).update();
    }
  }

  /** {@code StatusCollectorsAvailable} of the policy and of its Binding. */
  static List<Condition> collectorConditions(String policy) {
    var onPolicy = wds.resources(BindingPolicy.class).withName(policy).get();
    var onBinding = binding(policy);
    assertThat(onPolicy.getStatus()).isNotNull();
    assertThat(onBinding).isNotNull();
    assertThat(onBinding.getStatus()).isNotNull();
    return List.of(
        condition(onPolicy.getStatus().conditions(), "StatusCollectorsAvailable"),
        condition(onBinding.getStatus().conditions(), "StatusCollectorsAvailable"));
  }

  static Binding binding(String name) {
    return wds.resources(Binding.class).withName(name).get();
  }

  static List<String> destinations(Binding binding) {
    return binding.getSpec().destinations().stream().map(d -> d.clusterId()).toList();
  }

  static List<NamespaceScopeDownsyncClause> namespaced(Binding binding) {
    assertThat(binding).isNotNull();
    var scope = binding.getSpec().workload().namespaceScope();
    return scope == null ? List.of() : scope;
  }

  static Condition condition(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
  }

  static CustomResourceDefinitionVersion version(String name, boolean served, boolean storage) {
    return new CustomResourceDefinitionVersionBuilder()
        .withName(name)
        .withServed(served)
        .withStorage(storage)
        .withNewSchema()
        .withNewOpenAPIV3Schema()
        .withType("object")
        .withXKubernetesPreserveUnknownFields(true)
        .endOpenAPIV3Schema()
        .endSchema()
        .build();
  }

  static void crd(List<CustomResourceDefinitionVersion> versions) {
    CustomResourceDefinition crd =
        new CustomResourceDefinitionBuilder()
            .withNewMetadata()
            .withName("widgets.example.com")
            .endMetadata()
            .withNewSpec()
            .withGroup("example.com")
            .withScope("Namespaced")
            .withNewNames()
            .withKind("Widget")
            .withPlural("widgets")
            .withSingular("widget")
            .withListKind("WidgetList")
            .endNames()
            .withVersions(versions)
            .endSpec()
            .build();
    wds.apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(crd)
        .forceConflicts()
        .serverSideApply();
  }

  static boolean established(String name) {
    var crd = wds.apiextensions().v1().customResourceDefinitions().withName(name).get();
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Waits until the Binding of {@code policy} has exactly {@code clusters} as destinations. */
  private static void awaitDestinations(String what, String policy, String... clusters) {
    eventually(what, () -> assertThat(destinations(binding(policy))).containsExactly(clusters));
  }

  /** Waits up to {@link #TIMEOUT} until {@code assertions} pass; {@code what} names the wait. */
  private static void eventually(String what, ThrowingRunnable assertions) {
    await(what).atMost(TIMEOUT).untilAsserted(assertions);
  }
}
