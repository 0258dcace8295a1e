/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.status;

import static io.kubestellar.e2e.status.StatusPipeline.TIMEOUT;
import static io.kubestellar.e2e.status.StatusPipeline.cell;
import static io.kubestellar.e2e.status.StatusPipeline.eventually;
import static io.kubestellar.e2e.status.StatusPipeline.names;
import static io.kubestellar.e2e.status.StatusPipeline.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.kubestellar.api.control.v1alpha1.RowError;
import io.kubestellar.api.control.v1alpha1.WorkStatus;
import io.kubestellar.localenv.LocalEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Status return end to end: a user binds Deployments with BindingPolicies; the real OCM work agent
 * runs them in the WECs (kwok makes pods Ready); the status agents report; the controller-manager
 * brings status back into the WDS objects and CombinedStatus objects.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusReturnIT {

  /** The acceptance figure for the first singleton status. */
  private static final Duration SINGLETON_WITHIN = Duration.ofSeconds(30);

  private static final String SINGLETON = "managed-by.kubestellar.io/singletonstatus";
  private static final String MULTI = "managed-by.kubestellar.io/multiwecstatus";
  private static final Map<String, String> EDGE = Map.of("location-group", "edge");

  @AutoClose private static StatusPipeline pipeline;

  @BeforeAll
  static void start() {
    pipeline = StatusPipeline.start("status-return-it");
  }

  @Test
  @Order(1)
  void singletonStatusFollowsTheWecAndIsClearedWhenTheObjectLeavesIt() {
    pipeline.deployment("single", "web", 2);
    singletonPolicy(Map.of("name", "cluster1"));

    await("availableReplicas from cluster1 in the WDS")
        .atMost(SINGLETON_WITHIN)
        .until(() -> available("single", "web") == 2);
    assertThat(pipeline.getDeployment("single", "web").getMetadata().getLabels())
        .containsEntry(SINGLETON, "true")
        .containsEntry("kubestellar.io/executing-count", "1");

    pipeline.scale("single", "web", 3);
    await("scaling in the WDS is reflected")
        .atMost(TIMEOUT)
        .until(() -> available("single", "web") == 3);

    singletonPolicy(Map.of("name", "no-such-cluster"));
    eventually(
        "status cleared once the object left cluster1",
        () -> {
          var d = pipeline.getDeployment("single", "web");
          assertThat(d.getStatus() == null || d.getStatus().getAvailableReplicas() == null)
              .isTrue();
          assertThat(d.getMetadata().getLabels()).doesNotContainKey(SINGLETON);
        });

    singletonPolicy(EDGE);
    await("two WECs: the count says why there is no singleton status")
        .atMost(TIMEOUT)
        .until(
            () ->
                "2"
                    .equals(
                        pipeline
                            .getDeployment("single", "web")
                            .getMetadata()
                            .getLabels()
                            .get("kubestellar.io/executing-count")));
    assertThat(pipeline.getDeployment("single", "web").getMetadata().getLabels())
        .doesNotContainKey(SINGLETON);
    assertThat(available("single", "web")).isZero();
  }

  @Test
  @Order(2)
  void multiWecStatusShowsTheWorstWec() {
    pipeline.deployment("multi", "web", 2);
    pipeline.policy("multi", EDGE, "multi", "web", Map.of("wantMultiWECReportedState", true));
    eventually(
        "healthy in both WECs",
        () -> {
          var d = pipeline.getDeployment("multi", "web");
          assertThat(d.getMetadata().getLabels()).containsEntry(MULTI, "true");
          assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
        });

    var wec = pipeline.env.client("cluster2");
    wec.nodes().withName(LocalEnvironment.nodeName("cluster2")).delete();
    try {
      eventually(
          "cluster2 unhealthy: the WDS reads as the worst WEC",
          () -> {
            var s = pipeline.getDeployment("multi", "web").getStatus();
            assertThat(Optional.ofNullable(s.getAvailableReplicas()).orElse(0)).isZero();
            assertThat(s.getConditions())
                .filteredOn(c -> c.getType().equals("Available"))
                .singleElement()
                .satisfies(
                    c -> {
                      assertThat(c.getStatus()).isEqualTo("False");
                      assertThat(c.getMessage()).startsWith("cluster2");
                    });
          });
    } finally {
      pipeline.env.restoreFakeNode("cluster2");
    }
    await("recovered").atMost(TIMEOUT).until(() -> available("multi", "web") == 2);
  }

  @Test
  @Order(3)
  void collectorsProduceTheirRowsAndErrorsStayContained() {
    var deployment = pipeline.deployment("cs", "nginx", 2);
    pipeline.collector(
        "full-status",
        Map.of(
            "select",
            List.of(
                Map.of("name", "wec", "def", "inventory.name"),
                Map.of("name", "status", "def", "returned.status")),
            "limit",
            20));
    pipeline.collector(
        "sum-available",
        Map.of(
            "combinedFields",
            List.of(
                Map.of(
                    "name",
                    "available",
                    "type",
                    "SUM",
                    "subject",
                    "returned.status.availableReplicas")),
            "limit",
            20));
    pipeline.collector(
        "count-wecs",
        Map.of("combinedFields", List.of(Map.of("name", "wecs", "type", "COUNT")), "limit", 20));
    pipeline.collector(
        "by-ready",
        Map.of(
            "groupBy",
            List.of(Map.of("name", "ready", "def", "returned.status.readyReplicas")),
            "combinedFields",
            List.of(Map.of("name", "wecs", "type", "COUNT")),
            "limit",
            20));
    pipeline.collector(
        "lagging",
        Map.of(
            "filter",
            "obj.spec.replicas != returned.status.availableReplicas",
            "select",
            List.of(Map.of("name", "wec", "def", "inventory.name")),
            "limit",
            20));
    pipeline.collector(
        "bad-parse",
        Map.of("select", List.of(Map.of("name", "x", "def", "returned.status.(")), "limit", 20));
    pipeline.collector(
        "row-error",
        Map.of(
            "combinedFields",
            List.of(Map.of("name", "n", "type", "SUM", "subject", "returned.status.noSuchField")),
            "limit",
            20));
    var policy =
        pipeline.policy(
            "cs",
            EDGE,
            "cs",
            "nginx",
            Map.of(
                "statusCollectors",
                List.of(
                    "full-status",
                    "sum-available",
                    "count-wecs",
                    "by-ready",
                    "lagging",
                    "bad-parse",
                    "row-error",
                    "late")));
    var name = deployment.getMetadata().getUid() + "." + policy.getMetadata().getUid();

    eventually(
        "CombinedStatus rows for both WECs",
        () -> {
          var cs = pipeline.combinedStatus("cs", "nginx", "cs");
          assertThat(cs).isNotNull();
          assertThat(cs.getMetadata().getName()).isEqualTo(name);
          assertThat(names(cs))
              .containsExactly(
                  "by-ready", "count-wecs", "full-status", "lagging", "row-error", "sum-available");
          var full = result(cs, "full-status");
          assertThat(full.rows()).hasSize(2);
          assertThat(cell(full, 0, 0)).isEqualTo("cluster1");
          assertThat(cell(full, 1, 0)).isEqualTo("cluster2");
          assertThat(
                  ((Map<?, ?>) full.rows().get(0).columns().get(1).object())
                      .get("availableReplicas"))
              .isEqualTo(2);
          assertThat(cell(result(cs, "sum-available"), 0, 0)).isEqualTo("4");
          assertThat(cell(result(cs, "count-wecs"), 0, 0)).isEqualTo("2");
          var byReady = result(cs, "by-ready");
          assertThat(byReady.rows()).hasSize(1);
          assertThat(byReady.rows().get(0).columns().stream().map(StatusPipeline::text))
              .containsExactly("2", "2");
          assertThat(result(cs, "lagging").rows()).isNullOrEmpty();
          var rowError = result(cs, "row-error");
          assertThat(rowError.rows()).isNullOrEmpty();
          assertThat(rowError.rowErrors())
              .extracting(e -> e.wec().clusterId(), RowError::columnName)
              .containsExactly(tuple("cluster1", "n"), tuple("cluster2", "n"));
          assertThat(rowError.rowErrors())
              .allSatisfy(e -> assertThat(e.error()).contains("noSuchField"));
        });
    eventually(
        "the parse error is reported on its StatusCollector",
        () -> {
          var status = (Map<?, ?>) pipeline.getCollector("bad-parse").get("status");
          assertThat(status).isNotNull();
          assertThat((List<?>) status.get("errors"))
              .singleElement()
              .asString()
              .startsWith("select expression (x) invalid");
        });

    pipeline.collector(
        "late",
        Map.of("combinedFields", List.of(Map.of("name", "wecs", "type", "COUNT")), "limit", 20));
    eventually(
        "a late-created collector fills in",
        () ->
            assertThat(cell(result(pipeline.combinedStatus("cs", "nginx", "cs"), "late"), 0, 0))
                .isEqualTo("2"));
  }

  @Test
  @Order(4)
  void killingTheAgentAndTheControllerManagerConvergesWithoutRecreating() {
    var cs = pipeline.combinedStatus("cs", "nginx", "cs");
    assertThat(cs).as("needs the previous story's CombinedStatus").isNotNull();
    var csUid = cs.getMetadata().getUid();
    var workStatusUids = workStatusUids();
    assertThat(workStatusUids).isNotEmpty();

    pipeline.killAndRestart("status-addon-cluster1");
    pipeline.killAndRestart("controller-manager");
    pipeline.awaitReady();
    pipeline.scale("cs", "nginx", 3);

    eventually(
        "converged after the restarts",
        () -> {
          var now = pipeline.combinedStatus("cs", "nginx", "cs");
          assertThat(cell(result(now, "sum-available"), 0, 0)).isEqualTo("6");
          assertThat(now.getMetadata().getUid()).isEqualTo(csUid);
        });
    assertThat(workStatusUids()).containsAllEntriesOf(workStatusUids);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static int available(String namespace, String name) {
    var d = pipeline.getDeployment(namespace, name);
    return d.getStatus() == null || d.getStatus().getAvailableReplicas() == null
        ? 0
        : d.getStatus().getAvailableReplicas();
  }

  private static Map<String, String> workStatusUids() {
    return pipeline.its.resources(WorkStatus.class).inAnyNamespace().list().getItems().stream()
        .filter(ws -> "nginx".equals(ws.getSpec().sourceRef().name()))
        .collect(
            Collectors.toMap(
                ws -> ws.getMetadata().getNamespace() + "/" + ws.getMetadata().getName(),
                ws -> ws.getMetadata().getUid()));
  }

  /** Policy "single" for single/web with singleton status, to the clusters the selector picks. */
  private static void singletonPolicy(Map<String, String> clusterSelector) {
    pipeline.policy(
        "single", clusterSelector, "single", "web", Map.of("wantSingletonReportedState", true));
  }
}
