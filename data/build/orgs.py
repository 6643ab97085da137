"""Build data/companies.tsv and data/brands.tsv (companies and brands).

Sources (all pinned, fetched into data/.cache/ by common.py):
- npm name-suggestion-index (NSI, BSD-3-Clause; wikidata.json labels CC0): brands with a Nordic or
  world-wide locationSet, and a second "neighbour" tier (below), collapsed by brand:wikidata; each
  Wikidata id is checked against its label.
- PyPI investpy (MIT; stocks.csv): Nordic listed companies, identified by ISIN, share classes merged.
  Its names are ASCII-folded and from 2022: they are fixed from pytickersymbols (names with
  diacritics, by ISIN), NSI labels of a merged brand, and curated/company_names.tsv.
- PyPI pytickersymbols (MIT code; names and websites from Wikipedia infoboxes): also the world-wide
  listed companies of all its indices, small caps (S&P 600, SDAX) included since Nordic business
  news name them too (build_world; those without an ISIN or a checked Wikidata id are left out),
  id isin:<ISIN> or a Wikidata id whose official website and label in NSI's
  wikidata.json are the company's (world_qid); see build_world and settle_world_names for merges.
- PyPI cleanco (MIT): legal-form suffixes, for aliases with and without the legal form.
- curated/companies.tsv, curated/brands.tsv: unlisted companies, media, news agencies, central
  banks, global companies, brands NSI lacks. Build-only attributes there: wikidata= (checked like
  NSI's), nsi= (NSI item id).
- curated/inflected_forms.tsv: Finnish and Icelandic forms of company names that the tagger's
  ending rules cannot make (Sampo -> Sammon, Kone -> Koneen, Helsingin Sanomat -> Helsingin
  Sanomissa); added with lang=, case=exact, without_endings=fi. Icelandic forms come from icelandic.py
  (PyPI islenska / islenska-data, the Database of Icelandic Morphology, CC BY-SA 4.0), run after
  this file; the file keeps only the Icelandic forms that icelandic.py does not make or matches
  otherwise (Eimskipi, Regins).
- curated/alias_decisions.tsv: decisions about aliases of entities that come from sources (set
  case=/match=/lang= with a required note=, or add an alias), applied after merging and before the
  audit; the entity line repeats the output id, kind and canonical name, and a mismatch stops the build.

Decisions:
- NSI: only `brands/...` paths (no operators), items whose locationSet includes a Nordic code or
  "001"; templated copies (advertising/*, fromTemplate) and street furniture (atm, vending machines,
  bookcases, bicycle parking) are left out. Items are collapsed by brand:wikidata; an id whose
  wikidata.json label does not match the item's names (label_matches) is dropped and the item gets
  a local:nsi-<item id> id (the world-wide "Telenor" with Yettel Bulgaria's id, "Statoil" with
  Equinor's). NSI labels are English, so a Nordic name with an English label (Ålandsbanken / Bank
  of Åland) loses its id too: conservative on purpose.
- NSI neighbour tier: brands the Nordic countries meet across their borders and seas. An item is
  taken when its locationSet includes a Europe-wide code (UN M.49 150 Europe, 151/154/155/039 its
  sub-regions, "eu"), a Baltic state (ee, lv, lt: small markets where Nordic groups run many chains,
  taken in full), or one of the bigger neighbours de, gb, pl, nl AND at least one other country (an
  international chain; a one-country chain of a big neighbour is local news there). Only items
  with a brand:wikidata id whose label matches are taken (no local:nsi- ids in this tier); the
  same category filters apply. A name such a brand shares with a Nordic, world-wide, listed or
  curated entity stays unmatched on the neighbour brand (Orion, Coop, Aldi), and so does a
  one-word name that the audit's case-keeping word lists have only capitalised, i.e. a person's or
  place name (Paul, Douglas, Müller, Moss, Bristol). Russia, though a
  neighbour, is left out: NSI's Russian names are Cyrillic.
- NSI international tier: any other brand present in at least two countries or regions (an
  international chain), with a checked brand:wikidata id; the neighbour tier's rules apply.
- Companies among the brands: a brand entity with a Wikidata id whose description in NSI's
  wikidata.json calls it a company ("American audio hardware company", "Dutch e-commerce
  company", COMPANY_KIND) is a company that is also a brand (kind company, also=brand), as the
  listed companies merged with their brands are (classify_companies).
- investpy: rows of the five Nordic markets, one record an ISIN (the home-market row preferred,
  Oslo stocks filed under sweden refiled by their NO ISIN); share classes merged by ISIN country +
  name stem (and pytickersymbols' ISIN groups); origin = ISIN country, except offshore registries.
- One entity a thing: a curated entity absorbs the NSI brand with its Wikidata id or item (nsi=),
  listed companies with its ISINs or its name and origin, and NSI brands with its name; an NSI brand
  with a listed company's name becomes one entity when its origin, a location in the company's
  country or (world-wide) its label says so; a company listed with a foreign ISIN (Oriflame: CH) is
  the Nordic brand whose label starts with its name. An alias that only a source added and that
  is another entity's name is removed ("Alphabet" on Google).
- Short names: a listed company's name without its generic tail (GENERIC_TAIL: Group,
  International, Systems, ...) is an alias ("Yara International" -> "Yara") unless another listed
  company has it or short_name_problem objects (an ordinary word with Zipf >= 3, or a capitalised
  entry of a case-keeping list: a place, person or other name such as Bergen, Grieg, Bavarian).
  The same goes for the name without its national head (NATIONAL_HEAD: Svenska, Norsk, Suomen,
  Swedish, ...) when one word remains ("Svenska Handelsbanken" -> "Handelsbanken"); a longer
  rest is a phrase, not the name news use ("Swedish Orphan Biovitrum", "Danske Andelskassers Bank").
  Such a short name gets case=exact: the rest is often a common noun ("Aerogel", "Hoivatilat").
- Aliases with fewer than two letters ("3" of 3Butiken) are kept with match=no; an all-lowercase
  alias (NSI matchNames) that the audit calls a word is kept with match=no, since case=exact would
  match exactly the lowercase word; so is a lowercase alias of at most three letters ("ds", "kfc"):
  not how a name is written in running text.
- An alias only a source added that is a country or region name of data/countries.tsv or
  data/regions.tsv (any case, not all-capital) is kept with match=no ("Iceland", the UK chain).

Aliases without a curated case= are passed to the ambiguity audit (audit.py, audit_alias).
Output is sorted by id; running twice gives byte-identical files.
"""
from __future__ import annotations

import csv
import functools
import io
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

from common import CURATED, DATA, Alias, Entity, fetch_npm, is_latin, pypi_member, read_gazetteer, write_gazetteer

NSI_VERSION = "8.0.20260918"
INVESTPY_VERSION = "1.0.8"
PYTICKER_VERSION = "1.17.10"
CLEANCO_VERSION = "2.3"

NSI_SRC = f"nsi@{NSI_VERSION}"
INV_SRC = f"investpy@{INVESTPY_VERSION}"
PYT_SRC = f"pytickersymbols@{PYTICKER_VERSION}"

from audit import _lists, _voikko, audit_alias, audit_case_endings, word_evidence, zipf  # type: ignore  # noqa: E402
from icelandic import add_icelandic_forms  # type: ignore  # noqa: E402
from simple_icons import SIMPLE_ICONS_VERSION, add_simple_icons  # noqa: E402

# A brand of NSI's neighbour tier is rarely named in Nordic news, so an alias that is an ordinary
# word this common (Zipf, about 30 per million words) mostly meets the word at a sentence start.
NEIGHBOUR_WORD_DROP_ZIPF = 4.5

NORDIC_CODES = {"no", "se", "dk", "fi", "is", "fo", "gl", "ax", "sj"}
# The second NSI tier (module docstring): UN M.49 Europe and its sub-regions, and the EU;
# the Baltic states in full; the bigger neighbours only for brands present in two countries or more.
EUROPE_CODES = {"150", "151", "154", "155", "039", "eu"}
BALTIC_CODES = {"ee", "lv", "lt"}
NEIGHBOUR_CODES = {"de", "gb", "pl", "nl"}
NORDIC_ISIN = {"NO", "SE", "DK", "FI", "IS", "FO", "GL"}
INVESTPY_COUNTRIES = ("norway", "sweden", "denmark", "finland", "iceland")
# Jurisdictions where the ISIN prefix says where the company is registered, not where it is from.
OFFSHORE = {"BM", "KY", "VG", "JE", "GG", "IM", "MH", "BS", "CY", "MT", "LU", "PA", "CW"}
AUDIT_LANGS = ["nb", "nn", "sv", "da", "fi", "is", "en"]

# NSI categories left out: advertising/* repeats every fuel/shop brand as a template; these are
# street furniture and machines, not brands the news writes about.
# NSI items left out, with the reason.
SKIP_NSI_ITEMS = {
    "statoil-ac665c": "fuel-station brand retired 2017 (now Circle K); 'Statoil' in the news is Equinor's former name",
}
SKIP_NSI_PATHS = {"brands/amenity/public_bookcase", "brands/amenity/vending_machine",
                  "brands/amenity/atm", "brands/amenity/bicycle_parking"}

ADJ_ORIGIN = {"norwegian": "NO", "swedish": "SE", "danish": "DK", "finnish": "FI", "icelandic": "IS",
              "faroese": "FO", "greenlandic": "GL"}


# ---------------------------------------------------------------- text helpers

def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.replace("\u200b", "").replace("\ufeff", "")).strip()


FOLD1 = str.maketrans({"ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ð": "d", "þ": "th", "ł": "l"})


