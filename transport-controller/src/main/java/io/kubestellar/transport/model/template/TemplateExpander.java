/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Expands templates in every string value of an object tree (§5.2): map keys, numbers, booleans and
 * nulls are left alone; a string without <code>&#123;&#123;</code> is left alone; any other string
 * is parsed with {@link GoTemplate}. A parse failure makes the string {@code ""}; an execution
 * failure leaves the output produced before the failing action. Each failure adds one error text.
 */
public final class TemplateExpander {

  private TemplateExpander() {}

  /**
   * Expands templates in a copy of {@code input}.
   *
   * @param namePrefix start of every template name; the JSON path of each string is appended as
   *     {@code .key} and {@code [index]} segments (upstream uses {@code <clusterId>/<object ref>})
   * @param input the tree to expand; not modified
   * @param properties the template data
   */
  public static TemplateExpansion expand(
      String namePrefix, JsonNode input, Map<String, String> properties) {
    var walk = new Walk(properties);
    var output = walk.expand(namePrefix, input.deepCopy());
    return new TemplateExpansion(output, walk.wantedChange, walk.errors);
  }

  /** Whether some string anywhere in the tree contains <code>&#123;&#123;</code>. */
  public static boolean containsTemplate(JsonNode node) {
    if (node.isTextual()) {
      return node.textValue().contains("{{");
    }
    for (var child : node) {
      if (containsTemplate(child)) {
        return true;
      }
    }
    return false;
  }

  private static final class Walk {
    private final Map<String, String> properties;
    private final List<String> errors = new ArrayList<>();
    private boolean wantedChange;

    Walk(Map<String, String> properties) {
      this.properties = properties;
    }

    JsonNode expand(String path, JsonNode node) {
      if (node instanceof ObjectNode object) {
        var names = new ArrayList<String>();
        object.fieldNames().forEachRemaining(names::add);
        for (var name : names) {
          object.set(name, expand(path + "." + name, object.get(name)));
        }
      } else if (node instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          array.set(i, expand(path + "[" + i + "]", array.get(i)));
        }
      } else if (node.isTextual() && node.textValue().contains("{{")) {
        wantedChange = true;
        return TextNode.valueOf(expandString(path, node.textValue()));
      }
      return node;
    }

    private String expandString(String name, String text) {
      GoTemplate template;
      try {
        template = GoTemplate.parse(name, text);
      } catch (TemplateException e) {
        errors.add(e.getMessage());
        return "";
      }
      var execution = template.execute(properties);
      if (execution.failed()) {
        errors.add(execution.error());
      }
      return execution.output();
    }
  }
}
