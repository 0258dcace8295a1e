/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime.informer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class InformerRetryTest {

  private final io.fabric8.kubernetes.client.informers.ExceptionHandler handler =
      InformerRetry.handler("wds:test");

  @Test
  void aFirstListThatFailsOnTheConnectionIsTriedAgain() {
    var closed = new CompletionException(new IOException("Connection was closed"));
    assertThat(handler.retryAfterException(false, closed)).isTrue();
    assertThat(handler.retryAfterException(true, closed)).isTrue();
  }

  @Test
  void aRefusedListIsTriedAgainSoThatAGrantLaterIsPickedUp() {
    var forbidden = new KubernetesClientException("forbidden", 403, null);
    assertThat(handler.retryAfterException(false, forbidden)).isTrue();
  }

  @Test
  void anAnswerThatCannotBeReadStopsTheInformer() {
    var unreadable =
        new KubernetesClientException(
            "cannot read", new JsonParseException(null, "unexpected character"));
    assertThat(handler.retryAfterException(false, unreadable)).isFalse();
  }
}
