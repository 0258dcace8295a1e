/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

/**
 * One object on one cluster.
 *
 * @param state how far it got
 * @param work the ManifestWork carrying it, or null
 * @param detail the reason behind a failed, drifted or unavailable state, or null
 */
public record Cell(CellState state, String work, String detail) {}
