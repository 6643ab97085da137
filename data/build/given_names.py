"""Build data/given_names.txt: given names (first names) seen in Nordic and English news.

The tagger uses the list for one rule: a capitalised word that is a given name and is followed by
a capitalised word starts a person's name ("Tine Sundtoft", "Chad Smith"), not a brand or a
country. The file holds only the names (a fact list), one a line; no corpus text is copied.

Usage (from data/build, with the build venv; build.sh runs it after orgs.py):

    python given_names.py [TRAIN_DIR]            # writes data/given_names.txt
    python given_names.py --report [TRAIN_DIR]   # prints every decision; writes nothing

TRAIN_DIR is the evaluation kit's folder of training splits. Default: /work/shared/eval/train
when /work/shared exists, else ../shared/eval/train beside the repository (the layout of a
developer's machine and of CI). The script stops with a message when the folder is missing.

Sources and licences
- Corpora (training splits of the evaluation kit, see shared/eval/README.md; IOB2: `# ...`
  comment lines, then id TAB form TAB tag [TAB ...], a blank line between sentences):
  * da_ddt-ud-train.iob2: Universal NER (NAACL 2024), Danish DDT, CC BY-SA 4.0.
  * sv_talbanken-ud-train.iob2: Universal NER, Swedish Talbanken, CC BY-SA 4.0.
  * fi_turku-train.iob2: Turku NER corpus (LREC 2020), CC BY-SA 4.0.
  Only the names are taken, as facts, and the corpora are credited in the file header; the kit's
  README allows a derived fact list with its source named, never the texts.
- NOT used: fi_digitoday-train.iob2 (FiNER, Finnish technology news from Digitoday). The kit's
  README says only that it was "released for research use", and its repository states no licence.
  A list shipped in an MIT/Apache crate for any use is not clearly research use, so the file is
  not read at all: it neither adds nor removes a name.
- PyPI Faker (FAKER_VERSION, MIT licence; the wheel's LICENSE.txt: "Copyright (c) 2012 Daniele
  Faraglia"): the first-name tuples of its person providers FAKER_LOCALES (Danish, Swedish,
  Norwegian, Finnish, US and British English). The providers name their own sources: Statistics
  Norway (no_NO), Skatteverket and ISOF name statistics (sv_SE), the Finnish Digital and
  Population Data Services Agency's open data (fi_FI), US Social Security baby names (en_US), ONS
  (en_GB); da_DK names none. The source is parsed with `ast`; no package code runs. Left out:
  is_IS (3,700 names of the Icelandic register of approved names, with no frequencies: month
  names "Júní", words "Orka", "Skuld") and the generic `en` list (7,000 mostly rare names).
- Filters only, nothing of them is shipped: the case-keeping word lists and wordfreq of audit.py
  (audit.word_evidence), and Voikko's Finnish analyser set up there.

Method
1. Candidates: the first token of every PER span of two or more tokens whose second token starts
   with a capital letter (surname, middle name or initial: "Kjeld Christensen", "Henrik S.
   Nissen"), and every first name of the Faker lists. A name is a capitalised word of letters,
   hyphenated parts allowed ("Jens-Petter", "Anna-Lisa"), of at least 2 letters and not all
   capitals (LYKKE, IB); so no initial ("J.") and no punctuation. Not a title or a name particle
   (TITLES, PARTICLES: "Dr", "Kong", "Äiti" as in Äiti Teresa, "Van", "Te" as in Te Rauparaha),
   nor a curated annotation error (NOT_NAMES: "Sinn" of Sinn Féin). Forms are NFC.
2. Counts over the three corpora, per exact form:
   start  = starts a PER span as in 1;
   inside = all its tokens in PER spans (start, single-token spans, later positions);
   inner  = its tokens at a later position of a PER span (surname or middle name);
   estart = first tokens of ORG, LOC, PROD, EVT (any non-PER) spans;
   trig   = tokens outside any span that a capitalised token follows: where the tagger's rule
            would fire wrongly. (Raw capitalised counts are not used: Talbanken leaves some
            persons untagged, "Lisa blev".)
   lower  = tokens equal to its lowercase form ("ole", "hans", "per").
   reg    = 1 when a Faker list has the name (an independent attestation), else 0.
3. A name is dropped, checking in this order, when
   a. estart >= inside + reg: it starts other kinds of names at least as often as it is in
      person names (Sampo, Pietari = St Petersburg, Mercedes, Sierra, Aston, Viking, Morgan);
   b. trig > inside + reg: outside names it precedes a capitalised word more often ("Mona Lisa");
   c. inner >= 2 and inner > start: a surname or middle name ("Nyrup", "Clinton", "Jackson");
   d. start == 1, reg == 0 and lower > 0: one attestation is not enough for a form that is also
      a lowercase word of the corpora (Finnish "tai", "musta", "kevät");
   e. start == 1, reg == 0, attested only in the Finnish corpus, and every Voikko reading is an
      inflected form, none a first name: a genitive surname of the colloquial order "Virtasen
      Maija" (a Finnish first name before a surname is never inflected);
   f. start == 0, or start == 1 and reg == 0 (weak evidence), and it is an ordinary word: an
      English one with Zipf >= EN_WORD_ZIPF (English headlines capitalise every word: "Summer",
      "Grace", "Faith", "Said", "My") or one of nb, nn, sv, da, fi with Zipf >= NORDIC_WORD_ZIPF
      (a Nordic word is capitalised only at a sentence start, so only the commonest matter: sv
      "alla", "mina", "inga", nb "andre", fi "aina", "eli"). Icelandic is not asked (its speller
      accepts names in lowercase). wordfreq counts a name and its lowercase homograph together,
      so this cut also drops some real names ("Guy", "Liv", "Dag"); that is why it is not applied
      to names the corpora attest twice or that both sources attest ("Per", "Hans", "Ole",
      "Frank", "Mark", "Bill" stay: the rule needs a following capitalised word, and these are
      among the commonest given names).
   Everything else is kept: start >= 2, or start == 1 with nothing against it, or a Faker name
   with nothing against it.
4. Output: a `#` header naming the sources, their licences and the rebuild command, then the
   names, NFC, one a line, sorted by Unicode code point. Running twice gives the same bytes.

--report lists every dropped candidate with its counts and reason, the names per source, and
the names that are also aliases of the gazetteers data/{countries,regions,companies,brands}.tsv
(the collisions the rule is for: "Tine", "Chad", "Jordan") or begin a multi-word alias there
("Jan Mayen", "Clas Ohlson", "Hugo Boss": the tagger should let the longer gazetteer match win).
"""
from __future__ import annotations

