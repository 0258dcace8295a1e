/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code explain KIND/NAME}: why an object is or is not bound, per policy and cluster. */
@Command(name = "explain", mixinStandardHelpOptions = true)
final class ExplainCommand extends PluginCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "KIND/NAME", description = "e.g. deployment/myapp")
  String object;

  @Override
  public Integer call() {
    try (var spaces = new Spaces(options)) {
      var target = Target.parse(object, options.namespace, ApiResources.discover(spaces.wds()));
      var answer = new Explainer(spaces).explain(target.ref(), target.type());
      Printer.print(out(), options.output, answer, () -> Explainer.table(answer));
      return 0;
    }
  }
}
