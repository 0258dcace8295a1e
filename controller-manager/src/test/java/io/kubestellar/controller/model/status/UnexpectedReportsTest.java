/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import static io.kubestellar.controller.model.status.UnexpectedReports.Verdict.NOTHING;
import static io.kubestellar.controller.model.status.UnexpectedReports.Verdict.REPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnexpectedReportsTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration GRACE = Duration.ofSeconds(15);

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void aReportFromADestinationIsNeverReported() {
    var reports = new UnexpectedReports(GRACE);
    for (int s = 0; s <= 60; s += 5) {
      assertThat(reports.observe("c1/ws/u1", "c1", Set.of("c1", "c2"), at(s))).isEqualTo(NOTHING);
    }
    assertThat(reports.unexpected()).isZero();
  }

  @Test
  void aReportFromAnotherWecIsReportedOnceAfterTheGrace() {
    var reports = new UnexpectedReports(GRACE);
    assertThat(reports.observe("c2/ws/u1", "c2", Set.of("c1"), at(0))).isEqualTo(NOTHING);
    assertThat(reports.observe("c2/ws/u1", "c2", Set.of("c1"), at(14))).isEqualTo(NOTHING);
    assertThat(reports.observe("c2/ws/u1", "c2", Set.of("c1"), at(15))).isEqualTo(REPORT);
    assertThat(reports.observe("c2/ws/u1", "c2", Set.of("c1"), at(30))).isEqualTo(NOTHING);
    assertThat(reports.unexpected()).isOne();
  }

  @Test
  void aReportOfAnObjectNoBindingSendsAnywhereIsReported() {
    var reports = new UnexpectedReports(GRACE);
    reports.observe("c1/ws/u1", "c1", Set.of(), at(0));
    assertThat(reports.observe("c1/ws/u1", "c1", Set.of(), at(20))).isEqualTo(REPORT);
  }

  @Test
  void aMismatchThatEndsWithinTheGraceIsNotReportedAndALaterOneStartsAfresh() {
    var reports = new UnexpectedReports(GRACE);
    // The object left c2 and its WorkStatus is about to go: no warning.
    reports.observe("c2/ws/u1", "c2", Set.of("c1"), at(0));
    assertThat(reports.observe("c2/ws/u1", "c2", Set.of("c1", "c2"), at(10))).isEqualTo(NOTHING);
    assertThat(reports.observe("c2/ws/u1", "c2", Set.of("c1"), at(20))).isEqualTo(NOTHING);
    assertThat(reports.observe("c2/ws/u1", "c2", Set.of("c1"), at(34))).isEqualTo(NOTHING);
    assertThat(reports.observe("c2/ws/u1", "c2", Set.of("c1"), at(35))).isEqualTo(REPORT);
  }

  @Test
  void aRecreatedWorkStatusIsANewOneAndDeletedOnesAreForgotten() {
    var reports = new UnexpectedReports(GRACE);
    reports.observe("c2/ws/u1", "c2", Set.of(), at(0));
    assertThat(reports.observe("c2/ws/u1", "c2", Set.of(), at(15))).isEqualTo(REPORT);
    reports.retainOnly(Set.of("c2/ws/u2"));
    assertThat(reports.unexpected()).isZero();
    assertThat(reports.observe("c2/ws/u2", "c2", Set.of(), at(16))).isEqualTo(NOTHING);
    assertThat(reports.observe("c2/ws/u2", "c2", Set.of(), at(31))).isEqualTo(REPORT);
  }

  @Test
  void aNegativeGraceIsRefused() {
    assertThatThrownBy(() -> new UnexpectedReports(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("grace");
  }
}
