/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a {@code double} exactly as Go's {@code strconv.FormatFloat(v, 'g', -1, 64)} does (D3).
 *
 * <p>Go prints the shortest decimal that parses back to the same {@code float64}; among equally
 * short candidates it takes the one nearest to the exact binary value (ties to an even last digit).
 * The decimal exponent then picks the layout: below -4 or at/above 6 the exponent form ({@code
 * 1e+06}, {@code 1.5e-07}) is used, otherwise plain digits without a trailing {@code .0}. Java's
 * {@code Double.toString} differs in layout and, before JDK 19, sometimes in the digits, so the
 * digits are searched here with {@link BigDecimal} against the exact round-trip interval.
 */
public final class GoFloatFormat {

  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  private GoFloatFormat() {}

  /** Returns Go's {@code 'g'}/shortest text for {@code value}, e.g. {@code 1e+06}, {@code -Inf}. */
  public static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    var sign = Double.doubleToRawLongBits(value) < 0 ? "-" : "";
    double magnitude = Math.abs(value);
    if (magnitude == 0) {
      return sign + "0";
    }
    var decimal = shortestDecimal(magnitude);
    var digits = decimal.unscaledValue().toString();
    // value = d[0].d[1..] x 10^exponent
    int exponent = digits.length() - 1 - decimal.scale();
    if (exponent < -4 || exponent >= 6) {
      return sign + exponentForm(digits, exponent);
    }
    return sign + plainForm(digits, exponent);
  }

  /** The shortest round-tripping decimal for a positive finite double, without trailing zeros. */
  static BigDecimal shortestDecimal(double magnitude) {
    var exact = new BigDecimal(magnitude);
    var lower = exact.add(new BigDecimal(Math.nextDown(magnitude))).divide(TWO);
    var upper =
        magnitude == Double.MAX_VALUE
            ? exact.add(new BigDecimal(Math.ulp(magnitude)).divide(TWO))
            : exact.add(new BigDecimal(Math.nextUp(magnitude))).divide(TWO);
    // A decimal exactly on a midpoint parses to the neighbour with an even significand.
    boolean inclusive = (Double.doubleToRawLongBits(magnitude) & 1L) == 0;
    for (int precision = 1; precision <= 17; precision++) {
      var down = exact.round(new MathContext(precision, RoundingMode.DOWN));
      var up = exact.round(new MathContext(precision, RoundingMode.UP));
      boolean downFits = within(down, lower, upper, inclusive);
      boolean upFits = within(up, lower, upper, inclusive);
      if (downFits && upFits) {
        return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN)).stripTrailingZeros();
      }
      if (downFits) {
        return down.stripTrailingZeros();
      }
      if (upFits) {
        return up.stripTrailingZeros();
      }
    }
    // 17 significant digits always round-trip; reaching this line would be a bug.
    throw new IllegalStateException("no round-tripping decimal for " + magnitude);
  }

  private static boolean within(
      BigDecimal candidate, BigDecimal lower, BigDecimal upper, boolean inclusive) {
    int lo = candidate.compareTo(lower);
    int hi = candidate.compareTo(upper);
    return inclusive ? lo >= 0 && hi <= 0 : lo > 0 && hi < 0;
  }

  private static String exponentForm(String digits, int exponent) {
    var text = new StringBuilder(digits.length() + 6);
    text.append(digits.charAt(0));
    if (digits.length() > 1) {
      text.append('.').append(digits, 1, digits.length());
    }
    text.append('e').append(exponent < 0 ? '-' : '+');
    int abs = Math.abs(exponent);
    if (abs < 10) {
      text.append('0');
    }
    return text.append(abs).toString();
  }

  private static String plainForm(String digits, int exponent) {
    if (exponent < 0) {
      return "0." + "0".repeat(-exponent - 1) + digits;
    }
    int integerDigits = exponent + 1;
    if (digits.length() <= integerDigits) {
      return digits + "0".repeat(integerDigits - digits.length());
    }
    return digits.substring(0, integerDigits) + "." + digits.substring(integerDigits);
  }
}
