"""The docstrings' examples and the README's Python examples run as written."""

import doctest
import re

import pytest

import nordic_ner
from conftest import REPO, spacy_or_skip


def test_package_docstring_examples():
    result = doctest.testmod(nordic_ner, raise_on_error=False)
    assert result.attempted > 0 and result.failed == 0


def test_spacy_component_docstring_examples():
    spacy_or_skip()
    from nordic_ner import spacy_component

    result = doctest.testmod(spacy_component, raise_on_error=False)
    assert result.attempted > 0 and result.failed == 0


def readme_python_blocks():
    """The ```python blocks of the README's Python section that need neither Spark nor Dask
    (examples/spark_check.py and examples/dask_check.py run those recipes)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    spark_or_dask = ("pyspark", "mapInArrow", "sc.textFile", "dask")
    return [b for b in blocks if not any(word in b for word in spark_or_dask)]


def test_readme_python_examples_run():
    blocks = readme_python_blocks()
    assert len(blocks) >= 2
    for block in blocks:
        if "spacy" in block:
            spacy_or_skip()
        exec(compile(block, "README.md", "exec"), {})
