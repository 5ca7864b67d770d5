#!/usr/bin/env python3
"""Several instances on one PostgreSQL database, with faults: a real PostgreSQL server (started by this script), two
`factcheck serve --database … --workers 0` web instances and `factcheck worker` processes, all real.

It checks that
- two `factcheck migrate` runs at once both succeed (advisory lock) and /readyz says ready;
- a check submitted to one instance is followed to its published page through the other (progress from the queue);
- kill -9 of a worker in the middle of a check: another worker finishes it once the lease runs out (attempt 2), and
  the check is published once;
- SIGTERM to a worker in the middle of a long check: it hands the check back after its grace period, and another
  worker publishes it;
- kill -9 of a web instance right after it acknowledged submissions (checks and an article): they are all still published;
- kill -9 of a worker in the middle of that article: another worker takes it after the lease, the claims checked before
  are reused, its progress reaches the other instance claim by claim, and the article is published once;
- a form served by one instance is accepted by another, and a comment posted through one shows on the other's page at once;
- PostgreSQL restarted: meanwhile pages, submissions and /readyz answer 503 with Retry-After within seconds (never a
  hang or an internal error) and /healthz 200; afterwards the same processes serve and check again by themselves;
- every acknowledged submission is published exactly once, and every job ended.

Usage: python3 Tests/e2e/scaleout_e2e.py --factcheck .build/debug/factcheck [--home .factcheck]
"""
import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from local_postgres import Postgres  # noqa: E402
from local_server import free_port, private_home, wait_http  # noqa: E402

LEASE = 4
ARTICLES = ["""The Danube flows through Vienna. Portugal joined the European Union in 1986. Mount Everest is the highest mountain on Earth.
Finland joined NATO in 2023. We love travelling in Europe!""",
            """Japan is an island country in East Asia. The Nile is the longest river in Africa. Berlin is the capital of Germany.
Australia is both a country and a continent. Brazil has the largest population in South America. Who would not want to see them all?"""]


def request(url, method="GET", body=None, headers=None, timeout=30):
    """(status, headers, body text) of one request; HTTP errors are answers too."""
    data = body.encode() if isinstance(body, str) else body
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data, method=method, headers=headers or {}), timeout=timeout) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


class Process:
    """A factcheck process with its log."""

    def __init__(self, name, arguments, work, env=None):
        self.name = name
        self.log_path = os.path.join(work, f"{name}.log")
        self.process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=open(self.log_path, "w"), env={**os.environ, **(env or {})})

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def log(self):
        return open(self.log_path).read()


class Site:
    def __init__(self, factcheck, home, database, work):
        self.factcheck, self.home, self.database, self.work = factcheck, home, database, work
        self.processes = []

    def serve(self, name):
        port = free_port()
        process = Process(name, [self.factcheck, "serve", "--home", self.home, "--port", str(port), "--database", self.database,
                                 "--workers", "0", "--checks-per-minute", "100000", "--comments-per-minute", "100000"], self.work)
        process.base = f"http://127.0.0.1:{port}"
        self.processes.append(process)
        wait_http(process.base + "/healthz", 180)
        return process

    def worker(self, name, extra=(), env=None):
        process = Process(name, [self.factcheck, "worker", "--home", self.home, "--database", self.database, "--job-lease", str(LEASE), *extra],
                          self.work, env)
        self.processes.append(process)
        return process

    def close(self):
        for process in self.processes:
            process.stop()


class Reader:
    """A browser's session on one instance: its CSRF cookie and form token."""

    def __init__(self, base):
        self.base = base
        with urllib.request.urlopen(base + "/", timeout=30) as response:
            cookie = response.headers["Set-Cookie"].split(";")[0]
            html = response.read().decode()
        self.cookie = cookie
        self.token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)

    def on(self, base):
        """The same session sending to another instance (as a round-robin balancer would)."""
        other = Reader.__new__(Reader)
        other.base, other.cookie, other.token = base, self.cookie, self.token
        return other

    def submit(self, claim):
        """Submits a claim as the page's script does: (status, answer)."""
        body = urllib.parse.urlencode({"csrf": self.token, "claim": claim})
        status, _, text = request(self.base + "/checks", "POST", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                                       "Accept": "application/json", "Cookie": self.cookie})
        return status, (json.loads(text) if text.startswith("{") else text)

    def comment(self, slug, text):
        body = urllib.parse.urlencode({"csrf": self.token, "name": "Reader", "text": text})
        return request(f"{self.base}/fact-checks/{slug}/comments", "POST", body, {"Content-Type": "application/x-www-form-urlencoded",
                                                                                   "Cookie": self.cookie})[0]


def follow(base, events, timeout=120):
    """The server-sent events of a job's progress stream on `base`, until it ends: [(event, data)]."""
    received = []
    with urllib.request.urlopen(base + events, timeout=timeout) as stream:
        name = None
        for raw in stream:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                name = line[7:]
            elif line.startswith("data: "):
                received.append((name, json.loads(line[6:])))
    return received


