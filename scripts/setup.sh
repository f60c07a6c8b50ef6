#!/usr/bin/env bash
# Shared by run.sh and test.sh: install what is missing (Debian 12 packages only), then
# configure and build incrementally into build/. Sourced, not executed.
set -euo pipefail

LONGITUDE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LONGITUDE_BUILD="${LONGITUDE_BUILD_DIR:-$LONGITUDE_ROOT/build}"

longitude_packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-charts-dev qt6-svg-dev libgl-dev
    libboost-graph-dev nlohmann-json3-dev libbenchmark-dev
    xvfb xauth fonts-dejavu-core
)

longitude_install_missing() {
    local missing=()
    for pkg in "${longitude_packages[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        return 0
    fi
    echo "longitude: installing missing Debian packages: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "longitude: need root or sudo to install: ${missing[*]}" >&2
            exit 1
        fi
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

longitude_build() {
    local jobs
    jobs="$(nproc 2>/dev/null || echo 2)"
    if [ ! -f "$LONGITUDE_BUILD/build.ninja" ]; then
        cmake -S "$LONGITUDE_ROOT" -B "$LONGITUDE_BUILD" -G Ninja \
              -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLONGITUDE_WERROR=ON "$@"
    fi
    # CMake 3.25 + Ninja does not rerun AUTOMOC when a globbed folder gains a header with
    # Q_OBJECT, and the link then fails on a missing staticMetaObject. When the list of source
    # files changed since the last build, drop the autogen stamps so moc looks again.
    local list stamp="$LONGITUDE_BUILD/.longitude-sources"
    list="$(cd "$LONGITUDE_ROOT" && find app engine models ui tests bench -name '*.h' -o -name '*.cpp' | LC_ALL=C sort | md5sum)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" != "$list" ]; then
        find "$LONGITUDE_BUILD" -path '*_autogen/timestamp' -delete
    fi
    cmake --build "$LONGITUDE_BUILD" --parallel "$jobs"
    echo "$list" > "$stamp"
}
