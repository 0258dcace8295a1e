/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A chart's README.md, written from its Chart.yaml, values.schema.json (every value's type,
 * constraints and description) and values.yaml (defaults). ChartReadmeTest keeps the committed
 * READMEs equal to what this renders.
 */
final class ChartReadme {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ChartReadme() {}

  static String render(String chart) throws IOException {
    var dir = Charts.chart(chart);
    var meta = YAML.readTree(dir.resolve("Chart.yaml").toFile());
    var schema = JSON.readTree(dir.resolve("values.schema.json").toFile());
    var defaults = YAML.readTree(dir.resolve("values.yaml").toFile());
    var out = new StringBuilder();
    out.append("# ").append(meta.path("name").asText()).append("\n\n");
    out.append(
            "<!-- Generated from values.schema.json and values.yaml by ChartReadmeTest (test/e2e);")
        .append(" do not edit.\n     Regenerate: mvn -pl test/e2e test -Dtest=ChartReadmeTest")
        .append(" -Dkubestellar.updateDocs=true -->\n\n");
    out.append(meta.path("description").asText().trim()).append("\n\n");
    out.append("Chart version `")
        .append(meta.path("version").asText())
        .append("`, application version `")
        .append(meta.path("appVersion").asText())
        .append("`. Installation, upgrade and removal: [docs/installation.md]")
        .append("(../../docs/installation.md).\n\n");
    out.append("## Values\n\n");
    out.append(
        "Helm checks every value against `values.schema.json` before rendering; a key not listed"
            + " here is refused, except inside the maps marked *map*.\n\n");
    out.append("| Value | Type | Default | Description |\n|---|---|---|---|\n");
    var rows = new ArrayList<String>();
    walk("", schema, defaults, schema.path("required"), rows);
    rows.forEach(r -> out.append(r).append('\n'));
    return out.toString();
  }

  private static void walk(
      String path, JsonNode node, JsonNode defaults, JsonNode required, List<String> rows) {
    var properties = node.path("properties");
    var names = new ArrayList<String>();
    properties.fieldNames().forEachRemaining(names::add);
    for (var name : names) {
      if (path.isEmpty() && name.equals("global")) {
        continue;
      }
      var child = properties.get(name);
      var key = path.isEmpty() ? name : path + "." + name;
      var value = defaults == null ? null : defaults.get(name);
      boolean isRequired = false;
      for (var r : node.path("required")) {
        isRequired |= r.asText().equals(name);
      }
      if (child.has("properties") && child.path("properties").size() > 0) {
        rows.add(row(key, child, null, isRequired, true));
        walk(key, child, value, child.path("required"), rows);
      } else {
        rows.add(row(key, child, value, isRequired, false));
      }
    }
  }

  private static String row(
      String key, JsonNode node, JsonNode value, boolean required, boolean group) {
    var type = new StringBuilder(types(node));
    if (!group && node.path("additionalProperties").isObject()
        || node.path("additionalProperties").asBoolean(false)) {
      type.append(" (*map*)");
    }
    var description = new StringBuilder(node.path("description").asText());
    var constraints = new ArrayList<String>();
    if (node.has("enum")) {
      var values = new ArrayList<String>();
      node.path("enum").forEach(v -> values.add("`" + v.asText() + "`"));
      constraints.add("one of " + String.join(", ", values));
    }
    if (node.has("minimum")) {
      constraints.add("at least " + node.path("minimum").asText());
    }
    if (node.has("maximum")) {
      constraints.add("at most " + node.path("maximum").asText());
    }
    if (node.has("pattern")) {
      constraints.add("pattern `" + node.path("pattern").asText() + "`");
    }
    if (required) {
      constraints.add("required");
    }
    if (!constraints.isEmpty()) {
      description.append(" (").append(String.join("; ", constraints)).append(")");
    }
    var shown =
        group ? "" : value == null || value.isMissingNode() ? "" : "`" + inline(value) + "`";
    return "| `"
        + key
        + "` | "
        + type
        + " | "
        + cell(shown)
        + " | "
        + cell(description.toString())
        + " |";
  }

  private static String types(JsonNode node) {
    if (node.path("type").isArray()) {
      var list = new ArrayList<String>();
      node.path("type").forEach(t -> list.add(t.asText()));
      return String.join(" or ", list);
    }
    return node.path("type").asText("any");
  }

  private static String inline(JsonNode value) {
    if (value.isTextual()) {
      return value.asText().isEmpty() ? "\"\"" : value.asText();
    }
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A table cell: no newlines, pipes escaped. */
  private static String cell(String text) {
    return text.replace("\n", " ").replace("|", "\\|");
  }
}
