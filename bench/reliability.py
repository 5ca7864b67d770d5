#!/usr/bin/env python3
"""Reliability harness: the real `factcheck serve` on a private copy of the data home, on loopback only, in three parts.

1. load    N clients (default 20) for T seconds mixing page reads, comments and new checks; requests, status codes and
           p50/p99 per kind; afterwards every acknowledged check and comment must be present exactly once.
2. faults  `kill -9` of the server while clients write, restart on the same data home, the same counts and
           `PRAGMA integrity_check`, K rounds; then a read-only and a full data home (tmpfs, when this user may mount)
           must give a clear error and keep the server up, never a crash.
3. hostile a table of requests (oversized, malformed, non-UTF-8, overflowing numbers, traversal, injection strings in
           every parameter and body field), each with its expected status, and the server alive after each.

Exit status 0 only when every part is green: 0 lost, 0 duplicated, 0 crashes, 0 5xx outside the fault window.
Writes JSON (default bench/reliability.json) and prints a Markdown table.

Usage: python3 bench/reliability.py --factcheck .build/release/factcheck [--home .factcheck] [--clients 20] [--seconds 30]
       [--kill-rounds 3] [--parts load,faults,hostile] [--out bench/reliability.json]
"""
import argparse
import http.client
import json
import os
import platform
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
from local_server import free_port, private_home, wait_http  # noqa: E402

TIMEOUT = 120


class Server:
    """`factcheck serve` on `home` and a free loopback port; `kill()` sends SIGKILL, `start()` starts it again."""

    def __init__(self, factcheck, home, log):
        self.factcheck, self.home, self.log = factcheck, home, log
        self.port = free_port()
        self.process = None

    def start(self, wait=True):
        self.process = subprocess.Popen(
            [self.factcheck, "serve", "--home", self.home, "--port", str(self.port), "--checks-per-minute", "100000",
             "--comments-per-minute", "1000000", "--queue-length", "1000"],
            stdout=subprocess.DEVNULL, stderr=open(self.log, "a"))
        if wait:
            wait_http(f"http://127.0.0.1:{self.port}/healthz", 180)
        return self

    def alive(self):
        if self.process.poll() is not None:
            return False
        try:
            return call(self.port, "GET", "/healthz", timeout=10)[0] == 200
        except OSError:
            return False

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(30)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()


def call(port, method, path, body=None, headers=None, timeout=TIMEOUT):
    """(status, body bytes, elapsed ms); `body` may be a dict (sent as JSON), str or bytes."""
    headers = dict(headers or {})
    if isinstance(body, dict):
        body = json.dumps(body).encode()
        headers.setdefault("Content-Type", "application/json")
    elif isinstance(body, str):
        body = body.encode()
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    start = time.perf_counter()
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        data = response.read()
        return response.status, data, (time.perf_counter() - start) * 1000
    finally:
        connection.close()


def as_json(data):
    try:
        return json.loads(data)
    except ValueError:
        return None


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))], 1)


class Ledger:
    """What the server acknowledged: comment texts and check ids, to count afterwards."""

    def __init__(self):
        self.lock = threading.Lock()
        self.comments = []
        self.checks = {}
        self.statuses = {}
        self.latencies = {}

    def record(self, kind, status, ms):
        with self.lock:
            self.statuses.setdefault(kind, {}).setdefault(str(status), 0)
            self.statuses[kind][str(status)] += 1
            self.latencies.setdefault(kind, []).append(ms)


def all_comments(port, check_id):
    """Every visible comment text under a check, read page by page through the API."""
    texts, page = [], 1
    while True:
        status, data, _ = call(port, "GET", f"/api/v1/checks/{check_id}/comments?per_page=100&page={page}")
        assert status == 200, (status, data[:200])
        body = json.loads(data)
        texts += [c["text"] for c in body["comments"]]
        if page >= body["pages"]:
            return texts
        page += 1


def count_acknowledged(port, ledger, check_id):
    """Lost and duplicated acknowledged comments and checks."""
    stored = all_comments(port, check_id)
    counts = {}
    for text in stored:
        counts[text] = counts.get(text, 0) + 1
    lost_comments = sum(1 for text in ledger.comments if counts.get(text, 0) == 0)
    duplicated_comments = sum(1 for text in ledger.comments if counts.get(text, 0) > 1)
    lost_checks = duplicated_checks = 0
    for claim, (check_id_acked, slug) in ledger.checks.items():
        status, data, _ = call(port, "GET", f"/api/v1/checks/{check_id_acked}")
        if status != 200:
            lost_checks += 1
            continue
        versions = call(port, "GET", f"/fact-checks/{slug}")[1].decode("utf-8", "replace").count("?version=")
        if versions > 0:  # a history list appears only when one claim was published more than once
            duplicated_checks += 1
    return {"comments_acknowledged": len(ledger.comments), "comments_lost": lost_comments,
            "comments_duplicated": duplicated_comments, "checks_acknowledged": len(ledger.checks),
            "checks_lost": lost_checks, "checks_duplicated": duplicated_checks}


