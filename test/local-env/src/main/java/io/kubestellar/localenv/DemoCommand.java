/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code local-env demo}: the whole system on the local environment, left running. Starts the
 * environment detached, runs the three components as their own processes under the chart's RBAC,
 * applies {@code examples/app-deployment/}, waits until the Deployment is Available in every
 * production cluster and the CombinedStatus has a row per cluster, prints what is where, and
 * records every process in {@code state.json} so that {@code local-env down} stops them all.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Start the environment (every WEC labelled environment=production) and the KubeStellar"
            + " components, apply the example, print a summary, and leave everything running (stop"
            + " it with 'down').",
    subcommands = {DemoCommand.Stop.class, DemoCommand.Start.class})
final class DemoCommand implements Callable<Integer> {

  static final String WDS = "wds1";
  static final String ITS = "its1";
  static final Map<String, String> PRODUCTION = Map.of("environment", "production");

  @Mixin RunDirOption run;

  @Mixin WecNamesOption wecs;

  @Option(
      names = "--timeout",
      defaultValue = "PT5M",
      description = "How long to wait for delivery and status. Default: ${DEFAULT-VALUE}")
  Duration timeout;

  @Override
  public Integer call() throws Exception {
    quietLogging();
    if (Files.exists(RunState.file(run.dir()))) {
      System.err.println(
          "[demo] an environment is already recorded in "
              + run.dir().toAbsolutePath()
              + "; stop it first with: hack/demo.sh down");
      return 1;
    }
    var jars = ComponentJars.fromWorkingDirectory();
    var began = Instant.now();
    say(
        "step 1/4: starting the local environment (WDS %s, ITS %s, WECs %s)",
        WDS, ITS, wecs.names());
    var specs = new ArrayList<WecSpec>();
    for (var wec : wecs.names()) {
      specs.add(WecSpec.withDefaultLabels(wec, PRODUCTION));
    }
    var env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(run.dir()).withWecs(specs).withDetached(true),
            ToolPaths.fromEnvironment());
    // Recorded at once, and again after each start, so 'down' stops whatever got started.
    env.runState().write();
    var scene = new DemoScene(env, jars.repoRoot(), ToolPaths.fromEnvironment().kubectl());
    try {
      say(
          "step 2/4: starting controller-manager, transport-controller and a status-addon per WEC,"
              + " each with its own ServiceAccount token (config/rbac)");
      var components = new DemoComponents(env, jars);
      components.installItsCrds();
      var started = new ArrayList<DemoComponents.Running>();
      started.add(components.startControllerManager());
      env.runState().write();
      // The controller-manager installs the KubeStellar CRDs into the WDS; the transport
      // controller's informers need them, so it starts once the controller-manager is ready.
      awaitReady(components, started.get(0));
      started.add(components.startTransportController());
      env.runState().write();
      for (var wec : wecs.names()) {
        started.add(components.startStatusAddon(wec));
        env.runState().write();
      }
      DemoRecord.write(run.dir(), started);
      for (var component : started.subList(1, started.size())) {
        awaitReady(components, component);
      }
      var componentsReady = Instant.now();

      say("step 3/4: applying examples/app-deployment/ to %s", WDS);
      scene.kubectlPrint(WDS, "apply", "-f", "examples/app-deployment/workload.yaml");
      scene.kubectlPrint(WDS, "apply", "-f", "examples/app-deployment/policy.yaml");

      say(
          "step 4/4: waiting for the Deployment to be Available in %s and for its CombinedStatus",
          wecs.names());
      scene.awaitDelivered(wecs.names(), timeout, DemoCommand::say);
      var done = Instant.now();

      System.out.println();
      System.out.println(scene.summary(wecs.names(), started));
      System.out.printf(
          "Timings: environment %ds, components ready %ds later, delivered with status %ds later"
              + " (%ds in all).%n",
          env.startupTime().toSeconds(),
          Duration.between(began.plus(env.startupTime()), componentsReady).toSeconds(),
          Duration.between(componentsReady, done).toSeconds(),
          Duration.between(began, done).toSeconds());
      System.out.println();
      System.out.println(nextSteps(env));
      return 0;
    } catch (RuntimeException e) {
      System.err.println("[demo] FAILED: " + e.getMessage());
      System.err.println(
          "[demo] everything started so far keeps running for inspection; logs: "
              + run.dir().toAbsolutePath().resolve("logs")
              + "; stop it with: hack/demo.sh down");
      return 1;
    } finally {
      env.runState().write();
    }
  }

  private static void awaitReady(DemoComponents components, DemoComponents.Running component) {
    components.awaitReady(component);
    say(
        "  %s ready (pid %d, %s)",
        component.name(), component.process().pid(), component.url("/metrics"));
  }

  private static String nextSteps(LocalEnvironment env) {
    var kubeconfig = env.kubeconfig();
    return String.join(
        "\n",
        "Everything keeps running. Try:",
        "  export KUBECONFIG=" + kubeconfig,
        "  kubectl --context wds1 get bindingpolicies,bdg           # SYNCED and READY columns",
        "  kubectl --context wds1 get combinedstatuses -n myapp -o yaml",
        "  kubectl --context cluster1 get deployments,services -n myapp",
        "  kubectl --context wds1 scale deployment myapp -n myapp --replicas 3",
        "  kubectl --context its1 get manifestworks -A",
        "  hack/demo.sh status                                      # the processes",
        "  hack/demo.sh stop transport-controller                   # and start it again: start",
        "Guides: docs/getting-started.md, docs/guides/. Logs: "
            + env.spec().runDir().toAbsolutePath().resolve("logs"),
        "Stop everything: hack/demo.sh down");
  }

  static void say(String format, Object... args) {
    System.out.println("[demo] " + String.format(format, args));
    System.out.flush();
  }

  /** Progress lines of the environment only; client libraries stay quiet. */
  static void quietLogging() {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    context.reset();
    var encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("[%logger{0}] %msg%n");
    encoder.setCharset(StandardCharsets.UTF_8);
    encoder.start();
    var console = new ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    console.setContext(context);
    console.setEncoder(encoder);
    console.start();
    var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.ERROR);
    root.addAppender(console);
    context.getLogger(LocalEnvironment.class).setLevel(Level.INFO);
  }

  /**
   * What {@code demo stop} and {@code demo start} act on: one process the run directory records.
   */
  abstract static class OnRecordedProcess implements Callable<Integer> {
    @Mixin RunDirOption run;

    @Parameters(
        paramLabel = "NAME",
        description = "Process name as 'status' lists it, e.g. transport-controller.")
    String name;

    /** The recorded entry of process {@code name}, if there is one. */
    Optional<RunState.ProcessEntry> recorded(RunState state) {
      return state.processes().stream().filter(p -> p.name().equals(name)).findFirst();
    }
  }

  /** {@code demo stop NAME}: stops one recorded component (or any recorded process). */
  @Command(
      name = "stop",
      description = "Stop one process of the running demo, e.g. transport-controller.")
  static final class Stop extends OnRecordedProcess {
    @Override
    public Integer call() {
      var state = RunState.read(run.dir());
      var entry = recorded(state);
      if (entry.isEmpty()) {
        System.err.println("no process named " + name + " in " + RunState.file(run.dir()));
        return 1;
      }
      var handle = ProcessHandle.of(entry.get().pid()).filter(ProcessHandle::isAlive);
      if (handle.isEmpty()) {
        System.out.println(name + " is not running");
        return 0;
      }
      var commandLine = handle.get().info().commandLine().orElse("");
      if (!commandLine.contains(state.runDir())) {
        System.err.println("pid " + entry.get().pid() + " is no longer " + name + "; not touched");
        return 1;
      }
      ManagedProcess.terminate(handle.get(), Duration.ofSeconds(30));
      System.out.println("stopped " + name + " (pid " + entry.get().pid() + ")");
      return 0;
    }
  }

  /** {@code demo start NAME}: starts a component stopped with {@code stop} again. */
  @Command(name = "start", description = "Start a component stopped with 'stop' again.")
  static final class Start extends OnRecordedProcess {
    @Override
    public Integer call() {
      var record = DemoRecord.read(run.dir()).get(name);
      if (record == null) {
        System.err.println(
            "no component named " + name + "; components: " + DemoRecord.read(run.dir()).keySet());
        return 1;
      }
      var state = RunState.read(run.dir());
      var entry = recorded(state);
      if (entry.isPresent()
          && ProcessHandle.of(entry.get().pid()).map(ProcessHandle::isAlive).orElse(false)) {
        System.out.println(name + " is already running (pid " + entry.get().pid() + ")");
        return 0;
      }
      var process =
          new ManagedProcess(
              name,
              record.command(),
              run.dir().toAbsolutePath().resolve("logs").resolve(name + ".log"),
              true);
      process.start();
      var entries = new ArrayList<RunState.ProcessEntry>();
      for (var p : state.processes()) {
        if (!p.name().equals(name)) {
          entries.add(p);
        }
      }
      entries.add(new RunState.ProcessEntry(name, process.pid()));
      new RunState(state.runDir(), state.kubeconfig(), state.startedAt(), entries).write();
      var http = java.net.http.HttpClient.newHttpClient();
      Readiness.await(
          name + " /readyz",
          DemoComponents.READY_TIMEOUT,
          () -> Readiness.answersOk(http, record.readyzUrl(), null),
          process);
      System.out.println("started " + name + " (pid " + process.pid() + "), ready");
      return 0;
    }
  }
}
