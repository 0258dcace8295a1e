/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import io.kubestellar.plugin.model.DeliveryMatrix;
import io.kubestellar.plugin.model.MatrixFilter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code where [POLICY | KIND/NAME]}: the objects × clusters matrix of delivery states. */
@Command(name = "where", mixinStandardHelpOptions = true)
final class WhereCommand extends PluginCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "POLICY|KIND/NAME",
      description = "Only this policy's objects, or only this object; -n limits to a namespace.")
  String subject;

  @Override
  public Integer call() {
    Timing.mark("command");
    try (var spaces = new Spaces(options)) {
      MatrixFilter filter;
      if (subject == null) {
        filter = new MatrixFilter(null, options.namespace, null, null);
      } else if (Target.looksLikeObject(subject)) {
        var target = Target.parse(subject, options.namespace, ApiResources.discover(spaces.wds()));
        filter = new MatrixFilter(null, null, target.ref(), null);
      } else {
        filter = new MatrixFilter(subject, options.namespace, null, null);
      }
      var matrix = DeliveryMatrix.of(DeliveryFactsReader.read(spaces), filter);
      Timing.mark("matrix");
      Printer.print(out(), options.output, MatrixView.of(matrix), () -> MatrixView.table(matrix));
      Timing.mark("printed");
      return 0;
    }
  }
}
