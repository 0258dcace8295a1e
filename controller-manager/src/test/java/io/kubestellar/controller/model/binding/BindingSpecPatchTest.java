/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import static io.kubestellar.controller.model.binding.JsonTreeDiffTest.list;
import static io.kubestellar.controller.model.binding.JsonTreeDiffTest.wire;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The incremental write of a Binding spec: small changes become small JSON Patches. */
class BindingSpecPatchTest {

  @Test
  void aNewResourceVersionReplacesOnlyThatEntrysResourceVersion() {
    var before = spec(1000, 10);
    var after = spec(1000, 10);
    entry(after, 417).put("resourceVersion", "99999");

    var ops = BindingSpecPatch.plan(123, before, after).orElseThrow();

    assertThat(wire(ops))
        .isEqualTo(
            list(
                "[{'op':'test','path':'/metadata/generation','value':123},"
                    + "{'op':'replace','path':'/spec/workload/namespaceScope/417/resourceVersion',"
                    + "'value':'99999'}]"));
  }

  @Test
  void aSelectedObjectIsInsertedAtItsSortedPlaceAndADeselectedOneRemoved() {
    var before = spec(100, 3);
    var after = spec(100, 3);
    var scope = namespaceScope(after);
    scope.remove(40);
    scope.add(10, object("cm-010a", "5"));

    var ops = BindingSpecPatch.plan(7, before, after).orElseThrow();

    assertThat(wire(ops))
        .isEqualTo(
            list(
                "[{'op':'test','path':'/metadata/generation','value':7},"
                    + "{'op':'remove','path':'/spec/workload/namespaceScope/40'},"
                    + "{'op':'add','path':'/spec/workload/namespaceScope/10','value':"
                    + "{'group':'','version':'v1','resource':'configmaps','namespace':'ns',"
                    + "'name':'cm-010a','resourceVersion':'5'}}]"));
    assertThat(JsonPatchApplier.apply(document(before), ops.subList(1, ops.size())))
        .isEqualTo(document(after));
  }

  @Test
  void aNewClusterIsAddedToTheDestinations() {
    var before = spec(10, 2);
    var after = spec(10, 3);

    var ops = BindingSpecPatch.plan(7, before, after).orElseThrow();

    assertThat(wire(ops))
        .isEqualTo(
            list(
                "[{'op':'test','path':'/metadata/generation','value':7},"
                    + "{'op':'add','path':'/spec/destinations/2','value':{'clusterId':'c02'}}]"));
  }

  @Test
  void modulationChangesEditTheEntry() {
    var before = spec(10, 1);
    var after = spec(10, 1);
    entry(after, 3).put("createOnly", true);
    entry(after, 3).put("statusCollectors", List.of("a", "b"));
    entry(before, 5).put("wantSingletonReportedState", true);

    var ops = BindingSpecPatch.plan(7, before, after).orElseThrow();

    assertThat(wire(ops))
        .isEqualTo(
            list(
                "[{'op':'test','path':'/metadata/generation','value':7},"
                    + "{'op':'add','path':'/spec/workload/namespaceScope/3/createOnly','value':true},"
                    + "{'op':'add','path':'/spec/workload/namespaceScope/3/statusCollectors',"
                    + "'value':['a','b']},"
                    + "{'op':'remove',"
                    + "'path':'/spec/workload/namespaceScope/5/wantSingletonReportedState'}]"));
  }

  @Test
  void aPatchNoSmallerThanTheSpecIsNotPlanned() {
    var before = spec(50, 2);
    var after = copy(before);
    namespaceScope(after).forEach(e -> e.put("name", "other-" + e.get("name")));

    assertThat(BindingSpecPatch.plan(7, before, after)).isEmpty();
  }

  @Test
  void aBindingWithoutSpecIsWrittenWhole() {
    assertThat(BindingSpecPatch.plan(7, null, spec(3, 1))).isEmpty();
  }

  @Test
  void anUnchangedSpecNeedsOnlyTheGenerationTest() {
    assertThat(BindingSpecPatch.plan(7, spec(5, 2), spec(5, 2)).orElseThrow())
        .containsExactly(PatchOperation.test("/metadata/generation", 7L));
  }

  /**
   * Property: for random Binding specs and random object and cluster changes, a planned patch
   * applied to the old spec gives the new spec exactly, and one changed object costs at most a few
   * operations. Fixed seed.
   */
  @Test
  void aPlannedPatchAppliedToTheOldSpecGivesTheNewSpec() {
    var random = new Random(42L);
    int planned = 0;
    for (int round = 0; round < 1000; round++) {
      var before = randomSpec(random);
      var after = copy(before);
      int changes = 1 + random.nextInt(random.nextInt(4) == 0 ? 40 : 3);
      for (int i = 0; i < changes; i++) {
        change(random, after);
      }

      var plan = BindingSpecPatch.plan(3, before, after);

      if (plan.isPresent()) {
        planned++;
        var ops = plan.get();
        assertThat(ops.get(0)).isEqualTo(PatchOperation.test("/metadata/generation", 3L));
        assertThat(JsonPatchApplier.apply(document(before), ops.subList(1, ops.size())))
            .as("round %d: %s", round, ops)
            .isEqualTo(document(after));
      }
    }
    assertThat(planned).isGreaterThan(500);
  }

