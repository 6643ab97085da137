"""Typed stubs of the extension module ``nordic_ner._nordic_ner`` (the package's
``__init__.py`` re-exports it and defines the ``Mention`` and ``Alternative`` types)."""

import os
from typing import Any, Iterable, List, Optional, Sequence, Tuple, Union

from nordic_ner import Mention

__version__: str

Span = Tuple[int, int, str, str]
"""``(char_start, char_end, kind, entity)``: a mention in the compact form of ``spans``."""

Texts = Union[Sequence[Optional[str]], Iterable[Optional[str]], Any]
"""A list, tuple or other iterable of ``str`` (``None``, NaN and ``pandas.NA`` are missing
texts), a pyarrow ``Array``/``ChunkedArray`` of strings (read through ``to_pylist()``) or a
pandas ``Series`` of strings."""

class GazetteerError(ValueError):
    """A gazetteer file is invalid or cannot be read; the message is the Rust crate's."""

    file: Optional[str]
    """The file (or source name) the problem is in."""
    line: Optional[int]
    """The 1-based line, when known."""
    column: Optional[int]
    """The 1-based column (field), when known."""

class BuildError(RuntimeError):
    """The tagger could not be compiled (the automaton exceeded its limits)."""

class Tagger:
    """A compiled tagger: the Rust ``TaggerBuilder``'s options over the builtin gazetteers
    and/or gazetteer files of your own (format: ``data/FORMAT.md`` in the repository).

    Compiling takes tens of milliseconds for the builtin data (``Tagger()`` with every default
    shares the builtin tagger and compiles nothing); build one and reuse it. A tagger is
    immutable and safe to share between threads.

    :param kinds: the kinds to find (``"company"``, ``"brand"``, ``"country"``, ``"region"``
        or a user's kind); ``None``: every kind.
    :param genitives: a name with a genitive ending is a mention ("Norges", "USA:s").
    :param case_endings: Finnish case forms of company and brand names ("Nokian").
    :param compounds: a name heading a hyphen compound ("Alibaba-sjefen") is a mention.
    :param default_case: the case rule of aliases without one: ``"any"`` or ``"exact"``.
    :param dfa: compile a DFA instead of an NFA.
    :param language: fix the language (nb, nn, da, sv, fi, is, en; ``no`` reads as nb;
        ``und`` for any other) instead of detecting it a sentence at a time.
    :param ordinary_words: an alias that is a common word of the language read needs a name's
        context.
    :param whole_names: read names whole ("Equinor ASA", "Google Flights").
    :param prefer_countries: ISO 3166-1 alpha-2 codes whose entities win an ambiguous alias.
    :param prefer_home_country: an ambiguous alias links to the entity at home in the language
        read.
    :param gazetteer_files: paths of gazetteer files added after the builtin data.
    :param builtin: include the builtin gazetteers.
    :param on_duplicate: ``"error"`` (a second definition of an id raises
        :class:`GazetteerError`) or ``"replace"`` (a later file corrects an entity).
    :raises GazetteerError: a gazetteer file is wrong or unreadable (with file and line).
    :raises ValueError: an option's value is not one of those listed.
    """

    def __init__(
        self,
        *,
        kinds: Optional[Sequence[str]] = None,
        genitives: bool = True,
        case_endings: bool = True,
        compounds: bool = True,
        default_case: str = "any",
        dfa: bool = False,
        language: Optional[str] = None,
        ordinary_words: bool = True,
        whole_names: bool = True,
        prefer_countries: Optional[Sequence[str]] = None,
        prefer_home_country: bool = True,
        gazetteer_files: Optional[Sequence[Union[str, os.PathLike[str]]]] = None,
        builtin: bool = True,
        on_duplicate: str = "error",
    ) -> None: ...
    def tag(self, text: str) -> List[Mention]:
        """The mentions of ``text``, in order, as dicts (the GIL is released while tagging)."""
    def spans(self, text: str) -> List[Span]:
        """The mentions of ``text`` as ``(char_start, char_end, kind, entity)`` tuples."""
    def tag_batch(self, texts: Texts, threads: int = 1) -> List[Optional[List[Mention]]]:
        """The mentions of each text, in order; ``None`` for a missing text.

        The texts are copied out of Python, tagged with the GIL released (on ``threads``
        threads; 0: every core; at most 256) and then turned into dicts.

        :raises TypeError: an item is neither a ``str`` nor missing, or ``texts`` is one ``str``.
        """
    def tag_batch_json(self, texts: Texts, threads: int = 1) -> List[Optional[str]]:
        """The mentions of each text as a JSON array, byte for byte what ``tag_jsonl`` writes
        after ``"mentions":``; ``None`` for a missing text. The cheapest form to store or
        send on (one ``str`` a text, built without the GIL)."""
    def spans_batch(self, texts: Texts, threads: int = 1) -> List[Optional[List[Span]]]:
        """The mentions of each text as ``(char_start, char_end, kind, entity)`` tuples;
        ``None`` for a missing text."""
    @property
    def pattern_count(self) -> int:
        """The number of patterns (aliases and plural stems) in the automaton."""

def tag(text: str) -> List[Mention]:
    """The mentions of ``text`` with the builtin tagger (compiled once, on first use)."""

def tag_jsonl_lines(
    lines: Iterable[Union[str, bytes]], args: Optional[List[str]] = None
) -> List[str]:
    """The ``tag_jsonl`` command in process, with the builtin tagger: each line
    ``{"id", "text"}`` gives one output line (without its line ending), byte for byte what the
    command writes: ``{"id", "mentions"}``, or ``{"id", "error"}`` for a line that is not JSON,
    not UTF-8 or has no string ``text``. Blank lines give none (as in the command); a line
    break inside an item splits it into two lines. ``args`` are the command's options
    (``["--max-line-bytes", "1000000"]``, ``["--threads", "2"]``).

    :raises ValueError: an unknown option.
    :raises TypeError: an item is neither ``str`` nor ``bytes``.
    """

def fold(text: str) -> str:
    """The form in which the tagger compares text with aliases (lowercase, composed, ...)."""

def detect_language(text: str) -> str:
    """The language of ``text`` by the builtin model: nb, nn, da, sv, fi, is, en or und."""
