#!/usr/bin/env bash
# Screenshots of the production build in WebKitGTK's MiniBrowser under Xvfb, with the app's
# CSP and a fake IPC (fake-ipc.js). Usage, from ui/: scripts/shots/shoot.sh OUT_DIR [scene…]
# Each scene is shot in the light and the dark theme. Run `npm run build` first.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:?usage: shoot.sh OUT_DIR [scene...]}
shift
scenes=("${@:-timeline editor-write editor-preview search history recovery templates trash failed scrolled}")
read -r -a scenes <<<"${scenes[*]}"
mkdir -p "$out"
browser=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser
port=${PORT:-8765}
display=:${DISPLAY_NUM:-93}

python3 scripts/shots/serve.py "$port" & server=$!
Xvfb "$display" -screen 0 1024x768x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
cleanup() { kill "$server" "$xvfb" 2>/dev/null || true; }
trap cleanup EXIT
sleep 1

for scene in "${scenes[@]}"; do
  for theme in light dark; do
    flags=(-f)
    [[ $theme == dark ]] && flags+=(-d)
    DISPLAY=$display "$browser" "${flags[@]}" --enable-write-console-messages-to-stdout=true \
      "http://127.0.0.1:$port/?scene=$scene" >"$out/$scene-$theme.log" 2>&1 & browser_pid=$!
    sleep "${WAIT:-4}"
    DISPLAY=$display import -window root "$out/$scene-$theme.png"
    kill "$browser_pid" 2>/dev/null || true
    wait "$browser_pid" 2>/dev/null || true
    echo "$out/$scene-$theme.png"
  done
done
