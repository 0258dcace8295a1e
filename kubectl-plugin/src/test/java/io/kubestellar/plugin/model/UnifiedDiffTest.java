/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  @Test
  void equalTextsGiveNoDiff() {
    assertThat(UnifiedDiff.of("a", "x\ny\n", "b", "x\ny\n")).isEmpty();
  }

  @Test
  void aChangedLineGetsAHunkWithContext() {
    var from = "a\nb\nc\nd\ne\nf\ng\nh\n";
    var to = "a\nb\nc\nd\nE\nf\ng\nh\n";
    assertThat(UnifiedDiff.of("sent", from, "wec", to))
        .isEqualTo("--- sent\n+++ wec\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n");
  }

  @Test
  void distantChangesGetSeparateHunks() {
    var from = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
    var to = "0\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n";
    assertThat(UnifiedDiff.of("a", from, "b", to))
        .isEqualTo(
            "--- a\n+++ b\n@@ -1,4 +1,4 @@\n-1\n+0\n 2\n 3\n 4\n@@ -10,3 +10,4 @@\n 10\n 11\n 12\n+13\n");
  }
}
