#!/usr/bin/env python3
"""Writes sentence-transformers' all-MiniLM-L6-v2 embeddings of varied sentences, the reference the Swift
engine (tokenizer + encoder + mean pooling + normalisation) must match within 1e-4.

Requires: torch==2.13.0+cpu sentence-transformers==6.2.0 (python/requirements.txt) and the model installed by
`factcheck setup`. Run from the repository root:
    python3 scripts/make_minilm_reference.py [MODEL_DIR]
"""
import json
import os
import sys

from sentence_transformers import SentenceTransformer

SENTENCES = [
    "NATO was founded in 1949.",
    "Japan is a member of NATO.",
    "The Eiffel Tower is located in Paris, France.",
    "Water boils at 100 degrees Celsius at sea level.",
    "The Great Wall of China is visible from the Moon with the naked eye.",
    "Vaccines cause autism.",
    "Global mean sea level has risen about 20 centimetres since 1900.",
    "Albert Einstein was awarded the Nobel Prize in Physics in 1921.",
    "The human body has 206 bones in adulthood.",
    "Mount Everest is the highest mountain above sea level.",
    "Café society in Zürich discussed naïve Ångström measurements.",
    "東京は日本の首都です。",
    "北京是中华人民共和国的首都。",
    "서울은 대한민국의 수도이다.",
    "Москва — столица России.",
    "القاهرة هي عاصمة مصر.",
    "Emoji test 🚀🔥👩‍👩‍👧‍👦 and flags 🇯🇵🇺🇸.",
    "Visit https://www.example.org/path?query=1&x=2 for details, or email info@example.com.",
    "Prices rose 3.7% in Q2 2023, from $1,234.56 to $1,280.20.",
    "The 2020 United States presidential election was held on November 3, 2020.",
    "   Leading and trailing whitespace   ",
    "UPPERCASE TEXT SHOULD BE LOWERCASED BY THE TOKENIZER.",
    "Punctuation!!! Does it... matter??? (Yes; it does.)",
    "a",
    "",
    "The quick brown fox jumps over the lazy dog.",
    "Climate change is primarily driven by human emissions of greenhouse gases.",
    "Carbon dioxide concentrations have exceeded 400 parts per million.",
    "The Amazon rainforest produces 20% of the world's oxygen.",
    "Arctic sea ice extent has declined in every season since satellite records began.",
    "COVID-19 is caused by the SARS-CoV-2 coronavirus.",
    "Hydroxychloroquine was shown to cure COVID-19 in randomized trials.",
    "Masks reduce the transmission of respiratory viruses.",
    "The Moon landing in 1969 was staged.",
    "Barack Obama was the 44th President of the United States.",
    "The United Kingdom left the European Union on 31 January 2020.",
    "Finland joined NATO in April 2023, becoming its 31st member.",
    "Sweden became the 32nd member of NATO in March 2024.",
    "Bananas are berries, botanically speaking, but strawberries are not.",
    "Honey never spoils if stored properly.",
    "Lightning never strikes the same place twice.",
    "Goldfish have a memory span of only three seconds.",
    "The Pacific Ocean is the largest and deepest ocean on Earth.",
    "Photosynthesis converts light energy into chemical energy.",
    "DNA is a double helix composed of nucleotides.",
    "Tabs\tand\nnewlines\r\nin text.",
    "Zero\u200bwidth\u00a0spaces and non-breaking spaces.",
    "Mixed scripts: English, Ελληνικά, עברית, हिन्दी.",
    "Numbers like 3.14159, 2.71828, and 1e-10 appear in science.",
    "Supercalifragilisticexpialidocious antidisestablishmentarianism pneumonoultramicroscopicsilicovolcanoconiosis.",
    " ".join(["This is a long passage that will exceed the maximum sequence length of the model."] * 40),
    "Wikipedia is a free online encyclopedia that anyone can edit.",
    "Reuters is an international news agency headquartered in London.",
]


def main():
    model_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(".factcheck", "models", "all-minilm-l6-v2")
    model = SentenceTransformer(model_dir, device="cpu")
    model.max_seq_length = 256
    embeddings = model.encode(SENTENCES, batch_size=16, normalize_embeddings=True, convert_to_numpy=True)
    out = os.path.join("Tests", "InferenceTests", "Fixtures", "minilm-reference.json")
    with open(out, "w") as f:
        json.dump({"max_length": 256, "sentences": SENTENCES, "embeddings": [[round(float(x), 7) for x in row] for row in embeddings]},
                  f, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {len(SENTENCES)} embeddings to {out}")


if __name__ == "__main__":
    main()
