/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BindingReadinessTest {

  private static final DriftReport DRIFT =
      new DriftReport(
          "cluster1",
          "apps/Deployment",
          "myapp",
          "myapp",
          List.of(DriftReport.fieldText("spec.replicas", "1", "3", List.of("kubectl"))),
          0,
          false);

  @Test
  void aDriftedCopyIsNotReadyAndNamesClusterObjectAndField() {
    assertThat(BindingReadiness.ready(List.of(), List.of(), 2, 2, List.of(DRIFT)))
        .isEqualTo(
            new ReadyState(
                "False",
                "Drifted",
                "cluster1: apps/Deployment myapp/myapp: spec.replicas 3, desired 1 (set by kubectl);"
                    + " being re-applied from the WDS"));
    assertThat(BindingReadiness.errors(List.of(), List.of(DRIFT)))
        .containsExactly(
            "drift: cluster1: apps/Deployment myapp/myapp: spec.replicas 3, desired 1 (set by"
                + " kubectl)");
  }

  @Test
  void aConflictOutranksPlainDriftAndSaysWhatToDo() {
    var conflict =
        new DriftReport(
            "cluster2",
            "ConfigMap",
            "",
            "settings",
            List.of(DriftReport.fieldText("data.mode", "\"a\"", null, List.of())),
            2,
            true);
    var ready = BindingReadiness.ready(List.of(), List.of(), 2, 2, List.of(DRIFT, conflict));
    assertThat(ready.reason()).isEqualTo("ApplyConflict");
    assertThat(ready.message())
        .startsWith(
            "cluster2: ConfigMap settings: data.mode missing, desired \"a\"; 2 more field(s)"
                + " (keeps coming back after repairs: another writer in the cluster) (and 1 more"
                + " in status.errors)")
        .contains("stop the other writer");
  }

  @Test
  void driftEntriesAreTheTransportsAndAreReplacedOnMerge() {
    var current = List.of("drift: cluster1: old", "singleton status needs one cluster");
    assertThat(BindingReadiness.isTransportError(current.get(0))).isTrue();
    assertThat(BindingReadiness.mergeErrors(current, List.of()))
        .containsExactly("singleton status needs one cluster");
  }

  @Test
  void everythingWrittenIsReady() {
    var ready = BindingReadiness.ready(List.of(), List.of(), 4, 2, List.of());
    assertThat(ready.status()).isEqualTo("True");
    assertThat(ready.reason()).isEqualTo("Delivered");
  }

  @Test
  void theMostImportantProblemGivesTheReason() {
    var problems =
        List.of(
            new Problem(Problem.Kind.WRITE_FAILED, "cannot write x"),
            new Problem(Problem.Kind.TEMPLATE_EXPANSION_FAILED, "template: c1/..."));
    assertThat(BindingReadiness.ready(problems, List.of(), 0, 1, List.of(DRIFT)))
        .isEqualTo(
            new ReadyState(
                "False",
                "TemplateExpansionFailed",
                "template expansion: template: c1/... (and 1 more in status.errors)"));
  }

  @Test
  void aWorkTheAgentCouldNotApplyIsNotReady() {
    var ready =
        BindingReadiness.ready(
            List.of(),
            List.of("ManifestWork w in cluster c1 is not applied: x"),
            1,
            1,
            List.of(DRIFT));
    assertThat(ready.reason()).isEqualTo("NotApplied");
  }

  @Test
  void mergingReplacesOnlyTheTransportsErrors() {
    var current =
        List.of(
            "singleton status needs one cluster",
            "object too large: old",
            "template expansion: old");
    var merged = BindingReadiness.mergeErrors(current, List.of("ManifestWork write: new"));
    assertThat(merged)
        .containsExactly("singleton status needs one cluster", "ManifestWork write: new");
  }

  @Test
  void errorsAreBounded() {
    var problems = new ArrayList<Problem>();
    for (int i = 0; i < 25; i++) {
      problems.add(new Problem(Problem.Kind.OBJECT_TOO_LARGE, "o" + i));
    }
    var errors = BindingReadiness.errors(problems, List.of());
    assertThat(errors).hasSize(BindingReadiness.MAX_ERRORS + 1);
    assertThat(errors.get(BindingReadiness.MAX_ERRORS))
        .isEqualTo("transport: 5 more problems not listed here");
    assertThat(BindingReadiness.isTransportError(errors.get(BindingReadiness.MAX_ERRORS))).isTrue();
  }
}
