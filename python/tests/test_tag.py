"""The package's tagging API: fields, options, errors, batches, threads."""

import json
import threading
import time

import pytest

import nordic_ner
from nordic_ner import GazetteerError, Tagger

FIELDS = [
    "start", "end", "char_start", "char_end", "utf16_start", "utf16_end", "text", "kind",
    "entity", "name", "alias", "form", "case", "language",
]

TEXTS = [
    "Alibaba blinker ut Norden, og Norges Komplett satser.",
    "Nokian osake nousi, kertoo SAS:n tiedote.",
    "Gyldendal udgiver bogen i Danmark.",
    "H&M och IKEA öppnar i USA:s största städer. 😀 Equinor ASA",
    "",
    "Ingen navn her.",
]


def test_tag_gives_the_json_fields_in_order():
    text = "Norges eksport til Sverige 😀 og Tyskland."
    found = nordic_ner.tag(text)
    assert [m["text"] for m in found] == ["Norges", "Sverige", "Tyskland"]
    assert [m["entity"] for m in found] == ["iso:NO", "iso:SE", "iso:DE"]
    for m in found:
        assert list(m) == FIELDS
        # char offsets are Python str indices; byte and UTF-16 offsets index the encodings.
        assert text[m["char_start"]:m["char_end"]] == m["text"]
        assert text.encode()[m["start"]:m["end"]].decode() == m["text"]
        utf16 = text.encode("utf-16-le")
        assert utf16[2 * m["utf16_start"]:2 * m["utf16_end"]].decode("utf-16-le") == m["text"]
    assert found[0]["form"] == "genitive"
    assert found[0]["name"] == "Norway"
    # After the emoji, the three kinds of offset differ.
    last = found[2]
    assert (last["start"], last["char_start"], last["utf16_start"]) == (35, 32, 33)


def test_default_tagger_is_the_builtin_one():
    assert repr(Tagger()) == "Tagger()"
    for text in TEXTS:
        assert Tagger().tag(text) == nordic_ner.tag(text)


def test_alternatives_are_listed_as_in_the_json():
    m = nordic_ner.tag("Gyldendal gir ut boka i Norge i høst.")[0]
    assert m["entity"] == "isin:NO0004288200"
    assert m["alternatives"] == [
        {"entity": "isin:DK0010247527", "kind": "company", "name": "Gyldendal"}
    ]


def test_options():
    text = "Norges og Sveriges eksport, sa Equinor-sjefen i Finland."
    countries = Tagger(kinds=["country"], genitives=False)
    assert [m["text"] for m in countries.tag(text)] == ["Finland"]
    assert "Equinor" in [m["text"] for m in Tagger().tag(text)]
    assert "Equinor" not in [m["text"] for m in Tagger(compounds=False).tag(text)]
    fi = Tagger(language="fi")
    found = fi.tag("Asia on selvä: Nokian tulos parani.")
    assert [(m["text"], m["language"]) for m in found] == [("Nokian", "fi")]
    assert Tagger(case_endings=False, language="fi").tag("Nokian tulos parani.") == []
    assert repr(countries) == 'Tagger(kinds=["country"], genitives=False)'


def test_prefer_countries():
    text = "Gyldendal opened an office in London."
    assert nordic_ner.tag(text)[0]["entity"] == "isin:DK0010247527"
    assert Tagger(prefer_countries=["no"]).tag(text)[0]["entity"] == "isin:NO0004288200"


def test_users_gazetteer_file(tmp_path):
    mine = tmp_path / "people.tsv"
    mine.write_text(
        "@kind\tperson\nuser:ola\tperson\tOla Nordmann\tx-role=CEO\n\tNordmann\tcase=exact\n",
        encoding="utf-8",
    )
    tagger = Tagger(gazetteer_files=[mine])
    found = tagger.tag("Nordmann leder Equinor.")
    assert [(m["text"], m["kind"], m["entity"]) for m in found] == [
        ("Nordmann", "person", "user:ola"),
        ("Equinor", "company", "Q1776022"),
    ]
    assert found[0]["attributes"] == {"x-role": "CEO"}
    only_mine = Tagger(gazetteer_files=[str(mine)], builtin=False)
    assert [m["text"] for m in only_mine.tag("Nordmann leder Equinor.")] == ["Nordmann"]
    # The dicts are the JSON output, attributes included.
    assert json.loads(tagger.tag_batch_json(["Nordmann leder Equinor."])[0]) == found


def test_bad_gazetteer_file_raises_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("user:a\tcompany\tAcme\nuser:b\tplanet\tMars\n", encoding="utf-8")
    with pytest.raises(GazetteerError) as err:
        Tagger(gazetteer_files=[bad])
    assert isinstance(err.value, ValueError)
    assert err.value.file == str(bad)
    assert err.value.line == 2
    assert f"{bad}:2" in str(err.value)
    assert "unknown kind \"planet\"" in str(err.value)
    with pytest.raises(GazetteerError, match="cannot read") as err:
        Tagger(gazetteer_files=[tmp_path / "missing.tsv"])
    assert err.value.line is None


def test_duplicate_ids_and_replace(tmp_path):
    fix = tmp_path / "fix.tsv"
    fix.write_text("iso:NO\tcountry\tNoreg\n\tNoreg\n", encoding="utf-8")
    with pytest.raises(GazetteerError, match="duplicate id"):
        Tagger(gazetteer_files=[fix])
    replaced = Tagger(gazetteer_files=[fix], on_duplicate="replace")
    assert [m["name"] for m in replaced.tag("Noreg og Norge")] == ["Noreg"]


