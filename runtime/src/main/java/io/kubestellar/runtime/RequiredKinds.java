/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resources the transport's own informers watch, which must be served before they start: an
 * informer started on a resource that is not served yet fails its first list and stops for good.
 * The controller-manager installs the KubeStellar CRDs at its startup, so the transport often
 * starts before them.
 */
public final class RequiredKinds {

  private static final Logger LOG = LoggerFactory.getLogger(RequiredKinds.class);

  /** One resource in one space. */
  public record Kind(String space, String groupVersion, String resource) {
    @Override
    public String toString() {
      return space + ":" + resource + "." + groupVersion;
    }
  }

  private final Map<String, KubernetesClient> spaces;
  private final List<Kind> kinds;

  /**
   * @param spaces clients by space name, as the kinds name them
   */
  public RequiredKinds(Map<String, KubernetesClient> spaces, List<Kind> kinds) {
    this.spaces = Map.copyOf(spaces);
    this.kinds = List.copyOf(kinds);
  }

  /** The kinds not served now. */
  public List<Kind> missing() {
    var missing = new ArrayList<Kind>();
    for (var kind : kinds) {
      if (!serves(spaces.get(kind.space()), kind.groupVersion(), kind.resource())) {
        missing.add(kind);
      }
    }
    return missing;
  }

  /**
   * Polls discovery every {@code interval} until every kind is served or {@code keepWaiting} turns
   * false; logs what is missing at WARN on attempts 1, 2, 4, 8… Returns whether all are served.
   */
  public boolean await(Duration interval, BooleanSupplier keepWaiting) throws InterruptedException {
    int attempt = 0;
    while (keepWaiting.getAsBoolean()) {
      attempt++;
      var missing = missing();
      if (missing.isEmpty()) {
        if (attempt > 1) {
          LOG.atInfo()
              .setMessage("required resources are served")
              .addKeyValue("attempts", attempt)
              .log();
        }
        return true;
      }
      if (Integer.bitCount(attempt) == 1) {
        LOG.atWarn()
            .setMessage("waiting for CustomResourceDefinitions to be installed")
            .addKeyValue("missing", missing)
            .addKeyValue("attempt", attempt)
            .log();
      }
      Thread.sleep(interval.toMillis());
    }
    return false;
  }

  private static boolean serves(KubernetesClient client, String groupVersion, String resource) {
    try {
      var list = client.getApiResources(groupVersion);
      return list != null
          && list.getResources() != null
          && list.getResources().stream().anyMatch(r -> r.getName().equals(resource));
    } catch (KubernetesClientException e) {
      return false;
    }
  }
}
