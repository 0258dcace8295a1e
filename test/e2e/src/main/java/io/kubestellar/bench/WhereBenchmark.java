/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import io.kubestellar.localenv.AdminComponents;
import io.kubestellar.localenv.ComponentJars;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ToolPaths;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures the kubectl plugin (issue 14): {@code kubectl ks where} from a warm start on a fleet of
 * N objects × M clusters, and how soon the console shows a change made in a WEC.
 *
 * <p>Set-up: the local environment with its two real WECs and the whole pipeline as processes
 * ({@link BenchPipeline}); a {@link SimulatedFleet} of N ConfigMaps (and their namespace) bound to
 * M inventory-only clusters, whose agents' reports this benchmark writes; and one Deployment
 * delivered to both real WECs for the console ({@link ConsoleLatency}).
 *
 * <p>{@code where}: the launcher ({@code kubectl-plugin/bin/kubectl-kubestellar where}, table
 * output to a pipe) run once to record its class-data archive, once more to warm the page cache,
 * then R times; each run's wall time (process start to exit, as a user waits for it), its CPU time
 * and its phases ({@code KUBESTELLAR_PLUGIN_TIMING}) are printed as p50/max with the load average.
 */
@Command(
    name = "where",
    mixinStandardHelpOptions = true,
    description = "kubectl ks where at N objects x M clusters, and the console's latency.")
public final class WhereBenchmark implements Callable<Integer> {

  private static final List<String> WECS = List.of("cluster1", "cluster2");
  private static final Pattern PHASE =
      Pattern.compile("([a-z][a-z0-9 .-]*?)(?: \\([^)]*\\))? \\+(\\d+) ms");

  @Option(names = "--objects", defaultValue = "1000", description = "Fleet objects (N).")
  int objects;

  @Option(names = "--clusters", defaultValue = "10", description = "Fleet clusters (M).")
  int clusters;

  @Mixin RunDirectory runDir;

  @Option(names = "--runs", defaultValue = "10", description = "Warm where runs (R).")
  int runs;

  @Option(names = "--changes", defaultValue = "6", description = "Console changes of each kind.")
  int changes;

  @Option(
      names = "--baseline",
      paramLabel = "LAUNCHER",
      description =
          "Another build's launcher (e.g. a checkout of the commit before a change:"
              + " OTHER/kubectl-plugin/bin/kubectl-kubestellar), run in turns with this one on the"
              + " same fleet, so that before and after meet the same machine.")
  Path baseline;

  @Option(
      names = "--hold",
      description =
          "After measuring, keep the environment up until the file this prints is deleted (to"
              + " look into a figure by hand).")
  boolean hold;

  private final Path launcher =
      ComponentJars.fromWorkingDirectory()
          .repoRoot()
          .resolve("kubectl-plugin/bin/kubectl-kubestellar");

  public static void main(String[] args) {
    System.exit(new CommandLine(new WhereBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    System.out.printf(
        "[where] %d objects x %d inventory clusters (simulated agents) + 1 Deployment x %d real"
            + " WECs; %d warm where runs, %d console changes of each kind%n",
        objects, clusters, WECS.size(), runs, changes);
    System.out.printf("[where] load average before: %s%n", Measures.loadAverage());
    var dir = runDir.path();
    try (var env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(dir).withWecNames(WECS), ToolPaths.fromEnvironment())) {
      var pipeline = AdminComponents.startStatusPipeline(env, WECS);
      var console = new ConsoleLatency(env);
      console.deliver();
      var fleet = new SimulatedFleet(env.client("wds1"), env.client("its1"), objects, clusters);
      fleet.create();
      System.out.printf(
          "[where] set-up done (%d fleet cells, %d ManifestWorks); load average: %s%n",
          fleet.cells(), fleet.works(), Measures.loadAverage());

      measureWhere(env.kubeconfig(), dir);
      measureConsole(env.kubeconfig(), dir, console);
      System.out.printf("[where] memory, resident now / peak: %s%n", pipeline.memory());
      if (hold) {
        holdUntilReleased(env.kubeconfig(), dir);
      }
    }
    return 0;
  }

  private void measureWhere(Path kubeconfig, Path dir) throws Exception {
    settle();
    var current = new Series("where", launcher);
    var before = baseline == null ? null : new Series("baseline", baseline.toAbsolutePath());
    for (var series : before == null ? List.of(current) : List.of(before, current)) {
      var first = where(series.launcher, kubeconfig, dir);
      System.out.printf(
          "[where] %s: first run (records the class-data archive if missing): %s wall, %s; %s%n",
          series.name, Measures.ms(first.wallNanos()), first.summary(), Measures.loadAverage());
      where(series.launcher, kubeconfig, dir);
    }
    // With a baseline the two take turns, so that both meet the same machine.
    for (int i = 0; i < runs; i++) {
      if (before != null) {
        before.add(where(before.launcher, kubeconfig, dir));
      }
      current.add(where(current.launcher, kubeconfig, dir));
    }
    if (before != null) {
      before.report();
    }
    current.report();
  }

  /**
   * Waits, up to 2 minutes, until the components have digested the fleet's set-up: the load average
   * of the last minute below one per core's worth of the set-up's leftovers (1.5).
   */
  private static void settle() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (Measures.oneMinuteLoad() > 1.5 && System.nanoTime() < deadline) {
      Thread.sleep(2_000);
    }
    System.out.printf(
        "[where] settled after the set-up; load average %s%n", Measures.loadAverage());
  }

