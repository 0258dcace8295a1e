/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The part of a StatusCollector that evaluation needs: its name and spec. A reconciler maps the API
 * type onto this record; {@code null} lists are read as empty.
 *
 * @param name the StatusCollector's name (also the name of its result entry)
 * @param filter CEL expression deciding which WECs take part, or {@code null}
 * @param groupBy named CEL expressions whose values form the group key
 * @param combinedFields aggregations over the WECs of each group
 * @param select named CEL expressions, one row per WEC
 * @param limit maximum number of rows; {@code null} means the documented default 20 (D11)
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StatusCollectorDefinition(
    String name,
    String filter,
    List<NamedExpression> groupBy,
    List<CombinedField> combinedFields,
    List<NamedExpression> select,
    Long limit) {

  /** D11: the API documents 20 rows when {@code limit} is omitted. */
  public static final long DEFAULT_LIMIT = 20;

  public StatusCollectorDefinition {
    groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    combinedFields = combinedFields == null ? List.of() : List.copyOf(combinedFields);
    select = select == null ? List.of() : List.copyOf(select);
    if (filter != null && filter.isBlank()) {
      filter = null;
    }
  }

  /** The row limit in force: the given one, or {@link #DEFAULT_LIMIT}. */
  public long effectiveLimit() {
    return limit == null ? DEFAULT_LIMIT : limit;
  }

  /** Whether this collector lists one row per WEC rather than aggregating. */
  public boolean isSelect() {
    return !select.isEmpty();
  }

  /** A named CEL expression ({@code select} and {@code groupBy} items). */
  public record NamedExpression(String name, String def) {}

  /**
   * One aggregation ({@code combinedFields} item).
   *
   * @param name the column name
   * @param type the aggregation as written ({@code COUNT}, {@code SUM}, {@code AVG}, {@code MIN},
   *     {@code MAX}); kept as text so that validation can report an unknown one
   * @param subject CEL expression aggregated over; must be absent for COUNT
   */
  public record CombinedField(String name, String type, String subject) {}
}
