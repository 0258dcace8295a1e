#!/usr/bin/env bash
# Installs the kubectl plugin: builds its jar when missing or older than its sources, then links
# kubectl-kubestellar and kubectl-ks into a directory on PATH.
#
#   hack/install-plugin.sh [BIN_DIR]     default: $KUBESTELLAR_PLUGIN_DIR, else ~/.local/bin
#
# Afterwards: kubectl kubestellar --help  (or kubectl ks --help).
set -euo pipefail
cd "$(dirname "$0")/.."

bin_dir=${1:-${KUBESTELLAR_PLUGIN_DIR:-$HOME/.local/bin}}
modules=(api controller-manager transport-controller kubectl-plugin)
jar=$(ls kubectl-plugin/target/kubectl-plugin-*-runnable.jar 2>/dev/null | head -n 1 || true)
stale=""
if [[ -z "$jar" ]]; then
  stale="missing"
else
  for module in "${modules[@]}"; do
    if [[ -n "$(find "$module"/src "$module"/pom.xml pom.xml -newer "$jar" -type f 2>/dev/null | head -n 1)" ]]; then
      stale="sources changed in $module"
      break
    fi
  done
fi
if [[ -n "$stale" ]]; then
  echo "[install-plugin] building the plugin jar ($stale; log in target/install-plugin.log)"
  mkdir -p target
  if ! mvn -B -ntp ${MAVEN_OFFLINE:+-o} -pl kubectl-plugin -am package -DskipTests -Dspotless.check.skip=true \
      >target/install-plugin.log 2>&1; then
    tail -n 40 target/install-plugin.log >&2
    echo "[install-plugin] the build failed; full log: target/install-plugin.log" >&2
    exit 1
  fi
fi

mkdir -p "$bin_dir"
for name in kubectl-kubestellar kubectl-ks; do
  ln -sfn "$PWD/kubectl-plugin/bin/kubectl-kubestellar" "$bin_dir/$name"
done
echo "[install-plugin] linked kubectl-kubestellar and kubectl-ks into $bin_dir"
case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "[install-plugin] add it to PATH: export PATH=\"$bin_dir:\$PATH\"" ;;
esac
