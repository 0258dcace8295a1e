/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The shape of a local environment.
 *
 * @param wdsName context name of the WDS (also the hosting cluster)
 * @param itsName context name of the ITS
 * @param wecs the WECs, each with an OCM work agent
 * @param runDir where kubeconfigs, certificates, data and logs go
 * @param detached whether processes outlive the JVM (the {@code up} command) or stop with it
 */
public record EnvironmentSpec(
    String wdsName, String itsName, List<WecSpec> wecs, Path runDir, boolean detached) {

  public EnvironmentSpec {
    wecs = List.copyOf(wecs);
    var names = new java.util.HashSet<String>();
    names.add(wdsName);
    names.add(itsName);
    for (var wec : wecs) {
      if (!names.add(wec.name())) {
        throw new IllegalArgumentException("space name used twice: " + wec.name());
      }
    }
  }

  /** {@code wds1}, {@code its1}, and WECs {@code cluster1} and {@code cluster2}. */
  public static EnvironmentSpec defaults(Path runDir) {
    return new EnvironmentSpec(
        "wds1",
        "its1",
        List.of(
            WecSpec.withDefaultLabels("cluster1", Map.of()),
            WecSpec.withDefaultLabels("cluster2", Map.of())),
        runDir,
        false);
  }

  /** {@link #defaults} with its run directory {@code target/<dir>} of the working directory. */
  public static EnvironmentSpec underTarget(String dir) {
    return defaults(Path.of("target", dir).toAbsolutePath());
  }

  /** The same environment without WECs: a WDS and an ITS only. */
  public EnvironmentSpec withoutWecs() {
    return withWecs(List.of());
  }

  /** The same environment with WECs of these names and the default labels. */
  public EnvironmentSpec withWecNames(List<String> names) {
    return withWecs(names.stream().map(n -> WecSpec.withDefaultLabels(n, Map.of())).toList());
  }

  /** The same environment with other WECs. */
  public EnvironmentSpec withWecs(List<WecSpec> otherWecs) {
    return new EnvironmentSpec(wdsName, itsName, otherWecs, runDir, detached);
  }

  /** The same environment, detached or not. */
  public EnvironmentSpec withDetached(boolean value) {
    return new EnvironmentSpec(wdsName, itsName, wecs, runDir, value);
  }
}
