#!/usr/bin/env python3
"""Scale-out benchmark: the release `factcheck` as a public site on one PostgreSQL database (a real server started
here), behind nginx (Debian) round-robin.

1. Load: two `serve --database … --workers 0` instances and one `worker`; CLIENTS concurrent clients for SECONDS
   read pages (70 %), post comments through the API (20 %) and submit checks as the page's script does, following
   each check's progress stream to its end (10 %), all through nginx. Afterwards (once the queue is drained) every
   acknowledged submission must be published exactly once, every job ended, every stream ended with the page, every
   stored comment stored once. Requests/s, p50/p99 and errors per kind.
2. Page requests/s through nginx with one and with two instances (wrk, 2 threads, 32 connections), and the CPU time
   of the instances per request (this machine has 2 cores: the ratio is bounded by them).
3. Checks per minute with one and with two workers (CHECKS claims submitted at once, until all are published).

Usage: python3 bench/scaleout_bench.py --factcheck .build/release/factcheck [--home .factcheck] [--clients 50] [--seconds 60]
           [--checks 30] [--out bench/scaleout.json]
"""
import argparse
import concurrent.futures
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
sys.path.insert(0, os.path.join(HERE, "..", "Tests", "e2e"))
from local_postgres import Postgres  # noqa: E402
from local_server import free_port, private_home, wait_http  # noqa: E402
from scaleout_e2e import Reader, Site, follow, request  # noqa: E402

COUNTRIES = ["Japan", "Norway", "Canada", "Brazil", "Iceland", "Madagascar", "Sweden", "Finland", "Mongolia", "Peru", "Chile", "Kenya",
             "Egypt", "India", "China", "France", "Germany", "Spain", "Italy", "Poland", "Greece", "Turkey", "Mexico", "Cuba",
             "Australia", "Argentina", "Nigeria", "Morocco", "Vietnam", "Thailand", "Ireland", "Portugal", "Austria", "Hungary",
             "Romania", "Ukraine", "Denmark", "Belgium", "Switzerland", "Iran", "Iraq", "Pakistan", "Nepal", "Bolivia", "Colombia"]
TEMPLATES = ["{} is a member of NATO.", "{} is in Europe.", "{} is an island country.", "{} is in South America.", "{} is a monarchy."]


def claims(seed):
    rng = random.Random(seed)
    pool = [t.format(c) for t in TEMPLATES for c in COUNTRIES]
    rng.shuffle(pool)
    return pool


def nginx(work, upstreams):
    """nginx on a free port, round-robin over `upstreams`; returns (process, base URL)."""
    port = free_port()
    prefix = os.path.join(work, f"nginx-{port}")
    os.makedirs(os.path.join(prefix, "logs"))
    servers = "\n".join(f"        server {u};" for u in upstreams)
    config = f"""
user root root;
worker_processes 2;
error_log {prefix}/logs/error.log warn;
pid {prefix}/nginx.pid;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    upstream factcheck {{
{servers}
        keepalive 64;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://factcheck;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_buffering off;
            proxy_read_timeout 600s;
        }}
    }}
}}
"""
    path = os.path.join(prefix, "nginx.conf")
    open(path, "w").write(config)
    process = subprocess.Popen(["nginx", "-p", prefix, "-c", path, "-g", "daemon off;"], stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    wait_http(base + "/healthz", 30)
    return process, base


def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(url, seconds, connections=32):
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", url], capture_output=True, text=True, check=True).stdout
    def ms(text):
        value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"requests_per_s": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "requests": requests,
            "p50_ms": ms(latency["50"]), "p99_ms": ms(latency["99"]), "non_2xx": int(errors.group(1)) if errors else 0}


def percentile(values, p):
    values = sorted(values)
    return round(values[min(len(values) - 1, int(len(values) * p / 100))], 1) if values else None


