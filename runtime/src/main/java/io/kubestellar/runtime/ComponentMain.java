/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The one {@code Main} pattern of every binary: picocli parses the common flags and one set of
 * connection flags per space, the binary turns its own flags into a validated configuration and
 * says how to build its component, and a {@link ComponentRunner} runs it (management port, logging,
 * signals, bounded stop). {@code Main} stays the only place that wires objects.
 */
public abstract class ComponentMain implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  private final String name;
  private final List<Space> spaces;
  private volatile ComponentRunner runner;

  /** A space the binary connects to: its flag prefix and a description for --help. */
  public record Space(String prefix, String description) {
    /** The workload definition space. */
    public static final Space WDS = new Space("wds", "WDS (workload definition space)");

    /** The inventory and transport space. */
    public static final Space ITS = new Space("its", "ITS (inventory and transport space)");
  }

  /** What a binary runs: its configuration, logged at startup, and how to build its component. */
  public record Launch(Map<String, Object> settings, Factory component) {}

  /** Builds the component once the management port and logging are up. */
  @FunctionalInterface
  public interface Factory {
    /**
     * @param requestStop stops the process (e.g. when leadership is lost)
     */
    Component create(MeterRegistry registry, Runnable requestStop) throws Exception;
  }

  /**
   * @param name the binary's name, for logs
   * @param spaces the spaces it connects to, in the order --help lists their flags
   */
  protected ComponentMain(String name, Space... spaces) {
    this.name = name;
    this.spaces = List.of(spaces);
  }

  /** Validates the binary's flags into its configuration; throws IllegalArgumentException. */
  protected abstract Launch launch();

  /** The binary's name. */
  protected String name() {
    return name;
  }

  /** The connection settings of one space, as its flags say. */
  protected SpaceOptions space(String prefix) {
    return SpaceFlags.read(spec, prefix);
  }

  /** The command line with every flag registered; tests execute it in-process. */
  public CommandLine commandLine() {
    var line = CommandLines.of(this);
    spaces.forEach(space -> SpaceFlags.register(line, space.prefix(), space.description()));
    return line;
  }

  /** Parses {@code args}, runs until stopped and returns the exit code. */
  public int execute(String... args) {
    return commandLine().execute(args);
  }

  @Override
  public final Integer call() throws Exception {
    var launch = launch();
    var started = new ComponentRunner(name, common.toConfig(), launch.settings());
    runner = started;
    return started.run(
        registry -> {
          try {
            return launch.component().create(registry, started::requestStop);
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        });
  }

  /** The runner, once {@link #call} has built it (for tests and in-process benchmarks). */
  public ComponentRunner runner() {
    return runner;
  }
}
