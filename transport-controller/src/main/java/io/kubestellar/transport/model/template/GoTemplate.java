/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import io.kubestellar.transport.model.GoText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed template in the subset of Go's {@code text/template} that property substitution needs,
 * executed as Go executes it with option {@code missingkey=error} over a {@code map[string]string}.
 *
 * <p>Supported: literal text; actions holding one field reference such as <code>
 * &#123;&#123;.name&#125;&#125;</code> (spaces allowed inside the delimiters; a chain such as
 * {@code .a.b} parses and then fails at execution as in Go, since property values are strings);
 * comments; the trim markers (a dash after the left delimiter and before the right one, each
 * separated from the action by white space). Anything else inside an action fails to parse with an
 * error naming the construct. Error texts for the supported part follow Go's wording and positions.
 * The subset is documented in {@code docs/transport-model.md}.
 */
public final class GoTemplate {

  private static final Set<String> KEYWORDS =
      Set.of(
          "if",
          "else",
          "end",
          "range",
          "with",
          "define",
          "template",
          "block",
          "break",
          "continue",
          "nil",
          "true",
          "false");

  private static final Set<String> BUILTIN_FUNCTIONS =
      Set.of(
          "and",
          "call",
          "html",
          "index",
          "slice",
          "js",
          "len",
          "not",
          "or",
          "print",
          "printf",
          "println",
          "urlquery",
          "eq",
          "ge",
          "gt",
          "le",
          "lt",
          "ne");

  private static final String SUBSET =
      "only {{.name}} references, comments and {{- -}} trim markers are supported";

  private final String name;
  private final String text;
  private final List<Node> nodes;

  private sealed interface Node permits Text, Field {}

  private record Text(String text) implements Node {}

  /** A field chain; {@code at} is the char index Go reports for it. */
  private record Field(List<String> idents, int at) implements Node {
    String context() {
      return "." + String.join(".", idents);
    }
  }

  /**
   * The outcome of executing a template.
   *
   * @param output everything written before the end or before the failing action
   * @param error Go's error text, or null when execution succeeded
   */
  public record Execution(String output, String error) {
    public boolean failed() {
      return error != null;
    }
  }

  private GoTemplate(String name, String text, List<Node> nodes) {
    this.name = name;
    this.text = text;
    this.nodes = nodes;
  }

  /**
   * Parses {@code text} as a template called {@code name} (the name appears in error messages).
   *
   * @throws TemplateException for invalid syntax or a construct outside the subset
   */
  public static GoTemplate parse(String name, String text) throws TemplateException {
    return new GoTemplate(name, text, new Parser(name, text).parse());
  }

  /** Executes against {@code data}; a missing key stops execution as with missingkey=error. */
  public Execution execute(Map<String, String> data) {
    var out = new StringBuilder();
    for (var node : nodes) {
      if (node instanceof Text literal) {
        out.append(literal.text());
      } else if (node instanceof Field field) {
        var first = field.idents().get(0);
        var value = data.get(first);
        if (value == null) {
          return new Execution(
              out.toString(), execError(field, "map has no entry for key " + GoText.quote(first)));
        }
        if (field.idents().size() > 1) {
          return new Execution(
              out.toString(),
              execError(
                  field, "can't evaluate field " + field.idents().get(1) + " in type string"));
        }
        out.append(value);
      }
    }
    return new Execution(out.toString(), null);
  }

  private String execError(Field field, String what) {
    // Go reports line:column of the node, the column counted in bytes from the line start.
    int lineStart = text.lastIndexOf('\n', field.at() - 1) + 1;
    int line = 1 + countNewlines(text, 0, field.at());
    int column = GoText.utf8Offset(text.substring(lineStart), field.at() - lineStart);
    return "template: "
        + name
        + ":"
        + line
        + ":"
        + column
        + ": executing "
        + GoText.quote(name)
        + " at <"
        + field.context()
        + ">: "
        + what;
  }

