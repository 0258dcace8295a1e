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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AutoClose;
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

  @AutoClose private static LocalEnvironment env;
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
    // Stops whichever controller runs then: a test restarts it.
    env.attach(() -> controller.stop());
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

  @Test
  void singletonStatusFollowsTheOneWecAndIsClearedWhenASecondWecIsAdded() {
    inputs.deployment("single", "web", 3);
    var uid = inputs.policy("single-bp");
    var entry = new Entry("single", "web", List.of(), true, false);
    inputs.binding("single-bp", uid, List.of("cluster1"), List.of(entry));
    inputs.report("cluster1", "single-bp", "single", "web", deploymentStatus(3, 2, "True"));

    eventually(
        "cluster1's status in the WDS",
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
    eventually(
        "status cleared and marker removed with two WECs",
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

    eventually(
        "D13: each namespace's object has its own WEC status",
        () -> {
          assertThat(deployment("ns-a", "twin").getStatus().getAvailableReplicas()).isEqualTo(1);
          assertThat(deployment("ns-b", "twin").getStatus().getAvailableReplicas()).isEqualTo(2);
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

    eventually(
        "D10 aggregate in the WDS",
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
    eventually(
        "healthy everywhere once cluster2 recovers",
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
    collector("replica-summary", spec("replica-summary"));
    collector("lagging-wecs", spec("lagging-wecs"));
    collector("by-availability", spec("by-availability"));
    collector("unavailable-sum", spec("unavailable-sum"));
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

    eventually(
        "CombinedStatus with the §7 results",
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
    eventually(
        "the late collector fills in",
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
    eventually(
        "D12: a change of obj alone re-evaluates (now cluster1 lags, cluster2 does not)",
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
    collector("count-wecs", spec("count-wecs"));
    var uid = inputs.policy("broken-bp");
    inputs.binding(
        "broken-bp",
        uid,
        List.of("cluster1"),
        List.of(new Entry("broken", "web", List.of("bad-cel", "count-wecs"), false, false)));
    inputs.report("cluster1", "broken-bp", "broken", "web", deploymentStatus(2, 2, "True"));

    eventually(
        "the parse error is on the StatusCollector",
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
    eventually(
        "the valid collector still has its result, the invalid one none",
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
    eventually(
        "fixed collector: errors cleared and its result appears",
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
    collector("count-restart", spec("count-wecs"));
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

  /** The collector spec in {@code src/test/resources/StatusControllerIT/<name>.yaml}. */
  private static StatusCollectorSpec spec(String name) {
    var resource = "StatusControllerIT/" + name + ".yaml";
    try (var in = StatusControllerIT.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return wds.getKubernetesSerialization().unmarshal(in, StatusCollectorSpec.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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

  /** Waits up to {@link #TIMEOUT} until {@code assertions} pass; {@code what} names the wait. */
  private static void eventually(String what, ThrowingRunnable assertions) {
    await(what).atMost(TIMEOUT).untilAsserted(assertions);
  }
}
