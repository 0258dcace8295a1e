/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One cell of a CombinedStatus row, in the API's union form {@code {type, string|float|bool|object|
 * array}}. Numbers keep their text (key {@code float}, also for integers) so that consumers see the
 * same text upstream writes (D3).
 *
 * @param type which member of the union is set
 * @param string the text, for {@link Type#String}
 * @param number the decimal text, for {@link Type#Number} (JSON key {@code float})
 * @param bool the boolean, for {@link Type#Bool}
 * @param object the JSON value, for {@link Type#Object}
 * @param array the JSON array, for {@link Type#Array}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Value(
    @JsonProperty("type") Type type,
    @JsonProperty("string") String string,
    @JsonProperty("float") String number,
    @JsonProperty("bool") Boolean bool,
    @JsonProperty("object") JsonNode object,
    @JsonProperty("array") JsonNode array) {

  /** The union's discriminator; constant names are the wire values. */
  public enum Type {
    String,
    Number,
    Bool,
    Null,
    Object,
    Array
  }

  private static final Value NULL = new Value(Type.Null, null, null, null, null, null);
  private static final Value TRUE = new Value(Type.Bool, null, null, true, null, null);
  private static final Value FALSE = new Value(Type.Bool, null, null, false, null, null);

  public Value {
    Objects.requireNonNull(type, "type");
  }

  public static Value ofString(String text) {
    return new Value(Type.String, Objects.requireNonNull(text), null, null, null, null);
  }

  /** A Number whose text is already in its final form, e.g. {@code "2"} or {@code "1e+06"}. */
  public static Value ofNumberText(String text) {
    return new Value(Type.Number, null, Objects.requireNonNull(text), null, null, null);
  }

  public static Value ofLong(long number) {
    return ofNumberText(Long.toString(number));
  }

  /** A Number formatted like Go's {@code strconv.FormatFloat(v, 'g', -1, 64)} (D3). */
  public static Value ofDouble(double number) {
    return ofNumberText(GoFloatFormat.format(number));
  }

  public static Value ofBool(boolean value) {
    return value ? TRUE : FALSE;
  }

  public static Value ofNull() {
    return NULL;
  }

  public static Value ofObject(JsonNode json) {
    return new Value(Type.Object, null, null, null, Objects.requireNonNull(json), null);
  }

  public static Value ofArray(JsonNode json) {
    if (!json.isArray()) {
      throw new IllegalArgumentException("not a JSON array: " + json.getNodeType());
    }
    return new Value(Type.Array, null, null, null, null, json);
  }

  /** A short text for logs and test messages. */
  @JsonIgnore
  public String display() {
    return switch (type) {
      case String -> string;
      case Number -> number;
      case Bool -> bool.toString();
      case Null -> "null";
      case Object -> String.valueOf(object);
      case Array -> String.valueOf(array);
    };
  }
}
