/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model is pure: no Kubernetes client or model, no operator SDK, no reconciler code. */
class ModelArchitectureTest {

  @Test
  void modelDependsOnNoKubernetesLibraryNorOnTheReconciler() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kubestellar.statusaddon");
    noClasses()
        .that()
        .resideInAPackage("io.kubestellar.statusaddon.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8..",
            "io.javaoperatorsdk..",
            "io.kubestellar.runtime..",
            "io.kubestellar.statusaddon.reconciler..")
        .check(classes);
  }
}
