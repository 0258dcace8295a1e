#!/usr/bin/env bash
# Builds the real Kubernetes and OCM components this project runs against, from Go modules, into a
# version-keyed cache outside the repository. Idempotent: what is already built is skipped.
#
#   hack/build-tools.sh            build everything that is missing
#   hack/build-tools.sh --print    print the cache layout (no build)
#
# Environment: KS_CACHE (default ~/.cache/kubestellar-java), GOFLAGS/GOPROXY as usual.
set -euo pipefail

# 1.32.5 is the newest 1.32 patch whose 31 staging modules are all served by the module proxy
# this project is built with (several v0.32.6+ staging modules are missing there).
K8S_VERSION=1.32.5
ETCD_VERSION=3.5.21
KWOK_VERSION=0.7.0
OCM_VERSION=1.0.0
OCM_API_VERSION=1.0.0
HELM_VERSION=3.17.3

CACHE="${KS_CACHE:-$HOME/.cache/kubestellar-java}"
BIN="$CACHE/bin"
SRC="$CACHE/src"
CRDS="$CACHE/ocm-crds/$OCM_API_VERSION"
KAT="$CACHE/kube-api-test/k8s/$K8S_VERSION-linux-amd64"

# The 31 staging modules of Kubernetes 1.32; each is replaced by its published v0.32.x tag.
STAGING="api apiextensions-apiserver apimachinery apiserver cli-runtime client-go cloud-provider
cluster-bootstrap code-generator component-base component-helpers controller-manager cri-api
cri-client csi-translation-lib dynamic-resource-allocation endpointslice externaljwt kms
kube-aggregator kube-controller-manager kube-proxy kube-scheduler kubectl kubelet metrics mount-utils
pod-security-admission sample-apiserver sample-cli-plugin sample-controller"

START=$(date +%s)
log() { printf '[build-tools %4ss] %s\n' "$(( $(date +%s) - START ))" "$*"; }

# Runs a command with its output in $LOGS/<name>.log, printing a heartbeat every 60 s; on failure
# prints the log's tail and stops the script.
run_logged() {
  local name=$1; shift
  local logfile="$LOGS/$name.log"
  "$@" >>"$logfile" 2>&1 &
  local pid=$! waited=0
  while kill -0 "$pid" 2>/dev/null; do
    sleep 5; waited=$((waited + 5))
    (( waited % 60 == 0 )) && log "$name: still working (${waited}s; log: $logfile)"
  done
  if ! wait "$pid"; then
    printf '%s\n' "--- last lines of $logfile ---" >&2
    tail -n 30 "$logfile" >&2
    die "$name failed; full log: $logfile"
  fi
}
die() { printf 'build-tools: error: %s\n' "$*" >&2; exit 1; }

if [[ "${1:-}" == "--print" ]]; then
  echo "cache:         $CACHE"
  echo "binaries:      $BIN"
  echo "ocm crds:      $CRDS"
  echo "kube-api-test: $CACHE/kube-api-test"
  exit 0
fi

# Go and the module proxy are needed only when something is not cached yet.
GOPROXY_EFFECTIVE=""
require_go() {
  [[ -n "$GOPROXY_EFFECTIVE" ]] && return
  command -v go >/dev/null 2>&1 || die "Go is not installed or not on PATH; install Go 1.23 or newer (this script builds Kubernetes from Go modules)."
  GOPROXY_EFFECTIVE="$(go env GOPROXY)"
  [[ "$GOPROXY_EFFECTIVE" == "off" ]] && die "GOPROXY is 'off'; the Go module proxy is needed to fetch the components' modules."
  return 0
}

LOGS="$CACHE/logs"
mkdir -p "$BIN" "$SRC" "$CRDS" "$KAT" "$LOGS"
exec 9>"$CACHE/.build.lock"
if ! flock -n 9; then
  log "another build holds $CACHE/.build.lock; waiting for it"
  flock 9
fi

export CGO_ENABLED=0
# A private build cache per tool keeps concurrent users of ~/.cache/go-build out of our way only if
# asked; by default share the user's caches (module downloads are the slow part).

