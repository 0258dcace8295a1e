/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds the flags that say how to reach one space ({@code --<role>-kubeconfig}, {@code
 * --<role>-context}, {@code --<role>-max-concurrent-requests}) to a command, and reads them back as
 * {@link SpaceOptions}.
 */
public final class SpaceFlags {

  /** Default bound on requests in flight per space, sized for throughput (D7). */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

  private SpaceFlags() {}

  /** Registers the three flags of {@code role}; {@code what} names the space in help text. */
  public static void register(CommandLine line, String role, String what) {
    var spec = line.getCommandSpec();
    spec.addOption(
        OptionSpec.builder("--" + role + "-kubeconfig")
            .paramLabel("FILE")
            .type(Path.class)
            .description(
                "kubeconfig for the "
                    + what
                    + "; when absent, $KUBECONFIG or the in-cluster service account")
            .build());
    spec.addOption(
        OptionSpec.builder("--" + role + "-context")
            .paramLabel("NAME")
            .type(String.class)
            .description("context in that kubeconfig; default: its current context")
            .build());
    spec.addOption(
        OptionSpec.builder("--" + role + "-max-concurrent-requests")
            .paramLabel("N")
            .type(int.class)
            .defaultValue(Integer.toString(DEFAULT_MAX_CONCURRENT_REQUESTS))
            .description(
                "requests in flight to the " + what + " at most. Default: ${DEFAULT-VALUE}")
            .build());
  }

  /** Reads the flags of {@code role} after parsing; throws IllegalArgumentException if invalid. */
  public static SpaceOptions read(CommandSpec spec, String role) {
    Path kubeconfig = spec.findOption("--" + role + "-kubeconfig").getValue();
    String context = spec.findOption("--" + role + "-context").getValue();
    int max = spec.findOption("--" + role + "-max-concurrent-requests").getValue();
    return new SpaceOptions(role, kubeconfig, context, max);
  }
}
