#!/usr/bin/env bash
# Packs src/Runtime into the one Lifeline package, checks what is in it, then builds and runs consumers from that
# package only. Each check prints one line; the last line counts.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
packages="$root/artifacts/packages"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

passed=0
failed=0
pass() { echo "passed: $1"; passed=$((passed + 1)); }
fail() { echo "FAILED: $1"; failed=$((failed + 1)); }
summary() { echo "package tests: $passed passed, $failed failed"; [ "$failed" -eq 0 ]; }

# Only Lifeline leaves the private package cache, so a re-packed version is never shadowed by an older copy;
# NetMQ, MessagePack and the .NET 8 runtime pack stay cached between runs.
rm -rf "$packages" "$root/artifacts/package-cache/lifeline"

# The release form (deterministic /_/ paths, as CI=true packs it). Package validation runs here, against 0.1.0.
if ! dotnet pack "$root/src/Runtime" -c Release -o "$packages" -p:ContinuousIntegrationBuild=true >"$work/pack" 2>&1; then
  cat "$work/pack"
  fail "dotnet pack src/Runtime (package validation included)"
  summary
  exit 1
fi
nupkg="$(ls "$packages"/Lifeline.*.nupkg)"
version="$(basename "$nupkg" .nupkg)"
export LifelineVersion="${version#Lifeline.}"
echo "packed $(basename "$nupkg") and Lifeline.$LifelineVersion.snupkg"

# 1. What the package holds: four lib/ targets, the analyzers, a README with absolute links, PDBs with SourceLink.
if dotnet run --project "$here/Contents" -- "$nupkg" "$packages/Lifeline.$LifelineVersion.snupkg"; then
  pass "the package holds lib/net472, lib/netstandard2.1, lib/net8.0, lib/net10.0, the analyzers and an absolute-link README; the .snupkg's PDBs carry SourceLink"
else
  fail "the package's contents (see the lines above)"
fi

# 2. A consumer: typed hello and disconnect over tcp on 127.0.0.1, a random port.
if timeout 300 dotnet run --project "$here/Consumer" -f net10.0 >"$work/run" 2>&1; then
  cat "$work/run"
  pass "net10.0 consumer exchanged typed hello and disconnect over tcp"
else
  cat "$work/run"
  fail "the consumer built from the package did not exchange its typed messages"
fi

# 3, 4. Misuse must not build: one diagnostic from the generator, one from the analyzers, each at its exact position.
if dotnet build "$here/Misuse" -nologo >"$work/build" 2>&1; then
  fail "a non-partial [HelloMessage] record built without LFL0001"
else
  for expected in "NotPartial.cs(7,15): error LFL0001" "RawOptions.cs(8,54): error LFL0201"; do
    if grep -qF "$expected" "$work/build"; then
      pass "package misuse: '$expected' reported as expected"
    else
      cat "$work/build"
      fail "the misuse build did not report '$expected'"
    fi
  done
fi

summary
