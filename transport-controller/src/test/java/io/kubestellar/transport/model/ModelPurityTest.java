/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The model is pure: no Kubernetes client, no operator SDK, no YAML, no shared spec files. */
class ModelPurityTest {

  @Test
  void modelUsesNoClientOperatorSdkOrApiModule() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.kubestellar.transport.model");

    noClasses()
        .that()
        .resideInAPackage("io.kubestellar.transport.model..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.fabric8.kubernetes.client..",
            "io.javaoperatorsdk..",
            "com.fasterxml.jackson.dataformat..",
            "io.kubestellar.api..",
            "io.kubestellar.runtime..")
        .check(classes);
  }
}