import ast
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import DATA, pypi_member, read_gazetteer  # noqa: E402

OUT = DATA / "given_names.txt"
REPO = DATA.parent

CORPORA = {  # file -> (description, licence)
    "da_ddt-ud-train.iob2": ("Universal NER (NAACL 2024), Danish DDT, training split", "CC BY-SA 4.0"),
    "sv_talbanken-ud-train.iob2": ("Universal NER, Swedish Talbanken, training split", "CC BY-SA 4.0"),
    "fi_turku-train.iob2": ("Turku NER corpus (LREC 2020), training split", "CC BY-SA 4.0"),
}
FINNISH = "fi_turku-train.iob2"
EXCLUDED = {
    "fi_digitoday-train.iob2": 'FiNER Digitoday: "released for research use", no licence stated; not read',
}

GAZETTEERS = ("countries.tsv", "regions.tsv", "companies.tsv", "brands.tsv")  # for --report's collisions

FAKER_VERSION = "40.54.0"
FAKER_LOCALES = ("da_DK", "sv_SE", "no_NO", "fi_FI", "en_US", "en_GB")

EN_WORD_ZIPF = 4.5  # step 3f: English words at least 30 per million (title-case headlines)
NORDIC_WORD_ZIPF = 5.0  # step 3f: Nordic words at least 100 per million (as audit.py's DROP_ZIPF)
WORD_LANGS = ("nb", "nn", "sv", "da", "fi")

TITLES = frozenset("""
hr herr herra fru frue rouva frøken fröken frk neiti mr mrs ms miss sir dame lord lady
dr doktor tohtori prof professor professori
kong konge kung kuningas king dronning drottning kuningatar queen prins prinsen prinsessa
prinsesse prinsessan prince princess kejser kejsare keisari emperor greve kreivi count baron
paroni hertug hertig herttua duke
pave påve paavi pope sankt saint st pyhä pyhän biskop piispa bishop pastor præst präst pappi
father fader isä mother moder mor äiti neitsyt jomfru jungfru virgin
onkel farbror morbror setä eno uncle tante täti aunt
general kenraali kaptajn kapten kapteeni captain minister ministeri president presidentti
præsident statsminister pääministeri direktør direktör johtaja senator senaattori
""".split())
NOT_NAMES = {  # annotation errors of the corpora, each with the reason
    "Sinn": "Sinn Féin, a party, tagged PER in DDT",
}
PARTICLES = frozenset("""
von van der den de del della di da du la le af av al el bin ibn te ter ten mac
""".split())


