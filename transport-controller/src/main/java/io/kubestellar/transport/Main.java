/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import io.kubestellar.runtime.WdsControllerMain;
import java.time.Clock;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the transport controller: Bindings of one WDS become ManifestWorks in the ITS. */
@Command(
    name = "transport-controller",
    mixinStandardHelpOptions = true,
    description = "Turns the Bindings of one WDS into OCM ManifestWorks in its ITS.")
public final class Main extends WdsControllerMain {

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
      names = "--coalesce-delay",
      defaultValue = "PT0.02S",
      description =
          "Accepted for compatibility and unused: changes that arrive while a Binding syncs fold"
              + " into one more sync (D18). Default: ${DEFAULT-VALUE}")
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

  private volatile TransportController controller;

  public Main() {
    super("transport-controller");
  }

  @Override
  protected Launch launch() {
    var config =
        new TransportConfig(
            common(),
            maxNumWrapped,
            maxSizeWrapped,
            coalesceDelay,
            concurrency,
            itsQps,
            itsBurst,
            wdsQps,
            wdsBurst,
            TransportConfig.parseUpdateStrategy(wecUpdateStrategy));
    return new Launch(
        config.describe(),
        (registry, requestStop) -> {
          controller = new TransportController(config, registry, requestStop, Clock.systemUTC());
          return controller;
        });
  }

  public static void main(String[] args) {
    System.exit(new Main().execute(args));
  }

  /** The controller, once {@link #call} has built it (for tests and in-process benchmarks). */
  public TransportController controller() {
    return controller;
  }
}
