"""Icelandic case forms of company and brand names, from the Database of Icelandic Morphology.

Called by orgs.py (add_icelandic_forms) after the curated forms of curated/inflected_forms.tsv;
`python icelandic.py NAME...` prints the forms of names without building anything.

Source: PyPI islenska 2.1.0 (MIT code, Miðeind ehf.) reading PyPI islenska-data 5.0.0, the
Database of Icelandic Morphology (Beygingarlýsing íslensks nútímamáls, BÍN; © The Árni Magnússon
Institute for Icelandic Studies; author and editor Kristín Bjarnadóttir) with Miðeind's additions,
under CC BY-SA 4.0. `Bin(only_bin=True)`: BÍN's own entries, no guessed compounds, no Greynir
additions. The forms written to data/companies.tsv and data/brands.tsv are derived from that data,
so they are offered under CC BY-SA 4.0 (see NOTICE and data/README.md).

Which aliases are Icelandic (the criterion)
- The entity is a company or brand with origin=IS, or the alias has lang= with is in it (the
  Icelandic name of a foreign entity: Seðlabanki Evrópu for the ECB). An alias whose lang= leaves
  out is, or one that is itself a curated inflected form, is not inflected. BÍN knowing every word
  is not enough on its own: it has loan words and foreign names too (English "Bank" is BÍN's
  neuter "bank", knocking), so a foreign entity's name is never inflected from BÍN alone.
- The alias is written as an Icelandic name: words of letters (a number such as the 2 of Stöð 2
  may stand after the first word and does not change), no punctuation (legal forms "hf." and
  English possessives are left alone), no word in capitals only (acronyms: VÍS, RÚV, TM), and
  every word is a word form of BÍN in the case written: a capitalised word after the first needs a
  proper-noun lemma (Íslands), since Icelandic writes the other words of a name in lowercase
  ("Arion banki", "Kvika banki"); so "Arion Bank", "Central Bank of Iceland" and the title-cased
  "Klappir Grænar Lausnir" are not Icelandic phrases, and the ASCII spellings (Siminn) are not BÍN
  words.
- The words that decline are those BÍN reads as a noun in the nominative: the head and any noun in
  apposition ("Kvika banki" -> "Kviku banka", "Reitir fasteignafélag" -> "Reitum fasteignafélagi").
  A later word that is only a genitive stays as it is ("Seðlabanki Íslands" -> "Seðlabanka
  Íslands"), and so does a number. The first word must decline, else the alias is left alone.
  Each declining word keeps the number and the definite article it has in the name (Síminn ->
  Símanum, Símans; Hagar -> Högum).
- A word's reading, when BÍN has several: a company name of BÍN (domain fyr) spelled as written;
  else a person's name spelled as written (Össur, Reginn, Marel: the common noun "össur" is the
  plural of "assa", eagle); else a common noun (the lowercase lemma, its forms capitalised as the
  name is: Síminn, Brim, Stöð 2); else another proper noun spelled as written (a place or street
  name: Heimavellir). A nominative that is singular and plural of one lemma (neuter "brim") is
  read as the singular; a plural-only name stays plural (Hagar, Fjarskipti). Readings of one rank
  that give different forms all count. Only BÍN's main form of each case is taken (no variant
  tags such as ÞGFET2), of BÍN's normal correctness grade (beinkunn 0 or 1): not the colloquial
  "Bónusi".
- An ASCII spelling of another alias of the entity (Siminn beside Síminn) is left alone.

What is written
- The accusative, dative and genitive (þolfall, þágufall, eignarfall); a form equal to another
  case's is written once with both cases in the note; a form equal to an alias the entity already
  has (the name itself: Bónus is Bónus in three cases) is not written.
- Each form is an alias with lang=is, case=exact (lowercase it is the noun: "hjá símanum"),
  without_endings=fi (already inflected), source=islenska-data@5.0.0:<BÍN id>[,...] (one id a declined word)
  and a note naming the case(s) and the BÍN lemma(s).
- A form that is the name or a matched alias of another entity of the gazetteers (companies,
  brands, countries, regions; any case) is not written (printed to stderr).
- A one-word form that the ambiguity audit (audit.audit_alias) would drop as a common word, or
  that is an ordinary word or a capitalised name (a person or place) in the nb, nn, sv, da or en
  word lists, is written with match=no and the reason in the note: "Haga" (genitive of Hagar) is
  a Swedish place name, and Icelandic forms are also read in Scandinavian text.
"""
from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, Entity, read_gazetteer  # noqa: E402

