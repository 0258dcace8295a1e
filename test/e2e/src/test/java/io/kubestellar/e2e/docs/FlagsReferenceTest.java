/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubestellar.localenv.ComponentJars;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/reference/flags.md} lists exactly the flags of each binary, as their picocli command
 * lines define them. After changing a flag, regenerate the page with {@code mvn -pl test/e2e test
 * -Dtest=FlagsReferenceTest -Dkubestellar.updateDocs=true}.
 */
class FlagsReferenceTest {

  @Test
  void theFlagsReferenceMatchesTheBinaries() throws IOException {
    var page = ComponentJars.fromWorkingDirectory().repoRoot().resolve("docs/reference/flags.md");
    var text = Files.readString(page);
    int begin = text.indexOf(FlagsReference.BEGIN);
    int end = text.indexOf(FlagsReference.END);
    assertThat(begin).as("%s holds the marker %s", page, FlagsReference.BEGIN).isNotNegative();
    assertThat(end).as("%s holds the marker %s", page, FlagsReference.END).isGreaterThan(begin);
    var generated =
        text.substring(0, begin + FlagsReference.BEGIN.length())
            + "\n"
            + FlagsReference.render()
            + "\n"
            + text.substring(end);
    if (Boolean.getBoolean("kubestellar.updateDocs")) {
      Files.writeString(page, generated);
    }
    assertThat(text)
        .as(
            "docs/reference/flags.md differs from the binaries' flags; regenerate it with: mvn -pl"
                + " test/e2e test -Dtest=FlagsReferenceTest -Dkubestellar.updateDocs=true")
        .isEqualTo(generated);
  }
}
