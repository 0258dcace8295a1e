/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class CreateOnlyCheckTest {

  private static final ObjectRef CM = new ObjectRef("", "configmaps", "ns", "cfg");

  private static BindingContent content(boolean createOnly, String... clusters) {
    var objects = new TreeMap<ObjectRef, BoundObject>();
    objects.put(
        CM, new BoundObject("v1", "7", new Modulation(createOnly, new TreeSet<>(), false, false)));
    return new BindingContent(new TreeSet<>(Set.of(clusters)), objects);
  }

  @Test
  void reportsTheConflictOnBothPolicies() {
    var contents = Map.of("seed", content(true, "c1", "c2"), "sync", content(false, "c2", "c3"));
    assertThat(CreateOnlyCheck.error("seed", contents))
        .hasValueSatisfying(
            e ->
                assertThat(e)
                    .startsWith("createOnly conflict:")
                    .endsWith(
                        "make the policies agree: configmaps/ns/cfg (createOnly here, not"
                            + " in sync; clusters c2)"));
    assertThat(CreateOnlyCheck.error("sync", contents))
        .hasValueSatisfying(
            e -> assertThat(e).endsWith("configmaps/ns/cfg (createOnly in seed; clusters c2)"));
  }

  @Test
  void policiesThatAgreeOrShareNoClusterAreFine() {
    assertThat(
            CreateOnlyCheck.error("a", Map.of("a", content(true, "c1"), "b", content(true, "c1"))))
        .isEmpty();
    assertThat(
            CreateOnlyCheck.error("a", Map.of("a", content(true, "c1"), "b", content(false, "c2"))))
        .isEmpty();
    assertThat(CreateOnlyCheck.error("a", Map.of("b", content(false, "c1")))).isEmpty();
  }
}
