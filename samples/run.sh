#!/usr/bin/env bash
# The main job: packs Repro.Build, builds the ML.NET sample through PackageReference as a user would, trains the
# model, and shows where the manifest is and what Repro.Build warned about.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

version="$(dotnet msbuild src/Repro.Build/Repro.Build.csproj -getProperty:PackageVersion)"
echo "==> Packing Repro.Build $version into artifacts/packages"
dotnet pack src/Repro.Build/Repro.Build.csproj -c Release -o artifacts/packages -nologo -v:q

# A repacked package keeps its version: drop the copy NuGet cached earlier so the sample gets this one.
global_packages="$(dotnet nuget locals global-packages --list | sed 's/^global-packages: //')"
rm -rf "${global_packages%/}/repro.build/$version"

echo "==> Building samples/MachineFailure"
build_log="$(mktemp)"
trap 'rm -f "$build_log"' EXIT
dotnet build samples/MachineFailure -c Release -nologo -v:m -tl:off -clp:NoSummary --no-incremental | tee "$build_log"

echo "==> Training"
dotnet run --project samples/MachineFailure -c Release --no-build

manifest="samples/MachineFailure/bin/Release/net10.0/MachineFailure.repro.json"
echo
echo "==> Manifest: $repo/$manifest"
head -n 20 "$manifest"
echo "  ..."
echo
echo "==> Repro.Build warnings:"
grep -E 'warning REPRO[0-9]+' "$build_log" | sort -u || echo "  (none)"
