"""Property tests of every reader and of canonicalisation: whatever the bytes, no exception escapes,
items in equal items reported, and the checks never fail on an item (``internal.error``)."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import rfc8785
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wipo_bc_standard import jcs, safe_io
from wipo_bc_standard.engine import Checker
from wipo_bc_standard.sources import Item, items_of_bytes, items_of_lines

from ..conftest import EXAMPLES

settings.register_profile("ci", max_examples=40, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("fuzz", max_examples=100_000, deadline=None,
                          suppress_health_check=list(HealthCheck))
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

#: JSON values, numbers of every size and strings with control characters included.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=12), inner, max_size=6),
    max_leaves=30)


def _seeds(*suffixes: str) -> list[bytes]:
    return [p.read_bytes() for p in sorted(EXAMPLES.rglob("*")) if p.suffix in suffixes and p.is_file()][:40]


def mutated(seeds: list[bytes]) -> st.SearchStrategy[bytes]:
    """A seed with a few bytes changed, cut, or repeated, or random bytes."""
    def mutate(seed: bytes, edits: list[tuple[int, int, int]]) -> bytes:
        data = bytearray(seed)
        for kind, at, value in edits:
            if not data:
                break
            at %= len(data)
            if kind == 0:
                data[at] = value
            elif kind == 1:
                del data[at:at + value % 16 + 1]
            else:
                data[at:at] = data[at:at + value % 32 + 1] * (value % 4 + 1)
        return bytes(data)

    edit = st.tuples(st.integers(0, 2), st.integers(0, 1 << 20), st.integers(0, 255))
    return st.one_of(st.builds(mutate, st.sampled_from(seeds), st.lists(edit, max_size=6)), st.binary(max_size=300))


_CHECKER = Checker(target="auto", profile="strict")


def _judged(items: list[Item]) -> None:
    for item in items:
        result = _CHECKER.check(item)
        assert not [f for f in result.findings if f.rule == "internal.error"], result.findings


@given(st.lists(json_values, max_size=8))
def test_a_json_array_is_its_elements(values: list[Any]) -> None:
    items = list(items_of_bytes("a.json", json.dumps(values).encode(), sniff=False))
    assert len(items) == len(values)
    _judged(items)


@given(st.lists(json_values, min_size=1, max_size=8), st.sampled_from([b"\n", b"\r\n", b"\r"]))
def test_ndjson_is_one_item_a_line_whatever_its_line_endings(values: list[Any], ending: bytes) -> None:
    data = ending.join(json.dumps(v).encode() for v in values) + ending
    items = list(items_of_lines("x.ndjson", safe_io.bounded_lines(io.BytesIO(data), 1 << 20)))
    assert len(items) == len(values)
    _judged(items)


@given(mutated(_seeds(".json", ".ndjson")))
def test_any_bytes_are_items_never_an_exception(data: bytes) -> None:
    items = list(items_of_bytes("x", data, sniff=True))
    assert items
    _judged(items)
    lines = list(items_of_lines("x.ndjson", safe_io.bounded_lines(io.BytesIO(data), 1 << 20)))
    segments = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    assert len(lines) == len(segments) - (1 if segments[-1] == b"" else 0)
    _judged(lines)


@given(mutated(_seeds(".xml")))
def test_xml_bytes_are_one_item(data: bytes) -> None:
    from wipo_bc_standard.formats import xml_form
    _judged([xml_form.item_from_bytes("x.xml", data)])


@given(mutated(_seeds(".jsonld")))
def test_jsonld_bytes_are_items(data: bytes) -> None:
    from wipo_bc_standard.formats import rdf_form
    items = list(rdf_form.items_from_jsonld("x.jsonld", data))
    assert items
    _judged(items)


@given(mutated(_seeds(".ttl")))
def test_turtle_bytes_are_items(data: bytes) -> None:
    from wipo_bc_standard.formats import rdf_form
    items = list(rdf_form.items_from_turtle("x.ttl", data))
    assert items
    _judged(items)


_LEDGER_SEEDS = [p.read_bytes()[:20_000] for p in sorted((Path(__file__).parents[1] / "fixtures" / "ledgers").rglob("*"))
                 if p.suffix in (".json", ".ndjson")]


@given(mutated(_LEDGER_SEEDS), st.sampled_from(["evm", "fabric", "multichain"]), st.sampled_from([".json", ".ndjson"]))
def test_ledger_exports_never_raise(data: bytes, kind: str, suffix: str) -> None:
    import tempfile

    from wipo_bc_standard.ledgers import open_reader
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"export{suffix}"
        path.write_bytes(data)
        items = list(open_reader(kind, chain="c").read([path]))
    _judged(items)


@given(json_values)
def test_canonicalisation_is_rfc8785_or_a_clear_refusal(value: Any) -> None:
    try:
        ours = jcs.canonicalize(value)
    except jcs.CanonicalizationError:
        return
    assert ours == rfc8785.dumps(value)
