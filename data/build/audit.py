"""Ambiguity audit: is an alias also an ordinary word, and how should it be matched?

`audit_alias(text, kind, langs)` returns ("any", None), ("exact", reason) or ("drop", reason) for the
`case=exact` / `match=no` + `note=` alias attributes (data/README.md). The language of the text
being tagged is unknown, so every language is checked whatever `langs` says (English "turkey",
"island" matter for Turkey and for nb/sv/da "Island" = Iceland).

The rule
- Aliases with a digit or punctuation (H&M, 7-Eleven, Tele2, Coca-Cola) are "any": not words.
- "Ordinary word" = the lowercase form is a lowercase entry of a case-keeping word list (Debian
  lists for nb, nn, sv, da, en; the Voikko speller for fi; the Hunspell speller for is). Frequency
  lists cannot decide this: wordfreq is case-folded and counts the names too (nb "norge" 6.22,
  "telenor" 4.33, fi "nokia" 4.80). A name that the lists have only capitalised (Norge, Sverige,
  Island in nb/sv/da, Europa) stays "any". Nynorsk lowercase entries count only when the bokmål
  list does not have the capitalised form (the nn list has "europa", "kina" beside "Europa", "Kina").
- An ordinary word is "exact" (matched only as written), with the evidence in the reason:
  `nb word "komplett" (zipf 4.40)`; the Zipf frequency is wordfreq's for that language
  (nn uses nb's), the reported language is the one with the highest.
- It is "drop" (match=no) when even the capitalised form will mostly be the word, at sentence
  starts and in headlines:
  * 1-3 letters and Zipf >= 3.0 (1 per million words) in a language where it is a word: short
    frequent words are function words or abbreviations (Man, Mer, Sol, Obs, Max, OK);
  * Zipf >= 5.0 (100 per million, about the 600 commonest words of a language) for a company or
    brand (Extra, Normal). Not lower: wordfreq's count includes the brand's own mentions, so a
    lower cut would drop big brands (Apple 4.76, Nokia fi 4.80, Posten nb 4.65).
  * Zipf >= 5.5 for a country or region: a country's name is mentioned far more often than a
    company's, so the same collision costs less precision and dropping costs much more recall
    (Island = Iceland in nb/sv/da against English "island" 5.01 stays exact).
- All-capital aliases of 2-3 letters (NRK, SAS, DNB) are acronyms: "exact" even when not a word,
  since the lowercase letters are other tokens (abbreviations, file names, words of other
  languages). They are dropped only when the word is also written in capitals (an all-capital
  entry of a Debian list) and its lowercase form is a word with Zipf >= 4.5 (OK); IF, MAN stay
  exact, as exact case meets "if"/"man" only in all-capital headlines. 4.5, not 3: the count of a
  lowercase acronym includes the acronym itself (sv "sas" 3.98 is mostly the airline). Longer
  all-capital aliases (IKEA, KONE, IHOP) are never dropped: "exact" if the lowercase is a word.
  Longer all-capital aliases (IKEA, SATS) follow the word rule on their lowercase form.
- A one-word company or brand name that is not a word but whose Scandinavian genitive (+ -s, which
  the tagger adds) is a lowercase word of nb, nn, sv or da is "exact" too (Kao: "kaos", chaos).
- Multi-word aliases are never dropped: they are "exact" when every word is an ordinary word of
  one language (The Body Shop), else "any". wordfreq has no phrase counts (it combines the
  single-word frequencies), so phrases are judged word by word.

Word attributes (`word_attributes`, written on every alias line by common.write_gazetteer): `word=`
gives the languages in which a one-word alias of letters, lowercased, is an ordinary word (the
evidence above; for Finnish also an inflected form of a common word, finnish_word_form), with the
Zipf there to one decimal; `word_endings=` gives the Finnish case endings with which a company or
brand alias spells a form of another Finnish word (finnish_word_endings). Neither changes a case or
match decision; they are for the language-aware tagger.

Sources (downloaded by this script into data/.cache/deb/ with `apt-get download` and unpacked with
`dpkg-deb -x`, no root, no system install; versions pinned in DEBS and printed by --report).
We ship only derived flags (case=exact / match=no and a short note), never the lists.
- wordfreq 3.1.1 (PyPI): code Apache-2.0, data CC BY-SA 4.0. Zipf frequencies for nb, sv, da, fi,
  is, en (da and is are small lists).
- wnorwegian 2.2-4 (/usr/share/dict/bokmaal, nynorsk; from Norsk ordbank/spell-norwegian): GPL-2.
- wswedish 1.4.5-3 (SSLUG Swedish ispell list): GPL-2+.
- wdanish 1.6.36-14 (SSLUG/Stavekontrolden Danish list): GPL-2+.
- wbritish, wamerican 2020.12.07-2 (SCOWL size 50, Kevin Atkinson): permissive SCOWL licence
  (MIT-like, parts public domain).
- voikko-fi 2.5-1 (Finnish morphology; only uninflected, uncompounded common words count for libvoikko 4.3.1; GPL-2+), checked through libvoikko
  (LGPL/GPL/MPL tri-licence) with its libraries libhfstospell11 and libarchive13.
- hunspell-is 1:7.5.0-1 (Icelandic Hunspell dictionary from LibreOffice, MPL/GPL/LGPL tri-licence),
  checked through libhunspell 1.7.1 (MPL-1.1/GPL-2+/LGPL-2.1+).

Usage: `python audit.py --report` (counts over data/*.tsv), `python audit.py [--kind K] WORD...`.
"""
from __future__ import annotations

