/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The machinery every controller needs exists once (D18): JOSDK for the controllers keyed by a
 * custom resource, and {@code io.kubestellar.runtime} for the rest. A binary's own classes may not
 * build a work queue, a leader elector or a rate limiter of their own.
 */
class SharedMachineryTest {

  private static final String[] BINARIES = {
    "io.kubestellar.controller", "io.kubestellar.transport", "io.kubestellar.statusaddon"
  };

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(BINARIES);

  @Test
  void noBinaryRunsItsOwnLeaderElection() {
    noClasses()
        .that()
        .resideInAnyPackage(packages())
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.fabric8.kubernetes.client.extended.leaderelection..")
        .because("leader election is JOSDK's, set up once in runtime's ControllerHost")
        .check(CLASSES);
  }

  @Test
  void noBinaryBuildsItsOwnWorkQueue() {
    noClasses()
        .that()
        .resideInAnyPackage(packages())
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.DelayQueue")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.Delayed")
        .orShould()
        .haveSimpleNameEndingWith("Queue")
        .because("work queues are JOSDK's or runtime's KeyedWorkQueue")
        .check(CLASSES);
  }

  @Test
  void noBinaryDefinesItsOwnRateLimiter() {
    noClasses()
        .that()
        .resideInAnyPackage(packages())
        .should()
        .haveSimpleNameContaining("RateLimiter")
        .orShould()
        .haveSimpleNameContaining("TokenBucket")
        .because("write limits use runtime's TokenBucket")
        .check(CLASSES);
  }

  private static String[] packages() {
    var packages = new String[BINARIES.length];
    for (int i = 0; i < BINARIES.length; i++) {
      packages[i] = BINARIES[i] + "..";
    }
    return packages;
  }
}
