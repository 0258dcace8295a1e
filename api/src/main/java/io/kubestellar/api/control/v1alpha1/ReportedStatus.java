/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.fabric8.crd.generator.annotation.PreserveUnknownFields;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A verbatim copy of an object's {@code .status} as its cluster reported it: arbitrary JSON. */
@PreserveUnknownFields
// The generator lists the any-getter as a property; the schema must be a bare open object.
@SchemaCustomizer(value = DeepMergeSchemaCustomizer.class, input = "{\"properties\":null}")
public final class ReportedStatus {

  private final Map<String, Object> content = new LinkedHashMap<>();

  /** An empty status. */
  public ReportedStatus() {}

  /** A status holding a copy of the given fields. */
  public ReportedStatus(Map<String, Object> content) {
    this.content.putAll(content);
  }

  /** The status fields; mutable. */
  @JsonAnyGetter
  public Map<String, Object> asMap() {
    return content;
  }

  @JsonAnySetter
  void put(String key, Object value) {
    content.put(key, value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportedStatus other && content.equals(other.content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(content);
  }

  @Override
  public String toString() {
    return "ReportedStatus" + content;
  }
}
