"""Checks with online evidence providers, on the release build, against local servers that speak the real APIs'
formats (Tests/ProvidersTests/Support: a MediaWiki action API and a SearxNG JSON search with its result pages, serving
../shared/data/articles/evidence.jsonl), each answer delayed 300 ms to stand for the network.

Measures `factcheck bench check` (20 varied claims; the first check is the warm-up) with the local knowledge base
alone, with local + wikipedia, with local + wikipedia + searxng, and with a wiki that never answers within the
provider deadline; then the verdicts of the issue's example claims without and with the providers.
Writes --out (JSON) and prints a summary.

Usage: python3 bench/providers_bench.py --factcheck .build/release/factcheck --home .factcheck --out bench/providers.json
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SUPPORT = os.path.join(HERE, "..", "Tests", "ProvidersTests", "Support")
EVIDENCE = os.path.join(HERE, "..", "..", "shared", "data", "articles", "evidence.jsonl")
CLAIMS = ["Japan is a member of the United Nations", "Sweden became a member of NATO in March 2024",
          "The United States and Japan have a mutual security treaty", "NATO consists of 30 member countries"]


def start(script, *arguments):
    process = subprocess.Popen([sys.executable, os.path.join(SUPPORT, script), *arguments], stdout=subprocess.PIPE, text=True)
    return process, int(process.stdout.readline())


def run_json(command, env):
    output = subprocess.run(command, capture_output=True, text=True, env=env)
    if output.returncode != 0:
        sys.exit(f"{' '.join(command)} failed: {output.stderr[-800:]}")
    return json.loads(output.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factcheck", default=".build/release/factcheck")
    parser.add_argument("--home", default=".factcheck")
    parser.add_argument("--out", default=os.path.join(HERE, "providers.json"))
    parser.add_argument("--delay", type=float, default=0.3)
    args = parser.parse_args()
    if not os.path.exists(EVIDENCE):
        sys.exit(f"{EVIDENCE} is absent (../shared/data is not part of the repository)")
    wiki, wiki_port = start("mediawiki_server.py", "--articles", EVIDENCE)
    search, search_port = start("search_server.py", "--articles", EVIDENCE)
    env = dict(os.environ, FACTCHECK_HOME=args.home, FACTCHECK_FETCH_ALLOWED_HOSTS="127.0.0.1")
    delay = f"/slow/{args.delay}"
    wiki_url = f"http://127.0.0.1:{wiki_port}{delay}/w/api.php"
    searxng_url = f"http://127.0.0.1:{search_port}{delay}"
    hanging_url = f"http://127.0.0.1:{wiki_port}/slow/60/w/api.php"
    setups = {
        "local": ["--providers", "local"],
        "local+wikipedia": ["--providers", "local,wikipedia", "--wikipedia-url", wiki_url],
        "local+wikipedia+searxng": ["--providers", "local,wikipedia,searxng", "--wikipedia-url", wiki_url, "--searxng-url", searxng_url],
        "local+hanging wiki (deadline 2 s)": ["--providers", "local,wikipedia", "--wikipedia-url", hanging_url, "--provider-timeout", "2"],
    }
    results = {"delay_s": args.delay, "bench": {}, "claims": []}
    try:
        for name, options in setups.items():
            measured = run_json([args.factcheck, "bench", "check", "--passes", "1", *options], env)
            results["bench"][name] = measured
            print(f"{name:36} p50 {measured['warm_p50_ms']:7.0f} ms  p95 {measured['warm_p95_ms']:7.0f} ms  max {measured['warm_max_ms']:7.0f} ms"
                  f"  within deadline {measured['search_within_deadline_share']:.0%}  {measured['providers']}")
        for claim in CLAIMS:
            row = {"claim": claim}
            for name in ["local", "local+wikipedia+searxng"]:
                report = run_json([args.factcheck, "check", claim, "--json", *setups[name]], env)
                cited = [s for s in report["sources"] if s["stance"] != "NOT_ENOUGH_INFO"]
                row[name] = {"verdict": report["verdict"], "confidence": round(report["confidence"], 2),
                             "deciding": [f"{s['title']} <{s['url']}>" for s in cited[:2]]}
            results["claims"].append(row)
            print(f"{claim}: {row['local']['verdict']} → {row['local+wikipedia+searxng']['verdict']}  {row['local+wikipedia+searxng']['deciding']}")
    finally:
        wiki.kill()
        search.kill()
    with open(args.out, "w") as f:
        json.dump(results, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