import ctypes
import functools
import glob
import re
import subprocess
import sys
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CACHE, DATA, GAZETTEERS, read_gazetteer  # noqa: E402

import wordfreq  # noqa: E402

WORDFREQ_VERSION = "3.1.1"
# Debian packages (bookworm). Data packages are pinned strictly; the libraries only load a
# speller and may fall back to the archive's current version (printed) after a security update.
DEBS = {
    "wnorwegian": "2.2-4",
    "wswedish": "1.4.5-3",
    "wdanish": "1.6.36-14",
    "wbritish": "2020.12.07-2",
    "wamerican": "2020.12.07-2",
    "voikko-fi": "2.5-1",
    "hunspell-is": "1:7.5.0-1",
}
LIB_DEBS = {
    "libarchive13": "3.6.2-1+deb12u5",
    "libhfstospell11": "0.5.3-1+b2",
    "libvoikko1": "4.3.1-1+b1",
    "python3-libvoikko": "4.3.1-1",
    "libhunspell-1.7-0": "1.7.1-1",
}
DICT_FILES = {  # language -> files under the unpacked packages
    "nb": [("wnorwegian", "usr/share/dict/bokmaal")],
    "nn": [("wnorwegian", "usr/share/dict/nynorsk")],
    "sv": [("wswedish", "usr/share/dict/swedish")],
    "da": [("wdanish", "usr/share/dict/danish")],
    "en": [("wbritish", "usr/share/dict/british-english"), ("wamerican", "usr/share/dict/american-english")],
}
LANGS = ("nb", "nn", "sv", "da", "fi", "is", "en")  # fixed order: ties are broken by it
WORDFREQ_LANG = {"nb": "nb", "nn": "nb", "sv": "sv", "da": "da", "fi": "fi", "is": "is", "en": "en"}

SHORT_LEN = 3
SHORT_DROP_ZIPF = 3.0
ACRONYM_DROP_ZIPF = 4.5
DROP_ZIPF = {"company": 5.0, "brand": 5.0, "country": 5.5, "region": 5.5}

DEB_DIR = CACHE / "deb"
USED_VERSIONS: dict[str, str] = {}


