/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import java.nio.charset.StandardCharsets;

/**
 * Go's text conventions that leak into user-visible messages: {@code %q} quoting of strings and
 * runes, {@code %#U} rune notation, and UTF-8 byte offsets (Go positions count bytes).
 */
public final class GoText {

  private GoText() {}

  /** Go's {@code %q} of a string: double-quoted with Go escapes. */
  public static String quote(String text) {
    var out = new StringBuilder(text.length() + 2).append('"');
    text.codePoints().forEach(cp -> appendEscaped(out, cp, '"'));
    return out.append('"').toString();
  }

  /** Go's {@code %q} of a rune: single-quoted with Go escapes. */
  public static String quoteRune(int codePoint) {
    var out = new StringBuilder("'");
    appendEscaped(out, codePoint, '\'');
    return out.append('\'').toString();
  }

  /** Go's {@code %#U} of a rune, e.g. {@code U+002D '-'}, or {@code U+000B} if not printable. */
  public static String unicodeNotation(int codePoint) {
    var hex = String.format("U+%04X", codePoint);
    return isPrint(codePoint) ? hex + " '" + new String(Character.toChars(codePoint)) + "'" : hex;
  }

  /** Number of bytes the UTF-8 encoding of {@code text.substring(0, charIndex)} takes. */
  public static int utf8Offset(String text, int charIndex) {
    return text.substring(0, charIndex).getBytes(StandardCharsets.UTF_8).length;
  }

  /** UTF-8 length of one code point. */
  public static int utf8Length(int codePoint) {
    if (codePoint < 0x80) {
      return 1;
    } else if (codePoint < 0x800) {
      return 2;
    } else if (codePoint < 0x10000) {
      return 3;
    }
    return 4;
  }

  /** Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols, ASCII space. */
  public static boolean isPrint(int codePoint) {
    if (codePoint == ' ') {
      return true;
    }
    return switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  private static void appendEscaped(StringBuilder out, int cp, char quote) {
    if (cp == quote || cp == '\\') {
      out.append('\\').appendCodePoint(cp);
    } else if (isPrint(cp)) {
      out.appendCodePoint(cp);
    } else {
      switch (cp) {
        case 0x07 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x0B -> out.append("\\v");
        default -> {
          if (cp < ' ' || cp == 0x7F) {
            out.append(String.format("\\x%02x", cp));
          } else if (cp < 0x10000) {
            out.append(String.format("\\u%04x", cp));
          } else {
            out.append(String.format("\\U%08x", cp));
          }
        }
      }
    }
  }
}
