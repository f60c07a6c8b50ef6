#!/usr/bin/env bash
# Longitude: install what is missing, build, and open the GUI.
#   ./run.sh                      open the bundled default scenario
#   ./run.sh FILE.longitude.json  open that scenario
#   ./run.sh --cli ARGS...        run longitude-cli ARGS (e.g. ./run.sh --cli run samples/three-regions.longitude.json)
#   ./run.sh --screenshot OUT.png [FILE]   render the main window to a PNG and exit
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/scripts/setup.sh"
longitude_install_missing
longitude_build >&2

if [ "${1:-}" = "--cli" ]; then
    shift
    exec "$LONGITUDE_BUILD/app/cli/longitude-cli" "$@"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "longitude: no display found; starting under xvfb-run (set DISPLAY to see the window)" >&2
    exec xvfb-run -a "$LONGITUDE_BUILD/app/gui/longitude" "$@"
fi
exec "$LONGITUDE_BUILD/app/gui/longitude" "$@"
