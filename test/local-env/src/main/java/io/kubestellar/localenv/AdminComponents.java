/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The KubeStellar components run on a {@link LocalEnvironment} with the administrator's kubeconfig:
 * each from its runnable jar as its own process, with its own management port, waited for on {@code
 * /readyz}. What the end-to-end tests of behaviour and the benchmarks use; {@link DemoComponents}
 * runs them under the charts' least-privilege identities instead.
 */
public final class AdminComponents {

  /** How long a component may take to answer {@code /readyz}. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

  private final LocalEnvironment env;
  private final ComponentJars jars;
  private final FreePorts freePorts = new FreePorts();
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public AdminComponents(LocalEnvironment env) {
    this.env = env;
    this.jars = ComponentJars.fromWorkingDirectory();
  }

  /**
   * The arguments that point a component of {@code module} at the spaces with the administrator's
   * kubeconfig: the WDS (not for the status add-on) and the ITS.
   */
  public static List<String> spaceArgs(LocalEnvironment env, String module) {
    var kubeconfig = env.kubeconfig().toString();
    var wds = env.spec().wdsName();
    var its = env.spec().itsName();
    var args = new ArrayList<String>();
    if (!module.equals("status-addon")) {
      args.addAll(List.of("--wds-kubeconfig", kubeconfig, "--wds-context", wds));
    }
    args.addAll(List.of("--its-kubeconfig", kubeconfig, "--its-context", its));
    return args;
  }

  /** The arguments of the status add-on agent of one WEC, reaching the WEC as administrator. */
  public static List<String> agentArgs(LocalEnvironment env, String wec) {
    return List.of(
        "--cluster-name",
        wec,
        "--wec-kubeconfig",
        env.kubeconfig().toString(),
        "--wec-context",
        wec);
  }

  /**
   * The status pipeline the status end-to-end tests and the pipeline benchmarks share: the
   * KubeStellar CRDs in the WDS and WorkStatus in the ITS, then {@link #startPipeline} for {@code
   * wecs}.
   */
  public static AdminComponents startStatusPipeline(LocalEnvironment env, List<String> wecs) {
    Crds.installKubeStellar(env.client(env.spec().wdsName()), env.client(env.spec().itsName()));
    var components = new AdminComponents(env);
    components.startPipeline(wecs);
    return components;
  }

  /**
   * Starts the whole pipeline: the controller-manager, the transport controller and a status add-on
   * agent for each of {@code wecs}, then waits until every one is ready.
   */
  public void startPipeline(List<String> wecs) {
    var wdsName = List.of("--wds-name", env.spec().wdsName());
    start("controller-manager", "controller-manager", wdsName);
    start("transport-controller", "transport-controller", wdsName);
    for (var wec : wecs) {
      start("status-addon-" + wec, "status-addon", agentArgs(env, wec));
    }
    awaitReady();
  }

  /**
   * Starts one component process {@code name} of {@code module}: the management address, the space
   * arguments and {@code extra}. A name started before keeps its management port.
   */
  public ManagedProcess start(String name, String module, List<String> extra) {
    int port = ports.computeIfAbsent(name, n -> freePorts.next());
    var args = new ArrayList<String>(List.of("--management-address", "127.0.0.1:" + port));
    args.addAll(spaceArgs(env, module));
    args.addAll(extra);
    return env.startComponent(name, jars.jar(module), args);
  }

  /** Kills a component (SIGKILL) and starts it again with the same arguments and port. */
  public void killAndRestart(String name) {
    var process = env.process(name);
    process.kill();
    process.start();
  }

  /** The management port of a started component. */
  public int port(String name) {
    var port = ports.get(name);
    if (port == null) {
      throw new IllegalArgumentException("no component " + name + " was started");
    }
    return port;
  }

  /** Waits until every started component answers {@code /readyz} with 200. */
  public void awaitReady() {
    ports.keySet().forEach(this::awaitReady);
  }

  /** Waits until one component answers {@code /readyz} with 200; fails if it exits. */
  public void awaitReady(String name) {
    var process = env.process(name);
    var url = "http://127.0.0.1:" + port(name) + "/readyz";
    Readiness.await(
        name + " ready (log: " + process.logFile() + ")",
        READY_TIMEOUT,
        () -> Readiness.answersOk(http, url, null),
        process);
  }

  /** {@code name current / peak MiB} of every started component, for a benchmark's report. */
  public String memory() {
    var memory = new ArrayList<String>();
    for (var name : ports.keySet()) {
      env.process(name)
          .memory()
          .ifPresent(
              m ->
                  memory.add(
                      name + " " + m.currentKib() / 1024 + " / " + m.peakKib() / 1024 + " MiB"));
    }
    return String.join("; ", memory);
  }
}
