#!/usr/bin/env python3
"""FactCheck claim-verifier training recipe (CPU-friendly, deterministic, resumable).

Fine-tunes all-MiniLM-L6-v2 (BERT, 6 layers, hidden 384) as a 3-way NLI classifier
(0 entailment / 1 neutral / 2 contradiction). Premise = evidence passage (segment A),
hypothesis = claim (segment B).

Subcommands:
  train   build the data mix, train (one pass, fixed number of steps), calibrate, export
  export  export a checkpoint to the FactCheck model directory (fp16 safetensors + config
          + tokenizer + calibration.json); fits the temperature unless --temperature given

See training/README.md for the exact commands.
"""
import argparse
import collections
import glob
import json
import math
import os
import random
import shutil
import sys
import time

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np  # noqa: E402
import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402

from passage_pairs import check_covid_passage_pairs  # noqa: E402

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LABELS = ["entailment", "neutral", "contradiction"]
LABEL2ID = {l: i for i, l in enumerate(LABELS)}
CLAIM2NLI = {"SUPPORTED": "entailment", "REFUTED": "contradiction", "NOT_ENOUGH_INFO": "neutral"}
MNLI_SOURCES = {"mnli_dev_matched", "taxinli(mnli_train)"}
DEFAULT_BASE = os.path.join(REPO, ".factcheck", "models", "all-minilm-l6-v2")
DEFAULT_DATA = "/work/shared/data"
DEFAULT_CKPT_ROOT = os.path.expanduser("~/.cache/factcheck-training")
DEFAULT_EXPORT = os.path.join(REPO, "models", "factcheck-verifier-minilm-l6")


def log(msg):
    print(time.strftime("%H:%M:%S"), msg, flush=True)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line:
                yield json.loads(line)


# ----------------------------------------------------------------------------- data mix

def claim_pairs(path, dataset_tag, skip_ids=frozenset()):
    """(premise, hypothesis, label, source) pairs from the *train* split of a claim set, leaving out `skip_ids`.
    One pair per evidence item with non-null text; CONFLICTING claims are skipped."""
    out = []
    for r in read_jsonl(path):
        if r.get("split") != "train" or r.get("id") in skip_ids:
            continue
        lab = CLAIM2NLI.get(r.get("label"))
        if lab is None:
            continue
        for e in r.get("evidence") or []:
            t = e.get("text")
            if t and t.strip():
                out.append((t.strip(), r["claim"].strip(), lab, dataset_tag + "_train"))
    return out


def build_mix(args):
    """Deterministic data mix. Returns (train_pairs, heldout_pairs, stats)."""
    rng = random.Random(args.data_seed)
    nli_dir = os.path.join(args.data_dir, "nli")
    pool = [(r["premise"], r["hypothesis"], r["label"], r["source"])
            for r in read_jsonl(os.path.join(nli_dir, "train_pool.jsonl"))]
    fever = [p for p in pool if p[3] == "fever_train"]
    other = [p for p in pool if p[3] != "fever_train"]

    # class-balanced FEVER subsample (FEVER pool has only SUPPORTS / REFUTES)
    fever_sel, fever_extra = [], []
    for lab in ("entailment", "contradiction"):
        rows = [p for p in fever if p[2] == lab]
        rng.shuffle(rows)
        fever_sel += rows[: args.fever_per_class]
        # further rows of the same shuffled list: training only, so the held-out slice stays that of the base mix
        fever_extra += rows[args.fever_per_class: args.fever_per_class + args.fever_extra_per_class]

    nei = [(r["premise"], r["hypothesis"], r["label"], r["source"])
           for r in read_jsonl(os.path.join(nli_dir, "fever_nei_heuristic.jsonl"))]
    rng.shuffle(nei)
    nei_sel = nei[: args.heuristic_neutrals]

    base = other + fever_sel + nei_sel
    # held-out slice (never trained on): temperature scaling + learning-curve validation loss
    idx = list(range(len(base)))
    rng.shuffle(idx)
    held_idx = set(idx[: args.heldout])
    heldout = [base[i] for i in sorted(held_idx)]
    excluded = set(args.exclude_sources.split(",")) if args.exclude_sources else set()
    train = []
    for i, p in enumerate(base + fever_extra):
        if i in held_idx or any(p[3].startswith(x) for x in excluded):
            continue
        reps = args.mnli_upsample if p[3] in MNLI_SOURCES else 1
        train += [p] * reps

    covid_claims = os.path.join(args.data_dir, "check_covid_train_dev.jsonl")
    passage_pairs, held_claims, passage_stats = [], [], {}
    if getattr(args, "check_covid_passages", False):  # checkpoints of earlier runs lack the option
        passage_pairs, held_claims, passage_stats = check_covid_passage_pairs(
            covid_claims, os.path.join(args.data_dir, "check_covid_cord19_abstracts.jsonl"),
            args.passage_holdout, args.data_seed, read_jsonl)
    domain = claim_pairs(os.path.join(args.data_dir, "scifact_train_dev.jsonl"), "scifact")
    domain += claim_pairs(covid_claims, "check_covid", skip_ids=frozenset(held_claims))
    train += domain * args.domain_upsample
    train += passage_pairs * args.domain_upsample

    def group(s):
        if s in MNLI_SOURCES:
            return "mnli(" + s + ")"
        if s.startswith("fever_train_nei"):
            return "fever_nei_heuristic"
        for pre in ("cad_snli", "mpe", "commitment_bank", "fracas", "snli"):
            if s.startswith(pre):
                return pre
        return s

    stats = {"train_total": len(train), "heldout_total": len(heldout), "by_source_label": {},
             "check_covid_passages": passage_stats, "check_covid_held_out_claims": held_claims,
             "train_labels": dict(collections.Counter(p[2] for p in train)),
             "heldout_labels": dict(collections.Counter(p[2] for p in heldout))}
    c = collections.Counter((group(p[3]), p[2]) for p in train)
    for (g, lab), n in sorted(c.items()):
        stats["by_source_label"].setdefault(g, {})[lab] = n
    return train, heldout, stats


