/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller;

import io.kubestellar.runtime.ConfigChecks;
import io.kubestellar.runtime.ConfigSettings;
import io.kubestellar.runtime.WdsControllerSettings;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Validated configuration of the controller-manager.
 *
 * @param common the WDS, the ITS and the Lease in the WDS
 * @param apiGroups API groups whose objects may be bound; empty for every group ({@code ""} is
 *     core)
 * @param coalesceDelay how long a policy waits for more changes before it is resolved (D7)
 * @param concurrency how many policies are resolved at once
 * @param installCrds whether to install the KubeStellar CRDs into the WDS at startup
 */
public record ControllerManagerConfig(
    WdsControllerSettings common,
    Set<String> apiGroups,
    Duration coalesceDelay,
    int concurrency,
    boolean installCrds,
    Set<String> controllers) {

  /** The controllers a controller-manager can run. */
  public static final Set<String> KNOWN_CONTROLLERS = Set.of("binding", "status");

  public ControllerManagerConfig {
    apiGroups = apiGroups == null ? Set.of() : Set.copyOf(apiGroups);
    if (coalesceDelay == null || coalesceDelay.isNegative() || coalesceDelay.toSeconds() > 10) {
      throw new IllegalArgumentException(
          "--coalesce-delay must be between PT0S and PT10S; got " + coalesceDelay);
    }
    ConfigChecks.atLeast("--concurrency", concurrency, 1);
    controllers = controllers == null ? KNOWN_CONTROLLERS : Set.copyOf(controllers);
    for (var name : controllers) {
      if (!KNOWN_CONTROLLERS.contains(name)) {
        throw new IllegalArgumentException(
            "--controllers: unknown controller '" + name + "'; known: binding, status");
      }
    }
    if (!controllers.contains("binding")) {
      // The binding controller holds the Lease the status controller writes under.
      throw new IllegalArgumentException("--controllers must include binding");
    }
  }

  /**
   * Parses {@code --api-groups}: comma-separated groups; an empty element names the core group (as
   * upstream, e.g. {@code apps,,batch}); an empty value means every group.
   */
  public static Set<String> parseApiGroups(String value) {
    if (value == null || value.isEmpty()) {
      return Set.of();
    }
    return Set.of(value.split(",", -1)).stream()
        .map(String::trim)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** The settings logged at startup (no secrets). */
  public Map<String, Object> describe() {
    var settings = ConfigSettings.of(this);
    settings.put("apiGroups", apiGroups.isEmpty() ? "all" : settings.get("apiGroups"));
    return settings;
  }
}
