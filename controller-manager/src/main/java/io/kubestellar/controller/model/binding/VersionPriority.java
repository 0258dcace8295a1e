/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Kubernetes' ordering of API version names (GA before beta before alpha, higher numbers first,
 * anything else last alphabetically), which is how the API server chooses a CRD group's preferred
 * version. The binding controller watches one version per resource, the preferred served one, so a
 * custom object is never listed twice in a Binding (spec open question 4).
 */
public final class VersionPriority {

  private static final Pattern KUBE = Pattern.compile("v(\\d+)(?:(alpha|beta)(\\d+))?");

  /** Highest priority first. */
  public static final Comparator<String> ORDER = VersionPriority::compare;

  private VersionPriority() {}

  /** The preferred of the given served versions. */
  public static Optional<String> preferred(Collection<String> served) {
    return served.stream().min(ORDER);
  }

  private static int compare(String a, String b) {
    var ma = KUBE.matcher(a);
    var mb = KUBE.matcher(b);
    boolean ka = ma.matches();
    boolean kb = mb.matches();
    if (ka != kb) {
      return ka ? -1 : 1;
    }
    if (!ka) {
      return a.compareTo(b);
    }
    int stabilityA = stability(ma.group(2));
    int stabilityB = stability(mb.group(2));
    if (stabilityA != stabilityB) {
      return Integer.compare(stabilityB, stabilityA);
    }
    int major = Long.compare(Long.parseLong(mb.group(1)), Long.parseLong(ma.group(1)));
    if (major != 0) {
      return major;
    }
    if (ma.group(3) == null) {
      return 0;
    }
    return Long.compare(Long.parseLong(mb.group(3)), Long.parseLong(ma.group(3)));
  }

  private static int stability(String s) {
    if (s == null) {
      return 2;
    }
    return s.equals("beta") ? 1 : 0;
  }
}
