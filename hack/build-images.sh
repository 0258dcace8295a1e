#!/usr/bin/env bash
# Builds the container images of the three components from their runnable jars.
#
#   hack/build-images.sh                      # kubestellar-java/<component>:<project version>
#   REGISTRY=ghcr.io/me TAG=dev hack/build-images.sh
#   CONTAINER_TOOL=podman hack/build-images.sh
#   SKIP_MAVEN=1 hack/build-images.sh         # reuse the jars already in <module>/target/
#   KIND_CLUSTER=kind hack/build-images.sh    # also load the images into a kind cluster
#
# The image names match the defaults of charts/kubestellar-core and charts/kubestellar-status-addon
# (image.repository kubestellar-java/<component>, tag = the chart's appVersion); with REGISTRY set,
# install the charts with --set image.registry=$REGISTRY (and --set image.tag=$TAG).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

COMPONENTS=(controller-manager transport-controller status-addon)
CONTAINER_TOOL="${CONTAINER_TOOL:-docker}"
REPOSITORY_PREFIX="${REGISTRY:+$REGISTRY/}kubestellar-java"
VERSION="$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | sed -n 1p)"
TAG="${TAG:-$VERSION}"

command -v "$CONTAINER_TOOL" >/dev/null || {
  echo "build-images: $CONTAINER_TOOL not found; set CONTAINER_TOOL (docker or podman)" >&2
  exit 1
}

if [[ -z "${SKIP_MAVEN:-}" ]]; then
  modules="$(IFS=,; echo "${COMPONENTS[*]}")"
  echo "[build-images] building the runnable jars of $modules"
  mvn -B -ntp -q -pl "$modules" -am package -DskipTests
fi

for component in "${COMPONENTS[@]}"; do
  jars=("$component"/target/"$component"-*-runnable.jar)
  [[ -f "${jars[0]}" && ${#jars[@]} -eq 1 ]] || {
    echo "build-images: expected one runnable jar in $component/target, found: ${jars[*]}" >&2
    exit 1
  }
  image="$REPOSITORY_PREFIX/$component:$TAG"
  echo "[build-images] $image"
  "$CONTAINER_TOOL" build --build-arg "JAR_FILE=target/$(basename "${jars[0]}")" \
    -t "$image" -f "$component/Dockerfile" "$component"
  if [[ -n "${KIND_CLUSTER:-}" ]]; then
    kind load docker-image "$image" --name "$KIND_CLUSTER"
  fi
  if [[ -n "${PUSH:-}" ]]; then
    "$CONTAINER_TOOL" push "$image"
  fi
done
