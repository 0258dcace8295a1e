/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Polling helpers that wait for real readiness, with a deadline and a message on failure. */
final class Readiness {

  private Readiness() {}

  /** Polls {@code check} every 250 ms until true; on timeout throws naming what was awaited. */
  static void await(String what, Duration timeout, BooleanSupplier check, ManagedProcess process) {
    var deadline = Instant.now().plus(timeout);
    RuntimeException last = null;
    while (Instant.now().isBefore(deadline)) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(
            process.name() + " exited while waiting for " + what + "; see " + process.logFile());
      }
      try {
        if (check.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        last = e;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
    throw new IllegalStateException(
        "timed out after "
            + timeout.toSeconds()
            + "s waiting for "
            + what
            + (last == null ? "" : " (last error: " + last.getMessage() + ")")
            + (process == null ? "" : "; see " + process.logFile()),
        last);
  }

  /** True when {@code url} answers 200; TLS verified against {@code caPem} when given. */
  static boolean answersOk(HttpClient client, String url, String bearerToken) {
    var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET();
    if (bearerToken != null) {
      request.header("Authorization", "Bearer " + bearerToken);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** An HTTP client trusting only the given CA certificate. */
  static HttpClient trusting(String caPem) {
    try {
      var store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      var cert =
          CertificateFactory.getInstance("X.509")
              .generateCertificate(
                  new java.io.ByteArrayInputStream(
                      caPem.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
      store.setCertificateEntry("ca", cert);
      var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      var context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return HttpClient.newBuilder()
          .sslContext(context)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
    } catch (Exception e) {
      throw new IllegalStateException("cannot build a TLS context: " + e.getMessage(), e);
    }
  }

  /** A plain HTTP client. */
  static HttpClient plain() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }
}