def fold(s: str) -> str:
    """Lowercase ASCII fold: 'Wärtsilä' -> 'wartsila', 'Møller' -> 'moller'."""
    s = s.casefold().translate(FOLD1)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def fold2(s: str) -> str:
    """The other ASCII fold: 'Møller' -> 'moeller', 'Åkers' -> 'aakers', 'Wärtsilä' -> 'waertsilae'."""
    s = s.casefold().translate(str.maketrans({"ø": "oe", "ö": "oe", "ä": "ae", "å": "aa", "æ": "ae", "ü": "ue"}))
    return fold(s)


def slug(s: str) -> str:
    s = fold(s).replace("&", " and ")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "x"


def load_legal_forms() -> list[str]:
    ns: dict = {}
    exec(pypi_member("cleanco", CLEANCO_VERSION, "cleanco/termdata.py").decode("utf-8"), ns)
    forms = set()
    for country in ("Norway", "Sweden", "Denmark", "Finland", "Iceland"):
        forms.update(ns["terms_by_country"].get(country, []))
    for t in ns["terms_by_type"].values():
        forms.update(t)
    # Missing from cleanco (measured): Swedish "(publ)", Finnish "Abp", Faroese "P/F", Icelandic "slhf.".
    forms.update(["(publ)", "publ", "abp", "oyj abp", "p/f", "slhf.", "ab (publ)", "ltd", "ltd.", "plc", "inc.", "inc",
                  "corp", "corp.", "corporation", "se", "sa", "s.a.", "n.v.", "nv", "ag", "holding", "holdings"])
    return sorted(forms, key=lambda f: (-len(f), f))


LEGAL_FORMS: list[str] = []


def strip_legal(name: str) -> tuple[str, str]:
    """Split a trailing (or leading Nordic) legal form off a name: 'Equinor ASA' -> ('Equinor', 'ASA')."""
    s = name.strip().rstrip(",").strip()
    removed = []
    changed = True
    while changed:
        changed = False
        low = s.casefold()
        for f in LEGAL_FORMS:
            if low.endswith(" " + f) or low.endswith("," + f):
                cut = len(s) - len(f)
                removed.insert(0, s[cut:])
                s = s[:cut].rstrip(" ,").strip()
                changed = True
                break
    m = re.match(r"^(Oy|AB|A/S|P/[Ff]|AS|Oyj)\s+(.+)$", s)
    if m and m.group(1) != "AS":
        removed.insert(0, m.group(1))
        s = m.group(2)
    return s, " ".join(removed)


def norm_label(s: str) -> str:
    s = re.sub(r"\([^)]*\)", " ", nfc(s)).replace("'", "").replace("\u2019", "")
    s, _ = strip_legal(s)
    s = fold(s).replace("&", " & ").replace(" and ", " & ")
    s = re.sub(r"[^\w&]+", " ", s)
    words = [w for w in s.split() if w not in ("group", "company", "the", "co")]
    return " ".join(words)


def label_matches(names: list[str], label: str | None) -> bool:
    """A Wikidata id is kept when one of the names equals its label, normalised (case, diacritics,
    legal form, a parenthesised qualifier, 'Group'), or one is the other plus trailing words."""
    if not label:
        return False
    lab = norm_label(label)
    if not lab:
        return False
    for n in names:
        nn = norm_label(n)
        if not nn:
            continue
        if nn == lab or nn.startswith(lab + " ") or lab.startswith(nn + " "):
            return True
        if nn.replace(" ", "") == lab.replace(" ", ""):
            return True
        # an upper-case acronym of the label: "SEB" = Skandinaviska Enskilda Banken, "UPS"
        n0 = nfc(n)
        if n0.isupper() and 2 <= len(n0) <= 6 and n0.isalpha():
            initials = "".join(w[0] for w in lab.split() if w not in ("of", "&", "and", "de", "la"))
            if initials == n0.casefold():
                return True
    return False


# ---------------------------------------------------------------- NSI brands

class NSI:
    def __init__(self) -> None:
        root = fetch_npm("name-suggestion-index", NSI_VERSION)
        self.nsi = json.loads((root / "dist/json/nsi.json").read_text(encoding="utf-8"))["nsi"]
        self.wd = json.loads((root / "dist/wikidata/wikidata.json").read_text(encoding="utf-8"))["wikidata"]
        self.items: dict[str, tuple[str, dict]] = {}
        for path in sorted(self.nsi):
            if not path.startswith("brands/"):
                continue
            for it in self.nsi[path]["items"]:
                self.items.setdefault(it["id"], (path, it))

    def label(self, q: str) -> str | None:
        return (self.wd.get(q) or {}).get("label")

    def description(self, q: str) -> str:
        return (self.wd.get(q) or {}).get("description") or ""


def item_names(it: dict) -> list[str]:
    tags = it.get("tags", {})
    out = [it.get("displayName", ""), tags.get("brand", ""), tags.get("name", ""), tags.get("brand:en", "")]
    return [nfc(n) for n in out if n and is_latin(n)]


def is_nordic_or_world(it: dict) -> bool:
    inc = it.get("locationSet", {}).get("include", [])
    for code in inc:
        if isinstance(code, str):
            c = code.lower()
            if c == "001" or c.split("-")[0] in NORDIC_CODES:
                return True
    return False


def is_neighbour(it: dict) -> bool:
    """The second tier (see the module docstring): a Europe-wide code, a Baltic state, or a brand of
    a bigger neighbour (de, gb, pl, nl) that is present in at least two countries."""
    codes = {c.lower().split("-")[0].removesuffix(".geojson") for c in it.get("locationSet", {}).get("include", [])
             if isinstance(c, str)}
    if codes & (EUROPE_CODES | BALTIC_CODES):
        return True
    return bool(codes & NEIGHBOUR_CODES) and len(codes) >= 2


def is_international(it: dict) -> bool:
    """The third tier (module docstring): a brand present in at least two countries or regions
    anywhere, an international chain that Nordic news may name (Chery, Bata, Avis)."""
    codes = {c.lower().split("-")[0].removesuffix(".geojson") for c in it.get("locationSet", {}).get("include", [])
             if isinstance(c, str)}
    return len(codes) >= 2


# A Wikidata description that makes an NSI operator a company (energy, grid, transport and
# telecom operators): "Norwegian electricity distribution company", "Swedish transmission system
# operator", "Finnish electrical grid enterprise".
COMPANY_DESCRIPTION = re.compile(
    r"\b(company|corporation|operator|enterprise|firm|business|manufacturer|retailer|bank|airline|"
    r"conglomerate|cooperative|utility|provider)\b", re.I)


def build_nsi_operators(nsi: NSI, stats: Counter) -> dict[str, Entity]:
    """Companies among NSI's operators with a Nordic location: those with a Wikidata id whose
    label names them (checked as for brands) and whose Wikidata description calls them a company
    or an operator (COMPANY_DESCRIPTION): grid, energy, transport and telecom companies that
    Nordic news name (Statnett, Fingrid, Energinet, Elvia, Sporveien). One entity an id."""
    out: dict[str, Entity] = {}
    for path in sorted(nsi.nsi):
        if not path.startswith("operators/"):
            continue
        for it in sorted(nsi.nsi[path]["items"], key=lambda i: i["id"]):
            if it.get("fromTemplate") or not is_nordic_or_world(it) or "001" in {
                    c for c in it.get("locationSet", {}).get("include", []) if isinstance(c, str)}:
                continue
            q = it.get("tags", {}).get("operator:wikidata", "")
            tags = it.get("tags", {})
            names = [nfc(n) for n in (it.get("displayName", ""), tags.get("operator", "")) if n and is_latin(n)]
            if not q or not names or not COMPANY_DESCRIPTION.search(nsi.description(q)):
                continue
            if not label_matches(names, nsi.label(q)):
                stats["nsi operators left out: label does not match"] += 1
                continue
            src = f"{NSI_SRC}:{it['id']}"
            e = out.get(q)
            if e is None:
                e = out[q] = Entity(q, "company", names[0], {"source": src})
                # local companies: an ordinary-word name ("Linja", "Lede") gets the neighbour rule
                e.tier = "neighbour"
                origin = ADJ_ORIGIN.get(nsi.description(q).split(" ")[0].casefold())
                if origin:
                    e.attrs["origin"] = origin
                e.label = nsi.label(q)
            else:
                e.attrs["source"] += f",{src}"
            for n in names + [nfc(n) for n in it.get("matchNames", []) if is_latin(n)]:
                e.add_alias(n, source=src)
    stats["nsi operators taken as companies"] += len(out)
    return out


