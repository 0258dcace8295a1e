/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A namespace a component writes into and creates when it is missing (the status controller's
 * report namespace in the WDS, the transport's properties namespace in the ITS).
 */
public final class RequiredNamespace {

  private static final Logger LOG = LoggerFactory.getLogger(RequiredNamespace.class);

  private RequiredNamespace() {}

  /**
   * Creates {@code name} unless it exists, trying again every {@code retryInterval} while the space
   * refuses and {@code keepTrying} holds. Another replica creating it first counts as success.
   *
   * @param space the space's name, for logs
   */
  public static void ensure(
      KubernetesClient client,
      String space,
      String name,
      Duration retryInterval,
      BooleanSupplier keepTrying)
      throws InterruptedException {
    while (keepTrying.getAsBoolean()) {
      try {
        var namespaces = client.namespaces();
        if (namespaces.withName(name).get() == null) {
          namespaces
              .resource(
                  new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
              .create();
        }
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() == 409) {
          return;
        }
        LOG.atWarn()
            .setMessage("cannot ensure namespace; retrying")
            .addKeyValue("space", space)
            .addKeyValue("namespace", name)
            .addKeyValue("error", e.getMessage())
            .log();
        Thread.sleep(retryInterval.toMillis());
      }
    }
  }
}
