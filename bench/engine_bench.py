#!/usr/bin/env python3
"""Engine benchmark: the Swift engine (`factcheck bench engine`) against PyTorch CPU on the same inputs.

Measures embeddings/s (all-MiniLM-L6-v2) and sentence-pairs/s (the 3-way verifier) at batch 1 and 32 with 1 and
2 threads, over length-sorted batches with no padding waste on either side (PyTorch pads each sorted batch to its
longest member), the max abs difference of outputs, achieved and sgemm GFLOPS, cold start (process start to first
embedding) and peak resident memory. Swift and PyTorch alternate over --rounds rounds (default 3) and each measure
keeps its best, as the two shared cores here are also used by other machines' work. Writes JSON (default
bench/engine.json) and prints a Markdown table.

Requires python/requirements.txt. Usage (see `make bench-engine`):
    python3 bench/engine_bench.py --factcheck .build/release/factcheck --out bench/engine.json
"""
import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time

HOME = os.environ.get("FACTCHECK_HOME", ".factcheck")
DATA = os.path.join("..", "shared", "data", "nli", "mnli_dev_mismatched.jsonl")


def load_inputs(n):
    """Real sentence pairs from the held-out MNLI set when present, else sentences of the MiniLM reference."""
    if os.path.exists(DATA):
        rows = [json.loads(line) for line in open(DATA)][:n]
        return [r["premise"] for r in rows], [[r["premise"], r["hypothesis"]] for r in rows], "mnli_dev_mismatched (first %d)" % n
    ref = json.load(open(os.path.join("Tests", "InferenceTests", "Fixtures", "minilm-reference.json")))
    texts = [s for s in ref["sentences"] if s.strip()]
    return texts, [[a, b] for a, b in zip(texts, texts[1:] + texts[:1])], "MiniLM reference sentences"


def torch_measure(model, tokenizer, items, batch, pair, seconds):
    import torch
    order = sorted(range(len(items)), key=lambda i: len(tokenizer(*items[i]) ["input_ids"]) if pair else len(tokenizer(items[i])["input_ids"]))
    batches = [[items[i] for i in order[s:s + batch]] for s in range(0, len(order), batch)]

    def run(b):
        if pair:
            enc = tokenizer([p[0] for p in b], [p[1] for p in b], padding=True, truncation=True, max_length=128, return_tensors="pt")
        else:
            enc = tokenizer(b, padding=True, truncation=True, max_length=128, return_tensors="pt")
        out = model(**enc)
        if pair:
            return out.logits
        hidden = out.last_hidden_state
        mask = enc["attention_mask"].unsqueeze(-1).float()
        emb = (hidden * mask).sum(1) / mask.sum(1)
        return torch.nn.functional.normalize(emb, dim=-1)

    with torch.inference_mode():
        for b in batches[:2]:
            run(b)
        count, start = 0, time.perf_counter()
        while True:
            for b in batches:
                run(b)
                count += len(b)
            if time.perf_counter() - start >= seconds:
                break
        rate = count / (time.perf_counter() - start)
        outputs = [None] * len(items)
        for s in range(0, len(order), 32):
            idx = order[s:s + 32]
            for i, row in zip(idx, run([items[i] for i in idx]).tolist()):
                outputs[i] = row
    return rate, outputs


