#!/usr/bin/env bash
# Builds the container images of the three components with Jib (Maven profile "images"), without
# a container engine: an OCI image tarball <component>/target/<component>-image.tar each, and, with
# REGISTRY set, a push of <REGISTRY>/kubestellar-java/<component>:<TAG>.
#
#   hack/build-images.sh                          # tarballs, base eclipse-temurin:17-jre
#   REGISTRY=registry.example.com/me TAG=dev hack/build-images.sh   # also push
#   BASE=tar://path/to/base.tar hack/build-images.sh                # another base image
#   LOCAL_BASE=1 hack/build-images.sh             # base from Debian packages (hack/build-base-image.sh)
#
# The image names match the defaults of charts/kubestellar-core and charts/kubestellar-status-addon
# (image.repository kubestellar-java/<component>, tag = the chart's appVersion); with REGISTRY set,
# install the charts with --set image.registry=$REGISTRY (and --set image.tag=$TAG). Registry
# credentials come from the usual places Jib reads (docker config, credential helpers).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

args=(-B -ntp -Pimages -pl controller-manager,transport-controller,status-addon -am package
  -DskipTests)
if [[ -n "${LOCAL_BASE:-}" ]]; then
  BASE="tar://$(hack/build-base-image.sh)"
fi
[[ -n "${BASE:-}" ]] && args+=("-Dimage.base=$BASE")
[[ -n "${REGISTRY:-}" ]] && args+=("-Dimage.registry=$REGISTRY")
[[ -n "${TAG:-}" ]] && args+=("-Dimage.tag=$TAG")

echo "[build-images] mvn ${args[*]}"
mvn "${args[@]}"
for component in controller-manager transport-controller status-addon; do
  echo "[build-images] $component/target/$component-image.tar"
done
