/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.e2e.chart;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.kubestellar.localenv.EnvironmentSpec;
import io.kubestellar.localenv.LocalEnvironment;
import io.kubestellar.localenv.ToolPaths;
import io.kubestellar.localenv.WecSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The local environment the chart tests install into, a directory for their files, and helm and
 * kubectl against its spaces.
 */
record ChartSpaces(LocalEnvironment env, Path work) {

  /**
   * The environment with one WEC, {@code cluster1}, run from {@code target/<name>/env}; the test's
   * own files go into {@code target/<name>} ({@link #work}).
   */
  static ChartSpaces start(String name) throws IOException {
    var work = Files.createDirectories(Path.of("target", name).toAbsolutePath());
    var env =
        LocalEnvironment.start(
            EnvironmentSpec.defaults(work.resolve("env"))
                .withWecs(List.of(WecSpec.withDefaultLabels("cluster1", Map.of()))),
            ToolPaths.fromEnvironment());
    return new ChartSpaces(env, work);
  }

  /** {@code helm <args> --kube-context <space>}, which must succeed. */
  ExternalCommand helm(String space, List<String> args) {
    var command = new ArrayList<String>();
    command.add(Charts.helm().toString());
    command.addAll(args);
    command.addAll(List.of("--kubeconfig", env.kubeconfig().toString(), "--kube-context", space));
    return ExternalCommand.run(Charts.HELM_TIMEOUT, command).requireSuccess();
  }

  /** {@code kubectl --context <space> <args>}, which must succeed. */
  ExternalCommand kubectl(String space, String... args) {
    var command = new ArrayList<String>();
    command.add(ToolPaths.fromEnvironment().kubectl().toString());
    command.addAll(List.of("--kubeconfig", env.kubeconfig().toString(), "--context", space));
    command.addAll(List.of(args));
    return ExternalCommand.run(Charts.HELM_TIMEOUT, command).requireSuccess();
  }

  void ensureNamespace(String space, String name) {
    env.client(space)
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
        .serverSideApply();
  }

  /** A Secret with key {@code kubeconfig} holding the given file, in a namespace made if needed. */
  void kubeconfigSecret(String space, String namespace, String name, Path kubeconfig)
      throws IOException {
    ensureNamespace(space, namespace);
    env.client(space)
        .secrets()
        .inNamespace(namespace)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .addToStringData("kubeconfig", Files.readString(kubeconfig))
                .build())
        .serverSideApply();
  }
}
