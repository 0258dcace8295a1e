/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubestellar.api.control.v1alpha1.Drift;
import io.kubestellar.api.control.v1alpha1.DriftField;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftEpisodesTest {

  private static final ObjectKey KEY = ObjectKey.of("apps", "v1", "deployments", "shop", "web");
  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00.250Z");
  private static final DriftDetector.Result REPLICAS =
      new DriftDetector.Result(
          List.of(new DriftField("spec.replicas", "1", "3", List.of("kubectl"))), 0);

  private final DriftEpisodes episodes =
      new DriftEpisodes(DriftEpisodes.Settings.of(true, Duration.ofSeconds(5)));

  private static Instant at(double seconds) {
    return T0.plusMillis((long) (seconds * 1000));
  }

  @Test
  void aOneOffEditIsReportedAfterSettlingRepairedOnceAfterTheDelayAndForgotten() {
    var plan = episodes.observe(KEY, REPLICAS, at(0));
    assertThat(plan).isEqualTo(new DriftEpisodes.Plan(false, false, at(1)));
    assertThat(episodes.report(KEY)).isNull();

    plan = episodes.observe(KEY, REPLICAS, at(1));
    assertThat(plan).isEqualTo(new DriftEpisodes.Plan(false, true, at(5)));
    var report = episodes.report(KEY);
    assertThat(report.fields()).isEqualTo(REPLICAS.fields());
    assertThat(report.detectedTime()).isEqualTo("2026-12-03T10:00:00Z");
    assertThat(report.repairRequests()).isZero();
    assertThat(report.conflict()).isFalse();
    assertThat(report.message())
        .isEqualTo("spec.replicas is 3, desired 1 (set by kubectl); re-applying");

    plan = episodes.observe(KEY, REPLICAS, at(5));
    assertThat(plan.requestRepair()).isTrue();
    assertThat(episodes.repairRequested(KEY, at(5), true)).isEqualTo(at(10));
    assertThat(episodes.report(KEY).repairRequests()).isEqualTo(1);

    assertThat(episodes.observe(KEY, DriftDetector.Result.NONE, at(6)))
        .isEqualTo(new DriftEpisodes.Plan(false, false, null));
    assertThat(episodes.report(KEY)).isNull();
    assertThat(episodes.reportedCount()).isZero();
    // The request is remembered for the conflict window, then dropped with the object's state.
    assertThat(episodes.tracks(KEY)).isTrue();
    episodes.observe(KEY, DriftDetector.Result.NONE, at(6 + 600));
    assertThat(episodes.tracks(KEY)).isFalse();
  }

  @Test
  void aDriftThatKeepsComingBackBacksOffAndBecomesAConflict() {
    double now = 0;
    episodes.observe(KEY, REPLICAS, at(now));
    episodes.observe(KEY, REPLICAS, at(now + 1));
    var requests = new java.util.ArrayList<Double>();
    for (int i = 0; i < 6; i++) {
      // Look at the object every second; it drifts all the time.
      Instant next = null;
      while (next == null) {
        now += 1;
        var plan = episodes.observe(KEY, REPLICAS, at(now));
        if (plan.requestRepair()) {
          requests.add(now);
          next = episodes.repairRequested(KEY, at(now), true);
        }
      }
    }
    assertThat(requests).containsExactly(5.0, 10.0, 20.0, 40.0, 80.0, 160.0);

    var report = episodes.report(KEY);
    assertThat(report.conflict()).isTrue();
    assertThat(report.repairRequests()).isEqualTo(6);
    assertThat(report.message())
        .isEqualTo(
            "spec.replicas is 3, desired 1; keeps coming back after 6 repairs (also set by"
                + " kubectl); re-applying every 2m40s");
  }

  @Test
  void theBackoffIsCappedAtTheWorkAgentsResync() {
    assertThat(episodes.backoff(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(episodes.backoff(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(episodes.backoff(20)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aDriftThatReturnsAfterARepairCountsTowardsTheConflict() {
    for (int round = 0; round < 3; round++) {
      double start = round * 30;
      episodes.observe(KEY, REPLICAS, at(start));
      episodes.observe(KEY, REPLICAS, at(start + 1));
      var plan = episodes.observe(KEY, REPLICAS, at(start + 25));
      assertThat(plan.requestRepair()).as("round %d", round).isTrue();
      episodes.repairRequested(KEY, at(start + 25), true);
      if (round < 2) {
        assertThat(episodes.report(KEY).conflict()).isFalse();
        episodes.observe(KEY, DriftDetector.Result.NONE, at(start + 26));
      }
    }
    var report = episodes.report(KEY);
    assertThat(report.conflict()).isTrue();
    assertThat(report.repairRequests()).isEqualTo(1); // in this episode
    assertThat(report.detectedTime()).isEqualTo("2026-12-03T10:01:00Z");
  }

  @Test
  void aWriterThatUndoesEveryRepairAtOnceStillMeetsTheBackoff() {
    // Each repair succeeds for a moment (the episode ends), then the other writer is back.
    double now = 0;
    var requests = new java.util.ArrayList<Double>();
    while (requests.size() < 5) {
      episodes.observe(KEY, REPLICAS, at(now));
      Instant next = null;
      while (next == null) {
        now += 0.5;
        if (episodes.observe(KEY, REPLICAS, at(now)).requestRepair()) {
          requests.add(now);
          next = episodes.repairRequested(KEY, at(now), true);
        }
      }
      now += 0.5;
      episodes.observe(KEY, DriftDetector.Result.NONE, at(now)); // repaired
      now += 0.5; // and changed again
    }
    // 5 s after the first difference, then 5 s, 10 s, 20 s, 40 s after each previous request.
    assertThat(requests).containsExactly(5.0, 11.0, 21.0, 41.0, 81.0);
    episodes.observe(KEY, REPLICAS, at(now));
    episodes.observe(KEY, REPLICAS, at(now + 1)); // reported again once settled
    assertThat(episodes.report(KEY).conflict()).isTrue();
  }

  @Test
  void reportOnlyNeverRequestsARepair() {
    var reportOnly = new DriftEpisodes(DriftEpisodes.Settings.of(false, Duration.ZERO));
    reportOnly.observe(KEY, REPLICAS, at(0));
    var plan = reportOnly.observe(KEY, REPLICAS, at(100));

    assertThat(plan).isEqualTo(new DriftEpisodes.Plan(false, true, null));
    assertThat(reportOnly.report(KEY).message())
        .isEqualTo(
            "spec.replicas is 3, desired 1 (set by kubectl); not repaired (drift repair is off)");
  }

  @Test
  void aZeroDelayRepairsAsSoonAsTheDriftIsReported() {
    var eager = new DriftEpisodes(DriftEpisodes.Settings.of(true, Duration.ZERO));
    eager.observe(KEY, REPLICAS, at(0));

    assertThat(eager.observe(KEY, REPLICAS, at(1)))
        .isEqualTo(new DriftEpisodes.Plan(true, true, null));
  }

  @Test
  void moreFieldsAreCountedInTheMessage() {
    var fields =
        new DriftDetector.Result(
            List.of(
                new DriftField("metadata.labels.tier", "\"front\"", null, null),
                new DriftField("spec.replicas", "1", "3", null)),
            4);
    episodes.observe(KEY, fields, at(0));
    episodes.observe(KEY, fields, at(1));

    var report = episodes.report(KEY);
    assertThat(report.moreFields()).isEqualTo(4);
    assertThat(report.message())
        .isEqualTo(
            "metadata.labels.tier is absent, desired \"front\" and 5 more fields; re-applying");
  }

  @Test
  void afterARestartAnEpisodeShownOnTheWorkStatusContinuesWithoutFlapping() {
    var shown =
        new Drift(REPLICAS.fields(), null, "2026-12-03T09:59:00Z", 2, false, "earlier message");

    var plan = episodes.observe(KEY, REPLICAS, at(0), shown);

    assertThat(plan.newlyReported()).as("already reported before the restart").isFalse();
    assertThat(plan.requestRepair()).as("its repair delay has passed").isTrue();
    var report = episodes.report(KEY);
    assertThat(report.detectedTime()).isEqualTo("2026-12-03T09:59:00Z");
    assertThat(report.repairRequests()).isEqualTo(2);
  }
}
