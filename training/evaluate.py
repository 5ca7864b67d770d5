#!/usr/bin/env python3
"""Quick Python-side sanity evaluation of an exported FactCheck verifier.

The official numbers come from the Swift engine; this script only checks the exported
model after training. Never tune hyper-parameters on these sets.

Reports (JSON on stdout):
  mnli_mismatched      accuracy / macro-F1 (3-way) on mnli_dev_mismatched.jsonl
  climate_fever_sent   Climate-FEVER evidence-sentence level: each evidence item's own
                       evidence_label (SUPPORTS/REFUTES/NOT_ENOUGH_INFO) vs the claim, 3-way macro-F1
  scifact_dev_sr       SciFact dev claims with evidence text, SUPPORTED vs REFUTED accuracy, deciding
                       only between the entailment and contradiction logits; two aggregations:
                       "concat" (all evidence sentences of the claim as one premise) and
                       "max" (the sentence with the most confident E-or-C decision wins)
  check_covid_dev      Check-COVID dev pairs, 3-way accuracy / macro-F1 (extra)
  ECE (15 equal-width bins on the max probability) before/after temperature for the 3-way sets.

Usage:
  python training/evaluate.py [--model-dir models/factcheck-verifier-minilm-l6] [--limit N]
"""
import argparse
import json
import os
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import torch  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = ["entailment", "neutral", "contradiction"]
L2I = {l: i for i, l in enumerate(LABELS)}
CF2I = {"SUPPORTS": 0, "NOT_ENOUGH_INFO": 1, "REFUTES": 2}
CLAIM2I = {"SUPPORTED": 0, "NOT_ENOUGH_INFO": 1, "REFUTED": 2}


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def macro_f1(y, p, k=3):
    y, p = np.asarray(y), np.asarray(p)
    f1s = []
    for c in range(k):
        tp = np.sum((p == c) & (y == c))
        fp = np.sum((p == c) & (y != c))
        fn = np.sum((p != c) & (y == c))
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return float(np.mean(f1s)), [round(float(f), 4) for f in f1s]


def ece(probs, y, bins=15):
    conf = probs.max(1)
    pred = probs.argmax(1)
    acc = (pred == y).astype(np.float64)
    edges = np.linspace(0, 1, bins + 1)
    e = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        m = (conf > lo) & (conf <= hi)
        if m.any():
            e += m.mean() * abs(acc[m].mean() - conf[m].mean())
    return float(e)


def softmax(x):
    x = x - x.max(1, keepdims=True)
    e = np.exp(x)
    return e / e.sum(1, keepdims=True)


class Scorer:
    def __init__(self, model_dir, max_len, batch_size):
        from transformers import AutoTokenizer, BertForSequenceClassification
        self.tok = AutoTokenizer.from_pretrained(model_dir, local_files_only=True)
        self.model = BertForSequenceClassification.from_pretrained(
            model_dir, local_files_only=True).float().eval()
        self.max_len, self.bs = max_len, batch_size

    @torch.no_grad()
    def logits(self, premises, hypotheses):
        enc = self.tok(list(premises), list(hypotheses), truncation="longest_first",
                       max_length=self.max_len, padding=False)
        ids, tts = enc["input_ids"], enc["token_type_ids"]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        out = np.zeros((len(ids), 3), dtype=np.float64)
        for s in range(0, len(order), self.bs):
            b = order[s:s + self.bs]
            L = max(len(ids[i]) for i in b)
            x = torch.zeros((len(b), L), dtype=torch.long)
            t = torch.zeros_like(x)
            m = torch.zeros_like(x)
            for r, i in enumerate(b):
                x[r, :len(ids[i])] = torch.tensor(ids[i])
                t[r, :len(ids[i])] = torch.tensor(tts[i])
                m[r, :len(ids[i])] = 1
            out[b] = self.model(input_ids=x, token_type_ids=t, attention_mask=m).logits.float().numpy()
        return out