def build_nsi_brands(nsi: NSI, stats: Counter) -> dict[str, Entity]:
    """Nordic and world-wide NSI brands, one entity a (checked) Wikidata id."""
    groups: dict[str, list[tuple[str, dict]]] = defaultdict(list)
    for item_id, (path, it) in sorted(nsi.items.items()):
        if path.startswith("brands/advertising/") or path in SKIP_NSI_PATHS or it.get("fromTemplate"):
            continue
        if item_id in SKIP_NSI_ITEMS:
            continue
        tier = ("nordic/world" if is_nordic_or_world(it) else "neighbour" if is_neighbour(it)
                else "international" if is_international(it) else None)
        if tier is None:
            continue
        names = item_names(it)
        if not names:
            stats["nsi items without a Latin name"] += 1
            continue
        q = it.get("tags", {}).get("brand:wikidata", "")
        if tier in ("neighbour", "international") and not (q and label_matches(names, nsi.label(q))):
            stats[f"nsi {tier} items left out: no Wikidata id matching their label"] += 1
            continue
        stats[f"nsi items taken ({tier})"] += 1
        if q:
            stats["nsi ids checked"] += 1
            if label_matches(names, nsi.label(q)):
                groups[q].append((path, it))
                continue
            stats["nsi ids dropped (label mismatch)"] += 1
            print(f"  dropped id {q} ({nsi.label(q)!r}) of NSI item {item_id} {names[0]!r}", file=sys.stderr)
        groups["name:" + norm_label(names[0])].append((path, it))
    out: dict[str, Entity] = {}
    for key, members in groups.items():
        members.sort(key=lambda m: m[1]["id"])
        q = key if not key.startswith("name:") else None
        # (Latin script only: an international brand may show its Cyrillic or Chinese name)
        disp = Counter(nfc(m[1]["displayName"]) for m in members if is_latin(m[1]["displayName"])) \
            or Counter(item_names(m[1])[0] for m in members)
        label = nsi.label(q) if q else None
        exact = sorted(d for d in disp if label and norm_label(d) == norm_label(label))
        if exact:
            name = exact[0]
        elif label and len(disp) > 1:
            # several brands under one id (ICA Kvantum, ICA Nära, ICA Supermarket all carry ICA AB's
            # id): the entity is what the id names, so it takes the label without its legal form
            name = strip_legal(nfc(label))[0] or nfc(label)
        else:
            name = sorted(disp, key=lambda d: (-disp[d], len(d), d))[0]
        eid = q or f"local:nsi-{members[0][1]['id']}"
        e = Entity(eid, "brand", name)
        e.attrs["source"] = ",".join(f"{NSI_SRC}:{m[1]['id']}" for m in members)
        if q:
            origin = ADJ_ORIGIN.get(nsi.description(q).split(" ")[0].casefold())
            if origin:
                e.attrs["origin"] = origin
        add_nsi_aliases(e, members)
        e.tier = "nordic/world" if any(is_nordic_or_world(m[1]) for m in members) else "neighbour"
        e.locs = sorted({c.lower() for m in members for c in m[1]["locationSet"].get("include", []) if isinstance(c, str)})
        e.label = label
        out[eid] = e
    return out


def add_nsi_aliases(e: Entity, members: list[tuple[str, dict]]) -> None:
    e.add_alias(e.name, source=f"{NSI_SRC}:{members[0][1]['id']}")
    for _path, it in members:
        src = f"{NSI_SRC}:{it['id']}"
        for n in item_names(it):
            e.add_alias(n, source=src)
        for n in it.get("matchNames", []):
            n = nfc(n)
            if is_latin(n):
                e.add_alias(n, source=src)


# ---------------------------------------------------------------- listed companies

CLASS_TAIL = re.compile(
    r"(?:[\s,]+(?:ser\.|series|class|cl\.|serie))?\s+(?:[A-D]\.?|pref|Pref|NOK|SEK|DKK|EUR|OL|SDB|A1)$"
    r"|\s+(?:ser|Class|Vaihto-osake|DRC|SDR|ADR)$"
    r"|(?<=\sOyj)\s+[12]$|(?<=\sASA)\s+[12]$|(?<=\sAB)\s+[12]$")
# The spelling of each legal form in a name we write ("Sats Asa" -> "Sats ASA").
FORM_SPELLING = {"asa": "ASA", "as": "AS", "ab": "AB", "ab (publ)": "AB (publ)", "(publ)": "(publ)", "oyj": "Oyj",
                 "oyj abp": "Oyj Abp", "abp": "Abp", "oy": "Oy", "a/s": "A/S", "p/f": "P/F", "hf.": "hf.", "hf": "hf.",
                 "ehf.": "ehf.", "slhf.": "slhf.", "ltd": "Ltd", "ltd.": "Ltd.", "plc": "plc", "inc.": "Inc.", "inc": "Inc.",
                 "corp": "Corp.", "corp.": "Corp.", "corporation": "Corporation", "se": "SE", "sa": "SA", "s.a.": "S.A.",
                 "n.v.": "N.V.", "nv": "NV", "ag": "AG", "holding": "Holding", "holdings": "Holdings", "ab publ": "AB (publ)",
                 "asa b": "ASA"}


def spell_form(form: str) -> str:
    return " ".join(FORM_SPELLING.get(part.casefold(), part) for part in [form]) if form.casefold() in FORM_SPELLING \
        else " ".join(FORM_SPELLING.get(p.casefold(), p) for p in form.split())


# Generic words that end a listed company's name but not the name news use for it: "Yara
# International" is "Yara", "Tomra Systems" is "Tomra". Words that are part of the name people
# say are not here (Bank: "Danske Bank" is not "Danske"; Sparebank, Fund, Finance).
GENERIC_TAIL = {
    "group", "gruppen", "gruppe", "koncern", "koncernen", "konsern", "konsernet", "holding",
    "holdings", "international", "int", "intl", "systems", "system", "technologies", "technology",
    "solutions", "industries", "industri", "industrier", "corporation", "corp", "company",
    "enterprises", "services", "global", "worldwide", "sweden", "sverige", "norway", "norge",
    "denmark", "danmark", "finland", "suomi", "nordic", "scandinavia", "europe", "pharma",
    "pharmaceuticals", "therapeutics", "biotech", "medical", "diagnostics", "energy", "drilling",
    "offshore", "mining", "petroleum", "resources", "exploration", "properties", "property",
    "fastigheter", "eiendom", "ejendomme", "media", "entertainment", "games", "interactive",
    "software", "communications", "logistics", "shipping", "carriers", "tankers", "seafood",
    "foods", "wind",
}
# National words that begin a listed company's name but not the name news use for it: "Svenska
# Handelsbanken" is "Handelsbanken". Adjectives (and the genitives "Suomen", "Føroya": "of Finland",
# "of the Faroes") of the Nordic countries in nb/nn, sv, da, fi, is, fo and en; dropped only as the
# first word and only when exactly one word remains. The rest then goes through short_name_problem
# like a tail-less name, so "Danske Bank" stays ("Bank" is an ordinary word), as do "Swedish Match"
# and "Norske Skog".
NATIONAL_HEAD = {
    "norsk", "norske", "norska", "svensk", "svenske", "svenska", "svenskt", "dansk", "danske", "danska",
    "finsk", "finske", "finska", "islandsk", "islandske", "isländsk", "isländska", "suomen", "suomalainen",
    "íslensk", "íslenska", "íslenski", "íslenskt", "føroysk", "føroyska", "føroya", "færøsk", "færøske",
    "norwegian", "swedish", "danish", "finnish", "icelandic", "faroese",
}
# Words left dangling when the tail goes: "PARKEN Sport & Entertainment", "SJR in Scandinavia".
CONNECTORS = {"&", "and", "og", "och", "i", "in", "of", "-", "–"}


def short_name(name: str) -> str | None:
    """The name without its generic tail ("Yara International" -> "Yara"), or None."""
    words = name.split()
    while len(words) > 1 and (words[-1].casefold() in GENERIC_TAIL or words[-1].casefold() in CONNECTORS):
        words.pop()
    if len(words) >= 2 and words[0] == "The" and len(words) < len(name.split()):
        words = words[1:]  # "The Hershey Company" -> "Hershey", not "The Hershey"
    short = " ".join(words)
    return short if short != name else None


def head_short_name(name: str) -> str | None:
    """The name, without its generic tail, without its national head when one word remains
    ("Svenska Handelsbanken" -> "Handelsbanken", "Norsk Hydro" -> "Hydro"), or None."""
    words = (short_name(name) or name).split()
    if len(words) == 2 and words[0].casefold() in NATIONAL_HEAD:
        return words[1]
    return None


def short_name_problem(short: str) -> str | None:
    """Why a derived short name is not safe to match, or None: too short or a generic word
    itself; an ordinary word (the audit's lists, Zipf >= 3); or a capitalised entry of a
    case-keeping list, which names a place, person or thing besides the company (Bergen,
    Kongsberg, Grieg, Moberg, Beowulf, Bavarian). Well-known companies the lists also have
    (Vestas, Tomra) get their short name in curated/company_names.tsv instead."""
    low = short.casefold()
    if sum(c.isalpha() for c in short) < 3 or low in GENERIC_TAIL:
        return "too short or generic"
    if " " in low:
        return None
    ev = word_evidence(low)
    if ev and ev[0][1] >= 3.0:
        return f"ordinary word: {ev[0][0]} zipf {ev[0][1]:.2f}"
    _lower, caps = _lists()
    for lang in ("nb", "nn", "sv", "da", "en"):
        if low in caps[lang]:
            return f"a capitalised entry of the {lang} list (a place, person or other name)"
    return None


def clean_company_name(full: str) -> tuple[str, str]:
    """'Volvo, AB ser. B' -> ('Volvo', 'AB'); 'Schibsted ASA B' -> ('Schibsted', 'ASA')."""
    s, form = nfc(full), ""
    for _ in range(4):
        s2 = CLASS_TAIL.sub("", s).strip(" ,")
        s2, f = strip_legal(s2)
        s2 = re.sub(r"\s+publ$", "", s2).strip(" ,")
        if f and not form:
            form = spell_form(f)
        if s2 == s:
            break
        s = s2
    return s, form


