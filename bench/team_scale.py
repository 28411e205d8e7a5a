#!/usr/bin/env python3
"""How `dotnet repro runs` scales: 10,000 runs with 1,000 metric points each (issue target: under 2 s, start-up included).

Writes N run folders (a run.json modelled on docs/runs.md's example, grown to the size of a real record with an
embedded build manifest of 60 packages and an environment section, plus a metrics.jsonl of 1,000 points), then times the
built tool (src/Repro.Tool, Release) listing them, filtering by a parameter and a metric threshold, sorting by a metric,
and grouping by fingerprint, and comparing 2 and 10 of them (`dotnet repro compare`, which reads only the runs it is
given: exit code 1, they differ). Prints medians of 3 runs.

Usage: python3 bench/team_scale.py [runs]      (default 10,000; build the tool first: dotnet build src/Repro.Tool -c Release)
Set REPRO_BENCH_TOOL to the path of an installed dotnet-repro (dotnet tool install --tool-path) to time the packaged
tool, whose assemblies are ReadyToRun; the built one is IL only and JIT-compiles its start-up.
"""
import glob
import json
import os
import re
import shutil
import statistics
import sys
import tempfile

from benchlib import ROOT, run, timed

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 10000


def example_record():
    text = open(os.path.join(ROOT, "docs", "runs.md"), encoding="utf-8").read()
    block = re.search(r"## Example \(schema version 1\)\n\n```json\n(.*?)\n```", text, re.S).group(1)
    record = json.loads(block.replace("…", ""))
    record["build"]["manifest"]["dependencies"] = {"packages": [
        {"id": f"Package.Number{i}", "version": f"{i}.0.{i}", "sha512": "A" * 88, "direct": i < 10, "source": "https://example.invalid/v3/index.json"}
        for i in range(60)]}
    record["environment"]["variables"] = {f"VARIABLE_{i}": "value-" + "x" * 40 for i in range(20)}
    return record


def main():
    installed = os.environ.get("REPRO_BENCH_TOOL")
    tools = sorted(glob.glob(os.path.join(ROOT, "src", "Repro.Tool", "bin", "Release", "*", "dotnet-repro.dll")),
                   key=lambda path: float(os.path.basename(os.path.dirname(path))[3:]), reverse=True)
    if not installed and not tools:
        sys.exit("Build the tool first: dotnet build src/Repro.Tool -c Release")
    tool = [installed] if installed else ["dotnet", tools[0]]  # the newest target framework
    work = tempfile.mkdtemp(prefix="repro-bench-team-")
    try:
        runs = os.path.join(work, "runs")
        record = example_record()
        metrics = "".join(f'{{"key":"loss","value":{1.0 / (s + 1)!r},"step":{s},"timestamp":1764314122123}}\n' for s in range(1000))
        for i in range(RUNS):
            run_id = f"20261128-{i // 1000:02d}{i % 1000:04d}-000-{i:06x}"
            record["runId"] = run_id
            record["params"] = {"learningRate": str(0.001 * (i % 50 + 1)), "trainer": "FastTree", "trees": str(100 + i % 7)}
            record["metrics"] = {"accuracy": {"last": (i % 1000) / 1000.0, "step": 999, "min": 0.1, "max": 0.99, "count": 1000},
                                 "loss": {"last": 1.0 / (i + 1), "step": 999, "min": 0.001, "max": 1.0, "count": 1000}}
            record["build"]["fingerprint"] = "sha256:" + format(i % 20, "064x")
            folder = os.path.join(runs, run_id)
            os.makedirs(folder)
            with open(os.path.join(folder, "run.json"), "w", encoding="utf-8") as f:
                json.dump(record, f, indent=2)
            with open(os.path.join(folder, "metrics.jsonl"), "w", encoding="utf-8") as f:
                f.write(metrics)
        size = os.path.getsize(os.path.join(folder, "run.json"))
        env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1")
        cases = [
            ("list every run (--json)", ["runs", "--json"]),
            ("list every run (table)", ["runs"]),
            ("--param learningRate=0.01", ["runs", "--param", "learningRate=0.01", "--json"]),
            ("--metric accuracy>=0.9 --sort accuracy --desc", ["runs", "--metric", "accuracy>=0.9", "--sort", "accuracy", "--desc"]),
            ("--group-by-fingerprint", ["runs", "--group-by-fingerprint"]),
        ]
        ids = sorted(os.listdir(runs))
        spread = [ids[i * (len(ids) - 1) // 9] for i in range(10)]
        compares = [
            ("compare 2 runs (full ids)", ["compare", spread[0], spread[-1]]),
            ("compare 2 runs (--json)", ["compare", spread[0], spread[-1], "--json"]),
            ("compare 2 runs (id prefixes)", ["compare", spread[0][:19], spread[-1][:19]]),
            ("compare 10 runs", ["compare"] + spread),
        ]
        print(f"{RUNS:,} runs (run.json {size:,} bytes each, 1,000 metric points each) in {runs}")
        print(f"{'command':50} {'median ms':>10}")
        for name, args in cases:
            command = tool + args + ["--runs-dir", runs]
            timed(command, work, env)  # warm the file cache
            print(f"{name:50} {statistics.median(timed(command, work, env) for _ in range(3)):10.0f}", flush=True)
        for name, args in compares:
            command = tool + args + ["--runs-dir", runs]
            timed(command, work, env, check=False)
            print(f"{name:50} {statistics.median(timed(command, work, env, check=False) for _ in range(3)):10.0f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
