/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Finds the runnable jars of this project's components in a checkout. */
public final class ComponentJars {

  private final Path repoRoot;

  private ComponentJars(Path repoRoot) {
    this.repoRoot = repoRoot;
  }

  /** The checkout containing the working directory (the directory holding {@code .ci/run}). */
  public static ComponentJars fromWorkingDirectory() {
    var dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("hack"))) {
        return new ComponentJars(dir);
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "cannot find the project checkout above " + Path.of("").toAbsolutePath());
  }

  public Path repoRoot() {
    return repoRoot;
  }

  /**
   * The runnable jar of a module such as {@code controller-manager}; fails with a message saying
   * how to build it.
   */
  public Path jar(String module) {
    var target = repoRoot.resolve(module).resolve("target");
    try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
      return files
          .filter(f -> f.getFileName().toString().endsWith("-runnable.jar"))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalStateException(
                      "no runnable jar in "
                          + target
                          + "; build it with: mvn -pl "
                          + module
                          + " -am package -DskipTests"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
