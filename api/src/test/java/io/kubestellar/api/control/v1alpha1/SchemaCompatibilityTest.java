/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every field of upstream's CRDs exists in ours with the same type, format and required-ness (D1).
 * The upstream facts are in {@code upstream-schema/paths.txt}, made by
 * hack/extract-schema-paths.py; the same walk is done here over the generated CRDs.
 */
class SchemaCompatibilityTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Fields we add on purpose (documented in docs/reference/api.md). */
  private static final Set<String> OUR_ADDITIONS =
      Set.of(
          "Binding .status.conditions[].observedGeneration integer/int64",
          "BindingPolicy .status.conditions[].observedGeneration integer/int64",
          // D16: the drift report of the status add-on.
          "WorkStatus .drift object",
          "WorkStatus .drift.conflict boolean",
          "WorkStatus .drift.detectedTime string/date-time required",
          "WorkStatus .drift.fields array required",
          "WorkStatus .drift.fields[] object",
          "WorkStatus .drift.fields[].actual string",
          "WorkStatus .drift.fields[].desired string required",
          "WorkStatus .drift.fields[].managers array",
          "WorkStatus .drift.fields[].managers[] string",
          "WorkStatus .drift.fields[].path string required",
          "WorkStatus .drift.message string",
          "WorkStatus .drift.moreFields integer",
          "WorkStatus .drift.repairRequests integer");

  @Test
  void generatedCrdsHaveEveryUpstreamFieldWithTheSameType() throws IOException {
    var upstream = upstreamFacts();
    var ours = ourFacts();
    assertThat(upstream).hasSizeGreaterThan(150);
    assertThat(ours).containsAll(upstream);
  }

  @Test
  void generatedCrdsAddOnlyTheDocumentedFields() throws IOException {
    var extra = new TreeSet<>(ourFacts());
    extra.removeAll(upstreamFacts());
    assertThat(extra).containsExactlyInAnyOrderElementsOf(OUR_ADDITIONS);
  }

  private static Set<String> upstreamFacts() throws IOException {
    try (InputStream in =
        SchemaCompatibilityTest.class.getResourceAsStream("/upstream-schema/paths.txt")) {
      var facts = new HashSet<String>();
      for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          facts.add(line.strip());
        }
      }
      return facts;
    }
  }

  private static Set<String> ourFacts() throws IOException {
    var facts = new HashSet<String>();
    for (var plural : GeneratedCrds.PLURALS) {
      var crd = YAML.readTree(GeneratedCrds.generated(plural).toFile());
      var kind = crd.at("/spec/names/kind").asText();
      for (var version : crd.at("/spec/versions")) {
        var lines = new ArrayList<String>();
        walk(kind, "", version.at("/schema/openAPIV3Schema"), false, lines);
        facts.addAll(lines);
      }
    }
    return facts;
  }

  /** Same walk as hack/extract-schema-paths.py. */
  private static void walk(
      String kind, String path, JsonNode schema, boolean required, List<String> out) {
    var type =
        schema.has("type")
            ? schema.get("type").asText()
            : schema.path("x-kubernetes-preserve-unknown-fields").asBoolean() ? "any" : "none";
    if (schema.has("format")) {
      type += "/" + schema.get("format").asText();
    }
    if (!path.isEmpty()) {
      out.add(kind + " " + path + " " + type + (required ? " required" : ""));
    }
    var needed = new HashSet<String>();
    schema.path("required").forEach(n -> needed.add(n.asText()));
    var properties = schema.path("properties");
    for (var it = properties.fieldNames(); it.hasNext(); ) {
      var name = it.next();
      if (path.isEmpty() && Set.of("apiVersion", "kind", "metadata").contains(name)) {
        continue;
      }
      walk(kind, path + "." + name, properties.get(name), needed.contains(name), out);
    }
    if (schema.path("items").isObject()) {
      walk(kind, path + "[]", schema.get("items"), false, out);
    }
    if (schema.path("additionalProperties").isObject()) {
      walk(kind, path + "{}", schema.get("additionalProperties"), false, out);
    }
  }
}
