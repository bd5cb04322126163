#!/usr/bin/env bash
# Packs src/Runtime into the one Lifeline package, then builds and runs consumers from that package only.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
rm -rf "$root/artifacts/packages" "$root/artifacts/package-cache"

dotnet pack "$root/src/Runtime" -c Release -o "$root/artifacts/packages"
passed=0
failed=0

if dotnet run --project "$here/Consumer"; then
  passed=$((passed + 1))
else
  echo "FAILED: the consumer built from the package did not exchange its typed messages"
  failed=$((failed + 1))
fi

log="$(mktemp)"
if dotnet build "$here/Misuse" >"$log" 2>&1; then
  echo "FAILED: a non-partial [HelloMessage] record built without LFL0001"
  failed=$((failed + 1))
else
  # One diagnostic from the generator, one from the analyzers, each at its exact position.
  for expected in "NotPartial.cs(7,15): error LFL0001" "RawOptions.cs(8,54): error LFL0201"; do
    if grep -qF "$expected" "$log"; then
      echo "package misuse: '$expected' reported as expected"
      passed=$((passed + 1))
    else
      cat "$log"
      echo "FAILED: the misuse build did not report '$expected'"
      failed=$((failed + 1))
    fi
  done
fi
rm -f "$log"

echo "package tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
