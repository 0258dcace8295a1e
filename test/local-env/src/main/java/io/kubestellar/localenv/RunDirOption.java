/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --run-dir}, which every local-env and demo command takes: where one environment lives. */
final class RunDirOption {

  static final String DEFAULT = ".local-env";

  @Option(
      names = "--run-dir",
      defaultValue = DEFAULT,
      description = "Kubeconfig, data, logs and state go here. Default: ${DEFAULT-VALUE}")
  private Path dir;

  Path dir() {
    return dir;
  }
}
