#!/usr/bin/env bash
# Longitude: install what is missing, build (warnings are errors), run the whole test suite.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"
longitude_install_missing
longitude_build
export QT_QPA_PLATFORM=offscreen
cd "$LONGITUDE_BUILD"
ctest --output-on-failure --timeout 900 -j "$(nproc 2>/dev/null || echo 2)" "$@"
