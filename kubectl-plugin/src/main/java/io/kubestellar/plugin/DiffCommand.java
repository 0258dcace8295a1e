/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diff KIND/NAME --cluster C}: what we send against the WEC's copy. */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Unified diff of the object as the transport sends it to the cluster (after cleaning,"
          + " CustomTransforms and templates) against the WEC's copy, ignoring what the WEC owns"
          + " (status, defaults, server metadata). Exit code 0: no differences; 1: differences;"
          + " 2 and more: the diff could not be made (as kubectl diff)."
    },
    exitCodeOnExecutionException = 2)
final class DiffCommand implements Callable<Integer> {

  @Mixin SpaceOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND/NAME")
  String object;

  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "The WEC.")
  String cluster;

  @Override
  public Integer call() {
    try (var spaces = new Spaces(options)) {
      var target = Target.parse(object, options.namespace, ApiResources.discover(spaces.wds()));
      var answer = new Differ(spaces).diff(target.ref(), target.type(), cluster);
      Printer.print(
          spec.commandLine().getOut(), options.output, answer, () -> Differ.table(answer));
      return answer.diff().isEmpty() ? 0 : 1;
    }
  }
}