class Diacritics:
    """Restores Nordic letters in an ASCII-folded name, a word at a time, from wordfreq's lists: a
    token that is rare as written but whose only difference from a common word is å/ä/ö/ø/æ
    ('Kobenhavns' -> 'Københavns', 'Bostader' -> 'Bostäder'), or a compound of such a word and
    another word ('Gronlandsbanken'). The aa/oe/ae spellings are not touched (Aarhus is official)."""

    LANGS = {"SE": ["sv"], "NO": ["nb"], "DK": ["da", "nb"], "FI": ["fi", "sv"], "IS": ["is"], "FO": ["da"]}

    def __init__(self) -> None:
        import wordfreq
        self.wf = wordfreq
        self.maps: dict[str, dict[str, str]] = {}
        for lang in ("sv", "nb", "da", "fi", "is"):
            m: dict[str, str] = {}
            for w in wordfreq.iter_wordlist(lang, "best"):
                if w.isascii() or not w.isalpha() or set(w) - set("abcdefghijklmnopqrstuvwxyzåäöøæ"):
                    continue
                m.setdefault(fold(w), w)
            self.maps[lang] = m

    def z(self, w: str, lang: str) -> float:
        return self.wf.zipf_frequency(w, lang)

    def word(self, low: str, lang: str, min_zipf: float = 2.5) -> str | None:
        cand = self.maps[lang].get(low)
        if cand is None:
            return None
        zc, zl = self.z(cand, lang), self.z(low, lang)
        if zc >= min_zipf and zl < 1.0 and self.z(low, "en") < 2.0:
            return cand
        return None

    def fix_token(self, tok: str, langs: list[str]) -> str | None:
        low = tok.lower()
        if not (low.isascii() and low.isalpha()) or len(low) < 3 or (tok.isupper() and len(tok) > 1):
            return None
        for lang in langs:
            cand = self.word(low, lang, 3.0)
            if cand is None and self.z(low, lang) < 1.0:
                best = None
                for i in range(4, len(low) - 3):
                    head, tail = low[:i], low[i:]
                    h = self.word(head, lang, 3.5) or (head if self.z(head, lang) >= 3.0 else None)
                    t = self.word(tail, lang, 3.5) or (tail if self.z(tail, lang) >= 3.0 else None)
                    if h and t and (h != head or t != tail):
                        score = min(self.z(h, lang), self.z(t, lang))
                        if best is None or score > best[0]:
                            best = (score, h + t)
                cand = best[1] if best else None
            if cand:
                return cand[0].upper() + cand[1:] if tok[0].isupper() else cand
        return None

    def suspect(self, name: str, origin: str) -> bool:
        """A looser test, for the report only: a token whose fold is a word with Nordic letters."""
        for tok in re.split(r"\W+", name):
            low = tok.lower()
            if len(low) >= 3 and low.isalpha():
                for lang in self.LANGS.get(origin, []):
                    cand = self.maps[lang].get(low)
                    if cand and self.z(cand, lang) > self.z(low, lang):
                        return True
        return False

    def fix(self, name: str, origin: str) -> str:
        langs = self.LANGS.get(origin, [])
        parts = re.split(r"(\W+)", name)
        return "".join(self.fix_token(p, langs) or p for p in parts)


def load_investpy(stats: Counter) -> dict[str, list[dict]]:
    text = pypi_member("investpy", INVESTPY_VERSION, "resources/stocks.csv").decode("utf-8")
    by_isin: dict[str, list[dict]] = defaultdict(list)
    for r in csv.DictReader(io.StringIO(text)):
        if r["country"] in INVESTPY_COUNTRIES and r["isin"]:
            r = {k: nfc(v) for k, v in r.items()}
            by_isin[r["isin"]].append(r)
            if r["country"] == "sweden" and r["isin"].startswith("NO"):
                stats["investpy rows: Oslo-listed filed under sweden (refiled by ISIN)"] += 1
    return by_isin


def load_pytickersymbols() -> dict[str, tuple[str, list[str]]]:
    ns: dict = {}
    exec(pypi_member("pytickersymbols", PYTICKER_VERSION, "indices_data.py").decode("utf-8"), ns)
    out = {}
    for index in sorted(ns["INDICES"]):
        for c in ns["INDICES"][index]["companies"]:
            for isin in c.get("isins") or []:
                out.setdefault(isin, (nfc(c["name"]), sorted(c.get("isins") or [])))
    return out


# pytickersymbols' indices left out of the world-wide companies: none (small caps are in since the
# audit handles their more generic names).
PYT_SMALL_CAP: set[str] = set()
# Legal forms split off a world-wide company's name ("Apple Inc." -> "Apple"). A narrower list than
# cleanco's (which also holds "company", "co" and words of other languages: "Southern Company").
WORLD_LEGAL = re.compile(
    r"(?:,?\s+(?:Inc\.?|Incorporated|Corporation|Corp\.?|plc\.?|PLC|Ltd\.?|Limited|AG|SE|S\.A\.|SA|N\.V\.|NV|"
    r"S\.p\.A\.|SpA|Co\.|& Co\.?|KGaA|& Co\. KGaA|AB|ASA|Oyj|A/S))+$")


def web_host(url: str) -> str:
    """'https://www.apple.com/tw' -> 'apple.com'; '' when there is none."""
    u = url.strip().split()[0].lower() if url.strip() else ""
    u = re.sub(r"^[a-z]+://", "", u).split("/")[0].split(":")[0]
    u = u.removeprefix("www.")
    return u if "." in u else ""


def load_pyt_world() -> list[dict]:
    """pytickersymbols' companies of its large- and mid-cap indices, one record a company (records
    sharing an ISIN are one): name, isins, indices, symbol, website."""
    ns: dict = {}
    exec(pypi_member("pytickersymbols", PYTICKER_VERSION, "indices_data.py").decode("utf-8"), ns)
    recs: list[dict] = []
    by_isin: dict[str, dict] = {}
    by_name: dict[str, dict] = {}
    for index in sorted(ns["INDICES"]):
        for c in ns["INDICES"][index]["companies"]:
            isins = sorted(set(c.get("isins") or []))
            name = nfc(c["name"])
            hit = next((by_isin[i] for i in isins if i in by_isin), None) or (None if isins else by_name.get(name))
            if hit is None:
                symbols = sorted(s.get("yahoo", "") for s in c.get("symbols") or [] if s.get("yahoo"))
                hit = {"name": name, "isins": [], "indices": set(), "symbol": symbols[0] if symbols else "",
                       "website": web_host((c.get("metadata") or {}).get("website", ""))}
                recs.append(hit)
            for i in isins:
                if i not in hit["isins"]:
                    hit["isins"].append(i)
                by_isin.setdefault(i, hit)
            hit["isins"].sort()
            hit["indices"].add(index)
            if not isins:
                by_name.setdefault(name, hit)
    return [r for r in recs if r["indices"] - PYT_SMALL_CAP]


def world_qid(nsi: "NSI", host_index: dict[str, list[str]], rec: dict, names: list[str]) -> str | None:
    """A Wikidata id for a company of pytickersymbols, checked: an id of NSI's wikidata.json whose
    official website has the company's host (from pytickersymbols' Wikipedia infobox) AND whose
    label is the company's name (normalised as norm_label, equal, not only a prefix). None when
    no id or more than one passes."""
    if not rec["website"]:
        return None
    wanted = {norm_label(n) for n in names if norm_label(n)}
    hits = sorted({q for q in host_index.get(rec["website"], []) if norm_label(nsi.label(q) or "") in wanted})
    return hits[0] if len(hits) == 1 else None


def build_world(nsi: "NSI | None", nordic_isins: set[str], nordic: list[Entity], stats: Counter) -> list[Entity]:
    """Companies of pytickersymbols' large- and mid-cap indices that investpy's Nordic rows do not
    hold: id isin:<first ISIN>, or a Wikidata id checked by world_qid (a company without an ISIN is
    taken only with such an id); origin = the ISIN country (none for offshore registries). A
    company whose ISIN is new since investpy's listing (a share split: Saab, Epiroc, NIBE) but whose
    name and country are those of a Nordic listed company is that company: its ISIN is added."""
    nordic_names: dict[tuple[str, str], Entity] = {}
    for e in nordic:
        for t in [e.name] + [a.text for a in e.aliases]:
            nordic_names.setdefault((norm_label(t), e.attrs.get("origin", "")), e)
    host_index: dict[str, list[str]] = defaultdict(list)
    if nsi is not None:
        for q, v in nsi.wd.items():
            hosts = {web_host(u) for u in (v.get("officialWebsites") or [])}
            hosts.add(web_host((v.get("identities") or {}).get("website", "")))
            for h in hosts - {""}:
                host_index[h].append(q)
    out = []
    for rec in load_pyt_world():
        if any(i in nordic_isins for i in rec["isins"]):
            stats["world companies: already listed from investpy"] += 1
            continue
        full = re.sub(r"\s*\([^)]*\)", "", rec["name"]).strip()
        stem = WORLD_LEGAL.sub("", full).strip(" ,")
        stem = stem or full
        # the name without its legal form is the canonical name unless it is a common word or
        # another name by itself ("Dover Corporation", "Southern Company" stay whole)
        problem = short_name_problem(stem) if stem != full and " " not in stem else None
        name = full if problem else stem
        cc = rec["isins"][0][:2] if rec["isins"] else ""
        same = nordic_names.get((norm_label(full), cc)) if cc in NORDIC_ISIN else None
        if same is not None:
            same.attrs["isin"] = ",".join(sorted(set(same.attrs["isin"].split(",")) | set(rec["isins"])))
            same.attrs["source"] += "".join(f",{PYT_SRC}:{i}" for i in rec["isins"])
            stats["world companies: a Nordic listed company with a new ISIN (merged by name)"] += 1
            continue
        q = world_qid(nsi, host_index, rec, [full, stem]) if nsi is not None else None
        if not rec["isins"] and not q:
            stats["world companies left out: no ISIN and no checked Wikidata id"] += 1
            continue
        src_id = rec["isins"][0] if rec["isins"] else rec["symbol"] or slug(full)
        src = f"{PYT_SRC}:{src_id}"
        eid = q or f"isin:{rec['isins'][0]}"
        e = Entity(eid, "company", name)
        notes = []
        if cc in OFFSHORE:
            notes.append(f"registered in {cc}")
        elif cc:
            e.attrs["origin"] = cc
        if rec["isins"]:
            e.attrs["isin"] = ",".join(rec["isins"])
        e.attrs["source"] = src
        notes.append("in " + ", ".join(sorted(rec["indices"])))
        if q:
            notes.append(f"Wikidata id by its website ({rec['website']}) and label")
            stats["world companies with a Wikidata id checked by website and label"] += 1
        if problem:
            notes.append(f"{stem!r} alone is not an alias: {problem}")
        e.attrs["note"] = "; ".join(notes)
        e.add_alias(name, source=src)
        if full != name:
            e.add_alias(full, source=src)
        e.world = True
        out.append(e)
        stats[f"world companies {cc or 'without ISIN'}"] += 1
    return out


