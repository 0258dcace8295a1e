/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where hack/build-tools.sh put the real components: binaries, OCM CRDs and the directory fabric8
 * kube-api-test reads.
 *
 * @param cache the cache root, by default {@code ~/.cache/kubestellar-java}
 */
public record ToolPaths(Path cache) {

  /** Binaries every environment needs. */
  static final List<String> BINARIES =
      List.of(
          "etcd",
          "kube-apiserver",
          "kube-controller-manager",
          "kube-scheduler",
          "kwok",
          "work",
          "helm");

  /**
   * The cache named by system property {@code ks.cache}, else {@code $KS_CACHE}, else {@code
   * ~/.cache/kubestellar-java}.
   */
  public static ToolPaths fromEnvironment() {
    var property = System.getProperty("ks.cache");
    if (property != null && !property.isBlank()) {
      return new ToolPaths(Path.of(property));
    }
    var env = System.getenv("KS_CACHE");
    if (env != null && !env.isBlank()) {
      return new ToolPaths(Path.of(env));
    }
    return new ToolPaths(Path.of(System.getProperty("user.home"), ".cache", "kubestellar-java"));
  }

  /** A binary built by hack/build-tools.sh. */
  public Path binary(String name) {
    return cache.resolve("bin").resolve(name);
  }

  /** kubectl: the one laid out for kube-api-test, else the one on PATH. */
  public Path kubectl() {
    var laidOut = kubeApiTestBinaries().resolve("kubectl");
    if (Files.isExecutable(laidOut)) {
      return laidOut;
    }
    return Path.of("kubectl");
  }

  /** Directory holding OCM's CRDs extracted from open-cluster-management.io/api. */
  public Path ocmCrds() {
    try (Stream<Path> versions = Files.list(cache.resolve("ocm-crds"))) {
      return versions.filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElseThrow();
    } catch (IOException | java.util.NoSuchElementException e) {
      throw missing("OCM CRDs under " + cache.resolve("ocm-crds"));
    }
  }

  /** The OCM CRD file whose name ends with {@code suffix}, e.g. {@code _manifestworks.crd.yaml}. */
  public Path ocmCrd(String suffix) {
    try (Stream<Path> files = Files.list(ocmCrds())) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(suffix))
          .findFirst()
          .orElseThrow(() -> missing("OCM CRD *" + suffix + " in " + ocmCrds()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory fabric8 kube-api-test uses as its binary root ({@code <dir>/k8s/...}). */
  public Path kubeApiTestRoot() {
    return cache.resolve("kube-api-test");
  }

  /** {@code <kubeApiTestRoot>/k8s/<version>-linux-amd64}. */
  public Path kubeApiTestBinaries() {
    var k8s = kubeApiTestRoot().resolve("k8s");
    try (Stream<Path> versions = Files.list(k8s)) {
      return versions.filter(Files::isDirectory).sorted().reduce((a, b) -> b).orElseThrow();
    } catch (IOException | java.util.NoSuchElementException e) {
      throw missing("kube-api-test binaries under " + k8s);
    }
  }

  /** The Kubernetes version the binaries were built at, e.g. {@code 1.32.5}. */
  public String kubernetesVersion() {
    var dir = kubeApiTestBinaries().getFileName().toString();
    return dir.substring(0, dir.indexOf('-'));
  }

  /** Fails with one message naming every missing binary and how to build them. */
  public ToolPaths requireAll() {
    var missing = new ArrayList<String>();
    for (var name : BINARIES) {
      if (!Files.isExecutable(binary(name))) {
        missing.add(binary(name).toString());
      }
    }
    if (!missing.isEmpty()) {
      throw missing(String.join(", ", missing));
    }
    ocmCrds();
    return this;
  }

  private static IllegalStateException missing(String what) {
    return new IllegalStateException(
        "missing "
            + what
            + ": build the real Kubernetes and OCM components first with hack/build-tools.sh"
            + " (set KS_CACHE or -Dks.cache to use another cache directory)");
  }
}
