/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.primitives.UnsignedLong;
import dev.cel.common.values.CelByteString;
import dev.cel.common.values.NullValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Conversions between JSON trees, CEL runtime values and CombinedStatus {@link Value}s.
 *
 * <p>JSON integers that fit a signed 64-bit integer become CEL {@code int} ({@link Long}); other
 * numbers become {@code double}, as Kubernetes' unstructured decoding does. JSON {@code null}
 * becomes CEL {@code null}.
 */
public final class CelValues {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private CelValues() {}

  /** The CEL value of a JSON tree; {@code null} or a missing node gives an empty map. */
  public static Map<String, Object> toCelMap(JsonNode json) {
    if (json == null || json.isNull() || json.isMissingNode()) {
      return Map.of();
    }
    if (!json.isObject()) {
      throw new IllegalArgumentException("expected a JSON object, got " + json.getNodeType());
    }
    @SuppressWarnings("unchecked")
    var map = (Map<String, Object>) toCel(json);
    return map;
  }

  /** The CEL value of any JSON node. */
  public static Object toCel(JsonNode json) {
    if (json == null || json.isNull() || json.isMissingNode()) {
      return NullValue.NULL_VALUE;
    }
    if (json.isObject()) {
      var map = new LinkedHashMap<String, Object>();
      json.properties().forEach(e -> map.put(e.getKey(), toCel(e.getValue())));
      return Collections.unmodifiableMap(map);
    }
    if (json.isArray()) {
      var list = new ArrayList<Object>(json.size());
      json.forEach(item -> list.add(toCel(item)));
      return Collections.unmodifiableList(list);
    }
    if (json.isIntegralNumber()) {
      return json.canConvertToLong() ? (Object) json.longValue() : (Object) json.doubleValue();
    }
    if (json.isNumber()) {
      return json.doubleValue();
    }
    if (json.isBoolean()) {
      return json.booleanValue();
    }
    if (json.isTextual()) {
      return json.textValue();
    }
    return json.asText();
  }

  /**
   * Encodes a CEL result as a cell. Strings, numbers and booleans map to their own types; CEL
   * {@code null} to {@code Null}; lists to {@code Array}; maps, timestamps, durations, bytes and
   * types to {@code Object} holding their JSON form.
   */
  public static Value toValue(Object cel) {
    if (cel == null || isNull(cel)) {
      return Value.ofNull();
    }
    if (cel instanceof String s) {
      return Value.ofString(s);
    }
    if (cel instanceof Boolean b) {
      return Value.ofBool(b);
    }
    if (cel instanceof Long l) {
      return Value.ofLong(l);
    }
    if (cel instanceof UnsignedLong u) {
      return Value.ofNumberText(u.toString());
    }
    if (cel instanceof Double d) {
      return Value.ofDouble(d);
    }
    if (cel instanceof Number n) {
      return Value.ofNumberText(n.toString());
    }
    var json = toJson(cel);
    return json.isArray() ? Value.ofArray(json) : Value.ofObject(json);
  }

  /** The JSON form of a CEL value, as it appears inside an {@code Object} or {@code Array} cell. */
  public static JsonNode toJson(Object cel) {
    if (cel == null || isNull(cel)) {
      return JSON.nullNode();
    }
    if (cel instanceof String s) {
      return JSON.textNode(s);
    }
    if (cel instanceof Boolean b) {
      return JSON.booleanNode(b);
    }
    if (cel instanceof Long l) {
      return JSON.numberNode(l);
    }
    if (cel instanceof UnsignedLong u) {
      return JSON.numberNode(u.bigIntegerValue());
    }
    if (cel instanceof Double d) {
      // JSON has no NaN or infinities; keep Go's text for them.
      return Double.isFinite(d) ? JSON.numberNode(d) : JSON.textNode(GoFloatFormat.format(d));
    }
    if (cel instanceof Instant t) {
      return JSON.textNode(formatTimestamp(t));
    }
    if (cel instanceof Duration d) {
      return JSON.textNode(formatDuration(d));
    }
    if (cel instanceof CelByteString bytes) {
      return JSON.textNode(Base64.getEncoder().encodeToString(bytes.toByteArray()));
    }
    if (cel instanceof Map<?, ?> map) {
      ObjectNode object = JSON.objectNode();
      map.forEach((k, v) -> object.set(keyText(k), toJson(v)));
      return object;
    }
    if (cel instanceof Collection<?> list) {
      ArrayNode array = JSON.arrayNode();
      list.forEach(item -> array.add(toJson(item)));
      return array;
    }
    if (cel instanceof dev.cel.common.types.CelType type) {
      return JSON.textNode(type.name());
    }
    return JSON.textNode(cel.toString());
  }

  /** The CEL type name of a runtime value, as used in error texts. */
  public static String celTypeName(Object cel) {
    if (cel == null || isNull(cel)) {
      return "null_type";
    }
    if (cel instanceof String) {
      return "string";
    }
    if (cel instanceof Boolean) {
      return "bool";
    }
    if (cel instanceof Long) {
      return "int";
    }
    if (cel instanceof UnsignedLong) {
      return "uint";
    }
    if (cel instanceof Double) {
      return "double";
    }
    if (cel instanceof Instant) {
      return "google.protobuf.Timestamp";
    }
    if (cel instanceof Duration) {
      return "google.protobuf.Duration";
    }
    if (cel instanceof CelByteString) {
      return "bytes";
    }
    if (cel instanceof Map<?, ?>) {
      return "map";
    }
    if (cel instanceof List<?>) {
      return "list";
    }
    if (cel instanceof dev.cel.common.types.CelType) {
      return "type";
    }
    return cel.getClass().getSimpleName();
  }

  /** Whether the runtime value is CEL {@code null} (either representation CEL-Java uses). */
  public static boolean isNull(Object cel) {
    return cel instanceof NullValue || cel instanceof com.google.protobuf.NullValue;
  }

  /** RFC 3339 in UTC with fractional seconds only as long as needed, like Go's time JSON. */
  static String formatTimestamp(Instant instant) {
    var text = new StringBuilder(SECONDS.format(instant));
    int nanos = instant.getNano();
    if (nanos != 0) {
      var fraction = String.format("%09d", nanos).replaceFirst("0+$", "");
      text.append('.').append(fraction);
    }
    return text.append('Z').toString();
  }

  /** Seconds with a fraction as long as needed and an {@code s} suffix, e.g. {@code 1.5s}. */
  static String formatDuration(Duration duration) {
    var seconds =
        new java.math.BigDecimal(duration.getSeconds())
            .add(java.math.BigDecimal.valueOf(duration.getNano(), 9));
    var text = seconds.stripTrailingZeros().toPlainString();
    return text + "s";
  }

  private static String keyText(Object key) {
    if (key instanceof Double d) {
      return GoFloatFormat.format(d);
    }
    return String.valueOf(key);
  }
}
