#!/usr/bin/env python3
"""Checks the README's Spark recipes in local mode: every id comes back once, as tag_jsonl says.

    python3 examples/spark_check.py [--corpora ../shared/eval/corpora] [--repeat 10]

What it does, from a machine with the Rust toolchain and Python 3.9+:

1. Sets itself up: a virtual environment (target/spark-py; --venv) with PySpark 4, pyarrow and
   pandas from PyPI and this repository's Python package (pip install ./python), Java 17 from
   Debian (apt-get install openjdk-17-jre-headless) when no java is on the PATH, and the
   tag_jsonl binary (cargo build --release --features serde --example tag_jsonl). It then runs
   again inside the environment.
2. Makes the input: the sentences of every development corpus (score.py texts), --repeat times
   with ids made unique, plus malformed lines (not JSON, cut-off JSON, no text, a text that is
   not a string, a lone surrogate, a line with no id at all).
3. Runs each route in a Spark session of its own (local[2], in a fresh process, so that its CPU
   time is the user + sys time of that process tree, read from /proc every 50 ms: the driver,
   the JVM, the Python workers and the tag_jsonl processes they start):
   - rdd-pipe: sc.textFile(...).pipe(BINARY --quiet, checkCode=True), raw lines;
   - rdd-inprocess: sc.textFile(...).mapPartitions(nordic_ner.iter_tag_jsonl), the package
     in the Python workers;
   - arrow-subprocess: spark.read.text(...).mapInArrow(...) starting the binary a partition,
     with stdin closed even when feeding fails and a nonzero exit raised as an error;
   - arrow-inprocess-lines: spark.read.text(...).mapInArrow(...) with
     nordic_ner.tag_jsonl_lines, no subprocess;
   - arrow-inprocess-columns: a DataFrame of id and text columns, mapInArrow with
     Tagger.tag_batch_json (the Spark Connect recipe of the README);
   - baseline: spark.read.text(...).write.text(...), Spark's own cost of reading and writing.
   It also times tag_jsonl --threads 1 on the same file, outside Spark.
4. Checks every route's output: every id exactly once, and each output line (or mentions
   column) byte for byte tag_jsonl's, malformed lines answered with {"id", "error"}.
5. Checks failures: a binary given a bad flag fails the job with its exit code and message
   (rdd-pipe with checkCode=True, arrow-subprocess), where RDD.pipe without checkCode returns
   no rows and no error; and the README's former recipe (json.loads before pipe) on a
   malformed line hangs until the check cancels it (--hang-timeout seconds; 0 skips this).

Exits nonzero if any check fails.
"""

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

MALFORMED = [
    "this line is not JSON",  # no id can be read: answered with "id": null
    '{"id": "bad:cut", "text": "Norge og Sver',
    '{"id": "bad:no-text"}',
    '{"id": "bad:number", "text": 5}',
    '{"id": "bad:surrogate", "text": "lone \\ud800 in Norge"}',
]

# The user's helper for the DataFrame/Connect route with the binary (the README's recipe).
SUBPROCESS_HELPER = r'''
def pipe_partition(command, batches):
    """Yields the command's output lines for the partition's lines (column 0), one
    RecordBatch at a time. stdin is closed whatever happens while feeding, so the command
    never waits for more; a nonzero exit fails the task with the command's stderr."""
    import subprocess, threading
    import pyarrow as pa

    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    failed, stderr = [], []

    def feed():
        try:
            for batch in batches:
                for line in batch.column(0).to_pylist():
                    if line is not None:
                        proc.stdin.write(line.encode("utf-8") + b"\n")
        except BaseException as e:  # reported below, after the command has stopped
            failed.append(e)
        finally:
            try:
                proc.stdin.close()
            except OSError:
                pass

    threads = [threading.Thread(target=feed, daemon=True),
               threading.Thread(target=lambda: stderr.append(proc.stderr.read()), daemon=True)]
    for t in threads:
        t.start()
    try:
        out = []
        for raw in proc.stdout:
            out.append(raw.rstrip(b"\n").decode("utf-8"))
            if len(out) == 8192:
                yield pa.RecordBatch.from_pydict({"line": out})
                out = []
        code = proc.wait()
        for t in threads:
            t.join()
        if code != 0:
            message = b"".join(stderr).decode("utf-8", "replace").strip()
            raise RuntimeError(f"{command[0]} exited with code {code}: {message}")
        if failed:
            raise failed[0]
        if out:
            yield pa.RecordBatch.from_pydict({"line": out})
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
'''


