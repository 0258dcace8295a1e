/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

class ObjectCleanerTest {

  private final ObjectCleaner cleaner = new ObjectCleaner();

  @ParameterizedTest(name = "{0}")
  @GoldenCaseSource
  void cleansAsTheGoldenFileSays(GoldenCase golden) {
    var in = golden.in();
    var before = in.deepCopy();

    var out = cleaner.clean(in);

    assertThat(out).isEqualTo(golden.out());
    assertThat(in).as("input is left alone").isEqualTo(before);
  }

  @Test
  void rejectsSomethingThatIsNotAnObject() {
    assertThatThrownBy(() -> cleaner.clean(JsonNodeFactory.instance.textNode("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
