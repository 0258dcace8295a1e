/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import io.kubestellar.api.control.v1alpha1.BindingPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code preview -f policy.yaml}: what a policy would bind, without creating anything. */
@Command(name = "preview", mixinStandardHelpOptions = true)
final class PreviewCommand extends PluginCommand implements Callable<Integer> {

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "FILE",
      description = "The BindingPolicy, in YAML or JSON; - reads standard input.")
  String file;

  @Override
  public Integer call() throws IOException {
    BindingPolicy policy;
    try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
      policy = Spaces.JSON.unmarshal(in, BindingPolicy.class);
    }
    if (policy == null || policy.getMetadata() == null || policy.getMetadata().getName() == null) {
      throw new UserError(file + " holds no named BindingPolicy");
    }
    try (var spaces = new Spaces(options)) {
      var answer = new Previewer(spaces).preview(policy);
      Printer.print(out(), options.output, answer, () -> table(answer));
      return 0;
    }
  }

  static String table(Previewer.Answer a) {
    var out = new StringBuilder();
    out.append("BindingPolicy ")
        .append(a.policy())
        .append(" would bind ")
        .append(a.objects().size())
        .append(" objects to ")
        .append(a.clusters().size())
        .append(" clusters ")
        .append(a.clusters())
        .append('\n');
    a.objects().forEach(o -> out.append("  ").append(o).append('\n'));
    if (a.bindingExists()) {
      out.append("compared with Binding ").append(a.policy()).append(":\n");
      a.addedObjects().forEach(o -> out.append("  + ").append(o).append('\n'));
      a.removedObjects().forEach(o -> out.append("  - ").append(o).append('\n'));
      a.addedClusters().forEach(o -> out.append("  + cluster ").append(o).append('\n'));
      a.removedClusters().forEach(o -> out.append("  - cluster ").append(o).append('\n'));
    } else {
      out.append("no Binding ").append(a.policy()).append(" exists yet: everything above is new\n");
    }
    out.append(a.problems().isEmpty() ? "no problems\n" : "problems:\n");
    a.problems().forEach(p -> out.append("  ").append(p).append('\n'));
    return out.toString();
  }
}
