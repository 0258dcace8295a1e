/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import java.io.PrintWriter;
import java.util.function.Supplier;

/** Prints an answer as a table (the command's own text), JSON or YAML. */
final class Printer {

  private Printer() {}

  static void print(PrintWriter out, OutputFormat format, Object answer, Supplier<String> table) {
    switch (format) {
      case json -> out.println(Spaces.JSON.asJson(answer));
      case yaml -> out.print(Spaces.JSON.asYaml(answer));
      default -> out.print(table.get());
    }
    out.flush();
  }
}