def default_train_dir() -> Path:
    if Path("/work/shared").exists():
        return Path("/work/shared/eval/train")
    return REPO.parent / "shared" / "eval" / "train"


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def name_shape(w: str) -> bool:
    """A capitalised word of letters (hyphenated parts allowed), >= 2 letters, not all capitals."""
    parts = w.split("-")
    if not all(p.isalpha() for p in parts):
        return False
    letters = sum(len(p) for p in parts)
    return letters >= 2 and w[0].isupper() and not w.isupper()


def stop_word(w: str) -> str | None:
    lw = w.lower()
    if lw in TITLES:
        return "title word"
    if lw in PARTICLES:
        return "name particle"
    return None


def sentences(path: Path):
    sent: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if sent:
                yield sent
                sent = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        sent.append((nfc(cols[1]), cols[2]))
    if sent:
        yield sent


def spans(sent: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
    """IOB2 spans (type, start, end); an I- without its B- opens a span, as conlleval does."""
    out: list[tuple[str, int, int]] = []
    cur: list | None = None
    for i, (_, tag) in enumerate(sent):
        if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[0] != tag[2:])):
            if cur:
                out.append(tuple(cur))
            cur = [tag[2:], i, i + 1]
        elif tag.startswith("I-"):
            cur[2] = i + 1
        else:
            if cur:
                out.append(tuple(cur))
            cur = None
    if cur:
        out.append(tuple(cur))
    return out


def count_corpora(train: Path) -> tuple[dict[str, Counter], dict[str, set[str]]]:
    """Per form, the counts of step 2; and per corpus file, the forms that start a PER span."""
    c: dict[str, Counter] = defaultdict(Counter)
    starts_in: dict[str, set[str]] = {}
    for fn in CORPORA:
        path = train / fn
        if not path.exists():
            raise SystemExit(f"given_names.py: {path} is missing (pass the train folder as an argument)")
        seen: set[str] = set()
        for sent in sentences(path):
            in_entity: set[int] = set()
            for typ, a, b in spans(sent):
                in_entity.update(range(a, b))
                first = sent[a][0]
                if typ == "PER":
                    if b - a >= 2:
                        if sent[a + 1][0][:1].isupper():
                            c[first]["start"] += 1
                            seen.add(first)
                        else:
                            c[first]["other_per"] += 1
                    else:
                        c[first]["single"] += 1
                    for i in range(a + 1, b):
                        c[sent[i][0]]["inner"] += 1
                else:
                    c[first]["estart"] += 1
            for i, (w, _) in enumerate(sent):
                if i in in_entity:
                    continue
                if w == w.lower():
                    c[w]["lower"] += 1
                elif i + 1 < len(sent) and sent[i + 1][0][:1].isupper():
                    c[w]["trig"] += 1
        starts_in[fn] = seen
    return c, starts_in


def counts_of(c: dict[str, Counter], w: str) -> dict[str, int]:
    x = c.get(w, Counter())
    start = x["start"]
    inner = x["inner"]
    inside = start + x["single"] + inner + x["other_per"]
    return {"start": start, "inside": inside, "inner": inner, "estart": x["estart"], "trig": x["trig"],
            "lower": c.get(w.lower(), Counter())["lower"] if w.lower() != w else 0}


def fmt(k: dict[str, int]) -> str:
    return " ".join(f"{key}={k[key]}" for key in ("start", "inside", "inner", "estart", "trig", "lower"))


def faker_names() -> dict[str, set[str]]:
    """Faker's first names per name -> locales, read from the provider sources with ast."""
    out: dict[str, set[str]] = defaultdict(set)
    for loc in FAKER_LOCALES:
        src = pypi_member("faker", FAKER_VERSION, f"providers/person/{loc}/__init__.py").decode("utf-8")
        found = 0
        for node in ast.walk(ast.parse(src)):
            if not isinstance(node, ast.ClassDef):
                continue
            for st in node.body:
                if not (isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name)):
                    continue
                if st.targets[0].id not in ("first_names_male", "first_names_female"):
                    continue
                value = st.value
                if isinstance(value, ast.Call) and getattr(value.func, "id", "") == "OrderedDict":
                    value = value.args[0]  # OrderedDict(((name, weight), ...))
                items = ast.literal_eval(value)
                if isinstance(items, dict):
                    items = list(items)
                for item in items:
                    name = item[0] if isinstance(item, tuple) else item
                    out[nfc(name.strip())].add(loc)
                    found += 1
        assert found, f"no first names found in Faker {loc}"
    return out