  /** The warm runs of one launcher. */
  private final class Series {
    final String name;
    final Path launcher;
    final List<Long> wall = new ArrayList<>();
    final List<Long> cpu = new ArrayList<>();
    final Map<String, List<Long>> phases = new LinkedHashMap<>();
    final List<String> loads = new ArrayList<>();
    Run last;

    Series(String name, Path launcher) {
      this.name = name;
      this.launcher = launcher;
    }

    void add(Run run) {
      loads.add(run.load());
      last = run;
      wall.add(run.wallNanos());
      cpu.add(run.cpuMillis() * 1_000_000);
      run.phases()
          .forEach(
              (phase, ms) ->
                  phases.computeIfAbsent(phase, p -> new ArrayList<>()).add(ms * 1_000_000));
    }

    void report() {
      System.out.printf("[where] %s (%s): %s%n", name, launcher, last.summary());
      System.out.printf(
          "[where] %s, warm, wall: %s; load average before the first / last run: %s / %s%n",
          name, Measures.figures(wall), loads.get(0), loads.get(loads.size() - 1));
      System.out.printf("[where] %s, warm, CPU:  %s%n", name, Measures.figures(cpu));
      System.out.printf("[where] %s, phases, time since main (p50 / max):%n", name);
      phases.forEach(
          (phase, values) ->
              System.out.printf(
                  "[where]   %-40s %9s / %9s%n",
                  phase,
                  Measures.ms(Measures.percentile(values, 0.5)),
                  Measures.ms(Measures.percentile(values, 1.0))));
      System.out.printf(
          "where: name=%s objects=%d clusters=%d runs=%d wall_p50_ms=%d wall_max_ms=%d"
              + " cpu_p50_ms=%d load=\"%s\"%n",
          name,
          objects,
          clusters,
          runs,
          Measures.percentile(wall, 0.5) / 1_000_000,
          Measures.percentile(wall, 1.0) / 1_000_000,
          Measures.percentile(cpu, 0.5) / 1_000_000,
          Measures.loadAverage());
    }
  }

  /**
   * One where run: wall time, the summary line, CPU and phases from its timing line, and the load
   * average just before it.
   */
  private record Run(
      long wallNanos, String summary, long cpuMillis, Map<String, Long> phases, String load) {}

  private Run where(Path launcher, Path kubeconfig, Path dir)
      throws IOException, InterruptedException {
    var load = Measures.loadAverage();
    var out = dir.resolve("where.out");
    var err = dir.resolve("where.err");
    var builder =
        new ProcessBuilder(launcher.toString(), "where", "--kubeconfig", kubeconfig.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("KUBESTELLAR_PLUGIN_TIMING", "1");
    long began = System.nanoTime();
    var process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("where did not finish within 2 minutes");
    }
    long wall = System.nanoTime() - began;
    var lines = Files.readAllLines(out);
    var errors = Files.readString(err);
    if (process.exitValue() != 0 || lines.isEmpty()) {
      throw new IllegalStateException("where failed (" + process.exitValue() + "): " + errors);
    }
    long cpu = 0;
    var phases = new LinkedHashMap<String, Long>();
    for (var line : errors.split("\n")) {
      if (line.startsWith("timing: ")) {
        var parts = line.substring("timing: ".length()).split("; ");
        var start = parts[0].replaceAll("[^0-9]", "");
        phases.put("launcher + JVM start", start.isEmpty() ? 0 : Long.parseLong(start));
        var matcher = PHASE.matcher(parts[1] + ", " + parts[2]);
        while (matcher.find()) {
          phases.put(matcher.group(1), Long.parseLong(matcher.group(2)));
        }
        if (parts.length > 3) {
          cpu = Long.parseLong(parts[3].replaceAll("[^0-9]", ""));
        }
      }
    }
    return new Run(wall, lines.get(lines.size() - 1), cpu, phases, load);
  }

  private void measureConsole(Path kubeconfig, Path dir, ConsoleLatency console) throws Exception {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var log = ConsoleLatency.logFile(dir);
    var process =
        new ProcessBuilder(
                launcher.toString(),
                "console",
                "--kubeconfig",
                kubeconfig.toString(),
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      Measures.waitFor(
          "the console serving (log: " + log + ")",
          Duration.ofMinutes(2),
          () -> Files.exists(log) && readQuietly(log).contains("console: http://"));
      console.measure(port, changes);
      console.report(Measures.loadAverage());
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void holdUntilReleased(Path kubeconfig, Path dir)
      throws IOException, InterruptedException {
    var release = dir.resolve("hold");
    Files.writeString(release, "delete this file to stop the environment\n");
    System.out.printf(
        "[where] holding the environment: KUBECONFIG=%s; rm %s to stop it%n", kubeconfig, release);
    while (Files.exists(release)) {
      Thread.sleep(1_000);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
