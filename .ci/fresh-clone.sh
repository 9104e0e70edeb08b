#!/usr/bin/env bash
# The README's first command on a fresh clone (issue 13): `git clone` of this commit into an empty folder, then
# `npm ci && npm start` exactly as a newcomer types it. Passes when the sandbox's whole lifecycle completes without
# a problem line, the sandbox says how to reach its executor, and one Ctrl-C (SIGINT) stops everything cleanly.
# Called by .ci/run after the test command; runnable by hand: `.ci/fresh-clone.sh`.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
log="$work/start.log"
cleanup() {
    [ -n "${pgid:-}" ] && kill -KILL -- "-$pgid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
git clone --quiet "$repo" "$work/clone"
cd "$work/clone"
echo "fresh clone of $(git rev-parse --short HEAD) in $work/clone: npm ci && npm start"
# A session of its own, so the Ctrl-C below reaches npm, tsx and the sandbox like a terminal's would.
setsid bash -c 'npm ci --no-audit --no-fund && npm start' >"$log" 2>&1 </dev/null &
pgid=$!
deadline=$((SECONDS + 900))
until grep -q 'Press Ctrl-C to stop both' "$log"; do
    if ! kill -0 "$pgid" 2>/dev/null; then
        echo "npm ci && npm start ended before the sandbox was up:"; tail -n 60 "$log"; exit 1
    fi
    if [ "$SECONDS" -ge "$deadline" ]; then
        echo "the sandbox was not up within 15 minutes:"; tail -n 60 "$log"; exit 1
    fi
    sleep 2
done
if grep -qE '^Problems:|The scenario did not complete' "$log"; then
    echo "the sandbox's lifecycle reported a problem:"; tail -n 80 "$log"; exit 1
fi
grep -q 'audit verify' "$log" || { echo "the sandbox did not print the operator's commands"; tail -n 80 "$log"; exit 1; }
kill -INT -- "-$pgid"
for _ in $(seq 1 60); do kill -0 "$pgid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pgid" 2>/dev/null; then echo "still running 60 s after Ctrl-C:"; tail -n 40 "$log"; exit 1; fi
wait "$pgid" && rc=0 || rc=$?
pgid=
grep -q 'Stopped. Executor exit: 0.' "$log" || { echo "unclean stop (exit $rc):"; tail -n 40 "$log"; exit 1; }
sed -n '/^$/,$p' "$log" | grep -vE '^\s*$' | tail -n 25
echo "fresh clone: npm ci && npm start OK (exit $rc after Ctrl-C)"
