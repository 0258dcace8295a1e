/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import com.google.common.primitives.UnsignedLong;
import java.util.regex.Pattern;

/**
 * Turns a combinedField subject value into a {@code double}: CEL numbers directly, strings by Go's
 * {@code strconv.ParseFloat} syntax (decimal, exponent, hexadecimal with {@code p} exponent, {@code
 * Inf}/{@code Infinity}/{@code NaN} in any case, optional sign). Anything else is rejected with a
 * reason.
 */
final class SubjectCoercion {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");
  private static final Pattern HEX =
      Pattern.compile(
          "[+-]?0[xX](?:[0-9a-fA-F]+(?:\\.[0-9a-fA-F]*)?|\\.[0-9a-fA-F]+)[pP][+-]?[0-9]+");
  private static final Pattern INFINITY = Pattern.compile("(?i)[+-]?(?:inf|infinity)");
  private static final Pattern NAN = Pattern.compile("(?i)nan");

  private SubjectCoercion() {}

  /** The outcome: a number, or the reason the value does not count. */
  sealed interface Outcome permits Coerced, Rejected {}

  record Coerced(double value) implements Outcome {}

  record Rejected(String reason) implements Outcome {}

  static Outcome coerce(Object cel) {
    if (cel instanceof Long l) {
      return new Coerced(l);
    }
    if (cel instanceof UnsignedLong u) {
      return new Coerced(u.doubleValue());
    }
    if (cel instanceof Double d) {
      return new Coerced(d);
    }
    if (cel instanceof String s) {
      return parse(s);
    }
    return new Rejected("combinedField subject has unexpected type " + CelValues.celTypeName(cel));
  }

  static Outcome parse(String text) {
    if (NAN.matcher(text).matches()) {
      return new Coerced(Double.NaN);
    }
    if (INFINITY.matcher(text).matches()) {
      return new Coerced(
          text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
    }
    if (DECIMAL.matcher(text).matches() || HEX.matcher(text).matches()) {
      double value = Double.parseDouble(text);
      if (Double.isInfinite(value)) {
        return rejected(text, "value out of range");
      }
      return new Coerced(value);
    }
    return rejected(text, "invalid syntax");
  }

  private static Rejected rejected(String text, String why) {
    return new Rejected(
        "failed to parse combinedField subject as a float: strconv.ParseFloat: parsing \""
            + text
            + "\": "
            + why);
  }
}
