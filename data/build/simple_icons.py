"""Digital brands from npm simple-icons (CC0-1.0): the titles and aliases of its brand icons.

simple-icons collects the logos of brands of software, online services, payment, media, devices
and the companies behind them (3,470 icons in 16.37.0). Only its metadata is used
(`data/simple-icons.json`: `title`, `slug`, `aliases` with `aka`, `dup`, `loc` and `old`), never an
icon. The file is CC0; the brands are their owners' trademarks, named here as facts.

The current release is read first, then the last release of each earlier major version (4 to
15): an icon those have and the current one lacks is a brand simple-icons removed, mostly at its
owner's request (Microsoft's, Adobe's, Amazon's products) or after a rename (Twitter). The
brand still exists (or news still names it), so its name is taken with that release as its
source (`simple-icons@6.23.0:yahoo`).

How an icon becomes a gazetteer row (called by orgs.py after the other sources are merged):
- Names: the title, its `aka` and `loc` names and the titles of its `dup` variants, Latin script
  only; `old` names are former names (`former=yes`, still matched: news keeps using them).
- An icon whose title is the name or a matched alias of exactly one company or brand already in
  the data is that entity: its names are added there with their source, no new entity.
  A title that names several entities is left out (which one the icon means is unknown).
- Otherwise it is a new brand when one of its names is in wordfreq's lists (Zipf >= 1.0, about
  once in 100 million words) of nb, da, sv, fi, is or en: written often enough in web and news
  text to be worth a row. This leaves out about a third of the icons, mostly small developer
  tools (Vikunja, Alacritty). A new brand has id `local:si-<slug>`, with stricter audit rules than the other
  sources (orgs.apply_audit, tier "digital"): most icons are software and services that news
  rarely names, so a one-word name that is an ordinary word of a Nordic language, or an
  English word with Zipf >= 4.0, is not matched at all (a developer tool called "Buffer",
  "Canvas" or "Opera" is mostly the word or another name in news; orgs.digital_word_is_common;
  a rarer English word such as "yahoo" is mostly the brand and keeps exact case), a one-word
  name that is a given name or a Finnish person or place name is not matched either, and an
  alternative name of at most three capitals ("VM" for VictoriaMetrics) is not matched either:
  such acronyms are mostly abbreviations of other things. Multi-word names pass the usual audit.
- A new brand whose name begins with the name of one company already in the data is its
  product and gets `owner=` ("Google Maps", "Apple Pay"; `owner_by_name`).
- Titles that are not names of a brand but of a file format, a standard or a notation
  (`NOT_BRANDS`, checked by hand against the icon's source page) are left out.
"""
from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import Counter

from audit import audit_alias, zipf
from common import Entity, fetch_npm, is_latin

SIMPLE_ICONS_VERSION = "16.37.0"
# The last release of each earlier major version, newest first (npm view simple-icons versions).
EARLIER_RELEASES = ("15.22.0", "14.15.0", "13.21.0", "12.4.0", "11.15.0", "10.4.0", "9.21.0", "8.15.0",
                    "7.21.0", "6.23.0", "5.24.0", "4.25.0")
# A new brand's name must be in wordfreq's lists of one of these languages (nn shares nb's).
NOTABLE_LANGS = ("nb", "da", "sv", "fi", "is", "en")
NOTABLE_ZIPF = 1.0

# Icons of formats, standards and notations, and of public bodies (the EU, the UN, US federal
# agencies), rather than of a brand a news text names as one.
NOT_BRANDS = {
    "europeanunion", "fcc", "nasa", "unitednations",
    "conventionalcommits", "css", "dotenv", "graphql", "html5", "jpeg", "json", "jsonwebtokens",
    "keepachangelog", "latex", "markdown", "rss", "semver", "svg", "toml", "unicode", "webassembly",
    "xml", "yaml",
}


def _names(icon: dict) -> tuple[list[str], list[str]]:
    """(names, former names) of an icon, NFC, Latin script, in file order without repeats."""
    al = icon.get("aliases") or {}
    names = [icon["title"], *al.get("aka", []), *(d["title"] for d in al.get("dup", [])),
             *(al.get("loc") or {}).values()]
    former = list(al.get("old", []))
    clean = lambda xs: [n for n in dict.fromkeys(unicodedata.normalize("NFC", " ".join(x.split())) for x in xs)  # noqa: E731
                        if n and is_latin(n) and any(c.isalpha() for c in n)]
    names = clean(names)
    return names, [n for n in clean(former) if n not in names]


def owner_by_name(title: str, companies: dict[str, set[str]]) -> str | None:
    """The company a product is named after: the longest run of leading words of `title`, short
    of the whole, that is (in any case) an alias of exactly one company already in the data and
    not a word or a place (the audit's verdict "any") unless the company is curated (Apple, a
    word, is curated as the company; Firefly AB, listed, is no owner of "Firefly III") ("Google
    Maps", "Apple Pay", "Microsoft Teams"). None when there is none or it is ambiguous."""
    words = title.split()
    for k in range(len(words) - 1, 0, -1):
        hits = companies.get(" ".join(words[:k]).casefold(), set())
        if len(hits) == 1:
            return next(iter(hits))
        if hits:
            return None
    return None


