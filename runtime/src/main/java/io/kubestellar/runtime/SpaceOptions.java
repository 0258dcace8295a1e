/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How to reach one space (WDS, ITS or WEC): a kubeconfig file and context, or the in-cluster
 * service account when no file is given, plus client-side limits.
 *
 * @param role short name of the space's role, used in messages ("wds", "its", "wec")
 * @param kubeconfig kubeconfig file, or null for in-cluster / $KUBECONFIG
 * @param context context in the kubeconfig, or null for its current context
 * @param maxConcurrentRequests upper bound on requests in flight to this space (D7)
 */
public record SpaceOptions(
    String role, Path kubeconfig, String context, int maxConcurrentRequests) {

  public SpaceOptions {
    if (kubeconfig != null && !Files.isReadable(kubeconfig)) {
      throw new IllegalArgumentException(
          "--" + role + "-kubeconfig: cannot read file '" + kubeconfig + "'");
    }
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "--" + role + "-max-concurrent-requests must be at least 1");
    }
  }

  /** Builds the fabric8 configuration; fails with a message naming the flag at fault. */
  public Config toClientConfig() {
    Config config;
    if (kubeconfig != null) {
      String text;
      try {
        text = Files.readString(kubeconfig);
      } catch (IOException e) {
        throw new UncheckedIOException("--" + role + "-kubeconfig: " + e.getMessage(), e);
      }
      try {
        config = Config.fromKubeconfig(context, text, kubeconfig.toString());
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "--"
                + role
                + "-kubeconfig '"
                + kubeconfig
                + "'"
                + (context == null ? "" : " with context '" + context + "'")
                + " is not usable: "
                + e.getMessage(),
            e);
      }
    } else {
      config = Config.autoConfigure(context);
    }
    return new ConfigBuilder(config)
        .withMaxConcurrentRequests(maxConcurrentRequests)
        .withMaxConcurrentRequestsPerHost(maxConcurrentRequests)
        .build();
  }

  /** Opens a client for this space. */
  public KubernetesClient connect() {
    return new KubernetesClientBuilder().withConfig(toClientConfig()).build();
  }

  /** A one-line description without secrets, for the startup log. */
  public String describe() {
    return (kubeconfig == null ? "in-cluster/$KUBECONFIG" : kubeconfig.toString())
        + (context == null ? "" : " context=" + context)
        + " maxConcurrentRequests="
        + maxConcurrentRequests;
  }
}
