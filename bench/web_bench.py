#!/usr/bin/env python3
"""Web benchmark: the release `factcheck serve` on a copy of the data home, loaded from a second process.

1. `wrk` (Debian) on GET /fact-checks/<slug> — requests/s and latency percentiles (2 threads, 64 connections).
2. 50 concurrent POST /api/v1/checks with different claims — all must complete (queued, bounded concurrency).
3. 500 concurrent POST /api/v1/checks/{id}/comments — all must be stored exactly once.
Rate limits are raised for the run (it is one client). Writes JSON (default bench/web.json) and prints a table.

Usage: python3 bench/web_bench.py --factcheck .build/release/factcheck [--home .factcheck] [--out bench/web.json]
"""
import argparse
import concurrent.futures
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from local_server import free_port, private_home, wait_http  # noqa: E402


def request(method, url, body=None, timeout=600):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json"} if data else {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def wrk(url, seconds, connections):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url], capture_output=True, text=True, check=True).stdout
    def ms(text):
        value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    latency = dict(re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50_ms": ms(latency["50"]), "p99_ms": ms(latency["99"]), "non_2xx": int(errors.group(1)) if errors else 0, "raw": out}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factcheck", default=".build/release/factcheck")
    parser.add_argument("--home", default=os.environ.get("FACTCHECK_HOME", ".factcheck"))
    parser.add_argument("--out", default="bench/web.json")
    parser.add_argument("--seconds", type=int, default=15)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="factcheck-web-bench-")
    home = private_home(args.home, work)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([args.factcheck, "serve", "--home", home, "--port", str(port), "--checks-per-minute", "100000",
                               "--comments-per-minute", "100000"], stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "server.log"), "w"))
    result = {"machine": f"{platform.machine()}, {os.cpu_count()} cores", "command": "make bench-web"}
    try:
        wait_http(base + "/healthz", 120)
        status, check = request("POST", base + "/api/v1/checks", {"claim": "NATO was founded in 1949."})
        assert status in (200, 201), check
        page = f"{base}/fact-checks/{check['slug']}"
        wrk(page, 3, 64)  # warm-up
        page_result = wrk(page, args.seconds, 64)
        result.update({"page_requests_per_s": page_result["requests_per_s"], "page_p50_ms": page_result["p50_ms"],
                       "page_p99_ms": page_result["p99_ms"], "page_non_2xx": page_result["non_2xx"]})

        claims = [f"NATO has {n} member states." for n in range(1, 51)]
        start = time.time()
        with concurrent.futures.ThreadPoolExecutor(50) as pool:
            statuses = list(pool.map(lambda c: request("POST", base + "/api/v1/checks", {"claim": c})[0], claims))
        result.update({"checks_submitted": 50, "checks_completed": sum(s in (200, 201) for s in statuses),
                       "checks_seconds": round(time.time() - start, 1)})
        total = request("GET", base + "/api/v1/checks")[1]["total"]
        result["checks_published_total"] = total

        texts = [f"load comment {n}" for n in range(500)]
        start = time.time()
        with concurrent.futures.ThreadPoolExecutor(500) as pool:
            statuses = list(pool.map(lambda t: request("POST", f"{base}/api/v1/checks/{check['id']}/comments", {"text": t})[0], texts))
        stored = [c["text"] for page in range(1, 6)
                  for c in request("GET", f"{base}/api/v1/checks/{check['id']}/comments?per_page=100&page={page}")[1]["comments"]]
        result.update({"comments_posted": 500, "comments_201": statuses.count(201), "comments_seconds": round(time.time() - start, 1),
                       "comments_stored": len(stored), "comments_stored_exactly_once": sorted(stored) == sorted(texts)})
    finally:
        server.terminate()
        server.wait(10)
        shutil.rmtree(work, ignore_errors=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    print("| measure | value |\n|---|---|")
    for key in sorted(result):
        print(f"| {key} | {result[key]} |")


if __name__ == "__main__":
    main()
