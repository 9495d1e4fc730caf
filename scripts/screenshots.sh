#!/usr/bin/env bash
# Screenshots of the window for docs/screenshots/, taken under Xvfb, so no display is needed.
#
#   scripts/screenshots.sh              # the built-in sample data
#   scripts/screenshots.sh FILE…        # these data files
#
# Installs Xvfb, xauth, ImageMagick and xdotool with apt-get when Xvfb is missing. Builds the
# release binary and starts it once per picture; MIGREVIEW_START_PANEL, MIGREVIEW_START_SELECT,
# MIGREVIEW_LANG and MIGREVIEW_THEME choose panel, what it shows (a finding's check, a coverage
# cell, a mirror view), language and theme, so no clicking is needed. Settings and the sample's
# review go to a temporary folder, not to your home. The app's own timing lines (first frame,
# data ready) are printed at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"

if ! command -v Xvfb >/dev/null 2>&1; then
    echo "Xvfb is missing: installing xvfb xauth imagemagick xdotool" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
    $sudo apt-get update
    $sudo apt-get install -y --no-install-recommends xvfb xauth imagemagick xdotool
fi
for tool in xvfb-run import xdotool; do
    command -v "$tool" >/dev/null 2>&1 || {
        echo "$tool is missing (apt-get install xvfb xauth imagemagick xdotool)" >&2
        exit 1
    }
done

cargo build --release --locked --bin migreview
bin="$(realpath "${CARGO_TARGET_DIR:-target}/release/migreview")"

files=()
for f in "$@"; do files+=("$(realpath "$f")"); done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data" "$work/run"
chmod 700 "$work/run"
export XDG_DATA_HOME="$work/data" XDG_RUNTIME_DIR="$work/run"
export RUST_LOG="${RUST_LOG:-warn,migreview=info}"

# One picture: runs inside xvfb-run; $1 = output file, the rest = the app's arguments.
cat > "$work/shot.sh" <<'EOF'
set -u
png="$1"; shift
"$@" 2>>"$SHOT_LOG" &
app=$!
window=""
for _ in $(seq 1 100); do
    window="$(xdotool search --name '^migreview' 2>/dev/null | head -n 1 || true)"
    [ -n "$window" ] && break
    sleep 0.1
done
if [ -z "$window" ]; then
    echo "the window did not appear" >&2
    kill "$app" 2>/dev/null
    exit 1
fi
xdotool windowsize "$window" 1400 900
sleep "${SHOT_DELAY:-4}"
import -window "$window" "$png"
kill "$app" 2>/dev/null
wait "$app" 2>/dev/null
exit 0
EOF

export SHOT_LOG="$work/app.log"
shot() { # name panel language theme [what the panel shows]
    echo "screenshot $out/$1.png" >&2
    # A second try when the X server or the window was slow to come up; then the app's log.
    for attempt in 1 2; do
        if MIGREVIEW_START_PANEL="$2" MIGREVIEW_LANG="$3" MIGREVIEW_THEME="$4" \
            MIGREVIEW_START_SELECT="${5:-}" \
            xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/shot.sh" "$out/$1.png" "$bin" "${files[@]}"; then
            return 0
        fi
        echo "attempt $attempt failed; the app's last lines:" >&2
        tail -n 5 "$SHOT_LOG" >&2 || true
    done
    return 1
}

# What the panels show is chosen for the sample; with other files the panels choose themselves.
if [ ${#files[@]} -eq 0 ]; then
    finding="A1:AZE" cell="7.2:TJK:2017" pair="series:KAZ:AZE"
else
    finding="" cell="" pair="series"
fi
shot overview overview en light
shot data data en light
shot findings findings en light "$finding"
shot findings_ru findings ru light "$finding"
shot coverage coverage en light "$cell"
shot coverage_dark coverage en dark "$cell"
shot mirror_scatter mirror en light scatter
shot mirror_scatter_ru mirror ru light scatter
shot mirror_matrix mirror en light matrix
shot mirror_countries mirror en light countries
shot mirror_series mirror en light "$pair"
shot sources sources en light
shot sources_ru sources ru light

echo "--- timing reported by the app (release build, Xvfb, software rendering)" >&2
grep -E "first frame|ready" "$SHOT_LOG" >&2 || true
grep -iE "error|panic" "$SHOT_LOG" >&2 || true