# ----------------------------------------------------------------------------- batching

def encode(tokenizer, pairs, max_len):
    enc = tokenizer([p[0] for p in pairs], [p[1] for p in pairs], truncation="longest_first",
                    max_length=max_len, padding=False)
    labels = [LABEL2ID[p[2]] for p in pairs]
    return enc["input_ids"], enc["token_type_ids"], labels


def make_batches(lengths, batch_size, seed, chunk_batches=100):
    """Length bucketing: shuffle, sort within large chunks by length, cut into batches,
    shuffle the batches. Deterministic for a given seed."""
    rng = random.Random(seed)
    idx = list(range(len(lengths)))
    rng.shuffle(idx)
    chunk = batch_size * chunk_batches
    batches = []
    for s in range(0, len(idx), chunk):
        part = sorted(idx[s:s + chunk], key=lambda i: lengths[i])
        batches += [part[j:j + batch_size] for j in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def collate(ids, tts, labels, batch_idx, pad_id=0):
    L = max(len(ids[i]) for i in batch_idx)
    n = len(batch_idx)
    input_ids = torch.full((n, L), pad_id, dtype=torch.long)
    token_type = torch.zeros((n, L), dtype=torch.long)
    mask = torch.zeros((n, L), dtype=torch.long)
    for r, i in enumerate(batch_idx):
        k = len(ids[i])
        input_ids[r, :k] = torch.tensor(ids[i])
        token_type[r, :k] = torch.tensor(tts[i])
        mask[r, :k] = 1
    y = torch.tensor([labels[i] for i in batch_idx], dtype=torch.long)
    return {"input_ids": input_ids, "token_type_ids": token_type, "attention_mask": mask}, y


@torch.no_grad()
def predict_logits(model, ids, tts, batch_size=64):
    model.eval()
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out = torch.zeros((len(ids), 3))
    dummy = [0] * len(ids)
    for s in range(0, len(order), batch_size):
        b = order[s:s + batch_size]
        x, _ = collate(ids, tts, dummy, b)
        out[b] = model(**x).logits.float()
    return out


def fit_temperature(logits, labels):
    """Minimise NLL over T (grid on log T, then LBFGS refinement)."""
    y = torch.tensor(labels)
    grid = torch.exp(torch.linspace(math.log(0.25), math.log(8.0), 200))
    nll = [F.cross_entropy(logits / t, y).item() for t in grid]
    t0 = float(grid[int(np.argmin(nll))])
    logt = torch.tensor([math.log(t0)], requires_grad=True)
    opt = torch.optim.LBFGS([logt], lr=0.1, max_iter=100)

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(logits / logt.exp(), y)
        loss.backward()
        return loss
    opt.step(closure)
    t = float(logt.detach().exp())
    if not (0.05 < t < 20) or F.cross_entropy(logits / t, y) > min(nll) + 1e-6:
        t = t0
    return t, F.cross_entropy(logits, y).item(), F.cross_entropy(logits / t, y).item()


# ----------------------------------------------------------------------------- model / ckpt

def load_model(base_dir):
    from transformers import BertForSequenceClassification
    model = BertForSequenceClassification.from_pretrained(
        base_dir, num_labels=3, id2label={i: l for i, l in enumerate(LABELS)},
        label2id=LABEL2ID, local_files_only=True)
    return model


def load_weights(path):
    """The float32 state dict of a checkpoint file or of an exported model folder (e.g. the shipped fp16 verifier)."""
    if os.path.isdir(path):
        from transformers import BertForSequenceClassification
        exported = BertForSequenceClassification.from_pretrained(path, local_files_only=True)
        return {k: v.float() for k, v in exported.state_dict().items()}
    return torch.load(path, map_location="cpu", weights_only=False)["model"]


def load_tokenizer(base_dir):
    from transformers import AutoTokenizer
    return AutoTokenizer.from_pretrained(base_dir, local_files_only=True)


def rng_state():
    return {"python": random.getstate(), "numpy": np.random.get_state(),
            "torch": torch.get_rng_state()}


def set_rng_state(s):
    random.setstate(s["python"])
    np.random.set_state(s["numpy"])
    torch.set_rng_state(s["torch"])


def list_ckpts(ckpt_dir):
    return sorted(glob.glob(os.path.join(ckpt_dir, "ckpt-step*.pt")))


def save_ckpt(ckpt_dir, state, keep=2):
    os.makedirs(ckpt_dir, exist_ok=True)
    path = os.path.join(ckpt_dir, "ckpt-step%07d.pt" % state["step"])
    tmp = path + ".tmp"
    torch.save(state, tmp)
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, path)
    for old in list_ckpts(ckpt_dir)[:-keep]:
        os.remove(old)
    return path