def client_loop(port, ledger, check, stop, seed, claims, allow_connection_errors=False):
    """One client until `stop` is set: 60% page reads, 35% comments, 5% new checks, recording what was acknowledged."""
    rng = random.Random(seed)
    n = 0
    while not stop.is_set():
        n += 1
        roll = rng.random()
        try:
            if roll < 0.60:
                path = rng.choice([f"/fact-checks/{check['slug']}", "/", "/fact-checks", "/api/v1/checks",
                                   f"/api/v1/checks/{check['id']}/comments", "/feed.atom", "/fact-checks?q=nato"])
                status, _, ms = call(port, "GET", path)
                ledger.record("read", status, ms)
            elif roll < 0.95:
                text = f"reliability comment {seed}-{n}"
                status, data, ms = call(port, "POST", f"/api/v1/checks/{check['id']}/comments", {"name": f"client {seed}", "text": text})
                ledger.record("comment", status, ms)
                if status == 201:
                    with ledger.lock:
                        ledger.comments.append(text)
            else:
                with ledger.lock:
                    if not claims:
                        continue
                    claim = claims.pop()
                status, data, ms = call(port, "POST", "/api/v1/checks", {"claim": claim})
                ledger.record("check", status, ms)
                body = as_json(data)
                if status in (200, 201) and body and "id" in body:
                    with ledger.lock:
                        ledger.checks[claim] = (body["id"], body["slug"])
        except OSError:
            if not allow_connection_errors:
                ledger.record("connection", "error", 0)
            else:
                time.sleep(0.05)


def unique_claims(tag, count):
    """Varied new claims (an instant answer needs a near-identical earlier claim, so most of these run a real check)."""
    rng = random.Random(tag)
    things = ["bridge", "museum", "railway", "cathedral", "university", "harbour", "library", "stadium", "observatory", "canal",
              "lighthouse", "parliament", "airport", "festival", "orchestra", "newspaper", "hospital", "zoo", "castle", "dam"]
    places = ["Norway", "Peru", "Kenya", "Vietnam", "Chile", "Iceland", "Ghana", "Nepal", "Portugal", "Canada", "Egypt", "Mongolia",
              "Finland", "Bolivia", "Morocco", "Laos", "Ireland", "Cuba", "Oman", "Fiji"]
    verbs = ["was built in", "opened in", "was founded in", "closed in", "was rebuilt in", "was renamed in"]
    return [f"The oldest {rng.choice(things)} in {rng.choice(places)} {rng.choice(verbs)} {rng.randint(1500, 2020)}." for _ in range(count)]


def seed_check(port):
    status, data, _ = call(port, "POST", "/api/v1/checks", {"claim": "NATO was founded in 1949."})
    assert status in (200, 201), (status, data[:300])
    return json.loads(data)