ISLENSKA_VERSION = "2.1.0"
ISLENSKA_DATA_VERSION = "5.0.0"
SRC = f"islenska-data@{ISLENSKA_DATA_VERSION}"
NOUN = ("kk", "kvk", "hk")
GENDER = {"kk": "masculine", "kvk": "feminine", "hk": "neuter"}
CASES = (("ÞF", "accusative"), ("ÞGF", "dative"), ("EF", "genitive"))
# Word lists whose entries (lowercase: a word; capitalised: a person's or place name) make a
# one-word Icelandic form unsafe to match in Scandinavian or English text.
OTHER_LANGS = ("nb", "nn", "sv", "da", "en")

_BIN = None


def _bin():
    global _BIN
    if _BIN is None:
        import islenska  # noqa: PLC0415
        import islenska_data  # noqa: PLC0415
        from importlib.metadata import version  # noqa: PLC0415

        got = (version("islenska"), islenska_data.__version__)
        if got != (ISLENSKA_VERSION, ISLENSKA_DATA_VERSION):
            raise SystemExit(f"islenska {got[0]} / islenska-data {got[1]} installed; the build pins "
                             f"{ISLENSKA_VERSION} / {ISLENSKA_DATA_VERSION} (data/build/requirements.txt)")
        _BIN = islenska.Bin(only_bin=True)
    return _BIN


@dataclass(frozen=True)
class Reading:
    """One BÍN reading of a word of a name: a nominative noun form, or a fixed word."""
    lemma: str
    ofl: str  # word class: kk, kvk, hk (nouns); "" for a fixed word
    bin_id: int
    number_article: str  # the rest of the nominative tag: ET, ETgr, FT, FTgr
    upper: bool  # the name writes the word capitalised and the lemma is lowercase

    def forms(self, case: str) -> list[str]:
        """The forms of this reading in `case` (ÞF, ÞGF, EF), capitalised as in the name."""
        want = case + self.number_article
        out = []
        for e in _bin().lookup_id(self.bin_id):
            if e.ord != self.lemma or e.ofl != self.ofl:
                continue
            if e.mark != want or e.beinkunn not in (0, 1):
                continue
            f = e.bmynd
            if self.upper:
                f = f[:1].upper() + f[1:]
            out.append(f)
        return sorted(set(out))


def _entries(word: str) -> list:
    seen, out = set(), []
    for w in dict.fromkeys([word, word.lower()]):
        _key, ms = _bin().lookup_ksnid(w)
        for m in ms:
            k = (m.ord, m.ofl, m.hluti, m.bin_id, m.mark, m.bmynd)
            if k not in seen and m.bmynd == w:
                seen.add(k)
                out.append(m)
    return out


def noun_readings(word: str) -> list[Reading]:
    """The nominative noun readings of a word as the name writes it, best rank only (module doc)."""
    ranks: dict[int, set[Reading]] = {}
    for m in _entries(word):
        if m.ofl not in NOUN or not m.mark.startswith("NF") or m.einkunn not in (0, 1):
            continue
        proper = m.ord[:1].isupper()
        if proper and m.bmynd != word:
            continue  # a proper noun spelled otherwise
        if not proper and m.bmynd != word.lower():
            continue
        rank = 0 if proper and m.hluti == "fyr" else 1 if proper and m.hluti == "ism" else 2 if not proper else 3
        na = m.mark[2:].rstrip("0123456789")
        r = Reading(m.ord, m.ofl, m.bin_id, na, upper=not proper and word[:1].isupper())
        ranks.setdefault(rank, set()).add(r)
    if not ranks:
        return []
    best = ranks[min(ranks)]
    singular = {r.bin_id for r in best if r.number_article.startswith("ET")}
    best = {r for r in best if r.number_article.startswith("ET") or r.bin_id not in singular}
    return sorted(best, key=lambda r: (r.bin_id, r.lemma, r.number_article))


