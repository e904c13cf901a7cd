#!/usr/bin/env bash
# Screenshots of the Goals and Insights places of the production build in WebKitGTK's
# MiniBrowser under Xvfb, with the app's CSP, real charts rendered by `traj` (seed.py) and a
# fake IPC (fake-ipc.js). Usage, from ui/:
#   scripts/shots-goals/seed.py /tmp/traj-shots-data   # once: writes scripts/shots-goals/seed.js
#   npm run build && scripts/shots-goals/shoot.sh OUT_DIR [scene…]
# Each scene is shot in the light and the dark theme, in MiniBrowser's 1024×768 window.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: shoot.sh OUT_DIR [scene...]}
shift
scenes=("${@:-goals detail detail-milestones goal-form-errors milestone-form let-go insights insights-bottom}")
read -r -a scenes <<<"${scenes[*]}"
mkdir -p "$out"
browser=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser
port=${PORT:-8766}
display=:${DISPLAY_NUM:-94}

python3 scripts/shots-goals/serve.py "$port" & server=$!
Xvfb "$display" -screen 0 1024x768x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
cleanup() { kill "$server" "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT
sleep 1

for scene in "${scenes[@]}"; do
  case $scene in insights*) place=insights ;; *) place=goals ;; esac
  for theme in light dark; do
    flags=(-f)
    [[ $theme == dark ]] && flags+=(-d)
    DISPLAY=$display "$browser" "${flags[@]}" --enable-write-console-messages-to-stdout=true \
      "http://127.0.0.1:$port/?scene=$scene#$place" >"$out/$scene-$theme.log" 2>&1 & browser_pid=$!
    sleep "${WAIT:-5}"
    DISPLAY=$display import -window root "$out/$scene-$theme.png"
    kill "$browser_pid" 2>/dev/null || true
    wait "$browser_pid" 2>/dev/null || true
    echo "$out/$scene-$theme.png"
  done
done