# ----------------------------------------------------------------------------- train

def cmd_train(args):
    torch.set_num_threads(args.threads)
    run_dir = os.path.join(REPO, "training", "runs", args.run_name)
    ckpt_dir = args.checkpoint_dir or os.path.join(DEFAULT_CKPT_ROOT, args.run_name)
    os.makedirs(run_dir, exist_ok=True)
    os.makedirs(ckpt_dir, exist_ok=True)
    log_path = os.path.join(run_dir, "log.jsonl")

    resume_state = None
    if args.resume:
        ck = list_ckpts(ckpt_dir)
        if not ck:
            sys.exit("--resume: no checkpoint in " + ckpt_dir)
        log("resuming from " + ck[-1])
        resume_state = torch.load(ck[-1], map_location="cpu", weights_only=False)
        saved = resume_state["args"]
        # the data mix / order / schedule must be identical: take them from the checkpoint
        for k in ("base_model", "init_from", "order_seed", "data_dir", "data_seed", "seed", "fever_per_class",
                  "heuristic_neutrals", "fever_extra_per_class", "exclude_sources", "heldout", "mnli_upsample", "domain_upsample",
                  "batch_size", "max_len", "lr", "warmup", "weight_decay", "max_steps",
                  "class_weight_power", "check_covid_passages", "passage_holdout"):
            if k in saved:  # older checkpoints lack the later options
                setattr(args, k, saved[k])
    else:
        if list_ckpts(ckpt_dir) and not args.overwrite:
            sys.exit("checkpoints exist in %s: use --resume (or --overwrite)" % ckpt_dir)
        for old in list_ckpts(ckpt_dir):
            os.remove(old)
        if os.path.exists(log_path):
            os.remove(log_path)

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    t0 = time.time()
    train_pairs, held_pairs, stats = build_mix(args)
    log("data mix: " + json.dumps(stats))
    with open(os.path.join(run_dir, "data_mix.json"), "w") as f:
        json.dump(stats, f, indent=1, sort_keys=True)
    tok = load_tokenizer(args.base_model)
    ids, tts, labels = encode(tok, train_pairs, args.max_len)
    h_ids, h_tts, h_labels = encode(tok, held_pairs, args.max_len)
    log("tokenized %d train + %d held-out pairs in %.0fs" % (len(ids), len(h_ids), time.time() - t0))

    order_seed = args.data_seed if args.order_seed is None else args.order_seed
    batches = make_batches([len(x) for x in ids], args.batch_size, order_seed)
    total_steps = len(batches) if args.max_steps <= 0 else min(args.max_steps, len(batches))
    warmup_steps = max(1, int(round(args.warmup * total_steps)))

    counts = np.bincount(labels, minlength=3).astype(np.float64)
    w = (counts.sum() / (3 * counts)) ** args.class_weight_power
    w = w / (w * counts).sum() * counts.sum()  # mean weight over training pairs = 1
    class_w = torch.tensor(w, dtype=torch.float32)
    log("steps %d (warmup %d), class counts %s, class weights %s"
        % (total_steps, warmup_steps, counts.tolist(), [round(x, 3) for x in w.tolist()]))

    model = load_model(args.base_model)
    if args.init_from and resume_state is None:
        # a further pass starting from an earlier run's weights (same data mix and held-out slice when the data
        # arguments are the same; --order-seed gives a new batch order)
        log("initialising from " + args.init_from)
        model.load_state_dict(load_weights(args.init_from))
    no_decay = ("bias", "LayerNorm.weight", "LayerNorm.bias")
    groups = [
        {"params": [p for n, p in model.named_parameters() if not any(k in n for k in no_decay)],
         "weight_decay": args.weight_decay},
        {"params": [p for n, p in model.named_parameters() if any(k in n for k in no_decay)],
         "weight_decay": 0.0},
    ]
    opt = torch.optim.AdamW(groups, lr=args.lr, betas=(0.9, 0.999), eps=1e-8)

    def lr_lambda(step):
        if step < warmup_steps:
            return (step + 1) / warmup_steps
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup_steps))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lr_lambda)

    step, loss_sum, loss_n, pairs_seen, elapsed_before = 0, 0.0, 0, 0, 0.0
    if resume_state is not None:
        model.load_state_dict(resume_state["model"])
        opt.load_state_dict(resume_state["optimizer"])
        sched.load_state_dict(resume_state["scheduler"])
        set_rng_state(resume_state["rng"])
        step = resume_state["step"]
        pairs_seen = resume_state["pairs_seen"]
        loss_sum, loss_n = resume_state["loss_sum"], resume_state["loss_n"]
        elapsed_before = resume_state["elapsed"]
        # drop log lines written after the checkpoint (they will be regenerated)
        if os.path.exists(log_path):
            keep = [l for l in open(log_path) if l.strip() and json.loads(l).get("step", 0) <= step]
            with open(log_path, "w") as f:
                f.writelines(keep)
        log("resumed at step %d / %d" % (step, total_steps))

    logf = open(log_path, "a")

    def write_log(rec):
        logf.write(json.dumps(rec) + "\n")
        logf.flush()

    def evaluate_heldout():
        lg = predict_logits(model, h_ids, h_tts)
        y = torch.tensor(h_labels)
        model.train()
        return F.cross_entropy(lg, y).item(), (lg.argmax(1) == y).float().mean().item()

    def checkpoint():
        st = {"step": step, "total_steps": total_steps, "pairs_seen": pairs_seen,
              "loss_sum": loss_sum, "loss_n": loss_n,
              "elapsed": elapsed_before + time.time() - t_start,
              "model": model.state_dict(), "optimizer": opt.state_dict(),
              "scheduler": sched.state_dict(), "rng": rng_state(),
              "args": vars(args), "data_seed": args.data_seed, "stats": stats}
        p = save_ckpt(ckpt_dir, st)
        log("checkpoint " + p)

    if step == 0 and resume_state is None:
        hl, ha = evaluate_heldout()
        write_log({"step": 0, "pairs": 0, "heldout_loss": round(hl, 4), "heldout_acc": round(ha, 4),
                   "elapsed_s": 0.0})
        log("step 0 held-out loss %.4f acc %.4f" % (hl, ha))

    model.train()
    t_start = time.time()
    t_ckpt = time.time()
    win_t, win_pairs = time.time(), 0
    while step < total_steps:
        x, y = collate(ids, tts, labels, batches[step])
        logits = model(**x).logits
        loss = F.cross_entropy(logits, y, weight=class_w)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        opt.zero_grad(set_to_none=True)
        step += 1
        pairs_seen += len(y)
        win_pairs += len(y)
        loss_sum += loss.item()
        loss_n += 1
        if step % args.log_every == 0 or step == total_steps:
            now = time.time()
            rate = win_pairs / max(1e-9, now - win_t)
            el = elapsed_before + now - t_start
            rec = {"step": step, "pairs": pairs_seen, "train_loss": round(loss_sum / loss_n, 4),
                   "lr": sched.get_last_lr()[0], "elapsed_s": round(el, 1),
                   "pairs_per_s": round(rate, 2)}
            loss_sum, loss_n = 0.0, 0
            win_t, win_pairs = now, 0
            if step % args.eval_every == 0 or step == total_steps:
                hl, ha = evaluate_heldout()
                rec["heldout_loss"], rec["heldout_acc"] = round(hl, 4), round(ha, 4)
                win_t = time.time()
            write_log(rec)
            eta = (total_steps - step) * args.batch_size / max(rate, 1e-9)
            log("step %d/%d %s eta %.0f min" % (step, total_steps, json.dumps(rec), eta / 60))
        if time.time() - t_ckpt >= args.ckpt_every_s or step == total_steps:
            checkpoint()
            t_ckpt = time.time()
    logf.close()
    log("training done in %.0fs" % (elapsed_before + time.time() - t_start))

    if not args.no_export:
        lg = predict_logits(model, h_ids, h_tts)
        T, nll0, nll1 = fit_temperature(lg, h_labels)
        log("temperature %.4f (held-out NLL %.4f -> %.4f)" % (T, nll0, nll1))
        calib = {"temperature": T, "fitted_on": "held-out slice of the training pool (run %s, data_seed %d)"
                 % (args.run_name, args.data_seed), "n": len(h_labels),
                 "nll_before": nll0, "nll_after": nll1}
        export_model(model.state_dict(), args.base_model, args.export_dir, calib, args)


