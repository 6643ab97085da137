"""The spaCy component on blank pipelines with the seed article."""

import pytest

from conftest import spacy_or_skip

spacy = spacy_or_skip()
from spacy.tokens import Doc, Span  # noqa: E402

import nordic_ner  # noqa: E402


def gold_spans(gold):
    return [(g["char_start"], g["char_end"], g["text"], [g["kind"], *g["also"]]) for g in gold]


@pytest.mark.parametrize("lang", ["nb", "sv", "fi"])
def test_seed_article_spans_equal_gold(lang, seed):
    text, gold = seed
    nlp = spacy.blank(lang)
    nlp.add_pipe("nordic_ner")  # through the spacy_factories entry point
    doc = nlp(text)
    spans = doc.spans["nordic_ner"]
    assert len(spans) == len(gold) == 35
    for span, (start, end, g_text, kinds) in zip(spans, gold_spans(gold)):
        assert (span.start_char, span.end_char, span.text) == (start, end, g_text)
        assert span.label_ in kinds
    ids = [m["entity"] for m in nordic_ner.tag(text)]
    assert [s.kb_id_ for s in spans] == ids
    # No mention of the seed overlaps another, so every one is an entity too.
    assert [(e.start_char, e.end_char, e.label_, e.kb_id_) for e in doc.ents] == [
        (s.start_char, s.end_char, s.label_, s.kb_id_) for s in spans
    ]


def test_pipe_equals_call(seed):
    text, _ = seed
    nlp = spacy.blank("nb")
    nlp.add_pipe("nordic_ner")
    texts = [text, "", "Norge og Sverige.", text[:500]]

    def spans(doc):
        return [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans["nordic_ner"]]

    one = [spans(nlp(t)) for t in texts]
    batch = [spans(doc) for doc in nlp.pipe(texts, batch_size=2)]
    assert batch == one
    assert len(one[0]) == 35 and one[1] == []


def test_config_key_options_and_existing_ents():
    nlp = spacy.blank("nb")
    nlp.add_pipe(
        "nordic_ner",
        config={"spans_key": "sc", "options": {"kinds": ["country"], "genitives": False}},
    )
    doc = nlp.make_doc("Equinor selger gass fra Norges felt til Tyskland og Polen.")
    # An entity set before the component stays; the mention over it goes to spans only.
    doc.ents = [Span(doc, 9, 10, label="GPE")]  # Polen
    doc = nlp.get_pipe("nordic_ner")(doc)
    assert [(s.text, s.label_) for s in doc.spans["sc"]] == [("Tyskland", "country"), ("Polen", "country")]
    assert [(e.text, e.label_) for e in doc.ents] == [("Tyskland", "country"), ("Polen", "GPE")]


def test_no_ents_when_set_ents_is_off():
    nlp = spacy.blank("sv")
    nlp.add_pipe("nordic_ner", config={"set_ents": False})
    doc = nlp("IKEA öppnar i Norge.")
    assert [s.text for s in doc.spans["nordic_ner"]] == ["IKEA", "Norge"]
    assert doc.ents == ()


def test_mention_inside_a_token():
    """A tokenizer that keeps "Alibaba-sjefen" whole: expand gives the whole token, contract
    and strict leave the mention out. USA:s, three tokens in spaCy's Norwegian, is one span."""
    text = "Alibaba-sjefen besøkte Norge."
    words = ["Alibaba-sjefen", "besøkte", "Norge", "."]
    found = nordic_ner.Tagger().spans(text)
    assert found[0][:2] == (0, 7)  # the mention is "Alibaba" alone
    for mode, expected in [
        ("expand", [("Alibaba-sjefen", "company"), ("Norge", "country")]),
        ("contract", [("Norge", "country")]),
        ("strict", [("Norge", "country")]),
    ]:
        nlp = spacy.blank("nb")
        component = nlp.add_pipe("nordic_ner", config={"alignment_mode": mode})
        doc = component(Doc(nlp.vocab, words=words, spaces=[True, True, False, False]))
        assert [(s.text, s.label_) for s in doc.spans["nordic_ner"]] == expected
    # spaCy's Nordic tokenizers keep the compound whole too; the English one splits it.
    for lang, head in [("nb", "Alibaba-sjefen"), ("sv", "Alibaba-sjefen"), ("en", "Alibaba")]:
        nlp = spacy.blank(lang)
        nlp.add_pipe("nordic_ner")
        doc = nlp(text)
        assert doc.spans["nordic_ner"][0].text == head
    nlp = spacy.blank("nb")
    nlp.add_pipe("nordic_ner")
    doc = nlp("Salget i USA:s marked.")
    assert [(s.text, len(s)) for s in doc.spans["nordic_ner"]] == [("USA:s", 3)]


def test_bad_alignment_mode():
    nlp = spacy.blank("nb")
    with pytest.raises(ValueError, match="alignment_mode"):
        nlp.add_pipe("nordic_ner", config={"alignment_mode": "sideways"})


def test_bad_tagger_option_in_config():
    nlp = spacy.blank("nb")
    with pytest.raises(ValueError, match="kinds"):
        nlp.add_pipe("nordic_ner", config={"options": {"kinds": ["Not A Kind"]}})


def test_saved_pipeline_loads_with_the_component(tmp_path):
    nlp = spacy.blank("da")
    nlp.add_pipe("nordic_ner", config={"spans_key": "nn", "options": {"kinds": ["country"]}})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["nordic_ner"]
    doc = loaded("Mærsk sejler fra Danmark til Norge.")
    assert [(s.text, s.label_, s.kb_id_) for s in doc.spans["nn"]] == [
        ("Danmark", "country", "iso:DK"),
        ("Norge", "country", "iso:NO"),
    ]
