/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import java.util.Set;

/** Go's {@code token.IsIdentifier}: which keys can become template properties. */
public final class GoIdentifiers {

  private static final Set<String> GO_KEYWORDS =
      Set.of(
          "break",
          "case",
          "chan",
          "const",
          "continue",
          "default",
          "defer",
          "else",
          "fallthrough",
          "for",
          "func",
          "go",
          "goto",
          "if",
          "import",
          "interface",
          "map",
          "package",
          "range",
          "return",
          "select",
          "struct",
          "switch",
          "type",
          "var");

  private GoIdentifiers() {}

  /**
   * True iff {@code key} starts with a Unicode letter or {@code _}, continues with letters, digits
   * or {@code _}, and is not a Go keyword.
   */
  public static boolean isIdentifier(String key) {
    if (key == null || key.isEmpty() || GO_KEYWORDS.contains(key)) {
      return false;
    }
    var first = new boolean[] {true};
    return key.codePoints()
        .allMatch(
            cp -> {
              boolean ok =
                  Character.isLetter(cp) || cp == '_' || (!first[0] && Character.isDigit(cp));
              first[0] = false;
              return ok;
            });
  }
}
