#!/usr/bin/env python3
"""The best macro-F1 a claim-only (retrieve-mode) system can reach on a claims JSONL split.

Items whose claim text repeats that of an item labelled otherwise get the same input in retrieve mode, so one
prediction serves the whole set. This script counts them (as `factcheck eval --mode retrieve` does) and searches, for
SUPPORTED/REFUTED/NOT_ENOUGH_INFO, the best assignment: every claim's polarity right, and NOT_ENOUGH_INFO said for the
best number of the repeated SUPPORTED and REFUTED claims. It also prints the score of that system never saying
NOT_ENOUGH_INFO. With --polarity-accuracy A, it also prints the expected macro-F1 of a system that gets the polarity
of a claim right with probability A and says NOT_ENOUGH_INFO for a share q of claims regardless of which repeat,
at the best q.

Usage: python3 scripts/retrieve_ceiling.py ../shared/data/check_covid_train_dev.jsonl --split dev [--polarity-accuracy 0.82]
"""
import argparse
import collections
import json

LABELS = ("SUPPORTED", "REFUTED", "NOT_ENOUGH_INFO")


def f1(true_positives, predicted, actual):
    if true_positives == 0:
        return 0.0
    precision, recall = true_positives / predicted, true_positives / actual
    return 2 * precision * recall / (precision + recall)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--split")
    ap.add_argument("--polarity-accuracy", type=float)
    args = ap.parse_args()
    items = [json.loads(line) for line in open(args.file, encoding="utf-8") if line.strip()]
    items = [r for r in items if r["label"] in LABELS and (args.split is None or r.get("split") == args.split)]
    by_text = collections.defaultdict(list)
    for r in items:
        by_text[r["claim"].strip()].append(r["label"])
    total = collections.Counter(r["label"] for r in items)
    repeated = sum(len(labels) for labels in by_text.values() if len(set(labels)) > 1)
    # Claims of a polarity that share their text with a NOT_ENOUGH_INFO claim (and how many NOT_ENOUGH_INFO claims each set has).
    twins = {"SUPPORTED": [], "REFUTED": []}
    for labels in by_text.values():
        counts = collections.Counter(labels)
        for polarity in twins:
            if counts[polarity] and counts["NOT_ENOUGH_INFO"]:
                twins[polarity].append((counts[polarity], counts["NOT_ENOUGH_INFO"]))

    for sets in twins.values():  # the sets that gain the most NOT_ENOUGH_INFO claims per claim of polarity lost come first
        sets.sort(key=lambda pair: -pair[1] / pair[0])

    def macro(said_nei):
        # said_nei: per polarity, the repeated texts predicted NOT_ENOUGH_INFO (the first k of each list).
        scores, nei_right, nei_said = [], 0, 0
        for polarity, sets in twins.items():
            chosen = sets[:said_nei[polarity]]
            lost = sum(p for p, _ in chosen)
            wrongly = sum(n for p, n in sets[said_nei[polarity]:])  # NOT_ENOUGH_INFO claims predicted with this polarity
            scores.append(f1(total[polarity] - lost, total[polarity] - lost + wrongly, total[polarity]))
            nei_right += sum(n for _, n in chosen); nei_said += sum(p + n for p, n in chosen)
        scores.append(f1(nei_right, nei_said, total["NOT_ENOUGH_INFO"]) if nei_said else 0.0)
        return sum(scores) / 3

    def expected(accuracy, q):
        # Every claim but NOT_ENOUGH_INFO ones is SUPPORTED or REFUTED; a NOT_ENOUGH_INFO claim gets its twin's verdict.
        scores = []
        for polarity, other in (("SUPPORTED", "REFUTED"), ("REFUTED", "SUPPORTED")):
            right = (1 - q) * accuracy * total[polarity]
            nei_twins = sum(n for _, n in twins[polarity])
            said = right + (1 - q) * (1 - accuracy) * total[other] \
                + (1 - q) * (accuracy * nei_twins + (1 - accuracy) * sum(n for _, n in twins[other]))
            scores.append(f1(right, said, total[polarity]) if said else 0.0)
        scores.append(f1(q * total["NOT_ENOUGH_INFO"], q * len(items), total["NOT_ENOUGH_INFO"]) if q else 0.0)
        return sum(scores) / 3

    best = max(((macro({"SUPPORTED": a, "REFUTED": b}), a, b)
                for a in range(len(twins["SUPPORTED"]) + 1) for b in range(len(twins["REFUTED"]) + 1)))
    print(json.dumps({"n": len(items), "labels": dict(total), "claims_repeated_with_other_label": repeated,
                      "ceiling_macro_f1": round(best[0], 3),
                      "repeated_claims_said_not_enough_info": {"SUPPORTED": best[1], "REFUTED": best[2]},
                      "never_not_enough_info_macro_f1": round(macro({"SUPPORTED": 0, "REFUTED": 0}), 3)}))
    if args.polarity_accuracy is not None:
        score, q = max((expected(args.polarity_accuracy, q / 100), q / 100) for q in range(101))
        print(json.dumps({"polarity_accuracy": args.polarity_accuracy, "best_share_not_enough_info": q,
                          "expected_macro_f1": round(score, 3)}))


if __name__ == "__main__":
    main()
