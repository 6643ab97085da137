"""Finds and links companies, brands, countries and regions in Nordic news text.

Python bindings of the Rust crate ``nordic-ner`` (the tagger runs in Rust, without the GIL):

>>> import nordic_ner
>>> [(m["text"], m["kind"], m["entity"]) for m in nordic_ner.tag("Equinor selger gass til Tyskland.")]
[('Equinor', 'company', 'Q1776022'), ('Tyskland', 'country', 'iso:DE')]

- :func:`tag` tags one text with the builtin tagger; :class:`Tagger` takes the Rust
  ``TaggerBuilder``'s options and gazetteer files of your own.
- A mention is a plain ``dict`` with exactly the fields and names of the JSON that the
  ``tag_jsonl`` example writes (:class:`Mention` describes them).
- :meth:`Tagger.tag_batch`, :meth:`Tagger.tag_batch_json` and :meth:`Tagger.spans_batch` tag a
  list, a pyarrow ``Array``/``ChunkedArray`` or a pandas ``Series`` of texts with the GIL
  released, so Python threads and Spark's ``mapInArrow`` workers tag in parallel.
- :func:`tag_jsonl_lines` runs the ``tag_jsonl`` command's line logic in process.
- ``nordic_ner.spacy_component`` is the spaCy component ``nlp.add_pipe("nordic_ner")``
  (spaCy is an optional dependency: ``pip install "./python[spacy]"``).

Errors are Python exceptions carrying the Rust message: :class:`GazetteerError` (a
``ValueError``) for a gazetteer file that is wrong or unreadable, ``ValueError`` for a bad
option, ``TypeError`` for a text that is not a ``str``.
"""

from itertools import islice
from typing import Dict, Iterable, Iterator, List, Optional, TypedDict, Union

from ._nordic_ner import (
    BuildError,
    GazetteerError,
    Tagger,
    __version__,
    detect_language,
    fold,
    tag,
    tag_jsonl_lines,
)

__all__ = [
    "Alternative",
    "BuildError",
    "GazetteerError",
    "Mention",
    "Tagger",
    "__version__",
    "detect_language",
    "fold",
    "iter_tag_jsonl",
    "tag",
    "tag_jsonl_lines",
]


class Alternative(TypedDict):
    """Another entity a mention's alias stands for (``Mention["alternatives"]``)."""

    entity: str
    kind: str
    name: str


class _MentionFields(TypedDict):
    start: int
    end: int
    char_start: int
    char_end: int
    utf16_start: int
    utf16_end: int
    text: str
    kind: str
    entity: str
    name: str
    alias: str
    form: str
    case: str
    language: str


class Mention(_MentionFields, total=False):
    """One mention, as a ``dict`` with the fields of ``tag_jsonl``'s JSON output.

    ``start``/``end`` are UTF-8 byte offsets, ``char_start``/``char_end`` code point offsets
    (Python ``str`` indices: ``text[m["char_start"]:m["char_end"]] == m["text"]``),
    ``utf16_start``/``utf16_end`` UTF-16 code unit offsets, all half-open. ``kind`` is
    company, brand, country, region or a kind of a user's gazetteer; ``entity`` the stable id
    (``iso:NO``, a Wikidata id such as ``Q1776022``, ``isin:…``); ``name`` the canonical
    name; ``alias`` the alias matched;
    ``form`` plain, genitive, inflected, compound, domain or part; ``case`` exact or folded;
    ``language`` the language read (nb, nn, da, sv, fi, is, en or und). ``alternatives`` (the
    other entities of an ambiguous alias) and ``attributes`` (a user's ``x-`` attributes) are
    present only when not empty, as in the JSON.
    """

    alternatives: List[Alternative]
    attributes: Dict[str, str]


def iter_tag_jsonl(
    lines: Iterable[Union[str, bytes]],
    chunk_lines: int = 2048,
    args: Optional[List[str]] = None,
) -> Iterator[str]:
    """Yields ``tag_jsonl``'s output lines for ``lines``, tagging ``chunk_lines`` at a time.

    The streaming form of :func:`tag_jsonl_lines` for input of any length (a Spark partition,
    a file): memory holds one chunk. Each line gives one output line (``{"id", "mentions"}``
    or ``{"id", "error"}``) in order; blank lines give none, as in ``tag_jsonl``.
    """
    if chunk_lines < 1:
        raise ValueError("chunk_lines must be at least 1")
    it = iter(lines)
    while True:
        chunk = list(islice(it, chunk_lines))
        if not chunk:
            return
        yield from tag_jsonl_lines(chunk, args)