class Load:
    """The mixed load of `clients` readers through `base` for `seconds`."""

    def __init__(self, base, slugs, ids, claim_pool):
        self.base, self.slugs, self.ids = base, slugs, ids
        self.claims = iter(claim_pool)
        self.lock = threading.Lock()
        self.samples = {"page": [], "comment": [], "submit": []}  # (status, ms)
        self.acknowledged, self.streams, self.comments = [], [], []

    def next_claim(self):
        with self.lock:
            return next(self.claims, None)

    def client(self, number, deadline):
        rng = random.Random(number)
        reader = Reader(self.base)
        while time.time() < deadline:
            kind = rng.choices(["page", "comment", "submit"], [70, 20, 10])[0]
            started = time.time()
            try:
                if kind == "page":
                    status = request(f"{self.base}/fact-checks/{rng.choice(self.slugs)}", timeout=60)[0]
                elif kind == "comment":
                    text = f"Comment {number}-{started:.6f}"
                    status = request(f"{self.base}/api/v1/checks/{rng.choice(self.ids)}/comments", "POST", json.dumps({"text": text}),
                                     {"Content-Type": "application/json"}, timeout=60)[0]
                    if status == 201:
                        with self.lock:
                            self.comments.append(text)
                else:
                    claim = self.next_claim()
                    if claim is None:
                        continue
                    status, answer = reader.submit(claim)
                    if status == 202:
                        with self.lock:
                            self.acknowledged.append(claim)
                        events = follow(self.base, answer["events"], timeout=600)
                        with self.lock:
                            self.streams.append(events[-1][0] if events else "nothing")
            except OSError as error:
                status = f"error: {type(error).__name__}"
            with self.lock:
                self.samples[kind].append((status, (time.time() - started) * 1000))

    def run(self, clients, seconds):
        deadline = time.time() + seconds
        started = time.time()
        with concurrent.futures.ThreadPoolExecutor(clients) as pool:
            list(pool.map(lambda n: self.client(n, deadline), range(clients)))
        elapsed = time.time() - started
        summary = {}
        for kind, samples in self.samples.items():
            ok = [ms for status, ms in samples if status in (200, 201, 202)]
            summary[kind] = {"requests": len(samples), "ok": len(ok), "p50_ms": percentile(ok, 50), "p99_ms": percentile(ok, 99),
                             "busy_503": sum(1 for s, _ in samples if s == 503),
                             "errors": sum(1 for s, _ in samples if s not in (200, 201, 202, 503))}
        total = sum(len(s) for s in self.samples.values())
        return {"clients": clients, "seconds": round(elapsed, 1), "requests": total, "requests_per_s": round(total / elapsed, 1), "by_kind": summary}


def drain(postgres, timeout=900):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if postgres.sql("SELECT COUNT(*) FROM check_job WHERE state IN ('queued', 'running')", "factcheck") == [["0"]]:
            return True
        time.sleep(1)
    return False


