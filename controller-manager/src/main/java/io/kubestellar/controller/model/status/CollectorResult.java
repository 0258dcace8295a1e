/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What one StatusCollector contributes to a CombinedStatus: an entry of {@code results}. JSON field
 * names are the API's; empty lists are omitted from JSON as the API does.
 *
 * @param name the StatusCollector name
 * @param columnNames select names, or groupBy names followed by combinedFields names
 * @param rows the rows, in the deterministic order documented in {@code docs/status-model.md}
 * @param rowErrors per-WEC evaluation errors
 * @param aggregationErrors problems met while aggregating
 */
public record CollectorResult(
    String name,
    List<String> columnNames,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Row> rows,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<RowError> rowErrors,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<AggregationError> aggregationErrors) {

  public CollectorResult {
    columnNames = columnNames == null ? List.of() : List.copyOf(columnNames);
    rows = rows == null ? List.of() : List.copyOf(rows);
    rowErrors = rowErrors == null ? List.of() : List.copyOf(rowErrors);
    aggregationErrors = aggregationErrors == null ? List.of() : List.copyOf(aggregationErrors);
  }

  /** One row of cells, in column order. */
  public record Row(List<Value> columns) {
    public Row {
      columns = List.copyOf(columns);
    }
  }

  /**
   * An expression that failed for one WEC.
   *
   * @param wec the WEC
   * @param columnName the column whose expression failed; {@code ""} for the filter
   * @param error the error text
   */
  public record RowError(WecReference wec, String columnName, String error) {
    public static RowError of(String clusterId, String columnName, String error) {
      return new RowError(new WecReference(clusterId), columnName, error);
    }
  }

  /** Names a WEC as the API does: {@code {clusterId: ...}}. */
  public record WecReference(String clusterId) {}

  /** A problem met while aggregating one column of one group. */
  public record AggregationError(String columnName, String error) {}
}
