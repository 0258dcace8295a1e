/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.kubestellar.controller.reconciler.binding.CrdInstaller;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ManagedProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole pipeline for the benchmarks that run it end to end: the KubeStellar CRDs in the WDS and
 * WorkStatus in the ITS, then the controller-manager, the transport-controller and one status-addon
 * agent per WEC, each from its runnable jar as its own process, each waited for on {@code /readyz}.
 */
final class BenchPipeline {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

  private final LocalEnvironment env;
  private final Map<String, Integer> managementPorts = new LinkedHashMap<>();

  private BenchPipeline(LocalEnvironment env) {
    this.env = env;
  }

  /** Installs the CRDs, starts every component for {@code wecs} and waits until each is ready. */
  static BenchPipeline start(LocalEnvironment env, List<String> wecs) throws Exception {
    var pipeline = new BenchPipeline(env);
    CrdInstaller.ensure(env.client("wds1"));
    StatusItsOnly.installWorkStatusCrd(env.client("its1"));
    pipeline.component("controller-manager", "controller-manager", List.of("--wds-name", "wds1"));
    pipeline.component(
        "transport-controller", "transport-controller", List.of("--wds-name", "wds1"));
    for (var wec : wecs) {
      pipeline.component(
          "status-addon-" + wec,
          "status-addon",
          List.of(
              "--cluster-name",
              wec,
              "--wec-kubeconfig",
              env.kubeconfig().toString(),
              "--wec-context",
              wec));
    }
    pipeline.awaitReady();
    return pipeline;
  }

  private void component(String name, String module, List<String> extra) {
    int port = freePort();
    managementPorts.put(name, port);
    var kubeconfig = env.kubeconfig().toString();
    var args = new ArrayList<String>(List.of("--management-address", "127.0.0.1:" + port));
    if (!module.equals("status-addon")) {
      args.addAll(List.of("--wds-kubeconfig", kubeconfig, "--wds-context", "wds1"));
    }
    args.addAll(List.of("--its-kubeconfig", kubeconfig, "--its-context", "its1"));
    args.addAll(extra);
    env.startComponent(name, ComponentJars.fromWorkingDirectory().jar(module), args);
  }

  private void awaitReady() throws InterruptedException {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    for (var entry : managementPorts.entrySet()) {
      var process = env.process(entry.getKey());
      var url = URI.create("http://127.0.0.1:" + entry.getValue() + "/readyz");
      StatusItsOnly.waitFor(
          entry.getKey() + " ready (log: " + process.logFile() + ")",
          READY_TIMEOUT,
          () -> {
            if (!process.isAlive()) {
              throw new IllegalStateException(entry.getKey() + " exited; see " + process.logFile());
            }
            try {
              return http.send(
                          HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode()
                  == 200;
            } catch (IOException e) {
              return false;
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              return false;
            }
          });
    }
  }

  /**
   * A one-replica Deployment {@code namespace/name} with one container, selected by {@code
   * app=<name>}, carrying {@code labels}: what every pipeline benchmark delivers.
   */
  static Deployment deployment(String namespace, String name, Map<String, String> labels) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .addToLabels(labels)
        .endMetadata()
        .withNewSpec()
        .withReplicas(1)
        .withNewSelector()
        .addToMatchLabels("app", name)
        .endSelector()
        .withNewTemplate()
        .withNewMetadata()
        .addToLabels("app", name)
        .endMetadata()
        .withNewSpec()
        .addNewContainer()
        .withName("web")
        .withImage("registry.example/web:1")
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** {@code name current / peak MiB} of every component, for the report. */
  String memory() {
    var memory = new ArrayList<String>();
    for (var name : managementPorts.keySet()) {
      env.process(name).memory().ifPresent(m -> memory.add(name + " " + mib(m) + " MiB"));
    }
    return String.join("; ", memory);
  }

  private static String mib(ManagedProcess.Memory m) {
    return m.currentKib() / 1024 + " / " + m.peakKib() / 1024;
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The load average, as printed beside every figure. */
  static String loadAverage() {
    try {
      var parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0]
          + ", "
          + parts[1]
          + ", "
          + parts[2]
          + " on "
          + Runtime.getRuntime().availableProcessors()
          + " cores";
    } catch (IOException e) {
      return "unknown";
    }
  }
}
