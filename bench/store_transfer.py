#!/usr/bin/env python3
"""The store's transfers against rclone (issue target: `data push`/`data pull` at least as fast as `rclone copy` to the
same S3-compatible server, in bounded memory).

Starts s3rver (tests/servers, `npm ci --prefix tests/servers` first) on a free port, then for each data set — one large
file, and many small files — times, side by side in the same run and against the same server:
  - `dotnet repro data push` (the built tool, Release) of a manifest that lists the files, into an empty bucket;
  - `rclone copy` of the same folder into another empty bucket (Debian's rclone: apt-get install rclone);
  - `dotnet repro data pull` into a clone with an empty cache, and `rclone copy` back into an empty folder.
Prints wall times, the ratio ours/rclone and each process's peak resident memory (getrusage of the child).
The run counts for the cache too: `data push` copies each file into the local cache as it hashes it, which rclone
does not do, and `data pull` hashes every object as it arrives and places the file from the cache.

Usage: python3 bench/store_transfer.py [large_MiB] [small_count]   (default 1024 and 10000; small files are 10 KB)
"""
import hashlib
import json
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from benchlib import ROOT, run

LARGE_MIB = int(sys.argv[1]) if len(sys.argv) > 1 else 1024
SMALL_COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
KEY = "S3RVER"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def measured(args, cwd, env):
    """Wall seconds and the peak resident MiB of the command (the largest child's, from getrusage)."""
    pid = os.fork()
    if pid == 0:
        os.chdir(cwd)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvpe(args[0], args, env)
    start = time.perf_counter()
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(args)} failed with {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_maxrss / 1024


def sha256_of(path):
    """Streamed: this process stays small, since Linux carries a parent's peak resident size into the children it forks."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def manifest(files):
    """A manifest whose one data item is the folder data/ (as the build writes it): files by path, size and SHA-256."""
    text = open(os.path.join(ROOT, "docs", "manifest.md"), encoding="utf-8").read()
    document = json.loads(re.search(r"```json\n(\{\n  \"schemaVersion\".*?\n\})\n```", text, re.S).group(1))
    lines = b"".join(name[len("data/"):].encode() + b"\0" + sha.encode() + b"\n" for name, sha, _ in sorted(files))
    document["project"]["name"] = "Trainer"
    document["data"] = {"items": [{"name": "data/", "sha256": hashlib.sha256(lines).hexdigest(), "fileCount": len(files),
                                   "size": sum(size for _, _, size in files), "exists": True,
                                   "files": [{"path": name, "sha256": sha, "size": size} for name, sha, size in files]}]}
    return document


def clone(work, name, files_of, document, endpoint, bucket):
    folder = os.path.join(work, name)
    os.makedirs(os.path.join(folder, "bin", "Release", "net10.0"))
    run(["git", "init", "-q", folder], work, os.environ)
    with open(os.path.join(folder, "Trainer.csproj"), "w") as f:
        f.write('<Project Sdk="Microsoft.NET.Sdk" />')
    with open(os.path.join(folder, "bin", "Release", "net10.0", "Trainer.repro.json"), "w") as f:
        json.dump(document, f)
    os.makedirs(os.path.join(folder, ".repro"))
    with open(os.path.join(folder, ".repro", "config.json"), "w") as f:
        json.dump({"defaultRemote": "s3", "remotes": {"s3": {"url": f"s3://{bucket}/p", "endpoint": endpoint, "pathStyle": True}}}, f)
    if files_of:
        shutil.copytree(files_of, os.path.join(folder, "data"))
    return folder


def main():
    if not shutil.which("rclone"):
        sys.exit("rclone is needed: apt-get install rclone")
    servers = os.path.join(ROOT, "tests", "servers")
    if not os.path.isdir(os.path.join(servers, "node_modules", "s3rver")):
        sys.exit("npm ci --prefix tests/servers first")
    tools = sorted(p for p in [os.path.join(ROOT, "src", "Repro.Tool", "bin", "Release", "net10.0", "dotnet-repro.dll")] if os.path.exists(p))
    if not tools:
        sys.exit("Build the tool first: dotnet build src/Repro.Tool -c Release")
    tool = ["dotnet", tools[0]]
    work = tempfile.mkdtemp(prefix="repro-bench-store-")
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(["node", "--openssl-legacy-provider", os.path.join("node_modules", "s3rver", "bin", "s3rver.js"), "--address",
                               "127.0.0.1", "--port", str(port), "--directory", os.path.join(work, "s3"), "--silent"], cwd=servers)
    # A plain-HTTP local server: a CA bundle set for the machine's proxies (AWS_CA_BUNDLE) only stops rclone's S3 client.
    env = dict((k, v) for k, v in os.environ.items() if k != "AWS_CA_BUNDLE")
    env = dict(env, AWS_ACCESS_KEY_ID=KEY, AWS_SECRET_ACCESS_KEY=KEY, AWS_REGION="us-east-1", DOTNET_CLI_TELEMETRY_OPTOUT="1",
               RCLONE_CONFIG_BENCH_TYPE="s3", RCLONE_CONFIG_BENCH_PROVIDER="Other", RCLONE_CONFIG_BENCH_ACCESS_KEY_ID=KEY,
               RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY=KEY, RCLONE_CONFIG_BENCH_ENDPOINT=endpoint, RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE="true")
    try:
        time.sleep(2)
        sets = []
        large = os.path.join(work, "large")
        os.makedirs(large)
        with open(os.path.join(large, "big.bin"), "wb") as f:
            for _ in range(LARGE_MIB):
                f.write(os.urandom(1 << 20))
        sets.append((f"1 file of {LARGE_MIB} MiB", large))
        small = os.path.join(work, "small")
        os.makedirs(small)
        for i in range(SMALL_COUNT):
            with open(os.path.join(small, f"{i:05d}.bin"), "wb") as f:
                f.write(os.urandom(10_000))
        sets.append((f"{SMALL_COUNT} files of 10 KB", small))

        print(f"{'data set':<24} {'operation':<6} {'repro s':>9} {'rclone s':>9} {'ratio':>6} {'repro MiB':>10} {'rclone MiB':>10}")
        for index, (label, folder) in enumerate(sets):
            files = [("data/" + name, sha256_of(os.path.join(folder, name)), os.path.getsize(os.path.join(folder, name)))
                     for name in sorted(os.listdir(folder))]
            document = manifest(files)
            bucket, mirror = f"repro{index}", f"rclone{index}"
            for b in (bucket, mirror):
                run(["rclone", "mkdir", f"bench:{b}"], work, env)
            a = clone(work, f"a{index}", folder, document, endpoint, bucket)
            b = clone(work, f"b{index}", None, document, endpoint, bucket)
            ours_push = measured(tool + ["data", "push", "--json"], a, env)
            theirs_push = measured(["rclone", "copy", "--s3-no-check-bucket", folder, f"bench:{mirror}/p"], work, env)
            ours_pull = measured(tool + ["data", "pull", "--json"], b, env)
            back = os.path.join(work, f"back{index}")
            theirs_pull = measured(["rclone", "copy", f"bench:{mirror}/p", back], work, env)
            for name, sha, _ in files:
                assert sha256_of(os.path.join(b, name)) == sha, name
            for op, ours, theirs in (("push", ours_push, theirs_push), ("pull", ours_pull, theirs_pull)):
                print(f"{label:<24} {op:<6} {ours[0]:>9.2f} {theirs[0]:>9.2f} {ours[0] / theirs[0]:>6.2f} {ours[1]:>10.0f} {theirs[1]:>10.0f}")
    finally:
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
