#!/usr/bin/env python3
"""The knowledge base at scale: the starter knowledge base, then the same grown to N passages (default 1,000,000)
with synthetic passages (sentences of real words drawn from the starter passages, random unit vectors stored as
fp16 like the real ones: synthetic text and vectors are acceptable for this size test only). For each: the file's
size, `factcheck bench check` (load time, first check, warm p50/p95 over its 20 built-in claims) and the process's
peak RSS (GNU time), its own memory and the file pages it maps at the end: at the first start (which writes the
passage-vector file), with the page cache dropped (where allowed), and at a later start. Writes JSON (default
bench/kb_scale.json).

Usage: python3 bench/kb_scale.py --factcheck .build/release/factcheck [--home .factcheck] [--passages 1000000]
"""
import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

import numpy

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from local_server import private_home  # noqa: E402


def grow(database, passages, seed=7):
    """Adds synthetic passages to `database` until it holds `passages`; returns how many were added."""
    connection = sqlite3.connect(database)
    have = connection.execute("SELECT COUNT(*) FROM passage").fetchone()[0]
    dimension = len(connection.execute("SELECT embedding FROM passage WHERE embedding IS NOT NULL LIMIT 1").fetchone()[0]) // 2
    words = []
    for (text,) in connection.execute("SELECT text FROM passage LIMIT 20000"):
        words.extend(re.findall(r"[A-Za-z][a-z]+", text))
    rng = random.Random(seed)
    vectors = numpy.random.default_rng(seed)
    connection.execute("""INSERT OR IGNORE INTO source (id, url, title, publisher, domain, published, retrieved, license, contentHash, ingestedAt)
                          VALUES ('synthetic', 'https://synthetic.invalid/', 'Synthetic passages', NULL, 'synthetic.invalid', NULL, NULL, NULL,
                                  'synthetic', 0)""")
    added = 0
    batch = 20000
    while have + added < passages:
        count = min(batch, passages - have - added)
        matrix = vectors.standard_normal((count, dimension)).astype(numpy.float32)
        matrix /= numpy.linalg.norm(matrix, axis=1, keepdims=True)
        blobs = matrix.astype("<f2")
        rows = []
        for i in range(count):
            n = have + added + i
            text = " ".join(rng.choice(words) for _ in range(rng.randint(18, 40))).capitalize() + "."
            rows.append((f"synthetic-{n}", "synthetic", n, f"Synthetic passage {n}", text, blobs[i].tobytes()))
        connection.executemany("INSERT INTO passage (id, sourceId, position, title, text, embedding) VALUES (?, ?, ?, ?, ?, ?)", rows)
        connection.commit()
        added += count
    connection.close()
    return added


def measure(factcheck, home):
    started = time.time()
    result = subprocess.run(["/usr/bin/time", "-v", factcheck, "bench", "check", "--home", home], capture_output=True, text=True, check=True)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    figures = json.loads(result.stdout[result.stdout.index("{"):])
    figures["peak_rss_mb"] = round(rss / 1024)
    figures["wall_s"] = round(time.time() - started, 1)
    return figures


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factcheck", default=".build/release/factcheck")
    parser.add_argument("--home", default=os.environ.get("FACTCHECK_HOME", ".factcheck"))
    parser.add_argument("--passages", type=int, default=1_000_000)
    parser.add_argument("--out", default="bench/kb_scale.json")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="factcheck-kb-scale-")
    try:
        home = private_home(args.home, work)
        database = os.path.join(home, "factcheck.sqlite")
        results = {}
        passages = sqlite3.connect(database).execute("SELECT COUNT(*) FROM passage").fetchone()[0]
        if os.path.exists(database + ".vectors"):
            os.remove(database + ".vectors")
        # The first start writes the vector file beside the knowledge base; later starts map it.
        results["starter_first_start"] = {"passages": passages, "file_mb": round(os.path.getsize(database) / 2**20), **measure(args.factcheck, home)}
        print(json.dumps(results["starter_first_start"]), flush=True)
        results["starter"] = {"passages": passages, "file_mb": round(os.path.getsize(database) / 2**20),
                              "vector_file_mb": round(os.path.getsize(database + ".vectors") / 2**20), **measure(args.factcheck, home)}
        print(json.dumps(results["starter"]), flush=True)
        started = time.time()
        added = grow(database, args.passages)
        grown = {"passages": passages + added, "synthetic": added, "build_s": round(time.time() - started), "file_mb": round(os.path.getsize(database) / 2**20)}
        results["grown_first_start"] = {**grown, **measure(args.factcheck, home)}
        print(json.dumps(results["grown_first_start"]), flush=True)
        subprocess.run(["sh", "-c", "sync; echo 1 > /proc/sys/vm/drop_caches"], check=False, capture_output=True)
        results["grown_cold_cache"] = {**grown, **measure(args.factcheck, home)}
        print(json.dumps(results["grown_cold_cache"]), flush=True)
        results["grown"] = {**grown, "vector_file_mb": round(os.path.getsize(database + ".vectors") / 2**20), **measure(args.factcheck, home)}
        print(json.dumps(results["grown"]), flush=True)
        json.dump(results, open(args.out, "w"), indent=2)
        print(f"wrote {args.out}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
