/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.work;

import com.fasterxml.jackson.databind.JsonNode;
import io.kubestellar.transport.model.GoText;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Iterator;
import java.util.Map;

/**
 * The length in bytes of the compact JSON that Go's {@code encoding/json} would produce for a tree,
 * which is how upstream measures objects against {@code --max-size-wrapped}. It differs from
 * Jackson's output where Go escapes {@code <}, {@code >}, {@code &}, U+2028 and U+2029 and where
 * the two format floating-point numbers differently.
 */
final class GoJsonSize {

  private GoJsonSize() {}

  static long of(JsonNode node) {
    return switch (node.getNodeType()) {
      case OBJECT -> objectSize(node.fields());
      case ARRAY -> {
        long size = 2 + Math.max(0, node.size() - 1);
        for (var element : node) {
          size += of(element);
        }
        yield size;
      }
      case STRING -> stringSize(node.textValue());
      case NUMBER -> numberText(node).length();
      case BOOLEAN -> node.booleanValue() ? 4 : 5;
      case BINARY -> stringSize(node.asText());
      default -> 4; // null, and anything else Go would write as null
    };
  }

  private static long objectSize(Iterator<Map.Entry<String, JsonNode>> fields) {
    long size = 2;
    int count = 0;
    while (fields.hasNext()) {
      var field = fields.next();
      size += stringSize(field.getKey()) + 1 + of(field.getValue());
      count++;
    }
    return size + Math.max(0, count - 1);
  }

  static long stringSize(String text) {
    long size = 2;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '"'
          || cp == '\\'
          || cp == '\n'
          || cp == '\r'
          || cp == '\t'
          || cp == '\b'
          || cp == '\f') {
        size += 2;
      } else if (cp < 0x20 || cp == '<' || cp == '>' || cp == '&' || cp == 0x2028 || cp == 0x2029) {
        size += 6;
      } else if (Character.isSurrogate((char) cp)) {
        size += 6; // a lone surrogate; Go writes the replacement character escaped
      } else {
        size += GoText.utf8Length(cp);
      }
    }
    return size;
  }

  /**
   * The decimal with the fewest digits that reads back as {@code value}, as Go's formatter picks.
   */
  private static BigDecimal shortestDecimal(double value) {
    var exact = new BigDecimal(value);
    for (int digits = 1; digits < 17; digits++) {
      var candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == value) {
        return candidate.stripTrailingZeros();
      }
    }
    return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
  }

  /** Go's text for a number: integers as digits, floats in its shortest 'f' or 'e' form. */
  static String numberText(JsonNode number) {
    if (!number.isFloatingPointNumber()) {
      return number.asText();
    }
    double value = number.doubleValue();
    if (value == 0) {
      return (1 / value < 0) ? "-0" : "0";
    }
    var decimal = shortestDecimal(value);
    double abs = Math.abs(value);
    if (abs >= 1e-6 && abs < 1e21) {
      return decimal.toPlainString();
    }
    // d.ddde±XX with at least two exponent digits, then Go trims e-0X to e-X.
    var digits = decimal.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - decimal.scale();
    var mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    var sign = value < 0 ? "-" : "";
    var exponentText =
        exponent < 0
            ? "-" + Math.abs(exponent)
            : "+" + (exponent < 10 ? "0" + exponent : String.valueOf(exponent));
    return sign + mantissa + "e" + exponentText;
  }
}
