/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The kubectl-style options every command takes: where the spaces are and how to print. */
public final class SpaceOptions {

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description =
          "Kubeconfig file(s), separated by ':' as in $KUBECONFIG. Default: $KUBECONFIG, then"
              + " ~/.kube/config.")
  String kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "Context of the WDS; same as --wds-context (kubectl's name for it).")
  String context;

  @Option(
      names = "--wds-context",
      paramLabel = "NAME",
      defaultValue = "wds1",
      description = "Context of the WDS. Default: ${DEFAULT-VALUE} (the demo's).")
  String wdsContext;

  @Option(
      names = "--its-context",
      paramLabel = "NAME",
      defaultValue = "its1",
      description = "Context of the ITS. Default: ${DEFAULT-VALUE} (the demo's).")
  String itsContext;

  @Option(
      names = "--wec-context",
      paramLabel = "CLUSTER=CONTEXT",
      description =
          "Context of a WEC, when it is not named after its cluster (repeatable). Only diff and"
              + " the console's diff read WECs.")
  Map<String, String> wecContexts = new LinkedHashMap<>();

  @Option(
      names = "--wds-name",
      paramLabel = "NAME",
      defaultValue = "wds1",
      description =
          "The WDS name the transport controller runs with (--wds-name); ManifestWorks are"
              + " labelled with it. Default: ${DEFAULT-VALUE}.")
  String wdsName;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "Namespace of the object (explain, diff) or to show (where).")
  String namespace;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table, json or yaml. Default: ${DEFAULT-VALUE}.")
  OutputFormat output;

  /** The WDS context, {@code --context} winning over {@code --wds-context}. */
  String wds() {
    return context != null ? context : wdsContext;
  }

  /** The context of a WEC. */
  String wec(String cluster) {
    return wecContexts.getOrDefault(cluster, cluster);
  }
}