# ----------------------------------------------------------------------------- export

def export_model(state_dict, base_dir, out_dir, calib, args):
    from safetensors.torch import save_file
    os.makedirs(out_dir, exist_ok=True)
    tensors = {k: v.detach().to(torch.float16).contiguous() for k, v in state_dict.items()
               if v.is_floating_point()}
    tmp = os.path.join(out_dir, "model.safetensors.tmp")
    save_file(tensors, tmp, metadata={"format": "pt"})
    os.chmod(tmp, 0o644)
    os.replace(tmp, os.path.join(out_dir, "model.safetensors"))
    with open(os.path.join(base_dir, "config.json")) as f:
        cfg = json.load(f)
    for k in ("_name_or_path", "transformers_version", "torch_dtype", "dtype"):
        cfg.pop(k, None)
    cfg.update({"architectures": ["BertForSequenceClassification"], "model_type": "bert",
                "num_labels": 3, "id2label": {str(i): l for i, l in enumerate(LABELS)},
                "label2id": LABEL2ID, "torch_dtype": "float16", "problem_type": "single_label_classification",
                "max_seq_length": args.max_len})
    with open(os.path.join(out_dir, "config.json"), "w") as f:
        json.dump(cfg, f, indent=2)
    for name in ("tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"):
        src = os.path.join(base_dir, name)
        if os.path.exists(src):
            shutil.copyfile(src, os.path.join(out_dir, name))
    with open(os.path.join(out_dir, "calibration.json"), "w") as f:
        json.dump(calib, f, indent=2)
    size = os.path.getsize(os.path.join(out_dir, "model.safetensors")) / 1e6
    log("exported to %s (model.safetensors %.1f MB, %d tensors)" % (out_dir, size, len(tensors)))


