/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.reconciler.binding;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the KubeStellar CRDs of a WDS exist and are established before the controllers start
 * (spec §1.3 step 3, §2.9). The CRDs are those the api jar carries; server-side apply leaves a CRD
 * untouched when it already has this content.
 */
public final class CrdInstaller {

  /** The five kinds that live in a WDS (WorkStatus lives in the ITS). */
  static final List<String> WDS_CRDS =
      List.of(
          "bindingpolicies.control.kubestellar.io",
          "bindings.control.kubestellar.io",
          "statuscollectors.control.kubestellar.io",
          "combinedstatuses.control.kubestellar.io",
          "customtransforms.control.kubestellar.io");

  private static final Logger LOG = LoggerFactory.getLogger(CrdInstaller.class);
  private static final Duration BUDGET = Duration.ofMinutes(1);

  private CrdInstaller() {}

  /** Installs or updates the CRDs and waits until each is established; throws if it cannot. */
  public static void ensure(KubernetesClient wds) {
    var deadline = Instant.now().plus(BUDGET);
    for (var name : WDS_CRDS) {
      var crd = load(wds, name);
      try {
        wds.apiextensions()
            .v1()
            .customResourceDefinitions()
            .resource(crd)
            .patch(
                new PatchContext.Builder()
                    .withPatchType(PatchType.SERVER_SIDE_APPLY)
                    .withFieldManager("kubestellar-controller-manager")
                    .withForce(true)
                    .build());
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            "cannot install CRD "
                + name
                + " in the WDS (the controller-manager needs rights to create and patch"
                + " customresourcedefinitions, or install the CRDs from config/crd beforehand and"
                + " pass --no-install-crds): "
                + e.getMessage(),
            e);
      }
    }
    for (var name : WDS_CRDS) {
      while (!established(wds, name)) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException("CRD " + name + " is not Established after " + BUDGET);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for CRD " + name, e);
        }
      }
    }
    LOG.atInfo()
        .setMessage("KubeStellar CRDs present in the WDS")
        .addKeyValue("crds", WDS_CRDS.size())
        .log();
  }

  private static boolean established(KubernetesClient wds, String name) {
    var crd = wds.apiextensions().v1().customResourceDefinitions().withName(name).get();
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static CustomResourceDefinition load(KubernetesClient client, String name) {
    var path = "META-INF/fabric8/" + name + "-v1.yml";
    try (InputStream in = CrdInstaller.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the api jar lacks " + path);
      }
      var crd = client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class);
      crd.getMetadata().setResourceVersion(null);
      return crd;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
