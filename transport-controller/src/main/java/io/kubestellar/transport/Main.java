/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import io.kubestellar.runtime.CommandLines;
import io.kubestellar.runtime.CommonOptions;
import io.kubestellar.runtime.ComponentRunner;
import io.kubestellar.runtime.SpaceFlags;
import java.time.Clock;
import java.time.Duration;
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

  @Option(
      names = "--leader-election-namespace",
      defaultValue = "kube-system",
      description = "WDS namespace of the leader-election Lease. Default: ${DEFAULT-VALUE}")
  String leaderElectionNamespace;

  @Option(
      names = "--leader-election-id",
      description = "Name of the Lease. Default: transport-controller-<wds-name>")
  String leaderElectionId;

  @Option(
      names = "--coalesce-delay",
      defaultValue = "PT0.02S",
      description =
          "How long a Binding waits after a change so that a burst of changes becomes one sync"
              + " (ISO-8601 duration, D7). Default: ${DEFAULT-VALUE}")
  Duration coalesceDelay;

  @Option(
      names = "--concurrency",
      defaultValue = "8",
      description = "Bindings synced at once. Default: ${DEFAULT-VALUE}")
  int concurrency;

  @Option(
      names = "--its-qps",
      defaultValue = "500",
      description =
          "ManifestWork writes per second to the ITS, sustained. Default: ${DEFAULT-VALUE}")
  double itsQps;

  @Option(
      names = "--its-burst",
      defaultValue = "1000",
      description = "ManifestWork writes to the ITS allowed at once. Default: ${DEFAULT-VALUE}")
  int itsBurst;

  @Option(
      names = "--wds-qps",
      defaultValue = "100",
      description =
          "Writes per second to the WDS (status, finalizers, events), sustained. Default:"
              + " ${DEFAULT-VALUE}")
  double wdsQps;

  @Option(
      names = "--wds-burst",
      defaultValue = "200",
      description = "Writes to the WDS allowed at once. Default: ${DEFAULT-VALUE}")
  int wdsBurst;

  @Option(
      names = "--wec-update-strategy",
      defaultValue = "ServerSideApply",
      description =
          "How the OCM work agent updates delivered objects in the WECs (D16): ServerSideApply"
              + " (forced, field manager work-agent-kubestellar; fields removed in the WDS are"
              + " removed in the WECs) or Update (OCM's default, as upstream: removed labels and"
              + " annotations stay). createOnly objects use CreateOnly either way. Default:"
              + " ${DEFAULT-VALUE}")
  String wecUpdateStrategy;

  private volatile ComponentRunner runner;
  private volatile TransportController controller;

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
            leaderElect,
            leaderElectionNamespace,
            leaderElectionId,
            coalesceDelay,
            concurrency,
            itsQps,
            itsBurst,
            wdsQps,
            wdsBurst,
            TransportConfig.parseUpdateStrategy(wecUpdateStrategy));
    var started = new ComponentRunner("transport-controller", common.toConfig(), config.describe());
    runner = started;
    return started.run(
        registry -> {
          controller =
              new TransportController(config, registry, started::requestStop, Clock.systemUTC());
          return controller;
        });
  }

  /** The controller, once {@link #call} has built it (for tests and in-process benchmarks). */
  public TransportController controller() {
    return controller;
  }

  /** The runner, once {@link #call} has built it. */
  public ComponentRunner runner() {
    return runner;
  }
}
