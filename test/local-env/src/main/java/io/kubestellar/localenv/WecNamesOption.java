/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --wec}, the WECs a command starts the environment with. */
final class WecNamesOption {

  @Option(
      names = "--wec",
      split = ",",
      defaultValue = "cluster1,cluster2",
      description = "WEC names. Default: ${DEFAULT-VALUE}")
  private List<String> names;

  List<String> names() {
    return names;
  }
}
