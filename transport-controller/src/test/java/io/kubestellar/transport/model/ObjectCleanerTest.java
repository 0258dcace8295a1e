/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ObjectCleanerTest {

  private final ObjectCleaner cleaner = new ObjectCleaner();

  static Stream<Path> cases() {
    return GoldenCases.of(ObjectCleanerTest.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void cleansAsTheGoldenFileSays(Path caseDir) {
    var in = GoldenCases.read(caseDir, "in.yaml");
    var before = in.deepCopy();

    var out = cleaner.clean(in);

    assertThat(out).isEqualTo(GoldenCases.read(caseDir, "out.yaml"));
    assertThat(in).as("input is left alone").isEqualTo(before);
  }

  @Test
  void rejectsSomethingThatIsNotAnObject() {
    assertThatThrownBy(() -> cleaner.clean(JsonNodeFactory.instance.textNode("x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
