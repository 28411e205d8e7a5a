#!/usr/bin/env python3
"""Build overhead of Repro.Build on the ML.NET sample, measured against the same project without it, in one run.

Packs Repro.Build, makes two copies of samples/MachineFailure in a throwaway git repository (one with the package,
one without), then times, interleaved so that machine noise hits both alike:
  - the no-op incremental build (dotnet build --no-restore, nothing changed)
  - the full rebuild (dotnet build --no-restore --no-incremental)
and prints medians, the overhead in milliseconds and the ratio.

Usage: python3 bench/build_overhead.py [runs]     (default 10)
"""
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from benchlib import ROOT, run, timed

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 10



def main():
    work = tempfile.mkdtemp(prefix="repro-bench-")
    env = dict(os.environ)
    env.update({"DOTNET_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_NOLOGO": "1", "NUGET_PACKAGES": os.path.join(work, "packages")})
    try:
        feed = os.path.join(work, "feed")
        print("Packing Repro.Build ...", flush=True)
        # The version comes from version.json and git (Nerdbank.GitVersioning); the label marks this run's package.
        version = run(["dotnet", "pack", os.path.join(ROOT, "src", "Repro.Build", "Repro.Build.csproj"), "-c", "Release", "-o", feed,
                       "-p:ReproVersionLabel=bench-" + time.strftime("%Y%m%d-%H%M%S"), "-nologo", "-getProperty:PackageVersion"],
                      ROOT, dict(os.environ)).strip().splitlines()[-1]
        print(f"Packed Repro.Build {version}", flush=True)

        user_packages = os.environ.get("NUGET_PACKAGES") or os.path.join(os.path.expanduser("~"), ".nuget", "packages")
        repo = os.path.join(work, "repo")
        os.makedirs(repo)
        with open(os.path.join(repo, "NuGet.Config"), "w") as f:
            f.write(f"""<configuration><packageSources><add key="bench" value="{feed}" /></packageSources>
<fallbackPackageFolders><add key="user" value="{user_packages}" /></fallbackPackageFolders></configuration>""")
        with open(os.path.join(repo, ".gitignore"), "w") as f:
            f.write("bin/\nobj/\n")

        sample = os.path.join(ROOT, "samples", "MachineFailure")
        projects = {}
        for variant in ("with", "without"):
            target = os.path.join(repo, variant)
            shutil.copytree(sample, target, ignore=shutil.ignore_patterns("bin", "obj"))
            project_file = os.path.join(target, "MachineFailure.csproj")
            text = open(project_file).read()
            reference = '<PackageReference Include="Repro.Build" Version="$(SampleReproBuildVersion)" PrivateAssets="all" />'
            assert reference in text, "the sample's package reference changed; update the benchmark"
            text = text.replace(reference, f'<PackageReference Include="Repro.Build" Version="{version}" PrivateAssets="all" />' if variant == "with" else "")
            # The guard that asks for samples/run.sh's version property: both copies name their version (or none) here.
            text, guards = re.subn(r'\s*<Target Name="_SampleRequiresReproBuildVersion".*?</Target>', "", text, flags=re.S)
            assert guards == 1, "the sample's version guard changed; update the benchmark"
            open(project_file, "w").write(text)
            if variant == "without":
                # The sample logs ReproBuildInfo; without the package, a hand-written stand-in keeps it compiling.
                with open(os.path.join(target, "ReproBuildInfoStandIn.cs"), "w") as f:
                    f.write("internal static class ReproBuildInfo { public const string Fingerprint = null; "
                            "public const string Commit = null; public static readonly bool? Dirty = null; public const string Seed = null; }\n")
            projects[variant] = target

        git_env = dict(env, GIT_AUTHOR_NAME="Bench", GIT_AUTHOR_EMAIL="b@example.com", GIT_COMMITTER_NAME="Bench", GIT_COMMITTER_EMAIL="b@example.com")
        run(["git", "init", "-q", "-b", "main"], repo, git_env)
        run(["git", "add", "-A"], repo, git_env)
        run(["git", "commit", "-q", "-m", "bench"], repo, git_env)

        build = ["dotnet", "build", "--no-restore", "-nologo", "-v:q", "-tl:off", "-c", "Release"]
        for variant, directory in projects.items():
            run(["dotnet", "restore", "-nologo", "-v:q"], directory, env)
            for _ in range(2):
                timed(build, directory, env)  # warm up: JIT, build servers, file cache

        results = {}
        for label, args in (("no-op incremental build", build), ("full rebuild", build + ["--no-incremental"])):
            samples = {"with": [], "without": []}
            for _ in range(RUNS):
                for variant in ("without", "with"):
                    samples[variant].append(timed(args, projects[variant], env))
            results[label] = samples

        manifest = os.path.join(projects["with"], "bin", "Release", "net10.0", "MachineFailure.repro.json")
        assert os.path.exists(manifest), "the manifest was not written"
        assert not os.path.exists(manifest.replace("with", "without")), "the baseline project must not have a manifest"

        print()
        print(f"Sample: samples/MachineFailure (ML.NET), {RUNS} runs each, medians; machine: {os.cpu_count()} cores")
        print(f"{'':26} {'without ms':>11} {'with ms':>9} {'overhead ms':>12} {'ratio':>7}")
        for label, samples in results.items():
            without = statistics.median(samples["without"])
            with_ = statistics.median(samples["with"])
            print(f"{label:26} {without:11.0f} {with_:9.0f} {with_ - without:12.0f} {with_ / without:7.3f}")
    finally:
        subprocess.run(["dotnet", "build-server", "shutdown"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