@pytest.mark.parametrize(
    "options, message",
    [
        ({"kinds": ["Not A Kind"]}, "kinds: bad kind name"),
        ({"language": "de"}, "language: \"de\""),
        ({"default_case": "upper"}, "default_case"),
        ({"prefer_countries": ["Norway"]}, "prefer_countries"),
        ({"on_duplicate": "ignore"}, "on_duplicate"),
    ],
)
def test_bad_options_raise_value_error(options, message):
    with pytest.raises(ValueError, match=message):
        Tagger(**options)


def test_bad_arguments_raise_type_error():
    with pytest.raises(TypeError):
        Tagger(kinds="country")  # a str is not a list of kinds
    with pytest.raises(TypeError):
        Tagger(genitives=True, unknown=1)
    with pytest.raises(TypeError, match="one str"):
        Tagger().tag_batch("Norge")
    with pytest.raises(TypeError, match="text 1 is a int"):
        Tagger().tag_batch(["Norge", 5])
    with pytest.raises(TypeError):
        nordic_ner.tag(None)


def test_hostile_text_does_not_raise():
    for text in ["\ud800 lone surrogate", "\0" * 1000, "Norge" * 10000, "-" * 100000, "\u0301" * 5000]:
        try:
            found = nordic_ner.tag(text)
        except UnicodeEncodeError:
            assert "\ud800" in text  # a str that is not Unicode cannot be passed to Rust
            continue
        assert isinstance(found, list)


def test_batch_equals_one_at_a_time():
    tagger = Tagger()
    expected = [tagger.tag(t) for t in TEXTS]
    assert tagger.tag_batch(TEXTS) == expected
    assert tagger.tag_batch(tuple(TEXTS)) == expected
    assert tagger.tag_batch(iter(TEXTS)) == expected
    assert tagger.tag_batch(TEXTS * 7, threads=3) == expected * 7
    assert tagger.tag_batch(TEXTS * 7, threads=0) == expected * 7
    assert tagger.tag_batch([]) == []
    assert tagger.tag_batch(TEXTS, threads=10**6) == expected  # at most 256 threads, one a text
    with pytest.raises(OverflowError):
        tagger.tag_batch(TEXTS, threads=-1)
    spans = [[(m["char_start"], m["char_end"], m["kind"], m["entity"]) for m in ms] for ms in expected]
    assert tagger.spans_batch(TEXTS) == spans
    assert [tagger.spans(t) for t in TEXTS] == spans
    assert [json.loads(j) for j in tagger.tag_batch_json(TEXTS, threads=2)] == expected


def test_missing_texts_give_none():
    tagger = Tagger()
    assert tagger.tag_batch(["Norge", None, float("nan")])[1:] == [None, None]
    assert tagger.spans_batch([None]) == [None]
    assert tagger.tag_batch_json([None, "x"]) == [None, "[]"]


def test_arrow_and_pandas_columns():
    pa = pytest.importorskip("pyarrow")
    pd = pytest.importorskip("pandas")
    tagger = Tagger()
    expected = tagger.tag_batch(TEXTS + [None])
    assert tagger.tag_batch(pa.array(TEXTS + [None])) == expected
    assert tagger.tag_batch(pa.chunked_array([TEXTS[:2], TEXTS[2:] + [None]])) == expected
    assert tagger.tag_batch(pd.Series(TEXTS + [None])) == expected
    assert tagger.tag_batch(pd.Series(TEXTS + [None], dtype="string")) == expected
    assert tagger.tag_batch(pd.Series(TEXTS + [None], dtype=object)) == expected


def test_batch_releases_the_gil():
    """While one thread tags a large batch, another runs Python code all along."""
    texts = ["Alibaba blinker ut Norden, og Norges Komplett satser i Europa. " * 20] * 3000
    tagger = Tagger()
    tagger.tag_batch(texts[:10])  # compiled and warm
    done = threading.Event()
    spans = []

    def work():
        spans.append(tagger.spans_batch(texts))
        done.set()

    ticks = 0
    worker = threading.Thread(target=work)
    start = time.perf_counter()
    worker.start()
    while not done.is_set():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    elapsed = time.perf_counter() - start
    assert len(spans[0]) == len(texts)
    # Holding the GIL for the whole call would leave this thread a handful of ticks at most;
    # released, it ticks about once a millisecond (a tenth of that is asked, for busy machines).
    assert elapsed > 0.05, "the batch should take long enough to see"
    assert ticks >= max(20, 0.1 * elapsed / 0.001), (ticks, elapsed)


def test_threads_tag_in_parallel_and_agree():
    texts = [t for t in TEXTS if t] * 200
    tagger = Tagger()
    expected = tagger.tag_batch_json(texts)
    results = [None] * 4

    def work(i):
        results[i] = tagger.tag_batch_json(texts)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_fold_and_detect_language():
    assert nordic_ner.fold("  Fja\u0308llra\u0308ven\u00a0AB ") == "fjällräven ab"
    assert nordic_ner.detect_language("Dette er en norsk setning om været i dag.") == "nb"
    assert nordic_ner.detect_language("Tämä on suomenkielinen lause säästä tänään.") == "fi"