def load_name_fixes() -> dict[str, tuple[str, str, list[str]]]:
    out = {}
    for line in (CURATED / "company_names.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("isin\t"):
            continue
        isin, name, note, more = (line.split("\t") + ["", "", ""])[:4]
        out[isin] = (name, note, [a for a in more.split("|") if a])
    return out


def build_listed(stats: Counter, dia: "Diacritics | None" = None, nsi: "NSI | None" = None) -> list[Entity]:
    by_isin = load_investpy(stats)
    pyt = load_pytickersymbols()
    fixes = load_name_fixes()
    # one record an ISIN, the row from the home exchange preferred
    recs = []
    for isin, rows in sorted(by_isin.items()):
        home = {"NO": "norway", "SE": "sweden", "DK": "denmark", "FI": "finland", "IS": "iceland"}.get(isin[:2])
        rows.sort(key=lambda r: (r["country"] != home, r["country"], r["symbol"]))
        full = rows[0]["full_name"]
        stem, form = clean_company_name(full)
        recs.append((isin, stem, form, rows))
    # merge share classes: same ISIN country and the same name stem, or ISINs pytickersymbols groups
    groups: dict[tuple[str, str], list] = {}
    for rec in recs:
        isin, stem = rec[0], rec[1]
        key = (isin[:2], re.sub(r"[\W_]+", "", fold(stem)))
        if isin in pyt:
            for other in pyt[isin][1]:
                for k, g in groups.items():
                    if any(r[0] == other for r in g):
                        key = k
        groups.setdefault(key, []).append(rec)
    out = []
    for (_cc, _stem), g in sorted(groups.items()):
        isins = sorted(r[0] for r in g)
        first = sorted(g, key=lambda r: (len(r[1]), r[0]))[0]
        isin0, stem = first[0], first[1]
        name, notes, sources, extra = stem, [], [f"{INV_SRC}:{i}" for i in isins], []
        fixed_by = None
        for i in isins:
            if i in fixes:
                name, note, extra = fixes[i]
                notes.append(note)
                fixed_by = "curated"
                break
        else:
            for i in isins:
                if i in pyt:
                    pname = re.sub(r"\s*\([^)]*\)", "", pyt[i][0]).strip()
                    if pname != stem and fold(pname) == fold(stem):
                        name = pname
                        fixed_by = "pytickersymbols"
                        sources.append(f"{PYT_SRC}:{i}")
                        break
        cc = isin0[:2]
        if not fixed_by and dia is not None:
            fixed = dia.fix(stem, cc)
            if fixed != stem:
                name, fixed_by = fixed, "wordfreq"
                notes.append("Nordic letters restored from wordfreq's word lists")
        if fixed_by:
            stats[f"listed names fixed by {fixed_by}"] += 1
        elif cc in NORDIC_ISIN and name.isascii() and dia is not None and dia.suspect(name, cc):
            stats["listed names possibly ASCII-folded, unfixed"] += 1
            print(f"  unfixed, possibly folded: {isin0} {name!r}", file=sys.stderr)
        e = Entity(f"isin:{isins[0]}", "company", name)
        if cc in OFFSHORE:
            notes.append(f"registered in {cc}")
        else:
            e.attrs["origin"] = cc
        e.attrs["isin"] = ",".join(isins)
        e.attrs["source"] = ",".join(sources)
        if notes:
            e.attrs["note"] = "; ".join(notes)
        e.add_alias(name, source=sources[-1] if fixed_by == "pytickersymbols" else
                    ("curated:company_names" if fixed_by == "curated" else f"{INV_SRC}:{isin0}"))
        for a in extra:
            e.add_alias(a, source="curated:company_names")
        for r in sorted(g, key=lambda r: r[0]):
            src = f"{INV_SRC}:{r[0]}"
            if r[2]:
                e.add_alias(f"{name} {r[2]}", source=src)
            for variant in (r[1], f"{r[1]} {r[2]}".strip()):
                if variant != name and not variant.startswith(name + " ") and not (fixed_by and "," in variant):
                    e.add_alias(variant, source=src, note="investpy's spelling (ASCII-folded or former name)")
        out.append(e)
        stats[f"listed companies {cc}"] += 1
    if nsi is not None:
        out += build_world(nsi, set(by_isin), list(out), stats)
    add_short_names(out, stats)
    return out


def add_short_names(listed: list[Entity], stats: Counter) -> None:
    """Add each listed company's name without its generic tail ("Yara International" -> "Yara")
    or national head ("Svenska Handelsbanken" -> "Handelsbanken") when no other listed company has
    that short name or name and short_name_problem finds none."""
    names = {e.name.casefold() for e in listed}
    aliases: dict[str, set[str]] = defaultdict(set)  # every alias of a listed company -> its ids
    for e in listed:
        for a in e.aliases:
            aliases[a.text.casefold()].add(e.id)
    shorts: dict[str, list[tuple[str, Entity, str]]] = defaultdict(list)
    for e in listed:
        for short, dropped in ((short_name(e.name), "generic tail"), (head_short_name(e.name), "national head")):
            if short:
                shorts[short.casefold()].append((short, e, dropped))
    for low, owners in sorted(shorts.items()):
        short, e, dropped = owners[0]
        if len({o[1].id for o in owners}) > 1 or low in names or aliases.get(low, {e.id}) != {e.id}:
            stats["short names left out: shared with another company"] += 1
            if dropped == "national head" and os.environ.get("SHOW_SHORT_NAMES"):
                print(f"  short name {short!r} of {e.name!r} left out: shared", file=sys.stderr)
            continue
        problem = short_name_problem(short)
        if problem and os.environ.get("SHOW_SHORT_NAMES"):
            print(f"  short name {short!r} of {e.name!r} left out: {problem}", file=sys.stderr)
        if problem:
            stats["short names left out: " + problem.split(":")[0].split(" with ")[0]] += 1
            continue
        if not any(a.text.casefold() == low for a in e.aliases):
            if dropped == "national head":
                # What a national word heads is often a common noun the word lists lack ("aerogel",
                # "hoivatilat": care homes): only the capitalised form is the company.
                e.add_alias(short, source=e.attrs["source"].split(",")[0], case="exact",
                            note=f"short name: {e.name} without its national head; case=exact, as the rest "
                                 f"of a name after a national word is often a common noun")
            else:
                e.add_alias(short, source=e.attrs["source"].split(",")[0],
                            note=f"short name: {e.name} without its generic tail")
            stats["short names added" + (" (national head)" if dropped == "national head" else "")] += 1


# ---------------------------------------------------------------- merging

def curated(kind_file: str) -> list[Entity]:
    return read_gazetteer(CURATED / kind_file)


def merge_into(target: Entity, other: Entity, kind_hint: str | None = None) -> None:
    srcs = [s for s in (target.attrs.get("source", "") + "," + other.attrs.get("source", "")).split(",") if s]
    target.attrs["source"] = ",".join(dict.fromkeys(srcs))
    for k in ("isin",):
        vals = sorted(set(filter(None, (target.attrs.get(k, "") + "," + other.attrs.get(k, "")).split(","))))
        if vals:
            target.attrs[k] = ",".join(vals)
    for k in ("origin", "owner"):
        if k in other.attrs:
            target.attrs.setdefault(k, other.attrs[k])
    kinds = {other.kind} | set(filter(None, other.attrs.get("also", "").split(",")))
    kinds.discard(target.kind)
    also = set(filter(None, target.attrs.get("also", "").split(","))) | kinds
    if also:
        target.attrs["also"] = ",".join(sorted(also))
    for a in other.aliases:
        target.add_alias(a.text, **a.attrs)
    if other.name != target.name:
        target.add_alias(other.name, **({"source": other.attrs["source"].split(",")[0]} if other.attrs.get("source") else {}))


def main() -> None:
    global LEGAL_FORMS
    LEGAL_FORMS = load_legal_forms()
    stats: Counter = Counter()
    nsi = NSI()
    brands = build_nsi_brands(nsi, stats)
    listed = {e.id: e for e in build_listed(stats, Diacritics(), nsi)}
    listed_by_isin = {}
    for e in listed.values():
        for i in filter(None, e.attrs.get("isin", "").split(",")):
            listed_by_isin[i] = e

    final: dict[str, Entity] = {}
    idmap: dict[str, str] = {}
    consumed_listed: set[str] = set()
    consumed_brands: set[str] = set()
    for fname in ("companies.tsv", "brands.tsv"):
        for c in curated(fname):
            label_name = c.attrs.pop("wikidata", None)
            nsi_item = c.attrs.pop("nsi", None)
            src = f"curated:{fname[:-4]}"
            c.attrs["source"] = ",".join(filter(None, [src, c.attrs.get("source", "")]))
            for a in c.aliases:
                a.attrs.setdefault("source", src)
            if not any(a.text == c.name for a in c.aliases):
                c.aliases.insert(0, Alias(c.name, {"source": src}))
            new_id = c.id
            if label_name:
                stats["curated ids checked"] += 1
                if label_matches([c.name] + [a.text for a in c.aliases], nsi.label(label_name)):
                    new_id = label_name
                else:
                    stats["curated ids dropped"] += 1
                    print(f"  curated {c.id}: {label_name} is {nsi.label(label_name)!r}, kept local id", file=sys.stderr)
            idmap[c.id] = new_id
            c.id = new_id
            if nsi_item and nsi_item in nsi.items:
                path, it = nsi.items[nsi_item]
                c.attrs["source"] += f",{NSI_SRC}:{nsi_item}"
                add_nsi_aliases(c, [(path, it)])
                # the brand entity built from that item is this entity (Lego Store's id is not Lego's)
                for bid, b in sorted(brands.items()):
                    if bid != new_id and f"{NSI_SRC}:{nsi_item}" in b.attrs["source"].split(","):
                        merge_into(c, b)
                        consumed_brands.add(bid)
            if new_id in brands:
                merge_into(c, brands[new_id])
                consumed_brands.add(new_id)
            for i in filter(None, c.attrs.get("isin", "").split(",")):
                if i in listed_by_isin:
                    le = listed_by_isin[i]
                    if id(le) not in consumed_listed:
                        merge_into(c, le)
                        consumed_listed.add(id(le))
            assert c.id not in final, c.id
            final[c.id] = c
    # curated entities and listed companies with the same name and country: one entity
    by_name: dict[tuple[str, str], Entity] = {}
    for e in final.values():
        for t in [e.name] + [a.text for a in e.aliases if a.attrs.get("match") != "no"]:
            by_name.setdefault((norm_label(t), e.attrs.get("origin", "")), e)
    for e in sorted(listed.values(), key=lambda e: e.id):
        if id(e) in consumed_listed:
            continue
        hit = by_name.get((norm_label(e.name), e.attrs.get("origin", "")))
        if hit is None and e.id in final:
            hit = final[e.id]  # a world-wide company whose checked Wikidata id a curated entity has
        if hit is not None:
            merge_into(hit, e)
            consumed_listed.add(id(e))
            stats["listed merged into curated by name"] += 1
            continue
        final[e.id] = e
    curated_ids = set(idmap.values())
    # NSI brands that are a curated or listed entity: one entity with both kinds
    names: dict[str, list[Entity]] = defaultdict(list)
    for e in sorted(final.values(), key=lambda e: e.id):
        for t in dict.fromkeys([e.name] + [a.text for a in e.aliases if a.attrs.get("match") != "no"]):
            names[norm_label(t)].append(e)
    for q, b in sorted(brands.items()):
        if q in consumed_brands:
            continue
        hit = None
        for cand in names.get(norm_label(b.name), []):
            if getattr(cand, "world", False) and cand.id != q:
                # a world-wide company is an NSI brand only under the same checked Wikidata id: by
                # name, Porsche SE (the holding) would be the car maker and Mercedes-Benz Group the brand
                continue
            if same_thing(b, cand, cand.id in curated_ids):
                hit = cand
                break
        if hit is None and q in final:
            hit = final[q]  # a world-wide company with the brand's Wikidata id (by its website and label)
        if hit is None:
            final[q] = b
            continue
        is_curated = hit.id in curated_ids
        stats["nsi brands merged into " + ("curated" if is_curated else "listed") + " entities by name"] += 1
        # a checked Wikidata id replaces isin: ids; it replaces a curated local: id only when the
        # label is the curated name or one of its aliases (Posten Bring), not a store chain (Lego Store)
        take = q.startswith("Q") and final.get(q, hit) is hit and (hit.id.startswith("isin:") or (
            hit.id.startswith("local:") and is_curated and b.label
            and any(norm_label(b.label) == norm_label(t) for t in [hit.name] + [a.text for a in hit.aliases])))
        if take:
            old_id = hit.id
            del final[hit.id]
            hit.id = q
            final[q] = hit
            for k, v in idmap.items():
                if v == old_id:
                    idmap[k] = q
            curated_ids = set(idmap.values())
        if not is_curated and hit.name.isascii() and not b.name.isascii() and fold(b.name) == fold(hit.name):
            # investpy's ASCII-folded name, NSI's brand name with its letters (Flugger -> Flügger)
            hit.name = b.name
            stats["listed names fixed by NSI"] += 1
        if getattr(hit, "world", False) and getattr(b, "tier", None) == "neighbour":
            hit.tier = "neighbour"  # the brand's audit rules stay (Orange: the word, not matched)
        if getattr(hit, "world", False) and b.name != hit.name and norm_label(b.name) == norm_label(hit.name):
            hit.name = b.name  # the brand's published name, not its legal form (Nike, not "Nike, Inc.")
        merge_into(hit, b)
    add_nsi_operators(final, build_nsi_operators(nsi, stats), stats)
    add_simple_icons(final, norm_label, stats)
    add_names_without_exclamation(final, stats)
    drop_colliding_aliases(final, curated_ids, stats)
    settle_world_names(final, curated_ids, stats)
    for e in final.values():
        if "owner" in e.attrs:
            e.attrs["owner"] = idmap.get(e.attrs["owner"], e.attrs["owner"])
    apply_alias_decisions(final, idmap, stats)
    add_inflected_forms(final, idmap, stats)
    add_icelandic_forms(final, stats)
    classify_companies(final, nsi, stats)  # after the curated files, which name entities by kind
    drop_place_names(final.values(), stats)
    yield_to_nordic(final, stats)
    apply_audit(final.values(), stats)
    apply_case_audit(final.values(), stats)
    for e in final.values():
        if getattr(e, "tier", None) == "neighbour" and e.kind == "brand":
            stats["brand entities from the neighbour tier of NSI"] += 1
    write_outputs(final, stats)


COMPANY_KIND = re.compile(r"\b(company|corporation|conglomerate|multinational)\b", re.I)


def classify_companies(final: dict[str, Entity], nsi: NSI, stats: Counter) -> None:
    """A brand entity whose Wikidata id's description calls it a company is a company that is
    also a brand (see the module docstring)."""
    for e in final.values():
        if e.kind == "brand" and e.id.startswith("Q") and COMPANY_KIND.search(nsi.description(e.id)):
            e.kind = "company"
            also = set(filter(None, e.attrs.get("also", "").split(","))) - {"company"} | {"brand"}
            e.attrs["also"] = ",".join(sorted(also))
            stats["brands that are companies by their Wikidata description"] += 1


def add_nsi_operators(final: dict[str, Entity], operators: dict[str, Entity], stats: Counter) -> None:
    """An operator company whose id is already an entity adds its names there (Equinor); one
    with a name of another entity is left out (which one news mean is unknown)."""
    names: dict[str, set[str]] = defaultdict(set)
    for e in final.values():
        for t in [e.name] + [a.text for a in e.aliases if a.attrs.get("match") != "no"]:
            names[norm_label(t)].add(e.id)
    for q, op in sorted(operators.items()):
        if q in final:
            merge_into(final[q], op)
            stats["nsi operators merged into an entity of the same id"] += 1
        elif any(names.get(norm_label(t)) for t in [op.name] + [a.text for a in op.aliases]):
            stats["nsi operators left out: a name of another entity"] += 1
            print(f"  nsi operator {q} ({op.name}) left out: a name of another entity", file=sys.stderr)
        else:
            final[q] = op
            stats["nsi operators added as companies"] += 1


def add_names_without_exclamation(final: dict[str, Entity], stats: Counter) -> None:
    """A name styled with an exclamation mark (Yahoo!, Kahoot!, FRITZ!) is written without it in
    running text, where "!" would end the sentence: the name without it is an alias too (the
    audit then judges it like any other: "Live" is a word)."""
    for e in final.values():
        for a in list(e.aliases):
            bare = a.text.rstrip("!").rstrip()
            if bare != a.text and any(c.isalpha() for c in bare) and a.attrs.get("match") != "no":
                if not any(x.text == bare for x in e.aliases):
                    e.add_alias(bare, source=a.attrs.get("source", ""),
                                note=f"{a.text!r} without its exclamation mark")
                    stats["aliases added: a name without its exclamation mark"] += 1


def same_thing(brand: Entity, other: Entity, is_curated: bool) -> bool:
    """Is an NSI brand with the same name as a curated or listed entity that entity?"""
    origin = other.attrs.get("origin", "")
    b_origin = brand.attrs.get("origin", "")
    if b_origin:
        if b_origin == origin:
            return True
        # A company on a Nordic exchange whose ISIN is foreign (Oriflame: CH, the holding's seat)
        # is the Nordic brand of that name when the brand's Wikidata label starts with the name
        # ("Oriflame Cosmetics").
        label = norm_label(getattr(brand, "label", None) or "")
        name = norm_label(other.name)
        return (origin not in NORDIC_ISIN and b_origin in NORDIC_ISIN
                and (label == name or label.startswith(name + " ")))
    if origin and origin.lower() in brand.locs:
        return True  # listed in the entity's own country (Cramo, Stockmann, Ålandsbanken)
    if "001" in brand.locs:
        # world-wide: only when the label is the name itself (Tele2, Husqvarna Group), or there is
        # no label because the id was dropped (Telenor with Yettel's id); not Humana People to People
        label = getattr(brand, "label", None)
        return label is None or norm_label(label) == norm_label(other.name) or is_curated and any(
            norm_label(label) == norm_label(a.text) for a in other.aliases)
    return False


def settle_world_names(final: dict[str, Entity], curated_ids: set[str], stats: Counter) -> None:
    """A world-wide company (pytickersymbols only) whose names still collide with another entity's
    after the merges above (the other's origin differed, or it is an NSI brand whose Wikidata label
    is not the name). When its canonical name is the canonical name of exactly one curated entity
    that alone has it as a name and is not Nordic, it is that entity (Rio Tinto and ArcelorMittal,
    curated with another country): the company is merged into it, which keeps its id. Otherwise
    its names that are another entity's matched names (same text, any case) are kept unmatched:
    the entity that already has the name is its reading (Idex, RTX and Humana are Nordic listed
    companies; Mitsubishi and Yamaha are the motor companies; Air France-KLM is curated on KLM).
    NSI brands are not merged here: one with the same name can be another company of the name
    (Rolls-Royce Motor Cars) or a part of it (Walmart Fuel Station)."""
    names: dict[str, set[str]] = defaultdict(set)  # casefolded matched name -> entity ids
    normed: dict[str, set[str]] = defaultdict(set)  # norm_label of a matched name -> entity ids
    world = []
    for e in sorted(final.values(), key=lambda e: e.id):
        pure = getattr(e, "world", False) and all(x.startswith(PYT_SRC) for x in e.attrs["source"].split(","))
        if pure:
            world.append(e)
            continue
        listed = {a.text for a in e.aliases}
        for t in [a.text for a in e.aliases if a.attrs.get("match") != "no"] + ([] if e.name in listed else [e.name]):
            names[t.casefold()].add(e.id)
            normed[norm_label(t)].add(e.id)
    canon: dict[str, set[str]] = defaultdict(set)
    for cid in curated_ids:
        if cid in final:
            canon[norm_label(final[cid].name)].add(cid)
    for w in world:
        same = canon.get(norm_label(w.name), set())
        if len(same) == 1 and normed.get(norm_label(w.name)) == same \
                and final[next(iter(same))].attrs.get("origin") not in NORDIC_ISIN:
            target = final[next(iter(same))]
            del final[w.id]
            merge_into(target, w)
            stats["world companies merged into an entity of the same name"] += 1
            print(f"  world company {w.name!r} ({w.id}) merged into {target.id} ({target.name})", file=sys.stderr)
            continue
        for a in w.aliases:
            other = names.get(a.text.casefold(), set())
            if other and a.attrs.get("match") != "no":
                a.attrs["match"] = "no"
                a.attrs.pop("case", None)
                ids = ", ".join(f"{h} ({final[h].name})" for h in sorted(other))
                a.attrs["note"] = f"also {ids}, the reading in Nordic news"
                stats["world company aliases not matched: name of a Nordic or several entities"] += 1
                print(f"  alias {a.text!r} of {w.id} ({w.name}) not matched: also {ids}", file=sys.stderr)


def drop_colliding_aliases(final: dict[str, Entity], curated_ids: set[str], stats: Counter) -> None:
    """An alias that only a source added (an NSI matchName, a sub-brand's tag) and that is the name
    or a curated alias of another entity is removed: "Alphabet" on Google, "amazon" on Amazon Hub
    Locker, "shell" on St1."""
    strong: dict[str, set[str]] = defaultdict(set)
    for e in final.values():
        strong[e.name.casefold()].add(e.id)
        if e.id in curated_ids:
            for a in e.aliases:
                if any(s.startswith("curated:") for s in a.attrs.get("source", "").split(",")):
                    strong[a.text.casefold()].add(e.id)
    for e in sorted(final.values(), key=lambda e: e.id):
        keep = []
        for a in e.aliases:
            owners = strong.get(a.text.casefold(), set())
            if owners and e.id not in owners:
                stats["aliases removed: another entity's name"] += 1
                print(f"  alias {a.text!r} removed from {e.id} ({e.name}): belongs to {sorted(owners)}", file=sys.stderr)
                continue
            keep.append(a)
        e.aliases = keep


DECISION_KEYS = {"case", "match", "lang", "former", "note"}


def apply_alias_decisions(final: dict[str, Entity], idmap: dict[str, str], stats: Counter) -> None:
    """Apply curated/alias_decisions.tsv: decisions about aliases of entities that come from
    sources. An entity line names an output entity by id and repeats its kind and canonical name
    (checked, so the file stays readable); each alias line sets case=/match=/lang= on an existing
    alias of that entity, or adds the alias when the entity does not have it. note= is required.
    An unknown id, a kind or name that does not match, or a line without a note stops the build."""
    path = CURATED / "alias_decisions.tsv"
    if not path.exists():
        return
    src = "curated:alias_decisions"
    errors = []
    for d, e in named_entities(path, final, idmap, errors):
        if d.attrs:
            errors.append(f"{d.id}: entity lines take no attributes ({sorted(d.attrs)})")
        if not d.aliases:
            errors.append(f"{d.id}: no alias lines")
        for da in d.aliases:
            bad = set(da.attrs) - DECISION_KEYS
            if bad or not da.attrs.get("note") or da.attrs.get("match", "no") != "no" \
                    or da.attrs.get("case", "exact") not in ("exact", "any") or da.attrs.get("former", "yes") != "yes":
                errors.append(f"{d.id} {da.text!r}: needs note=, allows only case=any|exact, match=no, lang=, former=yes ({da.attrs})")
                continue
            hit = next((a for a in e.aliases if a.text == da.text), None)
            if hit is None:
                e.add_alias(da.text, source=src, **da.attrs)
                stats["alias decisions: aliases added"] += 1
            else:
                hit.attrs.update(da.attrs)
                hit.attrs["source"] = ",".join(filter(None, [hit.attrs.get("source", ""), src]))
                stats["alias decisions: aliases changed"] += 1
    if errors:
        raise SystemExit(f"{path}:\n  " + "\n  ".join(errors))


def named_entities(path, final: dict[str, Entity], idmap: dict[str, str], errors: list[str]):
    """The (line, output entity) pairs of a curated file whose entity lines name an output entity
    by id and repeat its kind and canonical name; an unknown id or a mismatch goes to errors."""
    for d in read_gazetteer(path):
        e = final.get(d.id)
        if e is None:
            hint = f" (it is {idmap[d.id]} in the output)" if d.id in idmap and idmap[d.id] != d.id else ""
            errors.append(f"unknown id {d.id}{hint}")
        elif (d.kind, d.name) != (e.kind, e.name):
            errors.append(f"{d.id} is {e.kind} {e.name!r}, the file says {d.kind} {d.name!r}")
        else:
            yield d, e


def add_inflected_forms(final: dict[str, Entity], idmap: dict[str, str], stats: Counter) -> None:
    """Add curated/inflected_forms.tsv: Finnish and Icelandic forms of company names that the
    tagger's ending rules cannot make, with the entity line's lang=, case=exact and without_endings=fi. An
    unknown id or a kind or name that does not match stops the build."""
    path = CURATED / "inflected_forms.tsv"
    errors = []
    for d, e in named_entities(path, final, idmap, errors):
        if set(d.attrs) != {"lang", "note"} or d.attrs["lang"] not in ("fi", "is") or not d.aliases \
                or any(da.attrs for da in d.aliases):
            errors.append(f"{d.id}: the entity line takes lang=fi|is and note=, the form lines nothing")
            continue
        for da in d.aliases:
            if any(a.text == da.text for a in e.aliases):
                errors.append(f"{d.id}: {da.text!r} is already an alias")
                continue
            e.add_alias(da.text, case="exact", without_endings="fi", lang=d.attrs["lang"],
                        source="curated:inflected_forms", note=d.attrs["note"])
            stats[f"inflected forms added ({d.attrs['lang']})"] += 1
    if errors:
        raise SystemExit(f"{path}:\n  " + "\n  ".join(errors))


def yield_to_nordic(final: dict[str, Entity], stats: Counter) -> None:
    """A name shared by a brand of NSI's neighbour tier and another entity (Nordic, world-wide,
    listed or curated) is kept unmatched on the neighbour brand: in Nordic news "Orion" is the
    Finnish drug maker, not the German shop chain, and "Coop" is not Coop Eesti."""
    other: dict[str, str] = {}
    for e in sorted(final.values(), key=lambda e: e.id):
        if getattr(e, "tier", None) == "neighbour":
            continue
        listed = {a.text for a in e.aliases}
        for t in [a.text for a in e.aliases if a.attrs.get("match") != "no"] + ([] if e.name in listed else [e.name]):
            other.setdefault(t.casefold(), e.id)
    lower, caps = _lists()
    proper = {lang: caps[lang] - lower[lang] for lang in caps}
    for e in sorted(final.values(), key=lambda e: e.id):
        if getattr(e, "tier", None) != "neighbour":
            continue
        for a in e.aliases:
            t = a.text
            if proper and a.attrs.get("match") != "no" and " " not in t and "-" not in t and not t.isupper():
                langs = [lang for lang in sorted(proper) if t.casefold() in proper[lang]]
                if langs:
                    a.attrs["match"] = "no"
                    a.attrs.pop("case", None)
                    a.attrs["note"] = f"a proper name (person or place) in the {','.join(langs)} word lists: not taken for a neighbour brand"
                    stats["aliases not matched: neighbour brand, a person's or place name"] += 1
                    continue
            hit = other.get(a.text.casefold())
            if hit and a.attrs.get("match") != "no":
                a.attrs["match"] = "no"
                a.attrs.pop("case", None)
                a.attrs["note"] = f"also {hit} ({final[hit].name}), the reading in Nordic news"
                stats["aliases not matched: neighbour brand, name of a Nordic/world entity"] += 1
                print(f"  alias {a.text!r} of {e.id} ({e.name}) not matched: also {hit}", file=sys.stderr)


def drop_place_names(entities, stats: Counter) -> None:
    """An alias that only a source added (no curated case= or match=) and that is the name of a
    country or region in data/countries.tsv or data/regions.tsv (any case) is kept with match=no:
    the place is the usual reading ("Iceland" the UK chain, "America"). All-capital aliases are
    left to the audit: CLDR's alpha-3 codes are matched only in capitals, and ATG is a brand."""
    places: dict[str, str] = {}
    for fname in ("countries.tsv", "regions.tsv"):
        if (DATA / fname).exists():
            for g in read_gazetteer(DATA / fname):
                for t in [g.name] + [a.text for a in g.aliases if a.attrs.get("match") != "no"]:
                    places.setdefault(t.casefold(), g.name)
    for e in entities:
        for a in e.aliases:
            if "case" in a.attrs or "match" in a.attrs or a.text.isupper() or is_short_lowercase(a.text) or any(
                    x.startswith("curated:") for x in a.attrs.get("source", "").split(",")):
                continue
            place = places.get(a.text.casefold())
            if place:
                a.attrs["match"] = "no"
                a.attrs["note"] = f"the name of a place ({place}) in countries.tsv/regions.tsv"
                stats["aliases not matched: a place name"] += 1
                print(f"  alias {a.text!r} of {e.id} ({e.name}) not matched: place {place}", file=sys.stderr)


def is_short_lowercase(text: str) -> bool:
    return text == text.lower() and sum(c.isalpha() for c in text) <= 3


def apply_case_audit(entities, stats: Counter) -> None:
    """blocked_endings= on matched aliases some of whose Finnish case forms are other words
    (audit_case_endings): only those endings; the alias takes the others ("Sonyn", not "Sonya")."""
    for e in entities:
        for a in e.aliases:
            if a.attrs.get("match") == "no" or "without_endings" in a.attrs:
                continue
            blocked = audit_case_endings(a.text)
            if blocked:
                a.attrs["blocked_endings"] = ",".join(ending for ending, _ in blocked)
                reason = "; ".join(why for _, why in blocked)
                a.attrs["note"] = f"{a.attrs['note']}; {reason}" if "note" in a.attrs else reason
                stats["audit: Finnish case endings blocked"] += 1


@functools.lru_cache(maxsize=None)
def _given_names() -> frozenset[str]:
    path = DATA / "given_names.txt"
    return frozenset(line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))


