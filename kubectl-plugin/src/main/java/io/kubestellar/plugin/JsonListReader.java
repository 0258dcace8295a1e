/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code items} of a Kubernetes list response as JSON trees while streaming, leaving out
 * the members named by dotted paths (such as {@code metadata.managedFields}, often the largest part
 * of an object), so a list of thousands of objects costs only what is used of it.
 */
final class JsonListReader {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonListReader() {}

  static List<JsonNode> items(InputStream in, Set<String> skipped) throws IOException {
    var items = new ArrayList<JsonNode>();
    try (var parser = FACTORY.createParser(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return items;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        var name = parser.currentName();
        var token = parser.nextToken();
        if (name.equals("items") && token == JsonToken.START_ARRAY) {
          while (parser.nextToken() == JsonToken.START_OBJECT) {
            items.add(object(parser, "", skipped));
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    return items;
  }

  /** Reads the object whose START_OBJECT is the current token. */
  private static ObjectNode object(JsonParser parser, String path, Set<String> skipped)
      throws IOException {
    var node = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      var name = parser.currentName();
      var at = path.isEmpty() ? name : path + "." + name;
      parser.nextToken();
      if (skipped.contains(at)) {
        parser.skipChildren();
      } else {
        node.set(name, value(parser, at, skipped));
      }
    }
    return node;
  }

  private static JsonNode value(JsonParser parser, String path, Set<String> skipped)
      throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> object(parser, path, skipped);
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser, path, skipped));
        }
        yield array;
      }
      case VALUE_STRING -> NODES.textNode(parser.getText());
      // The same node types ObjectMapper.readTree makes, so trees compare equal.
      case VALUE_NUMBER_INT ->
          switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      default -> NODES.nullNode();
    };
  }
}