def word_reason(w: str) -> str | None:
    """Step 3f's word rule: an English word with Zipf >= EN_WORD_ZIPF, or a word of nb, nn, sv, da
    or fi with Zipf >= NORDIC_WORD_ZIPF (audit.word_evidence; Icelandic is not asked: its speller
    accepts many names in lowercase)."""
    import audit  # the case-keeping word lists; loaded only when needed

    for lang, z in audit.word_evidence(w.lower()):
        if (lang == "en" and z >= EN_WORD_ZIPF) or (lang in WORD_LANGS and z >= NORDIC_WORD_ZIPF):
            return f'{lang} word "{w.lower()}" (zipf {z:.2f})'
    return None


def finnish_inflected(w: str) -> str | None:
    """Voikko's reading of a form that only the Finnish corpus attests once: only inflected forms,
    never a first name ("Virtasen", genitive of a surname, in the colloquial order "Virtasen
    Maija"; a first name before a surname is never inflected in Finnish)."""
    import audit  # Voikko, set up by the ambiguity audit; used as a filter only

    readings = audit._voikko().analyze(w)
    if not readings or any(r.get("CLASS") == "etunimi" for r in readings):
        return None
    if all(r.get("SIJAMUOTO") not in (None, "nimento") for r in readings):
        r = readings[0]
        return f"Finnish {r.get('CLASS')} {r.get('BASEFORM')!r}, case {r.get('SIJAMUOTO')} (Voikko)"
    return None


def decide(w: str, k: dict[str, int], in_registry: bool, finnish_only: bool) -> str | None:
    """Why `w` is dropped (steps 1 and 3 of the docstring), or None to keep it."""
    if not name_shape(w):
        return "not a capitalised word of letters"
    stop = stop_word(w)
    if stop:
        return stop
    if w in NOT_NAMES:
        return NOT_NAMES[w]
    reg = 1 if in_registry else 0
    if k["estart"] and k["estart"] >= k["inside"] + reg:
        return "starts ORG/LOC/PROD/EVT names at least as often as it is in person names"
    if k["trig"] > k["inside"] + reg:
        return "before a capitalised word outside names more often than in person names"
    if k["inner"] >= 2 and k["inner"] > k["start"]:
        return "more often inside a person's name than at its start: a surname or middle name"
    if k["start"] == 1 and not in_registry and k["lower"]:
        return "one attestation, and a lowercase word in the corpora"
    if finnish_only and k["start"] == 1 and not in_registry:
        fi = finnish_inflected(w)
        if fi:
            return fi
    if k["start"] == 0 or (k["start"] == 1 and not in_registry):
        return word_reason(w)
    return None


def build(train: Path) -> tuple[list[str], dict]:
    c, starts_in = count_corpora(train)
    registry = faker_names()
    kept: dict[str, str] = {}  # name -> source
    dropped: list[tuple[str, str, str]] = []  # (name, source, reason)
    candidates = sorted(set(w for w in c if c[w]["start"]) | set(registry))
    for w in candidates:
        k = counts_of(c, w)
        src = "corpus" if k["start"] else ""
        if w in registry:
            src += ("+" if src else "") + "faker:" + ",".join(sorted(registry[w]))
        finnish_only = bool(k["start"]) and all(w not in starts_in[fn] for fn in CORPORA if fn != FINNISH)
        reason = decide(w, k, w in registry, finnish_only)
        if reason:
            dropped.append((w, src, f"{reason} ({fmt(k)})"))
        else:
            kept[w] = src

    names = sorted(kept)
    stats = {
        "kept": kept,
        "dropped": dropped,
        "registry": registry,
        "starts_in": starts_in,
        "counts": c,
    }
    return names, stats


