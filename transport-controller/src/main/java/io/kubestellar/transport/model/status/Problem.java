/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.status;

import java.util.Objects;

/**
 * Something that kept a Binding from being fully delivered, as reported to the user (D15).
 *
 * @param kind what it concerns; decides the condition reason and the error prefix
 * @param detail what happened, naming the object and cluster where known
 */
public record Problem(Kind kind, String detail) {

  /** What a problem concerns, in decreasing order of importance for the condition reason. */
  public enum Kind {
    /** A template could not be expanded; D5 keeps what was delivered before. */
    TEMPLATE_EXPANSION_FAILED("TemplateExpansionFailed", "template expansion: "),
    /** An object is larger than one ManifestWork may hold. */
    OBJECT_TOO_LARGE("ObjectTooLarge", "object too large: "),
    /** A referenced workload object could not be read from the WDS. */
    WORKLOAD_UNAVAILABLE("WorkloadUnavailable", "workload object: "),
    /** The ITS refused a ManifestWork write or delete. */
    WRITE_FAILED("WriteFailed", "ManifestWork write: ");

    private final String reason;
    private final String prefix;

    Kind(String reason, String prefix) {
      this.reason = reason;
      this.prefix = prefix;
    }

    /** The Ready condition reason this problem gives. */
    public String reason() {
      return reason;
    }

    /** The prefix of the Binding {@code status.errors} entry, saying what it concerns. */
    public String prefix() {
      return prefix;
    }
  }

  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(detail, "detail");
  }

  /** The entry in the Binding's {@code status.errors}. */
  public String errorText() {
    return kind.prefix() + detail;
  }
}
