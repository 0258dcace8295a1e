/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each chart's README.md is what {@link ChartReadme} renders from its values.schema.json,
 * values.yaml and Chart.yaml, so a value added, removed, retyped or redescribed in the schema (or a
 * default changed) fails here until the README is regenerated with {@code mvn -pl test/e2e test
 * -Dtest=ChartReadmeTest -Dkubestellar.updateDocs=true}.
 */
class ChartReadmeTest {

  @ParameterizedTest
  @ValueSource(strings = {Charts.CORE, Charts.ITS, Charts.STATUS_ADDON})
  void theReadmeListsEveryValueOfTheSchema(String chart) throws IOException {
    var readme = Charts.chart(chart).resolve("README.md");
    var generated = ChartReadme.render(chart);
    if (Boolean.getBoolean("kubestellar.updateDocs")) {
      Files.writeString(readme, generated);
    }
    assertThat(Files.exists(readme)).as("%s exists", readme).isTrue();
    assertThat(Files.readString(readme))
        .as(
            "charts/%s/README.md differs from its values.schema.json; regenerate it with: mvn -pl"
                + " test/e2e test -Dtest=ChartReadmeTest -Dkubestellar.updateDocs=true",
            chart)
        .isEqualTo(generated);
  }
}
