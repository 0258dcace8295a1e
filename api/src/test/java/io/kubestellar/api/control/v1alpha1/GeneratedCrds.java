/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.control.v1alpha1;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the build puts the generated CRDs and where their committed copies live. */
final class GeneratedCrds {

  /** The kinds' plurals; one CRD each. */
  static final List<String> PLURALS =
      List.of(
          "bindingpolicies",
          "bindings",
          "combinedstatuses",
          "customtransforms",
          "statuscollectors",
          "workstatuses");

  private GeneratedCrds() {}

  /** Output of the crd-generator-maven-plugin (process-classes). */
  static Path generatedDir() {
    return Path.of("target", "classes", "META-INF", "fabric8");
  }

  static Path generated(String plural) {
    return generatedDir().resolve(plural + "." + ControlGroup.GROUP + "-v1.yml");
  }

  /** The committed copies in config/crd. */
  static Path committedDir() {
    return Path.of(System.getProperty("ks.crd.dir", "../config/crd"));
  }

  static Path committed(String plural) {
    return committedDir().resolve(ControlGroup.GROUP + "_" + plural + ".yaml");
  }

  static List<Path> list(Path dir, String glob) {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> dir.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
