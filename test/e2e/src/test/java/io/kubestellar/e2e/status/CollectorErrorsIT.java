/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.status;

import static io.kubestellar.e2e.status.StatusPipeline.cell;
import static io.kubestellar.e2e.status.StatusPipeline.condition;
import static io.kubestellar.e2e.status.StatusPipeline.eventually;
import static io.kubestellar.e2e.status.StatusPipeline.names;
import static io.kubestellar.e2e.status.StatusPipeline.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kubestellar.api.control.v1alpha1.CombinedStatus;
import io.kubestellar.api.control.v1alpha1.Condition;
import io.kubestellar.api.control.v1alpha1.RowError;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Collector errors end to end, with two WECs: an expression that fails in every WEC is reported for
 * each of them, and a collector that cannot be used is flagged on the policy that references it
 * until it is fixed, while a valid collector of the same policy keeps its rows.
 */
class CollectorErrorsIT {

  private static final Map<String, String> EDGE = Map.of("location-group", "edge");
  private static final String AVAILABLE = "StatusCollectorsAvailable";

  @AutoClose private static StatusPipeline pipeline;

  @BeforeAll
  static void start() {
    pipeline = StatusPipeline.start("collector-errors-it");
  }

  @Test
  void everyWecsFailureIsListedAndAnUnusableCollectorIsFlaggedUntilFixed() {
    pipeline.deployment("errors", "web", 1);
    pipeline.collector(
        "per-wec",
        Map.of(
            "select",
            List.of(
                Map.of("name", "wec", "def", "inventory.name"),
                Map.of("name", "missing", "def", "returned.status.noSuchField"),
                Map.of("name", "replicas", "def", "obj.spec.replicas"))));
    pipeline.collector(
        "wec-count", Map.of("combinedFields", List.of(Map.of("name", "wecs", "type", "COUNT"))));
    pipeline.collector(
        "broken",
        Map.of(
            "filter",
            "obj.spec.replicas ==",
            "select",
            List.of(Map.of("name", "wec", "def", "inventory.name"))));
    pipeline.policy(
        "errors",
        EDGE,
        "errors",
        "web",
        Map.of("statusCollectors", List.of("per-wec", "wec-count", "broken")));

    eventually(
        "each WEC's failure is listed next to the values that did evaluate",
        () -> {
          var cs = combinedStatus();
          assertThat(names(cs)).containsExactly("per-wec", "wec-count");
          var perWec = result(cs, "per-wec");
          assertThat(perWec.rows()).hasSize(2);
          for (int row = 0; row < 2; row++) {
            assertThat(cell(perWec, row, 0)).isEqualTo("cluster" + (row + 1));
            assertThat(cell(perWec, row, 1)).isEqualTo("NULL");
            assertThat(cell(perWec, row, 2)).isEqualTo("1");
          }
          assertThat(perWec.rowErrors())
              .extracting(e -> e.wec().clusterId(), RowError::columnName, RowError::error)
              .containsExactly(
                  tuple(
                      "cluster1",
                      "missing",
                      "failed to evaluate expression: no such key: noSuchField"),
                  tuple(
                      "cluster2",
                      "missing",
                      "failed to evaluate expression: no such key: noSuchField"));
          assertValidCollectorKeepsItsRow(cs);
        });
    var csUid = combinedStatus().getMetadata().getUid();

    eventually(
        "the unparsable collector is flagged on itself, the policy and its Binding",
        () -> {
          assertCollectorsAvailable(
              "False",
              c -> {
                assertThat(c.reason()).isEqualTo("ReconcileError");
                assertThat(c.message())
                    .startsWith(
                        "Invalid StatusCollector broken: filter expression invalid:"
                            + " failed to parse expression:");
              });
          var status = (Map<?, ?>) pipeline.getCollector("broken").get("status");
          assertThat(status).isNotNull();
          assertThat((List<?>) status.get("errors"))
              .singleElement()
              .asString()
              .startsWith("filter expression invalid");
        });

    brokenSelectsWec("foo.bar");
    eventually(
        "an undeclared variable is flagged the same way",
        () -> {
          assertCollectorsAvailable(
              "False",
              c -> {
                assertThat(c.message())
                    .startsWith(
                        "Invalid StatusCollector broken: select expression (wec) invalid:"
                            + " failed to check expression:")
                    .contains("undeclared reference to 'foo'");
              });
          assertValidCollectorKeepsItsRow(combinedStatus());
        });

    brokenSelectsWec("inventory.name");
    eventually(
        "the fixed collector makes the condition True and adds its rows",
        () -> {
          assertCollectorsAvailable(
              "True",
              c -> {
                assertThat(c.message()).isEqualTo("All StatusCollector(s) are available");
              });
          var cs = combinedStatus();
          assertThat(names(cs)).containsExactly("broken", "per-wec", "wec-count");
          var fixed = result(cs, "broken");
          assertThat(fixed.rows()).hasSize(2);
          assertThat(cell(fixed, 0, 0)).isEqualTo("cluster1");
          assertThat(cell(fixed, 1, 0)).isEqualTo("cluster2");
          assertThat(fixed.rowErrors()).isNullOrEmpty();
          assertThat(result(cs, "per-wec").rowErrors()).hasSize(2);
          assertValidCollectorKeepsItsRow(cs);
        });
    assertThat(combinedStatus().getMetadata().getUid()).isEqualTo(csUid);
  }

  /** Every CollectorsAvailable condition has {@code status} and passes {@code more}. */
  private static void assertCollectorsAvailable(String status, Consumer<Condition> more) {
    assertThat(collectorsAvailable())
        .allSatisfy(
            c -> {
              assertThat(c.status()).isEqualTo(status);
              more.accept(c);
            });
  }

  /** Gives collector {@code broken} one select column {@code wec} defined by {@code def}. */
  private static void brokenSelectsWec(String def) {
    pipeline.collector("broken", Map.of("select", List.of(Map.of("name", "wec", "def", def))));
  }

  private static CombinedStatus combinedStatus() {
    var cs = pipeline.combinedStatus("errors", "web", "errors");
    assertThat(cs).isNotNull();
    return cs;
  }

  private static void assertValidCollectorKeepsItsRow(CombinedStatus cs) {
    var count = result(cs, "wec-count");
    assertThat(count.rows()).hasSize(1);
    assertThat(cell(count, 0, 0)).isEqualTo("2");
    assertThat(count.rowErrors()).isNullOrEmpty();
  }

  /** The condition on the policy and on its Binding. */
  private static List<Condition> collectorsAvailable() {
    var policy = pipeline.getPolicy("errors");
    var binding = pipeline.getBinding("errors");
    assertThat(policy.getStatus()).isNotNull();
    assertThat(binding).isNotNull();
    assertThat(binding.getStatus()).isNotNull();
    return List.of(
        condition(policy.getStatus().conditions(), AVAILABLE),
        condition(binding.getStatus().conditions(), AVAILABLE));
  }
}