FI_NAME_CLASS = {"etunimi": "a Finnish given name", "sukunimi": "a Finnish surname", "paikannimi": "a Finnish place name"}


def name_class(text: str) -> str | None:
    """Whether a one-word alias is also a person's or place's name, with the evidence: a given
    name of data/given_names.txt (built by given_names.py before this script), or a name class
    of the Voikko speller (Finnish given names, surnames, place names). Flagged in the note for
    every source; decisive for digital brands only (apply_audit)."""
    t = text.strip()
    if " " in t or not t.isalpha() or t.isupper() or not t[:1].isupper():
        return None
    if t in _given_names():
        return "a given name (data/given_names.txt)"
    classes = sorted({a.get("CLASS") for a in _voikko().analyze(t) if a.get("BASEFORM") == t} & set(FI_NAME_CLASS))
    if classes:
        return FI_NAME_CLASS[classes[0]] + " (Voikko)"
    return None


# A digital brand named with an English word that is at least this common is not matched; a
# rarer one keeps the usual exact-case rule (Yahoo, 3.9, is mostly the brand).
DIGITAL_EN_WORD_ZIPF = 4.0


def digital_word_is_common(text: str) -> bool:
    """Whether a digital brand's one-word name is too common a word to match: an ordinary word
    of a Nordic language (Opera, Android: Nordic text reads it as the word), or an English word
    with Zipf >= DIGITAL_EN_WORD_ZIPF (Buffer, Canvas, Steam). wordfreq's count includes the
    brand's own mentions, so a rarer English word (yahoo, blackberry) is mostly the brand."""
    evidence = dict(word_evidence(text.lower()))
    return any(lang != "en" for lang in evidence) or evidence.get("en", 0.0) >= DIGITAL_EN_WORD_ZIPF


