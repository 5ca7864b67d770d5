"""Model calls of checks through the web app: serves a copy of a data home, submits new claims through the API (the
answer comes when the check is published) and prints the verifier and embedder counters from /metrics.

    python3 bench/web_model_calls.py --factcheck .build/release/factcheck --home .factcheck "Mount Everest is in Nepal."
"""
import argparse, json, os, shutil, subprocess, tempfile, time, urllib.request

parser = argparse.ArgumentParser()
parser.add_argument("--factcheck", required=True)
parser.add_argument("--home", required=True, help="a set-up data home (its database is copied, its models linked)")
parser.add_argument("--port", type=int, default=18931)
parser.add_argument("claims", nargs="+")
arguments = parser.parse_args()
home = tempfile.mkdtemp(prefix="factcheck-calls-")
shutil.copy(os.path.join(arguments.home, "factcheck.sqlite"), home)
os.symlink(os.path.abspath(os.path.join(arguments.home, "models")), os.path.join(home, "models"))
base = f"http://127.0.0.1:{arguments.port}"
server = subprocess.Popen([arguments.factcheck, "serve", "--home", home, "--port", str(arguments.port)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
try:
    for _ in range(120):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    for claim in arguments.claims:
        request = urllib.request.Request(base + "/api/v1/checks", data=json.dumps({"claim": claim}).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        answer = json.loads(urllib.request.urlopen(request, timeout=120).read())
        print(claim, "→ answered from an earlier check" if answer.get("instant") else "→ checked")
    for line in urllib.request.urlopen(base + "/metrics", timeout=10).read().decode().splitlines():
        if line.startswith(("factcheck_verifier_pairs_total", "factcheck_embedded_texts_total")):
            print(line)
finally:
    server.terminate()
    server.wait()
    shutil.rmtree(home, ignore_errors=True)
