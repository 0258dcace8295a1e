/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainFlagsTest {

  private record Run(int exitCode, String err) {}

  private static Run run(String... args) {
    var err = new StringWriter();
    var line = new Main().commandLine();
    line.setErr(new PrintWriter(err));
    line.setOut(new PrintWriter(new StringWriter()));
    return new Run(line.execute(args), err.toString());
  }

  @Test
  void helpListsEveryFlag() {
    var out = new StringWriter();
    var line = new Main().commandLine();
    line.setOut(new PrintWriter(out));
    assertThat(line.execute("--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--cluster-name",
            "--wec-kubeconfig",
            "--its-kubeconfig",
            "--workers",
            "--coalesce-delay",
            "--its-write-qps",
            "--its-write-burst",
            "--resync-period",
            "--retry-max-delay",
            "--cache-sync-timeout",
            "--drift-repair",
            "--drift-repair-delay",
            "--management-address");
  }

  @Test
  void rejectsAClusterNameThatIsNotADnsLabel() {
    var run = run("--cluster-name", "Cluster_1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--cluster-name must be a DNS label");
  }

  @Test
  void rejectsALongCoalescingDelay() {
    var run = run("--cluster-name", "cluster1", "--coalesce-delay", "PT5S");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--coalesce-delay must be within PT0S..PT1S");
  }

  @Test
  void rejectsNegativeWriteRate() {
    var run = run("--cluster-name", "cluster1", "--its-write-qps", "-1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--its-write-qps");
  }

  @Test
  void requiresTheClusterName() {
    var run = run();
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--cluster-name");
  }

  @Test
  void rejectsADriftRepairDelayBeyondTheWorkAgentsResync() {
    var run = run("--cluster-name", "cluster1", "--drift-repair-delay", "10m");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--drift-repair-delay must be within 0s..5m");
  }

  @Test
  void rejectsADriftRepairDelayThatIsNoDuration() {
    var run = run("--cluster-name", "cluster1", "--drift-repair-delay", "soon");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("'soon' is not a duration");
  }

  @Test
  void readsShortAndIsoDurations() {
    var converter = new ShortDurationConverter();
    assertThat(converter.convert("0s")).isZero();
    assertThat(converter.convert("5s")).hasSeconds(5);
    assertThat(converter.convert("500ms")).hasMillis(500);
    assertThat(converter.convert("2m")).hasMinutes(2);
    assertThat(converter.convert("PT5S")).hasSeconds(5);
  }
}