def part_load(args, work):
    home = private_home(args.home, os.path.join(work, "load"))
    server = Server(args.factcheck, home, os.path.join(work, "load.log")).start()
    try:
        check = seed_check(server.port)
        ledger = Ledger()
        claims = unique_claims("load", 10_000)
        stop = threading.Event()
        threads = [threading.Thread(target=client_loop, args=(server.port, ledger, check, stop, n, claims)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        time.sleep(args.seconds)
        stop.set()
        for thread in threads:
            thread.join()
        counts = count_acknowledged(server.port, ledger, check["id"])
        requests = sum(sum(kind.values()) for kind in ledger.statuses.values())
        five_xx = sum(count for kind in ledger.statuses.values() for status, count in kind.items() if status.startswith("5"))
        result = {"clients": args.clients, "seconds": args.seconds, "requests": requests, "status_codes": ledger.statuses,
                  "latency_ms": {kind: {"p50": percentile(values, 50), "p99": percentile(values, 99)} for kind, values in ledger.latencies.items()},
                  "5xx": five_xx, "connection_errors": ledger.statuses.get("connection", {}).get("error", 0),
                  "server_alive": server.alive(), **counts}
        result["green"] = (five_xx == 0 and result["connection_errors"] == 0 and result["server_alive"] and counts["comments_lost"] == 0
                           and counts["comments_duplicated"] == 0 and counts["checks_lost"] == 0 and counts["checks_duplicated"] == 0)
        return result
    finally:
        server.stop()


def integrity(path):
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def part_faults(args, work):
    home = private_home(args.home, os.path.join(work, "faults"))
    server = Server(args.factcheck, home, os.path.join(work, "faults.log")).start()
    ledger = Ledger()
    claims = unique_claims("fault", 10_000)
    rounds = []
    try:
        check = seed_check(server.port)
        for round_number in range(args.kill_rounds):
            stop = threading.Event()
            threads = [threading.Thread(target=client_loop, args=(server.port, ledger, check, stop, 1000 * (round_number + 1) + n, claims, True))
                       for n in range(args.clients)]
            stop_after = random.Random(round_number).uniform(1.5, 3.0)
            for thread in threads:
                thread.start()
            time.sleep(stop_after)
            server.kill()
            stop.set()
            for thread in threads:
                thread.join()
            status = integrity(os.path.join(home, "factcheck.sqlite"))
            server.start()
            counts = count_acknowledged(server.port, ledger, check["id"])
            rounds.append({"killed_after_s": round(stop_after, 2), "integrity_check": status, **counts})
    finally:
        server.stop()
    result = {"rounds": rounds, "final_integrity_check": integrity(os.path.join(home, "factcheck.sqlite"))}
    result["green"] = all(r["integrity_check"] == "ok" and r["comments_lost"] == 0 and r["comments_duplicated"] == 0
                          and r["checks_lost"] == 0 and r["checks_duplicated"] == 0 for r in rounds) and result["final_integrity_check"] == "ok"
    result.update(storage_faults(args, work))
    result["green"] = result["green"] and result["read_only_home"]["clear_error"] and result["full_home"]["clear_error"]
    return result


def mount(*arguments):
    return subprocess.run(["mount", *arguments], capture_output=True).returncode == 0


def storage_faults(args, work):
    """A read-only data home must stop `serve` with a message naming the problem; a full one must answer 503 and stay up."""
    result = {}
    source = private_home(args.home, os.path.join(work, "storage"))
    read_only = os.path.join(work, "ro-home")
    os.makedirs(read_only)
    if not mount("--bind", "-o", "ro", source, read_only):
        result["read_only_home"] = {"clear_error": True, "skipped": "this user may not mount"}
        result["full_home"] = {"clear_error": True, "skipped": "this user may not mount"}
        return result
    try:
        log = os.path.join(work, "read-only.log")
        server = Server(args.factcheck, read_only, log).start(wait=False)
        try:
            code = server.process.wait(120)
        except subprocess.TimeoutExpired:
            code = None
            server.stop()
        message = open(log).read()[-2000:]
        errors = [line for line in message.splitlines() if line.startswith("Error:")]
        result["read_only_home"] = {"exit_code": code, "message": errors[-1] if errors else message.strip()[-300:],
                                    "clear_error": code not in (None, 0) and code < 128 and "is read-only" in message.lower()}
    finally:
        subprocess.run(["umount", read_only])
    full = os.path.join(work, "full")
    os.makedirs(full)
    database_bytes = os.path.getsize(os.path.join(source, "factcheck.sqlite"))
    if not mount("-t", "tmpfs", "-o", f"size={database_bytes + 48 * 1024 * 1024}", "tmpfs", full):
        result["full_home"] = {"clear_error": True, "skipped": "this user may not mount tmpfs"}
        return result
    try:
        home = private_home(args.home, full)
        server = Server(args.factcheck, home, os.path.join(work, "full.log")).start()
        try:
            check = seed_check(server.port)
            with open(os.path.join(full, "filler"), "wb") as filler:  # fill the rest of the disk
                try:
                    while True:
                        filler.write(b"\0" * (1 << 20))
                        filler.flush()
                except OSError:
                    pass
            statuses, message = {}, None
            for n in range(200):
                status, data, _ = call(server.port, "POST", f"/api/v1/checks/{check['id']}/comments", {"text": f"disk full {n} " + "x" * 1500})
                statuses[str(status)] = statuses.get(str(status), 0) + 1
                if status == 503:
                    message = json.loads(data)["error"]["message"]
            reads_ok = call(server.port, "GET", f"/fact-checks/{check['slug']}")[0] == 200
            result["full_home"] = {"comment_statuses": statuses, "message": message, "reads_still_served": reads_ok,
                                   "server_alive": server.alive(),
                                   "clear_error": "503" in statuses and "500" not in statuses and reads_ok and server.alive()}
        finally:
            server.stop()
    finally:
        subprocess.run(["umount", full])
    return result


INJECTIONS = ["' OR '1'='1", "\"; DROP TABLE comment; --", "<script>alert(1)</script>", "../../etc/passwd", "%00", "{{7*7}}",
              "${jndi:ldap://x}", "\u202e\u0000\r\nSet-Cookie: x=1", "a" * 5000]


def hostile_cases(check):
    """(name, method, path, headers, body, expected statuses) for each hostile request."""
    slug, check_id = check["slug"], check["id"]
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    cases = [
        ("overflowing page", "GET", "/fact-checks?page=9223372036854775807", {}, None, {400}),
        ("overflowing API page", "GET", "/api/v1/checks?page=9223372036854775807&verdict=True", {}, None, {400}),
        ("huge per_page", "GET", "/api/v1/checks?per_page=99999999999999999999", {}, None, {400}),
        ("negative page", "GET", "/fact-checks?page=-5", {}, None, {400}),
        ("overflowing version", "GET", f"/fact-checks/{slug}?version=99999999999999999999", {}, None, {400}),
        ("overflowing comment id", "POST", "/api/v1/comments/99999999999999999999/report", {}, None, {400}),
        ("path traversal", "GET", "/static/../../../../etc/passwd", {}, None, {404}),
        ("encoded traversal", "GET", "/static/%2e%2e/%2e%2e/etc/passwd", {}, None, {404}),
        ("unknown method", "PATCH", "/api/v1/checks", {}, None, {405}),
        ("oversized JSON body", "POST", "/api/v1/checks", {"Content-Type": "application/json"}, "{\"claim\": \"" + "x" * 200_000 + "\"}", {413}),
        ("oversized form", "POST", "/checks", form, "claim=" + "x" * 200_000, {413}),
        ("malformed JSON", "POST", "/api/v1/checks", {"Content-Type": "application/json"}, "{\"claim\": ", {400}),
        ("JSON array body", "POST", "/api/v1/checks", {"Content-Type": "application/json"}, "[1, 2]", {400}),
        ("claim of the wrong type", "POST", "/api/v1/checks", {"Content-Type": "application/json"}, "{\"claim\": 42}", {400}),
        ("non-UTF-8 JSON", "POST", "/api/v1/checks", {"Content-Type": "application/json"}, b"{\"claim\": \"\xff\xfe\xfd\"}", {400}),
        ("NUL in body", "POST", "/api/v1/checks", {"Content-Type": "application/json"}, b"{\"claim\": \"a\x00b\"}", {400}),
        ("binary claim", "POST", "/api/v1/checks", {"Content-Type": "application/json"}, json.dumps({"claim": "\u0001\u0002\u0003"}), {400}),
        ("empty claim", "POST", "/api/v1/checks", {"Content-Type": "application/json"}, json.dumps({"claim": "   "}), {400}),
        ("over-long claim", "POST", "/api/v1/checks", {"Content-Type": "application/json"}, json.dumps({"claim": "word " * 400}), {400}),
        ("wrong content type", "POST", "/api/v1/checks", {"Content-Type": "text/plain"}, "claim", {415}),
        ("form without CSRF", "POST", "/checks", form, "claim=NATO", {403}),
        ("forged CSRF pair", "POST", "/checks", {**form, "Cookie": "fc_csrf=" + "ab" * 32}, "csrf=" + "ab" * 32 + "&claim=NATO", {403}),
        ("cross-site origin", "POST", "/api/v1/checks", {"Content-Type": "application/json", "Origin": "https://evil.example"},
         json.dumps({"claim": "NATO"}), {403}),
        ("empty comment", "POST", f"/api/v1/checks/{check_id}/comments", {"Content-Type": "application/json"}, json.dumps({"text": ""}), {400}),
        ("comment name of the wrong type", "POST", f"/api/v1/checks/{check_id}/comments", {"Content-Type": "application/json"},
         json.dumps({"text": "hi", "name": ["x"]}), {400}),
        ("admin delete without token", "DELETE", "/api/v1/comments/1", {}, None, {401}),
        ("admin delete with a wrong token", "DELETE", "/api/v1/comments/1", {"Authorization": "Bearer wrong"}, None, {403}),
        ("bad verdict filter", "GET", "/api/v1/checks?verdict=%27%20OR%201=1", {}, None, {400}),
        ("bad comment order", "GET", f"/api/v1/checks/{check_id}/comments?order=%3Cscript%3E", {}, None, {400}),
        ("missing check", "GET", "/api/v1/checks/%27%20OR%20%271%27=%271", {}, None, {404}),
        ("missing job", "GET", "/jobs/..%2F..%2Fetc/events", {}, None, {404}),
    ]
    for n, value in enumerate(INJECTIONS):
        quoted = urllib.parse.quote(value, safe="")
        cases += [
            (f"injection {n} in search", "GET", f"/fact-checks?q={quoted}", {}, None, {200}),
            (f"injection {n} in slug", "GET", f"/fact-checks/{quoted}", {}, None, {404}),
            (f"injection {n} in API id", "GET", f"/api/v1/checks/{quoted}/comments", {}, None, {404}),
            (f"injection {n} in page", "GET", f"/api/v1/checks?page={quoted}", {}, None, {400}),
            (f"injection {n} in claim", "POST", "/api/v1/checks", {"Content-Type": "application/json"}, json.dumps({"claim": value}),
             {200, 201, 400}),
            (f"injection {n} in comment", "POST", f"/api/v1/checks/{check_id}/comments", {"Content-Type": "application/json"},
             json.dumps({"name": value[:60], "text": value[:2000]}), {201, 400}),
        ]
    return cases


def raw_request(port, payload):
    """Sends raw bytes; returns the status line or what happened."""
    with socket.create_connection(("127.0.0.1", port), timeout=15) as connection:
        connection.sendall(payload)
        try:
            data = connection.recv(200)
        except socket.timeout:
            return "timeout"
    return data.split(b"\r\n", 1)[0].decode("latin-1") or "closed"


def part_hostile(args, work):
    home = private_home(args.home, os.path.join(work, "hostile"))
    server = Server(args.factcheck, home, os.path.join(work, "hostile.log")).start()
    failures, rows = [], []
    try:
        check = seed_check(server.port)
        for name, method, path, headers, body, expected in hostile_cases(check):
            status, data, _ = call(server.port, method, path, body, headers)
            alive = server.alive()
            is_html = data.lstrip()[:15].lower().startswith(b"<!doctype html")
            escaped = not (is_html and b"<script>alert(1)</script>" in data)  # JSON carries text as is; pages escape it
            ok = status in expected and alive and escaped
            rows.append({"case": name, "status": status, "expected": sorted(expected), "alive": alive, "ok": ok})
            if not ok:
                failures.append(rows[-1])
        page = call(server.port, "GET", f"/fact-checks/{check['slug']}?comments_order=newest")[1]
        ok = b"<script>alert(1)</script>" not in page and b"&lt;script&gt;alert(1)&lt;/script&gt;" in page
        rows.append({"case": "injected comments shown escaped on the page", "status": 200, "alive": server.alive(), "ok": ok})
        if not ok:
            failures.append(rows[-1])
        for name, payload in [("malformed request line", b"GARBAGE\r\n\r\n"), ("header without colon", b"GET / HTTP/1.1\r\nHost x\r\n\r\n"),
                              ("non-UTF-8 path", b"GET /fact-checks/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n"),
                              ("huge header", b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n"),
                              ("truncated body", b"POST /api/v1/checks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")]:
            outcome = raw_request(server.port, payload)
            alive = server.alive()
            ok = alive and " 5" not in outcome[8:10]
            rows.append({"case": name, "status": outcome, "alive": alive, "ok": ok})
            if not ok:
                failures.append(rows[-1])
    finally:
        server.stop()
    return {"cases": len(rows), "failures": failures, "crashes": sum(not r["alive"] for r in rows), "green": not failures}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--factcheck", default=".build/release/factcheck")
    parser.add_argument("--home", default=os.environ.get("FACTCHECK_HOME", ".factcheck"))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--kill-rounds", type=int, default=3)
    parser.add_argument("--parts", default="load,faults,hostile")
    parser.add_argument("--out", default="bench/reliability.json")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="factcheck-reliability-")
    result = {"machine": f"{platform.machine()}, {os.cpu_count()} cores", "factcheck": args.factcheck,
              "command": " ".join(["python3", "bench/reliability.py"] + sys.argv[1:])}
    try:
        for part in args.parts.split(","):
            start = time.time()
            result[part] = {"load": part_load, "faults": part_faults, "hostile": part_hostile}[part](args, work)
            result[part]["wall_s"] = round(time.time() - start, 1)
            print(f"{part}: {'green' if result[part]['green'] else 'RED'} ({result[part]['wall_s']} s)", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2, sort_keys=True)
        f.write("\n")
    print(json.dumps(result, indent=2, sort_keys=True))
    sys.exit(0 if all(result[part]["green"] for part in args.parts.split(",")) else 1)


if __name__ == "__main__":
    main()
