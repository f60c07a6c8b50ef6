#!/usr/bin/env bash
# Regenerates the README's screenshot of the main window on the bundled default scenario.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
QT_QPA_PLATFORM=offscreen "$root/build/app/gui/longitude" --screenshot "$root/docs/images/main-window.png" "$@"
echo "wrote docs/images/main-window.png"
