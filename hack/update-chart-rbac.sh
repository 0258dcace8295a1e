#!/usr/bin/env bash
# Copies the RBAC sources of config/rbac/<component>/ into files/rbac/<component>/ of every chart
# that runs or grants rights to that component; the charts render their Roles from these copies.
# Also copies the shared template helpers (_rbac.tpl, _workload.tpl) of kubestellar-core.
# Edit config/rbac/, then run this; ChartDriftIT (test/e2e) fails while a chart's copy differs.
#
#   hack/update-chart-rbac.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

copy() { # chart, then components
  local chart="$1"; shift
  rm -rf "$ROOT/charts/$chart/files/rbac"
  for component in "$@"; do
    mkdir -p "$ROOT/charts/$chart/files/rbac/$component"
    cp "$ROOT/config/rbac/$component/"*.yaml "$ROOT/charts/$chart/files/rbac/$component/"
    echo "copied config/rbac/$component to charts/$chart/files/rbac/$component"
  done
}

copy kubestellar-core controller-manager transport-controller
copy kubestellar-its controller-manager transport-controller status-addon
copy kubestellar-status-addon status-addon

# The helper that renders them is the same file in every chart.
for chart in kubestellar-its kubestellar-status-addon; do
  cp "$ROOT/charts/kubestellar-core/templates/_rbac.tpl" "$ROOT/charts/$chart/templates/_rbac.tpl"
done
# So is the helper of the workload's other parts (probes, PodDisruptionBudget, NetworkPolicy) in the
# charts that run a component.
cp "$ROOT/charts/kubestellar-core/templates/_workload.tpl" \
  "$ROOT/charts/kubestellar-status-addon/templates/_workload.tpl"
