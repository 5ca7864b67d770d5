"""The acceptance article end to end on the release build: `factcheck serve` on a copy of the data home with
../shared/data/articles/evidence.jsonl ingested, warmed up with an unrelated article, then the article posted to
POST /api/v1/articles and followed until published. Records the time from submission to the finished report (and the
extraction and checking parts), the server's peak resident memory, and every extracted claim's verdict and first
source. Writes --out (JSON) and prints a table.

Usage: python3 bench/article_bench.py --factcheck .build/release/factcheck --home .factcheck --out bench/article.json
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "scripts"))
from local_server import free_port, private_home, wait_http  # noqa: E402

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "articles")
WARM_UP = ("Mount Everest is the highest mountain above sea level. The Eiffel Tower was completed in 1889 in Paris. "
           "The Amazon River flows through Brazil.")


def post(base, path, body):
    request = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def get(base, path):
    with urllib.request.urlopen(base + path, timeout=60) as response:
        return json.loads(response.read())


def run_article(base, text, title):
    start = time.monotonic()
    job = post(base, "/api/v1/articles", {"text": text} if title is None else {"text": text, "title": title})
    accepted = time.monotonic()
    while True:
        state = get(base, f"/api/v1/article-jobs/{job['id']}")
        if state["status"] != "checking":
            return state, accepted - start, time.monotonic() - start
        time.sleep(0.05)


def peak_rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factcheck", required=True)
    parser.add_argument("--home", default=".factcheck")
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--out", default="bench/article.json")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="factcheck-article-")
    home = private_home(args.home, work)
    subprocess.run([args.factcheck, "ingest", "--home", home, os.path.join(args.data, "evidence.jsonl")], check=True, capture_output=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([args.factcheck, "serve", "--home", home, "--port", str(port)], stdout=log, stderr=log)
    try:
        wait_http(base + "/healthz", 120)
        run_article(base, WARM_UP, "Warm-up")
        text = open(os.path.join(args.data, "why-is-japan-not-in-nato.txt"), encoding="utf-8").read()
        state, extract_s, total_s = run_article(base, text, None)
        assert state["status"] == "published", state
        article = state["article"]
        claims = [{"claim": c["claim"]["text"], "verdict": c["report"]["verdict"], "confidence": round(c["report"]["confidence"], 2),
                   "first_source": (c["report"]["sources"][0]["title"] if c["report"]["sources"] else None)} for c in article["claims"]]
        result = {"claims": len(claims), "rating": article["rating"], "seconds_to_report": round(total_s, 2),
                  "seconds_extracting_and_queueing": round(extract_s, 2), "timings_ms": article["timings_ms"],
                  "server_peak_rss_mb": peak_rss_mb(server.pid), "verdicts": claims}
    finally:
        server.terminate()
        server.wait(10)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print(f"{result['claims']} claims, {result['seconds_to_report']} s to the report ({result['seconds_extracting_and_queueing']} s "
          f"extracting before 202), peak RSS {result['server_peak_rss_mb']:.0f} MB; {result['rating']}")
    for claim in claims:
        print(f"  {claim['verdict']:<13} {claim['confidence']:.2f}  {claim['claim']}  [{claim['first_source']}]")


if __name__ == "__main__":
    main()