stamp_ok() { [[ -f "$BIN/.$1.stamp" ]] && [[ "$(cat "$BIN/.$1.stamp")" == "$2" ]]; }
stamp_set() { echo "$2" > "$BIN/.$1.stamp"; }

# needs_build NAME WANT WHAT [LABEL]: false (and says so) when NAME's stamp is WANT; else says it
# builds WHAT and checks for Go.
needs_build() {
  local name=$1 want=$2 what=$3 label=${4:-$1}
  if stamp_ok "$name" "$want"; then log "$label: cached (${want##*@})"; return 1; fi
  log "$name: building $what"
  require_go
}

check_proxy() {
  local mod=$1
  if ! go list -m -json "$mod" >/dev/null 2>"$CACHE/.proxy-check.err"; then
    die "cannot resolve $mod through the Go module proxy ($GOPROXY_EFFECTIVE): $(tail -n 3 "$CACHE/.proxy-check.err")"
  fi
}

# Builds a main package of a module through a wrapper module. `go install pkg@version` is not used:
# it asks the proxy for the module's version list, which the proxy here refuses. The wrapper's
# go.sum is seeded from the module's own go.sum, so every dependency is verified against the hashes
# its authors recorded (the checksum database does not know every one of them here).
build_module() { # name module version package
  local name=$1 module=$2 version=$3 pkg=$4
  local want="$module@v$version" dir="$SRC/$name-$version"
  needs_build "$name" "$want" "$pkg@v$version (first time only)" || return 0
  mkdir -p "$dir"
  printf 'module kubestellar-java.local/%s-build\n\ngo 1.23\n\nrequire %s v%s\n' "$name" "$module" "$version" > "$dir/go.mod"
  : >"$LOGS/$name.log"
  (
    cd "$dir"
    GOFLAGS=-mod=mod run_logged "$name" go mod download "$module"
    local moddir
    moddir=$(go mod download -json "$module" | sed -n 's/^\s*"Dir": "\(.*\)",\?$/\1/p')
    [[ -f "$moddir/go.sum" ]] && install -m 0644 "$moddir/go.sum" "$dir/go.sum"
    GOFLAGS=-mod=mod run_logged "$name" go build -trimpath -o "$BIN/$name" "$pkg"
  )
  stamp_set "$name" "$want"
  log "$name: done"
}

build_etcd() {
  local want="etcd@v$ETCD_VERSION" dir="$SRC/etcd-$ETCD_VERSION"
  needs_build etcd "$want" "go.etcd.io/etcd/server/v3@v$ETCD_VERSION" || return 0
  mkdir -p "$dir"
  cat > "$dir/go.mod" <<MOD
module kubestellar-java.local/etcd-build

go 1.23
MOD
  (
    cd "$dir"
    check_proxy "go.etcd.io/etcd/server/v3@v$ETCD_VERSION"
    : >"$LOGS/etcd.log"
    GOFLAGS=-mod=mod run_logged etcd go get "go.etcd.io/etcd/server/v3@v$ETCD_VERSION"
    GOFLAGS=-mod=mod run_logged etcd go build -trimpath -o "$BIN/etcd" \
      -ldflags "-X go.etcd.io/etcd/api/v3/version.GitSHA=v$ETCD_VERSION" go.etcd.io/etcd/server/v3
  )
  stamp_set etcd "$want"
  log "etcd: done"
}

