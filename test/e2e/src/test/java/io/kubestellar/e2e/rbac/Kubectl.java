/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.rbac;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** kubectl against one kubeconfig, as a user types it; a non-zero exit fails with the output. */
public record Kubectl(Path binary, Path kubeconfig) {

  /** Runs {@code kubectl --context <context> args...} and returns what it printed. */
  public String run(String context, String... args) {
    return withInput(context, null, args);
  }

  /** {@code kubectl apply -f -} of a YAML text. */
  public String apply(String context, String yaml) {
    return withInput(context, yaml, "apply", "-f", "-");
  }

  private String withInput(String context, String input, String... args) {
    var command = new ArrayList<String>();
    command.add(binary.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--context=" + context);
    command.addAll(List.of(args));
    try {
      var process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (var in = process.getOutputStream()) {
        if (input != null) {
          in.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new AssertionError("kubectl " + String.join(" ", args) + " failed:\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
