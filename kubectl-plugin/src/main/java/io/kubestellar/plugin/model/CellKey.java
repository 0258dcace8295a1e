/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import io.kubestellar.controller.model.binding.ObjectRef;

/**
 * One cell of the matrix: an object and a cluster.
 *
 * @param cluster cluster name
 * @param object the object
 */
public record CellKey(String cluster, ObjectRef object) {}
