/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.customtransform;

/**
 * Decodes a double-quoted JavaScript string literal (as upstream evaluates the bracket segments of
 * a path): the simple escapes, hexadecimal (x) and Unicode (u, also with braces) escapes, legacy
 * octal escapes, line continuations, and any other escaped character standing for itself.
 */
final class JsStringLiteral {

  private JsStringLiteral() {}

  /**
   * @param literal the literal including its quotes
   * @throws IllegalArgumentException naming what is wrong with the literal
   */
  static String decode(String literal) {
    if (literal.length() < 2 || literal.charAt(0) != '"' || !literal.endsWith("\"")) {
      throw new IllegalArgumentException("not a double-quoted string literal");
    }
    var body = literal.substring(1, literal.length() - 1);
    var out = new StringBuilder(body.length());
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == '\n' || c == '\r') {
        throw new IllegalArgumentException("unescaped line break in string literal");
      }
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 >= body.length()) {
        throw new IllegalArgumentException("string literal ends inside an escape");
      }
      char e = body.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'v' -> out.append((char) 0x0B);
        case '\r' -> {
          // Line continuation; \r\n counts as one line break.
          if (i < body.length() && body.charAt(i) == '\n') {
            i++;
          }
        }
        case '\n', (char) 0x2028, (char) 0x2029 -> {
          // Line continuation: contributes nothing.
        }
        case 'x' -> {
          out.append((char) hex(body, i, 2, "\\x"));
          i += 2;
        }
        case 'u' -> {
          if (i < body.length() && body.charAt(i) == '{') {
            int close = body.indexOf('}', i);
            if (close < 0 || close == i + 1) {
              throw new IllegalArgumentException("invalid Unicode escape sequence");
            }
            int cp = hex(body, i + 1, close - i - 1, "\\u{");
            if (cp > 0x10FFFF) {
              throw new IllegalArgumentException("undefined Unicode code point");
            }
            out.appendCodePoint(cp);
            i = close + 1;
          } else {
            out.append((char) hex(body, i, 4, "\\u"));
            i += 4;
          }
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          // Legacy octal escape: up to three digits, at most \377.
          int value = e - '0';
          int maxDigits = e <= '3' ? 3 : 2;
          int digits = 1;
          while (digits < maxDigits
              && i < body.length()
              && body.charAt(i) >= '0'
              && body.charAt(i) <= '7') {
            value = value * 8 + (body.charAt(i) - '0');
            i++;
            digits++;
          }
          out.append((char) value);
        }
        default -> out.append(e);
      }
    }
    return out.toString();
  }

  private static int hex(String body, int start, int length, String escape) {
    if (start + length > body.length()) {
      throw new IllegalArgumentException("invalid " + escape + " escape sequence");
    }
    int value = 0;
    for (int k = start; k < start + length; k++) {
      char ch = body.charAt(k);
      int digit = ch < 0x80 ? Character.digit(ch, 16) : -1;
      if (digit < 0) {
        throw new IllegalArgumentException("invalid " + escape + " escape sequence");
      }
      value = value * 16 + digit;
      if (value > 0x10FFFF) {
        throw new IllegalArgumentException("undefined Unicode code point");
      }
    }
    return value;
  }
}
