/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command shares: the kubectl-style options and where to print. */
abstract class PluginCommand {

  @Mixin SpaceOptions options;

  @Spec CommandSpec spec;

  /** The command's standard output. */
  PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
