/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each demo component was started ({@code <runDir>/demo-components.json}), so that {@code demo
 * start NAME} can start a stopped one again exactly as before.
 *
 * @param command the component's command line, as the operating system shows it
 * @param readyzUrl its {@code /readyz} URL
 */
record DemoRecord(List<String> command, String readyzUrl) {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  static Path file(Path runDir) {
    return runDir.toAbsolutePath().resolve("demo-components.json");
  }

  static void write(Path runDir, List<DemoComponents.Running> components) {
    var records = new LinkedHashMap<String, DemoRecord>();
    for (var component : components) {
      records.put(
          component.name(),
          new DemoRecord(commandLine(component.process().pid()), component.url("/readyz")));
    }
    try {
      JSON.writeValue(file(runDir).toFile(), records);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file(runDir) + ": " + e.getMessage(), e);
    }
  }

  static Map<String, DemoRecord> read(Path runDir) {
    try {
      return JSON.readValue(file(runDir).toFile(), new TypeReference<>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + file(runDir) + " (was the demo started?): " + e.getMessage(), e);
    }
  }

  /**
   * The arguments of a running process from {@code /proc}. A detached process may still be the
   * {@code setsid} wrapper for a moment; its own command follows, and {@link ManagedProcess} adds
   * the wrapper again when it starts the command.
   */
  private static List<String> commandLine(long pid) {
    try {
      var raw =
          Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.UTF_8);
      var args = new ArrayList<>(Arrays.asList(raw.split("\0")));
      if (!args.isEmpty() && args.get(0).endsWith("setsid")) {
        args.remove(0);
      }
      return List.copyOf(args);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the command line of pid " + pid, e);
    }
  }
}
