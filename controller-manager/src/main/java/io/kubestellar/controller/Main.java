/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.kubestellar.controller.reconciler.binding.BindingController;
import io.kubestellar.controller.reconciler.binding.CrdInstaller;
import io.kubestellar.controller.reconciler.status.StatusController;
import io.kubestellar.controller.reconciler.status.StatusControllerOptions;
import io.kubestellar.runtime.WdsControllerMain;
import io.kubestellar.runtime.controller.ControllerHost;
import io.kubestellar.runtime.controller.WdsControllers;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point of the controller-manager: binding and status controllers for one WDS. */
@Command(
    name = "controller-manager",
    mixinStandardHelpOptions = true,
    description =
        "Resolves BindingPolicies into Bindings and brings status back for one WDS and its ITS.")
public final class Main extends WdsControllerMain {

  @Option(
      names = "--api-groups",
      defaultValue = "",
      description =
          "Comma-separated API groups whose objects may be bound; an empty element is the core"
              + " group (e.g. apps,,batch). Empty: every group.")
  String apiGroups;

  @Option(
      names = "--coalesce-delay",
      defaultValue = "PT0.02S",
      description =
          "How long a changed object waits before the status controller handles it, so that a"
              + " burst of changes becomes one (ISO-8601 duration, D7); BindingPolicies are"
              + " resolved at once (D18). Default: ${DEFAULT-VALUE}")
  Duration coalesceDelay;

  @Option(
      names = "--concurrency",
      defaultValue = "4",
      description = "BindingPolicies resolved at once. Default: ${DEFAULT-VALUE}")
  int concurrency;

  @Option(
      names = "--install-crds",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Install or update the KubeStellar CRDs in the WDS at startup. Default: ${DEFAULT-VALUE}")
  boolean installCrds;

  @Option(
      names = "--controllers",
      split = ",",
      defaultValue = "binding,status",
      description = "Controllers to run: binding, or binding,status. Default: ${DEFAULT-VALUE}")
  Set<String> controllers;

  public Main() {
    super("controller-manager");
  }

  @Override
  protected Launch launch() {
    var config =
        new ControllerManagerConfig(
            common(),
            ControllerManagerConfig.parseApiGroups(apiGroups),
            coalesceDelay,
            concurrency,
            installCrds,
            controllers);
    return new Launch(
        config.describe(),
        (registry, requestStop) -> new Controllers(config, registry, requestStop));
  }

  public static void main(String[] args) {
    System.exit(new Main().execute(args));
  }

  /** Connects to both spaces, then wires and starts the binding and status controllers. */
  private static final class Controllers extends WdsControllers {
    private final ControllerManagerConfig config;
    private volatile BindingController binding;
    private volatile StatusController status;

    Controllers(ControllerManagerConfig config, MeterRegistry registry, Runnable requestStop) {
      super(config.common(), new Settings(config.concurrency(), registry, requestStop));
      this.config = config;
    }

    @Override
    protected void prepare(KubernetesClient wds, KubernetesClient its) throws Exception {
      var registry = settings().registry();
      if (config.installCrds()) {
        CrdInstaller.ensure(wds);
      }
      binding =
          new BindingController(
              wds,
              its,
              new BindingController.Settings(
                  config.common().wdsName(),
                  config.coalesceDelay(),
                  config.concurrency(),
                  config.apiGroups()),
              Clock.systemUTC(),
              registry);
      if (config.controllers().contains("status")) {
        // Writes only once lead() is called: it shares the binding controller's Lease.
        status =
            new StatusController(
                wds,
                its,
                config.common().wdsName(),
                Clock.systemUTC(),
                registry,
                StatusControllerOptions.defaults()
                    .withCoalesceDelay(config.coalesceDelay())
                    .withWorkers(config.concurrency())
                    .withLeadOnStart(false));
        status.start();
      }
    }

    @Override
    protected void register(ControllerHost host, KubernetesClient its) {
      binding.register(host);
      host.start();
    }

    @Override
    protected void startLeading() {
      binding.deleteOrphanBindings();
      var statusController = status;
      if (statusController != null) {
        statusController.lead();
      }
    }

    @Override
    public boolean isReady() {
      var running = host();
      var statusController = status;
      return super.isReady()
          && running != null
          && running.isStarted()
          && binding.isSynced()
          // A status controller still waiting for the ITS to serve WorkStatus does not hold the
          // binding controller back; it logs what it waits for and becomes ready by itself.
          && (statusController == null
              || statusController.isReady()
              || statusController.isWaitingForKinds());
    }

    @Override
    public boolean isHealthy() {
      var running = host();
      var statusController = status;
      return (running == null || running.isHealthy())
          && (statusController == null || statusController.isHealthy());
    }

    @Override
    public void stop() {
      var statusController = status;
      if (statusController != null) {
        statusController.stop();
      }
      var running = host();
      if (running != null) {
        running.stop();
      }
      if (binding != null) {
        binding.close();
      }
      super.stop();
    }
  }
}