def log(*args):
    print(*args, flush=True)


def run(cmd, **kwargs):
    log("+", " ".join(shlex.quote(str(c)) for c in cmd))
    return subprocess.run(cmd, check=True, **kwargs)


# ---------------------------------------------------------------- set-up (outside the venv)


def ensure_java():
    if shutil.which("java"):
        return
    if not shutil.which("apt-get"):
        sys.exit("no java on the PATH and no apt-get to install it: install Java 17")
    run(["apt-get", "update", "-q"])
    run(["apt-get", "install", "-y", "-q", "openjdk-17-jre-headless"])


def ensure_venv(venv: Path, requirements=("pyspark>=4,<5", "pyarrow", "pandas<3"),
                probe="import pyspark, pyarrow, pandas; assert pyspark.__version__ >= '4'; "
                      "assert pandas.__version__ < '3'"):
    """The virtual environment with `requirements` (PySpark 4.3 warns that it does not support
    pandas 3 yet) and this checkout's package; its python."""
    python = venv / "bin" / "python"
    if not python.exists():
        run([sys.executable, "-m", "venv", str(venv)])
    if subprocess.run([str(python), "-c", probe], capture_output=True).returncode != 0:
        run([str(python), "-m", "pip", "install", "-q", *requirements])
    # The package of this checkout (cargo reuses its build when nothing changed).
    run([str(python), "-m", "pip", "install", "-q", str(REPO / "python")])
    return python


def build_binary() -> Path:
    run(["cargo", "build", "-q", "--release", "--features", "serde", "--example", "tag_jsonl"],
        cwd=REPO)
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    binary = (target / "release/examples/tag_jsonl").resolve()
    if not binary.is_file():
        sys.exit(f"{binary} was not built")
    return binary


# ---------------------------------------------------------------- routes (one process each)


