/**
 * The {@code control.kubestellar.io/v1alpha1} kinds. These classes are the single source of truth
 * for the CRDs in {@code config/crd}: the fabric8 CRD generator derives the schemas from them at
 * build time ({@link io.kubestellar.api.control.v1alpha1.CrdGeneration}), taking the printer
 * columns from {@code api/src/main/crd/printer-columns.yaml}. Field names, types, required-ness,
 * scope and short names follow upstream KubeStellar (D1).
 */
package io.kubestellar.api.control.v1alpha1;
