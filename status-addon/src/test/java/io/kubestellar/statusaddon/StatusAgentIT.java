/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon;

import static io.kubestellar.statusaddon.StatusAddonEnvironment.TIMEOUT;
import static io.kubestellar.statusaddon.StatusAddonEnvironment.deployment;
import static io.kubestellar.statusaddon.StatusAddonEnvironment.eventually;
import static io.kubestellar.statusaddon.StatusAddonEnvironment.namespace;
import static io.kubestellar.statusaddon.StatusAddonEnvironment.transportLabels;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.statusaddon.model.JsonValues;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The agent for cluster1, in-process, with only the rights of {@code src/main/rbac}, against the
 * real OCM work agent: ManifestWorks created in the ITS become objects in cluster1 (kwok makes
 * their pods run), and the agent keeps one WorkStatus per object in the ITS namespace cluster1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusAgentIT {

  private static final String CLUSTER = "cluster1";
  @AutoClose private static StatusAddonEnvironment env;
  private static InProcessAgent agent;

  @BeforeAll
  static void start() {
    env = new StatusAddonEnvironment("status-agent-it");
    // Resync often, to show below that resyncs write nothing.
    agent = env.startAgent(CLUSTER, "--resync-period=PT1S");
    assertThat(agent.exit()).as("agent running").isNotDone();
  }

  @Test
  @Order(1)
  void deliveredNamespaceAndDeploymentEachGetAWorkStatusMirroringTheirStatus() {
    var labels = transportLabels("shop-bp");
    labels.put("app.kubernetes.io/part-of", "shop");
    var work =
        env.deliver(
            "shop", CLUSTER, labels, List.of(namespace("shop"), deployment("shop", "web", 1)));

    eventually(
        "Deployment WorkStatus reports one available replica",
        () -> {
          var ws = env.workStatusFor(CLUSTER, "Deployment", "shop", "web");
          assertThat(ws).isNotNull();
          assertThat(ws.getStatus()).isNotNull();
          assertThat(ws.getStatus().asMap()).containsEntry("availableReplicas", 1);
        });
    var applied = env.appliedManifestWork(CLUSTER, "shop");
    var amwUid = applied.getMetadata().getUid();

    var deploymentStatus = env.workStatusFor(CLUSTER, "Deployment", "shop", "web");
    assertThat(deploymentStatus.getMetadata().getName())
        .isEqualTo(amwUid + "-appsv1-deployment-shop-web");
    assertThat(deploymentStatus.getMetadata().getNamespace()).isEqualTo(CLUSTER);
    assertThat(deploymentStatus.getMetadata().getLabels()).isEqualTo(labels);
    assertThat(deploymentStatus.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            owner -> {
              assertThat(owner.getKind()).isEqualTo("ManifestWork");
              assertThat(owner.getName()).isEqualTo("shop");
              assertThat(owner.getUid()).isEqualTo(work.getMetadata().getUid());
              assertThat(owner.getController()).isTrue();
            });
    var source = deploymentStatus.getSpec().sourceRef();
    assertThat(List.of(source.group(), source.version(), source.resource(), source.kind()))
        .containsExactly("apps", "v1", "deployments", "Deployment");
    assertThat(List.of(source.namespace(), source.name())).containsExactly("shop", "web");
    assertThat(deploymentStatus.getStatusDetails()).isNotNull();

    eventually(
        "Namespace WorkStatus mirrors the namespace's status",
        () -> {
          var ws = env.workStatusFor(CLUSTER, "Namespace", "", "shop");
          assertThat(ws).isNotNull();
          assertThat(ws.getMetadata().getName()).isEqualTo(amwUid + "-v1-namespace--shop");
          assertThat(env.reportedStatus(CLUSTER, "Namespace", "", "shop"))
              .isEqualTo(env.wecStatus(CLUSTER, "v1", "Namespace", "", "shop"));
        });
    eventually(
        "Deployment WorkStatus equals the WEC Deployment's status",
        () -> assertStatusMirrored("apps/v1", "Deployment", "shop", "web"));
  }

  @Test
  @Order(2)
  void scalingTheDeploymentThroughItsManifestWorkUpdatesTheWorkStatus() {
    var labels = transportLabels("shop-bp");
    labels.put("app.kubernetes.io/part-of", "shop");
    env.deliver("shop", CLUSTER, labels, List.of(namespace("shop"), deployment("shop", "web", 2)));

    eventually(
        "WorkStatus reports two available replicas",
        () ->
            assertThat(env.reportedStatus(CLUSTER, "Deployment", "shop", "web"))
                .containsEntry("availableReplicas", 2));
    awaitDeploymentMirrored("shop", "web");
  }

  @Test
  @Order(3)
  void manifestWorkLabelChangesReachItsWorkStatuses() {
    env.manifestWorks(CLUSTER)
        .withName("shop")
        .edit(
            work -> {
              work.getMetadata().getLabels().remove("app.kubernetes.io/part-of");
              work.getMetadata().getLabels().put("tier", "gold");
              return work;
            });
    var expected = transportLabels("shop-bp");
    expected.put("tier", "gold");

    eventually(
        "labels follow the ManifestWork",
        () -> {
          assertThat(
                  env.workStatusFor(CLUSTER, "Deployment", "shop", "web").getMetadata().getLabels())
              .isEqualTo(expected);
          assertThat(env.workStatusFor(CLUSTER, "Namespace", "", "shop").getMetadata().getLabels())
              .isEqualTo(expected);
        });
  }

  @Test
  @Order(4)
  void aKindWhoseCrdArrivesAfterTheAgentStartedIsFollowed() {
    var crd =
        Map.<String, Object>of(
            "apiVersion",
            "apiextensions.k8s.io/v1",
            "kind",
            "CustomResourceDefinition",
            "metadata",
            Map.of("name", "widgets.example.com"),
            "spec",
            Map.of(
                "group",
                "example.com",
                "scope",
                "Namespaced",
                "names",
                Map.of("plural", "widgets", "singular", "widget", "kind", "Widget"),
                "versions",
                List.of(
                    Map.of(
                        "name",
                        "v1",
                        "served",
                        true,
                        "storage",
                        true,
                        "schema",
                        Map.of(
                            "openAPIV3Schema",
                            Map.of(
                                "type",
                                "object",
                                "x-kubernetes-preserve-unknown-fields",
                                true))))));
    var widget =
        Map.<String, Object>of(
            "apiVersion",
            "example.com/v1",
            "kind",
            "Widget",
            "metadata",
            Map.of("name", "blue", "namespace", "shop"),
            "spec",
            Map.of("color", "blue"));
    env.deliver("widgets", CLUSTER, transportLabels("widgets-bp"), List.of(crd, widget));

    eventually(
        "WorkStatuses for the CRD and for the Widget",
        () -> {
          var crdStatus =
              env.workStatusFor(CLUSTER, "CustomResourceDefinition", "", "widgets.example.com");
          assertThat(crdStatus).isNotNull();
          assertThat(crdStatus.getStatus()).isNotNull();
          assertThat(crdStatus.getStatus().asMap()).containsKey("acceptedNames");
          var widgetStatus = env.workStatusFor(CLUSTER, "Widget", "shop", "blue");
          assertThat(widgetStatus).as("the Widget's WorkStatus").isNotNull();
          assertThat(widgetStatus.getSpec().sourceRef().resource()).isEqualTo("widgets");
          assertThat(widgetStatus.getStatus())
              .as("a Widget has no .status, so neither has its WorkStatus")
              .isNull();
        });
  }

  @Test
  @Order(5)
  void sameNamedObjectsInTwoNamespacesEachGetTheirOwnWorkStatus() {
    env.deliver(
        "twins",
        CLUSTER,
        transportLabels("twins-bp"),
        List.of(
            namespace("twin-a"),
            namespace("twin-b"),
            deployment("twin-a", "app", 1),
            deployment("twin-b", "app", 2)));

    eventually(
        "each twin reports its own replicas",
        () -> {
          var a = env.workStatusFor(CLUSTER, "Deployment", "twin-a", "app");
          var b = env.workStatusFor(CLUSTER, "Deployment", "twin-b", "app");
          assertThat(a).isNotNull();
          assertThat(b).isNotNull();
          assertThat(a.getMetadata().getName()).endsWith("-appsv1-deployment-twin-a-app");
          assertThat(b.getMetadata().getName()).endsWith("-appsv1-deployment-twin-b-app");
          assertThat(env.reportedStatus(CLUSTER, "Deployment", "twin-a", "app"))
              .containsEntry("availableReplicas", 1);
          assertThat(env.reportedStatus(CLUSTER, "Deployment", "twin-b", "app"))
              .containsEntry("availableReplicas", 2);
        });
    awaitDeploymentMirrored("twin-a", "app");
    awaitDeploymentMirrored("twin-b", "app");
  }

  @Test
  @Order(6)
  void aManifestWorkWithoutKubeStellarLabelsGetsNoWorkStatus() {
    env.deliver("foreign", CLUSTER, Map.of("team", "other"), List.of(namespace("foreign")));
    await("the work agent applied it")
        .atMost(TIMEOUT)
        .until(() -> env.env.client(CLUSTER).namespaces().withName("foreign").get() != null);

    await("no WorkStatus for the foreign namespace")
        .during(Duration.ofSeconds(3))
        .atMost(TIMEOUT)
        .until(() -> env.workStatusFor(CLUSTER, "Namespace", "", "foreign") == null);
  }

  @Test
  @Order(7)
  void resyncsOfAnIdleAgentWriteNothing() {
    eventually(
        "every Deployment settled",
        () -> {
          assertStatusMirrored("apps/v1", "Deployment", "shop", "web");
          assertStatusMirrored("apps/v1", "Deployment", "twin-a", "app");
          assertStatusMirrored("apps/v1", "Deployment", "twin-b", "app");
        });
    var before = resourceVersions();
    double writesBefore = writes();
    double reconcilesBefore = agent.metric("kubestellar_status_addon_reconciles_total");

    await("several resyncs (one per second) later, nothing was written")
        .during(Duration.ofSeconds(6))
        .atMost(TIMEOUT)
        .until(() -> resourceVersions().equals(before) && writes() == writesBefore);

    assertThat(agent.metric("kubestellar_status_addon_reconciles_total") - reconcilesBefore)
        .as("resyncs reconciled every object several times")
        .isGreaterThanOrEqualTo(3.0 * before.size());
  }

  @Test
  @Order(8)
  void anObjectLeavingItsManifestWorkLosesItsWorkStatusAndDeletingTheWorkRemovesTheRest() {
    env.deliver(
        "twins",
        CLUSTER,
        transportLabels("twins-bp"),
        List.of(namespace("twin-a"), namespace("twin-b"), deployment("twin-a", "app", 1)));

    eventually(
        "twin-b's Deployment left, and so did its WorkStatus",
        () -> {
          assertThat(env.wecStatus(CLUSTER, "apps/v1", "Deployment", "twin-b", "app")).isNull();
          assertThat(env.workStatusFor(CLUSTER, "Deployment", "twin-b", "app")).isNull();
        });
    assertThat(env.workStatusFor(CLUSTER, "Deployment", "twin-a", "app")).isNotNull();

    env.manifestWorks(CLUSTER).withName("twins").delete();
    await("every twins WorkStatus gone")
        .atMost(TIMEOUT)
        .until(
            () ->
                env.workStatuses(CLUSTER).stream()
                    .noneMatch(
                        ws ->
                            ws.getSpec().sourceRef().name().startsWith("twin")
                                || ws.getSpec().sourceRef().namespace().startsWith("twin")));
  }

  @Test
  @Order(9)
  void metricsReportWritesQueueDepthAndChangeToWriteLatency() {
    var metrics = StatusAddonEnvironment.get(agent.port(), "/metrics").body();
    assertThat(metrics)
        .contains("kubestellar_status_addon_workstatus_writes_total{operation=\"create\"}")
        .contains("kubestellar_status_addon_workstatus_writes_total{operation=\"update_status\"}")
        .contains("kubestellar_status_addon_queue_depth")
        .contains("kubestellar_status_addon_change_to_write_seconds_bucket{le=\"0.05\"}")
        .contains("kubestellar_status_addon_watched_resources");
    assertThat(agent.metric("kubestellar_status_addon_change_to_write_seconds_count"))
        .isGreaterThan(0);
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Waits until the WorkStatus of a Deployment mirrors the WEC Deployment's status. */
  private static void awaitDeploymentMirrored(String namespace, String name) {
    eventually(
        namespace + "/" + name + " mirrored",
        () -> assertStatusMirrored("apps/v1", "Deployment", namespace, name));
  }

  private static void assertStatusMirrored(
      String apiVersion, String kind, String namespace, String name) {
    var wecStatus = env.wecStatus(CLUSTER, apiVersion, kind, namespace, name);
    var ws = env.workStatusFor(CLUSTER, kind, namespace, name);
    assertThat(ws).isNotNull();
    assertThat(ws.getStatus()).isNotNull();
    assertThat(JsonValues.equal(ws.getStatus().asMap(), wecStatus))
        .as(
            "WorkStatus %s status %s equals WEC status %s",
            ws.getMetadata().getName(), ws.getStatus(), wecStatus)
        .isTrue();
  }

  private static Map<String, String> resourceVersions() {
    var versions = new HashMap<String, String>();
    for (WorkStatus ws : env.workStatuses(CLUSTER)) {
      versions.put(ws.getMetadata().getName(), ws.getMetadata().getResourceVersion());
    }
    return versions;
  }

  private static double writes() {
    return agent.metric("kubestellar_status_addon_workstatus_writes_total");
  }
}
