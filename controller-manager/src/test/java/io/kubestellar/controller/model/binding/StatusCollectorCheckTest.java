/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubestellar.controller.model.status.CollectorExpressions;
import io.kubestellar.controller.model.status.StatusCollectorDefinition;
import io.kubestellar.controller.model.status.StatusCollectorDefinition.NamedExpression;
import io.kubestellar.controller.model.status.StatusCollectorValidator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Which referenced StatusCollectors make {@code StatusCollectorsAvailable} False (D15). */
class StatusCollectorCheckTest {

  private static final StatusCollectorValidator VALIDATOR =
      new StatusCollectorValidator(new CollectorExpressions());
  private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-01-01T00:01:00Z");

  @Test
  void missingAndInvalidCollectorsAreBothUnusable() {
    var content = referencing("ok", "gone", "unparsable", "undeclared");
    var existing =
        Map.of(
            "ok", VALIDATOR.validate(select("ok", null, "returned.status.readyReplicas")),
            "unparsable",
                VALIDATOR.validate(select("unparsable", "obj.spec.replicas ==", "inventory.name")),
            "undeclared", VALIDATOR.validate(select("undeclared", null, "foo.bar")));

    var unusable = StatusCollectorCheck.check(content, existing);

    assertThat(unusable.missing()).containsExactly("gone");
    assertThat(unusable.invalid()).containsOnlyKeys("undeclared", "unparsable");
    assertThat(unusable.message())
        .startsWith("Missing StatusCollector(s) [gone]; Invalid StatusCollector undeclared: ")
        .contains("; Invalid StatusCollector unparsable: filter expression invalid: ")
        .contains("select expression (v) invalid: failed to check expression: ")
        .contains("undeclared reference to 'foo'")
        .doesNotContain("\n");
  }

  @Test
  void aCollectorWithSeveralProblemsShowsTheFirstAndPointsAtItsStatus() {
    var unusable = check(Map.of("twice", List.of("first problem", "second problem")), "twice");

    assertThat(unusable.message())
        .isEqualTo(
            "Invalid StatusCollector twice: first problem (and 1 more in its status.errors)");
  }

  @Test
  void validAndUnreferencedCollectorsAreNotReported() {
    var unusable = check(Map.of("ok", List.of(), "other", List.of("broken")), "ok");

    assertThat(unusable.isEmpty()).isTrue();
  }

  @Test
  void anInvalidCollectorMakesTheConditionFalseAndFixingItMakesItTrueAgain() {
    var content = referencing("c");
    var broken =
        StatusCollectorCheck.check(
            content,
            Map.of("c", VALIDATOR.validate(select("c", "obj.spec.replicas ==", "inventory.name"))));
    var first =
        StatusPlanner.plan(
            1, SyncOutcome.SYNCED, broken, List.of(), List.of(), List.of(), List.of(), T1);
    var onBinding = Conditions.find(first.bindingConditions(), "StatusCollectorsAvailable");
    var onPolicy = Conditions.find(first.policyConditions(), "StatusCollectorsAvailable");
    assertThat(onPolicy.status()).isEqualTo("False");
    assertThat(onPolicy.reason()).isEqualTo("ReconcileError");
    assertThat(onPolicy.message())
        .startsWith("Invalid StatusCollector c: filter expression invalid");
    assertThat(onBinding.sameAs(onPolicy)).isTrue();

    var fixed =
        StatusCollectorCheck.check(
            content, Map.of("c", VALIDATOR.validate(select("c", "true", "inventory.name"))));
    var second =
        StatusPlanner.plan(
            1,
            SyncOutcome.SYNCED,
            fixed,
            first.bindingConditions(),
            first.policyConditions(),
            List.of(),
            List.of(),
            T2);
    var again = Conditions.find(second.policyConditions(), "StatusCollectorsAvailable");
    assertThat(again.status()).isEqualTo("True");
    assertThat(again.message()).isEqualTo("All StatusCollector(s) are available");
    assertThat(again.lastTransitionTime()).isEqualTo(T2);
  }

  private static StatusCollectorDefinition select(String name, String filter, String def) {
    return new StatusCollectorDefinition(
        name, filter, null, null, List.of(new NamedExpression("v", def)), null);
  }

  /** The check of a Binding that references these collectors, given the existing ones' problems. */
  private static StatusCollectorCheck.Unusable check(
      Map<String, List<String>> existing, String... referenced) {
    return StatusCollectorCheck.check(referencing(referenced), existing);
  }

  private static BindingContent referencing(String... collectors) {
    return new BindingContent(
        new TreeSet<>(List.of("cluster1")),
        new TreeMap<>(
            Map.of(
                new ObjectRef("apps", "deployments", "demo", "web"),
                new BoundObject("v1", "1", Modulation.of(null, List.of(collectors), null, null)))));
  }
}
