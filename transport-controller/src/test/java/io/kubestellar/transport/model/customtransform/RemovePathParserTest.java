/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.customtransform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RemovePathParserTest {

  static Stream<Arguments> validPaths() {
    return Stream.of(
        Arguments.of("$", List.of()),
        Arguments.of("$.spec.suspend", List.of("spec", "suspend")),
        Arguments.of(
            "$.metadata.annotations[\"example.com/owner\"]",
            List.of("metadata", "annotations", "example.com/owner")),
        Arguments.of(
            "$[\"spec\"].template.metadata.labels[\"app.kubernetes.io/version\"]",
            List.of("spec", "template", "metadata", "labels", "app.kubernetes.io/version")),
        Arguments.of("$._a1.B_2", List.of("_a1", "B_2")),
        Arguments.of("$.héllo.日本", List.of("héllo", "日本")),
        Arguments.of("$[\"\"]", List.of("")),
        Arguments.of("$[\"a\\\"b\"]", List.of("a\"b")),
        Arguments.of("$[\"tab\\there\"]", List.of("tab\there")),
        Arguments.of("$[\"\\u0041\\x42\\u{43}\"]", List.of("ABC")),
        Arguments.of("$[\"a]b\"]", List.of("a]b")),
        Arguments.of("$[\"\\q\"]", List.of("q")),
        Arguments.of("$[\"\\101\"]", List.of("A")));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("validPaths")
  void parsesPathsOfTheGrammar(String path, List<String> keys) throws PathSyntaxException {
    assertThat(RemovePathParser.parse(path)).isEqualTo(keys);
  }

  static Stream<Arguments> invalidPaths() {
    return Stream.of(
        Arguments.of("", "EOF"),
        Arguments.of("spec", "syntax error at 0: missing root identifier (dollar sign)"),
        Arguments.of(".spec", "syntax error at 0: missing root identifier (dollar sign)"),
        Arguments.of("$.", "syntax error at 2: expected member-name-shorthand, got '\\x00'"),
        Arguments.of("$.1a", "syntax error at 2: expected member-name-shorthand, got '1'"),
        Arguments.of("$..a", "syntax error at 2: expected member-name-shorthand, got '.'"),
        Arguments.of("$[spec]", "syntax error at 2: expected open quote, got 's'"),
        Arguments.of("$['spec']", "syntax error at 2: expected open quote, got '\\''"),
        Arguments.of("$.spec[*]", "syntax error at 7: expected open quote, got '*'"),
        Arguments.of("$[", "syntax error at 2: expected open quote, got '\\x00'"),
        Arguments.of("$[\"spec\"", "syntax error at 8: missing close bracket, got '\\x00'"),
        Arguments.of("$[\"spec\"x", "syntax error at 8: missing close bracket, got 'x'"),
        Arguments.of("$[\"spec", "syntax error at 7: missing close quote"),
        Arguments.of("$[\"spec\\", "syntax error at 8: escape-EOF"),
        Arguments.of("$.spec.x-y", "syntax error at 8: extra junk '-' after last segment"),
        Arguments.of("$ .a", "syntax error at 1: extra junk ' ' after last segment"),
        Arguments.of("$.a ", "syntax error at 3: extra junk ' ' after last segment"),
        Arguments.of("$x", "syntax error at 1: extra junk 'x' after last segment"),
        // Positions count UTF-8 bytes, as upstream's do: é takes two.
        Arguments.of("$.é-", "syntax error at 4: extra junk '-' after last segment"),
        Arguments.of("$.a\t", "syntax error at 3: extra junk '\\t' after last segment"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("invalidPaths")
  void rejectsOtherTextWithUpstreamsMessage(String path, String message) {
    assertThatThrownBy(() -> RemovePathParser.parse(path))
        .isInstanceOf(PathSyntaxException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("badLiterals")
  void reportsBadStringLiteralsAsLexicalErrors(String path, String messageStart) {
    assertThatThrownBy(() -> RemovePathParser.parse(path))
        .isInstanceOf(PathSyntaxException.class)
        .hasMessageStartingWith(messageStart);
  }

  static Stream<Arguments> badLiterals() {
    return Stream.of(
        Arguments.of("$[\"\\x4\"]", "lexical error at 7: "),
        Arguments.of("$[\"\\u12\"]", "lexical error at 8: "),
        Arguments.of("$[\"\\u{110000}\"]", "lexical error at 14: "),
        Arguments.of("$[\"a\nb\"]", "lexical error at 7: "));
  }
}
