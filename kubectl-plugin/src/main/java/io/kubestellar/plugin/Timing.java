/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When a command's time goes, for the {@code where} benchmark and for anyone asking why a command
 * is slow: with {@code KUBESTELLAR_PLUGIN_TIMING} set, every phase's end is recorded as the time
 * since {@code main} started, and one line goes to standard error at exit, e.g. {@code timing:
 * start 180 ms before main; clients +40 ms, workstatuses +610 ms (10000 items), … cpu 900 ms}. Off
 * (the default) it costs one environment lookup.
 */
final class Timing {

  private static final boolean ON = System.getenv("KUBESTELLAR_PLUGIN_TIMING") != null;
  private static final long MAIN = System.nanoTime();
  private static final List<String> MARKS = new ArrayList<>();

  private Timing() {}

  /** Records that {@code phase} ended now. */
  static void mark(String phase) {
    if (ON) {
      long ms = (System.nanoTime() - MAIN) / 1_000_000;
      synchronized (MARKS) {
        MARKS.add(phase + " +" + ms + " ms");
      }
    }
  }

  /** Prints the line (when on): the launcher and JVM start, the phases, the process's CPU time. */
  static void report(PrintStream err) {
    if (!ON) {
      return;
    }
    var info = ProcessHandle.current().info();
    var line = new StringBuilder("timing: start ");
    launched()
        .or(info::startInstant)
        .map(start -> Duration.between(start, Instant.now()).toMillis() - elapsedMs())
        .ifPresentOrElse(ms -> line.append(ms).append(" ms"), () -> line.append('?'));
    line.append(" before main; ");
    synchronized (MARKS) {
      line.append(String.join(", ", MARKS));
    }
    line.append("; exit +").append(elapsedMs()).append(" ms");
    info.totalCpuDuration()
        .ifPresent(cpu -> line.append("; cpu ").append(cpu.toMillis()).append(" ms"));
    err.println(line);
  }

  /**
   * When the launcher started, from the {@code KUBESTELLAR_PLUGIN_LAUNCHED} it sets (bash's {@code
   * EPOCHREALTIME}, seconds with microseconds). The process's own start time is no substitute: the
   * kernel gives it in clock ticks after a boot time known to the second.
   */
  private static Optional<Instant> launched() {
    var value = System.getenv("KUBESTELLAR_PLUGIN_LAUNCHED");
    if (value == null || !value.matches("\\d+[.,]\\d{1,9}")) {
      return Optional.empty();
    }
    var parts = value.split("[.,]");
    var fraction = (parts[1] + "000000000").substring(0, 9);
    return Optional.of(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(fraction)));
  }

  private static long elapsedMs() {
    return (System.nanoTime() - MAIN) / 1_000_000;
  }
}
