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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code items} of a Kubernetes list response as JSON trees while streaming, keeping only
 * the members named by dotted paths (an array's elements share the array's path), so a list of
 * thousands of objects costs only what is used of it: the rest ({@code metadata.managedFields},
 * labels, whole manifests) is scanned past without being built.
 */
final class JsonListReader {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonListReader() {}

  /**
   * The items, each cut to {@code kept}: a kept path is read whole; a member on the way to one (a
   * prefix, such as {@code spec} for {@code spec.sourceRef}) is read as far as the kept paths below
   * it; every other member is left out.
   */
  static List<JsonNode> items(InputStream in, Set<String> kept) throws IOException {
    var ways = ways(kept);
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
            items.add(object(parser, "", kept, ways));
          }
        } else {
          parser.skipChildren();
        }
      }
    }
    return items;
  }

  /** An object already read (an informer's), cut to {@code kept} as {@link #items} cuts. */
  static JsonNode cut(JsonNode tree, Set<String> kept) {
    return cut(tree, "", kept, ways(kept));
  }

  private static JsonNode cut(JsonNode node, String path, Set<String> kept, Set<String> ways) {
    if (node.isArray()) {
      ArrayNode array = NODES.arrayNode();
      node.forEach(element -> array.add(cut(element, path, kept, ways)));
      return array;
    }
    if (!node.isObject()) {
      return node;
    }
    var object = NODES.objectNode();
    node.fields()
        .forEachRemaining(
            field -> {
              var at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
              if (kept.contains(at)) {
                object.set(field.getKey(), field.getValue());
              } else if (ways.contains(at)) {
                object.set(field.getKey(), cut(field.getValue(), at, kept, ways));
              }
            });
    return object;
  }

  /** The proper prefixes of the kept paths: the members to descend into. */
  private static Set<String> ways(Set<String> kept) {
    var ways = new HashSet<String>();
    for (var path : kept) {
      for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
        ways.add(path.substring(0, dot));
      }
    }
    return ways;
  }

  /** Reads the object whose START_OBJECT is the current token, cut to the kept paths. */
  private static ObjectNode object(
      JsonParser parser, String path, Set<String> kept, Set<String> ways) throws IOException {
    var node = NODES.objectNode();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      var name = parser.currentName();
      var at = path.isEmpty() ? name : path + "." + name;
      parser.nextToken();
      if (kept.contains(at)) {
        node.set(name, value(parser));
      } else if (ways.contains(at)) {
        node.set(name, partial(parser, at, kept, ways));
      } else {
        parser.skipChildren();
      }
    }
    return node;
  }

  /** A member on the way to kept paths: objects cut to them, arrays element by element. */
  private static JsonNode partial(
      JsonParser parser, String path, Set<String> kept, Set<String> ways) throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> object(parser, path, kept, ways);
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(partial(parser, path, kept, ways));
        }
        yield array;
      }
      default -> value(parser);
    };
  }

  /** Reads the value whose first token is the current one, whole. */
  private static JsonNode value(JsonParser parser) throws IOException {
    return switch (parser.currentToken()) {
      case START_OBJECT -> {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          var name = parser.currentName();
          parser.nextToken();
          object.set(name, value(parser));
        }
        yield object;
      }
      case START_ARRAY -> {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(value(parser));
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
