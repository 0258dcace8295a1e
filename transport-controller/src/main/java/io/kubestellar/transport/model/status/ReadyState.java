/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.transport.model.status;

/**
 * The transport's {@code Ready} condition of a Binding, without timestamps.
 *
 * @param status {@code True} or {@code False}
 * @param reason CamelCase reason
 * @param message text for people
 */
public record ReadyState(String status, String reason, String message) {}
