"""Check-COVID training pairs in the form FactCheck's pipeline shows them to the verifier.

The pipeline reads a scholarly source as whole passages of one to three sentences (about 120 tokens) cut from its
abstract, not as the single evidence sentence the dataset annotates. This module builds, from the Check-COVID
**train** claims and their CORD-19 abstracts:

- a *passage pair* per claim: the passage of the claim's own abstract that holds its annotated evidence sentence,
  with the claim's label;
- *retrieved neutrals*: the best passage of the abstract that BM25 ranks third among the other abstracts, labelled
  neutral — a loosely related study of the kind retrieval brings up, on which the verifier should not take sides.
  (The top-ranked other abstracts often report the same finding as the claim's own, so they are not neutral.)

Claims are split by abstract: a seeded fraction of the abstracts (and every claim citing one of them) is held out, so
the pipeline can be validated on claims whose abstracts the verifier never read. Abstracts cited only by dev claims
are never used.
"""
import collections
import json
import math
import random
import re

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[])")
_WORD = re.compile(r"[a-z0-9]+")
_STOP = set("""a an the of in on at to for from by with and or but not no is are was were be been being has have had do
does did may might can could will would should that this these those it its as than then there their they them we our
which who what when where how all any some more most less very also such into over under about after before between
during without within only just so if because while per via among each other both either many much few""".split())


NEUTRAL_RANK = 2  # 0-based: the third-ranked other abstract


def sentences(text):
    """Sentences of `text`, split after . ! ? before a capital, digit, quote or bracket (close to FactCheck's splitter)."""
    return [s.strip() for s in _SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def estimated_tokens(text):
    return (len(text.split()) * 4 + 2) // 3


def passages(text, max_sentences=3, max_tokens=120):
    """The passages FactCheck's `PassageChunker` cuts: up to `max_sentences` sentences and about `max_tokens` tokens."""
    out, current, tokens = [], [], 0
    words_per_piece = max(1, max_tokens * 3 // 4)
    for sentence in sentences(text):
        words = sentence.split()
        pieces = [" ".join(words[i:i + words_per_piece]) for i in range(0, len(words), words_per_piece)] or [sentence]
        for piece in pieces:
            cost = estimated_tokens(piece)
            if current and (len(current) >= max_sentences or tokens + cost > max_tokens):
                out.append(" ".join(current))
                current, tokens = [], 0
            current.append(piece)
            tokens += cost
    if current:
        out.append(" ".join(current))
    return out


def _terms(text):
    return [w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1]


class BM25:
    """Okapi BM25 (k1 1.2, b 0.75) over a fixed list of texts."""

    def __init__(self, texts, k1=1.2, b=0.75):
        self.docs = [collections.Counter(_terms(t)) for t in texts]
        self.lengths = [sum(d.values()) for d in self.docs]
        self.avg = sum(self.lengths) / max(1, len(self.docs))
        df = collections.Counter(term for d in self.docs for term in d)
        n = len(self.docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.k1, self.b = k1, b

    def scores(self, query):
        q = set(_terms(query))
        out = []
        for d, length in zip(self.docs, self.lengths):
            s = 0.0
            for t in q:
                f = d.get(t)
                if f:
                    s += self.idf[t] * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * length / self.avg))
            out.append(s)
        return out


def _normalized(text):
    return " ".join(_WORD.findall(text.lower()))


def check_covid_passage_pairs(claims_path, abstracts_path, holdout_fraction, seed, read_jsonl):
    """(pairs, held_out_claim_ids, stats) — pairs are (premise, hypothesis, label, source) tuples."""
    from_label = {"SUPPORTED": "entailment", "REFUTED": "contradiction", "NOT_ENOUGH_INFO": "neutral"}
    claims = [r for r in read_jsonl(claims_path) if r.get("split") == "train" and r.get("label") in from_label]
    abstracts = {r["id"].split(":", 1)[1]: r for r in read_jsonl(abstracts_path)}
    cited = sorted({r["meta"]["cord_id"] for r in claims if r["meta"]["cord_id"] in abstracts})
    rng = random.Random(seed)
    rng.shuffle(cited)
    held = set(cited[: int(round(holdout_fraction * len(cited)))])
    used = [c for c in cited if c not in held]

    chunks, owner = [], []
    for cord_id in used:
        for p in passages(abstracts[cord_id]["text"]):
            chunks.append(p)
            owner.append(cord_id)
    index = BM25(chunks)

    pairs, held_ids = [], []
    stats = collections.Counter()
    for r in claims:
        cord_id = r["meta"]["cord_id"]
        if cord_id in held:
            held_ids.append(r["id"])
            continue
        if cord_id not in abstracts:
            stats["no_abstract"] += 1
            continue
        claim, label = r["claim"].strip(), from_label[r["label"]]
        own = [i for i, o in enumerate(owner) if o == cord_id]
        evidence = [_normalized(e["text"]) for e in r.get("evidence") or [] if e.get("text")]
        holding = [i for i in own if any(e and e in _normalized(chunks[i]) for e in evidence)]
        scores = index.scores(claim)
        if not holding:  # the evidence sentence was split differently: take the passage closest to the claim
            holding = [max(own, key=lambda i: scores[i])]
            stats["evidence_not_found"] += 1
        for i in holding:
            pairs.append((chunks[i], claim, label, "check_covid_passage"))
            stats["passage_" + label] += 1
        best_of = {}  # other abstract -> its best passage for the claim
        for i, other in enumerate(owner):
            if other != cord_id and (other not in best_of or scores[i] > scores[best_of[other]]):
                best_of[other] = i
        ranked = sorted(best_of.values(), key=lambda i: -scores[i])
        if len(ranked) > NEUTRAL_RANK:
            pairs.append((chunks[ranked[NEUTRAL_RANK]], claim, "neutral", "check_covid_retrieved_neutral"))
            stats["retrieved_neutral"] += 1
    stats["abstracts_used"] = len(used)
    stats["abstracts_held_out"] = len(held)
    stats["claims_held_out"] = len(held_ids)
    return pairs, held_ids, dict(stats)


def main():
    """`python3 training/passage_pairs.py RUN_DIR [DATA_DIR]`: print the run's held-out Check-COVID claims as JSONL,
    for `factcheck eval FILE --format claims --mode retrieve --split train`."""
    import sys
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: passage_pairs.py RUN_DIR [DATA_DIR]")
    data_dir = sys.argv[2] if len(sys.argv) == 3 else "/work/shared/data"
    with open(sys.argv[1].rstrip("/") + "/data_mix.json") as f:
        held = set(json.load(f)["check_covid_held_out_claims"])
    with open(data_dir + "/check_covid_train_dev.jsonl") as f:
        for line in f:
            if line.strip() and json.loads(line)["id"] in held:
                sys.stdout.write(line)


if __name__ == "__main__":
    main()
