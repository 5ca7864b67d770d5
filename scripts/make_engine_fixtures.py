#!/usr/bin/env python3
"""Writes tiny random BERT / RoBERTa / DeBERTa-v2 checkpoints and PyTorch reference outputs for the Swift
engine's parity tests (Tests/InferenceTests/Fixtures/<name>/).

Each checkpoint is saved in one dtype (F32, F16 or BF16); reference outputs are computed in float32 from the
weights as stored, so the Swift engine must match them to ~1e-5.

Requires: torch==2.13.0+cpu transformers==5.23.0 safetensors==0.8.0 (see python/requirements.txt).
Run from the repository root: python3 scripts/make_engine_fixtures.py
"""
import json
import os
import random

import torch
from transformers import (BertConfig, BertForSequenceClassification, BertModel, DebertaV2Config,
                          DebertaV2ForSequenceClassification, RobertaConfig, RobertaForSequenceClassification)

OUT = os.path.join("Tests", "InferenceTests", "Fixtures")
LABELS = {0: "entailment", 1: "neutral", 2: "contradiction"}
COMMON = dict(vocab_size=97, hidden_size=32, num_hidden_layers=2, num_attention_heads=4, intermediate_size=64,
              hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)


def models():
    yield "bert-classifier", torch.float32, BertForSequenceClassification(BertConfig(
        **COMMON, max_position_embeddings=64, type_vocab_size=2, id2label=LABELS, label2id={v: k for k, v in LABELS.items()}))
    yield "bert-encoder", torch.float16, BertModel(BertConfig(
        **COMMON, max_position_embeddings=64, type_vocab_size=2, hidden_act="gelu_new"), add_pooling_layer=False)
    yield "roberta-classifier", torch.float16, RobertaForSequenceClassification(RobertaConfig(
        **COMMON, max_position_embeddings=66, type_vocab_size=1, pad_token_id=1, bos_token_id=0, eos_token_id=2,
        id2label=LABELS, label2id={v: k for k, v in LABELS.items()}))
    # DeBERTa-v3 style: log-bucketed relative positions, shared attention key, no absolute positions.
    yield "deberta-v3-classifier", torch.bfloat16, DebertaV2ForSequenceClassification(DebertaV2Config(
        **COMMON, max_position_embeddings=64, type_vocab_size=0, relative_attention=True, position_buckets=16,
        max_relative_positions=-1, pos_att_type=["p2c", "c2p"], share_att_key=True, norm_rel_ebd="layer_norm",
        position_biased_input=False, pooler_hidden_size=32, pooler_dropout=0.0, pooler_hidden_act="gelu",
        id2label=LABELS, label2id={v: k for k, v in LABELS.items()}))
    # DeBERTa-v2 style: plain relative positions, separate position projections, absolute positions too.
    yield "deberta-v2-classifier", torch.float32, DebertaV2ForSequenceClassification(DebertaV2Config(
        **COMMON, max_position_embeddings=64, type_vocab_size=2, relative_attention=True, position_buckets=-1,
        max_relative_positions=24, pos_att_type="p2c|c2p", share_att_key=False, norm_rel_ebd="none",
        position_biased_input=True, pooler_hidden_size=32, pooler_dropout=0.0, pooler_hidden_act="gelu",
        id2label={0: "SUPPORTS", 1: "REFUTES"}, label2id={"SUPPORTS": 0, "REFUTES": 1}))


def batch(rng, type_vocab):
    lengths = [1, 7, 23, 60, 2, 41]
    sequences = []
    for length in lengths:
        ids = [rng.randrange(3, 97) for _ in range(length)]
        split = length // 2
        types = [0] * split + [1] * (length - split) if type_vocab > 1 else [0] * length
        sequences.append({"ids": ids, "type_ids": types})
    return sequences


def write_tiny_wordpiece(directory):
    """A 97-token WordPiece tokenizer (characters as pieces) matching the tiny BERT's vocabulary, so the
    checkpoint can be driven end to end from text in CLI tests."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + list(letters) + ["##" + c for c in letters] + list("0123456789")
    vocab += list(".,;:!?'\"()-") + ["##" + d for d in "0123456789"]
    vocab = vocab[:97]
    tokenizer = Tokenizer(models.WordPiece({t: i for i, t in enumerate(vocab)}, unk_token="[UNK]"))
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tokenizer.post_processor = processors.BertProcessing(("[SEP]", 3), ("[CLS]", 2))
    tokenizer.save(os.path.join(directory, "tokenizer.json"))


def main():
    torch.manual_seed(0)
    rng = random.Random(0)
    for name, dtype, model in models():
        with torch.no_grad():
            for parameter in model.parameters():  # larger than the default init, to exercise every path
                parameter.copy_(torch.randn_like(parameter) * 0.2)
        model.eval()
        directory = os.path.join(OUT, name)
        os.makedirs(directory, exist_ok=True)
        model.to(dtype).save_pretrained(directory, safe_serialization=True)
        model = model.float()
        for extra in ("generation_config.json",):
            if os.path.exists(os.path.join(directory, extra)):
                os.remove(os.path.join(directory, extra))
        sequences = batch(rng, model.config.type_vocab_size)
        pad = model.config.pad_token_id if model.config.pad_token_id is not None else 0
        longest = max(len(s["ids"]) for s in sequences)
        ids = torch.tensor([s["ids"] + [pad] * (longest - len(s["ids"])) for s in sequences])
        types = torch.tensor([s["type_ids"] + [0] * (longest - len(s["ids"])) for s in sequences])
        mask = torch.tensor([[1] * len(s["ids"]) + [0] * (longest - len(s["ids"])) for s in sequences])
        with torch.no_grad():
            kwargs = dict(input_ids=ids, attention_mask=mask)
            if model.config.type_vocab_size > 0:
                kwargs["token_type_ids"] = types
            if hasattr(model, "classifier"):
                output = model(**kwargs, output_hidden_states=True)
                hidden = output.hidden_states[-1]
                logits = output.logits.tolist()
            else:
                hidden = model(**kwargs).last_hidden_state
                logits = None
        expected = {
            "dtype": str(dtype).replace("torch.", ""),
            "sequences": sequences,
            "hidden": [hidden[i, : len(s["ids"])].flatten().tolist() for i, s in enumerate(sequences)],
            "logits": logits,
        }
        with open(os.path.join(directory, "expected.json"), "w") as f:
            json.dump(expected, f, separators=(",", ":"))
        if name == "bert-classifier":
            write_tiny_wordpiece(directory)
        print(name, dtype, sorted(os.listdir(directory)))


if __name__ == "__main__":
    main()
