#!/usr/bin/env bash
# Regenerates the README's screenshot: the main window on the bundled default scenario (three
# regions around the North Atlantic), simulated, with the map fitted to the regions and the
# Results tab in front. Extra arguments go to `longitude` (e.g. a scenario FILE, or --dark).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
QT_QPA_PLATFORM=offscreen "$root/build/app/gui/longitude" --screenshot "$root/docs/images/main-window.png" \
    --run --tab Results --size 1600x1000 "$@"
echo "wrote docs/images/main-window.png"
