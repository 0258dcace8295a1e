/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build-time entry point that writes the CRDs of the control kinds: fabric8's CRD generator, with
 * the printer columns taken from a table ({@link PrinterColumns}). The api build runs it in {@code
 * process-classes}; hack/update-crds.sh copies its output to config/crd.
 */
public final class CrdGeneration {

  /** Every control kind; one CRD each. */
  static final List<Class<? extends HasMetadata>> KINDS =
      List.of(
          BindingPolicy.class,
          Binding.class,
          CombinedStatus.class,
          CustomTransform.class,
          StatusCollector.class,
          WorkStatus.class);

  private CrdGeneration() {}

  /**
   * Writes one {@code <plural>.<group>-v1.yml} per kind.
   *
   * @param args the output directory and the printer-column table (YAML)
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException(
          "usage: CrdGeneration <output directory> <printer-columns.yaml>");
    }
    var output = Files.createDirectories(Path.of(args[0]));
    var columns = PrinterColumns.read(Path.of(args[1]), KINDS);
    new CRDGenerator()
        .customResourceClasses(KINDS)
        .withPostProcessor(columns)
        .inOutputDir(output.toFile())
        .generate();
  }
}
