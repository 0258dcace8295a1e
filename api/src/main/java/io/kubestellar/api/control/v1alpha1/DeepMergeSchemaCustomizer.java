/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Iterator;
import java.util.Map;

/**
 * Build-time helper for the CRD generator: merges a JSON patch into a generated schema recursively
 * (RFC 7386 semantics). The generator's own merge-patch customizer replaces nested maps such as
 * {@code properties} wholesale, which would drop the generated properties.
 */
public final class DeepMergeSchemaCustomizer implements SchemaCustomizer.Customizer {

  /** Instantiated reflectively by the CRD generator. */
  public DeepMergeSchemaCustomizer() {}

  @Override
  public JSONSchemaProps apply(
      JSONSchemaProps props, String input, KubernetesSerialization serialization) {
    JsonNode base = serialization.convertValue(props, JsonNode.class);
    JsonNode patch = serialization.unmarshal(input, JsonNode.class);
    return serialization.convertValue(merge(base, patch), JSONSchemaProps.class);
  }

  static JsonNode merge(JsonNode base, JsonNode patch) {
    if (!(patch instanceof ObjectNode patchObject) || !(base instanceof ObjectNode baseObject)) {
      return patch;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = patchObject.fields(); it.hasNext(); ) {
      var entry = it.next();
      if (entry.getValue().isNull()) {
        baseObject.remove(entry.getKey());
      } else {
        var current = baseObject.get(entry.getKey());
        baseObject.set(
            entry.getKey(), current == null ? entry.getValue() : merge(current, entry.getValue()));
      }
    }
    return baseObject;
  }
}
