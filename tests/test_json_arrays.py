"""A JSON array is read element by element: each element is its own item with its own line, a
JSON-level defect is a finding on that element only, and memory does not grow with the array."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from wipo_bc_standard import sources
from wipo_bc_standard.api import validate
from wipo_bc_standard.sources import iter_items

# Elements that are hard to delimit: brackets, braces, commas and escaped quotes inside strings,
# nesting deeper than the compiled pattern follows, scalars, empty containers, non-ASCII text.
_TRICKY = [
    {"recordId": "x, ] \" [ {", "a": {"b": [1, {"c": "}"}]}},
    "a string, with ] and \\ and \"",
    12.5, None, True, [], {}, [[[]]],
    {"d": [[[[[[[[[[[["deep"]]]]]]]]]]]]},
    {"t": "中文 \u2028 é", "n": -0.5e3},
]


def _items(path: Path) -> list[sources.Item]:
    return list(iter_items([path]))


@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 22])
def test_elements_and_lines_whatever_the_chunk(chunk: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(chunk)
    docs = [rng.choice(_TRICKY) for _ in range(60)]
    path = tmp_path / "array.json"
    path.write_text(json.dumps(docs, indent=rng.choice([None, 1, 2]), ensure_ascii=False), encoding="utf-8")
    # The line each element starts on, from the same text through Python's own decoder.
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    lines, pos = [], text.index("[") + 1
    for _ in docs:
        while text[pos] in " \n,":
            pos += 1
        lines.append(text.count("\n", 0, pos) + 1)
        pos = decoder.raw_decode(text, pos)[1]
    monkeypatch.setattr(sources, "ARRAY_CHUNK", chunk)
    items = _items(path)
    assert [item.doc for item in items] == docs
    assert [item.index for item in items] == list(range(len(docs)))
    assert [item.line for item in items] == lines
    assert all(item.error is None for item in items)


def test_a_defect_is_a_finding_on_its_element_only(tmp_path: Path) -> None:
    count = 100_000
    elements = [b'{"recordId": "urn:uuid:%d", "n": %d}' % (n, n) for n in range(count)]
    elements[73_210] = b'{"recordId": "urn:uuid:73210", "recordId": "again"}'
    elements[80_000] = b'{"n": 9007199254740993}'
    path = tmp_path / "big.json"
    path.write_bytes(b"[\n" + b",\n".join(elements) + b"\n]\n")
    items = _items(path)
    assert len(items) == count
    bad = [(item.index, item.line, item.error.rule) for item in items if item.error is not None]
    assert bad == [(73_210, 73_212, "json.duplicate-key"), (80_000, 80_002, "json.number-range")]


def test_an_array_that_breaks_keeps_the_items_before_it(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"a": 1},\n {"b": 2},\n {"c": "unterminated}\n]')
    items = _items(path)
    assert [item.doc for item in items[:2]] == [{"a": 1}, {"b": 2}]
    assert items[2].index == 2 and items[2].error is not None and items[2].error.rule == "json.syntax"
    trailing = tmp_path / "trailing.json"
    trailing.write_text('[{"a": 1}] {"b": 2}')
    items = _items(trailing)
    assert items[0].doc == {"a": 1} and items[1].error is not None and items[1].error.rule == "json.syntax"
    assert [i.doc for i in _items(_write(tmp_path, " [ ] "))] == []


def test_an_array_that_breaks_early_is_scanned_once_not_once_per_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An element that never closes (one '{' too many) is scanned on as the file is read, never
    again from its start: the tokens seen grow with the file, not with the file times its reads."""
    elements = [b'{"a": {"open": 1}'] + [b'{"n": %d, "s": "x,y"}' % n for n in range(20_000)]
    path = tmp_path / "broken.json"
    path.write_bytes(b"[\n" + b",\n".join(elements) + b"\n]\n")
    monkeypatch.setattr(sources, "ARRAY_CHUNK", 4096)  # about a hundred reads
    tokens = 0
    real = sources._ARRAY_TOKENS

    class Counting:
        def finditer(self, data: bytes, pos: int):  # type: ignore[no-untyped-def]
            nonlocal tokens
            for token in real.finditer(data, pos):
                tokens += 1
                yield token

    monkeypatch.setattr(sources, "_ARRAY_TOKENS", Counting())
    items = _items(path)
    assert [item.error.rule for item in items if item.error is not None] == ["json.syntax"]
    in_file = sum(1 for _ in real.finditer(path.read_bytes()))
    assert tokens <= in_file * 1.01  # a string cut by the end of a read is scanned again (was 64x)


def test_elements_as_deep_as_the_document_limit_allows(tmp_path: Path) -> None:
    from wipo_bc_standard.jsontext import MAX_DEPTH
    ok = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    too_deep = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    items = _items(_write(tmp_path, f"[{ok}, {too_deep}]"))
    assert items[0].error is None
    assert items[1].error is not None and items[1].error.rule == "json.depth"


def test_an_array_in_bytes_is_read_the_same_way() -> None:
    report = validate(b'[{"recordId": "a", "recordId": "b"}, {"recordId": "c"}]')
    assert report.summary.items == 2
    assert [f.rule for f in report.items[0].findings] == ["json.duplicate-key"]
    assert "json.duplicate-key" not in [f.rule for f in report.items[1].findings]


def _write(folder: Path, text: str) -> Path:
    path = folder / "a.json"
    path.write_text(text)
    return path
