/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import io.kubestellar.runtime.SpaceOptions;
import io.kubestellar.transport.model.work.UpdateStrategy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validated configuration of the transport controller.
 *
 * @param wdsName name of the WDS; goes into ManifestWork names and labels
 * @param maxNumWrapped most workload objects in one ManifestWork
 * @param maxSizeWrapped most summed JSON bytes of the objects in one ManifestWork
 * @param leaderElect whether to hold a Lease in the WDS before writing
 * @param leaderElectionNamespace WDS namespace of the Lease
 * @param leaderElectionId name of the Lease
 * @param coalesceDelay how long a Binding waits after an event so that a burst becomes one sync
 * @param concurrency how many Bindings sync at once
 * @param itsQps sustained ManifestWork writes per second
 * @param itsBurst ManifestWork writes allowed at once
 * @param wdsQps sustained WDS writes (status, finalizers, events) per second
 * @param wdsBurst WDS writes allowed at once
 * @param updateStrategy how the work agent updates delivered objects in the WECs (D16)
 */
public record TransportConfig(
    String wdsName,
    SpaceOptions wds,
    SpaceOptions its,
    int maxNumWrapped,
    long maxSizeWrapped,
    boolean leaderElect,
    String leaderElectionNamespace,
    String leaderElectionId,
    Duration coalesceDelay,
    int concurrency,
    double itsQps,
    int itsBurst,
    double wdsQps,
    int wdsBurst,
    UpdateStrategy updateStrategy) {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  public TransportConfig {
    if (wdsName == null || !DNS_LABEL.matcher(wdsName).matches()) {
      throw new IllegalArgumentException(
          "--wds-name must be a DNS label (lowercase letters, digits, '-', at most 63); got '"
              + wdsName
              + "'");
    }
    if (maxNumWrapped < 1) {
      throw new IllegalArgumentException("--max-num-wrapped must be at least 1");
    }
    if (maxSizeWrapped < 1) {
      throw new IllegalArgumentException("--max-size-wrapped must be at least 1");
    }
    if (leaderElectionId == null || leaderElectionId.isBlank()) {
      leaderElectionId = "transport-controller-" + wdsName;
    }
    if (leaderElectionNamespace == null || leaderElectionNamespace.isBlank()) {
      throw new IllegalArgumentException("--leader-election-namespace must not be empty");
    }
    if (coalesceDelay == null || coalesceDelay.isNegative()) {
      throw new IllegalArgumentException("--coalesce-delay must be zero or positive");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("--concurrency must be at least 1");
    }
    if (itsQps <= 0 || wdsQps <= 0) {
      throw new IllegalArgumentException("--its-qps and --wds-qps must be positive");
    }
    if (itsBurst < 1 || wdsBurst < 1) {
      throw new IllegalArgumentException("--its-burst and --wds-burst must be at least 1");
    }
    if (updateStrategy == null) {
      throw new IllegalArgumentException("--wec-update-strategy must be set");
    }
  }

  /**
   * The update strategy named by {@code --wec-update-strategy}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static UpdateStrategy parseUpdateStrategy(String text) {
    return switch (text == null ? "" : text) {
      case "ServerSideApply" -> UpdateStrategy.SERVER_SIDE_APPLY;
      case "Update" -> UpdateStrategy.UPDATE;
      default ->
          throw new IllegalArgumentException(
              "--wec-update-strategy must be ServerSideApply or Update; got '" + text + "'");
    };
  }

  /** The settings logged at startup (no secrets). */
  public Map<String, Object> describe() {
    var settings = new LinkedHashMap<String, Object>();
    settings.put("wdsName", wdsName);
    settings.put("wds", wds.describe());
    settings.put("its", its.describe());
    settings.put("maxNumWrapped", maxNumWrapped);
    settings.put("maxSizeWrapped", maxSizeWrapped);
    settings.put("leaderElect", leaderElect);
    settings.put("leaderElectionLease", leaderElectionNamespace + "/" + leaderElectionId);
    settings.put("coalesceDelay", coalesceDelay);
    settings.put("concurrency", concurrency);
    settings.put("itsQps", itsQps);
    settings.put("itsBurst", itsBurst);
    settings.put("wdsQps", wdsQps);
    settings.put("wdsBurst", wdsBurst);
    settings.put("wecUpdateStrategy", updateStrategy);
    return settings;
  }
}
