/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kubestellar.transport.model.GoldenTableSource;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;

/** The tables are under {@code src/test/resources/GoTemplateTest/}. */
class GoTemplateTest {

  private static final Map<String, String> DATA =
      Map.of("a", "x", "clusterName", "c1", "region", "eu-west", "empty", "");

  @ParameterizedTest(name = "{0}")
  @GoldenTableSource("expansions")
  void expandsTheSubset(String text, String expected) throws TemplateException {
    var execution = GoTemplate.parse("t", text).execute(DATA);

    assertThat(execution.error()).isNull();
    assertThat(execution.output()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @GoldenTableSource("execution-errors")
  void stopsAtAMissingKeyWithGosMessage(String text, String partial, String error)
      throws TemplateException {
    var execution = GoTemplate.parse("t", text).execute(DATA);

    assertThat(execution.failed()).isTrue();
    assertThat(execution.output()).isEqualTo(partial);
    assertThat(execution.error()).isEqualTo(error);
  }

  @ParameterizedTest(name = "{0}")
  @GoldenTableSource("parse-errors")
  void rejectsInvalidSyntaxWithGosMessage(String text, String message) {
    assertThatThrownBy(() -> GoTemplate.parse("t", text))
        .isInstanceOf(TemplateException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @GoldenTableSource("unsupported")
  void namesConstructsOutsideTheSubset(String text, String construct) {
    assertThatThrownBy(() -> GoTemplate.parse("t", text))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("template: t:1: unsupported construct: " + construct + "; ")
        .hasMessageContaining("only {{.name}} references");
  }

  @ParameterizedTest(name = "{0}")
  @GoldenTableSource("quoted-names")
  void quotesTheTemplateNameAsGoDoes(String name, String quoted) throws TemplateException {
    var execution = GoTemplate.parse(name, "{{.nope}}").execute(DATA);

    assertThat(execution.error())
        .isEqualTo(
            "template: "
                + name
                + ":1:2: executing "
                + quoted
                + " at <.nope>: map has no entry for key \"nope\"");
  }
}
