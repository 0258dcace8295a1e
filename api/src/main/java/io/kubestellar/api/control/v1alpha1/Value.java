/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crdv2.generator.v1.SchemaCustomizer;
import io.fabric8.generator.annotation.Required;

/**
 * One cell of a CombinedStatus row: a JSON value tagged with its type. Exactly the field matching
 * {@code type} is set; numbers travel as text in the field named {@code float} (D3).
 *
 * @param type the kind of value
 * @param string the text, when {@code type} is String
 * @param number the decimal text of the number, when {@code type} is Number (JSON name {@code
 *     float})
 * @param bool the truth value, when {@code type} is Bool
 * @param object the JSON object, when {@code type} is Object
 * @param array the JSON array, when {@code type} is Array
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@SchemaCustomizer(
    value = DeepMergeSchemaCustomizer.class,
    input =
        "{\"properties\":{"
            + "\"object\":{\"type\":null,\"x-kubernetes-preserve-unknown-fields\":true},"
            + "\"array\":{\"type\":null,\"x-kubernetes-preserve-unknown-fields\":true}}}")
public record Value(
    @Required
        @JsonPropertyDescription("Which kind of value this is; decides which other field is set.")
        ValueType type,
    @JsonPropertyDescription("The value when type is String.") String string,
    @JsonProperty("float")
        @JsonPropertyDescription(
            "The value when type is Number, written as decimal text (integers too).")
        String number,
    @JsonPropertyDescription("The value when type is Bool.") Boolean bool,
    @JsonPropertyDescription("The value when type is Object, as arbitrary JSON.") Object object,
    @JsonPropertyDescription("The value when type is Array, as arbitrary JSON.") Object array) {}
