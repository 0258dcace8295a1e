/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a detached environment leaves behind in {@code <runDir>/state.json} so that a later {@code
 * down} can stop exactly its processes.
 */
public record RunState(
    String runDir, String kubeconfig, String startedAt, List<ProcessEntry> processes) {

  /** One process: its name and PID. */
  public record ProcessEntry(String name, long pid) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The state file of a run directory. */
  public static Path file(Path runDir) {
    return runDir.toAbsolutePath().resolve("state.json");
  }

  public void write() {
    try {
      JSON.writeValue(file(Path.of(runDir)).toFile(), this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static RunState read(Path runDir) {
    try {
      return JSON.readValue(file(runDir).toFile(), RunState.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file(runDir) + ": " + e.getMessage() + " (is an environment up?)", e);
    }
  }

  /**
   * Stops the recorded processes newest first. A PID is only signalled while its command line still
   * names this run directory or a cached tool, so a reused PID is never hit.
   *
   * @return the names of the processes that were still running and got stopped
   */
  public List<String> stop(Duration grace, ToolPaths tools) {
    var stopped = new ArrayList<String>();
    var reversed = new ArrayList<>(processes);
    Collections.reverse(reversed);
    for (var entry : reversed) {
      var handle = ProcessHandle.of(entry.pid());
      if (handle.isEmpty() || !handle.get().isAlive() || !ours(handle.get(), tools)) {
        continue;
      }
      ManagedProcess.terminate(handle.get(), grace);
      stopped.add(entry.name());
    }
    return stopped;
  }

  private boolean ours(ProcessHandle handle, ToolPaths tools) {
    var commandLine = handle.info().commandLine().orElse("");
    return commandLine.contains(runDir) || commandLine.contains(tools.cache().toString());
  }
}
