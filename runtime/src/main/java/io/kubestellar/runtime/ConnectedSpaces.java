/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import java.util.List;

/**
 * A component that connects to its spaces at start and is ready once every space answered; the base
 * every binary's controllers start from.
 */
public class ConnectedSpaces implements Component {

  private final List<SpaceOptions> options;
  private volatile SpaceConnectivity spaces;

  public ConnectedSpaces(List<SpaceOptions> options) {
    this.options = List.copyOf(options);
  }

  @Override
  public void start() throws Exception {
    spaces = SpaceConnectivity.connect(options);
  }

  /** The connected spaces; null before {@link #start}. */
  protected SpaceConnectivity spaces() {
    return spaces;
  }

  @Override
  public boolean isReady() {
    return spaces != null;
  }

  @Override
  public void stop() {
    var open = spaces;
    if (open != null) {
      open.close();
    }
  }
}
