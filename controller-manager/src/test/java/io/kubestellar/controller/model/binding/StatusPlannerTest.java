/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Conditions of D8 on the Binding and the policy. */
class StatusPlannerTest {

  static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant T2 = Instant.parse("2026-01-01T00:01:00Z");

  /** The plan for a Binding's first sync at T1: nothing written yet, nothing wrong. */
  private static StatusPlanner.Plan firstPlan(long generation) {
    return StatusPlanner.plan(
        generation,
        SyncOutcome.SYNCED,
        StatusCollectorCheck.Unusable.NONE,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        T1);
  }

  @Test
  void aNewBindingWaitsForTheTransportAndThePolicyCopiesReady() {
    var plan = firstPlan(3);

    assertThat(plan.bindingConditions())
        .extracting(ConditionState::type, ConditionState::status, ConditionState::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Synced", "True", "Resolved"),
            org.assertj.core.groups.Tuple.tuple(
                "StatusCollectorsAvailable", "True", "ReconcileSuccess"),
            org.assertj.core.groups.Tuple.tuple("Ready", "Unknown", "WaitingForTransport"));
    assertThat(Conditions.find(plan.policyConditions(), "Ready").status()).isEqualTo("Unknown");
    assertThat(plan.policyConditions()).allMatch(c -> c.observedGeneration() == 3);
    assertThat(plan.policyConditions()).allMatch(c -> c.lastTransitionTime().equals(T1));
  }

  @Test
  void keepsTheTransportsReadyAndTheTransitionTimeWhileTheStatusStays() {
    var first = firstPlan(1);
    var transportReady = new ConditionState("Ready", "True", "Applied", "all applied", T1, 7L);
    var bindingNow = Conditions.set(first.bindingConditions(), transportReady, T1);

    var second =
        StatusPlanner.plan(
            1,
            SyncOutcome.SYNCED,
            StatusCollectorCheck.Unusable.NONE,
            bindingNow,
            first.policyConditions(),
            List.of(),
            List.of("template error"),
            T2);

    assertThat(Conditions.find(second.bindingConditions(), "Ready")).isEqualTo(transportReady);
    var ready = Conditions.find(second.policyConditions(), "Ready");
    assertThat(ready.status()).isEqualTo("True");
    assertThat(ready.reason()).isEqualTo("Applied");
    assertThat(ready.lastTransitionTime()).isEqualTo(T2);
    assertThat(Conditions.find(second.policyConditions(), "Synced").lastTransitionTime())
        .isEqualTo(T1);
    assertThat(second.policyErrors()).containsExactly("template error");
  }

  @Test
  void missingCollectorsAndInvalidSelectorsShowInConditionsAndErrors() {
    var plan =
        StatusPlanner.plan(
            2,
            SyncOutcome.invalidClusterSelector("spec.clusterSelectors[0]: bad"),
            new StatusCollectorCheck.Unusable(new TreeSet<>(List.of("b", "a")), new TreeMap<>()),
            null,
            List.of(),
            List.of("spec.clusterSelectors[0]: bad"),
            List.of(),
            T1);
    assertThat(plan.bindingConditions()).isNull();
    var synced = Conditions.find(plan.policyConditions(), "Synced");
    assertThat(synced.status()).isEqualTo("False");
    assertThat(synced.reason()).isEqualTo("InvalidClusterSelector");
    var collectors = Conditions.find(plan.policyConditions(), "StatusCollectorsAvailable");
    assertThat(collectors.status()).isEqualTo("False");
    assertThat(collectors.message()).isEqualTo("Missing StatusCollector(s) [a b]");
    assertThat(plan.policyErrors()).containsExactly("spec.clusterSelectors[0]: bad");
  }

  @Test
  void explainsWhyAnObjectIsOrIsNotBound() {
    var object = ClauseMatcherTest.object("", "configmaps", "ns1", "cfg", Map.of("app", "web"));
    var bound =
        new BindingPolicyModel(
            "bound",
            1,
            List.of(Selector.EVERYTHING),
            List.of(
                new DownsyncClause(
                    null,
                    List.of("configmaps"),
                    null,
                    null,
                    null,
                    null,
                    Modulation.of(true, null, null, null))));
    var unbound =
        new BindingPolicyModel(
            "unbound",
            1,
            List.of(),
            List.of(new DownsyncClause(null, null, List.of("ns2"), null, null, null, null)));
    var content = new BindingContent(new TreeSet<>(List.of("c1")), new java.util.TreeMap<>());

    var lines =
        ObjectExplainer.explain(
            object, List.of(bound, unbound), Map.of("bound", content), ClauseMatcherTest.NS);

    assertThat(lines)
        .containsExactly(
            "BindingPolicy bound: selected by downsync[0] (createOnly), bound to clusters [c1]",
            "BindingPolicy unbound: not selected; downsync[0]: namespace 'ns1' is not in"
                + " namespaces [ns2]");
  }
}
