/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller;

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

/** Entry point of the controller-manager: binding and status controllers for one WDS. */
@Command(
    name = "controller-manager",
    mixinStandardHelpOptions = true,
    description =
        "Resolves BindingPolicies into Bindings and brings status back for one WDS and its ITS.")
public final class Main implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--wds-name",
      required = true,
      description = "Name of the WDS, unique among the WDSes sharing the ITS.")
  String wdsName;

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
        new ControllerManagerConfig(
            wdsName, SpaceFlags.read(spec, "wds"), SpaceFlags.read(spec, "its"), leaderElect);
    runner = new ComponentRunner("controller-manager", common.toConfig(), config.describe());
    return runner.run(registry -> new ConnectedSpaces(List.of(config.wds(), config.its())));
  }

  /** The runner, once {@link #call} has built it. */
  public ComponentRunner runner() {
    return runner;
  }
}