def check(condition, message):
    print(("ok   " if condition else "FAIL ") + message, flush=True)
    if not condition:
        raise AssertionError(message)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factcheck", default=".build/debug/factcheck")
    parser.add_argument("--home", default=os.environ.get("FACTCHECK_HOME", ".factcheck"))
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="factcheck-scaleout-")
    postgres = Postgres()
    site = None
    try:
        home = private_home(args.home, work)
        database = postgres.create_database("factcheck")
        migrations = [subprocess.Popen([args.factcheck, "migrate", "--database", database], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                      for _ in range(2)]
        check(all(m.wait(120) == 0 for m in migrations), "two `factcheck migrate` at once both succeed")
        applied = postgres.sql("SELECT COUNT(*), COUNT(DISTINCT name) FROM schema_migration", "factcheck")[0]
        check(applied[0] == applied[1] and int(applied[0]) >= 3, f"each migration applied once ({applied[0]})")

        site = Site(args.factcheck, home, database, work)
        a, b = site.serve("web-a"), site.serve("web-b")
        check(request(a.base + "/readyz")[0] == 200 and request(b.base + "/readyz")[0] == 200, "both instances are ready")

        # A worker whose checks hang on an evidence provider that never answers: killed in the middle of a check.
        hanging = socket.socket()
        hanging.bind(("127.0.0.1", 0))
        hanging.listen(50)
        slow = site.worker("worker-1", ["--providers", "local,wikipedia", "--provider-timeout", "60",
                                         "--wikipedia-url", f"http://127.0.0.1:{hanging.getsockname()[1]}/w/api.php"],
                           env={"FACTCHECK_FETCH_ALLOWED_HOSTS": "127.0.0.1"})
        reader_a = Reader(a.base)
        acknowledged = []
        status, answer = reader_a.submit("NATO has 41 member states.")
        check(status == 202 and "job" in answer, f"instance A acknowledges a check with its job ({status})")
        acknowledged.append("NATO has 41 member states.")
        job = answer["job"]
        events = {}
        follower = threading.Thread(target=lambda: events.setdefault("list", follow(b.base, answer["events"])))
        follower.start()
        deadline = time.time() + 60
        while time.time() < deadline and postgres.sql(f"SELECT state FROM check_job WHERE id = '{job}'", "factcheck") != [["running"]]:
            time.sleep(0.1)
        check(postgres.sql(f"SELECT state, attempts FROM check_job WHERE id = '{job}'", "factcheck") == [["running", "1"]], "worker 1 took the job")
        time.sleep(1)
        slow.kill9()
        killed_at = time.time()
        site.worker("worker-2")
        follower.join(120)
        stream = events.get("list", [])
        check(stream and stream[-1][0] == "done", f"instance B's progress stream ends with the published page ({stream[-1:] if stream else 'nothing'})")
        check([e[1].get("stage") for e in stream if e[0] == "stage"][0] == "queued", "the stream starts with the queued step")
        row = postgres.sql(f"SELECT state, attempts FROM check_job WHERE id = '{job}'", "factcheck")
        check(row == [["published", "2"]], f"worker 2 finished the job after worker 1's lease ({row}, {time.time() - killed_at:.1f} s after the kill)")
        slug = stream[-1][1]["url"].rsplit("/", 1)[-1]
        check(postgres.sql(f"SELECT COUNT(*) FROM published_check WHERE slug = '{slug}'", "factcheck") == [["1"]], "published once")

        # SIGTERM to a worker in the middle of a check: it stops taking checks and, when its check outlives the grace
        # period (one lease), hands it back; another worker publishes it without an attempt used up.
        fast = site.processes[-1]
        fast.stop()
        stopping = site.worker("worker-3", ["--providers", "local,wikipedia", "--provider-timeout", "60",
                                            "--wikipedia-url", f"http://127.0.0.1:{hanging.getsockname()[1]}/w/api.php"],
                               env={"FACTCHECK_FETCH_ALLOWED_HOSTS": "127.0.0.1"})
        status, answer = reader_a.submit("Mongolia is a landlocked country.")
        check(status == 202, "A acknowledges another check")
        acknowledged.append("Mongolia is a landlocked country.")
        deadline = time.time() + 60
        while time.time() < deadline and postgres.sql(f"SELECT state FROM check_job WHERE id = '{answer['job']}'", "factcheck") != [["running"]]:
            time.sleep(0.1)
        stopping.process.send_signal(signal.SIGTERM)
        stopping.process.wait(30)
        row = postgres.sql(f"SELECT state, attempts FROM check_job WHERE id = '{answer['job']}'", "factcheck")
        check(row == [["queued", "0"]], f"a worker stopped by SIGTERM hands its check back ({row}, exit {stopping.process.returncode})")
        fourth = site.worker("worker-4")
        result = follow(b.base, answer["events"])
        check(result and result[-1][0] == "done", "another worker publishes it")
        check(postgres.sql(f"SELECT attempts FROM check_job WHERE id = '{answer['job']}'", "factcheck") == [["1"]], "the hand-back used no attempt")

        # kill -9 of a web instance right after it acknowledged submissions.
        claims = ["The Eiffel Tower is in Berlin.", "Water boils at 100 degrees Celsius at sea level.", "Canada is a country in North America.",
                  "The Amazon River flows through Brazil.", "Iceland is an island country in Europe."]
        followed = []
        for claim in claims:
            status, answer = reader_a.submit(claim)
            check(status == 202, f"A acknowledges '{claim}'")
            acknowledged.append(claim)
            followed.append(answer["events"])
        status, _, text = request(a.base + "/api/v1/articles", "POST", json.dumps({"text": ARTICLES[0], "title": "Facts about Europe"}),
                                  {"Content-Type": "application/json"})
        check(status == 202, f"A acknowledges an article ({status})")
        followed.append(json.loads(text)["events"])
        a.kill9()
        results = [follow(b.base, events) for events in followed]
        check(all(r and r[-1][0] == "done" for r in results), "every check and the article acknowledged by the killed instance are published")
        a = site.serve("web-a2")

        # kill -9 of the worker in the middle of an article: another worker takes the article after its lease, and
        # the claims checked before are not checked again.
        status, _, text = request(a.base + "/api/v1/articles", "POST", json.dumps({"text": ARTICLES[1], "title": "Facts about the world"}),
                                  {"Content-Type": "application/json"})
        check(status == 202, f"A acknowledges another article ({status})")
        article = json.loads(text)
        article_row = f"SELECT state, attempts, jsonb_array_length(checked) FROM check_job WHERE id = '{article['id']}'"
        deadline = time.time() + 120
        row = postgres.sql(article_row, "factcheck")[0]
        while time.time() < deadline and row[0] != "published" and not (row[0] == "running" and int(row[2]) >= 1):
            time.sleep(0.02)
            row = postgres.sql(article_row, "factcheck")[0]
        fourth.kill9()
        check(row[0] == "running" and int(row[2]) < article["claims_total"],
              f"worker 4 was killed in the middle of the article ({row[2]} of {article['claims_total']} claims checked)")
        site.worker("worker-5")
        stream = follow(b.base, article["events"])
        check(stream and stream[-1][0] == "done", f"instance B's article stream ends with the article page ({stream[-1:] if stream else 'nothing'})")
        check(sorted(e[1]["index"] for e in stream if e[0] == "checked") == list(range(article["claims_total"])), "each claim reported once on the stream")
        check(postgres.sql(article_row, "factcheck")[0][:2] == ["published", "2"], "worker 5 finished the article after worker 4's lease")
        check(postgres.sql("SELECT COUNT(*) FROM published_article", "factcheck") == [["2"]], "each article is published once")

        # A comment posted through one instance shows on the other's page.
        reader_b = Reader(b.base)
        request(b.base + f"/fact-checks/{slug}")  # B renders (and may keep) the page first
        check(reader_b.on(a.base).comment(slug, "Seen from the other instance") in (200, 303),
              "A takes a comment with the form token B gave (one secret for all instances)")
        check("Seen from the other instance" in request(b.base + f"/fact-checks/{slug}")[2], "B's page shows it at once")

        # PostgreSQL restarted under the instances.
        postgres.stop()
        started = time.time()
        status, headers, _ = request(b.base + f"/fact-checks/{slug}")
        check(status == 503 and "Retry-After" in headers, f"a page during the outage: 503 with Retry-After ({status}, {time.time() - started:.1f} s)")
        check(time.time() - started < 15, "answered within seconds")
        check(reader_b.submit("Norway is a member of NATO.")[0] == 503, "a submission during the outage: 503")
        check(request(b.base + "/readyz")[0] == 503, "/readyz: 503 during the outage")
        check(request(b.base + "/healthz")[0] == 200, "/healthz: 200 (the process lives)")
        postgres.start()
        deadline = time.time() + 60
        while time.time() < deadline and request(b.base + f"/fact-checks/{slug}")[0] != 200:
            time.sleep(0.5)
        check(request(b.base + f"/fact-checks/{slug}")[0] == 200, f"pages again {time.time() - started:.1f} s after the outage began, without restarts")
        status, answer = reader_b.submit("Brazil is the largest country in South America.")
        check(status == 202, "submissions again")
        acknowledged.append("Brazil is the largest country in South America.")
        result = follow(a.base, answer["events"])
        check(result and result[-1][0] == "done", "the worker reconnected by itself and published it")

        jobs = postgres.sql("SELECT kind, state, COUNT(*) FROM check_job GROUP BY kind, state ORDER BY kind", "factcheck")
        check([j[:2] for j in jobs] == [["article", "published"], ["claim", "published"]], f"every job ended published ({jobs})")
        published = postgres.sql("SELECT claim, COUNT(*) FROM published_check GROUP BY claim", "factcheck")
        check(set(acknowledged) <= {c for c, _ in published} and all(n == "1" for _, n in published),
              f"each of the {len(acknowledged)} acknowledged submissions and {len(published) - len(acknowledged)} article claims published exactly once")
        print("scale-out end-to-end: all passed")
    except BaseException:
        for process in site.processes if site else []:
            print(f"--- {process.name} log (last lines)\n" + "\n".join(process.log().splitlines()[-15:]))
        raise
    finally:
        if site:
            site.close()
        postgres.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