build_kubernetes() {
  local want="kubernetes@v$K8S_VERSION" dir="$SRC/kubernetes-$K8S_VERSION" minor=${K8S_VERSION#*.}
  needs_build kubernetes "$want" \
    "kube-apiserver, kube-controller-manager, kube-scheduler v$K8S_VERSION (the slowest step: 10-20 min on 2 cores the first time)" \
    "kube-apiserver, kube-controller-manager, kube-scheduler" || return 0
  minor=${minor%%.*}
  local patch=${K8S_VERSION##*.}
  mkdir -p "$dir"
  {
    echo "module kubestellar-java.local/kubernetes-build"
    echo
    echo "go 1.23"
    echo
    echo "replace ("
    for m in $STAGING; do echo "	k8s.io/$m => k8s.io/$m v0.$minor.$patch"; done
    echo ")"
  } > "$dir/go.mod"
  local pkgs="k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler"
  local ld="" p
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ld+=" -X $p.gitMajor=1 -X $p.gitMinor=$minor -X $p.gitVersion=v$K8S_VERSION -X $p.gitTreeState=clean"
    ld+=" -X $p.gitCommit=v$K8S_VERSION -X $p.buildDate=1970-01-01T00:00:00Z"
  done
  (
    cd "$dir"
    check_proxy "k8s.io/kubernetes@v$K8S_VERSION"
    : >"$LOGS/kubernetes.log"
    log "kubernetes: resolving modules"
    GOFLAGS=-mod=mod run_logged kubernetes go get "k8s.io/kubernetes@v$K8S_VERSION"
    for p in $pkgs; do
      log "kubernetes: compiling ${p##*/}"
      GOFLAGS=-mod=mod run_logged kubernetes go build -trimpath -ldflags "-s -w $ld" -o "$BIN/${p##*/}" "$p"
    done
  )
  stamp_set kubernetes "$want"
  log "kubernetes: done"
}

extract_ocm_crds() {
  local want="ocm-api@v$OCM_API_VERSION"
  if stamp_ok ocm-crds "$want"; then log "ocm crds: cached (v$OCM_API_VERSION)"; return; fi
  log "ocm crds: extracting from open-cluster-management.io/api@v$OCM_API_VERSION"
  require_go
  local dir
  dir=$(cd "$SRC" && go mod download -json "open-cluster-management.io/api@v$OCM_API_VERSION" | sed -n 's/^\s*"Dir": "\(.*\)",\?$/\1/p')
  [[ -n "$dir" && -d "$dir" ]] || die "ocm crds: could not download open-cluster-management.io/api@v$OCM_API_VERSION"
  local f found=0
  rm -f "$CRDS"/*.yaml
  for f in "$dir"/work/v1/*.crd.yaml "$dir"/cluster/v1/*.crd.yaml "$dir"/addon/v1alpha1/*.crd.yaml; do
    [[ -f "$f" ]] || continue
    case "$(basename "$f")" in
      *manifestworks.crd.yaml|*appliedmanifestworks.crd.yaml|*managedclusters.crd.yaml|*managedclusteraddons.crd.yaml|*clustermanagementaddons.crd.yaml)
        install -m 0644 "$f" "$CRDS/$(basename "$f")"; found=$((found+1)) ;;
    esac
  done
  [[ $found -ge 5 ]] || die "ocm crds: expected 5 CRDs in $dir, found $found"
  stamp_set ocm-crds "$want"
  log "ocm crds: $found CRDs in $CRDS"
}

layout_kube_api_test() {
  # fabric8 kube-api-test looks for <dir>/k8s/<version>-linux-amd64/{etcd,kube-apiserver,kubectl}.
  ln -sf "$BIN/etcd" "$KAT/etcd"
  ln -sf "$BIN/kube-apiserver" "$KAT/kube-apiserver"
  if command -v kubectl >/dev/null 2>&1; then
    ln -sf "$(command -v kubectl)" "$KAT/kubectl"
  else
    die "kubectl is not on PATH; install kubectl 1.32 (the tests and scripts drive the spaces with it)"
  fi
}

log "cache: $CACHE"
build_etcd
extract_ocm_crds
build_kubernetes
build_module work open-cluster-management.io/ocm "$OCM_VERSION" open-cluster-management.io/ocm/cmd/work
build_module kwok sigs.k8s.io/kwok "$KWOK_VERSION" sigs.k8s.io/kwok/cmd/kwok
build_module helm helm.sh/helm/v3 "$HELM_VERSION" helm.sh/helm/v3/cmd/helm
layout_kube_api_test
log "all tools ready in $BIN"
