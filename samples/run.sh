#!/usr/bin/env bash
# The main job: packs Repro.Build and Repro.Runs, builds the ML.NET sample through PackageReference as a user would,
# trains the model, and shows where the manifest and the run record are and what Repro.Build and Repro.Runs warned about.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

# Every build of the packages has a version of its own (version.json, Nerdbank.GitVersioning; uncommitted changes add
# a "dirty.<time>" label), so the sample restores exactly the packages packed here and nothing NuGet cached before.
# One pack of Repro.Build.Packages.slnf makes Repro.Build, Repro.Runs and the Repro.Build.Core that Repro.Runs pins.
echo "==> Packing Repro.Build and Repro.Runs into artifacts/packages"
packed="$(mktemp -d)"
trap 'rm -rf "$packed"' EXIT
if ! pack_output="$(dotnet pack Repro.Build.Packages.slnf -c Release -o "$packed" -nologo 2>&1)"; then
  echo "$pack_output" >&2
  exit 1
fi
mkdir -p artifacts/packages
cp "$packed"/*.nupkg artifacts/packages/
package_version() { local file; file="$(cd "$packed" && ls "$1".[0-9]*.nupkg)"; file="${file#"$1".}"; echo "${file%.nupkg}"; }
version="$(package_version Repro.Build)"
runs_version="$(package_version Repro.Runs)"
echo "    Repro.Build $version"
echo "    Repro.Runs  $runs_version"

echo "==> Building samples/MachineFailure"
build_log="$(mktemp)"
run_log="$(mktemp)"
trap 'rm -rf "$packed" "$build_log" "$run_log"' EXIT
dotnet build samples/MachineFailure -c Release -p:SampleReproBuildVersion="$version" -p:SampleReproRunsVersion="$runs_version" -nologo -v:m -tl:off -clp:NoSummary --no-incremental | tee "$build_log"

echo "==> Training"
# From the project folder, as 'dotnet run' does: the sample reads data/sensors.csv there.
(cd samples/MachineFailure && dotnet run -c Release --no-build --property:SampleReproBuildVersion="$version" --property:SampleReproRunsVersion="$runs_version") 2>&1 | tee "$run_log"

manifest="samples/MachineFailure/bin/Release/net10.0/MachineFailure.repro.json"
echo
echo "==> Manifest: $repo/$manifest"
head -n 20 "$manifest"
echo "  ..."
echo
echo "==> Repro.Build warnings:"
grep -E 'warning REPRO[0-9]+' "$build_log" | sort -u || echo "  (none)"
echo
run_record="$(sed -n 's/^Run: *//p' "$run_log")"
echo "==> Run record: $run_record (metrics.jsonl beside it)"
head -n 12 "$run_record"
echo "  ..."
echo
echo "==> Repro.Runs warnings (change data/sensors.csv and run again without building to see REPRO401):"
grep -E 'warning REPRO4[0-9]+' "$run_log" | sort -u || echo "  (none)"
