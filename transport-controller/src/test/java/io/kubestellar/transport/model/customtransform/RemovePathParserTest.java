/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.customtransform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubestellar.transport.model.GoldenTableSource;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;

/** The tables are under {@code src/test/resources/RemovePathParserTest/}. */
class RemovePathParserTest {

  @ParameterizedTest(name = "[{index}] {0}")
  @GoldenTableSource("valid-paths")
  void parsesPathsOfTheGrammar(String path, List<String> keys) throws PathSyntaxException {
    assertThat(RemovePathParser.parse(path)).isEqualTo(keys);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @GoldenTableSource("invalid-paths")
  void rejectsOtherTextWithUpstreamsMessage(String path, String message) {
    assertThatThrownBy(() -> RemovePathParser.parse(path))
        .isInstanceOf(PathSyntaxException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @GoldenTableSource("bad-literals")
  void reportsBadStringLiteralsAsLexicalErrors(String path, int position) {
    assertThatThrownBy(() -> RemovePathParser.parse(path))
        .isInstanceOf(PathSyntaxException.class)
        .hasMessageStartingWith("lexical error at " + position + ": ");
  }
}
