/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import java.util.Locale;

/**
 * Names a WorkStatus as upstream's agent does (D2): {@code
 * <appliedManifestWorkUid>-<lower(apiVersion without "/")>-<lower(kind)>-<namespace>-<name>}, cut
 * to 253 characters.
 */
public final class WorkStatusNaming {

  /** The longest name the API server accepts for a WorkStatus. */
  public static final int MAX_LENGTH = 253;

  private WorkStatusNaming() {}

  /**
   * The WorkStatus name for one delivered object.
   *
   * @param appliedManifestWorkUid UID of the AppliedManifestWork that anchors the object in the WEC
   * @param apiVersion the object's apiVersion, {@code group/version} or {@code v1}
   * @param kind the object's kind
   * @param namespace the object's namespace, {@code ""} when cluster-scoped
   * @param name the object's name
   */
  public static String name(
      String appliedManifestWorkUid,
      String apiVersion,
      String kind,
      String namespace,
      String name) {
    var full =
        appliedManifestWorkUid
            + "-"
            + apiVersion.replace("/", "").toLowerCase(Locale.ROOT)
            + "-"
            + kind.toLowerCase(Locale.ROOT)
            + "-"
            + (namespace == null ? "" : namespace)
            + "-"
            + name;
    if (full.length() <= MAX_LENGTH) {
      return full;
    }
    // Upstream cuts at 253. A cut that ends in '-' or '.' would be rejected by the API server
    // (names must end alphanumeric), so those trailing characters go too; every name upstream can
    // create is unchanged.
    var cut = full.substring(0, MAX_LENGTH);
    int end = cut.length();
    while (end > 0 && !Character.isLetterOrDigit(cut.charAt(end - 1))) {
      end--;
    }
    return cut.substring(0, end);
  }
}
