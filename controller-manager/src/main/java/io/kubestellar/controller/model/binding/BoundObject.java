/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

/**
 * What a Binding records for one object besides its identity.
 *
 * @param version the API version the object is read at
 * @param resourceVersion the object's resourceVersion when resolved (a change trigger)
 * @param modulation how the object is to be handled
 */
public record BoundObject(String version, String resourceVersion, Modulation modulation) {}
