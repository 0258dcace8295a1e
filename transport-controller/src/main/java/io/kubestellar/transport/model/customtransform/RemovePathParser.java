/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.customtransform;

import io.kubestellar.transport.model.GoText;
import java.util.ArrayList;
import java.util.List;

/**
 * Parser for the path language of {@code CustomTransform.spec.remove}: exactly upstream's grammar,
 * {@code $} followed by one or more {@code .name} or {@code ["string"]} segments, nothing else and
 * no whitespace. Error messages (and their byte positions) are upstream's.
 *
 * <pre>
 * query      := "$" segment*
 * segment    := "." name | "[" dq-string "]"
 * name       := name-first name-char*
 * name-first := ALPHA | "_" | U+0080..U+D7FF | U+E000..U+10FFFF
 * name-char  := name-first | DIGIT
 * dq-string  := a double-quoted JavaScript string literal
 * </pre>
 *
 * <p>A bare {@code $} parses to zero keys; {@link CustomTransformRules} rejects it as naming the
 * whole object.
 */
public final class RemovePathParser {

  private final String source;
  private int readIndex; // char index of the next code point to read
  private int chr; // code point being looked at; 0 at end of input
  private int chrIndex; // char index of chr
  private int chrPos; // byte offset of chr
  private int nextPos; // byte offset after chr
  private boolean eof;

  private RemovePathParser(String source) {
    this.source = source;
    this.eof = source.isEmpty();
  }

  /**
   * Parses a path into its member names (empty for {@code $}).
   *
   * @throws PathSyntaxException with upstream's message when the text is not in the grammar
   */
  public static List<String> parse(String path) throws PathSyntaxException {
    var parser = new RemovePathParser(path);
    parser.advance();
    var keys = parser.scanQuery();
    if (!parser.eof) {
      throw parser.syntaxError(
          "extra junk " + GoText.quoteRune(parser.chr) + " after last segment");
    }
    return keys;
  }

  private List<String> scanQuery() throws PathSyntaxException {
    var keys = new ArrayList<String>();
    if (chr != '$') {
      throw syntaxError("missing root identifier (dollar sign)");
    }
    advance();
    while (!eof) {
      if (chr == '.') {
        advance();
        if (!isNameFirst(chr)) {
          throw syntaxError("expected member-name-shorthand, got " + GoText.quoteRune(chr));
        }
        keys.add(scanName());
      } else if (chr == '[') {
        advance();
        if (chr != '"') {
          throw syntaxError("expected open quote, got " + GoText.quoteRune(chr));
        }
        keys.add(scanString());
        if (chr != ']') {
          throw syntaxError("missing close bracket, got " + GoText.quoteRune(chr));
        }
        advance();
      } else {
        break;
      }
    }
    return keys;
  }

  private String scanName() throws PathSyntaxException {
    int start = chrIndex;
    while (!eof) {
      advance();
      if (!isNameChar(chr)) {
        break;
      }
    }
    return source.substring(start, chrIndex);
  }

  private String scanString() throws PathSyntaxException {
    int start = chrIndex;
    while (true) {
      advance();
      if (eof) {
        throw syntaxError("missing close quote");
      }
      if (chr == '"') {
        advance();
        var literal = source.substring(start, chrIndex);
        try {
          return JsStringLiteral.decode(literal);
        } catch (IllegalArgumentException e) {
          throw new PathSyntaxException("lexical error at " + chrPos + ": " + e.getMessage());
        }
      }
      if (chr == '\\') {
        advance();
        if (eof) {
          throw syntaxError("escape-EOF");
        }
      }
    }
  }

  private void advance() throws PathSyntaxException {
    if (eof) {
      // Only reachable for empty input; upstream surfaces the reader's bare EOF error.
      throw new PathSyntaxException("EOF");
    }
    chrPos = nextPos;
    chrIndex = readIndex;
    if (readIndex >= source.length()) {
      eof = true;
      chr = 0;
      return;
    }
    chr = source.codePointAt(readIndex);
    readIndex += Character.charCount(chr);
    nextPos = chrPos + GoText.utf8Length(chr);
  }

  private PathSyntaxException syntaxError(String what) {
    return new PathSyntaxException("syntax error at " + chrPos + ": " + what);
  }

  private static boolean isNameFirst(int cp) {
    return ('A' <= cp && cp <= 'Z')
        || ('a' <= cp && cp <= 'z')
        || cp == '_'
        || (0x80 <= cp && cp <= 0xD7FF)
        || (0xE000 <= cp && cp <= 0x10FFFF);
  }

  private static boolean isNameChar(int cp) {
    return isNameFirst(cp) || ('0' <= cp && cp <= '9');
  }
}
