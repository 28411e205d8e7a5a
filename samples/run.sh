#!/usr/bin/env bash
# The main job: packs Repro.Build, builds the ML.NET sample through PackageReference as a user would, trains the
# model, and shows where the manifest is and what Repro.Build warned about.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# Every build of Repro.Build has a version of its own (version.json, Nerdbank.GitVersioning; uncommitted changes add a
# "dirty.<time>" label), so the sample restores exactly the package packed here and nothing that NuGet cached before.
echo "==> Packing Repro.Build into artifacts/packages"
if ! pack_output="$(dotnet pack src/Repro.Build/Repro.Build.csproj -c Release -o artifacts/packages -nologo -getProperty:PackageVersion 2>&1)"; then
  echo "$pack_output" >&2
  exit 1
fi
version="$(printf '%s\n' "$pack_output" | tail -n 1)"
echo "    Repro.Build $version"

echo "==> Building samples/MachineFailure"
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
dotnet build samples/MachineFailure -c Release -p:SampleReproBuildVersion="$version" -nologo -v:m -tl:off -clp:NoSummary --no-incremental | tee "$build_log"

echo "==> Training"
dotnet run --project samples/MachineFailure -c Release --no-build --property:SampleReproBuildVersion="$version"

manifest="samples/MachineFailure/bin/Release/net10.0/MachineFailure.repro.json"
echo
echo "==> Manifest: $repo/$manifest"
head -n 20 "$manifest"
echo "  ..."
echo
echo "==> Repro.Build warnings:"
grep -E 'warning REPRO[0-9]+' "$build_log" | sort -u || echo "  (none)"
