/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * kubectl against one kubeconfig, as a user types it, run in {@code directory} (the current one
 * when null); a non-zero exit fails with the output. Tests, the demo and its scenes all drive the
 * spaces through it.
 */
public record Kubectl(Path binary, Path kubeconfig, Path directory) {

  private static final long TIMEOUT_SECONDS = 120;

  /** kubectl in the current directory. */
  public Kubectl(Path binary, Path kubeconfig) {
    this(binary, kubeconfig, null);
  }

  /** The kubectl of {@link ToolPaths#fromEnvironment()} against the environment's kubeconfig. */
  public static Kubectl of(LocalEnvironment env) {
    return new Kubectl(ToolPaths.fromEnvironment().kubectl(), env.kubeconfig());
  }

  /** Runs {@code kubectl --context <context> args...} and returns what it printed. */
  public String run(String context, String... args) {
    return withInput(context, null, args);
  }

  /** {@code kubectl apply -f -} of a YAML text. */
  public String apply(String context, String yaml) {
    return withInput(context, yaml, "apply", "-f", "-");
  }

  /**
   * {@code kubectl apply -f -} of a YAML file on the class path, such as a test's {@code
   * src/test/resources/<test>/<file>}.
   */
  public String applyResource(String context, String resource) {
    try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no " + resource + " on the class path");
      }
      return apply(context, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String withInput(String context, String input, String... args) {
    var command = new ArrayList<String>();
    command.add(binary.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.add("--context=" + context);
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    try {
      var process = builder.start();
      try (var in = process.getOutputStream()) {
        if (input != null) {
          in.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(
            "kubectl " + String.join(" ", args) + " failed:\n" + output);
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
