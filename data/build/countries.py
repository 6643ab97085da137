"""Builds data/countries.tsv and data/regions.tsv (run from data/build with the build venv).

Sources (all pinned; Unicode License v3, notice in the file headers):
- PyPI babel==2.19.0, which carries Unicode CLDR 49: territory names (ISO 3166-1 codes and the
  numeric UN M.49 regions) in nb, nn, sv, da, fi, is, fo, kl, se, en, de.
- npm cldr-localenames-full@48.2.0: the short and variant forms babel drops (`GB-alt-short` "UK",
  fi "Britannia", is "BNA").
- npm cldr-core@48.2.0: supplemental/codeMappings.json for the ISO 3166-1 alpha-3 codes.
- curated/country_forms.tsv and curated/regions.tsv (hand-written, each row with a source and note).

Decisions (also written into the file headers):
- Countries: every two-letter CLDR territory code except the non-countries EU, EZ, UN, QO, ZZ and
  the pseudo-locales XA, XB. That is the 249 ISO 3166-1 entries, XK (Kosovo, a user-assigned code
  in common use) and the exceptionally reserved codes CLDR names (AC, CP, CQ, DG, EA, IC, TA:
  Ascension, Clipperton, Sark, Diego Garcia, Ceuta and Melilla, Canary Islands, Tristan da Cunha),
  which are places news names; each carries a note.
- EU and EZ (the euro area) become regions (region:eu, region:eurosonen); UN is an organisation and
  is left out; 001 (World) is left out ("verden" is an ordinary word).
- Codes: ISO alpha-2 codes are not aliases (two-letter codes are words and abbreviations: NO, IS,
  IT, AT, IN, AI, TV, PR; the id iso:XX keeps the code). Alpha-3 codes are aliases with case=exact,
  except those whose lowercase form is a word in any of en, nb, sv, da, fi, de, is (wordfreq Zipf
  >= CODE_ZIPF: BRA, FRA, TUR, SOM, AND, CAN...) or a common abbreviation (CODE_ABBREVIATIONS: VAT,
  MMR, PNG, SSD...), which are left out.
- Svalbard and Jan Mayen: iso:SJ keeps the CLDR name; local:svalbard and local:jan-mayen are
  entities of kind country (territories, nordic=yes) named by splitting the CLDR name of SJ at its
  conjunction ("Svalbard og Jan Mayen" -> "Svalbard", "Jan Mayen").
- Finnish inflection (rule, FI_STEMS): for a word given with its weak and strong stem (consonant
  gradation is lexical: Islanti -> Islanni-, Malta -> Malta-), genitive weak+n, inessive weak+ssA,
  elative weak+stA, adessive weak+llA, ablative weak+ltA, allative weak+lle, illative strong+V+n
  (strong+hVn after a long vowel), partitive strong+A (strong+tA after a long vowel or a
  consonant stem). A is a or ä by vowel harmony (last of a/o/u vs ä/ö/y; only neutral vowels ->
  ä). Essive and translative are left out (suomeksi, ruotsiksi are mostly the languages).
  Plural names (Yhdysvallat, Alankomaat, Färsaaret...) are listed in curated/country_forms.tsv.
- Icelandic inflection (rule, one-word names only): neuter -land: dative -landi, genitive -lands;
  feminine weak -ía/-íka/-ína/-ópa: oblique -íu/-íku/-ínu/-ópu (not Kína, which does not decline);
  feminine plural -eyjar: dative -eyjum, genitive -eyja. Irregular ones (Noregur, Danmörk,
  Bandaríkin...) are curated.
- A Finnish inflected form that is also a common word or name of nb, sv, da or en (audit.other_language_word:
  "Australian", "Italian") is kept with match=no: in English text it is the adjective, not the country.
- A name that only kl, se, fo or smn use and that is a capitalised entry of the English word list
  with Zipf >= 3 ("Pakistani", kl) is kept with match=no: in English text it is the adjective.
- A Finnish country name whose lowercase form is the Finnish CLDR name of a language (suomi,
  ruotsi, saksa, kiina) gets case=exact on it and its inflected forms.
- Every other alias without an explicit case goes through audit.audit_alias (data/build/audit.py)
  when that module exists: "exact" -> case=exact, "drop" -> match=no, with its reason as note.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

from babel import Locale
from babel.core import get_cldr_version

from common import CURATED, DATA, Alias, Entity, fetch_npm, read_gazetteer, write_gazetteer

BABEL_VERSION = "2.19.0"
NPM_CLDR = "48.2.0"
LANGS = ("nb", "nn", "sv", "da", "fi", "is", "fo", "kl", "se", "en", "de")
NORDIC = {"NO", "SE", "DK", "FI", "IS", "FO", "GL", "AX", "SJ", "BV"}
MINOR_LANGS = {"kl", "se", "fo", "smn"}  # languages whose names are checked against English words
NOT_COUNTRIES = {"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"}
RESERVED = {"AC", "CP", "CQ", "DG", "EA", "IC", "TA"}
CODE_ZIPF = 4.0  # an alpha-3 code whose lowercase form is at least this common is left out
# Alpha-3 codes that are common uppercase abbreviations in news text (wordfreq cannot tell).
CODE_ABBREVIATIONS = {"VAT", "MMR", "PNG", "SSD", "IOT", "BLM", "ATF", "ETH", "ECU", "DOM", "MAC", "EST", "ESP",
                      "GEO", "COM", "CIV", "PRI", "BES", "TAA", "COD", "LUX", "GIN", "COL", "ANT", "CHE"}
WORD_LANGS = ("en", "nb", "sv", "da", "fi", "de", "is")

# CLDR regions kept and their ids (pinned: ids never change meaning; slugs from the nb name).
REGION_IDS = {
    "002": "afrika", "003": "nord-amerika", "005": "sor-amerika", "009": "oseania",
    "011": "vest-afrika", "013": "mellom-amerika", "014": "ost-afrika", "015": "nord-afrika",
    "017": "sentral-afrika", "018": "sorlige-afrika", "019": "amerika", "021": "nordlige-amerika",
    "029": "karibia", "030": "ost-asia", "034": "sor-asia", "035": "sorost-asia",
    "039": "sor-europa", "053": "australasia", "054": "melanesia", "057": "mikronesia",
    "061": "polynesia", "142": "asia", "143": "sentral-asia", "145": "vest-asia", "150": "europa",
    "151": "ost-europa", "154": "nord-europa", "155": "vest-europa", "202": "afrika-sor-for-sahara",
    "419": "latin-amerika", "EU": "eu", "EZ": "eurosonen",
}

# Finnish inflection: (entity id, nominative as in CLDR or the curated file, weak stem, strong stem).
FI_STEMS = [
    ("iso:NO", "Norja", "Norja", "Norja"),
    ("iso:SE", "Ruotsi", "Ruotsi", "Ruotsi"),
    ("iso:FI", "Suomi", "Suome", "Suome"),
    ("iso:DK", "Tanska", "Tanska", "Tanska"),
    ("iso:IS", "Islanti", "Islanni", "Islanti"),
    ("iso:GL", "Grönlanti", "Grönlanni", "Grönlanti"),
    ("iso:AX", "Ahvenanmaa", "Ahvenanmaa", "Ahvenanmaa"),
    ("iso:DE", "Saksa", "Saksa", "Saksa"),
    ("iso:RU", "Venäjä", "Venäjä", "Venäjä"),
    ("iso:CN", "Kiina", "Kiina", "Kiina"),
    ("iso:FR", "Ranska", "Ranska", "Ranska"),
    ("iso:IT", "Italia", "Italia", "Italia"),
    ("iso:ES", "Espanja", "Espanja", "Espanja"),
    ("iso:PT", "Portugali", "Portugali", "Portugali"),
    ("iso:EE", "Viro", "Viro", "Viro"),
    ("iso:LV", "Latvia", "Latvia", "Latvia"),
    ("iso:LT", "Liettua", "Liettua", "Liettua"),
    ("iso:PL", "Puola", "Puola", "Puola"),
    ("iso:UA", "Ukraina", "Ukraina", "Ukraina"),
    ("iso:BY", "Valko-Venäjä", "Valko-Venäjä", "Valko-Venäjä"),
    ("iso:JP", "Japani", "Japani", "Japani"),
    ("iso:IN", "Intia", "Intia", "Intia"),
    ("iso:TR", "Turkki", "Turki", "Turkki"),
    ("iso:GR", "Kreikka", "Kreika", "Kreikka"),
    ("iso:BE", "Belgia", "Belgia", "Belgia"),
    ("iso:CH", "Sveitsi", "Sveitsi", "Sveitsi"),
    ("iso:AT", "Itävalta", "Itävalla", "Itävalta"),
    ("iso:HU", "Unkari", "Unkari", "Unkari"),
    ("iso:CZ", "Tšekki", "Tšeki", "Tšekki"),
    ("iso:RO", "Romania", "Romania", "Romania"),
    ("iso:HR", "Kroatia", "Kroatia", "Kroatia"),
    ("iso:RS", "Serbia", "Serbia", "Serbia"),
    ("iso:IE", "Irlanti", "Irlanni", "Irlanti"),
    ("iso:GB", "Britannia", "Britannia", "Britannia"),
    ("iso:CA", "Kanada", "Kanada", "Kanada"),
    ("iso:MX", "Meksiko", "Meksiko", "Meksiko"),
    ("iso:BR", "Brasilia", "Brasilia", "Brasilia"),
    ("iso:AU", "Australia", "Australia", "Australia"),
    ("iso:IL", "Israel", "Israeli", "Israeli"),
    ("iso:IR", "Iran", "Irani", "Irani"),
    ("iso:IQ", "Irak", "Iraki", "Iraki"),
    ("iso:SY", "Syyria", "Syyria", "Syyria"),
    ("iso:AF", "Afganistan", "Afganistani", "Afganistani"),
    ("iso:EG", "Egypti", "Egypti", "Egypti"),
    ("iso:TH", "Thaimaa", "Thaimaa", "Thaimaa"),
    ("iso:VN", "Vietnam", "Vietnami", "Vietnami"),
    ("iso:KR", "Etelä-Korea", "Etelä-Korea", "Etelä-Korea"),
    ("iso:KP", "Pohjois-Korea", "Pohjois-Korea", "Pohjois-Korea"),
    ("iso:ZA", "Etelä-Afrikka", "Etelä-Afrika", "Etelä-Afrikka"),
    ("iso:GB", "Iso-Britannia", "Iso-Britannia", "Iso-Britannia"),
    ("iso:SA", "Saudi-Arabia", "Saudi-Arabia", "Saudi-Arabia"),
    ("iso:PK", "Pakistan", "Pakistani", "Pakistani"),
    ("iso:BD", "Bangladesh", "Bangladeshi", "Bangladeshi"),
    ("iso:KZ", "Kazakstan", "Kazakstani", "Kazakstani"),
    ("iso:UZ", "Uzbekistan", "Uzbekistani", "Uzbekistani"),
    ("iso:NP", "Nepal", "Nepali", "Nepali"),
    ("iso:LB", "Libanon", "Libanoni", "Libanoni"),
    ("iso:SD", "Sudan", "Sudani", "Sudani"),
    ("iso:TW", "Taiwan", "Taiwani", "Taiwani"),
    ("iso:HK", "Hongkong", "Hongkongi", "Hongkongi"),
    ("iso:LU", "Luxemburg", "Luxemburgi", "Luxemburgi"),
    ("iso:KW", "Kuwait", "Kuwaiti", "Kuwaiti"),
    ("iso:QA", "Qatar", "Qatari", "Qatari"),
    ("iso:OM", "Oman", "Omani", "Omani"),
    ("iso:YE", "Jemen", "Jemeni", "Jemeni"),
    ("iso:AR", "Argentiina", "Argentiina", "Argentiina"),
    ("iso:CL", "Chile", "Chile", "Chile"),
    ("iso:CO", "Kolumbia", "Kolumbia", "Kolumbia"),
    ("iso:VE", "Venezuela", "Venezuela", "Venezuela"),
    ("iso:PE", "Peru", "Peru", "Peru"),
    ("iso:CU", "Kuuba", "Kuuba", "Kuuba"),
    ("iso:MA", "Marokko", "Maroko", "Marokko"),
    ("iso:DZ", "Algeria", "Algeria", "Algeria"),
    ("iso:TN", "Tunisia", "Tunisia", "Tunisia"),
    ("iso:LY", "Libya", "Libya", "Libya"),
    ("iso:JO", "Jordania", "Jordania", "Jordania"),
    ("iso:PS", "Palestiina", "Palestiina", "Palestiina"),
    ("iso:SK", "Slovakia", "Slovakia", "Slovakia"),
    ("iso:SI", "Slovenia", "Slovenia", "Slovenia"),
    ("iso:BG", "Bulgaria", "Bulgaria", "Bulgaria"),
    ("iso:MD", "Moldova", "Moldova", "Moldova"),
    ("iso:GE", "Georgia", "Georgia", "Georgia"),
    ("iso:AM", "Armenia", "Armenia", "Armenia"),
    ("iso:MN", "Mongolia", "Mongolia", "Mongolia"),
    ("iso:SG", "Singapore", "Singapore", "Singapore"),
    ("iso:MY", "Malesia", "Malesia", "Malesia"),
    ("iso:ID", "Indonesia", "Indonesia", "Indonesia"),
    ("iso:LK", "Sri Lanka", "Sri Lanka", "Sri Lanka"),
    ("iso:MM", "Myanmar", "Myanmari", "Myanmari"),
    ("iso:NG", "Nigeria", "Nigeria", "Nigeria"),
    ("iso:ET", "Etiopia", "Etiopia", "Etiopia"),
    ("iso:KE", "Kenia", "Kenia", "Kenia"),
    ("iso:SO", "Somalia", "Somalia", "Somalia"),
    ("iso:GH", "Ghana", "Ghana", "Ghana"),
    ("iso:UG", "Uganda", "Uganda", "Uganda"),
    ("iso:TZ", "Tansania", "Tansania", "Tansania"),
    ("region:europa", "Eurooppa", "Euroopa", "Eurooppa"),
    ("region:asia", "Aasia", "Aasia", "Aasia"),
    ("region:afrika", "Afrikka", "Afrika", "Afrikka"),
    ("region:amerika", "Amerikka", "Amerika", "Amerikka"),
    ("region:nord-amerika", "Pohjois-Amerikka", "Pohjois-Amerika", "Pohjois-Amerikka"),
    ("region:sor-amerika", "Etelä-Amerikka", "Etelä-Amerika", "Etelä-Amerikka"),
    ("region:oseania", "Oseania", "Oseania", "Oseania"),
    ("region:ost-europa", "Itä-Eurooppa", "Itä-Euroopa", "Itä-Eurooppa"),
    ("region:skandinavia", "Skandinavia", "Skandinavia", "Skandinavia"),
    ("region:baltikum", "Baltia", "Baltia", "Baltia"),
    ("region:nordkalotten", "Pohjoiskalotti", "Pohjoiskaloti", "Pohjoiskalotti"),
    ("region:nord-norge", "Pohjois-Norja", "Pohjois-Norja", "Pohjois-Norja"),
    ("region:jylland", "Jyllanti", "Jyllanni", "Jyllanti"),
    ("region:balkan", "Balkan", "Balkani", "Balkani"),
    ("iso:NL", "Hollanti", "Hollanni", "Hollanti"),
    ("region:midtosten", "Lähi-itä", "Lähi-idä", "Lähi-itä"),
    ("region:eu", "Euroopan unioni", "Euroopan unioni", "Euroopan unioni"),
]

IS_RULES = [  # (ending, oblique forms) for one-word Icelandic names; see the module docstring
    ("land", ("landi", "lands")),
    ("eyjar", ("eyjum", "eyja")),
    ("ía", ("íu",)),
    ("íka", ("íku",)),
    ("ína", ("ínu",)),
    ("ópa", ("ópu",)),
]
IS_INDECLINABLE = {"Kína"}


def harmony_front(word: str) -> bool:
    for ch in reversed(word.lower()):
        if ch in "aou":
            return False
        if ch in "äöy":
            return True
    return True


def finnish_forms(weak: str, strong: str) -> list[str]:
    front = harmony_front(strong)
    a = "ä" if front else "a"
    forms = [weak + "n", weak + "ss" + a, weak + "st" + a, weak + "ll" + a, weak + "lt" + a, weak + "lle"]
    last = strong[-1]
    vowels = "aeiouyäö"
    if last in vowels and strong[-2] == last:  # long vowel: Thaimaa -> Thaimaahan, Thaimaata
        forms += [strong + "h" + last + "n", strong + "t" + a]
    elif last in vowels:
        forms += [strong + last + "n", strong + a]
    else:
        raise ValueError(f"stem must end in a vowel: {strong}")
    return forms


def icelandic_forms(name: str) -> list[str]:
    if " " in name or name in IS_INDECLINABLE:
        return []
    for ending, oblique in IS_RULES:
        if name.endswith(ending) and len(name) > len(ending) + 1:
            return [name[: -len(ending)] + o for o in oblique]
    return []


def ascii_fold(s: str) -> str:
    s = s.replace("’", "'")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))


def load_npm_alts() -> dict[str, dict[str, str]]:
    base = fetch_npm("cldr-localenames-full", NPM_CLDR) / "main"
    out = {}
    for lang in LANGS:
        data = json.loads((base / lang / "territories.json").read_text(encoding="utf-8"))
        terr = data["main"][lang]["localeDisplayNames"]["territories"]
        out[lang] = {k: v for k, v in terr.items() if "-alt-" in k}
    return out


def load_alpha3() -> dict[str, str]:
    path = fetch_npm("cldr-core", NPM_CLDR) / "supplemental" / "codeMappings.json"
    data = json.loads(path.read_text(encoding="utf-8"))["supplemental"]["codeMappings"]
    return {k: v["_alpha3"] for k, v in data.items() if len(k) == 2 and "_alpha3" in v}


def code_is_word(code: str) -> float:
    from wordfreq import zipf_frequency

    return max(zipf_frequency(code.lower(), lang) for lang in WORD_LANGS)


def main() -> None:
    cldr = get_cldr_version()
    src = f"cldr@{cldr}"
    npm_src = f"cldr@{NPM_CLDR}"
    names = {lang: dict(Locale.parse(lang).territories) for lang in LANGS}
    alts = load_npm_alts()
    alpha3 = load_alpha3()
    fi_languages = {v.lower() for v in Locale.parse("fi").languages.values()}

    countries: dict[str, Entity] = {}
    regions: dict[str, Entity] = {}
    dropped_codes = []
    for code in sorted(names["en"]):
        if code.isdigit():
            if code not in REGION_IDS:
                continue
            ent = Entity(f"region:{REGION_IDS[code]}", "region", names["en"][code], {"source": f"{src}:{code}"})
            regions[ent.id] = ent
        elif code in NOT_COUNTRIES:
            if code not in REGION_IDS:
                continue
            ent = Entity(f"region:{REGION_IDS[code]}", "region", names["en"][code], {"source": f"{src}:{code}"})
            ent.attrs["note"] = {"EU": "CLDR code EU; a union of countries, tagged as a region",
                                 "EZ": "CLDR code EZ; the euro area"}[code]
            regions[ent.id] = ent
        else:
            ent = Entity(f"iso:{code}", "country", names["en"][code], {"source": f"{src}:{code}"})
            if code in alpha3:
                ent.attrs["iso3"] = alpha3[code]
            if code in NORDIC:
                ent.attrs["nordic"] = "yes"
            if code in RESERVED:
                ent.attrs["note"] = "ISO 3166-1 exceptionally reserved code, not an assigned country code; a territory CLDR names"
            if code == "XK":
                ent.attrs["note"] = "XK is a user-assigned code (not in ISO 3166-1), used by CLDR and the EU for Kosovo"
            countries[ent.id] = ent
        for lang in LANGS:
            name = names[lang].get(code)
            if name:
                ent.add_alias(name, lang=lang, source=f"{src}:{code}")
        for lang in LANGS:
            for key in sorted(alts[lang]):
                base, _, alt = key.partition("-alt-")
                if base == code:
                    ent.add_alias(alts[lang][key], lang=lang, source=f"{npm_src}:{key}")
        if ent.kind == "country":
            # en rules: ASCII spelling (Curaçao -> Curacao), "&" -> "and", "St." -> "Saint".
            for a in list(ent.aliases):
                if "en" not in a.attrs.get("lang", "").split(","):
                    continue
                variants = {ascii_fold(a.text), a.text.replace(" & ", " and ")}
                variants |= {v.replace("St. ", "Saint ") for v in variants}
                for v in sorted(variants - {a.text}):
                    note = {} if any(b.text == v for b in ent.aliases) else {
                        "note": "English spelling variant of the CLDR name (ASCII letters, 'and', 'Saint')"}
                    ent.add_alias(v, lang="en", source=f"{src}:{code}", **note)
            a3 = alpha3.get(code)
            if a3:
                z = code_is_word(a3)
                if z >= CODE_ZIPF or a3 in CODE_ABBREVIATIONS:
                    dropped_codes.append(a3)
                else:
                    ent.add_alias(a3, case="exact", source=f"{npm_src}:{code}",
                                  note="ISO 3166-1 alpha-3 code; uppercase only")

    # Svalbard and Jan Mayen as their own entities, from the CLDR name of SJ.
    sj = countries["iso:SJ"]
    conj = re.compile(r" (?:og|och|ja|&|and|und|aamma) ")
    parts = {}
    for lang in LANGS:
        name = names[lang].get("SJ")
        if name and conj.search(name):
            first, second = conj.split(name, maxsplit=1)
            parts.setdefault("svalbard", []).append((first, lang))
            parts.setdefault("jan-mayen", []).append((second, lang))
    # In running text the CLDR name of SJ is a coordination of two places ("på Svalbard og Jan
    # Mayen"), so it is kept as a record and the parts are tagged on their own.
    for a in sj.aliases:
        if conj.search(a.text):
            a.attrs["match"] = "no"
            a.attrs["note"] = "a coordination of two places in running text; Svalbard and Jan Mayen are tagged on their own"
    for slug, forms in parts.items():
        en_name = dict((l, t) for t, l in forms)["en"]
        ent = Entity(f"local:{slug}", "country", en_name,
                     {"nordic": "yes", "source": f"{src}:SJ",
                      "note": "part of iso:SJ (Svalbard and Jan Mayen, one ISO 3166-1 code); a Norwegian territory named "
                              "on its own, so it is its own entity; names split from the CLDR name of SJ"})
        for text, lang in forms:
            ent.add_alias(text, lang=lang, source=f"{src}:SJ")
        countries[ent.id] = ent

    # Curated inputs.
    for path, target, kind in ((CURATED / "country_forms.tsv", countries, "country"),
                               (CURATED / "regions.tsv", regions, "region")):
        for cur in read_gazetteer(path):
            pool = countries if cur.id in countries else regions if cur.id in regions else target
            if cur.id in pool:
                ent = pool[cur.id]
                assert (ent.kind, ent.name) == (cur.kind, cur.name), (path, cur.id, cur.name, ent.name)
                for k, v in cur.attrs.items():
                    assert k in ("note",), (path, cur.id, k)
            else:
                assert cur.kind == kind and cur.attrs.get("source", "").startswith("curated:"), (path, cur.id)
                ent = Entity(cur.id, cur.kind, cur.name, dict(cur.attrs))
                pool[cur.id] = ent
            for a in cur.aliases:
                assert a.attrs.get("source", "").startswith("curated:"), (path, cur.id, a.text)
                ent.add_alias(a.text, **a.attrs)
            if not any(a.text == ent.name for a in ent.aliases):
                ent.aliases.insert(0, Alias(ent.name, {"source": ent.attrs["source"].split(",")[0]}))

    everything = {**countries, **regions}

    # Finnish inflection by rule.
    for eid, nom, weak, strong in FI_STEMS:
        ent = everything[eid]
        assert any(a.text == nom and "fi" in a.attrs.get("lang", "").split(",") for a in ent.aliases), (eid, nom)
        extra = {}
        if nom.lower() in fi_languages:
            extra = {"case": "exact", "note": f"Finnish: lowercase '{nom.lower()}' is the language"}
            for a in ent.aliases:
                if a.text == nom:
                    a.attrs.setdefault("case", "exact")
                    a.attrs.setdefault("note", extra["note"])
        for form in finnish_forms(weak, strong):
            ent.add_alias(form, lang="fi", source="curated:finnish-inflection", **extra)

    # Icelandic inflection by rule.
    for ent in everything.values():
        for a in list(ent.aliases):
            if "is" in a.attrs.get("lang", "").split(","):
                for form in icelandic_forms(a.text):
                    ent.add_alias(form, lang="is", source="curated:icelandic-inflection")

    audit(everything.values())

    header = [
        "nordic-ner gazetteer v1. GENERATED by data/build/countries.py; edit the script or data/build/curated/, not this file.",
        f"Names from Unicode CLDR {cldr} (PyPI babel {BABEL_VERSION}) and CLDR {NPM_CLDR} (npm cldr-localenames-full,",
        "cldr-core: alt-short/alt-variant forms, alpha-3 codes). Unicode License v3: Copyright (c) 1991-2025 Unicode, Inc.",
        "See https://www.unicode.org/license.txt. Inflected forms (source=curated:*) are rule-generated or hand-curated.",
    ]
    write_gazetteer(DATA / "countries.tsv", header + [
        "Countries: ISO 3166-1 entries, XK (user-assigned, Kosovo) and the CLDR-named exceptionally reserved codes",
        "AC CP CQ DG EA IC TA. Alpha-2 codes are not aliases (they are words: NO, IS, IT, AT, IN); alpha-3 codes are,",
        f"with case=exact, except words (wordfreq Zipf >= {CODE_ZIPF}) and abbreviations: {' '.join(sorted(dropped_codes))}.",
    ], sorted(countries.values(), key=lambda e: e.id))
    write_gazetteer(DATA / "regions.tsv", header + [
        "Regions: CLDR macro-regions (UN M.49 codes) and EU/EZ, plus curated regions (Norden, Skandinavia, ...).",
    ], sorted(regions.values(), key=lambda e: e.id))


def audit(entities) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from audit import _lists, audit_alias, other_language_word, zipf  # noqa: PLC0415

    _lower, caps = _lists()
    for ent in entities:
        for a in ent.aliases:
            langs = set(filter(None, a.attrs.get("lang", "").split(",")))
            if langs and langs <= MINOR_LANGS and a.attrs.get("match") != "no":
                # A name only Greenlandic, Sami or Faroese use that is an English word or name
                # ("Pakistani", kl) is far more often that word in English text: unmatched.
                w = a.text.lower()
                if w in caps["en"] and zipf(w, "en") >= 3.0:
                    a.attrs["match"] = "no"
                    a.attrs["note"] = "; ".join(filter(None, [
                        a.attrs.get("note"), f"also an English word or name (zipf {zipf(w, 'en'):.2f})"]))
            if "curated:finnish-inflection" in a.attrs.get("source", "") and a.attrs.get("match") != "no":
                # A Finnish form that is a word of another language we tag ("Australian",
                # "Italian" in English) would be read as the country there: keep it unmatched.
                reason = other_language_word(a.text)
                if reason:
                    a.attrs["match"] = "no"
                    a.attrs["note"] = "; ".join(filter(None, [a.attrs.get("note"), f"Finnish form that is also {reason}"]))
            if "case" in a.attrs or a.attrs.get("match") == "no":
                continue
            langs = [x for x in a.attrs.get("lang", "").split(",") if x]
            verdict, reason = audit_alias(a.text, ent.kind, langs)
            if verdict == "exact":
                a.attrs["case"] = "exact"
            elif verdict == "drop":
                a.attrs["match"] = "no"
            elif verdict != "any":
                raise SystemExit(f"audit_alias({a.text!r}) returned {verdict!r}")
            if verdict != "any" and reason:
                a.attrs["note"] = "; ".join(filter(None, [a.attrs.get("note"), reason]))


if __name__ == "__main__":
    main()
