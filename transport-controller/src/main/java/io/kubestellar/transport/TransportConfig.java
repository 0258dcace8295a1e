/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport;

import io.kubestellar.runtime.ConfigChecks;
import io.kubestellar.runtime.ConfigSettings;
import io.kubestellar.runtime.WdsControllerSettings;
import io.kubestellar.transport.model.work.UpdateStrategy;
import java.time.Duration;
import java.util.Map;

/**
 * Validated configuration of the transport controller.
 *
 * @param common the WDS, the ITS and the Lease in the WDS
 * @param maxNumWrapped most workload objects in one ManifestWork
 * @param maxSizeWrapped most summed JSON bytes of the objects in one ManifestWork
 * @param coalesceDelay how long a Binding waits after an event so that a burst becomes one sync
 * @param concurrency how many Bindings sync at once
 * @param itsQps sustained ManifestWork writes per second
 * @param itsBurst ManifestWork writes allowed at once
 * @param wdsQps sustained WDS writes (status, finalizers, events) per second
 * @param wdsBurst WDS writes allowed at once
 * @param updateStrategy how the work agent updates delivered objects in the WECs (D16)
 */
public record TransportConfig(
    WdsControllerSettings common,
    int maxNumWrapped,
    long maxSizeWrapped,
    Duration coalesceDelay,
    int concurrency,
    double itsQps,
    int itsBurst,
    double wdsQps,
    int wdsBurst,
    UpdateStrategy updateStrategy) {

  public TransportConfig {
    ConfigChecks.atLeast("--max-num-wrapped", maxNumWrapped, 1);
    ConfigChecks.atLeast("--max-size-wrapped", maxSizeWrapped, 1);
    if (coalesceDelay == null || coalesceDelay.isNegative()) {
      throw new IllegalArgumentException("--coalesce-delay must be zero or positive");
    }
    ConfigChecks.atLeast("--concurrency", concurrency, 1);
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
    return ConfigSettings.of(this);
  }
}
