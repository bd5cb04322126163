#!/usr/bin/env bash
# Coverage-guided fuzzing of the frame reader and the generated dispatch with SharpFuzz and AFL++.
# Usage: bash tests/Fuzzing/run-afl.sh [seconds]   (default 300). Findings go to artifacts/fuzzing/findings.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seconds="${1:-300}"
work="$root/artifacts/fuzzing"
tools="$work/tools"

command -v afl-fuzz >/dev/null || { apt-get update -qq && apt-get install -y -qq afl++ >/dev/null; }
[ -x "$tools/sharpfuzz" ] || dotnet tool install --tool-path "$tools" SharpFuzz.CommandLine --version 2.3.0 >/dev/null

dotnet build "$here" -c Release -o "$work/bin" >/dev/null
rm -rf "$work/seeds" "$work/findings"
dotnet "$work/bin/Fuzzing.dll" seeds "$work/seeds"

# Instrument the library under test (not the harness): AFL++ then sees its branch coverage. Instrumented code
# only runs under afl-fuzz, so the seeds are written first.
"$tools/sharpfuzz" "$work/bin/Lifeline.dll"

# dotnet is not an AFL-instrumented binary and this machine has no core-dump handler to configure.
export AFL_SKIP_BIN_CHECK=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1
afl-fuzz -i "$work/seeds" -o "$work/findings" -t 10000 -m none -V "$seconds" -- dotnet "$work/bin/Fuzzing.dll" || true

stats="$work/findings/default/fuzzer_stats"
grep -E "^(execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|bitmap_cvg|run_time)" "$stats"
crashes=$(awk -F': *' '/^saved_crashes/ {print $2}' "$stats")
[ "$crashes" = "0" ] || { echo "AFL++ found $crashes crashing input(s) in $work/findings/default/crashes"; exit 1; }
