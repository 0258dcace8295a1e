#!/usr/bin/env bash
# Regenerates the control.kubestellar.io CRDs from the Java classes in api/ (and the print columns
# in api/src/main/crd/printer-columns.yaml) and copies them into config/crd/ (one file per kind).
# Run it after changing anything under api/src/main/java/io/kubestellar/api/control/ or that table;
# the api build fails (CrdDriftTest) while the committed copies differ from what is generated.
#
#   hack/update-crds.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GENERATED="$ROOT/api/target/classes/META-INF/fabric8"
OUT="$ROOT/config/crd"

cd "$ROOT"
# process-classes runs the CRD generator; no tests are needed to produce the files.
mvn -q -B -pl api process-classes

mkdir -p "$OUT"
shopt -s nullglob
generated=("$GENERATED"/*.control.kubestellar.io-v1.yml)
[[ ${#generated[@]} -gt 0 ]] || { echo "update-crds: no CRDs found in $GENERATED" >&2; exit 1; }
rm -f "$OUT"/control.kubestellar.io_*.yaml
for f in "${generated[@]}"; do
  plural="$(basename "$f" .control.kubestellar.io-v1.yml)"
  cp "$f" "$OUT/control.kubestellar.io_$plural.yaml"
  echo "wrote config/crd/control.kubestellar.io_$plural.yaml"
done
