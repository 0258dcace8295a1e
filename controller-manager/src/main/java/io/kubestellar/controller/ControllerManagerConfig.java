/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller;

import io.kubestellar.runtime.SpaceOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validated configuration of the controller-manager.
 *
 * @param wdsName name of the WDS; goes into labels and ManifestWork names, so a DNS label
 * @param wds how to reach the WDS
 * @param its how to reach the ITS
 * @param leaderElect whether to take a Lease before writing
 * @param leaderElectionNamespace WDS namespace of the Lease
 * @param leaderElectionId name of the Lease
 * @param apiGroups API groups whose objects may be bound; empty for every group ({@code ""} is
 *     core)
 * @param coalesceDelay how long a policy waits for more changes before it is resolved (D7)
 * @param concurrency how many policies are resolved at once
 * @param installCrds whether to install the KubeStellar CRDs into the WDS at startup
 */
public record ControllerManagerConfig(
    String wdsName,
    SpaceOptions wds,
    SpaceOptions its,
    boolean leaderElect,
    String leaderElectionNamespace,
    String leaderElectionId,
    Set<String> apiGroups,
    Duration coalesceDelay,
    int concurrency,
    boolean installCrds,
    Set<String> controllers) {

  /** The controllers a controller-manager can run. */
  public static final Set<String> KNOWN_CONTROLLERS = Set.of("binding", "status");

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  public ControllerManagerConfig {
    if (wdsName == null || !DNS_LABEL.matcher(wdsName).matches()) {
      throw new IllegalArgumentException(
          "--wds-name must be a DNS label (lowercase letters, digits, '-', at most 63); got '"
              + wdsName
              + "'");
    }
    if (leaderElectionId == null || leaderElectionId.isBlank()) {
      leaderElectionId = "controller-manager-" + wdsName;
    }
    if (leaderElectionNamespace == null || leaderElectionNamespace.isBlank()) {
      throw new IllegalArgumentException("--leader-election-namespace must not be empty");
    }
    apiGroups = apiGroups == null ? Set.of() : Set.copyOf(apiGroups);
    if (coalesceDelay == null || coalesceDelay.isNegative() || coalesceDelay.toSeconds() > 10) {
      throw new IllegalArgumentException(
          "--coalesce-delay must be between PT0S and PT10S; got " + coalesceDelay);
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency must be at least 1");
    }
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
    var settings = new LinkedHashMap<String, Object>();
    settings.put("wdsName", wdsName);
    settings.put("wds", wds.describe());
    settings.put("its", its.describe());
    settings.put("leaderElect", leaderElect);
    settings.put("leaderElection", leaderElectionNamespace + "/" + leaderElectionId);
    settings.put("apiGroups", apiGroups.isEmpty() ? "all" : apiGroups);
    settings.put("coalesceDelay", coalesceDelay);
    settings.put("concurrency", concurrency);
    settings.put("installCrds", installCrds);
    settings.put("controllers", new java.util.TreeSet<>(controllers));
    return settings;
  }
}
