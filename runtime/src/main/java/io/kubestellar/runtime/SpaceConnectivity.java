/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects to each configured space and checks that its API server answers, so a wrong kubeconfig
 * or an unreachable space fails startup with a message naming the flag at fault.
 */
public final class SpaceConnectivity implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SpaceConnectivity.class);

  private final Map<String, KubernetesClient> clients = new LinkedHashMap<>();

  /** Opens clients for the spaces and verifies each answers {@code /version}. */
  public static SpaceConnectivity connect(List<SpaceOptions> spaces) {
    var connectivity = new SpaceConnectivity();
    try {
      for (var space : spaces) {
        var client = space.connect();
        connectivity.clients.put(space.role(), client);
        String version;
        try {
          version = client.getKubernetesVersion().getGitVersion();
        } catch (RuntimeException e) {
          throw new IllegalStateException(
              "cannot reach the "
                  + space.role()
                  + " space at "
                  + client.getMasterUrl()
                  + " (check --"
                  + space.role()
                  + "-kubeconfig/--"
                  + space.role()
                  + "-context): "
                  + e.getMessage(),
              e);
        }
        LOG.atInfo()
            .setMessage("connected to space")
            .addKeyValue("space", space.role())
            .addKeyValue("server", client.getMasterUrl())
            .addKeyValue("version", version)
            .log();
      }
    } catch (RuntimeException e) {
      connectivity.close();
      throw e;
    }
    return connectivity;
  }

  /** The client of a space by role ("wds", "its", "wec"). */
  public KubernetesClient client(String role) {
    var client = clients.get(role);
    if (client == null) {
      throw new IllegalArgumentException("no space with role " + role);
    }
    return client;
  }

  @Override
  public void close() {
    clients.values().forEach(KubernetesClient::close);
    clients.clear();
  }
}
