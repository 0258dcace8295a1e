/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.informer;

import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an informer trying when its list or watch fails. By default a fabric8 informer whose first
 * list fails (a connection closed under it, an API server restarting, a permission not yet granted)
 * stops for good, and the process is unhealthy until it is restarted; with this handler it lists
 * again after fabric8's backoff, and is not ready until it has. Only a response that cannot be read
 * as the informer's type still stops it: listing again would not change it.
 */
public final class InformerRetry {

  private static final Logger LOG = LoggerFactory.getLogger(InformerRetry.class);

  private InformerRetry() {}

  /** Sets the handler on an informer not yet started, and returns the informer. */
  public static <T> SharedIndexInformer<T> keepTrying(
      SharedIndexInformer<T> informer, String name) {
    return informer.exceptionHandler(handler(name));
  }

  static ExceptionHandler handler(String name) {
    return (started, error) -> {
      if (ExceptionHandler.isDeserializationException(error)) {
        return false;
      }
      LOG.atWarn()
          .setMessage("informer's list or watch failed; it will try again")
          .addKeyValue("informer", name)
          .addKeyValue("synced", started)
          .addKeyValue("error", error.getMessage())
          .log();
      return true;
    };
  }
}