def apply_audit(entities, stats: Counter) -> None:
    for e in entities:
        for a in e.aliases:
            if "case" in a.attrs or "match" in a.attrs:
                continue
            if sum(c.isalpha() for c in a.text) < 2:
                a.attrs["match"] = "no"
                a.attrs["note"] = "fewer than two letters: not a name in running text"
                stats["aliases not matched: fewer than two letters"] += 1
                continue
            if is_short_lowercase(a.text):
                # NSI matchNames ("ds", "kfc"): names are not written like that in running text
                a.attrs["match"] = "no"
                a.attrs["note"] = "lowercase alias of at most three letters: not how the name is written in running text"
                stats["aliases not matched: lowercase, at most three letters"] += 1
                continue
            # A digital brand's name, or a name only simple-icons gives an entity of another
            # source ("Target" on Target Corporation), takes the digital rules.
            digital = getattr(e, "tier", None) == "digital" or all(
                x.startswith("simple-icons@") for x in a.attrs.get("source", "").split(","))
            person_or_place = name_class(a.text)
            if person_or_place:
                stats["audit: flagged, also " + person_or_place.split(" (")[0]] += 1
                if digital:
                    a.attrs["match"] = "no"
                    a.attrs["note"] = f"also {person_or_place}: a digital brand's name is mostly the person or place in news"
                    stats["aliases not matched: digital brand named like a person or place"] += 1
                    continue
                flags = f"also {person_or_place}"
            else:
                flags = ""
            verdict, reason = audit_alias(a.text, e.kind, AUDIT_LANGS)
            stats[f"audit {verdict}"] += 1
            if verdict == "exact" and a.text == a.text.lower():
                # an all-lowercase alias (NSI matchNames are lowercased) that is also a word would
                # match exactly the word: keep it unmatched
                verdict = "drop"
                reason = f"lowercase alias that is also a word ({reason})"
                stats["audit exact -> drop: lowercase alias"] += 1
            if verdict == "exact" and digital and " " not in a.text \
                    and not a.text.isupper() and digital_word_is_common(a.text):
                verdict = "drop"
                reason = f"ordinary word as the name of a digital brand (simple-icons), mostly the word in news ({reason})"
                stats["audit exact -> drop: ordinary word, digital brand"] += 1
            if verdict == "exact" and getattr(e, "tier", None) == "neighbour" and " " not in a.text:
                evidence = word_evidence(a.text.lower())
                if evidence and evidence[0][1] >= NEIGHBOUR_WORD_DROP_ZIPF:
                    verdict = "drop"
                    reason = (f"ordinary word with Zipf >= {NEIGHBOUR_WORD_DROP_ZIPF} on a brand of the neighbour tier, "
                              f"rarely named in Nordic news ({reason})")
                    stats["audit exact -> drop: common word, neighbour brand"] += 1
            if verdict == "exact":
                a.attrs["case"] = "exact"
            elif verdict == "drop":
                a.attrs["match"] = "no"
            if verdict != "any" and reason:
                a.attrs["note"] = reason
            if flags:
                a.attrs["note"] = f"{a.attrs['note']}; {flags}" if "note" in a.attrs else flags


