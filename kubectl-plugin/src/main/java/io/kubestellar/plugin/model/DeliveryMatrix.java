/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import io.kubestellar.controller.model.binding.ObjectRef;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The objects × clusters matrix of {@code where} and the console.
 *
 * @param clusters the columns: every cluster some shown object is bound to, sorted
 * @param rows the objects, sorted
 */
public record DeliveryMatrix(List<String> clusters, List<MatrixRow> rows) {

  public DeliveryMatrix {
    clusters = List.copyOf(clusters);
    rows = List.copyOf(rows);
  }

  /** Builds the matrix from the facts, keeping what the filter admits. */
  public static DeliveryMatrix of(DeliveryFacts facts, MatrixFilter filter) {
    var policies = new TreeMap<ObjectRef, SortedSet<String>>();
    var versions = new TreeMap<ObjectRef, String>();
    var destinations = new TreeMap<ObjectRef, SortedSet<String>>();
    var errors =
        new TreeMap<CellKey, String>(
            java.util.Comparator.comparing(CellKey::cluster).thenComparing(CellKey::object));
    for (var binding : facts.bindings()) {
      if (filter.policy() != null && !filter.policy().equals(binding.name())) {
        continue;
      }
      binding
          .objects()
          .forEach(
              (ref, version) -> {
                if (!filter.admits(ref)) {
                  return;
                }
                policies.computeIfAbsent(ref, r -> new TreeSet<>()).add(binding.name());
                versions.putIfAbsent(ref, version);
                destinations
                    .computeIfAbsent(ref, r -> new TreeSet<>())
                    .addAll(binding.destinations());
                for (var cluster : binding.destinations()) {
                  var error = TransportErrors.naming(binding.errors(), ref, cluster);
                  if (error != null) {
                    errors.putIfAbsent(new CellKey(cluster, ref), error);
                  }
                }
              });
    }
    var rows = new ArrayList<MatrixRow>();
    var columns = new TreeSet<String>();
    for (var entry : policies.entrySet()) {
      var ref = entry.getKey();
      SortedMap<String, Cell> cells = new TreeMap<>();
      for (var cluster : destinations.get(ref)) {
        var key = new CellKey(cluster, ref);
        cells.put(
            cluster, cell(facts.manifests().get(key), facts.reports().get(key), errors.get(key)));
      }
      var row = new MatrixRow(ref, versions.get(ref), entry.getValue(), cells);
      if (filter.admits(row)) {
        rows.add(row);
        columns.addAll(cells.keySet());
      }
    }
    return new DeliveryMatrix(new ArrayList<>(columns), rows);
  }

  private static Cell cell(ManifestFacts manifest, ReportFacts report, String error) {
    var state = CellState.of(manifest, report, error);
    String detail =
        switch (state) {
          case FAILED -> error != null ? error : manifest.message();
          case DRIFTED -> report.drift();
          case APPLIED ->
              report != null && report.conditions() != null ? report.conditions() : null;
          default -> null;
        };
    return new Cell(state, manifest == null ? null : manifest.work(), detail);
  }

  /** How many cells are in each state (every state present, zero or not). */
  public Map<CellState, Integer> counts() {
    var counts = new EnumMap<CellState, Integer>(CellState.class);
    for (var state : CellState.values()) {
      counts.put(state, 0);
    }
    rows.forEach(
        row -> row.cells().values().forEach(c -> counts.merge(c.state(), 1, Integer::sum)));
    return counts;
  }

  /** The summary line, e.g. {@code 3 objects × 2 clusters, 6 cells: 6 available}. */
  public String summary() {
    int cells = rows.stream().mapToInt(r -> r.cells().size()).sum();
    var parts =
        counts().entrySet().stream()
            .filter(e -> e.getValue() > 0)
            .map(e -> e.getValue() + " " + e.getKey().word())
            .collect(Collectors.joining(", "));
    return rows.size()
        + " objects × "
        + clusters.size()
        + " clusters, "
        + cells
        + " cells"
        + (parts.isEmpty() ? "" : ": " + parts);
  }
}