def is_word_as_written(word: str, later: bool) -> bool:
    """A word form of BÍN as written; after the first word a capitalised word must be a proper noun."""
    es = _entries(word)
    if later and word[:1].isupper():
        return any(m.ord[:1].isupper() and m.bmynd == word for m in es)
    return any(m.bmynd in (word, word.lower()) for m in es)


def plan(text: str) -> list[list[Reading] | str] | None:
    """For each word of an alias, its noun readings (a word that declines) or the word itself
    (fixed); None when the alias is not an Icelandic name whose first word declines."""
    words = text.split(" ")
    out: list[list[Reading] | str] = []
    for i, w in enumerate(words):
        if i > 0 and w.isdigit():
            out.append(w)
            continue
        if not w.isalpha() or (len(w) > 1 and w.isupper()):
            return None
        if not is_word_as_written(w, i > 0):
            return None
        rs = noun_readings(w)
        if rs:
            out.append(rs)
        elif i == 0:
            return None
        elif any(m.mark.startswith("EF") for m in _entries(w)):
            out.append(w)  # a genitive complement: Seðlabanki Íslands
        else:
            return None  # an adjective or another word class: not handled
    return out


def inflect(text: str) -> list[tuple[str, list[str], list[Reading]]]:
    """(form, cases, declined readings) for the alias `text`, forms equal to it left out."""
    p = plan(text)
    if p is None:
        return []
    by_form: dict[str, tuple[list[str], list[Reading]]] = {}
    for case, case_name in CASES:
        phrases: list[tuple[list[str], list[Reading]]] = [([], [])]
        for part in p:
            if isinstance(part, str):
                phrases = [(ws + [part], rs) for ws, rs in phrases]
                continue
            nxt = []
            for r in part:
                for f in r.forms(case):
                    for ws, rs in phrases:
                        nxt.append((ws + [f], rs + [r]))
            phrases = nxt
        for ws, rs in phrases:
            form = " ".join(ws)
            if form == text:
                continue
            cases, readings = by_form.setdefault(form, ([], []))
            if case_name not in cases:
                cases.append(case_name)
            for r in rs:
                if r not in readings:
                    readings.append(r)
    return [(f, c, r) for f, (c, r) in by_form.items()]


def _strip_marks(s: str) -> str:
    import unicodedata  # noqa: PLC0415
    s = s.replace("ð", "d").replace("Ð", "D").replace("þ", "th").replace("Þ", "Th")
    s = s.replace("æ", "ae").replace("Æ", "Ae").replace("ö", "o").replace("Ö", "O")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def is_icelandic_alias(e: Entity, a) -> bool:
    if e.kind not in ("company", "brand") or a.attrs.get("match") == "no":
        return False
    if a.text.isascii() and any(not t.isascii() and _strip_marks(t) in (a.text, _strip_marks(a.text))
                                for t in [e.name] + [x.text for x in e.aliases]):
        return False  # an ASCII spelling (Siminn, Hampidjan)
    if "curated:inflected_forms" in a.attrs.get("source", "").split(","):
        return False
    langs = [x for x in a.attrs.get("lang", "").split(",") if x]
    if langs:
        return "is" in langs
    return e.attrs.get("origin") == "IS"


