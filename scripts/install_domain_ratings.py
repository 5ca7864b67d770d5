#!/usr/bin/env python3
"""Installs the news-domain quality ratings of Lin et al. 2023 into the data home, where FactCheck blends them into
the credibility of web sources (a domain's `pc1` against its source type's prior).

The ratings are not part of the repository: this script copies them from a local copy of the published data set
(`hauselin/domain-quality-ratings`, as `../shared/data/domain_quality_lin2023.jsonl` holds it), checks the file's
SHA-256 against the pinned release, checks every line, and writes
  $FACTCHECK_HOME/domain_quality_lin2023.jsonl          the ratings, one {"domain", "pc1"} per line
  $FACTCHECK_HOME/domain_quality_lin2023.LICENSE.txt    where they come from and how to cite them
Idempotent; exits 0 without doing anything when the source is absent (FactCheck then scores by source type alone).

Usage: python3 scripts/install_domain_ratings.py [--source FILE] [--home DIR]
"""
import argparse
import hashlib
import json
import os
import shutil
import sys

PINNED_SHA256 = "413a23d2b3ab86b91a4f22fe12189241e23690ddd39fc51c11daeb5c44036d76"
NAME = "domain_quality_lin2023.jsonl"
LICENSE = """News-domain quality ratings (pc1), from:
  Hause Lin, Jana Lasser, Stephan Lewandowsky, Rocky Cole, Andrew Gully, David G. Rand and Gordon Pennycook (2023).
  High level of correspondence across different news domain quality rating sets. PNAS Nexus 2(9), pgad286.
  https://doi.org/10.1093/pnasnexus/pgad286 — data: https://github.com/hauselin/domain-quality-ratings
The authors invite reuse of the aggregate ratings; cite the paper above when you use them.
Installed by scripts/install_domain_ratings.py (SHA-256 {sha}).
"""


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", default=os.path.join(here, "..", "..", "shared", "data", NAME))
    parser.add_argument("--home", default=os.environ.get("FACTCHECK_HOME", os.path.join(here, "..", ".factcheck")))
    args = parser.parse_args()
    if not os.path.exists(args.source):
        print(f"domain ratings: {args.source} is absent; credibility uses source types alone")
        return
    digest = hashlib.sha256(open(args.source, "rb").read()).hexdigest()
    if digest != PINNED_SHA256:
        sys.exit(f"domain ratings: {args.source} has SHA-256 {digest}, expected {PINNED_SHA256}")
    target = os.path.join(args.home, NAME)
    if os.path.exists(target) and hashlib.sha256(open(target, "rb").read()).hexdigest() == PINNED_SHA256:
        return
    count = 0
    for number, line in enumerate(open(args.source, encoding="utf-8"), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        if not isinstance(record.get("domain"), str) or not 0 <= float(record.get("pc1", -1)) <= 1:
            sys.exit(f"domain ratings: {args.source}:{number} is not a {{domain, pc1}} rating")
        count += 1
    os.makedirs(args.home, exist_ok=True)
    shutil.copyfile(args.source, target + ".tmp")
    os.replace(target + ".tmp", target)
    with open(os.path.join(args.home, "domain_quality_lin2023.LICENSE.txt"), "w") as f:
        f.write(LICENSE.format(sha=digest))
    print(f"domain ratings: {count} domains installed in {target}")


if __name__ == "__main__":
    main()
