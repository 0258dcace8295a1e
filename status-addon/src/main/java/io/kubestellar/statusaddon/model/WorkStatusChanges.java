/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.statusaddon.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What differs between the desired and the observed WorkStatus, and the writes that fix it. A
 * WorkStatus that already matches needs no write at all (level-triggered, no-op reconciles write
 * nothing).
 */
public record WorkStatusChanges(
    boolean create,
    boolean labels,
    boolean owner,
    boolean source,
    boolean statusDetails,
    boolean status,
    boolean drift) {

  /** Nothing to write. */
  public static final WorkStatusChanges NONE =
      new WorkStatusChanges(false, false, false, false, false, false, false);

  /** Changes without a drift change. */
  public WorkStatusChanges(
      boolean create,
      boolean labels,
      boolean owner,
      boolean source,
      boolean statusDetails,
      boolean status) {
    this(create, labels, owner, source, statusDetails, status, false);
  }

  /** Compares; {@code observed} is null when the WorkStatus does not exist. */
  public static WorkStatusChanges between(DesiredWorkStatus desired, ObservedWorkStatus observed) {
    if (observed == null) {
      return new WorkStatusChanges(
          true, false, false, false, false, desired.status() != null, false);
    }
    return new WorkStatusChanges(
        false,
        !desired.labels().equals(observed.labels()),
        !observed.ownerReferences().equals(List.of(desired.owner())),
        !desired.source().equals(observed.source()),
        !desired.statusDetails().equals(observed.statusDetails()),
        !JsonValues.equal(desired.status(), observed.status()),
        !Objects.equals(desired.drift(), observed.drift()));
  }

  /** Whether anything must be written. */
  public boolean any() {
    return create || labels || owner || source || statusDetails || status || drift;
  }

  /** Whether metadata, spec or statusDetails of an existing WorkStatus must be written. */
  public boolean mainResource() {
    return !create && (labels || owner || source || statusDetails || drift);
  }

  /**
   * JSON Patch operations (RFC 6902) that make an existing WorkStatus's metadata, spec and
   * statusDetails equal the desired ones, and add, replace or remove {@code drift}; each replaces a
   * whole member, so nothing stale survives.
   */
  public List<Map<String, Object>> mainPatch(DesiredWorkStatus desired) {
    var ops = new ArrayList<Map<String, Object>>();
    if (labels) {
      ops.add(add("/metadata/labels", desired.labels()));
    }
    if (owner) {
      ops.add(add("/metadata/ownerReferences", List.of(desired.ownerReferenceJson())));
    }
    if (source) {
      ops.add(add("/spec", desired.specJson()));
    }
    if (statusDetails) {
      ops.add(add("/statusDetails", desired.statusDetails().toJson()));
    }
    if (drift) {
      ops.add(
          desired.drift() == null
              ? Map.of("op", "remove", "path", "/drift")
              : add("/drift", desired.driftJson()));
    }
    return ops;
  }

  /**
   * The JSON Patch for the status subresource: replaces {@code .status} as a whole with the
   * object's, or removes it when the object has none.
   */
  public static List<Map<String, Object>> statusPatch(DesiredWorkStatus desired) {
    if (desired.status() == null) {
      return List.of(Map.of("op", "remove", "path", "/status"));
    }
    return List.of(add("/status", desired.status()));
  }

  private static Map<String, Object> add(String path, Object value) {
    return Map.of("op", "add", "path", path, "value", Objects.requireNonNull(value));
  }
}
