/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.runtime;

import java.util.regex.Pattern;

/** The checks the binaries' configuration records make of their flags, each naming the flag. */
public final class ConfigChecks {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private ConfigChecks() {}

  /**
   * Returns {@code value} if it is a DNS label (it goes into names and labels).
   *
   * @param meaning what the value must be, for the message (e.g. the WEC's ManagedCluster name)
   */
  public static String dnsLabel(String flag, String value, String meaning) {
    if (value == null || !DNS_LABEL.matcher(value).matches()) {
      throw new IllegalArgumentException(
          flag + " must be a DNS label (" + meaning + "); got '" + value + "'");
    }
    return value;
  }

  /** Returns {@code value} if it is at least {@code least}. */
  public static long atLeast(String flag, long value, long least) {
    if (value < least) {
      throw new IllegalArgumentException(flag + " must be at least " + least);
    }
    return value;
  }
}
