/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/** Writes kubeconfig files for the spaces of the environment. */
final class Kubeconfigs {

  /** What a kubeconfig needs to know about one space. */
  record Entry(String name, String server, String caPem, String token) {}

  private static final String CLUSTER =
      """
      - name: %s
        cluster:
          server: %s
          certificate-authority-data: %s
      """;
  private static final String USER =
      """
      - name: %s-admin
        user:
          token: %s
      """;
  private static final String CONTEXT =
      """
      - name: %1$s
        context:
          cluster: %1$s
          user: %1$s-admin
      """;

  private Kubeconfigs() {}

  /** A kubeconfig with one context per entry, named after the space; current is the first. */
  static String render(List<Entry> entries) {
    var clusters = new StringBuilder();
    var users = new StringBuilder();
    var contexts = new StringBuilder();
    for (var e : entries) {
      clusters.append(CLUSTER.formatted(e.name(), e.server(), base64(e.caPem())));
      users.append(USER.formatted(e.name(), e.token()));
      contexts.append(CONTEXT.formatted(e.name()));
    }
    return "apiVersion: v1\nkind: Config\nclusters:\n"
        + clusters
        + "users:\n"
        + users
        + "contexts:\n"
        + contexts
        + "current-context: "
        + entries.get(0).name()
        + "\n";
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
