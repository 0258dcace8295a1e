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

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.kubestellar.api.WireNames;
import io.kubestellar.api.control.v1alpha1.Drift;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Drift (D16), against the real OCM work agent applying with the ServerSideApply strategy: a user
 * scales a delivered Deployment directly in cluster1, the agent reports it on the WorkStatus
 * (field, desired and actual value, who set it), asks the work agent to re-apply, and the copy is
 * back to the delivered replicas with the report gone well within a minute, instead of the work
 * agent's 5-minute resync. The same edit of a CreateOnly object is expected and never reported.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DriftRepairIT {

  private static final String CLUSTER = "cluster1";
  private static final String NS = "drift";
  private static final Duration REPAIRED_WITHIN = Duration.ofSeconds(60);
  @AutoClose private static StatusAddonEnvironment env;
  private static InProcessAgent agent;

  @BeforeAll
  static void start() {
    env = new StatusAddonEnvironment("drift-repair-it");
    agent = env.startAgent(CLUSTER);
    assertThat(agent.exit()).as("agent running").isNotDone();

    // As the transport renders works (D16): server-side apply for every object, a per-object
    // CreateOnly entry first for the one bound with createOnly.
    var ssa =
        Map.of(
            "type",
            "ServerSideApply",
            "serverSideApply",
            Map.of("fieldManager", WireNames.APPLY_FIELD_MANAGER, "force", true));
    var work =
        new GenericKubernetesResourceBuilder()
            .withApiVersion("work.open-cluster-management.io/v1")
            .withKind("ManifestWork")
            .withNewMetadata()
            .withName("drift")
            .withNamespace(CLUSTER)
            .withLabels(transportLabels("drift-bp"))
            .endMetadata()
            .withAdditionalProperties(
                Map.of(
                    "spec",
                    Map.of(
                        "workload",
                        Map.of(
                            "manifests",
                            List.of(
                                namespace(NS),
                                deployment(NS, "web", 1),
                                deployment(NS, "seed", 1))),
                        "manifestConfigs",
                        List.of(
                            config("apps", "deployments", NS, "seed", Map.of("type", "CreateOnly")),
                            config("apps", "deployments", "*", "*", ssa),
                            config("", "namespaces", "*", "*", ssa)))))
            .build();
    env.manifestWorks(CLUSTER).resource(work).create();

    eventually(
        "both Deployments delivered and reported, without drift",
        () -> {
          for (var name : List.of("web", "seed")) {
            var ws = env.workStatusFor(CLUSTER, "Deployment", NS, name);
            assertThat(ws).as("WorkStatus of %s", name).isNotNull();
            assertThat(env.reportedStatus(CLUSTER, "Deployment", NS, name))
                .containsEntry("availableReplicas", 1);
            assertThat(ws.getDrift()).as("drift of %s", name).isNull();
          }
        });
  }

  @Test
  @Order(1)
  void aDeploymentScaledInTheWecIsReportedAsDriftAndScaledBackWithinAMinute() {
    scale("web", 3);

    var drift =
        await("the WorkStatus reports spec.replicas as drift")
            .atMost(TIMEOUT)
            .until(() -> driftOf("web"), d -> d != null);
    assertThat(drift.fields())
        .anySatisfy(
            field -> {
              assertThat(field.path()).isEqualTo("spec.replicas");
              assertThat(field.desired()).isEqualTo("1");
              assertThat(field.actual()).isEqualTo("3");
              assertThat(field.managers()).containsExactly("kubectl");
            });
    assertThat(drift.detectedTime()).isNotBlank();
    assertThat(env.workStatusFor(CLUSTER, "Deployment", NS, "web").getMetadata().getLabels())
        .as("labelled for the transport while drifted")
        .containsEntry(WireNames.DRIFTED_LABEL, "true");
    assertThat(drift.message()).startsWith("spec.replicas is 3, desired 1 (set by kubectl); ");

    await("the Deployment is back to 1 replica and the drift report is gone")
        .atMost(REPAIRED_WITHIN)
        .untilAsserted(
            () -> {
              assertThat(replicas("web")).isEqualTo(1);
              assertThat(driftOf("web")).isNull();
              assertThat(
                      env.workStatusFor(CLUSTER, "Deployment", NS, "web").getMetadata().getLabels())
                  .doesNotContainKey(WireNames.DRIFTED_LABEL);
            });
    assertThat(env.appliedManifestWork(CLUSTER, "drift").getMetadata().getAnnotations())
        .as("the repair request on the AppliedManifestWork")
        .containsKey(WireNames.REAPPLY_REQUESTED_ANNOTATION);
    assertThat(agent.metric("kubestellar_status_addon_drift_reports_total")).isGreaterThan(0);
    assertThat(agent.metric("kubestellar_status_addon_drift_repair_requests_total"))
        .isGreaterThan(0);
    assertThat(agent.metric("kubestellar_status_addon_drifted_objects")).isZero();
  }

  @Test
  @Order(2)
  void theSameEditOfACreateOnlyObjectIsNotReported() {
    scale("seed", 3);

    eventually(
        "the agent has seen the edit: the WorkStatus reports 3 replicas",
        () ->
            assertThat(env.reportedStatus(CLUSTER, "Deployment", NS, "seed"))
                .containsEntry("replicas", 3));
    // Longer than the report's settling and the repair delay: nothing is reported, nothing is
    // repaired.
    await("no drift on the CreateOnly Deployment, which keeps its 3 replicas")
        .during(Duration.ofSeconds(10))
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(driftOf("seed")).isNull();
              assertThat(replicas("seed")).isEqualTo(3);
            });
  }

  // ---- helpers ------------------------------------------------------------------------------

  private static Map<String, Object> config(
      String group, String resource, String namespace, String name, Map<String, Object> strategy) {
    return Map.of(
        "resourceIdentifier",
        Map.of("group", group, "resource", resource, "namespace", namespace, "name", name),
        "updateStrategy",
        strategy);
  }

  /**
   * What {@code kubectl scale} does: a patch of the scale subresource, as field manager kubectl.
   */
  private static void scale(String name, int replicas) {
    env.env
        .client(CLUSTER)
        .genericKubernetesResources("apps/v1", "Deployment")
        .inNamespace(NS)
        .withName(name)
        .subresource("scale")
        .patch(
            new PatchContext.Builder()
                .withPatchType(PatchType.JSON_MERGE)
                .withFieldManager("kubectl")
                .build(),
            "{\"spec\":{\"replicas\":" + replicas + "}}");
  }

  private static Drift driftOf(String name) {
    var ws = env.workStatusFor(CLUSTER, "Deployment", NS, name);
    return ws == null ? null : ws.getDrift();
  }

  private static int replicas(String name) {
    return env.env
        .client(CLUSTER)
        .apps()
        .deployments()
        .inNamespace(NS)
        .withName(name)
        .get()
        .getSpec()
        .getReplicas();
  }
}
