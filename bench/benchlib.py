"""What the benchmark scripts share: the repository root, running a command, and timing one."""
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(args, cwd, env, check=True):
    """Runs a command and returns its output; exits with the output when it fails and check is set."""
    result = subprocess.run(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check and result.returncode != 0:
        sys.exit(f"{' '.join(args)} failed:\n{result.stdout}")
    return result.stdout


def timed(args, cwd, env, check=True):
    """Runs a command and returns its wall time in milliseconds (check=False: a non-zero exit code is an answer, not a failure)."""
    start = time.perf_counter()
    run(args, cwd, env, check)
    return (time.perf_counter() - start) * 1000
