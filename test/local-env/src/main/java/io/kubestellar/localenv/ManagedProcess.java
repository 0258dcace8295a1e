/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One operating-system process of the environment, its output kept in a log file. */
public final class ManagedProcess {

  private final String name;
  private final List<String> command;
  private final Path logFile;
  private final boolean detached;
  private Process process;

  /**
   * @param name short unique name, e.g. {@code apiserver-wds1}
   * @param command the command line
   * @param logFile where standard output and error go (appended)
   * @param detached start in a new session so the process outlives the JVM and its terminal
   */
  public ManagedProcess(String name, List<String> command, Path logFile, boolean detached) {
    this.name = name;
    this.command = List.copyOf(command);
    this.logFile = logFile;
    this.detached = detached;
  }

  public String name() {
    return name;
  }

  public Path logFile() {
    return logFile;
  }

  /** Starts (or restarts) the process. */
  public synchronized void start() {
    if (process != null) {
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException(name + " is already running");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name + " to exit", e);
      }
    }
    var line = new ArrayList<String>();
    if (detached) {
      line.add("setsid");
    }
    line.addAll(command);
    try {
      Files.createDirectories(logFile.getParent());
      Files.writeString(
          logFile,
          "# " + String.join(" ", command) + "\n",
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      process =
          new ProcessBuilder(line)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  public synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  /** Sends SIGTERM, waits up to {@code grace}, then SIGKILL. Safe to call when not running. */
  public synchronized void stop(Duration grace) {
    if (process == null) {
      return;
    }
    terminate(process.toHandle(), grace);
  }

  /** Sends SIGKILL at once (to test crash recovery). */
  public synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops a process by handle, descendants included. */
  static void terminate(ProcessHandle handle, Duration grace) {
    var descendants = handle.descendants().toList();
    handle.destroy();
    descendants.forEach(ProcessHandle::destroy);
    if (!awaitExit(handle, grace)) {
      handle.destroyForcibly();
      awaitExit(handle, Duration.ofSeconds(10));
    }
    descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
  }

  private static boolean awaitExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (java.util.concurrent.ExecutionException e) {
      return true;
    }
  }

  /** Peak and current resident memory in KiB, read from /proc; empty once the process is gone. */
  public synchronized Optional<Memory> memory() {
    if (process == null || !process.isAlive()) {
      return Optional.empty();
    }
    return Memory.of(process.pid());
  }

  /** Resident memory of a process: peak ({@code VmHWM}) and current ({@code VmRSS}) in KiB. */
  public record Memory(long peakKib, long currentKib) {
    static Optional<Memory> of(long pid) {
      try {
        long peak = 0;
        long current = 0;
        for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
          if (line.startsWith("VmHWM:")) {
            peak = kib(line);
          } else if (line.startsWith("VmRSS:")) {
            current = kib(line);
          }
        }
        return Optional.of(new Memory(peak, current));
      } catch (IOException e) {
        return Optional.empty();
      }
    }

    private static long kib(String line) {
      return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }
  }

  @Override
  public String toString() {
    return name + "(pid " + pid() + ")";
  }
}