def three_way(name, lg, y, T):
    y = np.asarray(y)
    pred = lg.argmax(1)
    mf1, per = macro_f1(y, pred)
    return {"n": int(len(y)), "accuracy": round(float((pred == y).mean()), 4),
            "macro_f1": round(mf1, 4), "f1_per_class(E,N,C)": per,
            "ece_T1": round(ece(softmax(lg), y), 4), "ece_T": round(ece(softmax(lg / T), y), 4)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model-dir", default=os.path.join(REPO, "models", "factcheck-verifier-minilm-l6"))
    ap.add_argument("--data-dir", default="/work/shared/data")
    ap.add_argument("--max-len", type=int, default=128)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N items of each set (smoke test)")
    ap.add_argument("--out", default=None, help="also write the JSON report here")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    t0 = time.time()
    cal_path = os.path.join(args.model_dir, "calibration.json")
    T = json.load(open(cal_path))["temperature"] if os.path.exists(cal_path) else 1.0
    sc = Scorer(args.model_dir, args.max_len, args.batch_size)
    lim = (lambda xs: xs[:args.limit]) if args.limit else (lambda xs: xs)
    report = {"model_dir": args.model_dir, "temperature": T}

    # MNLI mismatched (held out)
    rows = lim(read_jsonl(os.path.join(args.data_dir, "nli", "mnli_dev_mismatched.jsonl")))
    lg = sc.logits([r["premise"] for r in rows], [r["hypothesis"] for r in rows])
    report["mnli_mismatched"] = three_way("mnli", lg, [L2I[r["label"]] for r in rows], T)

    # Climate-FEVER, evidence-sentence level
    P, H, Y = [], [], []
    for r in lim(read_jsonl(os.path.join(args.data_dir, "climate_fever.jsonl"))):
        for e in r["evidence"]:
            if e.get("text") and e.get("evidence_label") in CF2I:
                P.append(e["text"]); H.append(r["claim"]); Y.append(CF2I[e["evidence_label"]])
    lg = sc.logits(P, H)
    report["climate_fever_sent"] = three_way("cf", lg, Y, T)

    # SciFact dev, SUPPORTED vs REFUTED (entailment vs contradiction logits only)
    claims = [r for r in read_jsonl(os.path.join(args.data_dir, "scifact_train_dev.jsonl"))
              if r["split"] == "dev" and r["label"] in ("SUPPORTED", "REFUTED")]
    claims = [(r, [e["text"] for e in r["evidence"] if e.get("text")]) for r in claims]
    claims = lim([(r, ev) for r, ev in claims if ev])
    y = np.array([0 if r["label"] == "SUPPORTED" else 1 for r, _ in claims])
    lg_c = sc.logits([" ".join(ev) for _, ev in claims], [r["claim"] for r, _ in claims])
    pred_concat = (lg_c[:, 2] > lg_c[:, 0]).astype(int)
    flatP, flatH, owner = [], [], []
    for k, (r, ev) in enumerate(claims):
        for t in ev:
            flatP.append(t); flatH.append(r["claim"]); owner.append(k)
    lg_s = sc.logits(flatP, flatH)
    pc = softmax(lg_s[:, [0, 2]])  # restricted E-vs-C probabilities per sentence
    best = {}
    for j, k in enumerate(owner):
        conf = pc[j].max()
        if k not in best or conf > best[k][0]:
            best[k] = (conf, int(pc[j].argmax()))
    pred_max = np.array([best[k][1] for k in range(len(claims))])
    report["scifact_dev_sr"] = {
        "n_claims": int(len(claims)), "n_supported": int((y == 0).sum()), "n_refuted": int((y == 1).sum()),
        "accuracy_concat": round(float((pred_concat == y).mean()), 4),
        "accuracy_max": round(float((pred_max == y).mean()), 4),
        "macro_f1_concat": round(macro_f1(y, pred_concat, 2)[0], 4),
        "macro_f1_max": round(macro_f1(y, pred_max, 2)[0], 4)}

    # Check-COVID dev (extra), pair level 3-way
    P, H, Y = [], [], []
    for r in lim([r for r in read_jsonl(os.path.join(args.data_dir, "check_covid_train_dev.jsonl"))
                  if r["split"] == "dev" and r["label"] in CLAIM2I]):
        ev = [e["text"] for e in r["evidence"] if e.get("text")]
        if ev:
            P.append(" ".join(ev)); H.append(r["claim"]); Y.append(CLAIM2I[r["label"]])
    lg = sc.logits(P, H)
    report["check_covid_dev"] = three_way("cc", lg, Y, T)

    report["seconds"] = round(time.time() - t0, 1)
    s = json.dumps(report, indent=2)
    print(s)
    if args.out:
        with open(args.out, "w") as f:
            f.write(s + "\n")


if __name__ == "__main__":
    main()
