#!/usr/bin/env python3
"""A team's runs at scale: the installed tool timed as processes on N generated runs (issue 28's targets).

For each N given (default 1,000 and 10,000; add 100000 for the full figure), writes N runs modelled on docs/runs.md's
example (100 metric points each, values differing per run as real runs' do) into a clone of a bare repository, then
times, as separate processes of the packed and installed `dotnet repro`, each command with its peak memory:

  the first listing (which builds the index of summaries), runs --limit 20, runs, runs --json, compare (10 named
  runs), report,
  the first push of all runs, a full pull into an empty clone, push of 10 new runs, pull of those 10, a pull of nothing new.

Prints one line per command and N, then the growth of each command's time per 10x of N.

Usage: python3 bench/runs_at_scale.py [N ...]
The tool is packed from this checkout and installed into a temporary folder unless REPRO_BENCH_TOOL names an installed
dotnet-repro. Run it on an otherwise idle machine.
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from benchlib import ROOT, run

POINTS = 100


def example_record():
    text = open(os.path.join(ROOT, "docs", "runs.md"), encoding="utf-8").read()
    block = re.search(r"## Example \(schema version 1\)\n\n```json\n(.*?)\n```", text, re.S).group(1)
    return json.loads(block.replace("…", ""))


def install_tool(work):
    installed = os.environ.get("REPRO_BENCH_TOOL")
    if installed:
        return installed
    feed = os.path.join(work, "feed")
    tools = os.path.join(work, "tools")
    run(["dotnet", "pack", os.path.join(ROOT, "Repro.Build.Packages.slnf"), "-c", "Release", "-o", feed], ROOT, os.environ)
    version = next(m.group(1) for m in (re.fullmatch(r"dotnet-repro\.(.+)\.nupkg", f) for f in os.listdir(feed)) if m)
    run(["dotnet", "tool", "install", "dotnet-repro", "--tool-path", tools, "--add-source", feed, "--version", version], work, os.environ)
    return os.path.join(tools, "dotnet-repro")


def write_runs(runs, first, count, record):
    for i in range(first, first + count):
        run_id = f"20261128-{i // 10000:02d}{i % 10000:04d}-000-{i:06x}"
        record["runId"] = run_id
        record["params"] = {"learningRate": str(0.001 * (i % 50 + 1)), "trainer": "FastTree", "trees": str(100 + i % 7)}
        scale = 1.0 + (i % 997) / 997.0
        points = [(s, scale / (s + 1)) for s in range(POINTS)]
        record["metrics"] = {"loss": {"last": points[-1][1], "step": POINTS - 1, "min": points[-1][1], "max": points[0][1], "count": POINTS}}
        folder = os.path.join(runs, run_id)
        os.makedirs(folder)
        with open(os.path.join(folder, "run.json"), "w", encoding="utf-8") as f:
            json.dump(record, f, indent=2)
        with open(os.path.join(folder, "metrics.jsonl"), "w", encoding="utf-8") as f:
            f.write("".join(f'{{"key":"loss","value":{v!r},"step":{s},"timestamp":{1764314122123 + s}}}\n' for s, v in points))


def measure(command, cwd, env):
    """Wall seconds and peak resident megabytes of one command (and the largest process it started, such as git)."""
    start = time.perf_counter()
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    lines = result.stderr.strip().splitlines()
    if result.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed ({result.returncode}):\n{result.stderr}")
    return wall, int(lines[-1]) / 1024


def git(cwd, *args):
    run(["git"] + list(args), cwd, os.environ)


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000]
    work = tempfile.mkdtemp(prefix="repro-scale-")
    results = {}
    try:
        tool = install_tool(work)
        env = dict(os.environ, DOTNET_CLI_TELEMETRY_OPTOUT="1", DOTNET_NOLOGO="1", GIT_CONFIG_GLOBAL="/dev/null")
        env.pop("REPRO_RUNS_DIR", None)
        record = example_record()
        print(f"{'runs':>7} {'command':32} {'seconds':>8} {'peak MB':>8}", flush=True)
        for n in sizes:
            root = os.path.join(work, str(n))
            remote = os.path.join(root, "team.git")
            os.makedirs(root)
            git(root, "init", "-q", "--bare", "-b", "main", remote)
            alice = os.path.join(root, "alice")
            git(root, "clone", "-q", remote, alice)
            git(alice, "-c", "user.name=a", "-c", "user.email=a@a", "commit", "-q", "--allow-empty", "-m", "code")
            git(alice, "push", "-q", "origin", "main")
            runs = os.path.join(alice, ".repro", "runs")
            write_runs(runs, 0, n, record)
            ids = sorted(os.listdir(runs))
            named = [ids[i * (len(ids) - 1) // 9] for i in range(10)]

            def step(name, args, cwd=alice):
                wall, peak = measure([tool] + args, cwd, env)
                results.setdefault(name, {})[n] = wall
                print(f"{n:7,} {name:32} {wall:8.2f} {peak:8.0f}", flush=True)

            step("first push (all runs)", ["push"])
            step("first listing (builds the index)", ["runs", "--limit", "20"])
            step("runs --limit 20", ["runs", "--limit", "20"])
            step("runs", ["runs"])
            step("runs --json", ["runs", "--json"])
            step("compare 10 named runs", ["compare"] + named)
            step("report", ["report", "--out", os.path.join(root, "report.html")])
            bob = os.path.join(root, "bob")
            git(root, "clone", "-q", remote, bob)
            step("full pull (empty clone)", ["pull"], bob)
            write_runs(runs, n, 10, record)
            step("push 10 new runs", ["push"])
            step("pull 10 new runs", ["pull"], bob)
            step("pull (nothing new)", ["pull"], bob)
            shutil.rmtree(root, ignore_errors=True)
        if len(sizes) > 1:
            print("\ngrowth of each command's time per 10x more runs")
            for name, by_size in results.items():
                ordered = sorted(by_size.items())
                growth = [(b[1] / a[1]) ** (1 / max(1e-9, __import__('math').log10(b[0] / a[0]))) for a, b in zip(ordered, ordered[1:])]
                print(f"  {name:32} " + "  ".join(f"{g:5.2f}x" for g in growth))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