def cmd_export(args):
    torch.set_num_threads(args.threads)
    ck = args.checkpoint
    if os.path.isdir(ck):
        cks = list_ckpts(ck)
        if not cks:
            sys.exit("no checkpoint in " + ck)
        ck = cks[-1]
    log("loading " + ck)
    st = torch.load(ck, map_location="cpu", weights_only=False)
    saved = argparse.Namespace(**st["args"])
    base = args.base_model or saved.base_model
    model = load_model(base)
    weights = st["model"]
    if args.average_with:
        # a "model soup": the mean of these weights and those of other models of the same lineage
        others = [load_weights(path) for path in args.average_with.split(",")]
        weights = {k: (v.float() + sum(o[k].float() for o in others)) / (1 + len(others)) for k, v in weights.items()}
        log("averaged with " + args.average_with)
    model.load_state_dict(weights)
    if args.temperature is not None:
        calib = {"temperature": args.temperature, "fitted_on": "given on the command line", "n": 0}
    else:
        _, held, _ = build_mix(saved)
        tok = load_tokenizer(base)
        h_ids, h_tts, h_labels = encode(tok, held, saved.max_len)
        lg = predict_logits(model, h_ids, h_tts)
        T, nll0, nll1 = fit_temperature(lg, h_labels)
        log("temperature %.4f (held-out NLL %.4f -> %.4f)" % (T, nll0, nll1))
        calib = {"temperature": T, "fitted_on": "held-out slice of the training pool (run %s, data_seed %d, step %d)"
                 % (saved.run_name, saved.data_seed, st["step"]), "n": len(h_labels),
                 "nll_before": nll0, "nll_after": nll1}
    export_model(model.state_dict(), base, args.export_dir, calib, saved)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("train")
    t.add_argument("--run-name", required=True)
    t.add_argument("--base-model", default=DEFAULT_BASE)
    t.add_argument("--data-dir", default=DEFAULT_DATA)
    t.add_argument("--checkpoint-dir", default=None, help="default ~/.cache/factcheck-training/<run-name>")
    t.add_argument("--export-dir", default=DEFAULT_EXPORT)
    t.add_argument("--resume", action="store_true")
    t.add_argument("--overwrite", action="store_true", help="start over, deleting old checkpoints of this run")
    t.add_argument("--no-export", action="store_true")
    t.add_argument("--init-from", default=None,
                   help="start from these weights: a checkpoint file or an exported model folder (a further pass)")
    t.add_argument("--order-seed", type=int, default=None, help="batch order seed (default: --data-seed)")
    t.add_argument("--seed", type=int, default=13)
    t.add_argument("--data-seed", type=int, default=2026)
    t.add_argument("--fever-per-class", type=int, default=19000)
    t.add_argument("--heuristic-neutrals", type=int, default=9000)
    t.add_argument("--fever-extra-per-class", type=int, default=0,
                   help="FEVER rows per class beyond --fever-per-class, added to training only (a further pass on new pairs)")
    t.add_argument("--exclude-sources", default="",
                   help="comma-separated source prefixes left out of training (the held-out slice is unchanged)")
    t.add_argument("--check-covid-passages", action="store_true",
                   help="add Check-COVID train claims paired with pipeline-style passages of their abstracts, and with "
                        "the best BM25 passage of another abstract as neutral (training/passage_pairs.py)")
    t.add_argument("--passage-holdout", type=float, default=0.3,
                   help="fraction of the Check-COVID train abstracts whose claims are kept out of training, "
                        "for validating the pipeline (listed in data_mix.json)")
    t.add_argument("--heldout", type=int, default=3000)
    t.add_argument("--mnli-upsample", type=int, default=2)
    t.add_argument("--domain-upsample", type=int, default=3)
    t.add_argument("--batch-size", type=int, default=32)
    t.add_argument("--max-len", type=int, default=128)
    t.add_argument("--lr", type=float, default=6e-5)
    t.add_argument("--warmup", type=float, default=0.06)
    t.add_argument("--weight-decay", type=float, default=0.01)
    t.add_argument("--class-weight-power", type=float, default=1.0,
                   help="loss class weights = (N / (3 n_c)) ** power; 0 disables")
    t.add_argument("--max-steps", type=int, default=0, help="0 = one full pass over the mix")
    t.add_argument("--log-every", type=int, default=50)
    t.add_argument("--eval-every", type=int, default=1500)
    t.add_argument("--ckpt-every-s", type=float, default=600)
    t.add_argument("--threads", type=int, default=2)
    e = sub.add_parser("export")
    e.add_argument("--checkpoint", required=True, help="checkpoint file or checkpoint directory (latest is used)")
    e.add_argument("--base-model", default=None, help="default: the one recorded in the checkpoint")
    e.add_argument("--export-dir", default=DEFAULT_EXPORT)
    e.add_argument("--temperature", type=float, default=None, help="skip fitting, use this T")
    e.add_argument("--average-with", default=None,
                   help="export the mean of the checkpoint's weights and those of these models, comma-separated (checkpoint files or exported model folders)")
    e.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    if args.cmd == "train":
        cmd_train(args)
    else:
        cmd_export(args)


if __name__ == "__main__":
    main()