def title_to_slug(title: str) -> str:
    """simple-icons' own rule (its `titleToSlug`), for releases whose entries lack a slug."""
    t = title.lower().replace("+", "plus").replace(".", "dot").replace("&", "and")
    t = unicodedata.normalize("NFD", t.replace("đ", "d").replace("ħ", "h").replace("ı", "i")
                              .replace("ĸ", "k").replace("ŀ", "l").replace("ł", "l").replace("ß", "ss")
                              .replace("ŧ", "t"))
    return re.sub(r"[^a-z0-9]", "", t)


def _release(version: str) -> list[dict]:
    root = fetch_npm("simple-icons", version)
    path = root / "data/simple-icons.json"
    if not path.exists():
        path = root / "_data/simple-icons.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    icons = data["icons"] if isinstance(data, dict) else data
    for icon in icons:
        icon.setdefault("slug", title_to_slug(icon["title"]))
    return icons


def load_icons() -> list[tuple[str, dict]]:
    """(version, icon): the current release's icons, then, newest first, the icons of the last
    release of each earlier major version (EARLIER_RELEASES) whose slug and title the releases
    read before lack: brands simple-icons removed since (at their owners' request: Microsoft's,
    Adobe's, Amazon's; or renamed: Twitter)."""
    out: list[tuple[str, dict]] = []
    slugs: set[str] = set()
    titles: set[str] = set()
    for version in (SIMPLE_ICONS_VERSION, *EARLIER_RELEASES):
        for icon in sorted(_release(version), key=lambda i: i["slug"]):
            if icon["slug"] in slugs or icon["title"].lower() in titles:
                continue
            out.append((version, icon))
        for icon in _release(version):
            slugs.add(icon["slug"])
            titles.add(icon["title"].lower())
    return out


def add_simple_icons(final: dict[str, Entity], norm_label, stats: Counter) -> None:
    """Merge simple-icons' brands into `final` (see the module docstring). `norm_label` is
    orgs.py's name comparison (case, diacritics, legal form and punctuation aside)."""
    owners: dict[str, set[str]] = {}
    for e in final.values():
        if e.kind not in ("company", "brand"):
            continue
        for t in [e.name] + [a.text for a in e.aliases if a.attrs.get("match") != "no"]:
            owners.setdefault(norm_label(t), set()).add(e.id)
    companies: dict[str, set[str]] = {}
    for e in final.values():
        if e.kind == "company":
            curated = any(x.startswith("curated:") for x in e.attrs.get("source", "").split(","))
            # (not by a name that is also a word or a place: "Firefly III" is no product of Firefly AB)
            for t in [a.text for a in e.aliases if a.attrs.get("match") != "no" and (curated or "case" not in a.attrs)]:
                if curated or audit_alias(t, "company")[0] == "any":
                    companies.setdefault(t.casefold(), set()).add(e.id)
    for version, icon in load_icons():
        slug = icon["slug"]
        if slug in NOT_BRANDS:
            stats["simple-icons: not a brand (format or standard)"] += 1
            continue
        names, former = _names(icon)
        if not names:
            stats["simple-icons: no Latin name"] += 1
            continue
        src = f"simple-icons@{version}:{slug}"
        if version != SIMPLE_ICONS_VERSION:
            stats["simple-icons: icons of earlier releases only"] += 1
        hits = owners.get(norm_label(names[0]), set())
        if len(hits) > 1:
            stats["simple-icons: title names several entities, left out"] += 1
            print(f"  simple-icons {slug!r} ({names[0]}) left out: names {sorted(hits)}", file=sys.stderr)
            continue
        if not hits and max(zipf(n.lower(), lang) for n in names for lang in NOTABLE_LANGS) < NOTABLE_ZIPF:
            stats["simple-icons: name in no word list (rarely written), left out"] += 1
            continue
        if hits:
            e = final[next(iter(hits))]
            e.attrs["source"] = ",".join(dict.fromkeys(e.attrs["source"].split(",") + [src]))
            stats["simple-icons: merged into an entity of the same name"] += 1
        else:
            e = Entity(f"local:si-{slug}", "brand", names[0], {"source": src})
            e.tier = "digital"
            owner = owner_by_name(names[0], companies)
            if owner:
                e.attrs["owner"] = owner
                e.attrs["note"] = f"owner by name: {names[0]!r} begins with the name of {owner} ({final[owner].name})"
                stats["simple-icons: owner by name"] += 1
            final[e.id] = e
            for n in names:
                owners.setdefault(norm_label(n), set()).add(e.id)
            stats["simple-icons: new brands"] += 1
        for n in names:
            if n != names[0] and getattr(e, "tier", None) == "digital" and n.isupper() and len(n) <= 3:
                e.add_alias(n, source=src, match="no",
                            note="acronym given as another name of a digital brand: mostly an abbreviation of other things")
                stats["simple-icons: acronym aliases not matched"] += 1
                continue
            e.add_alias(n, source=src)
        for n in former:
            e.add_alias(n, source=src, former="yes", note="former name (simple-icons)")
            stats["simple-icons: former names"] += 1


if __name__ == "__main__":
    icons = load_icons()
    print(len(icons), "icons;", sum(1 for v, _ in icons if v != SIMPLE_ICONS_VERSION), "from earlier releases only")