def _fetch_deb(pkg: str, version: str, strict: bool) -> Path:
    """apt-get download pkg=version into data/.cache/deb/ and unpack it; return the unpack dir."""
    DEB_DIR.mkdir(parents=True, exist_ok=True)
    safe = lambda v: v.replace(":", "%3a")  # noqa: E731  (apt's file-name spelling of an epoch)
    debs = sorted(DEB_DIR.glob(f"{pkg}_{safe(version)}_*.deb"))
    if not debs and not strict:
        debs = sorted(DEB_DIR.glob(f"{pkg}_*.deb"))
    if not debs:
        r = subprocess.run(["apt-get", "download", f"{pkg}={version}"], cwd=DEB_DIR, capture_output=True, text=True)
        if r.returncode != 0 and not strict:
            r = subprocess.run(["apt-get", "download", pkg], cwd=DEB_DIR, capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(f"apt-get download {pkg}={version} failed (run `apt-get update` first?):\n{r.stderr}")
        debs = sorted(DEB_DIR.glob(f"{pkg}_*.deb"))
    deb = debs[-1]
    used = deb.name.split("_")[1].replace("%3a", ":")
    USED_VERSIONS[pkg] = used
    out = DEB_DIR / "x" / f"{pkg}-{safe(used)}"
    if not (out / ".done").exists():
        out.mkdir(parents=True, exist_ok=True)
        subprocess.run(["dpkg-deb", "-x", str(deb), str(out)], check=True)
        (out / ".done").write_text("")
    return out


def _read_lines(path: Path) -> list[str]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # bokmaal, nynorsk, swedish are ISO-8859-1
    return [w.strip() for w in text.splitlines() if w.strip()]


@functools.lru_cache(maxsize=None)
def _lists() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per language: the lowercase entries, and the (lowercased) capitalised entries."""
    lower: dict[str, set[str]] = {}
    caps: dict[str, set[str]] = {}
    for lang, files in DICT_FILES.items():
        lo, ca = set(), set()
        for pkg, rel in files:
            for w in _read_lines(_fetch_deb(pkg, DEBS[pkg], True) / rel):
                if w.endswith("'s"):
                    continue
                (lo if w == w.lower() else ca).add(w.lower())
        lower[lang], caps[lang] = lo, ca
    return lower, caps


@functools.lru_cache(maxsize=None)
def _voikko():
    dirs = {p: _fetch_deb(p, v, False) for p, v in LIB_DEBS.items() if p != "libhunspell-1.7-0"}
    for pkg, pat in (("libarchive13", "libarchive.so.13.*"), ("libhfstospell11", "libhfstospell.so.11.*"),
                     ("libvoikko1", "libvoikko.so.1.*")):
        ctypes.CDLL(sorted(glob.glob(str(dirs[pkg] / "usr/lib/*" / pat)))[0], mode=ctypes.RTLD_GLOBAL)
    sys.path.insert(0, str(dirs["python3-libvoikko"] / "usr/lib/python3/dist-packages"))
    import libvoikko

    data = _fetch_deb("voikko-fi", DEBS["voikko-fi"], True) / "usr/lib/voikko"
    return libvoikko.Voikko("fi", path=str(data))


@functools.lru_cache(maxsize=None)
def _hunspell_is():
    lib_dir = _fetch_deb("libhunspell-1.7-0", LIB_DEBS["libhunspell-1.7-0"], False)
    lib = ctypes.CDLL(sorted(glob.glob(str(lib_dir / "usr/lib/*/libhunspell-1.7.so.0*")))[0])
    lib.Hunspell_create.restype = ctypes.c_void_p
    lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    d = _fetch_deb("hunspell-is", DEBS["hunspell-is"], True) / "usr/share/hunspell"
    handle = lib.Hunspell_create(str(d / "is_IS.aff").encode(), str(d / "is_IS.dic").encode())
    return lambda w: lib.Hunspell_spell(handle, w.encode("utf-8")) != 0  # is_IS.aff: SET UTF-8


@functools.lru_cache(maxsize=None)
def _upper_entries() -> frozenset[str]:
    """All-capital entries of the Debian lists (OK, TV, EU; also some acronyms like SAS, NRK)."""
    out = set()
    for files in DICT_FILES.values():
        for pkg, rel in files:
            out.update(w for w in _read_lines(_fetch_deb(pkg, DEBS[pkg], True) / rel) if len(w) > 1 and w.isupper())
    return frozenset(out)


def _speller_lower_word(lang: str, w: str) -> bool:
    """Voikko/Hunspell accept a lowercase form only when the word is written in lowercase."""
    if lang == "fi":
        # Voikko accepts any inflected form and compound ("europa" = a form of "euro", "nokia" =
        # of "noki"): count only an uninflected, uncompounded common word ("kina", "georgia").
        v = _voikko()
        return bool(v.spell(w)) and any(
            a.get("BASEFORM") == w and a.get("STRUCTURE", "").count("=") == 1
            and a.get("CLASS") not in ("nimi", "etunimi", "sukunimi", "paikannimi")
            for a in v.analyze(w))
    return _hunspell_is()(w)


@functools.lru_cache(maxsize=None)
def zipf(w: str, lang: str) -> float:
    return wordfreq.zipf_frequency(w, WORDFREQ_LANG[lang], wordlist="best")


@functools.lru_cache(maxsize=None)
def word_evidence(w: str) -> tuple[tuple[str, float], ...]:
    """Languages in which lowercase `w` is an ordinary word, with Zipf, highest first."""
    lower, caps = _lists()
    hits = []
    for lang in LANGS:
        if lang in lower:
            ok = w in lower[lang]
            if ok and lang == "nn" and w in caps["nb"] and w not in lower["nb"]:
                ok = False
        else:
            ok = _speller_lower_word(lang, w)
        if ok:
            hits.append((lang, zipf(w, lang)))
    return tuple(sorted(hits, key=lambda h: (-h[1], LANGS.index(h[0]))))


def _describe(w: str, ev: tuple[tuple[str, float], ...]) -> str:
    lang, z = ev[0]
    s = f'{lang} word "{w}" (zipf {z:.2f})'
    if len(ev) > 1:
        s += ", also " + ", ".join(l for l, _ in ev[1:])
    return s


_PUNCT = re.compile(r"[^\w\s]|[\d_]")


def audit_alias(text: str, kind: str, langs: list[str] | None = None) -> tuple[str, str | None]:
    """("any", None), ("exact", reason) or ("drop", reason) for one alias; see the module doc."""
    t = " ".join(text.split())
    if t and not any(c.isalpha() for c in t):
        return ("drop", "no letters: a number or symbol in text, not a name")
    if not t or _PUNCT.search(t):
        return ("any", None)
    tokens = t.split(" ")
    if len(tokens) > 1:
        evs = [word_evidence(tok.lower()) for tok in tokens]
        common = set.intersection(*({l for l, _ in ev} for ev in evs))
        if common:
            lang = min(common, key=LANGS.index)
            return ("exact", f"every word is a {lang} word: " + " ".join(tok.lower() for tok in tokens))
        return ("any", None)
    w = t.lower()
    ev = word_evidence(w)
    if t.isupper() and len(t) >= 2:
        if len(t) > SHORT_LEN:  # IHOP, KONE: exact case only meets the word in all-capital text
            return ("exact", "all capitals, lowercase is " + _describe(w, ev)) if ev else ("any", None)
        if ev and ev[0][1] >= ACRONYM_DROP_ZIPF and t in _upper_entries():
            return ("drop", "acronym that is a frequent word: " + _describe(w, ev))
        return ("exact", "acronym" + (": lowercase is " + _describe(w, ev) if ev else f' (lowercase "{w}" is another token)'))
    if ev:
        lang, z = ev[0]
        if len(w) <= SHORT_LEN and z >= SHORT_DROP_ZIPF:
            return ("drop", f"{len(w)}-letter word: " + _describe(w, ev))
        limit = DROP_ZIPF.get(kind, 5.0)
        if z >= limit:
            return ("drop", f"very common word (zipf >= {limit}): " + _describe(w, ev))
        return ("exact", _describe(w, ev))
    if kind in ("company", "brand") and t.isalpha():
        # the tagger adds the Scandinavian genitive -s to a name: Kao + s = nb/sv/da "kaos" (chaos)
        lower, _caps = _lists()
        langs = [lang for lang in ("nb", "nn", "sv", "da") if w + "s" in lower[lang]]
        if langs:
            return ("exact", f'its genitive "{w}s" is a {",".join(langs)} word')
    return ("any", None)


# Finnish case endings as the tagger joins them to a one-word company or brand name, read from
# the crate itself (examples/finnish_endings.rs prints nordic_ner::finnish_case_endings and
# finnish_plural_endings), so that the audit and the tagger share one definition: the singular
# endings straight after a vowel (with the illative repeating it, and the clitic -kin), with -i-
# after a consonant; then the plural forms, on the name as written or, written "-ending", on its
# plural stem (Prisma + "-oissa" = "prismoissa"). Colon and apostrophe forms (SAS:n) cannot be
# other words. build.sh builds the example before the audit runs.
ENDINGS_BIN = Path(__file__).resolve().parents[2] / "target" / "release" / "examples" / "finnish_endings"
_endings_process = None
CASE_FORM_ZIPF = 2.5  # 0.3 per million words
# English counts are not swollen by Finnish text, so frequency alone is evidence there
# ("lankan" of "Sri Lankan" is in no list).
CASE_FORM_EN_ZIPF = 3.0
CASE_FORM_LANGS = ("nb", "sv", "da", "en")  # wordfreq has no nn; the nb list covers it


@functools.lru_cache(maxsize=None)
def _crate_endings(word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(all endings, plural endings) of `word` as the crate reads them, asked of one
    long-running finnish_endings process a word at a time."""
    global _endings_process
    if not word or any(c in word for c in "\t\n\r"):
        return (), ()
    if _endings_process is None:
        if not ENDINGS_BIN.exists():
            sys.exit(f"{ENDINGS_BIN} is missing: cargo build --release --example finnish_endings")
        _endings_process = subprocess.Popen([str(ENDINGS_BIN)], stdin=subprocess.PIPE,
                                            stdout=subprocess.PIPE, text=True, encoding="utf-8")
    _endings_process.stdin.write(word + "\n")
    _endings_process.stdin.flush()
    _, all_endings, plural = _endings_process.stdout.readline().rstrip("\n").split("\t")
    split = lambda s: tuple(s.split(",")) if s else ()  # noqa: E731
    return split(all_endings), split(plural)


def finnish_case_endings(word: str) -> list[str]:
    """The Finnish case endings the tagger joins straight to a one-word name, as the exact text
    that follows the name (nordic_ner::finnish_case_endings)."""
    return list(_crate_endings(word)[0])


def finnish_plural_endings(word: str) -> list[str]:
    """The plural endings of finnish_case_endings (nordic_ner::finnish_plural_endings)."""
    return list(_crate_endings(word)[1])


def finnish_case_form(word: str, ending: str) -> str:
    """The lowercase form of `word` with an ending of finnish_case_endings."""
    w = word.lower()
    return w[:-1] + ending[1:] if ending.startswith("-") else w + ending


def finnish_case_forms(word: str) -> list[str]:
    """The lowercase forms of a one-word name with each Finnish case ending the tagger accepts."""
    return [finnish_case_form(word, e) for e in finnish_case_endings(word)]


def audit_case_endings(text: str) -> list[tuple[str, str]]:
    """The Finnish case endings a company or brand alias must not take, each with its reason
    (finnish_case_endings order); the alias keeps its other endings (`blocked_endings=`).

    The tagger joins an ending only to a capitalised name, so a Finnish word that is a case form
    ("mielestä" = Miele + stä) costs only at sentence starts and is left alone. What costs is a
    form that is a word or a name of another language, which the tagger would read as the brand
    wherever it is capitalised: Bulgari + a = "Bulgaria", Kone + n = Danish "konen" (the wife),
    Mart + in = "Martin", Sony + a = "Sonya". A form counts when it is a listed word of nb, sv, da
    or en with Zipf >= CASE_FORM_ZIPF there (other_language_word). Only that ending is blocked:
    Sony keeps "Sonyn". Only one-word aliases are checked: a longer alias followed by an ending
    ("Bank of American") is not a sequence that occurs in text. All-capital aliases take endings
    only after a colon.
    """
    t = " ".join(text.split())
    if " " in t or not t.isalpha() or t.isupper():
        return []
    out = []
    for e in finnish_case_endings(t):
        form = finnish_case_form(t, e)
        reason = other_language_word(form)
        if reason:
            out.append((e, f'Finnish case form "{form}" is {reason}'))
    return out


def other_language_word(form: str) -> str | None:
    """Whether a Finnish word form is also a common word or name of nb, sv, da or en: in that
    language's case-keeping list (in any case) and with Zipf >= CASE_FORM_ZIPF there
    ("australian", "konen", "bulgaria"), or in English with Zipf >= CASE_FORM_EN_ZIPF. Both are
    needed in the Nordic languages: the lists hold rare forms that are the brand itself (nb
    "porschen"), and wordfreq's counts for sv include Finnish text ("suomen", "nokian" are not
    Swedish words). A form of several words is also read by its last word ("Sri Lankan")."""
    form = form.lower()
    # A form of several words is read by its last one, the one that carries the ending
    # ("Sri Lankan": "lankan").
    last = form.split()[-1]
    lower, caps = _lists()
    for lang in CASE_FORM_LANGS:
        for w in dict.fromkeys([form, last]):
            listed = w in lower[lang] or w in caps[lang] or (lang == "nb" and (w in lower["nn"] or w in caps["nn"]))
            z = zipf(w, lang)
            if (listed and z >= CASE_FORM_ZIPF) or (lang == "en" and "-" not in w and z >= CASE_FORM_EN_ZIPF):
                return f"a {lang} word or name (\"{w}\", zipf {z:.2f})"
    return None


# The language-aware tagger's alias attributes (data/README.md, "Alias attributes"): `word=` (the
# languages in which the lowercase alias is an ordinary word, with its Zipf frequency there) and
# `word_endings=` (the Finnish case endings with which a company or brand alias spells a form of
# another Finnish word). common.write_gazetteer adds them to every alias line it writes.
WORD_LANGS = ("nb", "nn", "da", "sv", "fi", "is", "en")  # the order of `word=` (src/language.rs)
FI_NAME_CLASSES = ("nimi", "etunimi", "sukunimi", "paikannimi")
# Voikko marks the clitics -pa/-pä, -han/-hän only in its raw output ("europa" = euro + pa).
_FI_CLITIC_END = re.compile(r"(?:pa|pä|han|hän)\[Ef\]$")


@functools.lru_cache(maxsize=None)
def _fi_common_analyses(form: str) -> tuple[dict, ...]:
    """Voikko's analyses of a lowercase form as a form of a common word (not a name class);
    empty when Voikko does not accept the form."""
    v = _voikko()
    if not v.spell(form):
        return ()
    return tuple(dict(a) for a in v.analyze(form) if a.get("CLASS") not in FI_NAME_CLASSES)


def _fi_ordinary(a: dict, clitic_ok: bool = False) -> bool:
    """An analysis of an ordinary word form: one word (not a compound: Voikko joins "itävalta",
    "kotipizza", "europasta" = euro + pasta), without a possessive suffix ("pakistani" = pakki +
    stä + ni, from my pack; "nokiaan" = noki + a + an) and, unless `clitic_ok`, without a clitic
    ("europa" = euro + pa): such analyses exist, but readers never meet the word."""
    return (a.get("STRUCTURE", "").count("=") == 1 and "POSSESSIVE" not in a
            and (clitic_ok or ("FOCUS" not in a and "KYSYMYSLIITE" not in a
                               and not _FI_CLITIC_END.search(a.get("FSTOUTPUT", "")))))


@functools.lru_cache(maxsize=None)
def finnish_word_form(w: str) -> bool:
    """Whether lowercase `w` is an ordinary Finnish word form: an uninflected common word
    (word_evidence) or an inflected form of one ("kiinan", genitive of kiina, the Chinese
    language; "mielestä"), any base form, analysed as in _fi_ordinary."""
    return any(_fi_ordinary(a) for a in _fi_common_analyses(w))


@functools.lru_cache(maxsize=None)
def word_languages(w: str) -> tuple[tuple[str, float], ...]:
    """Languages (WORD_LANGS order) in which lowercase one-word `w` is an ordinary word, with its
    Zipf frequency there: word_evidence's languages, and fi also for inflected forms
    (finnish_word_form). Icelandic already counts inflected forms: Hunspell accepts them."""
    ev = {lang for lang, _ in word_evidence(w)}
    return tuple((lang, zipf(w, lang)) for lang in WORD_LANGS
                 if lang in ev or (lang == "fi" and finnish_word_form(w)))


@functools.lru_cache(maxsize=None)
def finnish_word_endings(text: str) -> tuple[str, ...]:
    """The case endings (finnish_case_endings order) with which one-word `text` + ending,
    lowercased, is a form of a Finnish common word other than the name itself: Miele + ssä =
    "mielessä" (mieli, mind); an ordinary form (_fi_ordinary; the ending -kin is a clitic). Forms of the name's own word (Kone + en = "koneen", of "kone")
    are `word=`'s business, not this one's. A singular form must be more common than the name
    (see below); a plural form need not be: a company is one, so its plural forms are rare in
    any count, and one that is another word's form is mostly that word ("Yleistä", general,
    is not Yle + istä however common Yle is)."""
    t = " ".join(text.split())
    if not t or " " in t:
        return ()
    w = t.lower()
    # A singular form must also be more common than the name itself: wordfreq folds case, so a
    # form rarer than the name ("siemensin", "sampoon", "kuonin") is mostly the name's own case
    # form.
    plural = set(finnish_plural_endings(w))
    return tuple(dict.fromkeys(
        e for e in finnish_case_endings(w)
        if (e in plural or zipf(finnish_case_form(w, e), "fi") > zipf(w, "fi"))
        and any(a.get("BASEFORM", "").lower() != w and _fi_ordinary(a, clitic_ok=e == "kin")
                for a in _fi_common_analyses(finnish_case_form(w, e)))))


def takes_finnish_case_endings(kind: str, attrs: dict[str, str]) -> bool:
    """Whether the tagger joins Finnish case endings to an alias (data/FORMAT.md, `without_endings`): a
    matched company or brand alias without without_endings=fi whose languages include fi or are unset."""
    langs = [x for x in attrs.get("lang", "").split(",") if x]
    return (kind in ("company", "brand") and "fi" not in attrs.get("without_endings", "").split(",") and attrs.get("match") != "no"
            and (not langs or "fi" in langs))


def _one_decimal(z: float) -> str:
    return str(Decimal(repr(z)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def word_attributes(text: str, kind: str, attrs: dict[str, str]) -> dict[str, str]:
    """The `word=` and `word_endings=` attributes of an alias line (only those that apply).

    `word=LANG:ZIPF,...`: for a one-word alias of letters only, the languages in which its
    lowercase form is an ordinary word (word_languages), with wordfreq's Zipf there to one
    decimal (nn: nb's), 0.0 included. Whatever the alias's case and match flags.
    `word_endings=E,...`: for an alias that takes Finnish case endings
    (takes_finnish_case_endings), finnish_word_endings."""
    out: dict[str, str] = {}
    t = " ".join(text.split())
    if t.isalpha():
        langs = word_languages(t.lower())
        if langs:
            out["word"] = ",".join(f"{lang}:{_one_decimal(z)}" for lang, z in langs)
    if takes_finnish_case_endings(kind, attrs):
        endings = finnish_word_endings(t)
        if endings:
            out["word_endings"] = ",".join(endings)
    return out


def versions() -> str:
    _lists(), _voikko(), _hunspell_is()
    return ", ".join([f"wordfreq {wordfreq.__version__ if hasattr(wordfreq, '__version__') else WORDFREQ_VERSION}"]
                     + [f"{p} {v}" for p, v in sorted(USED_VERSIONS.items())])


def report() -> None:
    print("audit sources:", versions())
    files = sorted(DATA / name for name in GAZETTEERS)
    tot = Counter()
    flagged: Counter = Counter()
    decision: dict[str, tuple[str, str | None]] = {}
    disagree = []
    for path in files:
        c = Counter()
        for e in read_gazetteer(path):
            listed = {a.text for a in e.aliases}
            if e.attrs.get("match_name") != "no" and e.name not in listed:
                c["implicit names"] += 1
            for a in e.aliases:
                c["aliases"] += 1
                state = "drop" if a.attrs.get("match") == "no" else a.attrs.get("case", "any")
                if state == "exact":
                    c["case=exact"] += 1
                    c["exact with note"] += "note" in a.attrs
                elif state == "drop":
                    c["match=no"] += 1
                if state != "any":
                    flagged[(a.text, state)] += 1
                key = (a.text, e.kind)
                if key not in decision:
                    decision[key] = audit_alias(a.text, e.kind, a.attrs.get("lang", "").split(","))
                if decision[key][0] != state and len(disagree) < 10**6:
                    disagree.append((path.name, e.id, a.text, state, decision[key][0]))
        tot.update(c)
        print(f"{path.name}: " + ", ".join(f"{k} {c[k]}" for k in
              ("aliases", "case=exact", "exact with note", "match=no", "implicit names")))
    print("overall: " + ", ".join(f"{k} {tot[k]}" for k in
          ("aliases", "case=exact", "exact with note", "match=no", "implicit names")) + f" ({len(files)} files)")
    top = sorted(flagged, key=lambda k: (-max((z for _, z in word_evidence(k[0].lower())), default=0.0),
                                          -flagged[k], k))[:30]
    print("30 most frequent (max zipf) dropped/exact aliases:")
    for text, state in top:
        ev = word_evidence(text.lower())
        print(f"  {state:5} {text}  x{flagged[(text, state)]}  " + (_describe(text.lower(), ev) if ev else ""))
    print(f"alias lines whose flag differs from audit_alias today: {len(disagree)}")
    for row in disagree[:20]:
        print("  %s %s %r: file %s, audit %s" % row)
    report_by_source(files)
    report_words(files)


# The flags report_by_source counts, as they read in a note or attribute.
SOURCE_FLAGS = (
    ("case=exact", lambda a: a.attrs.get("case") == "exact"),
    ("match=no", lambda a: a.attrs.get("match") == "no"),
    ("blocked_endings=", lambda a: "blocked_endings" in a.attrs),
    ("without_endings=fi", lambda a: "fi" in a.attrs.get("without_endings", "").split(",")),
    ("given name", lambda a: "given name" in a.attrs.get("note", "")),
    ("Finnish surname", lambda a: "Finnish surname" in a.attrs.get("note", "")),
    ("Finnish place name", lambda a: "Finnish place name" in a.attrs.get("note", "")),
    ("place (countries/regions)", lambda a: "the name of a place" in a.attrs.get("note", "")),
)


def report_by_source(files: list[Path]) -> None:
    """What the audit flagged, per source of the alias (the part of `source=` before "@" or
    ":"; an alias with several sources counts for each): alias lines, then each flag."""
    rows: dict[str, Counter] = {}
    for path in files:
        for e in read_gazetteer(path):
            for a in e.aliases:
                sources = {s.split("@")[0].split(":")[0] for s in a.attrs.get("source", "").split(",") if s}
                for src in sources or {"(none)"}:
                    c = rows.setdefault(src, Counter())
                    c["aliases"] += 1
                    for flag, test in SOURCE_FLAGS:
                        c[flag] += bool(test(a))
    names = ["aliases"] + [f for f, _ in SOURCE_FLAGS]
    print("flags by source (alias lines; an alias with several sources counts for each):")
    print("  " + " | ".join(["source"] + names))
    for src in sorted(rows, key=lambda k: (-rows[k]["aliases"], k)):
        print("  " + " | ".join([src] + [str(rows[src][n]) for n in names]))


def report_words(files: list[Path]) -> None:
    """Counts of the `word=` and `word_endings=` attributes as written in the files."""
    print("word= / word_endings= (alias lines):")
    tot: Counter = Counter()
    examples: dict[str, dict[str, float]] = {lang: {} for lang in WORD_LANGS}
    endings: dict[str, str] = {}
    for path in files:
        c: Counter = Counter()
        for e in read_gazetteer(path):
            for a in e.aliases:
                if "word" in a.attrs:
                    c["word="] += 1
                    for item in a.attrs["word"].split(","):
                        lang, z = item.split(":")
                        c[lang] += 1
                        examples[lang][a.text] = max(float(z), examples[lang].get(a.text, 0.0))
                if "word_endings" in a.attrs:
                    c["word_endings="] += 1
                    endings[a.text] = a.attrs["word_endings"]
        tot.update(c)
        print(f"{path.name}: word= {c['word=']} (" + ", ".join(f"{lang} {c[lang]}" for lang in WORD_LANGS)
              + f"), word_endings= {c['word_endings=']}")
    print(f"overall: word= {tot['word=']} (" + ", ".join(f"{lang} {tot[lang]}" for lang in WORD_LANGS)
          + f"), word_endings= {tot['word_endings=']}")
    print("20 most frequent aliases per language of word= (Zipf there):")
    for lang in WORD_LANGS:
        top = sorted(examples[lang].items(), key=lambda kv: (-kv[1], kv[0]))[:20]
        print(f"  {lang} ({len(examples[lang])} distinct): " + ", ".join(f"{t} {z:.1f}" for t, z in top))

    def best_form(text: str) -> tuple[float, str]:
        return max((zipf(finnish_case_form(text, e), "fi"), finnish_case_form(text, e))
                   for e in endings[text].split(","))
    top = sorted(endings, key=lambda t: (-best_form(t)[0], t))[:20]
    print(f"20 word_endings= aliases with the most frequent Finnish form ({len(endings)} distinct):")
    for text in top:
        z, form = best_form(text)
        print(f"  {text}: {endings[text]}  ({form} {z:.2f})")


def main(argv: list[str]) -> None:
    if not argv or argv == ["--help"]:
        print(__doc__)
        return
    if argv == ["--report"]:
        report()
        return
    kind = "company"
    if argv[0] == "--kind":
        kind, argv = argv[1], argv[2:]
    for word in argv:
        d, reason = audit_alias(word, kind, [])
        ev = " ".join(f"{l}:{z:.2f}" for l, z in word_evidence(word.lower())) if " " not in word else ""
        zs = " ".join(f"{l}:{zipf(word.lower(), l):.2f}" for l in ("nb", "sv", "da", "fi", "is", "en"))
        print(f"{word!r:16} {d:5} {reason or ''}\n{'':16} word in: [{ev}]  zipf: {zs}")


if __name__ == "__main__":
    main(sys.argv[1:])
