/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code local-env up|down|status}: the local multi-cluster environment for people. */
@Command(
    name = "local-env",
    mixinStandardHelpOptions = true,
    description = "Runs a local multi-cluster environment of real Kubernetes and OCM processes.",
    subcommands = {
      LocalEnvCommand.Up.class,
      LocalEnvCommand.Down.class,
      LocalEnvCommand.Status.class,
      DemoCommand.class
    })
public final class LocalEnvCommand {

  public static void main(String[] args) {
    var line = new CommandLine(new LocalEnvCommand());
    System.exit(line.execute(args));
  }

  /** Starts an environment that keeps running after the command returns. */
  @Command(name = "up", description = "Start the environment and leave it running.")
  static final class Up implements Callable<Integer> {
    @Mixin RunDirOption run;

    @Mixin WecNamesOption wecs;

    @Option(
        names = "--wec-label",
        description =
            "Extra ManagedCluster label as <wec>:<key>=<value>; repeatable. Every WEC also gets"
                + " name=<wec> and location-group=edge.")
    List<String> wecLabels = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
      if (Files.exists(RunState.file(run.dir()))) {
        System.err.println(
            "an environment is already recorded in "
                + run.dir().toAbsolutePath()
                + "; run 'local-env down --run-dir "
                + run.dir()
                + "' first");
        return 1;
      }
      var extra = new LinkedHashMap<String, Map<String, String>>();
      for (var label : wecLabels) {
        int colon = label.indexOf(':');
        int equals = label.indexOf('=');
        if (colon < 1 || equals < colon + 2) {
          throw new CommandLine.ParameterException(
              new CommandLine(this), "--wec-label must look like cluster1:key=value: " + label);
        }
        extra
            .computeIfAbsent(label.substring(0, colon), k -> new LinkedHashMap<>())
            .put(label.substring(colon + 1, equals), label.substring(equals + 1));
      }
      var specs = new ArrayList<WecSpec>();
      for (var wec : wecs.names()) {
        specs.add(WecSpec.withDefaultLabels(wec, extra.getOrDefault(wec, Map.of())));
      }
      var spec = EnvironmentSpec.defaults(run.dir()).withWecs(specs).withDetached(true);
      var env = LocalEnvironment.start(spec, ToolPaths.fromEnvironment());
      env.runState().write();
      System.out.println(summary(env));
      return 0;
    }
  }

  /** Stops an environment started with {@code up}. */
  @Command(name = "down", description = "Stop the environment started by 'up'.")
  static final class Down implements Callable<Integer> {
    @Mixin RunDirOption run;

    @Option(names = "--keep-data", description = "Keep the run directory (logs, etcd data).")
    boolean keepData;

    @Override
    public Integer call() throws Exception {
      if (!Files.exists(RunState.file(run.dir()))) {
        System.out.println("no environment recorded in " + run.dir().toAbsolutePath());
        return 0;
      }
      var state = RunState.read(run.dir());
      var stopped = state.stop(Duration.ofSeconds(10), ToolPaths.fromEnvironment());
      System.out.println("stopped " + stopped.size() + " processes: " + String.join(", ", stopped));
      if (keepData) {
        Files.delete(RunState.file(run.dir()));
      } else {
        LocalEnvironment.deleteTree(run.dir());
      }
      return 0;
    }
  }

  /** Shows whether the recorded processes are alive. */
  @Command(name = "status", description = "Show the recorded processes and whether they run.")
  static final class Status implements Callable<Integer> {
    @Mixin RunDirOption run;

    @Override
    public Integer call() {
      if (!Files.exists(RunState.file(run.dir()))) {
        System.out.println("no environment recorded in " + run.dir().toAbsolutePath());
        return 1;
      }
      var state = RunState.read(run.dir());
      int down = 0;
      for (var p : state.processes()) {
        boolean alive = ProcessHandle.of(p.pid()).map(ProcessHandle::isAlive).orElse(false);
        down += alive ? 0 : 1;
        System.out.printf("%-28s pid %-8d %s%n", p.name(), p.pid(), alive ? "running" : "STOPPED");
      }
      System.out.println("kubeconfig: " + state.kubeconfig());
      return down == 0 ? 0 : 1;
    }
  }

  static String summary(LocalEnvironment env) {
    var out = new StringBuilder();
    long peakKib = 0;
    for (var memory : env.memory().values()) {
      peakKib += memory.peakKib();
    }
    out.append("Local environment is up (")
        .append(env.startupTime().toSeconds())
        .append("s, ")
        .append(env.processes().size())
        .append(" processes, ")
        .append(peakKib / 1024)
        .append(" MiB resident at peak)\n");
    out.append("  kubeconfig: ").append(env.kubeconfig()).append('\n');
    out.append("  contexts:   ").append(String.join(", ", env.spaces())).append('\n');
    out.append("  logs:       ")
        .append(env.spec().runDir().toAbsolutePath().resolve("logs"))
        .append('\n');
    out.append("Try:\n");
    out.append("  export KUBECONFIG=").append(env.kubeconfig()).append('\n');
    out.append("  kubectl --context ")
        .append(env.spec().itsName())
        .append(" get managedclusters --show-labels\n");
    out.append("  kubectl --context ")
        .append(env.spec().wecs().get(0).name())
        .append(" get nodes\n");
    return out.toString();
  }
}