def cold_start(cmd, repeats=5):
    """Median wall time (ms) of `cmd` over `repeats` runs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return times[len(times) // 2]


def peak_rss_mb(cmd):
    """Peak resident memory (MB) of one run of `cmd`, measured by GNU time (Debian package `time`). A child forked
    straight from this Python process would report this process's own high-water mark (torch is loaded here)."""
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(out.stderr.strip().splitlines()[-1]) / 1024


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--factcheck", default=".build/release/factcheck")
    parser.add_argument("--embedder", default=os.path.join(HOME, "models", "all-minilm-l6-v2"))
    parser.add_argument("--classifier", default=os.path.join(HOME, "models", "factcheck-verifier-minilm-l6"))
    parser.add_argument("--n", type=int, default=256)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3, help="alternating Swift/PyTorch rounds; each measure's best is kept")
    parser.add_argument("--out", default=os.path.join("bench", "engine.json"))
    args = parser.parse_args()

    import torch
    from transformers import AutoModel, AutoModelForSequenceClassification, AutoTokenizer

    texts, pairs, source = load_inputs(args.n)
    result = {"inputs": source, "n_texts": len(texts), "n_pairs": len(pairs), "max_length": 128,
              "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.processor() or 'cpu'}",
              "torch_version": torch.__version__}
    tok_e = AutoTokenizer.from_pretrained(args.embedder)
    tok_c = AutoTokenizer.from_pretrained(args.classifier)
    embedder = AutoModel.from_pretrained(args.embedder).eval()
    classifier = AutoModelForSequenceClassification.from_pretrained(args.classifier, dtype=torch.float32).eval()
    # Rounds alternate Swift and PyTorch and keep each measure's best, so that a busy spell on a shared machine
    # penalises neither side alone (throughputs and GFLOPS: highest; load time: lowest).
    rounds = []
    with tempfile.TemporaryDirectory() as tmp:
        inputs = os.path.join(tmp, "inputs.json")
        outputs = os.path.join(tmp, "outputs.json")
        json.dump({"texts": texts, "pairs": pairs}, open(inputs, "w"))
        for round_index in range(args.rounds):
            swift = subprocess.run([args.factcheck, "bench", "engine", "--embedder", args.embedder, "--classifier", args.classifier,
                                    "--input", inputs, "--outputs", outputs, "--seconds", str(args.seconds)],
                                   check=True, capture_output=True, text=True)
            measured = json.loads(swift.stdout)
            if round_index == 0:
                swift_out = json.load(open(outputs))
            for threads in (1, 2):
                torch.set_num_threads(threads)
                for batch in (1, 32):
                    suffix = f"b{batch}" + ("" if threads == 2 else "_t1")
                    measured[f"torch_embed_per_s_{suffix}"], emb = torch_measure(embedder, tok_e, texts, batch, False, args.seconds)
                    measured[f"torch_pairs_per_s_{suffix}"], logits = torch_measure(classifier, tok_c, pairs, batch, True, args.seconds)
            rounds.append(measured)
    for key in rounds[0]:
        values = [r[key] for r in rounds]
        result[key] = min(values) if key.endswith("_ms") else max(values)
    result["rounds"] = args.rounds
    diffs = []
    for a, b in zip(swift_out["embeddings"], emb):
        diffs.append(max(abs(x - y) for x, y in zip(a, b)))
    result["max_abs_diff_embeddings"] = max(diffs)
    result["max_abs_diff_logits"] = max(max(abs(x - y) for x, y in zip(a, b)) for a, b in zip(swift_out["logits"], logits))
    result["max_abs_diff"] = max(result["max_abs_diff_embeddings"], result["max_abs_diff_logits"])

    swift_cmd = [args.factcheck, "bench", "cold-start", "--embedder", args.embedder]
    result["swift_cold_start_ms"] = cold_start(swift_cmd)
    result["swift_peak_rss_mb"] = peak_rss_mb(swift_cmd)
    torch_cmd = [sys.executable, "-c",
                 "import torch, sys; from transformers import AutoModel, AutoTokenizer; "
                 f"t = AutoTokenizer.from_pretrained({args.embedder!r}); m = AutoModel.from_pretrained({args.embedder!r}).eval(); "
                 "e = t(['NATO was founded in 1949.'], return_tensors='pt'); "
                 "h = m(**e).last_hidden_state.mean(1); print(torch.nn.functional.normalize(h, dim=-1)[0, :3].tolist())"]
    result["torch_cold_start_ms"] = cold_start(torch_cmd, repeats=3)
    result["torch_peak_rss_mb"] = peak_rss_mb(torch_cmd)

    for key in ("pairs_per_s_b32", "pairs_per_s_b1", "embed_per_s_b32", "embed_per_s_b1"):
        result[f"ratio_{key}"] = result[f"swift_{key}"] / result[f"torch_{key}"]
    result["ratio_cold_start"] = result["torch_cold_start_ms"] / result["swift_cold_start_ms"]
    result["swift_gflops_fraction_of_sgemm"] = result["swift_gflops"] / result["sgemm_gflops"]
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump(result, f, indent=2, sort_keys=True)

    print("| measure | Swift | PyTorch | Swift / PyTorch |\n|---|---|---|---|")
    for label, key in [("embeddings/s, batch 32, 2 threads", "embed_per_s_b32"), ("embeddings/s, batch 1, 2 threads", "embed_per_s_b1"),
                       ("pairs/s, batch 32, 2 threads", "pairs_per_s_b32"), ("pairs/s, batch 1, 2 threads", "pairs_per_s_b1"),
                       ("embeddings/s, batch 32, 1 thread", "embed_per_s_b32_t1"), ("embeddings/s, batch 1, 1 thread", "embed_per_s_b1_t1"),
                       ("pairs/s, batch 32, 1 thread", "pairs_per_s_b32_t1"), ("pairs/s, batch 1, 1 thread", "pairs_per_s_b1_t1")]:
        s, t = result[f"swift_{key}"], result[f"torch_{key}"]
        print(f"| {label} | {s:.1f} | {t:.1f} | {s / t:.2f}× |")
    print(f"| cold start to first embedding (ms) | {result['swift_cold_start_ms']:.0f} | {result['torch_cold_start_ms']:.0f} | {result['ratio_cold_start']:.1f}× faster |")
    print(f"\nachieved {result['swift_gflops']:.1f} GFLOPS (pairs, b32, 2 threads) vs sgemm ceiling {result['sgemm_gflops']:.1f} "
          f"({100 * result['swift_gflops_fraction_of_sgemm']:.0f}%); max abs diff {result['max_abs_diff']:.2e}; "
          f"embedder load {result['swift_embedder_load_ms']:.0f} ms; peak RSS (cold start) {result['swift_peak_rss_mb']:.0f} MB")


if __name__ == "__main__":
    main()
