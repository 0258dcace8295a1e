/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON Patch between two JSON trees, with list-maps edited element by element. */
class JsonTreeDiffTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final JsonTreeDiff DIFF =
      new JsonTreeDiff(Map.of("/items", List.of("k"), "/groups/*/members", List.of("id")));

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("equal documents", "{'a':1,'items':[{'k':'x'}]}", "same", "[]"),
        Arguments.of(
            "scalar member replaced",
            "{'a':1,'b':'x'}",
            "{'a':2,'b':'x'}",
            "[{'op':'replace','path':'/a','value':2}]"),
        Arguments.of(
            "members added and removed, in name order",
            "{'b':1,'c':2}",
            "{'a':0,'c':2}",
            "[{'op':'add','path':'/a','value':0},{'op':'remove','path':'/b'}]"),
        Arguments.of(
            "one member of a list-map element replaced",
            "{'items':[{'k':'a','rv':'1'},{'k':'b','rv':'1'},{'k':'c','rv':'1'}]}",
            "{'items':[{'k':'a','rv':'1'},{'k':'b','rv':'2'},{'k':'c','rv':'1'}]}",
            "[{'op':'replace','path':'/items/1/rv','value':'2'}]"),
        Arguments.of(
            "a member of an element added and another removed",
            "{'items':[{'k':'a','x':true}]}",
            "{'items':[{'k':'a','y':['s']}]}",
            "[{'op':'remove','path':'/items/0/x'},{'op':'add','path':'/items/0/y','value':['s']}]"),
        Arguments.of(
            "element inserted in the middle",
            "{'items':[{'k':'a'},{'k':'c'}]}",
            "{'items':[{'k':'a'},{'k':'b'},{'k':'c'}]}",
            "[{'op':'add','path':'/items/1','value':{'k':'b'}}]"),
        Arguments.of(
            "element appended at the end",
            "{'items':[{'k':'a'}]}",
            "{'items':[{'k':'a'},{'k':'b'}]}",
            "[{'op':'add','path':'/items/1','value':{'k':'b'}}]"),
        Arguments.of(
            "elements removed from the highest index down",
            "{'items':[{'k':'a'},{'k':'b'},{'k':'c'},{'k':'d'}]}",
            "{'items':[{'k':'b'},{'k':'c'}]}",
            "[{'op':'remove','path':'/items/3'},{'op':'remove','path':'/items/0'}]"),
        Arguments.of(
            "replacements at old indexes, then removals down, then additions up",
            "{'items':[{'k':'a'},{'k':'b','v':1},{'k':'d'}]}",
            "{'items':[{'k':'b','v':2},{'k':'c'},{'k':'e'}]}",
            "[{'op':'replace','path':'/items/1/v','value':2},"
                + "{'op':'remove','path':'/items/2'},{'op':'remove','path':'/items/0'},"
                + "{'op':'add','path':'/items/1','value':{'k':'c'}},"
                + "{'op':'add','path':'/items/2','value':{'k':'e'}}]"),
        Arguments.of(
            "shared elements in another order: the list is replaced",
            "{'items':[{'k':'b'},{'k':'a'}]}",
            "{'items':[{'k':'a'},{'k':'b'},{'k':'c'}]}",
            "[{'op':'replace','path':'/items','value':[{'k':'a'},{'k':'b'},{'k':'c'}]}]"),
        Arguments.of(
            "a key twice: the list is replaced",
            "{'items':[{'k':'a'},{'k':'a'}]}",
            "{'items':[{'k':'a'}]}",
            "[{'op':'replace','path':'/items','value':[{'k':'a'}]}]"),
        Arguments.of(
            "an element that is no object: the list is replaced",
            "{'items':['a']}",
            "{'items':[{'k':'a'}]}",
            "[{'op':'replace','path':'/items','value':[{'k':'a'}]}]"),
        Arguments.of(
            "a list that is no list-map is replaced whole",
            "{'other':[1,2,3]}",
            "{'other':[1,3]}",
            "[{'op':'replace','path':'/other','value':[1,3]}]"),
        Arguments.of(
            "a list-map nested in another list's elements",
            "{'groups':[{'members':[{'id':1},{'id':2}]}]}",
            "{'groups':[{'members':[{'id':2}]}]}",
            "[{'op':'replace','path':'/groups','value':[{'members':[{'id':2}]}]}]"),
        Arguments.of(
            "a missing list becomes an added member",
            "{}",
            "{'items':[{'k':'a'}]}",
            "[{'op':'add','path':'/items','value':[{'k':'a'}]}]"),
        Arguments.of(
            "an object becoming a list is replaced",
            "{'a':{'b':1}}",
            "{'a':[1]}",
            "[{'op':'replace','path':'/a','value':[1]}]"),
        Arguments.of(
            "member names with / and ~ are escaped",
            "{'m':{'a/b':1,'c~d':1}}",
            "{'m':{'a/b':2,'c~d':2}}",
            "[{'op':'replace','path':'/m/a~1b','value':2},"
                + "{'op':'replace','path':'/m/c~0d','value':2}]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void patchesOnlyWhatDiffers(String name, String before, String after, String expected) {
    var b = tree(before);
    var a = after.equals("same") ? tree(before) : tree(after);

    var ops = DIFF.diff(b, a);

    assertThat(wire(ops)).isEqualTo(list(expected));
    assertThat(JsonPatchApplier.apply(b, ops)).isEqualTo(a);
  }

  @Test
  void keysOfAListMapInsideAListAreFoundThroughTheWildcard() {
    var diff =
        new JsonTreeDiff(Map.of("/groups", List.of("name"), "/groups/*/members", List.of("id")));
    var b = tree("{'groups':[{'name':'g','members':[{'id':1,'v':1},{'id':2}]}]}");
    var a = tree("{'groups':[{'name':'g','members':[{'id':1,'v':2}]}]}");

    var ops = diff.diff(b, a);

    assertThat(wire(ops))
        .isEqualTo(
            list(
                "[{'op':'replace','path':'/groups/0/members/0/v','value':2},"
                    + "{'op':'remove','path':'/groups/0/members/1'}]"));
  }

  /**
   * Property: for random list-maps, sorted or not, and random edits (elements removed, inserted,
   * changed), applying the patch to the old document gives the new one exactly. Fixed seed.
   */
  @Test
  void applyingThePatchToTheOldDocumentGivesTheNewOne() {
    var random = new Random(20260101L);
    int incremental = 0;
    for (int round = 0; round < 2000; round++) {
      var before = randomItems(random, random.nextInt(30));
      if (random.nextInt(4) == 0) {
        Collections.shuffle(before, random);
      }
      var after = edit(random, before);
      if (random.nextBoolean()) {
        after.sort((x, y) -> ((String) x.get("k")).compareTo((String) y.get("k")));
      }
      var b = document(before);
      var a = document(after);

      var ops = DIFF.diff(b, a);

      assertThat(JsonPatchApplier.apply(b, ops)).as("round %d: %s", round, ops).isEqualTo(a);
      if (ops.stream().noneMatch(op -> op.path().equals("/items"))) {
        incremental++;
      }
    }
    // Most rounds must exercise the element-wise path, not the whole-list fallback.
    assertThat(incremental).isGreaterThan(1000);
  }

  static List<Map<String, Object>> randomItems(Random random, int size) {
    var keys = new java.util.TreeSet<String>();
    while (keys.size() < size) {
      keys.add("o" + random.nextInt(100));
    }
    var items = new ArrayList<Map<String, Object>>();
    for (var k : keys) {
      items.add(item(random, k));
    }
    return items;
  }

  static Map<String, Object> item(Random random, String key) {
    var item = new LinkedHashMap<String, Object>();
    item.put("k", key);
    item.put("rv", Integer.toString(random.nextInt(5)));
    if (random.nextBoolean()) {
      item.put("flag", true);
    }
    if (random.nextInt(3) == 0) {
      item.put("tags", List.of("t" + random.nextInt(3)));
    }
    return item;
  }

  /** Removes, changes and inserts random elements, keeping the shared ones in order. */
  static List<Map<String, Object>> edit(Random random, List<Map<String, Object>> before) {
    var after = new ArrayList<Map<String, Object>>();
    var used = new java.util.HashSet<String>();
    before.forEach(e -> used.add((String) e.get("k")));
    for (var element : before) {
      if (random.nextInt(5) > 0) {
        after.add(random.nextInt(4) == 0 ? item(random, (String) element.get("k")) : element);
      }
    }
    int inserts = random.nextInt(4);
    for (int i = 0; i < inserts; i++) {
      var key = "n" + random.nextInt(1000);
      if (used.add(key)) {
        after.add(random.nextInt(after.size() + 1), item(random, key));
      }
    }
    return after;
  }

  static Map<String, Object> document(List<Map<String, Object>> items) {
    var document = new LinkedHashMap<String, Object>();
    document.put("items", new ArrayList<>(items));
    return document;
  }

  static Map<String, Object> tree(String json) {
    try {
      @SuppressWarnings("unchecked")
      var map = (Map<String, Object>) JSON.readValue(json.replace('\'', '"'), Map.class);
      return map;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  /** The operations as they go on the wire, read back as JSON (numbers as Jackson reads them). */
  static List<?> wire(List<PatchOperation> ops) {
    try {
      return JSON.readValue(
          JSON.writeValueAsString(ops.stream().map(PatchOperation::wire).toList()), List.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static List<?> list(String json) {
    try {
      return JSON.readValue(json.replace('\'', '"'), List.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(json, e);
    }
  }
}
