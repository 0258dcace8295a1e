/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.template;

/**
 * A template that cannot be parsed, either because it is not valid Go template syntax or because it
 * uses a construct outside the supported subset. The message has Go's shape, {@code template:
 * <name>:<line>: <what>}.
 */
public final class TemplateException extends Exception {

  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message);
  }
}
