#!/usr/bin/env bash
# Copies the generated CRDs of config/crd/ into the charts that install them:
#   kubestellar-core/crds/  the WDS kinds (BindingPolicy, Binding, StatusCollector, CombinedStatus,
#                           CustomTransform)
#   kubestellar-its/crds/   WorkStatus (the ITS kind)
# Run it after hack/update-crds.sh; ChartDriftIT (test/e2e) fails while a chart's copy differs.
#
#   hack/update-chart-crds.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CRD="$ROOT/config/crd"

copy() { # chart, then file names under config/crd
  local chart="$1"; shift
  local out="$ROOT/charts/$chart/crds"
  mkdir -p "$out"
  rm -f "$out"/*.yaml
  for f in "$@"; do
    cp "$CRD/$f" "$out/$f"
    echo "wrote charts/$chart/crds/$f"
  done
}

wds=()
for f in "$CRD"/control.kubestellar.io_*.yaml; do
  name="$(basename "$f")"
  [[ "$name" == control.kubestellar.io_workstatuses.yaml ]] || wds+=("$name")
done
copy kubestellar-core "${wds[@]}"
copy kubestellar-its control.kubestellar.io_workstatuses.yaml
