/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random JSON trees whose strings mix literal letters, {@code {{.pN}}} references (to defined or
 * undefined properties) and syntax errors, checked against an output predicted while generating
 * (§7.3): a syntax error empties the string, an undefined property cuts it where the reference was,
 * the error count equals the number of failing strings, and a change was wanted iff some string
 * contained a template. Seeds are fixed so failures reproduce.
 */
class TemplateExpanderFuzzTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int TRIES = 300;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {42, 19, 7, 20240501})
  void expansionMatchesThePrediction(long seed) {
    var random = new Random(seed);
    int sawErrors = 0;
    int sawChanges = 0;
    for (int attempt = 1; attempt <= TRIES; attempt++) {
      var generator = new Generator(random);
      var pair = generator.tree(0);
      var input = pair[0];
      var before = input.deepCopy();
      var prefix = "try" + attempt;

      var expansion = TemplateExpander.expand(prefix, input, generator.defined);

      var context = "attempt " + attempt + " input " + input + " properties " + generator.defined;
      assertThat(expansion.output()).as(context).isEqualTo(pair[1]);
      assertThat(expansion.errors()).as(context).hasSize(generator.failingStrings);
      assertThat(expansion.errors())
          .as(context)
          .allSatisfy(e -> assertThat(e).startsWith("template: " + prefix));
      assertThat(expansion.wantedChange()).as(context).isEqualTo(generator.sawTemplate);
      assertThat(input).as("input is left alone").isEqualTo(before);
      sawErrors += expansion.errors().isEmpty() ? 0 : 1;
      sawChanges += expansion.wantedChange() ? 1 : 0;
    }
    // The generator must exercise both outcomes, or the checks above prove little.
    assertThat(sawErrors).isPositive();
    assertThat(sawChanges).isGreaterThan(sawErrors);
  }

  /** Builds an input tree and, alongside it, the output expansion must produce. */
  private static final class Generator {
    private final Random random;
    final Map<String, String> defined = new HashMap<>();
    private final Set<String> undefined = new HashSet<>();
    int failingStrings;
    boolean sawTemplate;

    Generator(Random random) {
      this.random = random;
    }

    JsonNode[] tree(int depth) {
      int type = random.nextInt(100);
      if (type < 25 && depth < 6) {
        ObjectNode input = NODES.objectNode();
        ObjectNode expected = NODES.objectNode();
        int size = random.nextInt(3) + random.nextInt(2);
        for (int i = 0; i < size; i++) {
          var key = "k" + ((i + 1) * 10 + random.nextInt(10));
          // A key may look like a template; keys are never expanded.
          if (random.nextInt(20) == 0) {
            key = "{{.p1}}" + key;
          }
          var child = tree(depth + 1);
          input.set(key, child[0]);
          expected.set(key, child[1]);
        }
        return new JsonNode[] {input, expected};
      } else if (type < 50 && depth < 6) {
        ArrayNode input = NODES.arrayNode();
        ArrayNode expected = NODES.arrayNode();
        int size = random.nextInt(3) + random.nextInt(2);
        for (int i = 0; i < size; i++) {
          var child = tree(depth + 1);
          input.add(child[0]);
          expected.add(child[1]);
        }
        return new JsonNode[] {input, expected};
      } else if (type < 75) {
        var pair = string();
        return new JsonNode[] {NODES.textNode(pair[0]), NODES.textNode(pair[1])};
      } else if (type < 82) {
        var value = NODES.numberNode(random.nextLong());
        return new JsonNode[] {value, value};
      } else if (type < 89) {
        var value = NODES.numberNode(random.nextDouble());
        return new JsonNode[] {value, value};
      } else if (type < 96) {
        var value = NODES.booleanNode(random.nextBoolean());
        return new JsonNode[] {value, value};
      }
      return new JsonNode[] {NODES.nullNode(), NODES.nullNode()};
    }

    /** {input, expected output} of one string leaf. */
    private String[] string() {
      int size = random.nextInt(4) + random.nextInt(4);
      var input = new StringBuilder();
      var expected = new StringBuilder();
      boolean stillWriting = true;
      boolean syntaxError = false;
      boolean failed = false;
      for (int i = 0; i < size; i++) {
        int pick = random.nextInt(120);
        if (pick == 0) {
          input.append("{{ + }}");
          syntaxError = true;
        } else if (pick == 1) {
          input.append("{{if true}}");
          syntaxError = true;
        } else if (pick == 2) {
          input.append("{{.p1");
          syntaxError = true;
        } else if (pick < 30) {
          var name = "p" + random.nextInt(10);
          var spaced = random.nextBoolean();
          input.append(spaced ? "{{ ." + name + " }}" : "{{." + name + "}}");
          var value = valueOf(name);
          if (value == null) {
            failed = true;
            stillWriting = false;
          } else if (stillWriting) {
            expected.append(value);
          }
        } else {
          char letter = (char) ('A' + random.nextInt(26));
          input.append(letter);
          if (stillWriting) {
            expected.append(letter);
          }
        }
      }
      var text = input.toString();
      if (text.contains("{{")) {
        sawTemplate = true;
      }
      if (syntaxError) {
        failingStrings++;
        return new String[] {text, ""};
      }
      if (failed) {
        failingStrings++;
      }
      return new String[] {text, expected.toString()};
    }

    /** The property's value, deciding on first use whether it is defined; null if undefined. */
    private String valueOf(String name) {
      if (defined.containsKey(name)) {
        return defined.get(name);
      }
      if (undefined.contains(name)) {
        return null;
      }
      if (random.nextInt(3) > 0) {
        var value = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
          value.append((char) ('a' + random.nextInt(26)));
        }
        defined.put(name, value.toString());
        return value.toString();
      }
      undefined.add(name);
      return null;
    }
  }
}
