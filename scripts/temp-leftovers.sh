#!/usr/bin/env bash
# Runs a command (the test suite) with a temp folder of its own and fails,
# naming them, if the command leaves anything there or leaves new folders in
# the shared temp folders (/tmp, /dev/shm). Tests must remove what they make.
#
#   bash scripts/temp-leftovers.sh pnpm test
set -uo pipefail

shared_folders() {
  for dir in /tmp /dev/shm; do
    [ -d "$dir" ] && find "$dir" -mindepth 1 -maxdepth 1 -type d -user "$(id -u)" 2>/dev/null
  done | sort
}

before="$(shared_folders)"
own_tmp="$(mktemp -d "${TMPDIR:-/tmp}/notes-test-run.XXXXXX")"
TMPDIR="$own_tmp" "$@"
status=$?

leftovers="$(find "$own_tmp" -mindepth 1 -maxdepth 1 2>/dev/null | sort)"
new_shared="$(comm -13 <(printf '%s\n' "$before") <(shared_folders) | grep -v -x -F "$own_tmp" || true)"
rm -rf "$own_tmp"

if [ -n "$leftovers" ] || [ -n "$new_shared" ]; then
  echo "The test run left temporary files behind (each test must remove what it creates):" >&2
  [ -n "$leftovers" ] && printf '%s\n' "$leftovers" | sed 's/^/  /' >&2
  [ -n "$new_shared" ] && printf '%s\n' "$new_shared" | sed 's/^/  /' >&2
  [ "$status" -eq 0 ] && status=1
fi
exit "$status"
