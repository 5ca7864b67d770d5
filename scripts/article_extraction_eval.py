"""Claim extraction measured on ../shared/data/articles/: precision and recall of the statements a careful checker
flags, `skip` sentences extracted (target 0), and how many extracted claims stand alone (no opening pronoun).

An extracted claim matches a flagged statement when its span in the article overlaps the statement's text.
Usage: python3 scripts/article_extraction_eval.py --factcheck .build/release/factcheck [--scorer model|rules] [--json]
"""
import argparse
import json
import os
import re
import subprocess

DATA = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "articles")
REFERRING = {"it", "its", "he", "she", "they", "them", "this", "that", "these", "those", "his", "her", "their", "such"}


def spans(text, needle):
    start = text.find(needle)
    return [] if start < 0 else [(start, start + len(needle))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factcheck", required=True)
    parser.add_argument("--scorer", default="model")
    parser.add_argument("--data", default=DATA)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = []
    for line in open(os.path.join(args.data, "annotations.jsonl")):
        entry = json.loads(line)
        path = os.path.join(args.data, entry["file"])
        text = open(path, encoding="utf-8").read()
        out = subprocess.run([args.factcheck, "check-article", path, "--extract-only", "--json", "--scorer", args.scorer],
                             check=True, capture_output=True, text=True).stdout
        claims = json.loads(out)
        flags = [(flag, spans(text, flag["text"])) for flag in entry["flag"]]
        skips = [(skip, spans(text, skip)) for skip in entry["skip"]]
        missing = [flag["text"] for flag, found in flags if not found] + [skip for skip, found in skips if not found]
        assert not missing, f"annotation text not found in the article: {missing}"

        def overlaps(claim, found):
            return any(claim["span"]["start"] < end and start < claim["span"]["end"] for start, end in found)

        matched = [c for c in claims if any(overlaps(c, found) for _, found in flags)]
        recalled = [flag for flag, found in flags if any(overlaps(c, found) for c in claims)]
        skipped = [skip for skip, found in skips if any(overlaps(c, found) for c in claims)]
        standalone = [c for c in claims if re.split(r"\W+", c["text"].lower(), maxsplit=1)[0] not in REFERRING]
        results.append({
            "article": entry["id"], "claims": len(claims), "sentences_flagged": len(flags),
            "precision": len(matched) / len(claims) if claims else 0.0,
            "recall": len(recalled) / len(flags),
            "acceptance_recalled": sum(1 for f in recalled if f.get("acceptance")), "acceptance": sum(1 for f, _ in flags if f.get("acceptance")),
            "skip_extracted": len(skipped), "skip_extracted_sentences": skipped,
            "standalone": len(standalone),
            "missed": [flag["text"] for flag, _ in flags if flag not in recalled],
            "unflagged_extracted": [c["text"] for c in claims if c not in matched],
        })
    if args.json:
        print(json.dumps(results, indent=2))
        return
    for r in results:
        print(f"{r['article']} ({args.scorer}): {r['claims']} claims; precision {r['precision']:.3f}, recall {r['recall']:.3f} "
              f"({r['acceptance_recalled']}/{r['acceptance']} acceptance); skip sentences extracted {r['skip_extracted']}; "
              f"stand alone {r['standalone']}/{r['claims']}")
        for text in r["missed"]:
            print("  missed:", text)
        for text in r["unflagged_extracted"]:
            print("  not flagged:", text)
        for text in r["skip_extracted_sentences"]:
            print("  SKIP extracted:", text)


if __name__ == "__main__":
    main()
