/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code model} package is pure logic: it depends on no Kubernetes client and no operator
 * SDK, nor on the code around it that does, so it is tested without an API server and the kubectl
 * plugin can reuse it. One table for the binaries and the plugin; each row names what its model may
 * not use.
 */
class PureModelTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(
              "io.kubestellar.controller",
              "io.kubestellar.transport",
              "io.kubestellar.statusaddon",
              "io.kubestellar.plugin");

  static Stream<Arguments> models() {
    return Stream.of(
        // Binding: no Kubernetes client or model, no JOSDK, no API classes.
        model(
            "io.kubestellar.controller.model.binding",
            "io.fabric8..",
            "io.javaoperatorsdk..",
            "io.kubestellar.api..",
            "io.kubestellar.ocm.."),
        // Status: no Kubernetes client, no fabric8 model, no JOSDK.
        model("io.kubestellar.controller.model.status", "io.fabric8..", "io.javaoperatorsdk.."),
        // Transport: no Kubernetes client, no operator SDK, no YAML, no shared spec files.
        model(
            "io.kubestellar.transport.model",
            "io.fabric8.kubernetes.client..",
            "io.javaoperatorsdk..",
            "com.fasterxml.jackson.dataformat..",
            "io.kubestellar.api..",
            "io.kubestellar.runtime.."),
        // Status add-on: no Kubernetes client or model, no operator SDK, no reconciler code.
        model(
            "io.kubestellar.statusaddon.model",
            "io.fabric8..",
            "io.javaoperatorsdk..",
            "io.kubestellar.runtime..",
            "io.kubestellar.statusaddon.reconciler.."),
        // Plugin: talks to no API server, and does not reach back into the commands.
        model(
            "io.kubestellar.plugin.model",
            "io.fabric8.kubernetes.client..",
            "io.javaoperatorsdk..",
            "io.kubestellar.plugin"));
  }

  private static Arguments model(String modelPackage, String... forbidden) {
    return Arguments.of(modelPackage, forbidden);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void modelDependsOnNoKubernetesLibraryNorOnTheCodeAroundIt(
      String modelPackage, String[] forbidden) {
    noClasses()
        .that()
        .resideInAPackage(modelPackage + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden)
        .check(CLASSES);
  }
}
