#!/usr/bin/env python3
"""Score logit ensembles of exported verifiers on the verifier's three held-out sets.

Each model's logits are computed once (cached as NPZ in --cache-dir); an ensemble's log-probabilities are the mean of
its members' log-softmax at each member's own temperature. Reports, for every combination of the models given:
MNLI mismatched accuracy and ECE, SciFact dev SUPPORTED/REFUTED accuracy (the most decisive evidence sentence decides,
as `factcheck eval --mode gold --labels SUPPORTED,REFUTED` does) and Climate-FEVER per-evidence macro-F1.

Usage:
  python3 training/ensemble.py --model v1=models/factcheck-verifier-minilm-l6 --model v4=/tmp/verifier-v4-export …
"""
import argparse
import itertools
import json
import os

import numpy as np
import torch

from evaluate import CF2I, L2I, Scorer, ece, macro_f1, read_jsonl


def held_out_sets(data_dir):
    mnli = read_jsonl(os.path.join(data_dir, "nli", "mnli_dev_mismatched.jsonl"))
    cf_premises, cf_claims, cf_labels = [], [], []
    for r in read_jsonl(os.path.join(data_dir, "climate_fever.jsonl")):
        for e in r["evidence"]:
            if e.get("text") and e.get("evidence_label") in CF2I:
                cf_premises.append(e["text"]); cf_claims.append(r["claim"]); cf_labels.append(CF2I[e["evidence_label"]])
    scifact = [r for r in read_jsonl(os.path.join(data_dir, "scifact_train_dev.jsonl"))
               if r["split"] == "dev" and r["label"] in ("SUPPORTED", "REFUTED")]
    sf_premises, sf_claims, sf_owner = [], [], []
    for k, r in enumerate(scifact):
        for e in r["evidence"]:
            if e.get("text"):
                sf_premises.append(e["text"]); sf_claims.append(r["claim"]); sf_owner.append(k)
    pairs = {"mnli": ([r["premise"] for r in mnli], [r["hypothesis"] for r in mnli]),
             "cf": (cf_premises, cf_claims), "sf": (sf_premises, sf_claims)}
    truth = {"mnli": np.array([L2I[r["label"]] for r in mnli]), "cf": np.array(cf_labels),
             "sf": np.array([0 if r["label"] == "SUPPORTED" else 1 for r in scifact]), "sf_owner": sf_owner}
    return pairs, truth


def log_softmax(x):
    x = x - x.max(1, keepdims=True)
    return x - np.log(np.exp(x).sum(1, keepdims=True))


def scores(members, logits, truth):
    mean = {k: np.mean([log_softmax(logits[m][k] / float(logits[m]["T"])) for m in members], 0) for k in ("mnli", "cf", "sf")}
    mnli = np.exp(mean["mnli"]); mnli /= mnli.sum(1, keepdims=True)
    sf = np.exp(mean["sf"]); sf /= sf.sum(1, keepdims=True)
    decisive = {}
    for j, k in enumerate(truth["sf_owner"]):
        strength = max(sf[j, 0], sf[j, 2])
        if k not in decisive or strength > decisive[k][0]:
            decisive[k] = (strength, 0 if sf[j, 0] >= sf[j, 2] else 1)
    return {"mnli_accuracy": float((mnli.argmax(1) == truth["mnli"]).mean()), "mnli_ece": ece(mnli, truth["mnli"]),
            "scifact_sr_accuracy": float(np.mean([decisive[k][1] == y for k, y in enumerate(truth["sf"]) if k in decisive])),
            "climate_fever_per_evidence_macro_f1": macro_f1(truth["cf"], mean["cf"].argmax(1))[0]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", action="append", required=True, help="NAME=DIR of an exported verifier (repeat)")
    ap.add_argument("--data-dir", default="/work/shared/data")
    ap.add_argument("--cache-dir", default="/tmp/verifier-ensemble-logits")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    os.makedirs(args.cache_dir, exist_ok=True)
    pairs, truth = held_out_sets(args.data_dir)
    logits = {}
    for spec in args.model:
        name, directory = spec.split("=", 1)
        cache = os.path.join(args.cache_dir, f"{name}.npz")
        if not os.path.exists(cache):
            scorer = Scorer(directory, 128, 64)
            temperature = json.load(open(os.path.join(directory, "calibration.json")))["temperature"]
            np.savez(cache, T=temperature, **{k: scorer.logits(*v) for k, v in pairs.items()})
        logits[name] = dict(np.load(cache))
    names = list(logits)
    for size in range(1, len(names) + 1):
        for members in itertools.combinations(names, size):
            print(json.dumps({"members": list(members), **{k: round(v, 4) for k, v in scores(members, logits, truth).items()}}))


if __name__ == "__main__":
    main()
