#!/usr/bin/env python3
"""Checks the README's Dask route: every id comes back once, as tag_jsonl says.

    python3 examples/dask_check.py [--corpora ../shared/eval/corpora] [--repeat 10]

Sets itself up as examples/spark_check.py does (a virtual environment, target/dask-py, with
dask[bag] from PyPI and this checkout's package; the tag_jsonl binary), makes the same input
(the development corpora --repeat times, malformed lines among them) and checks:

- in process: dask.bag.read_text(...).map_partitions(nordic_ner.tag_jsonl_lines)
  .to_textfiles(..., last_endline=True), on the threaded scheduler (the package releases the
  GIL);
- the binary a partition: map_partitions(...) running tag_jsonl --quiet on the partition's
  lines, with check=True so that a failing binary fails the computation;
- every id exactly once in the part files, each line byte for byte tag_jsonl's; the malformed
  lines answered with {"id", "error"};
- without last_endline=True, the part files joined end to end run lines together;
- a binary given a bad flag fails the computation with its exit code.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import spark_check  # noqa: E402  (set-up, input and checks shared with the Spark check)
from spark_check import REPO, check_lines, key_of, log, make_input, read_lines  # noqa: E402


def tag_with_binary(binary, flags=("--quiet",)):
    def tag(lines):
        data = "".join(line if line.endswith("\n") else line + "\n" for line in lines)
        done = subprocess.run([binary, *flags], input=data.encode("utf-8"), capture_output=True)
        if done.returncode != 0:
            raise RuntimeError(f"{binary} exited with code {done.returncode}: "
                               f"{done.stderr.decode('utf-8', 'replace').strip()}")
        return done.stdout.decode("utf-8").splitlines()
    return tag


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpora", default=str(REPO.parent / "shared/eval/corpora"))
    p.add_argument("--repeat", type=int, default=10)
    p.add_argument("--venv", default=str(REPO / "target/dask-py"))
    args = p.parse_args()
    binary = str(spark_check.build_binary())
    if os.environ.get("DASK_CHECK_IN_VENV") != "1":
        python = spark_check.ensure_venv(Path(args.venv).resolve(), ("dask[bag]",),
                                         "import dask.bag")
        env = dict(os.environ, DASK_CHECK_IN_VENV="1")
        os.execve(str(python), [str(python), __file__, *sys.argv[1:]], env)

    import dask
    import dask.bag as db

    import nordic_ner

    work = Path(tempfile.mkdtemp(prefix="dask_check-"))
    inp, _, n_lines = make_input(Path(args.corpora).resolve(), args.repeat, work)
    with open(inp, "rb") as f:
        expected_lines = subprocess.run([binary, "--quiet"], stdin=f, capture_output=True,
                                        check=True).stdout.decode("utf-8").splitlines()
    expected = {key_of(line): line for line in expected_lines}
    log(f"input: {n_lines} lines, {inp.stat().st_size / 1e6:.1f} MB, dask {dask.__version__}, "
        "threaded scheduler, 2 workers")
    problems = []
    routes = {
        "in-process (tag_jsonl_lines)": nordic_ner.tag_jsonl_lines,
        "binary a partition": tag_with_binary(binary),
    }
    with dask.config.set(scheduler="threads", num_workers=2):
        for name, fn in routes.items():
            out = work / name.split()[0]
            start = time.monotonic()
            bag = db.read_text(str(inp), blocksize="2MB").map_partitions(fn)
            bag.to_textfiles(str(out / "*.jsonl"), last_endline=True)
            wall = time.monotonic() - start
            parts = sorted(out.glob("*.jsonl"))
            lines = [line for part in parts for line in part.read_text(encoding="utf-8").splitlines()]
            found = check_lines(name, lines, expected)
            problems += found
            log(f"{name}: {len(parts)} part files, {len(lines)} lines, {wall:.1f} s: "
                + ("ok: every id once, = tag_jsonl" if not found else "FAILED"))
        # The same without last_endline: part files joined end to end.
        out = work / "no-last-endline"
        db.read_text(str(inp), blocksize="2MB").map_partitions(nordic_ner.tag_jsonl_lines) \
            .to_textfiles(str(out / "*.jsonl"))
        joined = b"".join(part.read_bytes() for part in sorted(out.glob("*.jsonl")))
        n = len(joined.decode("utf-8").splitlines())
        log(f"without last_endline=True: {len(list(out.glob('*.jsonl')))} part files joined give "
            f"{n} lines for {n_lines} answers")
        if n == n_lines:
            problems.append("without last_endline the part files did not run together")
        # A failing binary.
        try:
            db.read_text(str(inp), blocksize="2MB") \
                .map_partitions(tag_with_binary(binary, ("--bogus-flag",))).count().compute()
            problems.append("a failing binary did not fail the computation")
        except RuntimeError as e:
            log(f"failing binary: the computation failed: {e}")
            if "exited with code 2" not in str(e):
                problems.append("the failing binary's message is missing")
    shutil.rmtree(work, ignore_errors=True)
    if problems:
        log("PROBLEMS:\n" + "\n".join(problems))
        return 1
    log("dask_check: every id once, byte for byte tag_jsonl's output; the failing binary failed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