HEADER = [
    "nordic-ner gazetteer v1. Generated by data/build/orgs.py; do not edit (edit data/build/curated/).",
    f"Sources: name-suggestion-index {NSI_VERSION} (BSD-3-Clause; Wikidata labels CC0),",
    f"investpy {INVESTPY_VERSION} (MIT), pytickersymbols {PYTICKER_VERSION} (MIT), cleanco {CLEANCO_VERSION} (MIT), curated files.",
    "Icelandic case forms (source=islenska-data@...): derived from the Database of Icelandic Morphology (BÍN),",
    "(c) The Árni Magnússon Institute for Icelandic Studies, CC BY-SA 4.0; those lines are offered under CC BY-SA 4.0 (NOTICE).",
    "NSI brands: locationSet with a Nordic code or 001 (world); and, with a checked Wikidata id only, a Europe-wide",
    "code (150, 151, 154, 155, 039, eu), ee, lv, lt, or de/gb/pl/nl plus at least one other country.",
]


def write_outputs(final: dict[str, Entity], stats: Counter) -> None:
    def key(e: Entity):
        return e.id
    ids = {e.id for e in final.values()}
    dangling = sorted(f"{e.id} owner={e.attrs['owner']}" for e in final.values()
                      if "owner" in e.attrs and e.attrs["owner"] not in ids)
    if dangling:  # a curated owner= naming an id no file defines (a typo, or a company dropped)
        sys.exit("owner= names no entity of companies.tsv or brands.tsv: " + "; ".join(dangling))
    for kind, fname in (("company", "companies.tsv"), ("brand", "brands.tsv")):
        ents = sorted((e for e in final.values() if e.kind == kind), key=key)
        path = DATA / fname
        tmp = path.with_suffix(".tsv.tmp")
        write_gazetteer(tmp, HEADER, ents)
        os.replace(tmp, path)
    for k in sorted(stats):
        print(f"  {k}: {stats[k]}", file=sys.stderr)


if __name__ == "__main__":
    main()
