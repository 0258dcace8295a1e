/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.kubestellar.api.control.v1alpha1.Binding;
import io.kubestellar.api.control.v1alpha1.Condition;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.localenv.Kubectl;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faithful delivery (D16), end to end on the local environment with the real work agent and every
 * component as a process, driven with kubectl: removals in the WDS reach both WECs, a WEC edit is
 * reported as drift and repaired (but not under createOnly), a second writer in a WEC is reported
 * as a conflict, and ManifestWorks written with upstream's Update strategy are taken over without
 * re-creating any WEC object.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaithfulDeliveryIT {

  private static final List<String> WECS = List.of("cluster1", "cluster2");
  private static final Duration DELIVERY = Duration.ofSeconds(60);
  private static final Duration REPAIR = Duration.ofSeconds(60);
  private static final ResourceDefinitionContext MANIFEST_WORKS =
      new ResourceDefinitionContext.Builder()
          .withGroup("work.open-cluster-management.io")
          .withVersion("v1")
          .withPlural("manifestworks")
          .withKind("ManifestWork")
          .withNamespaced(true)
          .build();

  @AutoClose private static StatusPipeline pipeline;
  private static Kubectl kubectl;

  @BeforeAll
  static void start() {
    pipeline = StatusPipeline.start("faithful-delivery-it");
    kubectl = Kubectl.of(pipeline.env);
  }

  @Test
  @Order(1)
  void worksWrittenWithUpstreamsUpdateStrategyAreTakenOverWithoutRecreatingWecObjects() {
    // The previous version: the transport renders works without server-side apply.
    pipeline.env.process("transport-controller").stop(Duration.ofSeconds(10));
    var legacy =
        pipeline.startComponent(
            "transport-controller-legacy",
            "transport-controller",
            List.of("--wds-name", "wds1", "--wec-update-strategy", "Update"));
    try {
      kubectl.apply("wds1", namespaceYaml("upgrade") + "---\n" + policyYaml("upgrade"));
      kubectl.apply("wds1", deploymentYaml("upgrade", "web", 1, Map.of("era", "before")));
      var uids = new LinkedHashMap<String, String>();
      for (var wec : WECS) {
        await(wec + " gets upgrade/web")
            .atMost(DELIVERY)
            .until(() -> wecDeployment(wec, "upgrade", "web") != null);
        uids.put(wec, wecDeployment(wec, "upgrade", "web").getMetadata().getUid());
      }
      assertThat(worksOf("upgrade"))
          .isNotEmpty()
          .allSatisfy(w -> assertThat(strategies(w)).doesNotContain("ServerSideApply"));

      legacy.stop(Duration.ofSeconds(10));
      pipeline.env.process("transport-controller").start();

      await("the new transport rewrites the works with server-side apply")
          .atMost(DELIVERY)
          .untilAsserted(
              () ->
                  assertThat(worksOf("upgrade"))
                      .isNotEmpty()
                      .allSatisfy(w -> assertThat(strategies(w)).contains("ServerSideApply")));
      // A label added and then removed after the upgrade leaves the WECs again.
      kubectl.run("wds1", "-n", "upgrade", "label", "deploy", "web", "after=yes");
      awaitInEachWec(
          "gets the label", wec -> "yes".equals(wecLabels(wec, "upgrade", "web").get("after")));
      kubectl.run("wds1", "-n", "upgrade", "label", "deploy", "web", "after-");
      for (var wec : WECS) {
        await(wec + " loses the label")
            .atMost(DELIVERY)
            .until(() -> !wecLabels(wec, "upgrade", "web").containsKey("after"));
        assertThat(wecDeployment(wec, "upgrade", "web").getMetadata().getUid())
            .as("%s keeps the object created before the upgrade", wec)
            .isEqualTo(uids.get(wec));
      }
      // D16, as documented: a label delivered before the upgrade is also owned by the agent's
      // Update manager, so removing it from the WDS afterwards leaves it in the WECs.
      kubectl.run("wds1", "-n", "upgrade", "label", "deploy", "web", "era-", "later=yes");
      for (var wec : WECS) {
        await(wec + " gets the later label")
            .atMost(DELIVERY)
            .until(() -> "yes".equals(wecLabels(wec, "upgrade", "web").get("later")));
        assertThat(wecLabels(wec, "upgrade", "web"))
            .as("%s keeps the label delivered before the upgrade", wec)
            .containsEntry("era", "before");
      }
    } finally {
      if (legacy.isAlive()) {
        legacy.stop(Duration.ofSeconds(10));
      }
      if (!pipeline.env.process("transport-controller").isAlive()) {
        pipeline.env.process("transport-controller").start();
      }
    }
  }

  @Test
  @Order(2)
  void removalsInTheWdsReachEveryWec() {
    kubectl.apply("wds1", namespaceYaml("removals") + "---\n" + policyYaml("removals"));
    kubectl.applyResource("wds1", "FaithfulDeliveryIT/removals-deployment.yaml");
    awaitRemovalsWebInEachWec(
        "gets every field",
        d -> {
          assertThat(d).isNotNull();
          assertThat(d.getMetadata().getLabels()).containsEntry("probe", "one");
          assertThat(d.getMetadata().getAnnotations()).containsEntry("example.com/note", "hello");
          assertThat(envNames(d)).containsExactly("KEEP", "DROP");
          assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector())
              .containsEntry("disk", "ssd");
        });

    kubectl.run("wds1", "-n", "removals", "label", "deploy", "web", "probe-");
    kubectl.run("wds1", "-n", "removals", "annotate", "deploy", "web", "example.com/note-");
    kubectl.run("wds1", "-n", "removals", "set", "env", "deploy/web", "DROP-");
    kubectl.run(
        "wds1",
        "-n",
        "removals",
        "patch",
        "deploy",
        "web",
        "--type=json",
        "-p",
        "[{\"op\":\"remove\",\"path\":\"/spec/template/spec/nodeSelector\"}]");

    awaitRemovalsWebInEachWec(
        "loses the label, the annotation, the env var and the nodeSelector",
        d -> {
          assertThat(d.getMetadata().getLabels()).doesNotContainKey("probe");
          assertThat(d.getMetadata().getAnnotations()).doesNotContainKey("example.com/note");
          assertThat(envNames(d)).containsExactly("KEEP");
          assertThat(d.getSpec().getTemplate().getSpec().getNodeSelector()).isNullOrEmpty();
        });
  }

  @Test
  @Order(3)
  void aCustomTransformCreatedAfterDeliveryStripsItsLabelFromTheWecs() {
    kubectl.apply("wds1", namespaceYaml("transformed") + "---\n" + policyYaml("transformed"));
    kubectl.apply(
        "wds1", deploymentYaml("transformed", "web", 1, Map.of("internal/build", "1234")));
    awaitInEachWec(
        "gets the label",
        wec -> "1234".equals(wecLabels(wec, "transformed", "web").get("internal/build")));
    kubectl.applyResource("wds1", "FaithfulDeliveryIT/strip-build-label.yaml");
    try {
      awaitInEachWec(
          "loses the label",
          wec -> !wecLabels(wec, "transformed", "web").containsKey("internal/build"));
    } finally {
      kubectl.run("wds1", "delete", "customtransform", "strip-build-label");
    }
  }

  @Test
  @Order(4)
  void aWecEditIsReportedAndRepairedButNotUnderCreateOnly() {
    kubectl.apply("wds1", namespaceYaml("drift") + "---\n" + policyYaml("drift"));
    kubectl.apply("wds1", deploymentYaml("drift", "web", 1, Map.of()));
    kubectl.apply(
        "wds1",
        policyYaml("drift-create-only")
                .replace("app.kubernetes.io/part-of: drift-create-only", "created-once: \"yes\"")
            + "    createOnly: true\n");
    kubectl.apply("wds1", deploymentYaml("drift", "seed", 1, Map.of("created-once", "yes")));
    awaitDelivered("drift", "web");
    awaitDelivered("drift", "seed");
    awaitReady("drift");

    kubectl.run("cluster1", "-n", "drift", "scale", "deploy", "web", "--replicas=3");
    kubectl.run("cluster1", "-n", "drift", "scale", "deploy", "seed", "--replicas=3");

    await("the WorkStatus reports the drift")
        .atMost(REPAIR)
        .untilAsserted(
            () -> {
              var drift = workStatus("cluster1", "drift", "web").getDrift();
              assertThat(drift).isNotNull();
              assertThat(drift.fields())
                  .anySatisfy(
                      f -> {
                        assertThat(f.path()).isEqualTo("spec.replicas");
                        assertThat(f.desired()).isEqualTo("1");
                        assertThat(f.actual()).isEqualTo("3");
                      });
            });
    await("the Binding and the BindingPolicy say which object drifted where")
        .atMost(REPAIR)
        .untilAsserted(
            () -> {
              var binding = binding("drift");
              var ready = condition(binding.getStatus().conditions(), "Ready");
              assertThat(ready.status()).isEqualTo("False");
              assertThat(ready.reason()).isEqualTo("Drifted");
              assertThat(ready.message())
                  .contains("cluster1: apps/Deployment drift/web: spec.replicas 3, desired 1");
              assertThat(policyErrors("drift"))
                  .anySatisfy(e -> assertThat(e).contains("cluster1: apps/Deployment drift/web"));
            });
    assertThat(kubectl.run("wds1", "get", "events", "-A", "--field-selector", "reason=Drifted"))
        .contains("cluster1: apps/Deployment drift/web");

    await("the WEC copy is repaired and the report clears")
        .atMost(REPAIR)
        .untilAsserted(
            () -> {
              assertThat(wecDeployment("cluster1", "drift", "web").getSpec().getReplicas())
                  .isEqualTo(1);
              assertThat(workStatus("cluster1", "drift", "web").getDrift()).isNull();
              assertThat(condition(binding("drift").getStatus().conditions(), "Ready").status())
                  .isEqualTo("True");
            });
    // Under createOnly the WEC owns the object after creation: the edit stays and is not drift.
    assertThat(wecDeployment("cluster1", "drift", "seed").getSpec().getReplicas()).isEqualTo(3);
    assertThat(workStatus("cluster1", "drift", "seed").getDrift()).isNull();
    assertThat(condition(binding("drift-create-only").getStatus().conditions(), "Ready").status())
        .isEqualTo("True");
  }

  @Test
  @Order(5)
  void aSecondWriterInTheWecIsReportedAsAConflictNamingObjectWecAndField() {
    kubectl.apply("wds1", namespaceYaml("conflict") + "---\n" + policyYaml("conflict"));
    kubectl.apply("wds1", deploymentYaml("conflict", "web", 1, Map.of()));
    awaitDelivered("conflict", "web");
    var wec = pipeline.env.client("cluster1");
    var fighting = new AtomicBoolean(true);
    // Another controller in cluster1 insists on 4 replicas, as an autoscaler would.
    var fighter =
        new Thread(
            () -> {
              var deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
              while (fighting.get() && System.nanoTime() < deadline) {
                try {
                  var d = wec.apps().deployments().inNamespace("conflict").withName("web").get();
                  if (d != null && !Objects.equals(d.getSpec().getReplicas(), 4)) {
                    kubectl.run(
                        "cluster1",
                        "-n",
                        "conflict",
                        "patch",
                        "deploy",
                        "web",
                        "--field-manager=autoscaler",
                        "-p",
                        "{\"spec\":{\"replicas\":4}}");
                  }
                  Thread.sleep(200); // a controller's own loop, not a wait in the test
                } catch (InterruptedException e) {
                  return;
                } catch (RuntimeException | AssertionError e) {
                  // the object is being re-applied at the same moment; try again
                }
              }
            },
            "autoscaler");
    fighter.setDaemon(true);
    fighter.start();
    try {
      await("the fight is reported as a conflict")
          .atMost(Duration.ofSeconds(120))
          .untilAsserted(
              () -> {
                var ready = condition(binding("conflict").getStatus().conditions(), "Ready");
                assertThat(ready.reason()).isEqualTo("ApplyConflict");
                assertThat(ready.message())
                    .contains("cluster1: apps/Deployment conflict/web: spec.replicas")
                    .contains("autoscaler")
                    .contains("stop the other writer");
                var drift = workStatus("cluster1", "conflict", "web").getDrift();
                // Between a repair and the writer's next change the report is briefly clear.
                assertThat(drift).as("drift report").isNotNull();
                assertThat(drift.conflict()).isTrue();
              });
    } finally {
      fighting.set(false);
    }
    await("once the other writer stops, the WEC copy is the WDS one again")
        .atMost(Duration.ofSeconds(330)) // the add-on's backoff reaches 5 minutes at most
        .untilAsserted(
            () -> {
              assertThat(wecDeployment("cluster1", "conflict", "web").getSpec().getReplicas())
                  .isEqualTo(1);
              assertThat(condition(binding("conflict").getStatus().conditions(), "Ready").status())
                  .isEqualTo("True");
            });
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Waits, for each WEC in turn, until {@code holds} is true of it ("<wec> <what>"). */
  private static void awaitInEachWec(String what, Predicate<String> holds) {
    for (var wec : WECS) {
      await(wec + " " + what).atMost(DELIVERY).until(() -> holds.test(wec));
    }
  }

  /** Waits, for each WEC in turn, until its copy of removals/web passes the assertions. */
  private static void awaitRemovalsWebInEachWec(String what, Consumer<Deployment> assertions) {
    for (var wec : WECS) {
      await(wec + " " + what)
          .atMost(DELIVERY)
          .untilAsserted(() -> assertions.accept(wecDeployment(wec, "removals", "web")));
    }
  }

  private static String namespaceYaml(String name) {
    return """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: %s
          labels: {app.kubernetes.io/part-of: %s}
        """
        .formatted(name, name);
  }

  /** A policy sending everything labelled part-of=name to both WECs. */
  private static String policyYaml(String name) {
    return """
        apiVersion: control.kubestellar.io/v1alpha1
        kind: BindingPolicy
        metadata: {name: %s}
        spec:
          clusterSelectors:
          - matchLabels: {location-group: edge}
          downsync:
          - objectSelectors:
            - matchLabels:
                app.kubernetes.io/part-of: %s
        """
        .formatted(name, name);
  }

  private static String deploymentYaml(
      String namespace, String name, int replicas, Map<String, String> labels) {
    var extra = new StringBuilder();
    labels.forEach((k, v) -> extra.append(", \"").append(k).append("\": \"").append(v).append('"'));
    var partOf = labels.containsKey("created-once") ? "none" : namespace;
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %s
          namespace: %s
          labels: {"app.kubernetes.io/part-of": "%s"%s}
        spec:
          replicas: %d
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec:
              containers:
              - {name: web, image: "registry.example/web:1"}
        """
        .formatted(name, namespace, partOf, extra, replicas, name, name);
  }

  private static void awaitDelivered(String namespace, String name) {
    awaitInEachWec(
        "gets " + namespace + "/" + name, wec -> wecDeployment(wec, namespace, name) != null);
  }

  private static void awaitReady(String policy) {
    await(policy + " Ready")
        .atMost(DELIVERY)
        .ignoreExceptions()
        .until(
            () ->
                "True"
                    .equals(condition(binding(policy).getStatus().conditions(), "Ready").status()));
  }

  private static Deployment wecDeployment(String wec, String namespace, String name) {
    return pipeline
        .env
        .client(wec)
        .apps()
        .deployments()
        .inNamespace(namespace)
        .withName(name)
        .get();
  }

  private static Map<String, String> wecLabels(String wec, String namespace, String name) {
    var d = wecDeployment(wec, namespace, name);
    return d == null || d.getMetadata().getLabels() == null
        ? Map.of()
        : d.getMetadata().getLabels();
  }

  private static List<String> envNames(Deployment d) {
    var env = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    return env == null ? List.of() : env.stream().map(e -> e.getName()).toList();
  }

  private static List<GenericKubernetesResource> worksOf(String policy) {
    return pipeline
        .its
        .genericKubernetesResources(MANIFEST_WORKS)
        .inAnyNamespace()
        .withLabel("transport.kubestellar.io/originOwnerReferenceBindingKey", policy)
        .list()
        .getItems();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strategies(GenericKubernetesResource work) {
    var spec = (Map<String, Object>) work.getAdditionalProperties().get("spec");
    var configs = (List<Map<String, Object>>) spec.getOrDefault("manifestConfigs", List.of());
    return configs.stream()
        .map(c -> (Map<String, Object>) c.get("updateStrategy"))
        .filter(Objects::nonNull)
        .map(s -> String.valueOf(s.get("type")))
        .toList();
  }

  /** The Binding with a status; an AssertionError (which the awaits retry) until it has one. */
  private static Binding binding(String name) {
    var binding = pipeline.wds.resources(Binding.class).withName(name).get();
    if (binding == null || binding.getStatus() == null) {
      throw new AssertionError("Binding " + name + " has no status yet");
    }
    return binding;
  }

  @SuppressWarnings("unchecked")
  private static List<String> policyErrors(String name) {
    var policy =
        pipeline
            .wds
            .genericKubernetesResources(StatusPipeline.BINDING_POLICIES)
            .withName(name)
            .get();
    var status = (Map<String, Object>) policy.getAdditionalProperties().get("status");
    return status == null ? List.of() : (List<String>) status.getOrDefault("errors", List.of());
  }

  /** The condition; an AssertionError (which the awaits retry) while there is none yet. */
  private static Condition condition(List<Condition> conditions, String type) {
    return (conditions == null ? List.<Condition>of() : conditions)
        .stream()
            .filter(c -> type.equals(c.type()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no condition " + type + " in " + conditions));
  }

  /** The WorkStatus cluster {@code wec} reports for the Deployment {@code namespace/name}. */
  private static WorkStatus workStatus(String wec, String namespace, String name) {
    KubernetesClient its = pipeline.its;
    return its.resources(WorkStatus.class).inNamespace(wec).list().getItems().stream()
        .filter(
            ws ->
                ws.getSpec() != null
                    && ws.getSpec().sourceRef() != null
                    && "Deployment".equals(ws.getSpec().sourceRef().kind())
                    && namespace.equals(ws.getSpec().sourceRef().namespace())
                    && name.equals(ws.getSpec().sourceRef().name()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no WorkStatus for " + namespace + "/" + name));
  }
}