  private static int countNewlines(String s, int from, int to) {
    int count = 0;
    for (int i = from; i < to && i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }

  static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  private static boolean isAlphaNumeric(int cp) {
    return cp == '_' || Character.isLetter(cp) || Character.isDigit(cp);
  }

  /** A single pass over the text, reporting the first problem as Go's parser would meet it. */
  private static final class Parser {
    private final String name;
    private final String text;
    private final int n;
    private final List<Node> nodes = new ArrayList<>();
    private int actionLine; // line of the most recent action's left delimiter; 0 before any

    Parser(String name, String text) {
      this.name = name;
      this.text = text;
      this.n = text.length();
    }

    List<Node> parse() throws TemplateException {
      int pos = 0;
      boolean trimLeading = false;
      while (true) {
        int open = text.indexOf("{{", pos);
        if (open < 0) {
          addText(text.substring(pos), trimLeading, false);
          return nodes;
        }
        int inside = open + 2;
        boolean trimLeft =
            inside + 1 < n && text.charAt(inside) == '-' && isSpace(text.charAt(inside + 1));
        addText(text.substring(pos, open), trimLeading, trimLeft);
        if (trimLeft) {
          inside += 2;
        }
        int[] close; // {end of the right delimiter, 1 if trim-marked}
        if (text.startsWith("/*", inside)) {
          close = comment(inside);
        } else {
          actionLine = lineAt(open);
          close = action(inside);
        }
        pos = close[0];
        trimLeading = close[1] == 1;
      }
    }

    private void addText(String literal, boolean trimLeading, boolean trimTrailing) {
      var value = literal;
      if (trimLeading) {
        int i = 0;
        while (i < value.length() && isSpace(value.charAt(i))) {
          i++;
        }
        value = value.substring(i);
      }
      if (trimTrailing) {
        int j = value.length();
        while (j > 0 && isSpace(value.charAt(j - 1))) {
          j--;
        }
        value = value.substring(0, j);
      }
      if (!value.isEmpty()) {
        nodes.add(new Text(value));
      }
    }

    /** Returns {end, trim} if a right delimiter (optionally trim-marked) starts at i, else null. */
    private int[] rightDelimiterAt(int i) {
      if (text.startsWith("}}", i)) {
        return new int[] {i + 2, 0};
      }
      if (i + 1 < n
          && isSpace(text.charAt(i))
          && text.charAt(i + 1) == '-'
          && text.startsWith("}}", i + 2)) {
        return new int[] {i + 4, 1};
      }
      return null;
    }

    private int[] comment(int start) throws TemplateException {
      int end = text.indexOf("*/", start + 2);
      if (end < 0) {
        throw lexError("unclosed comment", lineAt(start));
      }
      var close = rightDelimiterAt(end + 2);
      if (close == null) {
        throw lexError("comment ends before closing delimiter", lineAt(start));
      }
      return close;
    }

    private int[] action(int start) throws TemplateException {
      var idents = new ArrayList<String>();
      int fieldAt = -1;
      boolean spaceSinceField = false;
      int p = start;
      while (true) {
        if (p >= n) {
          throw lexError("unclosed action", lineAt(n));
        }
        var close = rightDelimiterAt(p);
        if (close != null) {
          if (idents.isEmpty()) {
            throw parseError("missing value for command", lineAt(close[0] - 2));
          }
          nodes.add(new Field(List.copyOf(idents), fieldAt));
          return close;
        }
        int c = text.codePointAt(p);
        if (isSpace(c)) {
          spaceSinceField = true;
          p++;
          continue;
        }
        boolean fieldStart = c == '.' && !(p + 1 < n && isAsciiDigit(text.charAt(p + 1)));
        if (!fieldStart || (!idents.isEmpty() && spaceSinceField)) {
          throw unsupported(p, !idents.isEmpty());
        }
        int tokenStart = p;
        p++;
        if (atTerminator(p)) {
          throw parseError(
              "unsupported construct: "
                  + (idents.isEmpty() ? "the dot {{.}}" : "a dot after a field")
                  + "; "
                  + SUBSET,
              lineAt(tokenStart));
        }
        while (p < n && isAlphaNumeric(text.codePointAt(p))) {
          p += Character.charCount(text.codePointAt(p));
        }
        if (!atTerminator(p)) {
          throw lexError(
              "bad character " + GoText.unicodeNotation(text.codePointAt(p)), lineAt(tokenStart));
        }
        // Go reports a chain .a.b.c at the position of its second element.
        if (idents.size() <= 1) {
          fieldAt = tokenStart;
        }
        idents.add(text.substring(tokenStart + 1, p));
        spaceSinceField = false;
      }
    }

    private boolean atTerminator(int p) {
      if (p >= n) {
        return true;
      }
      char c = text.charAt(p);
      return isSpace(c) || ".,|:()".indexOf(c) >= 0 || text.startsWith("}}", p);
    }

    private TemplateException unsupported(int p, boolean afterField) {
      int c = text.codePointAt(p);
      String what;
      if (afterField && c != '|') {
        what = "a command with more than one operand";
      } else if (c == '|') {
        what = "a pipeline (|)";
      } else if (c == '$') {
        what = "variable " + GoText.quote(word(p + 1, "$"));
      } else if (c == '"' || c == '`') {
        what = "a string constant";
      } else if (c == '\'') {
        what = "a character constant";
      } else if (c == '+' || c == '-' || c == '.' || isAsciiDigit(c)) {
        what = "a number";
      } else if (c == '(' || c == ')') {
        what = "a parenthesized pipeline";
      } else if (c == '=' || c == ':') {
        what = "a variable assignment";
      } else if (isAlphaNumeric(c)) {
        var identifier = word(p, "");
        if (KEYWORDS.contains(identifier)) {
          what = "the keyword " + GoText.quote(identifier);
        } else if (BUILTIN_FUNCTIONS.contains(identifier)) {
          what = "a call of function " + GoText.quote(identifier);
        } else {
          // Go rejects unknown functions while parsing; keep its wording.
          return parseError("function " + GoText.quote(identifier) + " not defined", lineAt(p));
        }
      } else if (c > 0x7F || !GoText.isPrint(c)) {
        return lexError(
            "unrecognized character in action: " + GoText.unicodeNotation(c), lineAt(p));
      } else {
        what = "the character " + GoText.quote(new String(Character.toChars(c)));
      }
      return parseError("unsupported construct: " + what + "; " + SUBSET, lineAt(p));
    }

    private String word(int from, String prefix) {
      int p = from;
      while (p < n && isAlphaNumeric(text.codePointAt(p))) {
        p += Character.charCount(text.codePointAt(p));
      }
      return prefix + text.substring(from, p);
    }

    private int lineAt(int index) {
      return 1 + countNewlines(text, 0, index);
    }

    private TemplateException parseError(String what, int line) {
      return new TemplateException("template: " + name + ":" + line + ": " + what);
    }

    /** Errors found by Go's lexer; Go adds where the action started when that is another line. */
    private TemplateException lexError(String what, int line) {
      var extra = "";
      if (actionLine != 0 && actionLine != line) {
        extra =
            what.endsWith(" action")
                ? " started at " + name + ":" + actionLine
                : " in action started at " + name + ":" + actionLine;
      }
      return parseError(what + extra, line);
    }

    private static boolean isAsciiDigit(int c) {
      return c >= '0' && c <= '9';
    }
  }
}
