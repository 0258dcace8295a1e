/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalkthroughTest {

  @TempDir Path dir;

  @Test
  void runsOnlyBashBlocksAndCollectsTheirExpectations() throws IOException {
    var page =
        Files.writeString(
            dir.resolve("guide.md"),
            """
            # Guide
            ```shell
            hack/demo.sh
            ```
            ```bash
            kubectl get pods
            # expect: Running
            #   expect: not an expectation
            ```
            ```text
            output
            ```
            ```bash
            echo done
            ```
            """);

    var walkthrough = Walkthrough.parse(page);

    assertThat(walkthrough.steps()).hasSize(2);
    assertThat(walkthrough.steps().get(0).line()).isEqualTo(5);
    assertThat(walkthrough.steps().get(0).script()).contains("kubectl get pods\n");
    assertThat(walkthrough.steps().get(0).expects()).containsExactly("Running");
    assertThat(walkthrough.steps().get(1).expects()).isEmpty();
  }

  @Test
  void anUnclosedBlockIsAnError() throws IOException {
    var page = Files.writeString(dir.resolve("broken.md"), "```bash\necho\n");
    assertThatThrownBy(() -> Walkthrough.parse(page)).hasMessageContaining("broken.md:1");
  }
}
