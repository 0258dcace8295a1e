/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import static io.kubestellar.transport.TransportEnvironment.TIMEOUT;
import static io.kubestellar.transport.TransportEnvironment.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.Condition;
import io.kubestellar.api.control.v1alpha1.CustomTransform;
import io.kubestellar.api.control.v1alpha1.CustomTransformSpec;
import io.kubestellar.localenv.SpaceObjects;
import io.kubestellar.transport.reconciler.binding.ManifestWorks;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The transport controller against the real local environment (real API servers, the real OCM work
 * agent), driven by Bindings written directly: objects travel from the WDS through the ITS into the
 * WECs, changes follow, and the controller reports what it could not do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransportControllerIT {

  @AutoClose private static TransportEnvironment env;

  @BeforeAll
  static void start() {
    env = new TransportEnvironment("transport-it");
    env.startTransport();
  }

  @Test
  @Order(1)
  void bindingDeliversNamespaceAndDeploymentToBothClustersWhereTheyBecomeAvailable() {
    var ns = create(namespace("shop"));
    var web = create(deployment("shop", "web", "nginx:1", Map.of("app", "web")));
    var binding = apply(env.binding("web", List.of(ns, web), List.of(), "cluster1", "cluster2"));

    awaitInEachCluster(
        "Deployment Available in",
        cluster ->
            isAvailable(
                env.wec(cluster).apps().deployments().inNamespace("shop").withName("web").get()));
    var works = env.worksOf("web");
    assertThat(works).hasSize(4);
    var uid = env.wds().resources(Binding.class).withName("web").get().getMetadata().getUid();
    assertThat(works)
        .extracting(w -> w.getMetadata().getName())
        .contains(
            uid + "-wds1-" + web.getMetadata().getUid(),
            uid + "-wds1-" + ns.getMetadata().getUid());
    assertThat(works)
        .allSatisfy(
            w -> {
              assertThat(w.getMetadata().getLabels())
                  .containsEntry("transport.kubestellar.io/originWdsName", "wds1");
              assertThat(w.getMetadata().getAnnotations())
                  .containsKey("transport.kubestellar.io/originOwnerReferenceBindingGeneration")
                  .containsKey("transport.kubestellar.io/contentHash");
            });
    eventually(
        "Binding Ready",
        () ->
            assertThat(ready("web"))
                .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo("True")));
    assertThat(binding.getMetadata().getName()).isEqualTo("web");
  }

  @Test
  @Order(2)
  void anEditInTheWdsReachesBothClusters() {
    setImage("web", "nginx:2");
    awaitInEachCluster("new image in", cluster -> "nginx:2".equals(image(cluster, "shop", "web")));
  }

  @Test
  @Order(3)
  void aManualEditOfAManifestWorkIsRepairedAndADeletedOneIsRecreated() {
    var work =
        env.worksOf("web").stream()
            .filter(
                w ->
                    w.getMetadata().getNamespace().equals("cluster1")
                        && w.toString().contains("Deployment"))
            .findFirst()
            .orElseThrow();
    var works = env.its().genericKubernetesResources(ManifestWorks.CONTEXT).inNamespace("cluster1");
    // Like `kubectl annotate --overwrite`: no resourceVersion, so the work agent's concurrent
    // status writes cannot make the edit fail with a conflict.
    works
        .withName(work.getMetadata().getName())
        .patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":"
                + "{\"transport.kubestellar.io/contentHash\":\"sha256:tampered\"}}}");
    await("hash repaired")
        .atMost(TIMEOUT)
        .until(
            () ->
                !"sha256:tampered"
                    .equals(
                        works
                            .withName(work.getMetadata().getName())
                            .get()
                            .getMetadata()
                            .getAnnotations()
                            .get("transport.kubestellar.io/contentHash")));
    works.withName(work.getMetadata().getName()).delete();
    await("work recreated")
        .atMost(TIMEOUT)
        .until(
            () -> {
              var w = works.withName(work.getMetadata().getName()).get();
              return w != null && !w.getMetadata().getUid().equals(work.getMetadata().getUid());
            });
  }

  @Test
  @Order(4)
  void aRestartWithNothingChangedWritesNothingAndDeletesNothing() {
    await("settled").atMost(TIMEOUT).until(() -> env.controller().queueDepth() == 0);
    var before = versions();
    env.stopTransport();
    env.startTransport();
    await("every Binding resynced")
        .atMost(TIMEOUT)
        .until(
            () ->
                env.controller().metrics().bindingSyncs().count() >= bindingCount()
                    && env.controller().queueDepth() == 0);
    assertThat(env.controller().metrics().workWrites()).isZero();
    assertThat(versions()).isEqualTo(before);
  }

  @Test
  @Order(5)
  void createOnlyObjectsAreCreatedButNeverUpdatedInTheClusters() {
    var job = create(deployment("shop", "once", "busybox:1", Map.of("app", "once")));
    apply(env.binding("once", List.of(job), List.of("once"), "cluster1"));
    await("created in cluster1")
        .atMost(TIMEOUT)
        .until(() -> image("cluster1", "shop", "once") != null);
    var uid =
        env.wec("cluster1")
            .apps()
            .deployments()
            .inNamespace("shop")
            .withName("once")
            .get()
            .getMetadata()
            .getUid();
    assertThat(env.worksOf("once").get(0).toString()).contains("CreateOnly");
    setImage("once", "busybox:2");
    await("the ManifestWork carries the edit")
        .atMost(TIMEOUT)
        .until(() -> env.worksOf("once").get(0).toString().contains("busybox:2"));
    // The work agent reports the work applied again, and still leaves the WEC copy alone.
    await("work applied after the edit")
        .atMost(TIMEOUT)
        .until(() -> env.worksOf("once").get(0).toString().contains("busybox:2"));
    var wecCopy =
        env.wec("cluster1").apps().deployments().inNamespace("shop").withName("once").get();
    assertThat(wecCopy.getMetadata().getUid()).isEqualTo(uid);
    assertThat(wecCopy.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo("busybox:1");
  }

  @Test
  @Order(6)
  void aCustomTransformRemovesALabelAndReportsItsInvalidPaths() {
    var cm =
        create(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("settings")
                .withNamespace("shop")
                .withLabels(Map.of("keep", "yes", "secret-team", "x"))
                .endMetadata()
                .withData(Map.of("a", "1"))
                .build());
    env.wds()
        .resources(CustomTransform.class)
        .resource(
            new CustomTransform(
                "drop-team",
                new CustomTransformSpec(
                    "", "configmaps", List.of("$.metadata.labels[\"secret-team\"]", "metadata.x"))))
        .create();
    apply(env.binding("settings", List.of(cm), List.of(), "cluster1", "cluster2"));
    for (var cluster : List.of("cluster1", "cluster2")) {
      eventually(
          "ConfigMap without the label in " + cluster,
          () -> {
            var copy = env.wec(cluster).configMaps().inNamespace("shop").withName("settings").get();
            assertThat(copy).isNotNull();
            assertThat(copy.getMetadata().getLabels())
                .containsEntry("keep", "yes")
                .doesNotContainKey("secret-team");
          });
    }
    eventually(
        "CustomTransform status names the bad path",
        () -> {
          var status =
              env.wds().resources(CustomTransform.class).withName("drop-team").get().getStatus();
          assertThat(status).isNotNull();
          assertThat(status.errors())
              .singleElement()
              .asString()
              .startsWith("Error in spec.remove[1]: syntax error at 0");
        });
    // Editing the CustomTransform reaches the ManifestWorks (D6). The work agent merges labels
    // into the WEC copy, so a label the transform now keeps comes back there, while one it now
    // removes is only gone from the ManifestWork.
    env.wds()
        .resources(CustomTransform.class)
        .withName("drop-team")
        .edit(
            ct -> {
              ct.setSpec(
                  new CustomTransformSpec("", "configmaps", List.of("$.metadata.labels.keep")));
              return ct;
            });
    eventually(
        "label back in the cluster, other label gone from the ManifestWork",
        () -> {
          var copy =
              env.wec("cluster2").configMaps().inNamespace("shop").withName("settings").get();
          assertThat(copy.getMetadata().getLabels()).containsEntry("secret-team", "x");
          assertThat(env.worksOf("settings"))
              .hasSize(2)
              .allSatisfy(
                  w ->
                      assertThat(w.getAdditionalProperties().get("spec").toString())
                          .contains("secret-team")
                          .doesNotContain("keep"));
        });
  }

  @Test
  @Order(7)
  void templatesExpandPerClusterAndFollowThePropertyConfigMap() {
    clusterProperties("cluster1", Map.of("region", "east"));
    clusterProperties("cluster2", Map.of("region", "west"));
    var cm =
        create(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("where")
                .withNamespace("shop")
                .withAnnotations(Map.of("control.kubestellar.io/expand-templates", "true"))
                .endMetadata()
                .withData(Map.of("cluster", "{{.clusterName}}", "region", "in {{ .region }}"))
                .build());
    apply(env.binding("where", List.of(cm), List.of(), "cluster1", "cluster2"));
    eventually(
        "each cluster its own values",
        () -> {
          assertThat(data("cluster1", "where"))
              .containsEntry("cluster", "cluster1")
              .containsEntry("region", "in east");
          assertThat(data("cluster2", "where"))
              .containsEntry("cluster", "cluster2")
              .containsEntry("region", "in west");
        });
    putData(env.its(), "customization-properties", "cluster2", "region", "north");
    eventually(
        "ConfigMap change reaches cluster2",
        () -> assertThat(data("cluster2", "where")).containsEntry("region", "in north"));
  }

  @Test
  @Order(8)
  void aTemplateErrorKeepsWhatWasDeliveredAndIsReported() {
    putData(env.wds(), "shop", "where", "zone", "{{.zone}}", "region", "changed {{.region}}");
    eventually(
        "Ready False with TemplateExpansionFailed",
        () -> {
          var condition = ready("where");
          assertThat(condition)
              .hasValueSatisfying(
                  c -> {
                    assertThat(c.status()).isEqualTo("False");
                    assertThat(c.reason()).isEqualTo("TemplateExpansionFailed");
                  });
          var errors =
              env.wds().resources(Binding.class).withName("where").get().getStatus().errors();
          assertThat(errors)
              .anySatisfy(
                  e ->
                      assertThat(e)
                          .startsWith(
                              "template expansion: template: cluster1/ConfigMap(shop/where)")
                          .contains("map has no entry for key \"zone\""));
        });
    assertThat(data("cluster1", "where"))
        .containsEntry("region", "in east")
        .doesNotContainKey("zone");
    assertThat(env.worksOf("where")).hasSize(2);
    putData(env.its(), "customization-properties", "cluster1", "zone", "z1");
    putData(env.its(), "customization-properties", "cluster2", "zone", "z2");
    eventually(
        "delivered once the property exists",
        () -> {
          assertThat(data("cluster1", "where"))
              .containsEntry("zone", "z1")
              .containsEntry("region", "changed east");
          assertThat(ready("where"))
              .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo("True"));
        });
  }

  @Test
  @Order(9)
  void changingDestinationsMovesObjectsAndOverlappingBindingsKeepWhatTheOtherWants() {
    var ns = env.wds().namespaces().withName("shop").get();
    var web = env.wds().apps().deployments().inNamespace("shop").withName("web").get();
    // A second Binding also wants the Namespace everywhere, so it stays where "web" leaves.
    apply(env.binding("shop", List.of(ns), List.of(), "cluster1", "cluster2"));
    await("both works of the Namespace written")
        .atMost(TIMEOUT)
        .until(() -> env.worksOf("shop").size() == 2);
    apply(env.binding("web", List.of(ns, web), List.of(), "cluster1"));
    await("gone from cluster2")
        .atMost(TIMEOUT)
        .until(
            () ->
                env.wec("cluster2").apps().deployments().inNamespace("shop").withName("web").get()
                    == null);
    assertThat(image("cluster1", "shop", "web")).isEqualTo("nginx:2");
    assertThat(env.wec("cluster2").namespaces().withName("shop").get()).isNotNull();
    env.wds().apps().deployments().inNamespace("shop").withName("web").delete();
    await("a deleted object leaves the cluster")
        .atMost(TIMEOUT)
        .until(
            () ->
                env.wec("cluster1").apps().deployments().inNamespace("shop").withName("web").get()
                    == null);
  }

  @Test
  @Order(10)
  void anObjectTooLargeIsReportedWhileTheOthersFlow() {
    env.stopTransport();
    env.startTransport("--max-size-wrapped", "3000");
    var big =
        create(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("big")
                .withNamespace("shop")
                .endMetadata()
                .withData(Map.of("blob", "x".repeat(4000)))
                .build());
    var small =
        create(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("small")
                .withNamespace("shop")
                .endMetadata()
                .withData(Map.of("a", "b"))
                .build());
    apply(env.binding("sizes", List.of(big, small), List.of(), "cluster1"));
    eventually(
        "small delivered, big reported",
        () -> {
          assertThat(env.wec("cluster1").configMaps().inNamespace("shop").withName("small").get())
              .isNotNull();
          assertThat(ready("sizes"))
              .hasValueSatisfying(c -> assertThat(c.reason()).isEqualTo("ObjectTooLarge"));
          assertThat(
                  env.wds().resources(Binding.class).withName("sizes").get().getStatus().errors())
              .anySatisfy(
                  e ->
                      assertThat(e).startsWith("object too large: object ConfigMap(shop/big) is "));
        });
    assertThat(env.wec("cluster1").configMaps().inNamespace("shop").withName("big").get()).isNull();
  }

  @Test
  @Order(11)
  void bundlingByCountGivesShardsThatMoveTogether() {
    env.stopTransport();
    env.startTransport("--max-num-wrapped", "2");
    var objects = new java.util.ArrayList<HasMetadata>();
    for (int i = 0; i < 5; i++) {
      objects.add(
          create(
              new ConfigMapBuilder()
                  .withNewMetadata()
                  .withName("shard-" + i)
                  .withNamespace("shop")
                  .endMetadata()
                  .withData(Map.of("i", "" + i))
                  .build()));
    }
    apply(env.binding("shards", objects, List.of(), "cluster1"));
    eventually(
        "three shards in cluster1",
        () ->
            assertThat(env.worksOf("shards"))
                .extracting(w -> w.getMetadata().getNamespace() + "/" + w.getMetadata().getName())
                .containsExactlyInAnyOrder(
                    "cluster1/shards-wds1-0", "cluster1/shards-wds1-1", "cluster1/shards-wds1-2"));
    apply(env.binding("shards", objects, List.of(), "cluster2"));
    eventually(
        "every shard moved to cluster2",
        () -> {
          assertThat(env.worksOf("shards"))
              .extracting(w -> w.getMetadata().getNamespace())
              .containsExactly("cluster2", "cluster2", "cluster2");
          assertThat(env.wec("cluster2").configMaps().inNamespace("shop").withName("shard-4").get())
              .isNotNull();
          assertThat(env.wec("cluster1").configMaps().inNamespace("shop").withName("shard-4").get())
              .isNull();
        });
  }

  @Test
  @Order(12)
  void deletingABindingRemovesItsWorksAndItsFinalizer() {
    env.wds().resources(Binding.class).withName("shards").delete();
    await("works and Binding gone")
        .atMost(TIMEOUT)
        .until(
            () ->
                env.worksOf("shards").isEmpty()
                    && env.wds().resources(Binding.class).withName("shards").get() == null);
  }

  @Test
  @Order(13)
  void anObjectWhoseNamespaceIsNotDeliveredIsReportedNotAppliedWithTheAgentsReason() {
    create(namespace("undelivered"));
    var cm =
        create(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("orphan")
                .withNamespace("undelivered")
                .endMetadata()
                .withData(Map.of("a", "1"))
                .build());
    // The Binding lists the ConfigMap but not its Namespace: the WEC has no such namespace.
    apply(env.binding("orphan", List.of(cm), List.of(), "cluster1"));
    eventually(
        "Ready=False with the work agent's reason",
        () ->
            assertThat(ready("orphan"))
                .hasValueSatisfying(
                    c -> {
                      assertThat(c.status()).isEqualTo("False");
                      assertThat(c.reason()).isEqualTo("NotApplied");
                      assertThat(c.message())
                          .contains("ConfigMap undelivered/orphan")
                          .contains("namespaces \"undelivered\" not found");
                    }));
  }

  // ---- helpers ----

  private static <T extends HasMetadata> T create(T object) {
    return env.wds().resource(object).create();
  }

  private static Binding apply(Binding binding) {
    var existing =
        env.wds().resources(Binding.class).withName(binding.getMetadata().getName()).get();
    if (existing == null) {
      return env.wds().resources(Binding.class).resource(binding).create();
    }
    // The transport writes the Binding's status concurrently; a conflicting edit is re-read and
    // tried again, as a kubectl client would.
    for (int attempt = 1; ; attempt++) {
      try {
        return env.wds()
            .resources(Binding.class)
            .withName(binding.getMetadata().getName())
            .edit(
                b -> {
                  b.setSpec(binding.getSpec());
                  return b;
                });
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  /** Edits a ConfigMap, putting the given keys and values (alternating) into its data. */
  /** Writes the cluster's property ConfigMap in the ITS, which templates read. */
  private static void clusterProperties(String cluster, Map<String, String> data) {
    env.its()
        .configMaps()
        .inNamespace("customization-properties")
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName(cluster)
                .withNamespace("customization-properties")
                .endMetadata()
                .withData(data)
                .build())
        .serverSideApply();
  }

  private static void putData(
      KubernetesClient client, String namespace, String name, String... keysAndValues) {
    client
        .configMaps()
        .inNamespace(namespace)
        .withName(name)
        .edit(
            c -> {
              for (int i = 0; i < keysAndValues.length; i += 2) {
                c.getData().put(keysAndValues[i], keysAndValues[i + 1]);
              }
              return c;
            });
  }

  private static Namespace namespace(String name) {
    return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
  }

  /** A one-replica Deployment, container {@code c}, with {@code labels}, selected by app=name. */
  static Deployment deployment(String ns, String name, String image, Map<String, String> labels) {
    return SpaceObjects.deployment(ns, name, 1, labels, "c", image);
  }

  private static boolean isAvailable(Deployment deployment) {
    return deployment != null
        && deployment.getStatus() != null
        && deployment.getStatus().getConditions() != null
        && deployment.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Available") && c.getStatus().equals("True"));
  }

  private static String image(String cluster, String ns, String name) {
    var d = env.wec(cluster).apps().deployments().inNamespace(ns).withName(name).get();
    return d == null ? null : d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private static Map<String, String> data(String cluster, String name) {
    ConfigMap cm = env.wec(cluster).configMaps().inNamespace("shop").withName(name).get();
    return cm == null || cm.getData() == null ? Map.of() : cm.getData();
  }

  private static Optional<Condition> ready(String binding) {
    var b = env.wds().resources(Binding.class).withName(binding).get();
    if (b == null || b.getStatus() == null || b.getStatus().conditions() == null) {
      return Optional.empty();
    }
    return b.getStatus().conditions().stream().filter(c -> c.type().equals("Ready")).findFirst();
  }

  private static long bindingCount() {
    return env.wds().resources(Binding.class).list().getItems().size();
  }

  private static Map<String, String> versions() {
    return env
        .its()
        .genericKubernetesResources(ManifestWorks.CONTEXT)
        .inAnyNamespace()
        .list()
        .getItems()
        .stream()
        .collect(
            Collectors.toMap(
                w -> w.getMetadata().getNamespace() + "/" + w.getMetadata().getName(),
                TransportControllerIT::specVersion));
  }

  private static String specVersion(GenericKubernetesResource work) {
    // The work agent updates status; what we write is metadata and spec, tracked by generation.
    return work.getMetadata().getUid() + "@" + work.getMetadata().getGeneration();
  }

  /** A user sets the image of Deployment {@code shop/<name>} in the WDS. */
  private static void setImage(String name, String image) {
    env.wds()
        .apps()
        .deployments()
        .inNamespace("shop")
        .withName(name)
        .edit(
            d -> {
              d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(image);
              return d;
            });
  }

  /** Waits, for cluster1 and then cluster2, until {@code holds} is true of it. */
  private static void awaitInEachCluster(String what, Predicate<String> holds) {
    for (var cluster : List.of("cluster1", "cluster2")) {
      await(what + " " + cluster).atMost(TIMEOUT).until(() -> holds.test(cluster));
    }
  }
}
