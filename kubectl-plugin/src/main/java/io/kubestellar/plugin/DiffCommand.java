/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code diff KIND/NAME --cluster C}: what we send against the WEC's copy. */
@Command(name = "diff", mixinStandardHelpOptions = true, exitCodeOnExecutionException = 2)
final class DiffCommand extends PluginCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "KIND/NAME")
  String object;

  @Option(names = "--cluster", required = true, paramLabel = "CLUSTER", description = "The WEC.")
  String cluster;

  @Override
  public Integer call() {
    try (var spaces = new Spaces(options)) {
      var target = Target.parse(object, options.namespace, ApiResources.discover(spaces.wds()));
      var answer = new Differ(spaces).diff(target.ref(), target.type(), cluster);
      Printer.print(out(), options.output, answer, () -> Differ.table(answer));
      return answer.diff().isEmpty() ? 0 : 1;
    }
  }
}
