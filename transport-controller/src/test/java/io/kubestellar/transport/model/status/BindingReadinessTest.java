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

  @Test
  void everythingWrittenIsReady() {
    var ready = BindingReadiness.ready(List.of(), List.of(), 4, 2);
    assertThat(ready.status()).isEqualTo("True");
    assertThat(ready.reason()).isEqualTo("Delivered");
  }

  @Test
  void theMostImportantProblemGivesTheReason() {
    var problems =
        List.of(
            new Problem(Problem.Kind.WRITE_FAILED, "cannot write x"),
            new Problem(Problem.Kind.TEMPLATE_EXPANSION_FAILED, "template: c1/..."));
    var ready = BindingReadiness.ready(problems, List.of(), 0, 1);
    assertThat(ready.status()).isEqualTo("False");
    assertThat(ready.reason()).isEqualTo("TemplateExpansionFailed");
    assertThat(ready.message())
        .isEqualTo("template expansion: template: c1/... (and 1 more in status.errors)");
  }

  @Test
  void aWorkTheAgentCouldNotApplyIsNotReady() {
    var ready =
        BindingReadiness.ready(
            List.of(), List.of("ManifestWork w in cluster c1 is not applied: x"), 1, 1);
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
    var errors = BindingReadiness.errors(problems);
    assertThat(errors).hasSize(BindingReadiness.MAX_ERRORS + 1);
    assertThat(errors.get(BindingReadiness.MAX_ERRORS))
        .isEqualTo("transport: 5 more problems not listed here");
    assertThat(BindingReadiness.isTransportError(errors.get(BindingReadiness.MAX_ERRORS))).isTrue();
  }
}
