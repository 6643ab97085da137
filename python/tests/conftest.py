"""Shared fixtures: the repository, the evaluation kit beside it, the tag_jsonl binary."""

import json
import os
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
# CI clones the repository next to shared/ (the evaluation kit with the seed article).
SHARED = Path(os.environ.get("NORDIC_NER_SHARED", REPO.parent / "shared"))
IN_CI = bool(os.environ.get("CI"))


def seed_paths():
    """The seed article and its gold mentions: ../shared/seed/, else the repository's copy
    (tests/data/alibaba_norden.gold.json is the same file)."""
    seed = SHARED / "seed"
    golds = sorted(seed.glob("*.gold.json")) if seed.is_dir() else []
    if golds:
        gold = golds[0]
        text = seed / json.loads(gold.read_text(encoding="utf-8"))["file"]
        return text, gold
    return REPO / "examples/data/alibaba_norden.txt", REPO / "tests/data/alibaba_norden.gold.json"


@pytest.fixture(scope="session")
def seed():
    text_path, gold_path = seed_paths()
    text = text_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["mentions"]
    return text, gold


@pytest.fixture(scope="session")
def tag_jsonl_bin():
    """The tag_jsonl example binary: $NORDIC_NER_TAG_JSONL, or target/release/examples/tag_jsonl
    (CI builds it: cargo build --release --features serde --example tag_jsonl)."""
    path = Path(
        os.environ.get("NORDIC_NER_TAG_JSONL", REPO / "target/release/examples/tag_jsonl")
    )
    if not path.is_file():
        if IN_CI:
            pytest.fail(f"{path} is missing: .ci/run builds it before pytest")
        pytest.skip(
            f"{path} not built (cargo build --release --features serde --example tag_jsonl)"
        )
    return path


def run_tag_jsonl(binary, data: bytes, *args: str) -> bytes:
    done = subprocess.run(
        [str(binary), "--quiet", *args], input=data, capture_output=True, check=True
    )
    return done.stdout


def spacy_or_skip():
    """spaCy, or a skip where it is not installed (CI installs it: there a missing spaCy fails)."""
    if IN_CI:
        import spacy  # noqa: F401  (fails the test under CI when missing)

        return spacy
    return pytest.importorskip("spacy", reason="spaCy is not installed (pip install './python[spacy]')")
