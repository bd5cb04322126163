#!/usr/bin/env bash
# Packs src/Runtime into the one Lifeline package, checks what is in it, then builds and runs consumers from that
# package only: one per supported target (net10.0, net8.0 on the .NET 8 runtime, netstandard2.1, net472 under Mono),
# C# 9 and C# 8 consumers, a shared-contracts server and client, and a native AOT program. Each check prints one line; the last line counts.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
packages="$root/artifacts/packages"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
case "$(uname -m)" in aarch64 | arm64) rid=linux-arm64 ;; *) rid=linux-x64 ;; esac

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

# Builds one project quietly, every warning an error; prints the log only when the build fails.
build() {
  local project="$1"
  shift
  if ! dotnet build "$here/$project" -nologo -warnaserror "$@" >"$work/build" 2>&1; then
    cat "$work/build"
    return 1
  fi
}

# Runs a consumer; passes when it exits 0 and reports the expected runtime (its first line).
consumer() {
  local what="$1" runtime="$2"
  shift 2
  if timeout 300 "$@" >"$work/run" 2>&1 && grep -q "^package consumer: runtime $runtime" "$work/run"; then
    cat "$work/run"
    pass "$what"
  else
    cat "$work/run"
    fail "$what"
  fi
}

# Mono with the netstandard.dll facade that netstandard2.0 libraries (MessagePack, AsyncIO) need at run time. Debian's
# mono-runtime lacks it: only mono-devel ships /usr/lib/mono/4.5/Facades. Installed here when missing.
mono_ready() {
  local mono
  mono="$(command -v mono)" && [ -f "$(dirname "$(readlink -f "$mono")")/../lib/mono/4.5/Facades/netstandard.dll" ]
}
ensure_mono() {
  mono_ready && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "Mono is missing and cannot be installed here (needs root and apt-get): apt-get install mono-runtime mono-devel"
    return 1
  fi
  echo "installing Mono: apt-get install --no-install-recommends mono-runtime mono-devel"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mono-runtime mono-devel; } >"$work/apt" 2>&1; then
    cat "$work/apt"
    echo "Mono could not be installed with apt-get (output above)"
    return 1
  fi
  mono_ready || { echo "Mono was installed but mono or its netstandard.dll facade is still missing"; return 1; }
}

# 1. What the package holds: four lib/ targets, the analyzers, a README with absolute links, PDBs with SourceLink.
if dotnet run --project "$here/Contents" -- "$nupkg" "$packages/Lifeline.$LifelineVersion.snupkg"; then
  pass "the package holds lib/net472, lib/netstandard2.1, lib/net8.0, lib/net10.0, the analyzers and an absolute-link README; the .snupkg's PDBs carry SourceLink"
else
  fail "the package's contents (see the lines above)"
fi

# 2, 3. One program for net10.0, net8.0 and net472: typed hello and disconnect over tcp on 127.0.0.1, a random port.
if build Consumer; then
  consumer "net10.0 consumer on .NET 10 exchanged typed hello and disconnect over tcp" ".NET 10\." \
    dotnet "$here/Consumer/bin/Debug/net10.0/Consumer.dll"
  # Self-contained: the .NET 8 runtime pack, not the SDK's .NET 10 runtime, runs it.
  consumer "net8.0 consumer on the .NET 8 runtime (self-contained $rid) exchanged typed hello and disconnect over tcp" ".NET 8\.0\." \
    dotnet run --project "$here/Consumer" -f net8.0 -r "$rid" --self-contained
else
  fail "the consumer (net10.0, net8.0, net472) did not build clean from the package"
fi

# The package's build step: the schema of the consumer's records beside each build's output (docs/schema.md).
if [ -s "$here/Consumer/bin/Debug/net10.0/Consumer.lifeline.json" ] && [ -s "$here/Consumer/bin/Debug/net472/Consumer.lifeline.json" ] &&
  grep -q '"WorkerHello"' "$here/Consumer/bin/Debug/net10.0/Consumer.lifeline.json"; then
  pass "the package's build step wrote Consumer.lifeline.json beside the net10.0 and net472 builds"
else
  fail "no Consumer.lifeline.json beside the consumer's builds (the package's build/Lifeline.targets)"
fi

# The lifeline tool, packed and installed from the local feed, decodes vector 1 of docs/wire-format.md with the
# consumer's assembly, and says why a frame with an unknown id is malformed (exit 1).
vector1="C14C464C01010000100182A44E616D65A5616C696365A756657273696F6E03"
if dotnet pack "$root/src/Tool" -c Release -o "$packages" >"$work/build" 2>&1 &&
  dotnet tool install Lifeline.Tool --tool-path "$work/tool" --add-source "$packages" --version "$LifelineVersion" >>"$work/build" 2>&1; then
  decoded="$("$work/tool/lifeline" decode "$here/Consumer/bin/Debug/net10.0/Consumer.dll" "$vector1" 2>&1)"
  unknown="$("$work/tool/lifeline" decode "$here/Consumer/bin/Debug/net10.0/Consumer.dll" "${vector1/00001001/00001099}" 2>&1)"
  unknown_exit=$?
  if grep -q '"alice"' <<<"$decoded" && grep -q 'UnknownMessageId' <<<"$unknown" && [ "$unknown_exit" -eq 1 ]; then
    pass "the installed lifeline tool decoded vector 1 and reported an unknown id as UnknownMessageId"
  else
    echo "$decoded"
    echo "$unknown (exit $unknown_exit)"
    fail "the installed lifeline tool did not decode vector 1 as documented"
  fi