def spark_session(name, input_bytes, partitions):
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    return (
        SparkSession.builder.master("local[2]")
        .appName(name)
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .config("spark.sql.shuffle.partitions", str(partitions))
        # DataFrame reads split the file into about `partitions` parts, as textFile does.
        .config("spark.sql.files.maxPartitionBytes", str(input_bytes // partitions + 1))
        .getOrCreate()
    )


def route_rdd_pipe(spark, inp, out, binary, partitions):
    # The README's safe recipe: raw lines (nothing in Python can fail while feeding the
    # command), the binary by its full path, checkCode so that a failing binary fails the job.
    lines = spark.sparkContext.textFile(inp, minPartitions=partitions)
    tagged = lines.pipe(f"{shlex.quote(binary)} --quiet", checkCode=True)
    tagged.saveAsTextFile(out)


def route_rdd_inprocess(spark, inp, out, binary, partitions):
    # The same lines through the package in the Python workers: no subprocess, no pipe.
    import nordic_ner

    lines = spark.sparkContext.textFile(inp, minPartitions=partitions)
    lines.mapPartitions(nordic_ner.iter_tag_jsonl).saveAsTextFile(out)


def route_arrow_subprocess(spark, inp, out, binary, partitions, flags=("--quiet",)):
    scope = {}
    exec(SUBPROCESS_HELPER, scope)
    pipe_partition = scope["pipe_partition"]
    command = [binary, *flags]
    df = spark.read.text(inp)
    tagged = df.mapInArrow(lambda batches: pipe_partition(command, batches), "line string")
    tagged.write.mode("overwrite").text(out)


def route_arrow_inprocess_lines(spark, inp, out, binary, partitions):
    def tag_lines(batches):
        import pyarrow as pa

        import nordic_ner

        for batch in batches:
            lines = [line for line in batch.column(0).to_pylist() if line is not None]
            yield pa.RecordBatch.from_pydict({"line": nordic_ner.tag_jsonl_lines(lines)})

    df = spark.read.text(inp)
    df.mapInArrow(tag_lines, "line string").write.mode("overwrite").text(out)


def route_arrow_inprocess_columns(spark, inp, out, binary, partitions):
    # The README's Spark Connect recipe: a table of id and text, mentions as a JSON column.
    def tag_texts(batches):
        import pyarrow as pa

        import nordic_ner

        tagger = nordic_ner.Tagger()
        for batch in batches:
            mentions = tagger.tag_batch_json(batch.column("text"))
            yield pa.RecordBatch.from_arrays(
                [batch.column("id"), pa.array(mentions, pa.string())], names=["id", "mentions"]
            )

    df = spark.read.schema("id string, text string").json(inp)
    tagged = df.mapInArrow(tag_texts, "id string, mentions string")
    tagged.write.mode("overwrite").parquet(out)


def route_baseline(spark, inp, out, binary, partitions):
    spark.read.text(inp).write.mode("overwrite").text(out)


def route_failures(spark, inp, out, binary, partitions):
    """Runs the failing cases; writes what happened as JSON to `out`."""
    sc = spark.sparkContext
    report = {}
    small = sc.textFile(inp, minPartitions=2)

    def first_line(e):
        text = str(e)
        for line in text.splitlines():
            if "exited" in line or "error code" in line or "unknown argument" in line:
                return line.strip()
        return text.strip().splitlines()[0] if text.strip() else repr(e)

    # 1. A failing binary with checkCode=True: the job fails, naming the exit code.
    try:
        n = small.pipe(f"{shlex.quote(binary)} --bogus-flag", checkCode=True).count()
        report["rdd_pipe_checkcode"] = f"no failure: {n} rows"
    except Exception as e:  # Py4JJavaError or PySparkRuntimeError
        report["rdd_pipe_checkcode"] = "job failed: " + first_line(e)
    # 2. Without checkCode the same binary gives no rows and no error.
    try:
        n = small.pipe(f"{shlex.quote(binary)} --bogus-flag").count()
        report["rdd_pipe_no_checkcode"] = f"no failure: {n} rows"
    except Exception as e:
        report["rdd_pipe_no_checkcode"] = "job failed: " + first_line(e)
    # 3. The DataFrame route's helper: the job fails with the command's stderr.
    try:
        route_arrow_subprocess(spark, inp, out + "-sub", binary, 2, flags=("--bogus-flag",))
        report["arrow_subprocess"] = "no failure"
    except Exception as e:
        report["arrow_subprocess"] = "job failed: " + first_line(e)
    Path(out).write_text(json.dumps(report), encoding="utf-8")


def route_old_recipe(spark, inp, out, binary, partitions, timeout):
    """The README's former recipe (json.loads in Python before pipe) on input with a malformed
    line: records whether the job ended by itself within `timeout` seconds."""
    import threading

    sc = spark.sparkContext
    sc.setJobGroup("old-recipe", "the former README recipe", interruptOnCancel=True)
    result = {}

    def job():
        try:
            docs = sc.textFile(inp, minPartitions=2).map(json.loads)
            result["rows"] = docs.map(json.dumps).pipe(f"{shlex.quote(binary)} --quiet").count()
        except Exception as e:
            result["error"] = str(e).strip().splitlines()[0][:200]

    t = threading.Thread(target=job, daemon=True)
    start = time.monotonic()
    t.start()
    t.join(timeout)
    if t.is_alive():
        result["hung"] = f"still running after {timeout} s: cancelled"
        sc.cancelJobGroup("old-recipe")
        t.join(30)
        result["ended after the cancel"] = not t.is_alive()
    result["seconds"] = round(time.monotonic() - start, 1)
    Path(out).write_text(json.dumps(result), encoding="utf-8")


ROUTES = {
    "baseline": route_baseline,
    "rdd-pipe": route_rdd_pipe,
    "rdd-inprocess": route_rdd_inprocess,
    "arrow-subprocess": route_arrow_subprocess,
    "arrow-inprocess-lines": route_arrow_inprocess_lines,
    "arrow-inprocess-columns": route_arrow_inprocess_columns,
}


def child(args):
    spark = spark_session(f"spark_check {args.child}", os.path.getsize(args.input), args.partitions)
    spark.sparkContext.setLogLevel("ERROR")
    try:
        if args.child == "failures":
            route_failures(spark, args.input, args.output, args.binary, args.partitions)
        elif args.child == "old-recipe":
            route_old_recipe(spark, args.input, args.output, args.binary, args.partitions,
                             args.hang_timeout)
        else:
            ROUTES[args.child](spark, args.input, args.output, args.binary, args.partitions)
    finally:
        spark.stop()


# ---------------------------------------------------------------- the check (parent)


def make_input(corpora: Path, repeat: int, work: Path):
    """All lines (with malformed ones), and the well-formed documents alone."""
    score = REPO.parent / "shared/eval/score.py"
    if not score.is_file():
        score = corpora.parent / "score.py"
    lines, good = [], []
    for corpus in sorted(corpora.iterdir()):
        if corpus.suffix not in (".conllu", ".iob2"):
            continue
        out = subprocess.run([sys.executable, str(score), "texts", str(corpus)],
                             capture_output=True, check=True, text=True).stdout
        docs = [json.loads(line) for line in out.splitlines()]
        for k in range(repeat):
            for doc in docs:
                line = json.dumps({"id": f"{corpus.stem}:{doc['id']}:{k}", "text": doc["text"]},
                                  ensure_ascii=False)
                lines.append(line)
                good.append(line)
    # Malformed lines among the first documents, so that they land in a partition with others.
    for n, bad in enumerate(MALFORMED):
        lines.insert(10 + 100 * n, bad)
    good.insert(5, '{"id": "null:text", "text": null}')  # a table's missing text
    (work / "input.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (work / "good.jsonl").write_text("\n".join(good) + "\n", encoding="utf-8")
    return work / "input.jsonl", work / "good.jsonl", len(lines)


def _proc_times():
    """{(pid, start time): (parent pid, user + sys clock ticks, alive)} of every process now
    (a zombie, an ended process not yet reaped, shows its final times and is not alive)."""
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue  # ended meanwhile
        found[(int(entry.name), int(fields[19]))] = (
            int(fields[1]), int(fields[11]) + int(fields[12]), fields[0] != b"Z")
    return found


def measure(cmd, **kwargs):
    """Runs cmd; returns (exit code, wall seconds, CPU seconds of its process tree).

    The CPU time is the user + sys time of every process descended from cmd's (read from
    /proc every 50 ms, each process's last reading): the Spark driver, its JVM (which outlives
    the driver by a moment and is followed after it is orphaned), the Python workers and the
    tag_jsonl processes they start. A process's last 50 ms may be missed.
    """
    start = time.monotonic()
    proc = subprocess.Popen(cmd, **kwargs)
    tree, ticks, done_at = {proc.pid}, {}, None
    while True:
        now = _proc_times()
        # Descendants of the processes seen so far (a child appears after its parent).
        for _ in range(4):
            for (pid, started), (ppid, _, _) in now.items():
                if ppid in tree:
                    tree.add(pid)
        alive = False
        for key, (_, t, running) in now.items():
            if key[0] in tree:
                ticks[key] = t
                alive |= running
        if done_at is None and proc.poll() is not None:
            done_at = time.monotonic()
        if done_at is not None and (not alive or time.monotonic() - done_at > 30):
            break
        time.sleep(0.05)
    return proc.returncode, done_at - start, sum(ticks.values()) / os.sysconf("SC_CLK_TCK")


def wait4_measure(cmd, **kwargs):
    """Runs cmd (one process); returns (exit code, wall seconds, its user + sys CPU seconds)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, **kwargs)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode, time.monotonic() - start, usage.ru_utime + usage.ru_stime


def read_lines(directory: Path):
    lines = []
    for part in sorted(directory.glob("part-*")):
        lines.extend(part.read_text(encoding="utf-8").splitlines())
    return lines


def key_of(line):
    return json.dumps(json.loads(line)["id"])


def check_lines(name, lines, expected):
    """Every id once, each line byte for byte tag_jsonl's. Returns a list of problems."""
    problems, seen = [], {}
    for line in lines:
        try:
            key = key_of(line)
        except ValueError:
            problems.append(f"{name}: output line is not JSON: {line[:80]!r}")
            continue
        seen[key] = seen.get(key, 0) + 1
        if key in expected and line != expected[key]:
            problems.append(f"{name}: id {key} differs from tag_jsonl:\n  {line[:200]}\n  {expected[key][:200]}")
    for key, count in seen.items():
        if count != 1:
            problems.append(f"{name}: id {key} came back {count} times")
    missing = expected.keys() - seen.keys()
    extra = seen.keys() - expected.keys()
    if missing:
        problems.append(f"{name}: {len(missing)} ids missing, e.g. {sorted(missing)[:3]}")
    if extra:
        problems.append(f"{name}: {len(extra)} unexpected ids, e.g. {sorted(extra)[:3]}")
    return problems


def check_columns(name, table, expected_good):
    problems, seen = [], {}
    for doc_id, mentions in zip(table.column("id").to_pylist(), table.column("mentions").to_pylist()):
        key = json.dumps(doc_id)
        seen[key] = seen.get(key, 0) + 1
        if doc_id == "null:text":
            if mentions is not None:
                problems.append(f"{name}: a missing text gave {mentions!r}, not null")
            continue
        line = '{"id":' + key + ',"mentions":' + str(mentions) + "}"
        if line != expected_good.get(key):
            problems.append(f"{name}: id {key} differs from tag_jsonl")
    for key, count in seen.items():
        if count != 1:
            problems.append(f"{name}: id {key} came back {count} times")
    missing = expected_good.keys() - seen.keys()
    if missing:
        problems.append(f"{name}: {len(missing)} ids missing")
    return problems


def parent(args):
    ensure_java()
    binary = build_binary()
    if os.environ.get("SPARK_CHECK_IN_VENV") != "1":
        python = ensure_venv(Path(args.venv).resolve())
        env = dict(os.environ, SPARK_CHECK_IN_VENV="1")
        os.execve(str(python), [str(python), __file__, *sys.argv[1:]], env)

    import pyarrow.parquet as pq
    import pyspark

    corpora = Path(args.corpora).resolve()
    if not corpora.is_dir():
        sys.exit(f"{corpora}: no such directory (the evaluation kit's corpora)")
    work = Path(tempfile.mkdtemp(prefix="spark_check-"))
    inp, good, n_lines = make_input(corpora, args.repeat, work)
    size = inp.stat().st_size
    log(f"input: {n_lines} lines, {size / 1e6:.1f} MB ({len(MALFORMED)} malformed), "
        f"PySpark {pyspark.__version__}, local[2], {args.partitions} partitions, in {work}")

    # tag_jsonl itself: the expected output, and its CPU time.
    with open(inp, "rb") as f_in, open(work / "expected.jsonl", "wb") as f_out:
        code, wall, cpu = wait4_measure([str(binary), "--quiet", "--threads", "1"], stdin=f_in,
                                        stdout=f_out)
    if code != 0:
        sys.exit(f"tag_jsonl failed with code {code}")
    expected_lines = (work / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    expected = {key_of(line): line for line in expected_lines}
    if len(expected) != len(expected_lines) or len(expected_lines) != n_lines:
        sys.exit("the input's ids are not unique, or tag_jsonl skipped a line")
    errors = [line for line in expected_lines if line.startswith('{"error":')]
    if len(errors) != len(MALFORMED) or json.dumps(None) not in expected:
        sys.exit(f"tag_jsonl answered {len(errors)} lines with an error, not {len(MALFORMED)}")
    with open(good, "rb") as f_in:
        good_expected = subprocess.run([str(binary), "--quiet"], stdin=f_in, capture_output=True,
                                       check=True).stdout.decode("utf-8").splitlines()
    expected_good = {key_of(line): line for line in good_expected}
    del expected_good[json.dumps("null:text")]

    rows = [("tag_jsonl --threads 1 (no Spark)", wall, cpu, "reference")]
    problems = []
    me = [sys.executable, __file__, "--binary", str(binary), "--input", str(inp),
          "--partitions", str(args.partitions)]
    for name in ROUTES:
        out = work / f"out-{name}"
        route_input = good if name == "arrow-inprocess-columns" else inp
        cmd = me + ["--child", name, "--output", str(out), "--input", str(route_input)]
        with open(work / f"{name}.log", "wb") as child_log:
            code, wall, cpu = measure(cmd, stdout=child_log, stderr=subprocess.STDOUT)
        if code != 0:
            tail = (work / f"{name}.log").read_text(errors="replace").splitlines()[-20:]
            problems.append(f"{name}: exited with code {code}:\n" + "\n".join(tail))
            rows.append((name, wall, cpu, "FAILED"))
            continue
        if name == "baseline":
            ok = read_lines(out) and len(read_lines(out)) == n_lines
            rows.append((name, wall, cpu, "read + write only" if ok else "FAILED"))
            continue
        if name == "arrow-inprocess-columns":
            found = check_columns(name, pq.read_table(out), expected_good)
        else:
            found = check_lines(name, read_lines(out), expected)
        problems += found
        rows.append((name, wall, cpu, "ok: every id once, = tag_jsonl" if not found else "FAILED"))

    log(f"\nCPU = user + sys of the route's process tree (/proc, every 50 ms): driver, JVM, "
        f"Python workers, tag_jsonl processes; {size / 1e6:.1f} MB of input; tag_jsonl alone: "
        f"os.wait4")
    base = next(cpu for name, _, cpu, _ in rows if name == "baseline")
    log(f"{'route':38} {'wall s':>7} {'CPU s':>7} {'CPU - baseline':>15}  result")
    for name, wall, cpu, result in rows:
        extra = "" if name.startswith("tag_jsonl") else f"{cpu - base:15.1f}"
        log(f"{name:38} {wall:7.1f} {cpu:7.1f} {extra:>15}  {result}")

    # Failures.
    report = work / "failures.json"
    with open(work / "failures.log", "wb") as child_log:
        code, _, _ = measure(me + ["--child", "failures", "--output", str(report)],
                             stdout=child_log, stderr=subprocess.STDOUT)
    failures = json.loads(report.read_text()) if code == 0 else {}
    log("\nfailing binary (tag_jsonl --bogus-flag):")
    for case, outcome in failures.items():
        log(f"  {case}: {outcome}")
    if not failures.get("rdd_pipe_checkcode", "").startswith("job failed"):
        problems.append("rdd-pipe with checkCode=True did not fail on a failing binary")
    if not failures.get("rdd_pipe_no_checkcode", "").startswith("no failure: 0 rows"):
        problems.append("rdd-pipe without checkCode: expected 0 rows and no error")
    outcome = failures.get("arrow_subprocess", "")
    if not (outcome.startswith("job failed") and "exited with code 2" in outcome
            and "unknown argument" in outcome):
        problems.append("arrow-subprocess did not fail with the binary's message")
    log(f"malformed lines: {len(errors)} answered with an error object by every line route, e.g.")
    for line in errors[:2]:
        log(f"  {line}")

    if args.hang_timeout > 0:
        report = work / "old-recipe.json"
        small = work / "small.jsonl"
        small.write_text("\n".join(inp.read_text(encoding="utf-8").splitlines()[:2000]) + "\n",
                         encoding="utf-8")
        with open(work / "old-recipe.log", "wb") as child_log:
            code, wall, _ = measure(me + ["--child", "old-recipe", "--output", str(report),
                                          "--input", str(small),
                                          "--hang-timeout", str(args.hang_timeout)],
                                    stdout=child_log, stderr=subprocess.STDOUT)
        old = json.loads(report.read_text()) if report.exists() else {"exit": code}
        log(f"former recipe (json.loads before pipe) on 2,000 lines with malformed ones: {old}")

    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    if problems:
        log("\nPROBLEMS:\n" + "\n".join(problems))
        return 1
    log("\nspark_check: all routes gave every id once, byte for byte tag_jsonl's output; "
        "the failing binary failed the job.")
    return 0


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpora", default=str(REPO.parent / "shared/eval/corpora"))
    p.add_argument("--repeat", type=int, default=10, help="copies of the corpora (default 10)")
    p.add_argument("--partitions", type=int, default=4)
    p.add_argument("--venv", default=str(REPO / "target/spark-py"))
    p.add_argument("--hang-timeout", type=int, default=30,
                   help="seconds to let the former recipe hang before cancelling (0: skip)")
    p.add_argument("--keep", action="store_true", help="keep the work folder")
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--input", help=argparse.SUPPRESS)
    p.add_argument("--output", help=argparse.SUPPRESS)
    p.add_argument("--binary", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        child(args)
        return 0
    return parent(args)


if __name__ == "__main__":
    sys.exit(main())