  static Map<String, Object> spec(int objects, int clusters) {
    var scope = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < objects; i++) {
      scope.add(object(String.format("cm-%03d", i), Integer.toString(1000 + i)));
    }
    var destinations = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < clusters; i++) {
      destinations.add(new LinkedHashMap<>(Map.of("clusterId", String.format("c%02d", i))));
    }
    var workload = new LinkedHashMap<String, Object>();
    workload.put("clusterScope", new ArrayList<>());
    workload.put("namespaceScope", scope);
    var spec = new LinkedHashMap<String, Object>();
    spec.put("workload", workload);
    spec.put("destinations", destinations);
    return spec;
  }

  static Map<String, Object> object(String name, String resourceVersion) {
    var entry = new LinkedHashMap<String, Object>();
    entry.put("group", "");
    entry.put("version", "v1");
    entry.put("resource", "configmaps");
    entry.put("namespace", "ns");
    entry.put("name", name);
    entry.put("resourceVersion", resourceVersion);
    return entry;
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> namespaceScope(Map<String, Object> spec) {
    return (List<Map<String, Object>>)
        ((Map<String, Object>) spec.get("workload")).get("namespaceScope");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> clusterScope(Map<String, Object> spec) {
    return (List<Map<String, Object>>)
        ((Map<String, Object>) spec.get("workload")).get("clusterScope");
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> destinations(Map<String, Object> spec) {
    return (List<Map<String, Object>>) spec.get("destinations");
  }

  static Map<String, Object> entry(Map<String, Object> spec, int index) {
    return namespaceScope(spec).get(index);
  }

  static Map<String, Object> document(Map<String, Object> spec) {
    var document = new LinkedHashMap<String, Object>();
    document.put("spec", spec);
    return document;
  }

  static Map<String, Object> randomSpec(Random random) {
    var spec = spec(random.nextInt(60), random.nextInt(5));
    for (int i = random.nextInt(5); i > 0; i--) {
      clusterScope(spec).add(clusterObject("ns-" + random.nextInt(1000)));
    }
    clusterScope(spec).sort((a, b) -> ((String) a.get("name")).compareTo((String) b.get("name")));
    var names = new TreeSet<String>();
    clusterScope(spec).removeIf(e -> !names.add((String) e.get("name")));
    return spec;
  }

  static Map<String, Object> clusterObject(String name) {
    var entry = new LinkedHashMap<String, Object>();
    entry.put("group", "");
    entry.put("version", "v1");
    entry.put("resource", "namespaces");
    entry.put("name", name);
    entry.put("resourceVersion", "1");
    return entry;
  }

  /** One change as a resolution makes it: an object changed, (de)selected, or a cluster. */
  static void change(Random random, Map<String, Object> spec) {
    var scope = namespaceScope(spec);
    switch (random.nextInt(7)) {
      case 0, 1 -> {
        if (!scope.isEmpty()) {
          scope.get(random.nextInt(scope.size())).put("resourceVersion", "x" + random.nextInt());
        }
      }
      case 2 -> {
        if (!scope.isEmpty()) {
          scope.remove(random.nextInt(scope.size()));
        }
      }
      case 3 -> {
        var name = "cm-" + random.nextInt(100) + "b";
        if (scope.stream().noneMatch(e -> e.get("name").equals(name))) {
          scope.add(object(name, "1"));
          scope.sort((a, b) -> ((String) a.get("name")).compareTo((String) b.get("name")));
        }
      }
      case 4 -> {
        if (!scope.isEmpty()) {
          var e = scope.get(random.nextInt(scope.size()));
          if (e.containsKey("createOnly")) {
            e.remove("createOnly");
          } else {
            e.put("createOnly", true);
          }
        }
      }
      case 5 -> {
        var clusters = destinations(spec);
        if (!clusters.isEmpty() && random.nextBoolean()) {
          clusters.remove(random.nextInt(clusters.size()));
        } else {
          var id = "c" + random.nextInt(10) + "x";
          if (clusters.stream().noneMatch(c -> c.get("clusterId").equals(id))) {
            clusters.add(new LinkedHashMap<>(Map.of("clusterId", id)));
            clusters.sort(
                (a, b) -> ((String) a.get("clusterId")).compareTo((String) b.get("clusterId")));
          }
        }
      }
      default -> {
        var cluster = clusterScope(spec);
        if (!cluster.isEmpty()) {
          cluster.remove(random.nextInt(cluster.size()));
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> copy(Map<String, Object> spec) {
    var copy = new LinkedHashMap<String, Object>();
    spec.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> m) {
            copy.put(k, copy((Map<String, Object>) m));
          } else if (v instanceof List<?> l) {
            var list = new ArrayList<Object>();
            l.forEach(e -> list.add(e instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : e));
            copy.put(k, list);
          } else {
            copy.put(k, v);
          }
        });
    return copy;
  }
}