else
  cat "$work/build"
  fail "the lifeline tool did not pack or install from the local feed"
fi

# 4. A netstandard2.1 library: every member type family, init and struct records, a handler.
if build NetStandardLibrary; then
  pass "netstandard2.1 library with records and a handler built clean"
else
  fail "netstandard2.1 library with records and a handler did not build clean"
fi

# 5, 6. C# 9 consumers, with and without nullable annotations.
if build CSharp9Nullable; then
  pass "C# 9 consumer with Nullable enable (netstandard2.1) built clean"
else
  fail "C# 9 consumer with Nullable enable (netstandard2.1) did not build clean"
fi
if build CSharp9Oblivious; then
  pass "C# 9 consumer with Nullable disable (net472) built clean"
else
  fail "C# 9 consumer with Nullable disable (net472) did not build clean"
fi

# 7. C# 8 has no records: the compiler's own errors on the record's line, and no error from anything generated.
if dotnet build "$here/CSharp8" -nologo >"$work/build" 2>&1; then
  fail "a record built under C# 8"
else
  errors="$(grep -E ': error [A-Z]+[0-9]+:' "$work/build" | sed 's/ \[[^]]*\]$//' | sort -u)"
  others="$(grep -vE '/CSharp8/Messages\.cs\((5|6),[0-9]+\): error CS[0-9]+:' <<<"$errors")"
  if grep -qF "Messages.cs(6,20): error CS0246" <<<"$errors" && grep -qF "Messages.cs(6,27): error CS8400" <<<"$errors" && [ -z "$others" ]; then
    pass "C# 8 consumer: only the compiler's errors on the record's line ('record' unknown, use C# 9), none from generated code"
  else
    echo "$errors"
    fail "C# 8 consumer: expected the compiler's CS0246 and CS8400 on Messages.cs line 6 and no other error"
  fi
fi

# 8, 9. Under Mono: the net472 consumer, then a net472 server (contracts shared with InternalsVisibleTo, records of its
# own) and a .NET 10 client exchanging typed hellos and the server's own disconnect message.
if ensure_mono; then
  consumer "net472 consumer under $(mono --version | head -n 1 | cut -d'(' -f1)exchanged typed hello and disconnect over tcp" "Mono " \
    mono "$here/Consumer/bin/Debug/net472/Consumer.exe"

  if build Shared/Server && build Shared/Client; then
    coproc SERVER { exec timeout 60 mono "$here/Shared/Server/bin/Debug/net472/Server.exe" 2>&1; }
    server_pid=$SERVER_PID
    exec {server_out}<&"${SERVER[0]}"
    client=1
    if read -t 30 -r line <&"$server_out" && [[ "$line" == "listening "* ]]; then
      timeout 60 dotnet "$here/Shared/Client/bin/Debug/net10.0/Client.dll" "${line#listening }"
      client=$?
    else
      echo "the server did not report its port within 30 s: ${line:-nothing}"
    fi
    cat <&"$server_out"
    exec {server_out}<&-
    wait "$server_pid"
    server=$?
    if [ "$client" -eq 0 ] && [ "$server" -eq 0 ]; then
      pass "shared contracts: Server (net472, Mono) and Client (.NET 10) built clean, no CS0436, and exchanged typed messages"
    else
      fail "shared contracts: the client exited $client, the server $server"
    fi
  else
    fail "shared contracts: Server or Client did not build clean (CS0436 or another warning)"
  fi
else
  fail "net472 consumer under Mono: Mono is not available"
  fail "shared contracts under Mono: Mono is not available"
fi

# 10. Native AOT: published from the package and run; records register through the generated module initializer.
if command -v clang >/dev/null || command -v gcc >/dev/null; then
  if dotnet publish "$here/Aot" -nologo -r "$rid" -o "$work/aot" >"$work/build" 2>&1 && ! grep -E 'warning IL[0-9]+' "$work/build" | grep -q Lifeline; then
    consumer "native AOT consumer ($rid): encode, decode, catalog, resolver and socket options" "native AOT" "$work/aot/Aot"
  else
    cat "$work/build"
    fail "the native AOT consumer did not publish clean from the package"
  fi
else
  fail "native AOT consumer: no C toolchain (clang or gcc) to link it"
fi

# 11, 12. Misuse must not build: one diagnostic from the generator, one from the analyzers, each at its exact position.
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
