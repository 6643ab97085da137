"""Builds data/languages.tsv, the word-frequency model behind the crate's language identifier
(src/language.rs).

The model
- For each language, its N commonest words (letters only, lowercase) with their frequency on the
  Zipf scale (log10 of the frequency per billion words), from wordfreq 3.1.1 (data CC BY-SA 4.0):
  nb, da, sv, fi, is, en (the seven the crate reads, nn below), and de, nl, fr, es, it, pt, pl so
  that text in a neighbouring language is read as "other" rather than as the nearest Nordic one.
  A word outside a language's list scores that language's floor (its last word's Zipf minus one).
- Nynorsk has no wordfreq list. Its frequencies are Bokmål's, shifted by how much more or less
  often a word is written in Nynorsk than in Bokmål:
  * where the word is common enough in LibreOffice's translations (the same 28,000 interface
    strings translated into both standards: Debian libreoffice-l10n-nb / -nn, MPL-2.0), by the
    log-ratio of its counts there (ikkje +3, ikke -2.6, frå, kva, eit, vert ...); a shift towards
    Nynorsk is weighted by how well the interface strings represent the word at all (their count
    against the count wordfreq predicts for that many words): "han" is "it" in Nynorsk interface
    text and "he" in news, so its interface ratio says little about news;
  * otherwise by the Norsk ordbank word lists (Debian wnorwegian: bokmaal, nynorsk): a word only
    in the Nynorsk list gets +LIST_SHIFT, one only in the Bokmål list -LIST_SHIFT.
  Words that only Nynorsk uses enter the Nynorsk list when their shifted frequency reaches the
  list's cut.
- Words neither list knows (names, compounds, rare inflections) are told apart by letter
  sequences: log-ratios of the 2- to 5-letter sequences (with `_` marking the word's edges) in the
  Nynorsk against the Bokmål interface strings ("ar_", "eg_", "kj"), used only to choose between
  nb and nn.

Format (all fields TAB-separated; `#` lines are comments):
  floor  LANG  ZIPF                     the score of a word outside LANG's list
  word   LANG  ZIPF  w1 w2 ...          words of LANG with this Zipf (one decimal)
  gram   LOGRATIO  g1 g2 ...            nn-vs-nb log10 ratio (one decimal) of letter sequences

Sources are downloaded into data/.cache/ (git-ignored): wordfreq is imported from the build's
virtual environment, the Debian packages are fetched with `apt-get download` (no root). Running it
twice gives byte-identical output. Usage: `python languages.py [--report]`.
"""
from __future__ import annotations

import gettext
import math
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from audit import DEBS, USED_VERSIONS, _fetch_deb, _read_lines  # noqa: E402
from common import DATA  # noqa: E402

import wordfreq  # noqa: E402

OUT = DATA / "languages.tsv"
WORDFREQ_VERSION = "3.1.1"
# The crate's languages first (their order is src/language.rs's), then the ones read as "other".
KNOWN = ("nb", "nn", "da", "sv", "fi", "is", "en")
OTHER = ("de", "nl", "fr", "es", "it", "pt", "pl")
TOP = {**{lang: 20000 for lang in KNOWN}, **{lang: 5000 for lang in OTHER}}
# LibreOffice's interface translations: the parallel text behind the Nynorsk shift. Security
# updates replace the Debian version; the build then takes the archive's current one (printed).
L10N_DEBS = {"libreoffice-l10n-nb": "4:7.4.7-1+deb12u14", "libreoffice-l10n-nn": "4:7.4.7-1+deb12u14"}

FLOOR_RANK = 20000
SHARED_FLOOR = ("nb", "da", "sv", "en")
MIN_COUNT = 5  # interface evidence needs a word seen this often in one of the two standards
MIN_SHIFT = 0.7  # smaller interface log-ratios are translators' choices, not the standard's
MAX_SHIFT = 3.0
LIST_SHIFT = 2.0
GRAM_MIN_COUNT = 5
GRAM_MIN_RATIO = 0.2

WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")


def zipf_lists() -> dict[str, list[tuple[str, float]]]:
    """Each wordfreq language's words (letters only), commonest first, as (word, Zipf)."""
    out = {}
    for lang in ("nb",) + KNOWN[2:] + OTHER:
        freqs = wordfreq.get_frequency_dict(lang, wordlist="best")
        items = [(w, math.log10(f) + 9) for w, f in freqs.items() if f > 0 and WORD.fullmatch(w)]
        items.sort(key=lambda x: (-x[1], x[0]))
        out[lang] = items
    return out


def l10n_strings(lang: str) -> dict[tuple[str, str], str]:
    pkg = f"libreoffice-l10n-{lang}"
    root = _fetch_deb(pkg, L10N_DEBS[pkg], False) / "usr/lib/libreoffice/program/resource" / lang / "LC_MESSAGES"
    out = {}
    for mo in sorted(root.glob("*.mo")):
        with mo.open("rb") as f:
            catalog = gettext.GNUTranslations(f)._catalog  # noqa: SLF001 (the parsed .mo table)
        for key, text in catalog.items():
            if isinstance(key, str) and key:
                out[(mo.name, key)] = text
    return out


def parallel_counts() -> tuple[Counter, Counter, list[tuple[str, str]]]:
    """Word counts of the interface strings translated into both standards, and the pairs."""
    nb, nn = l10n_strings("nb"), l10n_strings("nn")
    pairs = [(nb[k], nn[k]) for k in sorted(nb.keys() & nn.keys())]
    cnb, cnn = Counter(), Counter()
    for a, b in pairs:
        cnb.update(w.lower() for w in WORD.findall(a))
        cnn.update(w.lower() for w in WORD.findall(b))
    return cnb, cnn, pairs


