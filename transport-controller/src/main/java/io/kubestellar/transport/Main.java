/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import io.kubestellar.runtime.CommandLines;
import io.kubestellar.runtime.CommonOptions;
import io.kubestellar.runtime.ComponentRunner;
import io.kubestellar.runtime.ConnectedSpaces;
import io.kubestellar.runtime.SpaceFlags;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Entry point of the transport controller: Bindings of one WDS become ManifestWorks in the ITS. */
@Command(
    name = "transport-controller",
    mixinStandardHelpOptions = true,
    description = "Turns the Bindings of one WDS into OCM ManifestWorks in its ITS.")
public final class Main implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--wds-name",
      required = true,
      description = "Name of the WDS, unique among the WDSes sharing the ITS.")
  String wdsName;

  @Option(
      names = "--max-num-wrapped",
      defaultValue = "1",
      description = "Most workload objects in one ManifestWork. Default: ${DEFAULT-VALUE}")
  int maxNumWrapped;

  @Option(
      names = "--max-size-wrapped",
      defaultValue = "512000",
      description =
          "Most summed JSON bytes of the objects in one ManifestWork. Default: ${DEFAULT-VALUE}")
  long maxSizeWrapped;

  @Option(
      names = "--leader-elect",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Hold a Lease in the WDS before writing. Default: ${DEFAULT-VALUE}")
  boolean leaderElect;

  private volatile ComponentRunner runner;

  public static void main(String[] args) {
    System.exit(commandLine(new Main()).execute(args));
  }

  /** The command line with every flag registered; tests execute it in-process. */
  public static CommandLine commandLine(Main main) {
    var line = CommandLines.of(main);
    SpaceFlags.register(line, "wds", "WDS (workload definition space)");
    SpaceFlags.register(line, "its", "ITS (inventory and transport space)");
    return line;
  }

  @Override
  public Integer call() {
    var config =
        new TransportConfig(
            wdsName,
            SpaceFlags.read(spec, "wds"),
            SpaceFlags.read(spec, "its"),
            maxNumWrapped,
            maxSizeWrapped,
            leaderElect);
    runner = new ComponentRunner("transport-controller", common.toConfig(), config.describe());
    return runner.run(registry -> new ConnectedSpaces(List.of(config.wds(), config.its())));
  }

  /** The runner, once {@link #call} has built it. */
  public ComponentRunner runner() {
    return runner;
  }
}
