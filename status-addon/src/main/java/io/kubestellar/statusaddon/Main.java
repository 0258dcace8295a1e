/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon;

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

/** Entry point of the status add-on agent: reports delivered objects' status from one WEC. */
@Command(
    name = "status-addon",
    mixinStandardHelpOptions = true,
    description =
        "Reports the status of every object the OCM work agent applied in one WEC as WorkStatus"
            + " objects in the ITS.")
public final class Main implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--cluster-name",
      required = true,
      description = "The WEC's name in the inventory (its ManagedCluster and ITS namespace).")
  String clusterName;

  private volatile ComponentRunner runner;

  public static void main(String[] args) {
    System.exit(commandLine(new Main()).execute(args));
  }

  /** The command line with every flag registered; tests execute it in-process. */
  public static CommandLine commandLine(Main main) {
    var line = CommandLines.of(main);
    SpaceFlags.register(line, "wec", "WEC (workload execution cluster) the agent runs for");
    SpaceFlags.register(line, "its", "ITS (inventory and transport space)");
    return line;
  }

  @Override
  public Integer call() {
    var config =
        new StatusAddonConfig(
            clusterName, SpaceFlags.read(spec, "wec"), SpaceFlags.read(spec, "its"));
    runner = new ComponentRunner("status-addon", common.toConfig(), config.describe());
    return runner.run(registry -> new ConnectedSpaces(List.of(config.wec(), config.its())));
  }

  /** The runner, once {@link #call} has built it. */
  public ComponentRunner runner() {
    return runner;
  }
}
