#!/usr/bin/env python3
"""Which ML.NET trainers give a different model with the core count or from run to run (REPRO014's list).

Builds bench/TrainerThreads and runs it in child processes: with DOTNET_PROCESSOR_COUNT=1, with the machine's cores,
and with DOTNET_PROCESSOR_COUNT=4 (more threads than this 2-core machine has, as on a larger one), several times each,
then with NumberOfThreads = 1 on the same core counts, and with a fixed NumberOfThreads = 4 on 1 and 4 cores. Every run
trains each trainer in a new MLContext(seed: 1) on the same generated data and prints the SHA-256 of the scores it gives
500 test rows, bit for bit.

Usage: python3 bench/trainer_threads.py [repetitions] [--json out.json]
Prints a Markdown table; docs/rules/REPRO014.md keeps the one measured for the rule.
"""
import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT = ROOT / "bench" / "TrainerThreads"


def build():
    subprocess.run(["dotnet", "build", str(PROJECT), "-c", "Release", "-m:1", "-nologo", "-v:q"], check=True)
    return PROJECT / "bin" / "Release" / "net10.0" / "TrainerThreads"


def run(exe, cores, threads):
    env = dict(os.environ)
    env.pop("DOTNET_PROCESSOR_COUNT", None)
    if cores is not None:
        env["DOTNET_PROCESSOR_COUNT"] = str(cores)
    out = subprocess.run([str(exe), threads], env=env, check=True, capture_output=True, text=True).stdout
    results = {}
    for line in out.splitlines():
        if line.startswith("{"):
            record = json.loads(line)
            results[record["trainer"]] = record
    label = f"cores={cores or os.cpu_count()} threads={threads}"
    print(f"  ran {label}", file=sys.stderr, flush=True)
    return results


def largest_difference(runs, trainer):
    """The largest relative difference of one test row's score between any two of the runs."""
    scores = [r[trainer]["scores"] for r in runs if not r[trainer]["error"]]
    worst = 0.0
    for i in range(len(scores[0]) if scores else 0):
        values = [s[i] for s in scores]
        spread = max(values) - min(values)
        scale = max(abs(v) for v in values) or 1.0
        worst = max(worst, spread / scale)
    return worst


def main():
    repetitions = int(sys.argv[1]) if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else 3
    exe = build()
    machine = os.cpu_count()
    default_cores = [None, 4] if machine != 4 else [None, 8]
    one_core = [run(exe, 1, "default") for _ in range(2)]
    many = {c: [run(exe, c, "default") for _ in range(repetitions)] for c in default_cores}
    pinned = {c: [run(exe, c, "1") for _ in range(repetitions)] for c in [None] + default_cores[1:]}
    fixed = {c: [run(exe, c, "4") for _ in range(2)] for c in [1, default_cores[1]]}

    rows = []
    for trainer, first in one_core[0].items():
        def hashes(runs):
            return {r[trainer]["sha256"] for r in runs}

        reference = first["sha256"]
        multi_runs = [r for runs in many.values() for r in runs]
        with_cores = any(hashes(runs) != {reference} for runs in many.values())
        across_runs = any(len(hashes(runs)) > 1 for runs in many.values()) or len(hashes(one_core)) > 1
        if first["hasNumberOfThreads"]:
            pinned_runs = [r for runs in pinned.values() for r in runs]
            stable = "yes" if hashes(pinned_runs) == {reference} else "no"
            if not with_cores and not across_runs:
                stable = "(not needed)" if stable == "yes" else "no"
        else:
            stable = "no option"
        models = " / ".join(str(len(hashes(runs))) for runs in [one_core] + list(many.values()))
        fixed_runs = [r for runs in fixed.values() for r in runs]
        fixed_same = ("same" if len(hashes(fixed_runs)) == 1 else "differ") if first["hasNumberOfThreads"] else "no option"
        rows.append({
            "trainer": trainer,
            "modelsPerCoreCount": models,
            "fixedFourThreads": fixed_same,
            "error": first["error"],
            "numberOfThreads": first["hasNumberOfThreads"],
            "variesWithCores": with_cores,
            "variesAcrossRuns": across_runs,
            "oneThreadStable": stable,
            "largestDifference": largest_difference(one_core + multi_runs, trainer),
        })

    if "--json" in sys.argv:
        Path(sys.argv[sys.argv.index("--json") + 1]).write_text(json.dumps(rows, indent=2))

    counts = ", ".join(f"{c or machine} cores × {len(r)}" for c, r in many.items())
    print(f"Measured {datetime.now(timezone.utc):%Y-%m-%d} on {platform.system()} with {machine} cores; "
          f"1 core × {len(one_core)}, {counts}; NumberOfThreads = 1 × {repetitions} per core count.")
    print()
    cores = " / ".join(str(c) for c in [1] + [c or machine for c in many])
    print(f"| Trainer | NumberOfThreads option | Varied with the core count | Varied across repeated runs | Distinct models in the repeated runs on {cores} cores | NumberOfThreads = 1 gives the one-core model every time | NumberOfThreads = 4 on 1 and 4 cores | Largest score difference |")
    print("|---|---|---|---|---|---|---|---|")
    for row in rows:
        if row["error"]:
            print(f"| {row['trainer']} | | failed: {row['error']} | | | | | |")
            continue
        yes = lambda b: "yes" if b else "no"
        print(f"| {row['trainer']} | {yes(row['numberOfThreads'])} | {yes(row['variesWithCores'])} | "
              f"{yes(row['variesAcrossRuns'])} | {row['modelsPerCoreCount']} | {row['oneThreadStable']} | {row['fixedFourThreads']} | {row['largestDifference']:.1e} |")


if __name__ == "__main__":
    main()