def word_lists() -> tuple[set[str], set[str]]:
    root = _fetch_deb("wnorwegian", DEBS["wnorwegian"], True) / "usr/share/dict"
    return ({w.lower() for w in _read_lines(root / "bokmaal")}, {w.lower() for w in _read_lines(root / "nynorsk")})


def nynorsk_shift(word: str, zipf: float, cnb: Counter, cnn: Counter, totals: tuple[int, int],
                  lists: tuple[set[str], set[str]]) -> float:
    """How much more common (log10) `word` is in Nynorsk than in Bokmål; see the module doc."""
    a, b = cnn[word], cnb[word]
    tnb, tnn = totals
    if max(a, b) >= MIN_COUNT:
        r = math.log10(((a + 1) / tnn) / ((b + 1) / tnb))
        if abs(r) < MIN_SHIFT:
            return 0.0
        # A word the interface strings use far less than news does is poorly sampled there; its
        # Nynorsk excess is then often a usage of the interface ("han" is "it" there, "he" in
        # news), so a shift towards Nynorsk is damped. A shift towards Bokmål is kept: the
        # Nynorsk strings say the same thing with another word ("hva", where they write "kva").
        expected = 10 ** (zipf - 9) * tnb
        if r > 0:
            r *= min(1.0, ((a + b) / 2) / expected)
    else:
        bokmaal, nynorsk = lists
        if word in nynorsk and word not in bokmaal:
            r = LIST_SHIFT
        elif word in bokmaal and word not in nynorsk:
            r = -LIST_SHIFT
        else:
            r = 0.0
    return max(-MAX_SHIFT, min(MAX_SHIFT, r))


def grams(word: str):
    w = f"_{word}_"
    for n in range(2, 6):
        for i in range(len(w) - n + 1):
            yield w[i:i + n]


def gram_ratios(pairs: list[tuple[str, str]]) -> dict[str, float]:
    gnb, gnn = Counter(), Counter()
    for a, b in pairs:
        for w in WORD.findall(a.lower()):
            gnb.update(grams(w))
        for w in WORD.findall(b.lower()):
            gnn.update(grams(w))
    tnb, tnn = sum(gnb.values()), sum(gnn.values())
    out = {}
    for g in gnb.keys() | gnn.keys():
        a, b = gnn[g], gnb[g]
        if max(a, b) >= GRAM_MIN_COUNT:
            r = round(math.log10(((a + 1) / tnn) / ((b + 1) / tnb)), 1)
            if abs(r) >= GRAM_MIN_RATIO:
                out[g] = r
    return out


def build() -> tuple[dict[str, dict[str, float]], dict[str, float], dict[str, float]]:
    lists = zipf_lists()
    model: dict[str, dict[str, float]] = {}
    for lang in ("nb",) + KNOWN[2:] + OTHER:
        model[lang] = {w: round(z, 1) for w, z in lists[lang][:TOP[lang]]}
    cnb, cnn, pairs = parallel_counts()
    totals = (sum(cnb.values()), sum(cnn.values()))
    words = word_lists()
    cut = lists["nb"][TOP["nb"] - 1][1]
    nn: dict[str, float] = {}
    for w, z in lists["nb"]:
        shifted = z + nynorsk_shift(w, z, cnb, cnn, totals, words)
        if shifted >= cut and (z >= cut or shifted > z):
            nn[w] = round(shifted, 1)
    model["nn"] = nn
    # A word outside a list scores the Zipf one below the 20,000th word's, for every language
    # (the "other" languages keep fewer words, but unknown words must not favour them).
    floors = {lang: round(lists[lang][FLOOR_RANK - 1][1] - 1.0, 1) for lang in lists}
    # Danish has only wordfreq's small list, whose 20,000th word is commoner than in the large
    # lists: its floor would favour Danish for every unknown word. The Scandinavian languages
    # and English have words of similar variety, so they share the lowest of their floors
    # (Finnish and Icelandic, with many more word forms, keep their own).
    shared = min(floors[lang] for lang in SHARED_FLOOR)
    for lang in SHARED_FLOOR + ("nn",):
        floors[lang] = shared
    return model, floors, gram_ratios(pairs)


def write(model, floors, ratios) -> None:
    lines = [
        "# nordic-ner language model v1. Generated by data/build/languages.py; do not edit.",
        f"# Sources: wordfreq {WORDFREQ_VERSION} (data CC BY-SA 4.0); LibreOffice interface translations",
        "# (Debian " + ", ".join(f"{p} {USED_VERSIONS.get(p, v)}" for p, v in L10N_DEBS.items()) + ", MPL-2.0);",
        f"# Norsk ordbank word lists (Debian wnorwegian {DEBS['wnorwegian']}). Format: see languages.py.",
    ]
    for lang in KNOWN + OTHER:
        lines.append(f"floor\t{lang}\t{floors[lang]:.1f}")
    for lang in KNOWN + OTHER:
        by_zipf = defaultdict(list)
        for w, z in model[lang].items():
            by_zipf[z].append(w)
        for z in sorted(by_zipf, reverse=True):
            lines.append(f"word\t{lang}\t{z:.1f}\t" + " ".join(sorted(by_zipf[z])))
    by_ratio = defaultdict(list)
    for g, r in ratios.items():
        by_ratio[r].append(g)
    for r in sorted(by_ratio):
        lines.append(f"gram\t{r:.1f}\t" + " ".join(sorted(by_ratio[r])))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    model, floors, ratios = build()
    write(model, floors, ratios)
    if "--report" in argv:
        for lang in KNOWN + OTHER:
            print(f"{lang}: {len(model[lang])} words, floor {floors[lang]:.1f}")
        print(f"{len(ratios)} letter sequences; {OUT.name}: {OUT.stat().st_size} bytes")


if __name__ == "__main__":
    main(sys.argv[1:])