def checks_per_minute(site, reader_base, claim_list, postgres):
    reader = Reader(reader_base)
    started = time.time()
    answers = [reader.submit(claim) for claim in claim_list]
    jobs = [answer["job"] for status, answer in answers if status == 202]  # an instant answer (200) runs no check
    drain(postgres)
    elapsed = time.time() - started
    states = postgres.sql("SELECT state, COUNT(*) FROM check_job WHERE id IN (" + ",".join(f"'{j}'" for j in jobs) + ") GROUP BY state", "factcheck")
    return {"checks": len(jobs), "seconds": round(elapsed, 1), "checks_per_minute": round(len(jobs) / elapsed * 60, 1), "states": dict(states)}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factcheck", default=".build/release/factcheck")
    parser.add_argument("--home", default=os.environ.get("FACTCHECK_HOME", ".factcheck"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--checks", type=int, default=30)
    parser.add_argument("--out", default="bench/scaleout.json")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="factcheck-scaleout-bench-")
    postgres = Postgres()
    site, proxies = None, []
    try:
        home = private_home(args.home, work)
        database = postgres.create_database("factcheck")
        subprocess.run([args.factcheck, "migrate", "--database", database], check=True, capture_output=True)
        site = Site(args.factcheck, home, database, work)
        a, b = site.serve("web-a"), site.serve("web-b")
        worker = site.worker("worker-1")
        pool = claims(1)
        # Published checks to read and comment on.
        seed = Reader(a.base)
        seeded = [seed.submit(claim)[1] for claim in pool[:8]]
        slugs = [follow(a.base, s["events"], timeout=600)[-1][1]["url"].rsplit("/", 1)[-1] for s in seeded]
        ids = [json.loads(request(f"{a.base}/api/v1/checks?per_page=20")[2])["checks"][i]["id"] for i in range(len(slugs))]

        proxy, base = nginx(work, [a.base[7:], b.base[7:]])
        proxies.append(proxy)
        load = Load(base, slugs, ids, pool[8:-2 * args.checks])  # the last claims are kept for the checks-per-minute runs
        result = {"machine": {"cpus": os.cpu_count(), "platform": platform.platform()}}
        print(f"load: {args.clients} clients for {args.seconds} s through nginx over 2 instances and 1 worker …", flush=True)
        result["load"] = load.run(args.clients, args.seconds)
        drained = drain(postgres)
        published = dict((c, int(n)) for c, n in postgres.sql("SELECT claim, COUNT(*) FROM published_check GROUP BY claim", "factcheck"))
        stored = dict((t, int(n)) for t, n in postgres.sql("SELECT text, COUNT(*) FROM comment GROUP BY text", "factcheck"))
        jobs = dict(postgres.sql("SELECT state, COUNT(*) FROM check_job GROUP BY state", "factcheck"))
        result["load"]["integrity"] = {
            "acknowledged_submissions": len(load.acknowledged),
            "published_exactly_once": sum(1 for c in load.acknowledged if published.get(c) == 1),
            "lost": sum(1 for c in load.acknowledged if c not in published),
            "duplicated": sum(1 for c in load.acknowledged if published.get(c, 0) > 1),
            "jobs": jobs, "queue_drained": drained,
            "streams": len(load.streams), "streams_ended_with_page": load.streams.count("done"),
            "comments_acknowledged": len(load.comments), "comments_stored_once": sum(1 for t in load.comments if stored.get(t) == 1),
        }
        print(json.dumps(result["load"], indent=1), flush=True)

        # Page requests/s through nginx: one instance, then two.
        page = f"/fact-checks/{slugs[0]}"
        scale = {}
        for label, upstreams in [("one_instance", [a]), ("two_instances", [a, b])]:
            proxy, base = nginx(work, [u.base[7:] for u in upstreams])
            proxies.append(proxy)
            before = sum(cpu_seconds(u.process.pid) for u in upstreams)
            figures = wrk(base + page, 20)
            used = sum(cpu_seconds(u.process.pid) for u in upstreams) - before
            figures["instance_cpu_ms_per_request"] = round(used / max(1, figures["requests"]) * 1000, 3)
            scale[label] = figures
            proxy.terminate()
            print(label, figures, flush=True)
        result["pages_through_nginx"] = scale

        # Checks per minute: one worker, then two.
        per_minute = {"one_worker": checks_per_minute(site, a.base, pool[-args.checks:], postgres)}
        site.worker("worker-2")
        time.sleep(5)
        per_minute["two_workers"] = checks_per_minute(site, a.base, pool[-2 * args.checks:-args.checks], postgres)
        result["checks_per_minute"] = per_minute
        print(json.dumps(per_minute), flush=True)
        json.dump(result, open(args.out, "w"), indent=2)
        print(f"wrote {args.out}")
    finally:
        for proxy in proxies:
            proxy.terminate()
        if site:
            site.close()
        postgres.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
