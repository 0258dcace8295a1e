/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What an external command (helm, kubectl) printed and how it exited. */
public record ExternalCommand(List<String> command, int exitCode, String output) {

  /** Runs the command to completion, standard error merged into the output. */
  public static ExternalCommand run(Duration timeout, List<String> command) {
    try {
      var log = Files.createTempFile("command", ".log");
      try {
        var process =
            new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException(
              "timed out after " + timeout + ": " + String.join(" ", command));
        }
        return new ExternalCommand(
            command, process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
    }
  }

  /** This result, or an AssertionError showing the command and its output. */
  public ExternalCommand requireSuccess() {
    if (exitCode != 0) {
      throw new AssertionError(
          "exit code " + exitCode + " from " + String.join(" ", command) + ":\n" + output);
    }
    return this;
  }
}
