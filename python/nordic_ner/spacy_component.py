"""The spaCy component ``nordic_ner``: mentions as entity spans on any tokenizer.

>>> import spacy
>>> nlp = spacy.blank("nb")
>>> _ = nlp.add_pipe("nordic_ner")          # found through the spacy_factories entry point
>>> doc = nlp("Alibaba satser i Norden, og Norges Komplett følger etter.")
>>> [(s.text, s.label_, s.kb_id_) for s in doc.spans["nordic_ner"]]
[('Alibaba', 'company', 'local:alibaba'), ('Norden', 'region', 'region:norden'), ('Norges', 'country', 'iso:NO'), ('Komplett', 'company', 'local:komplett')]

Each mention becomes a :class:`spacy.tokens.Span` with ``label_`` = the mention's kind
(company, brand, country, region, or a kind of your own) and ``kb_id_`` = its entity id,
in ``doc.spans[spans_key]`` (all of them, in text order), and with ``set_ents`` also in
``doc.ents`` where it does not overlap an entity already there (one set by an earlier
component, or an earlier mention of this one): existing entities are never changed.

Mentions are found on the text, not on the tokens, so the component works with any tokenizer
(``spacy.blank`` of any language, a trained pipeline, a whitespace tokenizer). A mention's
char offsets are mapped to tokens with ``Doc.char_span(..., alignment_mode=...)``:

- ``"expand"`` (the default): a mention that covers part of a token grows to the whole
  token. A tokenizer that keeps "Alibaba-sjefen" or "USA:s" as one token gives the span
  "Alibaba-sjefen" for the mention "Alibaba" (label and id are the mention's). The exact
  offsets are always in the mention (``Tagger.spans``/``Tagger.tag``).
- ``"contract"``: the span shrinks to the tokens wholly inside the mention; a mention inside
  a single token then has no span and is left out.
- ``"strict"``: only mentions whose edges fall on token edges give a span.

spaCy's Norwegian, Danish, Swedish and Finnish tokenizers keep a hyphen compound
("Alibaba-sjefen") as one token, so with ``"expand"`` the span of its head "Alibaba" (a mention
of form ``compound``) is the whole compound; the English tokenizer splits it. A mention of
several tokens ("USA:s" is three tokens in spaCy's Norwegian) is one span. Genitives
("Norges") and Finnish case forms ("Nokian") are mentions of the whole word anyway.
"""

from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import minibatch

from . import Tagger

_ALIGNMENT_MODES = ("expand", "contract", "strict")


@Language.factory(
    "nordic_ner",
    default_config={
        "spans_key": "nordic_ner",
        "set_ents": True,
        "alignment_mode": "expand",
        "options": {},
    },
)
def make_nordic_ner(
    nlp: Language,
    name: str,
    spans_key: str,
    set_ents: bool,
    alignment_mode: str,
    options: Dict[str, Any],
) -> "NordicNer":
    """Makes the component (``nlp.add_pipe("nordic_ner", config={...})``).

    :param spans_key: the key of ``doc.spans`` that receives the mentions.
    :param set_ents: also set ``doc.ents`` where the mentions do not clash with existing ones.
    :param alignment_mode: how char offsets map to tokens: expand, contract or strict.
    :param options: keyword arguments of :class:`nordic_ner.Tagger` (``kinds``, ``language``,
        ``gazetteer_files``, ...).
    """
    return NordicNer(
        name,
        spans_key=spans_key,
        set_ents=set_ents,
        alignment_mode=alignment_mode,
        options=options,
    )


class NordicNer:
    """Sets the tagger's mentions as spans (``doc.spans[spans_key]``) and entities."""

    def __init__(
        self,
        name: str = "nordic_ner",
        *,
        spans_key: str = "nordic_ner",
        set_ents: bool = True,
        alignment_mode: str = "expand",
        options: Optional[Dict[str, Any]] = None,
    ) -> None:
        if alignment_mode not in _ALIGNMENT_MODES:
            raise ValueError(
                f"alignment_mode {alignment_mode!r} is not one of {', '.join(_ALIGNMENT_MODES)}"
            )
        self.name = name
        self.spans_key = spans_key
        self.set_ents = set_ents
        self.alignment_mode = alignment_mode
        self.tagger = Tagger(**(options or {}))

    def __call__(self, doc: Doc) -> Doc:
        self._apply(doc, self.tagger.spans(doc.text))
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """Tags ``batch_size`` documents at a time (one call into Rust, without the GIL)."""
        for batch in minibatch(stream, size=batch_size):
            docs: List[Doc] = list(batch)
            found = self.tagger.spans_batch([doc.text for doc in docs])
            for doc, spans in zip(docs, found):
                self._apply(doc, spans or [])
                yield doc

    def _apply(self, doc: Doc, found: Sequence[Tuple[int, int, str, str]]) -> None:
        spans: List[Span] = []
        for char_start, char_end, kind, entity in found:
            span = doc.char_span(
                char_start,
                char_end,
                label=kind,
                kb_id=entity,
                alignment_mode=self.alignment_mode,
            )
            if span is not None:
                spans.append(span)
        doc.spans[self.spans_key] = spans
        if self.set_ents:
            taken = set()
            for ent in doc.ents:
                taken.update(range(ent.start, ent.end))
            new = []
            for span in spans:
                tokens = range(span.start, span.end)
                if not taken.intersection(tokens):
                    new.append(span)
                    taken.update(tokens)
            if new:
                doc.set_ents(new, default="unmodified")
