/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.plugin.model;

import io.kubestellar.controller.model.binding.ObjectRef;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * One object's row: the policies binding it and a cell per destination cluster.
 *
 * @param object the object
 * @param version the API version the Binding reads it at
 * @param policies the policies whose Bindings list it
 * @param cells per destination cluster; clusters it is not bound to have no cell
 */
public record MatrixRow(
    ObjectRef object, String version, SortedSet<String> policies, SortedMap<String, Cell> cells) {}
