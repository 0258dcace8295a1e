/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code explain KIND/NAME}: why an object is or is not bound, per policy and cluster. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "For every BindingPolicy and every cluster: whether the object is bound and why, naming the"
          + " clause and the test that failed or the cluster selector and the label that did not"
          + " match; where it is bound, its ManifestWork, whether it was applied, its status in the"
          + " WEC, drift and the last error."
    })
final class ExplainCommand implements Callable<Integer> {

  @Mixin SpaceOptions options;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND/NAME", description = "e.g. deployment/myapp")
  String object;

  @Override
  public Integer call() {
    try (var spaces = new Spaces(options)) {
      var target = Target.parse(object, options.namespace, ApiResources.discover(spaces.wds()));
      var answer = new Explainer(spaces).explain(target.ref(), target.type());
      Printer.print(
          spec.commandLine().getOut(), options.output, answer, () -> Explainer.table(answer));
      return 0;
    }
  }
}
