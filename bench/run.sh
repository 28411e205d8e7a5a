#!/usr/bin/env bash
# Runs every benchmark and prints its figures; results go into docs/performance.md by hand.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "== Build overhead on the sample (with vs without Repro.Build)"
python3 bench/build_overhead.py "${1:-10}"
echo
echo "== Manifest step alone, repository with 10,000 tracked files"
dotnet run --project bench/Repro.Build.Benchmarks -c Release -- 10000 15
echo
echo "== Data hashing (1 GiB file vs sha256sum), warm hash cache over 10,000 files, environment probe"
dotnet run --project bench/Repro.Build.Benchmarks -c Release -- data 1024
echo
echo "== Repro.Runs: LogMetric (1,000,000 points), Start with 10,000 data files (BenchmarkDotNet, short job)"
dotnet run --project bench/Repro.Build.Benchmarks -c Release -- runs
echo
echo "== Autologging: an intercepted call with no run, one system-metrics sample (BenchmarkDotNet, short job)"
dotnet run --project bench/Repro.Build.Benchmarks -c Release -- autolog
echo
echo "== Analyzers on a generated project of about 100,000 lines (-p:ReportAnalyzer=true)"
python3 bench/analyzer_overhead.py
echo
echo "== dotnet repro: show and diff, start-up included, against a hello-world app"
python3 bench/tool_startup.py
echo
echo "== dotnet repro reproduce on the sample, against its build and training by hand"
python3 bench/reproduce_cost.py "${2:-5}"