def header(names: list[str], stats: dict) -> list[str]:
    kept = stats["kept"]
    per_corpus = {fn: sum(1 for w in names if w in stats["starts_in"][fn]) for fn in CORPORA}
    corpus = sum(1 for w in names if kept[w].startswith("corpus"))
    in_faker = sum(1 for w in names if "faker:" in kept[w])
    lines = [
        "nordic-ner given names v1: one given name (first name) a line, NFC, sorted by code point.",
        "A given name followed by a capitalised word starts a person's name (\"Tine Sundtoft\").",
        "",
        "Built by data/build/given_names.py (its docstring has the method). Rebuild: `sh",
        "data/build/build.sh`, or `python given_names.py [TRAIN_DIR]` in data/build with the build",
        "venv (TRAIN_DIR: the evaluation kit's train/ folder; --report prints every decision).",
        "",
        "Sources (only the names are taken, as facts; no text):",
    ]
    for fn, (desc, lic) in CORPORA.items():
        lines.append(f"- {desc}, {lic}: {per_corpus[fn]} names")
    lines += [
        "  (names that start a person's name of two or more tokens there; a name can be in several)",
        f"- PyPI Faker {FAKER_VERSION} (MIT licence, Copyright (c) 2012 Daniele Faraglia): the first",
        f"  names of its person providers {', '.join(FAKER_LOCALES)}, which take them from",
        "  Statistics Norway, Skatteverket/ISOF, the Finnish Digital and Population Data Services",
        f"  Agency, US Social Security and ONS: {in_faker} names ({len(names) - corpus} only there)",
        "Not used: the FiNER Digitoday corpus (\"released for research use\", no licence stated).",
        "",
        f"{len(names)} names.",
    ]
    return ["#" if not h else f"# {h}" for h in lines]


def write(names: list[str], stats: dict) -> None:
    text = "\n".join(header(names, stats) + names) + "\n"
    OUT.write_bytes(text.encode("utf-8"))
    print(f"wrote {OUT.relative_to(REPO)}: {len(names)} names", file=sys.stderr)


def collisions(names: list[str]) -> tuple[list[str], list[str]]:
    """Names that are aliases of data/*.tsv (any case), and multi-word aliases a name begins."""
    nameset = {n.lower(): n for n in names}
    single: set[str] = set()
    multi: set[str] = set()
    for fn in GAZETTEERS:
        for e in read_gazetteer(DATA / fn):
            texts = [(a.text, a.attrs) for a in e.aliases]
            if e.attrs.get("match_name") != "no" and all(t != e.name for t, _ in texts):
                texts.append((e.name, {}))
            for t, attrs in texts:
                if attrs.get("match") == "no":
                    continue
                words = t.split()
                if len(words) == 1 and t.lower() in nameset:
                    single.add(f"{nameset[t.lower()]} = {e.kind} {e.id} {e.name!r}")
                elif len(words) > 1 and words[0].lower() in nameset and words[0][:1].isupper():
                    multi.add(f"{t!r} ({e.kind} {e.id})")
    return sorted(single), sorted(multi)


def report(names: list[str], stats: dict, train: Path) -> None:
    kept, dropped = stats["kept"], stats["dropped"]
    print(f"train folder: {train}")
    for fn, why in EXCLUDED.items():
        print(f"not used: {fn} ({why})")
    print(f"\n{len(names)} names")
    for fn in CORPORA:
        print(f"  attested in {fn}: {sum(1 for w in names if w in stats['starts_in'][fn])}")
    by_src = Counter("corpus only" if s == "corpus" else "corpus and faker" if s.startswith("corpus+") else "faker only"
                     for s in kept.values())
    for s, n in sorted(by_src.items()):
        print(f"  {s}: {n}")
    for loc in FAKER_LOCALES:
        n = sum(1 for w in names if loc in stats["registry"].get(w, ()))
        print(f"  in Faker {loc}: {n} of {sum(1 for w in stats['registry'] if loc in stats['registry'][w])}")
    print(f"\ndropped: {len(dropped)}")
    for w, src, reason in sorted(dropped, key=lambda d: (not d[1].startswith("corpus"), d[0])):
        print(f"  {w}\t{src}\t{reason}")
    single, multi = collisions(names)
    print(f"\nnames that are gazetteer aliases (the rule's purpose; {len(single)}):")
    for s in single:
        print(f"  {s}")
    print(f"\nmulti-word gazetteer aliases that begin with a name ({len(multi)}; the longer match should win):")
    for s in multi:
        print(f"  {s}")


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    flags = {a for a in argv if a.startswith("--")}
    if flags - {"--report"} or len(args) > 1:
        raise SystemExit(__doc__)
    train = Path(args[0]) if args else default_train_dir()
    if not train.is_dir():
        raise SystemExit(f"given_names.py: no train folder at {train} (pass it as an argument)")
    names, stats = build(train)
    if "--report" in flags:
        report(names, stats, train)
    else:
        write(names, stats)


if __name__ == "__main__":
    main(sys.argv[1:])
