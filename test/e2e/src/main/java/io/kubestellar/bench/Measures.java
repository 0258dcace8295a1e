/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What every benchmark measures and prints with: waits, percentiles and the machine's state. */
final class Measures {

  private Measures() {}

  /** Polls {@code done} every 5 ms until true; fails naming {@code what} after {@code timeout}. */
  static void waitFor(String what, Duration timeout, BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(5);
    }
  }

  /** The {@code p} quantile (nearest rank) of the values; 0 when there are none. */
  static long percentile(List<Long> values, double p) {
    var sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return 0;
    }
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  /** Nanoseconds as milliseconds with one decimal. */
  static String ms(long nanos) {
    return String.format("%.1f ms", nanos / 1e6);
  }

  /** {@code p50 … p99 … max … (n=…)} of latencies in nanoseconds. */
  static String figures(List<Long> values) {
    synchronized (values) {
      return String.format(
          "p50 %9s  p99 %9s  max %9s  (n=%d)",
          ms(percentile(values, 0.50)),
          ms(percentile(values, 0.99)),
          ms(percentile(values, 1.0)),
          values.size());
    }
  }

  /** This JVM's resident set in KiB; 0 where {@code /proc} is not there. */
  static long residentKib() {
    try {
      for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // not Linux: unknown
    }
    return 0;
  }

  /** The load average, as printed beside every figure. */
  /** The load average of the last minute; 0 when it cannot be read. */
  static double oneMinuteLoad() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | NumberFormatException e) {
      return 0;
    }
  }

  static String loadAverage() {
    try {
      var parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0]
          + ", "
          + parts[1]
          + ", "
          + parts[2]
          + " on "
          + Runtime.getRuntime().availableProcessors()
          + " cores";
    } catch (IOException e) {
      return "unknown";
    }
  }
}
