/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatFormatTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0                    | 0
          2                    | 2
          2.5                  | 2.5
          21                   | 21
          100000               | 100000
          123456               | 123456
          12345.678            | 12345.678
          1e6                  | 1e+06
          1234567              | 1.234567e+06
          0.0001               | 0.0001
          0.00001              | 1e-05
          0.3333333333333333   | 0.3333333333333333
          -2                   | -2
          """)
  void formatsTheSpecTable(double value, String expected) {
    assertThat(GoFloatFormat.format(value)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          999999               | 999999
          999999.5             | 999999.5
          1000000.5            | 1.0000005e+06
          0.00012345           | 0.00012345
          0.000012345          | 1.2345e-05
          1e-7                 | 1e-07
          1e21                 | 1e+21
          1e22                 | 1e+22
          1e23                 | 1e+23
          1e100                | 1e+100
          1e-100               | 1e-100
          0.1                  | 0.1
          0.30000000000000004  | 0.30000000000000004
          -0.5                 | -0.5
          9007199254740992     | 9.007199254740992e+15
          9007199254740993     | 9.007199254740992e+15
          18014398509481984    | 1.8014398509481984e+16
          9223372036854775807  | 9.223372036854776e+18
          4.9e-324             | 5e-324
          2.2250738585072014e-308 | 2.2250738585072014e-308
          1.7976931348623157e308  | 1.7976931348623157e+308
          123456.7             | 123456.7
          100                  | 100
          1.5                  | 1.5
          """)
  void formatsAroundTheSwitchOverAndTheExtremes(double value, String expected) {
    assertThat(GoFloatFormat.format(value)).isEqualTo(expected);
  }

  @Test
  void writesSpecialValuesAsGoDoes() {
    assertThat(GoFloatFormat.format(Double.NaN)).isEqualTo("NaN");
    assertThat(GoFloatFormat.format(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
    assertThat(GoFloatFormat.format(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
    assertThat(GoFloatFormat.format(-0.0)).isEqualTo("-0");
  }

  @Test
  void writesPowersOfTenInPlainFormOnlyBetweenMinusFourAndFive() {
    for (int exponent = -30; exponent <= 30; exponent++) {
      double value = Double.parseDouble("1e" + exponent);
      var expected =
          exponent < -4 || exponent >= 6
              ? String.format("1e%s%02d", exponent < 0 ? "-" : "+", Math.abs(exponent))
              : new java.math.BigDecimal("1e" + exponent).toPlainString();
      assertThat(GoFloatFormat.format(value)).as("1e%d", exponent).isEqualTo(expected);
    }
  }

  @Test
  void matchesGoOnEveryVectorGeneratedByGo() throws Exception {
    var mismatches = new ArrayList<String>();
    int count = 0;
    for (var line : vectors()) {
      var parts = line.split("\t");
      double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
      var actual = GoFloatFormat.format(value);
      count++;
      if (!actual.equals(parts[1])) {
        mismatches.add(parts[0] + ": Go " + parts[1] + ", ours " + actual);
      }
    }
    assertThat(count).isGreaterThan(6000);
    assertThat(mismatches).isEmpty();
  }

  @Test
  void producesTheShortestTextThatReadsBackAsTheSameDouble() {
    var random = new Random(7);
    for (int i = 0; i < 20_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (!Double.isFinite(value)) {
        continue;
      }
      var text = GoFloatFormat.format(value);
      assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
      var digits = significantDigits(text);
      // No shorter digit string may read back as the same double.
      if (digits > 1) {
        var shorter =
            new java.math.BigDecimal(value)
                .round(new java.math.MathContext(digits - 1, java.math.RoundingMode.HALF_EVEN));
        var shorterUp =
            new java.math.BigDecimal(value)
                .round(new java.math.MathContext(digits - 1, java.math.RoundingMode.UP));
        var shorterDown =
            new java.math.BigDecimal(value)
                .round(new java.math.MathContext(digits - 1, java.math.RoundingMode.DOWN));
        assertThat(List.of(shorter, shorterUp, shorterDown))
            .as("shorter candidates of %s", text)
            .noneMatch(d -> d.doubleValue() == value);
      }
    }
  }

  private static int significantDigits(String text) {
    var mantissa = text.replaceFirst("^-", "").replaceFirst("e.*$", "").replace(".", "");
    return mantissa.replaceFirst("^0+", "").replaceFirst("0+$", "").length();
  }

  private static List<String> vectors() throws Exception {
    var lines = new ArrayList<String>();
    try (var in =
            GoFloatFormatTest.class.getResourceAsStream(
                "/GoFloatFormatTest/go-formatfloat-vectors.tsv");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.add(line);
        }
      }
    }
    return lines;
  }
}
