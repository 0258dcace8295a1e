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

  private Kubeconfigs() {}

  /** A kubeconfig with one context per entry, named after the space; current is the first. */
  static String render(List<Entry> entries) {
    var out = new StringBuilder("apiVersion: v1\nkind: Config\nclusters:\n");
    for (var e : entries) {
      out.append("- name: ")
          .append(e.name())
          .append("\n  cluster:\n    server: ")
          .append(e.server())
          .append("\n    certificate-authority-data: ")
          .append(base64(e.caPem()))
          .append('\n');
    }
    out.append("users:\n");
    for (var e : entries) {
      out.append("- name: ")
          .append(e.name())
          .append("-admin\n  user:\n    token: ")
          .append(e.token())
          .append('\n');
    }
    out.append("contexts:\n");
    for (var e : entries) {
      out.append("- name: ")
          .append(e.name())
          .append("\n  context:\n    cluster: ")
          .append(e.name())
          .append("\n    user: ")
          .append(e.name())
          .append("-admin\n");
    }
    out.append("current-context: ").append(entries.get(0).name()).append('\n');
    return out.toString();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
