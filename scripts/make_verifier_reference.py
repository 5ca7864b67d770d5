#!/usr/bin/env python3
"""Writes PyTorch logits of FactCheck's trained verifier (models/factcheck-verifier-minilm-l6, fp16 weights
loaded as float32) for varied (evidence, claim) pairs: the reference the Swift engine must match within 1e-3.

Requires python/requirements.txt. Run from the repository root: python3 scripts/make_verifier_reference.py
"""
import json
import os

import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

MODEL = os.path.join("models", "factcheck-verifier-minilm-l6")
PAIRS = [
    ("The North Atlantic Treaty Organization (NATO) is an intergovernmental military alliance between 32 member states.", "NATO has 32 member states."),
    ("The North Atlantic Treaty Organization (NATO) is an intergovernmental military alliance between 32 member states.", "NATO has 30 member states."),
    ("NATO was established with the signing of the North Atlantic Treaty in 1949.", "NATO was founded in 1949."),
    ("NATO was established with the signing of the North Atlantic Treaty in 1949.", "Japan is a member of NATO."),
    ("Japan is an island country in East Asia.", "Japan is a member of NATO."),
    ("Water boils at 100 degrees Celsius at sea level.", "Water boils at 50 degrees Celsius at sea level."),
    ("The Eiffel Tower is a wrought-iron lattice tower in Paris, France.", "The Eiffel Tower is in Berlin."),
    ("Albert Einstein received the 1921 Nobel Prize in Physics.", "Einstein won a Nobel Prize."),
    ("Global mean sea level has risen by about 20 cm since 1900.", "Sea levels are falling."),
    ("Vaccines are tested in clinical trials before approval.", "Vaccines cause autism."),
    ("A man is playing a guitar on stage.", "A person is making music."),
    ("Two dogs run through a field.", "The cats are sleeping."),
    ("Café culture in Zürich flourished in the 1920s — naïvely so.", "Zürich had cafés in the 1920s."),
    ("東京は日本の首都です。", "Tokyo is the capital of Japan."),
    (" ".join(["The committee reviewed the evidence at length."] * 30), "The committee reviewed the evidence."),
    ("", "An empty premise."),
]


def main():
    tokenizer = AutoTokenizer.from_pretrained(MODEL)
    model = AutoModelForSequenceClassification.from_pretrained(MODEL, dtype=torch.float32).eval()
    with torch.no_grad():
        encoded = tokenizer([p for p, _ in PAIRS], [h for _, h in PAIRS], padding=True, truncation="longest_first",
                            max_length=256, return_tensors="pt")
        logits = model(**encoded).logits.tolist()
    out = os.path.join("Tests", "InferenceTests", "Fixtures", "verifier-reference.json")
    with open(out, "w") as f:
        json.dump({"max_length": 256, "pairs": PAIRS, "logits": logits, "labels": [model.config.id2label[i] for i in range(len(logits[0]))]},
                  f, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {len(PAIRS)} reference logits to {out}")


if __name__ == "__main__":
    main()
