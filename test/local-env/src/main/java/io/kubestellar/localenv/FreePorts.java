/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.localenv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/** Hands out distinct free loopback ports. */
final class FreePorts {

  private final Set<Integer> handedOut = new HashSet<>();

  /** A port nothing listens on now and that this instance has not handed out before. */
  synchronized int next() {
    for (int attempt = 0; attempt < 100; attempt++) {
      try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        int port = socket.getLocalPort();
        if (handedOut.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot find a free port: " + e.getMessage(), e);
      }
    }
    throw new IllegalStateException("cannot find a free port after 100 attempts");
  }
}
