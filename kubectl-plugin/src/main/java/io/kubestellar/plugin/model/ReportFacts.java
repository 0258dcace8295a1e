/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

/**
 * What the status add-on reports about one delivered object (its WorkStatus).
 *
 * @param workStatus the WorkStatus's name
 * @param available the object's own {@code Available} (or {@code Ready}) condition, or null
 * @param conditions the object's conditions in the WEC, as {@code Type=Status} words
 * @param drift the drift report's message, or null when the copy matches
 */
public record ReportFacts(String workStatus, Boolean available, String conditions, String drift) {}
