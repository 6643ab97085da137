"""The package against the tag_jsonl binary: the same bytes for the same lines."""

import json
import subprocess
import sys

import pytest

import nordic_ner
from conftest import SHARED, run_tag_jsonl

MIXED = [
    b'{"id": 1, "text": "Alibaba blinker ut Norden, og Norges Komplett satser."}',
    b'{"id": "a", "text": "Nokian osake nousi, kertoo SAS:n tiedote. Gyldendal"}',
    b"not json at all",
    b'{"id": 3}',
    b'{"id": 4, "text": 5}',
    b'{"id": 18446744073709551616, "text": "Sverige"}',
    b"   ",
    b'{"id": 6, "text": "invalid \xff UTF-8"}',
    b'\xef\xbb\xbf{"id": 7, "text": "BOM first: Danmark"}',
    b'{"text": "no id: Island", "id": {"nested": [1, 2]}}',
    b'{"id": 9, "text": "lone \\ud800 surrogate in Norge"}',
    b"",
    b'{"id": 10, "text": "H&M:ss\xc3\xa4 ja Finnairille"}',
]


def test_tag_jsonl_lines_equals_the_binary(tag_jsonl_bin):
    expected = run_tag_jsonl(tag_jsonl_bin, b"\n".join(MIXED) + b"\n").decode().splitlines()
    assert len(expected) == len([line for line in MIXED if line.strip()])
    assert nordic_ner.tag_jsonl_lines(MIXED) == expected
    assert list(nordic_ner.iter_tag_jsonl(iter(MIXED), chunk_lines=3)) == expected
    assert any('"error"' in line for line in expected)


def test_tag_jsonl_lines_takes_the_binarys_options(tag_jsonl_bin):
    long = [b'{"id": 1, "text": "' + b"Norge " * 100 + b'"}', b'{"id": 2, "text": "Sverige"}']
    args = ["--max-line-bytes", "200"]
    expected = run_tag_jsonl(tag_jsonl_bin, b"\n".join(long) + b"\n", *args).decode().splitlines()
    assert "--max-line-bytes" in expected[0]
    assert nordic_ner.tag_jsonl_lines(long, args) == expected
    with pytest.raises(ValueError, match="unknown argument"):
        nordic_ner.tag_jsonl_lines(long, ["--bogus"])
    with pytest.raises(TypeError):
        nordic_ner.tag_jsonl_lines("one string")


def test_tag_jsonl_lines_without_the_binary():
    out = nordic_ner.tag_jsonl_lines(['{"id": 1, "text": "Norge"}', "{bad", ""])
    assert len(out) == 2
    assert json.loads(out[0])["mentions"][0]["entity"] == "iso:NO"
    assert json.loads(out[1])["error"].startswith("invalid JSON")


def corpus_lines(path):
    """score.py's JSONL input for a corpus of the evaluation kit."""
    done = subprocess.run(
        [sys.executable, str(SHARED / "eval/score.py"), "texts", str(path)],
        capture_output=True,
        check=True,
    )
    return done.stdout.splitlines()


def test_batch_json_equals_the_binary_on_a_dev_corpus(tag_jsonl_bin):
    corpus = SHARED / "eval/corpora/no_bokmaal-ud-dev.conllu"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is not here (the evaluation kit lives in ../shared)")
    lines = corpus_lines(corpus)
    expected = run_tag_jsonl(tag_jsonl_bin, b"\n".join(lines) + b"\n").decode().splitlines()
    docs = [json.loads(line) for line in lines]
    mentions = nordic_ner.Tagger().tag_batch_json([d["text"] for d in docs], threads=2)
    assert len(expected) == len(docs) > 1000
    for doc, json_mentions, line in zip(docs, mentions, expected):
        assert line == '{"id":' + json.dumps(doc["id"]) + ',"mentions":' + json_mentions + "}"
    assert nordic_ner.tag_jsonl_lines(lines) == expected
