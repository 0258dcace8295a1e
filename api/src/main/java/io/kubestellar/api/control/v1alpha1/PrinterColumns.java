/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Build-time step of {@link CrdGeneration}: sets each CRD's printer columns from a table that lists
 * them per kind in the order {@code kubectl get} shows them (the generator's annotations cannot
 * express an order, and a table lets kinds share one set of columns).
 */
final class PrinterColumns implements CRDPostProcessor {

  /**
   * One entry of the table.
   *
   * @param plurals the kinds that show these columns
   * @param columns the columns, in display order; priority 0 unless given
   */
  record Entry(List<String> plurals, List<CustomResourceColumnDefinition> columns) {}

  private final Map<String, List<CustomResourceColumnDefinition>> byPlural;

  private PrinterColumns(Map<String, List<CustomResourceColumnDefinition>> byPlural) {
    this.byPlural = byPlural;
  }

  /** Reads the table and checks that it names every kind exactly once and nothing else. */
  static PrinterColumns read(Path table, List<Class<? extends HasMetadata>> kinds)
      throws IOException {
    List<Entry> entries;
    try (var in = Files.newInputStream(table)) {
      entries = new KubernetesSerialization().unmarshal(in, new TypeReference<List<Entry>>() {});
    }
    var byPlural = new HashMap<String, List<CustomResourceColumnDefinition>>();
    for (var entry : entries) {
      var columns = entry.columns().stream().map(c -> checked(c, table)).toList();
      for (var plural : entry.plurals()) {
        if (byPlural.put(plural, columns) != null) {
          throw new IllegalArgumentException(table + " lists " + plural + " twice");
        }
      }
    }
    Set<String> expected =
        kinds.stream()
            .map(k -> HasMetadata.getPlural(k))
            .collect(Collectors.toCollection(TreeSet::new));
    if (!byPlural.keySet().equals(expected)) {
      throw new IllegalArgumentException(
          table + " must list exactly the kinds " + expected + ", not " + byPlural.keySet());
    }
    return new PrinterColumns(byPlural);
  }

  /** The column with priority 0 unless given; a key the column does not have is an error. */
  private static CustomResourceColumnDefinition checked(
      CustomResourceColumnDefinition c, Path table) {
    if (!c.getAdditionalProperties().isEmpty()) {
      throw new IllegalArgumentException(
          table + ": column " + c.getName() + " has unknown keys " + c.getAdditionalProperties());
    }
    return new CustomResourceColumnDefinitionBuilder(c)
        .withPriority(Objects.requireNonNullElse(c.getPriority(), 0))
        .build();
  }

  @Override
  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
    var definition = (CustomResourceDefinition) crd;
    var columns = byPlural.get(definition.getSpec().getNames().getPlural());
    definition.getSpec().getVersions().forEach(v -> v.setAdditionalPrinterColumns(columns));
    return crd;
  }
}