def _other_names(final: dict[str, Entity]) -> dict[str, set[str]]:
    """casefolded matched name -> ids (or place names) of every entity that has it."""
    names: dict[str, set[str]] = {}
    for e in final.values():
        listed = {a.text for a in e.aliases}
        texts = [a.text for a in e.aliases if a.attrs.get("match") != "no"]
        if e.attrs.get("match_name") != "no" and e.name not in listed:
            texts.append(e.name)
        for t in texts:
            names.setdefault(t.casefold(), set()).add(e.id)
    for fname in ("countries.tsv", "regions.tsv"):
        if (DATA / fname).exists():
            for g in read_gazetteer(DATA / fname):
                for t in [g.name] + [a.text for a in g.aliases if a.attrs.get("match") != "no"]:
                    names.setdefault(t.casefold(), set()).add(g.id)
    return names


def word_problem(form: str, kind: str) -> str | None:
    """Why a one-word form should not be matched: the audit drops it, or it is a word or a
    capitalised name of a Scandinavian or English list."""
    from audit import _lists, audit_alias  # noqa: PLC0415

    if " " in form:
        return None
    verdict, reason = audit_alias(form, kind)
    if verdict == "drop":
        return f"the audit drops it: {reason}"
    lower, caps = _lists()
    low = form.lower()
    words = [lang for lang in OTHER_LANGS if lang in lower and low in lower[lang]]
    if words:
        return f"also a word in the {','.join(words)} lists"
    names = [lang for lang in OTHER_LANGS if lang in caps and low in caps[lang] and low not in lower.get(lang, ())]
    if names:
        return f"a capitalised name (person or place) in the {','.join(names)} lists"
    return None


def note_for(cases: list[str], readings: list[Reading]) -> str:
    lemmas = ", ".join(dict.fromkeys(f"{r.lemma} {r.ofl}" for r in readings))
    named = cases[0] if len(cases) == 1 else ", ".join(cases[:-1]) + " and " + cases[-1]
    return f"Icelandic {named}, from BÍN ({lemmas})"


def add_icelandic_forms(final: dict[str, Entity], stats: Counter) -> None:
    """Add the Icelandic case forms of the Icelandic aliases of companies and brands (module doc)."""
    others = _other_names(final)
    for e in sorted(final.values(), key=lambda e: e.id):
        aliases = [a for a in e.aliases if is_icelandic_alias(e, a)]
        if e.attrs.get("match_name") != "no" and not any(a.text == e.name for a in e.aliases) \
                and e.kind in ("company", "brand") and e.attrs.get("origin") == "IS":
            from common import Alias  # noqa: PLC0415
            aliases.insert(0, Alias(e.name, {}))
        added = 0
        for a in aliases:
            for form, cases, readings in inflect(a.text):
                if any(x.text == form for x in e.aliases):
                    stats["icelandic forms: already an alias"] += 1
                    continue
                owners = others.get(form.casefold(), set()) - {e.id}
                if owners:
                    stats["icelandic forms skipped: name of another entity"] += 1
                    print(f"  icelandic form {form!r} of {e.id} ({e.name}) skipped: also {sorted(owners)}",
                          file=sys.stderr)
                    continue
                attrs = dict(case="exact", without_endings="fi", lang="is",
                             source=",".join(f"{SRC}:{r.bin_id}" for r in readings),
                             note=note_for(cases, readings))
                problem = word_problem(form, e.kind)
                if problem:
                    attrs.pop("case")
                    attrs["match"] = "no"
                    attrs["note"] += f"; not matched: {problem}"
                    stats["icelandic forms not matched: a word or name"] += 1
                e.add_alias(form, **attrs)
                stats["icelandic forms added"] += 1
                added += 1
        if added:
            stats["icelandic forms: entities"] += 1


def main(argv: list[str]) -> None:
    if not argv or argv == ["--help"]:
        print(__doc__)
        return
    for text in argv:
        p = plan(text)
        if p is None:
            print(f"{text}: not inflected")
            continue
        for form, cases, readings in inflect(text):
            problem = word_problem(form, "company")
            print(f"{text}: {form}\t{note_for(cases, readings)}\t{SRC}:{','.join(str(r.bin_id) for r in readings)}"
                  + (f"\tNOT MATCHED: {problem}" if problem else ""))


if __name__ == "__main__":
    main(sys.argv[1:])
