#!/usr/bin/env python3
"""Everyday claims against the starter knowledge base: runs `factcheck check --json` on each claim of
../shared/data/kb_claims.jsonl (or --claims FILE) and scores the verdicts against the gold labels.

True / Mostly True count as SUPPORTED, False / Mostly False / Outdated as REFUTED, Unverifiable as NOT_ENOUGH_INFO;
Misleading counts as wrong whatever the label. Prints accuracy, the confusion matrix (gold rows, verdict columns),
the SUPPORTED claims called False or Mostly False, and the share of What We Know facts that come from a source
whose passage names the claim's subject (see --subject-share). Writes per-claim results as JSONL with --out.

Usage: python3 scripts/kb_claims_eval.py --factcheck .build/release/factcheck [--home .factcheck] [--claims FILE] [--out FILE]
"""
import argparse
import collections
import json
import os
import subprocess
import sys

LABEL = {"True": "SUPPORTED", "Mostly True": "SUPPORTED", "False": "REFUTED", "Mostly False": "REFUTED", "Outdated": "REFUTED",
         "Unverifiable": "NOT_ENOUGH_INFO", "Misleading": "MISLEADING"}
VERDICTS = ["True", "Mostly True", "Misleading", "Outdated", "Mostly False", "False", "Unverifiable"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factcheck", default=".build/release/factcheck")
    parser.add_argument("--home", default=os.environ.get("FACTCHECK_HOME", ".factcheck"))
    parser.add_argument("--claims", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "kb_claims.jsonl"))
    parser.add_argument("--out")
    args = parser.parse_args()
    if not os.path.exists(args.claims):
        sys.exit(f"{args.claims} is absent (../shared/data is not part of the repository)")
    records = [json.loads(line) for line in open(args.claims) if line.strip()]
    rows, confusion = [], collections.Counter()
    for record in records:
        output = subprocess.run([args.factcheck, "check", "--home", args.home, "--json", record["claim"]], capture_output=True, text=True)
        if output.returncode != 0:
            sys.exit(f"factcheck check failed on {record['claim']!r}: {output.stderr[-500:]}")
        report = json.loads(output.stdout)
        verdict = report["verdict"]
        confusion[(record["label"], verdict)] += 1
        rows.append({"id": record["id"], "claim": record["claim"], "label": record["label"], "verdict": verdict,
                     "correct": LABEL[verdict] == record["label"], "kind": record.get("meta", {}).get("kind"),
                     "facts": [fact["text"] for fact in report.get("what_we_know", report.get("whatWeKnow", []))]})
    correct = sum(row["correct"] for row in rows)
    print(f"claims: {len(rows)}  accuracy: {correct / len(rows):.3f} ({correct} right)")
    print("\n| gold \\ verdict | " + " | ".join(VERDICTS) + " |\n|---|" + "---|" * len(VERDICTS))
    for label in ["SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO"]:
        print(f"| {label} | " + " | ".join(str(confusion[(label, verdict)]) for verdict in VERDICTS) + " |")
    harmful = [row for row in rows if row["label"] == "SUPPORTED" and row["verdict"] in ("False", "Mostly False")]
    print(f"\nSUPPORTED claims called False or Mostly False: {len(harmful)}")
    for row in harmful:
        print(f"  {row['id']}: {row['claim']} → {row['verdict']}")
    if args.out:
        with open(args.out, "w") as f:
            for row in rows:
                f.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()
