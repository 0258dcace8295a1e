/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.bench;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The option every benchmark takes: where its local environment keeps its files. */
final class RunDirectory {

  @Spec(Spec.Target.MIXEE)
  CommandSpec benchmark;

  @Option(
      names = "--run-dir",
      paramLabel = "DIR",
      description = "Where the local environment keeps its files. Default: target/<name>-bench.")
  Path dir;

  /** The directory, absolute: {@code --run-dir}, else {@code target/<benchmark name>-bench}. */
  Path path() {
    return (dir != null ? dir : Path.of("target", benchmark.name() + "-bench")).toAbsolutePath();
  }
}
