/*
 * Copyright 2026 The KubeStellar for Java Authors.
 * SPDX-License-Identifier: Apache-2.0
 */
package io.kubestellar.controller.model.binding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the conditions and errors of a Binding and its BindingPolicy (D8): {@code Synced} from the
 * resolution, {@code StatusCollectorsAvailable} from the referenced collectors (missing or invalid
 * ones make it False, D15), and {@code Ready} owned by the transport: kept as the transport wrote
 * it on the Binding (Unknown until then) and copied to the policy.
 */
public final class StatusPlanner {

  public static final String SYNCED = "Synced";
  public static final String READY = "Ready";
  public static final String STATUS_COLLECTORS_AVAILABLE = "StatusCollectorsAvailable";

  /** Reason of Ready=Unknown until the transport controller reports on the Binding. */
  public static final String WAITING_FOR_TRANSPORT = "WaitingForTransport";

  /** Reason of Ready=True on a policy that selects nothing, so has nothing to deliver. */
  public static final String NOTHING_TO_DELIVER = "NothingToDeliver";

  private StatusPlanner() {}

  /**
   * The planned status.
   *
   * @param bindingConditions the Binding's conditions to write, or null when there is no Binding
   * @param policyConditions the policy's conditions to write
   * @param policyErrors the policy's {@code status.errors}
   */
  public record Plan(
      List<ConditionState> bindingConditions,
      List<ConditionState> policyConditions,
      List<String> policyErrors) {}

  /**
   * Plans the status.
   *
   * @param policyGeneration the policy's metadata.generation (the conditions' observedGeneration)
   * @param outcome whether the Binding equals the resolution
   * @param unusableCollectors referenced StatusCollectors that do not exist or are invalid
   * @param bindingConditions the Binding's current conditions, or null when there is no Binding
   * @param policyConditions the policy's current conditions
   * @param ownErrors problems found by the binding controller (selectors, singleton)
   * @param bindingErrors the Binding's {@code status.errors} (from the transport)
   */
  public static Plan plan(
      long policyGeneration,
      SyncOutcome outcome,
      StatusCollectorCheck.Unusable unusableCollectors,
      List<ConditionState> bindingConditions,
      List<ConditionState> policyConditions,
      List<String> ownErrors,
      List<String> bindingErrors,
      Instant now) {
    var synced =
        new ConditionState(
            SYNCED,
            outcome.synced() ? ConditionState.TRUE : ConditionState.FALSE,
            outcome.reason(),
            outcome.message(),
            null,
            policyGeneration);
    var collectors =
        unusableCollectors.isEmpty()
            ? new ConditionState(
                STATUS_COLLECTORS_AVAILABLE,
                ConditionState.TRUE,
                "ReconcileSuccess",
                "All StatusCollector(s) are available",
                null,
                policyGeneration)
            : new ConditionState(
                STATUS_COLLECTORS_AVAILABLE,
                ConditionState.FALSE,
                "ReconcileError",
                unusableCollectors.message(),
                null,
                policyGeneration);

    List<ConditionState> binding = null;
    ConditionState ready;
    if (bindingConditions == null) {
      ready =
          new ConditionState(
              READY,
              ConditionState.TRUE,
              NOTHING_TO_DELIVER,
              "The policy selects no objects and no clusters, so there is no Binding",
              null,
              policyGeneration);
    } else {
      binding = Conditions.set(bindingConditions, synced, now);
      binding = Conditions.set(binding, collectors, now);
      var transportReady = Conditions.find(binding, READY);
      if (transportReady == null) {
        transportReady =
            new ConditionState(
                READY,
                ConditionState.UNKNOWN,
                WAITING_FOR_TRANSPORT,
                "Waiting for the transport controller to deliver the Binding",
                null,
                policyGeneration);
        binding = Conditions.set(binding, transportReady, now);
      }
      ready =
          new ConditionState(
              READY,
              transportReady.status(),
              transportReady.reason(),
              transportReady.message(),
              null,
              policyGeneration);
    }
    var policy = Conditions.set(policyConditions, synced, now);
    policy = Conditions.set(policy, ready, now);
    policy = Conditions.set(policy, collectors, now);

    var errors = new ArrayList<String>(ownErrors);
    errors.addAll(bindingErrors);
    return new Plan(binding, policy, errors);
  }
}
