/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a component the same way in every binary: logging set up from flags, configuration logged,
 * management port served, the component started, and a graceful stop on SIGTERM/SIGINT bounded by
 * the shutdown timeout.
 */
public final class ComponentRunner {

  /** Exit code when the component could not start. */
  public static final int EXIT_STARTUP_FAILURE = 1;

  private static final Logger LOG = LoggerFactory.getLogger(ComponentRunner.class);

  private final String name;
  private final CommonOptions.CommonConfig common;
  private final Map<String, Object> settings;
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile ManagementServer management;

  /**
   * @param name the binary's name, for logs
   * @param settings the validated configuration to log at startup (no secrets)
   */
  public ComponentRunner(
      String name, CommonOptions.CommonConfig common, Map<String, Object> settings) {
    this.name = name;
    this.common = common;
    this.settings = settings;
  }

  /** The registry components add their meters to. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The bound management port, once {@link #run} has started it. */
  public int managementPort() {
    var server = management;
    return server == null ? -1 : server.port();
  }

  /**
   * Builds the component from the registry, starts it, and blocks until a stop is requested (by a
   * signal or {@link #requestStop}). Returns the process exit code.
   */
  public int run(Function<PrometheusMeterRegistry, Component> factory) {
    LoggingSetup.configure(common.logFormat(), common.logLevel());
    var startup = LOG.atInfo().setMessage("starting {}").addArgument(name);
    settings.forEach(startup::addKeyValue);
    startup.addKeyValue("managementAddress", common.managementAddress()).log();

    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    Component component;
    try {
      component = factory.apply(registry);
    } catch (RuntimeException e) {
      LOG.error("{} cannot start: {}", name, e.getMessage());
      return EXIT_STARTUP_FAILURE;
    }
    try {
      management =
          ManagementServer.start(
              common.managementAddress(), component::isHealthy, component::isReady, registry);
    } catch (RuntimeException e) {
      LOG.error("{} cannot start: {}", name, e.getMessage());
      return EXIT_STARTUP_FAILURE;
    }
    var hook = new Thread(this::stopFromSignal, name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      component.start();
      LOG.atInfo()
          .setMessage("{} started")
          .addArgument(name)
          .addKeyValue("managementPort", management.port())
          .log();
      stopRequested.await();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    } catch (Exception e) {
      // The message says what to fix; the stack trace is for developers.
      LOG.error("{} cannot start: {}", name, causes(e));
      LOG.debug("startup failure", e);
      return EXIT_STARTUP_FAILURE;
    } finally {
      stopComponent(component);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // The hook is running; it waits for `stopped` below.
      }
      stopped.countDown();
    }
  }

  /** Asks a running component to stop; {@link #run} then returns. */
  public void requestStop() {
    stopRequested.countDown();
  }

  private void stopFromSignal() {
    LOG.info("{} received a stop signal", name);
    requestStop();
    try {
      if (!stopped.await(common.shutdownTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("{} did not stop within {}; exiting anyway", name, common.shutdownTimeout());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void stopComponent(Component component) {
    var done = new Thread(component::stop, name + "-stop");
    done.setDaemon(true);
    done.start();
    try {
      done.join(common.shutdownTimeout().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (done.isAlive()) {
      LOG.warn("{} did not stop within {}", name, common.shutdownTimeout());
    }
    var server = management;
    if (server != null) {
      server.close();
    }
    LOG.info("{} stopped", name);
  }

  /**
   * The message of a failure and of each cause under it: JOSDK wraps the one that says what to fix.
   */
  static String causes(Throwable failure) {
    var text = new StringBuilder(String.valueOf(failure.getMessage()));
    for (var cause = failure.getCause(); cause != null && cause != cause.getCause(); ) {
      if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
        text.append(": ").append(cause.getMessage());
      }
      cause = cause.getCause();
    }
    return text.toString();
  }
}
