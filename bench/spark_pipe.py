#!/usr/bin/env python3
"""Proves the Apache Spark worked example of README's "Archive scale": `RDD.pipe` runs
`sunting check --jsonl-input` as a map step over a few thousand articles, in local mode, and
every article's findings must come back.

Checks, for N generated articles (Indonesian and English, bench/gen_articles.py) spread over
several partitions:
1. one result line per article, every id exactly once, none extra;
2. each article's findings equal those of one direct `sunting check --jsonl-input` run over the
   same lines (the Spark step changes nothing but where the work runs);
3. the findings of a sample of articles equal `sunting check --format json` on the same text as a
   file (the JSON Lines path is the same checker).

Not part of the default CI (it needs PyPI's pyspark, which carries Spark, and Java 17):

    python3 -m venv /tmp/spark && /tmp/spark/bin/pip install pyspark
    cargo build --release
    /tmp/spark/bin/python bench/spark_pipe.py [--articles 3000] [--sunting target/release/sunting]

Exit status 0 when every check holds.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
import gen_articles  # noqa: E402


def articles(count: int) -> list[str]:
    """JSON Lines: alternately Indonesian and English news-like articles of 150 to 900 words."""
    writers = {"id": gen_articles.Writer("id", 21), "en": gen_articles.Writer("en", 22)}
    lines = []
    for i in range(count):
        lang = "id" if i % 3 else "en"
        text = writers[lang].article(150 + (i * 37) % 750)
        record = {"id": f"{lang}-{i:05d}", "text": text}
        if i % 5:
            record["language"] = lang  # some articles leave the language to detection
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def by_id(lines) -> dict:
    out = {}
    for line in lines:
        record = json.loads(line)
        if record["id"] in out:
            raise SystemExit(f"FAIL: {record['id']} came back twice")
        out[record["id"]] = record
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--articles", type=int, default=3000)
    p.add_argument("--partitions", type=int, default=8)
    p.add_argument("--sunting", default=os.environ.get("SUNTING", str(ROOT / "target" / "release" / "sunting")))
    a = p.parse_args()
    sunting = str(Path(a.sunting).resolve())
    if not os.access(sunting, os.X_OK):
        print(f"no sunting binary at {sunting}: cargo build --release, or --sunting PATH", file=sys.stderr)
        return 2

    from pyspark.sql import SparkSession

    lines = articles(a.articles)
    ids = [json.loads(l)["id"] for l in lines]
    words = sum(len(json.loads(l)["text"].split()) for l in lines)

    # The worked example: one sunting process per partition, articles in and results out as
    # JSON Lines. --fail-on never: findings are data here, not a failed step.
    command = f"{sunting} check --jsonl-input --fail-on never"
    spark = SparkSession.builder.master("local[2]").appName("sunting-archive").config("spark.ui.enabled", "false").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter()
    rdd = spark.sparkContext.parallelize(lines, a.partitions)
    results = rdd.pipe(command, checkCode=True).collect()
    spark_seconds = time.perf_counter() - started
    spark.stop()

    got = by_id(results)
    missing = [i for i in ids if i not in got]
    extra = sorted(set(got) - set(ids))
    if missing or extra or len(results) != len(lines):
        print(f"FAIL: {len(results)} results for {len(lines)} articles; missing {missing[:5]}, extra {extra[:5]}")
        return 1
    failed = [r for r in got.values() if "error" in r]
    if failed:
        print(f"FAIL: {len(failed)} articles could not be checked, e.g. {failed[0]}")
        return 1

    # The same lines through one direct run.
    direct = subprocess.run(command.split(), input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    expected = by_id(direct.stdout.splitlines())
    differing = [i for i in ids if got[i] != expected[i]]
    if differing:
        print(f"FAIL: {len(differing)} articles differ from a direct run, e.g. {differing[0]}")
        return 1

    # A sample as files, through the ordinary JSON report.
    with tempfile.TemporaryDirectory() as tmp:
        sample = ids[:: max(1, len(ids) // 40)]
        paths = []
        for i in sample:
            path = Path(tmp) / f"{i}.md"
            path.write_text(json.loads(lines[ids.index(i)])["text"], encoding="utf-8")
            paths.append(str(path))
        for i, path in zip(sample, paths):
            lang = json.loads(lines[ids.index(i)]).get("language")
            args = [sunting, "check", "--format", "json", "--fail-on", "never"] + (["--language", lang] if lang else []) + [path]
            report = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)
            if report["files"][0]["diagnostics"] != got[i]["diagnostics"]:
                print(f"FAIL: {i} differs between --jsonl-input and the JSON report of the same file")
                return 1

    findings = sum(len(r["diagnostics"]) for r in got.values())
    print(f"OK: {len(lines)} articles ({words:,} words) in {a.partitions} partitions through Spark local[2] "
          f"RDD.pipe in {spark_seconds:.1f} s (with Spark's start); every article came back once, "
          f"{findings:,} findings, identical to a direct run and to the file report on {len(sample)} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
