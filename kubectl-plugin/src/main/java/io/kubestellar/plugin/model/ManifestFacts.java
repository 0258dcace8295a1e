/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

/**
 * What a ManifestWork says about one of its objects.
 *
 * @param work the ManifestWork's name
 * @param applied the manifest's {@code Applied} condition (null while the agent has not reported)
 * @param available the manifest's {@code Available} condition: the object exists in the WEC
 * @param message the message of a false condition, or null
 */
public record ManifestFacts(String work, Boolean applied, Boolean available, String message) {}
