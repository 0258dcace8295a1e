/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

  static Stream<Arguments> rejectedFlags() {
    return Stream.of(
        rejected(
            "a cluster name that is not a DNS label",
            "--cluster-name must be a DNS label",
            "--cluster-name",
            "Cluster_1"),
        rejected(
            "a long coalescing delay",
            "--coalesce-delay must be within PT0S..PT1S",
            "--cluster-name",
            "cluster1",
            "--coalesce-delay",
            "PT5S"),
        rejected(
            "a negative write rate",
            "--its-write-qps",
            "--cluster-name",
            "cluster1",
            "--its-write-qps",
            "-1"),
        rejected("no cluster name", "--cluster-name"),
        rejected(
            "a drift repair delay beyond the work agent's resync",
            "--drift-repair-delay must be within 0s..5m",
            "--cluster-name",
            "cluster1",
            "--drift-repair-delay",
            "10m"),
        rejected(
            "a drift repair delay that is no duration",
            "'soon' is not a duration",
            "--cluster-name",
            "cluster1",
            "--drift-repair-delay",
            "soon"));
  }

  private static Arguments rejected(String what, String message, String... args) {
    return Arguments.of(what, message, args);
  }

  @ParameterizedTest(name = "rejects {0}")
  @MethodSource("rejectedFlags")
  void rejectsInvalidFlagsWithUsageExitCodeAndMessage(String what, String message, String[] args) {
    var run = run(args);
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(message);
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
