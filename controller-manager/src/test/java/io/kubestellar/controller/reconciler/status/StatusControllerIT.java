/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.status;

import static io.kubestellar.localenv.StatusInputs.deploymentStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.api.control.v1alpha1.AggregatorType;
import io.kubestellar.api.control.v1alpha1.CombinedStatus;
import io.kubestellar.api.control.v1alpha1.NamedAggregator;
import io.kubestellar.api.control.v1alpha1.NamedExpression;
import io.kubestellar.api.control.v1alpha1.NamedStatusCombination;
import io.kubestellar.api.control.v1alpha1.StatusCollector;
import io.kubestellar.api.control.v1alpha1.StatusCollectorSpec;
import io.kubestellar.api.control.v1alpha1.Value;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.StatusInputs;
import io.kubestellar.localenv.StatusInputs.Entry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The status controller, in-process, against a real WDS and ITS. The tests write its inputs the way
 * the binding controller and the status agent would (Bindings, WorkStatuses) and check what a user
 * sees in the WDS: the Deployment's status and labels, CombinedStatus objects, StatusCollector
 * status.
 */
class StatusControllerIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String SINGLETON = "managed-by.kubestellar.io/singletonstatus";
  private static final String MULTI = "managed-by.kubestellar.io/multiwecstatus";
  private static final String EXECUTING_COUNT = "kubestellar.io/executing-count";

  private static LocalEnvironment env;
  private static KubernetesClient wds;
  private static StatusInputs inputs;
  private static StatusController controller;
  private static SimpleMeterRegistry registry;

  @BeforeAll
  static void start() {
    env = StatusInputs.startSpaces("status-controller-it");
    wds = env.client("wds1");
    inputs = new StatusInputs(wds, env.client("its1"));
    controller = startController();
  }

  private static StatusController startController() {
    registry = new SimpleMeterRegistry();
    var started =
        new StatusController(
            env.newClient("wds1"),
            env.newClient("its1"),
            "wds1",
            Clock.systemUTC(),
            registry,
            StatusControllerOptions.defaults());
    started.start();
    await("status controller ready").atMost(TIMEOUT).until(started::isReady);
    return started;
  }

  @AfterAll
  static void stop() {
    if (controller != null) {
      controller.stop();
    }
    if (env != null) {
      env.close();
    }
  }

  @Test
  void singletonStatusFollowsTheOneWecAndIsClearedWhenASecondWecIsAdded() {
    inputs.deployment("single", "web", 3);
    var uid = inputs.policy("single-bp");
    var entry = new Entry("single", "web", List.of(), true, false);
    inputs.binding("single-bp", uid, List.of("cluster1"), List.of(entry));
    inputs.report("cluster1", "single-bp", "single", "web", deploymentStatus(3, 2, "True"));

    await("cluster1's status in the WDS")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var d = deployment("single", "web");
              assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(2);
              assertThat(d.getMetadata().getLabels())
                  .containsEntry(SINGLETON, "true")
                  .containsEntry(EXECUTING_COUNT, "1")
                  .doesNotContainKey(MULTI);
            });

    inputs.report("cluster1", "single-bp", "single", "web", deploymentStatus(3, 3, "True"));
    await("the WEC's new status in the WDS")
        .atMost(TIMEOUT)
        .until(() -> deployment("single", "web").getStatus().getAvailableReplicas() == 3);

    inputs.binding("single-bp", uid, List.of("cluster1", "cluster2"), List.of(entry));
    await("status cleared and marker removed with two WECs")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var d = deployment("single", "web");
              assertThat(d.getStatus() == null || d.getStatus().getAvailableReplicas() == null)
                  .isTrue();
              assertThat(d.getMetadata().getLabels())
                  .doesNotContainKey(SINGLETON)
                  .containsEntry(EXECUTING_COUNT, "2");
            });
  }

  @Test
  void sameNamedObjectsInTwoNamespacesEachGetTheirOwnStatus() {
    inputs.deployment("ns-a", "twin", 1);
    inputs.deployment("ns-b", "twin", 1);
    var uid = inputs.policy("twins-bp");
    inputs.binding(
        "twins-bp",
        uid,
        List.of("cluster1"),
        List.of(
            new Entry("ns-a", "twin", List.of(), true, false),
            new Entry("ns-b", "twin", List.of(), true, false)));
    inputs.report("cluster1", "twins-bp", "ns-a", "twin", deploymentStatus(1, 1, "True"));
    inputs.report("cluster1", "twins-bp", "ns-b", "twin", deploymentStatus(3, 2, "False"));

    await("D13: each namespace's object has its own WEC status")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              assertThat(deployment("ns-a", "twin").getStatus().getAvailableReplicas())
                  .isEqualTo(1);
              assertThat(deployment("ns-b", "twin").getStatus().getAvailableReplicas())
                  .isEqualTo(2);
            });
  }

  @Test
  void multiWecStatusReadsAsTheWorstWec() {
    inputs.deployment("multi", "web", 3);
    var uid = inputs.policy("multi-bp");
    inputs.binding(
        "multi-bp",
        uid,
        List.of("cluster1", "cluster2"),
        List.of(new Entry("multi", "web", List.of(), false, true)));
    inputs.report("cluster1", "multi-bp", "multi", "web", deploymentStatus(3, 3, "True"));
    inputs.report("cluster2", "multi-bp", "multi", "web", deploymentStatus(3, 1, "False"));

    await("D10 aggregate in the WDS")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var d = deployment("multi", "web");
              assertThat(d.getMetadata().getLabels())
                  .containsEntry(MULTI, "true")
                  .doesNotContainKey(SINGLETON);
              var s = d.getStatus();
              assertThat(s.getReplicas()).isEqualTo(3);
              assertThat(s.getAvailableReplicas()).isEqualTo(1);
              assertThat(s.getReadyReplicas()).isEqualTo(1);
              assertThat(s.getUnavailableReplicas()).isEqualTo(2);
              assertThat(s.getConditions())
                  .singleElement()
                  .satisfies(
                      c -> {
                        assertThat(c.getType()).isEqualTo("Available");
                        assertThat(c.getStatus()).isEqualTo("False");
                        assertThat(c.getMessage()).startsWith("cluster2");
                      });
            });

    inputs.report("cluster2", "multi-bp", "multi", "web", deploymentStatus(3, 3, "True"));
    await("healthy everywhere once cluster2 recovers")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var s = deployment("multi", "web").getStatus();
              assertThat(s.getAvailableReplicas()).isEqualTo(3);
              assertThat(s.getUnavailableReplicas()).isNull();
              assertThat(s.getConditions().get(0).getStatus()).isEqualTo("True");
            });
  }

  @Test
  void collectorsProduceTheWorkedExamplesAndALateCollectorFillsIn() {
    var deployment = inputs.deployment("demo", "nginx", 3);
    collector("replica-summary", replicaSummary());
    collector("lagging-wecs", laggingWecs());
    collector("by-availability", byAvailability());
    collector("unavailable-sum", unavailableSum());
    var uid = inputs.policy("nginx-bp");
    inputs.binding(
        "nginx-bp",
        uid,
        List.of("cluster1", "cluster2"),
        List.of(
            new Entry(
                "demo",
                "nginx",
                List.of(
                    "by-availability",
                    "full-status",
                    "lagging-wecs",
                    "replica-summary",
                    "unavailable-sum"),
                false,
                false)));
    inputs.report("cluster1", "nginx-bp", "demo", "nginx", deploymentStatus(3, 3, "True"));
    inputs.report("cluster2", "nginx-bp", "demo", "nginx", deploymentStatus(3, 1, "False"));
    var name = deployment.getMetadata().getUid() + "." + uid;

    await("CombinedStatus with the §7 results")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var cs = combinedStatus("demo", name);
              assertThat(cs).isNotNull();
              assertThat(cs.getMetadata().getLabels())
                  .containsExactlyInAnyOrderEntriesOf(
                      Map.of(
                          "status.kubestellar.io/api-group", "apps",
                          "status.kubestellar.io/resource", "deployments",
                          "status.kubestellar.io/namespace", "demo",
                          "status.kubestellar.io/name", "nginx",
                          "status.kubestellar.io/binding-policy", "nginx-bp"));
              assertThat(cs.getMetadata().getOwnerReferences())
                  .singleElement()
                  .satisfies(
                      o -> {
                        assertThat(o.getKind()).isEqualTo("Deployment");
                        assertThat(o.getUid()).isEqualTo(deployment.getMetadata().getUid());
                        assertThat(o.getController()).isNull();
                      });
              assertThat(cs.getResults())
                  .extracting(NamedStatusCombination::name)
                  .containsExactly(
                      "by-availability", "lagging-wecs", "replica-summary", "unavailable-sum");
              assertThat(cells(result(cs, "replica-summary"), 0))
                  .containsExactly("2", "4", "1", "3", "2");
              var lagging = result(cs, "lagging-wecs");
              assertThat(lagging.rows()).hasSize(1);
              assertThat(cells(lagging, 0).subList(0, 2)).containsExactly("cluster2", "1");
              var histogram = result(cs, "by-availability");
              assertThat(histogram.rows()).hasSize(2);
              assertThat(cells(histogram, 0)).containsExactly("false", "1", "1");
              assertThat(cells(histogram, 1)).containsExactly("true", "1", "3");
              var sum = result(cs, "unavailable-sum");
              assertThat(cells(sum, 0)).containsExactly("1", "2");
              assertThat(sum.rowErrors())
                  .singleElement()
                  .satisfies(
                      e -> {
                        assertThat(e.wec().clusterId()).isEqualTo("cluster1");
                        assertThat(e.columnName()).isEqualTo("unavailable");
                        assertThat(e.error()).contains("no such key: unavailableReplicas");
                      });
            });

    collector(
        "full-status",
        new StatusCollectorSpec(
            null,
            null,
            null,
            List.of(
                new NamedExpression("wec", "inventory.name"),
                new NamedExpression("status", "returned.status")),
            null));
    await("the late collector fills in")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var full = result(combinedStatus("demo", name), "full-status");
              assertThat(full.rows()).hasSize(2);
              assertThat(cells(full, 0).get(0)).isEqualTo("cluster1");
              var status = full.rows().get(1).columns().get(1);
              assertThat(status.type().name()).isEqualTo("OBJECT");
              assertThat(((Map<?, ?>) status.object()).get("availableReplicas")).isEqualTo(1);
            });

    wds.apps()
        .deployments()
        .inNamespace("demo")
        .withName("nginx")
        .edit(
            d ->
                new io.fabric8.kubernetes.api.model.apps.DeploymentBuilder(d)
                    .editSpec()
                    .withReplicas(1)
                    .endSpec()
                    .build());
    await("D12: a change of obj alone re-evaluates (now cluster1 lags, cluster2 does not)")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var lagging = result(combinedStatus("demo", name), "lagging-wecs");
              assertThat(lagging.rows()).hasSize(1);
              assertThat(cells(lagging, 0).get(0)).isEqualTo("cluster1");
            });
  }

  @Test
  void anUnparseableCollectorIsReportedAndOthersKeepWorking() {
    var deployment = inputs.deployment("broken", "web", 2);
    collector(
        "bad-cel",
        new StatusCollectorSpec(
            null,
            null,
            List.of(new NamedAggregator("n", AggregatorType.SUM, "returned.status.(")),
            null,
            null));
    collector("count-wecs", countWecs());
    var uid = inputs.policy("broken-bp");
    inputs.binding(
        "broken-bp",
        uid,
        List.of("cluster1"),
        List.of(new Entry("broken", "web", List.of("bad-cel", "count-wecs"), false, false)));
    inputs.report("cluster1", "broken-bp", "broken", "web", deploymentStatus(2, 2, "True"));

    await("the parse error is on the StatusCollector")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var sc = wds.resources(StatusCollector.class).withName("bad-cel").get();
              assertThat(sc.getStatus()).isNotNull();
              assertThat(sc.getStatus().errors())
                  .singleElement()
                  .asString()
                  .startsWith("combinedField expression (n) subject invalid: ");
              assertThat(sc.getStatus().observedGeneration())
                  .isEqualTo(sc.getMetadata().getGeneration());
            });
    var name = deployment.getMetadata().getUid() + "." + uid;
    await("the valid collector still has its result, the invalid one none")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var cs = combinedStatus("broken", name);
              assertThat(cs.getResults())
                  .extracting(NamedStatusCombination::name)
                  .containsExactly("count-wecs");
              assertThat(cells(result(cs, "count-wecs"), 0)).containsExactly("1");
            });

    collector(
        "bad-cel",
        new StatusCollectorSpec(
            null,
            null,
            List.of(new NamedAggregator("n", AggregatorType.SUM, "returned.status.replicas")),
            null,
            null));
    await("fixed collector: errors cleared and its result appears")
        .atMost(TIMEOUT)
        .untilAsserted(
            () -> {
              var sc = wds.resources(StatusCollector.class).withName("bad-cel").get();
              assertThat(sc.getStatus().errors()).isNullOrEmpty();
              assertThat(cells(result(combinedStatus("broken", name), "bad-cel"), 0))
                  .containsExactly("2");
            });
  }

  @Test
  void aRestartRewritesNothingThatIsAlreadyCorrect() {
    var deployment = inputs.deployment("restart", "web", 2);
    collector("count-restart", countWecs());
    var uid = inputs.policy("restart-bp");
    inputs.binding(
        "restart-bp",
        uid,
        List.of("cluster1"),
        List.of(new Entry("restart", "web", List.of("count-restart"), true, false)));
    inputs.report("cluster1", "restart-bp", "restart", "web", deploymentStatus(2, 2, "True"));
    var name = deployment.getMetadata().getUid() + "." + uid;
    await("status and CombinedStatus written")
        .atMost(TIMEOUT)
        .until(
            () ->
                combinedStatus("restart", name) != null
                    && deployment("restart", "web").getStatus().getAvailableReplicas() != null);
    await("settled").pollDelay(Duration.ofSeconds(1)).atMost(TIMEOUT).until(() -> true);
    var csBefore = combinedStatus("restart", name).getMetadata();
    var objectVersion = deployment("restart", "web").getMetadata().getResourceVersion();

    controller.stop();
    controller = startController();
    // Every object is looked at once after the restart; wait until that pass is over.
    await("the restarted controller has reconciled the object")
        .atMost(TIMEOUT)
        .until(() -> registry.get("kubestellar.status.reconcile").timer().count() >= 1);
    await("queue drained")
        .atMost(TIMEOUT)
        .until(() -> registry.get("kubestellar.status.queue.depth").gauge().value() == 0);

    var csAfter = combinedStatus("restart", name).getMetadata();
    assertThat(csAfter.getUid()).isEqualTo(csBefore.getUid());
    assertThat(csAfter.getResourceVersion()).isEqualTo(csBefore.getResourceVersion());
    assertThat(deployment("restart", "web").getMetadata().getResourceVersion())
        .isEqualTo(objectVersion);
  }

  // ---- collectors of status.md §7 --------------------------------------------------------------

  private static StatusCollectorSpec replicaSummary() {
    return new StatusCollectorSpec(
        null,
        null,
        List.of(
            new NamedAggregator("wecs", AggregatorType.COUNT, null),
            new NamedAggregator(
                "totalAvailable", AggregatorType.SUM, "returned.status.availableReplicas"),
            new NamedAggregator(
                "minAvailable", AggregatorType.MIN, "returned.status.availableReplicas"),
            new NamedAggregator(
                "maxAvailable", AggregatorType.MAX, "returned.status.availableReplicas"),
            new NamedAggregator(
                "avgAvailable", AggregatorType.AVG, "returned.status.availableReplicas")),
        null,
        20L);
  }

  private static StatusCollectorSpec laggingWecs() {
    return new StatusCollectorSpec(
        "obj.spec.replicas != returned.status.availableReplicas",
        null,
        null,
        List.of(
            new NamedExpression("wec", "inventory.name"),
            new NamedExpression("available", "returned.status.availableReplicas"),
            new NamedExpression("reportedAt", "propagation.lastReturnedUpdateTimestamp"),
            new NamedExpression("conditions", "returned.status.conditions")),
        10L);
  }

  private static StatusCollectorSpec byAvailability() {
    return new StatusCollectorSpec(
        null,
        List.of(
            new NamedExpression(
                "fullyAvailable", "obj.spec.replicas == returned.status.availableReplicas")),
        List.of(
            new NamedAggregator("count", AggregatorType.COUNT, null),
            new NamedAggregator("sumReady", AggregatorType.SUM, "returned.status.readyReplicas")),
        null,
        20L);
  }

  private static StatusCollectorSpec unavailableSum() {
    return new StatusCollectorSpec(
        null,
        null,
        List.of(
            new NamedAggregator("n", AggregatorType.COUNT, null),
            new NamedAggregator(
                "unavailable", AggregatorType.SUM, "returned.status.unavailableReplicas")),
        null,
        20L);
  }

  private static StatusCollectorSpec countWecs() {
    return new StatusCollectorSpec(
        null, null, List.of(new NamedAggregator("wecs", AggregatorType.COUNT, null)), null, null);
  }

  // ---- helpers ---------------------------------------------------------------------------------

  private static void collector(String name, StatusCollectorSpec spec) {
    var ops = wds.resources(StatusCollector.class);
    var existing = ops.withName(name).get();
    var collector = new StatusCollector(name, spec);
    if (existing == null) {
      ops.resource(collector).create();
    } else {
      collector.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
      ops.resource(collector).update();
    }
  }

  private static Deployment deployment(String namespace, String name) {
    return wds.apps().deployments().inNamespace(namespace).withName(name).get();
  }

  private static CombinedStatus combinedStatus(String namespace, String name) {
    return wds.resources(CombinedStatus.class).inNamespace(namespace).withName(name).get();
  }

  private static NamedStatusCombination result(CombinedStatus cs, String collector) {
    assertThat(cs).isNotNull();
    Optional<NamedStatusCombination> found =
        cs.getResults() == null
            ? Optional.empty()
            : cs.getResults().stream().filter(r -> r.name().equals(collector)).findFirst();
    assertThat(found).as("result of " + collector).isPresent();
    return found.get();
  }

  /** The cells of one row as text: String, Number text, Bool. */
  private static List<String> cells(NamedStatusCombination result, int row) {
    assertThat(result.rows()).hasSizeGreaterThan(row);
    return result.rows().get(row).columns().stream().map(StatusControllerIT::text).toList();
  }

  private static String text(Value v) {
    return switch (v.type()) {
      case STRING -> v.string();
      case NUMBER -> v.number();
      case BOOL -> String.valueOf(v.bool());
      default -> String.valueOf(v.type());
    };
  }
}
