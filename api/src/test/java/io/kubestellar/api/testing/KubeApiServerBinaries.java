/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.api.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Guards fabric8's {@code @EnableKubeAPIServer} so that it only ever starts the binaries that
 * {@code hack/build-tools.sh} built, never downloads anything, and fails with a clear message when
 * they are missing.
 *
 * <p>How the offline set-up works (kube-api-test 7.5.2): the annotation reads its settings only
 * from environment variables, and its boolean/integer variables ({@code
 * KUBE_API_TEST_OFFLINE_MODE}, ...) fail with a ClassCastException, so offline mode cannot be
 * switched on there. Instead:
 *
 * <ul>
 *   <li>failsafe sets {@code KUBE_API_TEST_DIR=${ks.cache}/kube-api-test} (api/pom.xml), the
 *       directory where build-tools.sh lays out {@code k8s/1.32.13-linux-amd64/{etcd,
 *       kube-apiserver,kubectl}};
 *   <li>failsafe also sets {@code KUBE_API_TEST_API_SERVER_VERSION=${ks.k8s.version}} (a string
 *       variable, which works), so kube-api-test looks for exactly that version's directory and
 *       would download only if it were absent;
 *   <li>this extension, registered before {@code @EnableKubeAPIServer} (declare {@link
 *       RequiresKubeApiServerBinaries} above it), checks that the variable points there and that
 *       the three binaries exist, and fails the test class otherwise — so the download branch is
 *       never reached.
 * </ul>
 */
public final class KubeApiServerBinaries implements BeforeAllCallback {

  /** The environment variable kube-api-test reads its binary directory from. */
  public static final String DIR_VARIABLE = "KUBE_API_TEST_DIR";

  /** The environment variable kube-api-test reads the wanted Kubernetes version from. */
  public static final String VERSION_VARIABLE = "KUBE_API_TEST_API_SERVER_VERSION";

  /** The Kubernetes version hack/build-tools.sh builds (system property {@code ks.k8s.version}). */
  public static String version() {
    var version = System.getProperty("ks.k8s.version");
    if (version == null || version.isBlank()) {
      throw new IllegalStateException(
          "system property ks.k8s.version is not set; run the integration tests with 'mvn verify'");
    }
    return version;
  }

  /** The directory kube-api-test must use: {@code <ks.cache>/kube-api-test}. */
  public static Path expectedDir() {
    var cache = System.getProperty("ks.cache");
    var base =
        cache != null && !cache.isBlank()
            ? Path.of(cache)
            : Path.of(System.getProperty("user.home"), ".cache", "kubestellar-java");
    return base.resolve("kube-api-test");
  }

  /** The directory holding etcd, kube-apiserver and kubectl for {@link #VERSION}. */
  public static Path binaryDir() {
    return expectedDir().resolve("k8s").resolve(version() + "-linux-amd64");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    var missing =
        List.of("etcd", "kube-apiserver", "kubectl").stream()
            .map(binaryDir()::resolve)
            .filter(p -> !Files.isExecutable(p))
            .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The Kubernetes binaries for the integration tests are missing: "
              + missing
              + ". Run hack/build-tools.sh (it builds etcd and kube-apiserver "
              + version()
              + " and lays them out in "
              + binaryDir()
              + "); the tests never download binaries.");
    }
    requireVariable(VERSION_VARIABLE, version());
    requireVariable(DIR_VARIABLE, expectedDir().toString());
  }

  private static void requireVariable(String name, String expected) {
    var configured = System.getenv(name);
    if (!expected.equals(configured)) {
      throw new IllegalStateException(
          name
              + " is "
              + (configured == null ? "not set" : "'" + configured + "'")
              + " but must be '"
              + expected
              + "' so that @EnableKubeAPIServer starts the locally built binaries instead of"
              + " downloading. Run the integration tests with 'mvn verify' (failsafe sets it), or"
              + " set it in your IDE's run configuration.");
    }
  }
}
