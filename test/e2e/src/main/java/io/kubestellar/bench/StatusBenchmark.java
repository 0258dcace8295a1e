/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures status return (issue #6): the p50/p99 time from a status change to the WDS object and
 * its CombinedStatus reflecting it, and the memory of the components that carry it.
 *
 * <ul>
 *   <li>{@code --mode full} (default, {@link StatusPipelineRun}): the whole pipeline as separate
 *       processes on the local environment with M real WECs. The change happens inside a WEC (a pod
 *       of a delivered Deployment is deleted, so the WEC's kube-controller-manager rewrites the
 *       Deployment's {@code .status}); measured from that new {@code .status} appearing in the WEC
 *       to the same value in the WDS object (singleton return) and in its CombinedStatus. Prints
 *       the resident memory of the controller-manager and of each status-addon agent.
 *   <li>{@code --mode its-only} ({@link StatusItsOnly}): no WEC and no agent; the benchmark writes
 *       WorkStatuses into the ITS as the agent would, and runs the status controller in its own
 *       JVM.
 * </ul>
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Status-change-to-WDS latency (object status and CombinedStatus) and memory; by default"
            + " over the whole pipeline from a status change inside a WEC.")
public final class StatusBenchmark implements Callable<Integer> {

  enum Mode {
    full,
    its_only
  }

  @Option(
      names = "--mode",
      defaultValue = "full",
      description =
          "full: real WECs, agents and controllers as processes, change inside a WEC (default);"
              + " its-only: WorkStatus written into the ITS, agent simulated.",
      converter = ModeConverter.class)
  Mode mode;

  @Option(names = "--objects", description = "Deployments (N); default 50 (full), 100 (its-only).")
  Integer objects;

  @Option(names = "--wecs", defaultValue = "2", description = "WECs (M).")
  int wecs;

  @Option(
      names = "--changes",
      defaultValue = "100",
      description = "full: status changes made inside WECs (pod deletions).")
  int changes;

  @Option(
      names = "--interval-ms",
      defaultValue = "200",
      description = "full: pause between two changes (a change starts only on an idle object).")
  int intervalMs;

  @Option(
      names = "--rounds",
      defaultValue = "5",
      description = "its-only: status changes per object.")
  int rounds;

  @Mixin RunDirectory runDir;

  public static void main(String[] args) {
    System.exit(new CommandLine(new StatusBenchmark()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    if (wecs < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--wecs must be at least 1");
    }
    if (mode == Mode.its_only) {
      return new StatusItsOnly(objects == null ? 100 : objects, wecs, rounds, runDir.path()).run();
    }
    return new StatusPipelineRun(
            objects == null ? 50 : objects, wecs, changes, intervalMs, runDir.path())
        .run();
  }

  static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
    @Override
    public Mode convert(String value) {
      return switch (value) {
        case "full" -> Mode.full;
        case "its-only" -> Mode.its_only;
        default ->
            throw new CommandLine.TypeConversionException(
                "unknown mode " + value + " (full or its-only)");
      };
    }
  }
}
