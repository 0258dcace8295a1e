/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GoTemplateTest {

  private static final Map<String, String> DATA =
      Map.of("a", "x", "clusterName", "c1", "region", "eu-west", "empty", "");

  static Stream<Arguments> expansions() {
    return Stream.of(
        Arguments.of("{{.a}}", "x"),
        Arguments.of("{{ .a }}", "x"),
        Arguments.of("{{\t.a\n}}", "x"),
        Arguments.of("pre-{{.clusterName}}-post", "pre-c1-post"),
        Arguments.of("{{.clusterName}}.{{.region}}", "c1.eu-west"),
        Arguments.of("[{{.empty}}]", "[]"),
        Arguments.of("a  \n {{- .a -}} \t b", "axb"),
        Arguments.of("a  {{- .a}}  b", "ax  b"),
        Arguments.of("a  {{.a -}}  b", "a  xb"),
        Arguments.of("a {{/* note */}} b", "a  b"),
        Arguments.of("a {{- /* note */ -}} b", "ab"),
        Arguments.of("{{.a}}{{.a}}", "xx"),
        Arguments.of("}} {{.a}} }}", "}} x }}"),
        Arguments.of("{{.a}}-é-{{.region}}", "x-é-eu-west"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("expansions")
  void expandsTheSubset(String text, String expected) throws TemplateException {
    var execution = GoTemplate.parse("t", text).execute(DATA);

    assertThat(execution.error()).isNull();
    assertThat(execution.output()).isEqualTo(expected);
  }

  static Stream<Arguments> executionErrors() {
    return Stream.of(
        Arguments.of(
            "{{.missing}}",
            "",
            "template: t:1:2: executing \"t\" at <.missing>: map has no entry for key \"missing\""),
        Arguments.of(
            "AB{{.a}}CD{{ .nope }}EF{{.a}}",
            "ABxCD",
            "template: t:1:13: executing \"t\" at <.nope>: map has no entry for key \"nope\""),
        Arguments.of(
            "line1\n  {{.nope}}",
            "line1\n  ",
            "template: t:2:4: executing \"t\" at <.nope>: map has no entry for key \"nope\""),
        Arguments.of(
            "é{{.nope}}",
            "é",
            "template: t:1:4: executing \"t\" at <.nope>: map has no entry for key \"nope\""),
        Arguments.of(
            "{{.a.b.c}}",
            "",
            "template: t:1:4: executing \"t\" at <.a.b.c>: can't evaluate field b in type string"),
        Arguments.of(
            "{{.nope.b}}",
            "",
            "template: t:1:7: executing \"t\" at <.nope.b>: map has no entry for key \"nope\""),
        Arguments.of(
            "{{.type}}",
            "",
            "template: t:1:2: executing \"t\" at <.type>: map has no entry for key \"type\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("executionErrors")
  void stopsAtAMissingKeyWithGosMessage(String text, String partial, String error)
      throws TemplateException {
    var execution = GoTemplate.parse("t", text).execute(DATA);

    assertThat(execution.failed()).isTrue();
    assertThat(execution.output()).isEqualTo(partial);
    assertThat(execution.error()).isEqualTo(error);
  }

  static Stream<Arguments> parseErrors() {
    return Stream.of(
        Arguments.of("{{.a", "template: t:1: unclosed action"),
        Arguments.of("abc{{", "template: t:1: unclosed action"),
        Arguments.of("{{.a\n", "template: t:2: unclosed action started at t:1"),
        Arguments.of("{{}}", "template: t:1: missing value for command"),
        Arguments.of("{{  -}}", "template: t:1: missing value for command"),
        Arguments.of("{{.a-b}}", "template: t:1: bad character U+002D '-'"),
        Arguments.of("{{.a}", "template: t:1: bad character U+007D '}'"),
        Arguments.of("{{/* x", "template: t:1: unclosed comment"),
        Arguments.of("{{/* x */ }}", "template: t:1: comment ends before closing delimiter"),
        Arguments.of("{{foo}}", "template: t:1: function \"foo\" not defined"),
        Arguments.of("{{.a}}\n{{bar .a}}", "template: t:2: function \"bar\" not defined"),
        Arguments.of(
            "{{ \u00a7 }}", "template: t:1: unrecognized character in action: U+00A7 '§'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("parseErrors")
  void rejectsInvalidSyntaxWithGosMessage(String text, String message) {
    assertThatThrownBy(() -> GoTemplate.parse("t", text))
        .isInstanceOf(TemplateException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> unsupported() {
    return Stream.of(
        Arguments.of("{{if true}}x{{end}}", "the keyword \"if\""),
        Arguments.of("{{range .a}}{{end}}", "the keyword \"range\""),
        Arguments.of("{{ + }}", "a number"),
        Arguments.of("{{3}}", "a number"),
        Arguments.of("{{printf \"%s\" .a}}", "a call of function \"printf\""),
        Arguments.of("{{.a | printf \"%q\"}}", "a pipeline (|)"),
        Arguments.of("{{.a .a}}", "a command with more than one operand"),
        Arguments.of("{{.}}", "the dot {{.}}"),
        Arguments.of("{{$x := .a}}", "variable \"$x\""),
        Arguments.of("{{\"lit\"}}", "a string constant"),
        Arguments.of("{{(.a)}}", "a parenthesized pipeline"),
        Arguments.of("{{ # }}", "the character \"#\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsupported")
  void namesConstructsOutsideTheSubset(String text, String construct) {
    assertThatThrownBy(() -> GoTemplate.parse("t", text))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith("template: t:1: unsupported construct: " + construct + "; ")
        .hasMessageContaining("only {{.name}} references");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quotedNames")
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

  static Stream<Arguments> quotedNames() {
    return Stream.of(
        Arguments.of("c1/Deployment.apps(shop/web).spec", "\"c1/Deployment.apps(shop/web).spec\""),
        Arguments.of("c1/ConfigMap(a).data.x\"y", "\"c1/ConfigMap(a).data.x\\\"y\""),
        Arguments.of("c1/ConfigMap(a).data.tab\tkey", "\"c1/ConfigMap(a).data.tab\\tkey\""),
        Arguments.of("c1/ConfigMap(a).data.ü", "\"c1/ConfigMap(a).data.ü\""));
  }
}
