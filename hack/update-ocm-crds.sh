#!/usr/bin/env bash
# Refreshes api/src/main/ocm-crds/ from the OCM API CRDs that hack/build-tools.sh extracted into the
# cache. Every `description` text is removed first, so the repository holds the schema facts the
# java-generator needs (names, types, required fields) and none of OCM's prose.
#
#   hack/update-ocm-crds.sh            rewrite api/src/main/ocm-crds/*.yaml
#
# Environment: KS_CACHE (default ~/.cache/kubestellar-java), OCM_API_VERSION (default 1.0.0).
# Needs python3 with PyYAML (Debian/Ubuntu: apt-get install python3-yaml; else pip install pyyaml).
set -euo pipefail

OCM_API_VERSION="${OCM_API_VERSION:-1.0.0}"
CACHE="${KS_CACHE:-$HOME/.cache/kubestellar-java}"
SRC="$CACHE/ocm-crds/$OCM_API_VERSION"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/api/src/main/ocm-crds"

die() { printf 'update-ocm-crds: error: %s\n' "$*" >&2; exit 1; }

[[ -d "$SRC" ]] || die "$SRC does not exist; run hack/build-tools.sh first."
command -v python3 >/dev/null 2>&1 || die "python3 is not installed."
python3 -c 'import yaml' 2>/dev/null \
  || die "python3 cannot import yaml; install PyYAML (apt-get install python3-yaml, or pip install pyyaml)."

# The kinds the Java model covers; each file holds one CRD.
KINDS=(
  addon.open-cluster-management.io_clustermanagementaddons
  addon.open-cluster-management.io_managedclusteraddons
  clusters.open-cluster-management.io_managedclusters
  work.open-cluster-management.io_appliedmanifestworks
  work.open-cluster-management.io_manifestworks
)

mkdir -p "$OUT"
rm -f "$OUT"/*.yaml
for kind in "${KINDS[@]}"; do
  matches=("$SRC"/*"$kind".crd.yaml)
  [[ -f "${matches[0]}" ]] || die "no CRD file for $kind in $SRC"
  python3 "$ROOT/hack/strip-crd-descriptions.py" "$OCM_API_VERSION" < "${matches[0]}" > "$OUT/$kind.yaml"
  echo "wrote api/src/main/ocm-crds/$kind.yaml"
done
