"""RFC 8785 canonicalisation and digests: exact bytes, the fast path's equality with the exact one, the CLI.

The RFC examples below are written out from RFC 8785 (sections 3.2.2 and 3.2.3, Appendix B);
the ES6 edge cases from ECMA-262, Number::toString (section 6.1.6.1.20).
"""

from __future__ import annotations

import hashlib
import json
import random
import struct
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wipo_bc_standard import jcs
from wipo_bc_standard.cli import main

TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata" / "jcs"


def needs_testdata() -> Path:
    if not TESTDATA.is_dir():
        pytest.skip(f"third-party JCS vectors not present at {TESTDATA}")
    return TESTDATA


# --- RFC 8785 examples -------------------------------------------------------------------------

def test_rfc8785_section_3_2_2_sample() -> None:
    text = ('{\n  "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n'
            '  "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n'
            '  "literals": [null, true, false]\n}')
    expected = ('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
                '"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}').encode("utf-8")
    assert jcs.canonicalize(json.loads(text)) == expected


def test_rfc8785_section_3_2_3_sorts_keys_by_utf16_code_units() -> None:
    doc = {"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
           "1": "One", "\U0001f600": "Emoji: Grinning Face", "\u0080": "Control",
           "\u00f6": "Latin Small Letter O With Diaeresis"}
    order = [json.loads(b"[" + part.split(b":", 1)[1] + b"]")[0]
             for part in jcs.canonicalize(doc)[1:-1].split(b",")]
    # RFC 8785, 3.2.3: 000d, 0031, 0080, 00f6, 20ac, d83d de00, fb33 (the emoji before U+FB33).
    assert order == ["Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign",
                     "Emoji: Grinning Face", "Hebrew Letter Dalet With Dagesh"]


# RFC 8785, Appendix B: IEEE 754 bit pattern -> JCS serialisation.
APPENDIX_B = [
    ("0000000000000000", "0"), ("8000000000000000", "0"), ("0000000000000001", "5e-324"),
    ("8000000000000001", "-5e-324"), ("7fefffffffffffff", "1.7976931348623157e+308"),
    ("ffefffffffffffff", "-1.7976931348623157e+308"), ("4340000000000000", "9007199254740992"),
    ("c340000000000000", "-9007199254740992"), ("4430000000000000", "295147905179352830000"),
    ("44b52d02c7e14af5", "9.999999999999997e+22"), ("44b52d02c7e14af6", "1e+23"),
    ("44b52d02c7e14af7", "1.0000000000000001e+23"), ("444b1ae4d6e2ef4e", "999999999999999700000"),
    ("444b1ae4d6e2ef4f", "999999999999999900000"), ("444b1ae4d6e2ef50", "1e+21"),
    ("3eb0c6f7a0b5ed8c", "9.999999999999997e-7"), ("3eb0c6f7a0b5ed8d", "0.000001"),
    ("41b3de4355555553", "333333333.3333332"), ("41b3de4355555554", "333333333.33333325"),
    ("41b3de4355555555", "333333333.3333333"), ("41b3de4355555556", "333333333.3333334"),
    ("41b3de4355555557", "333333333.33333343"), ("becbf647612f3696", "-0.0000033333333333333333"),
    ("43143ff3c1cb0959", "1424953923781206.2"),
]


def _double(bits: str) -> float:
    return float(struct.unpack(">d", bytes.fromhex(bits.zfill(16)))[0])


@pytest.mark.parametrize(("bits", "expected"), APPENDIX_B)
def test_rfc8785_appendix_b_numbers(bits: str, expected: str) -> None:
    assert jcs.canonicalize(_double(bits)) == expected.encode()


@pytest.mark.parametrize("bits", ["7fffffffffffffff", "7ff0000000000000", "fff0000000000000"])
def test_rfc8785_appendix_b_nan_and_infinity_are_refused(bits: str) -> None:
    with pytest.raises(jcs.CanonicalizationError):
        jcs.canonicalize([_double(bits)])


# --- ES6 Number::toString edge cases -----------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    (-0.0, "0"), (0.0, "0"), (1.0, "1"), (-1.5, "-1.5"), (0.1, "0.1"),
    (1e21, "1e+21"), (1e20, "100000000000000000000"), (123456789012345680000.0, "123456789012345680000"),
    (1e-7, "1e-7"), (1e-6, "0.000001"), (1.5e-7, "1.5e-7"), (5e-324, "5e-324"),
    (2.0**53, "9007199254740992"), (2.0**53 + 2, "9007199254740994"), (1.7976931348623157e308, "1.7976931348623157e+308"),
    (1.23e-18, "1.23e-18"), (-1.5e300, "-1.5e+300"), (100.0, "100"), (0.5, "0.5"), (1e16, "10000000000000000"),
])
def test_es6_number_serialisation(value: float, expected: str) -> None:
    assert jcs.canonicalize(value) == expected.encode()


def test_integers_are_limited_to_the_exact_double_range() -> None:
    assert jcs.canonicalize([2**53 - 1, -(2**53 - 1)]) == b"[9007199254740991,-9007199254740991]"
    for too_big in (2**53, -(2**53), 2**64):
        with pytest.raises(jcs.CanonicalizationError):
            jcs.canonicalize({"n": too_big})


def test_lone_surrogates_and_non_string_keys_are_refused() -> None:
    for bad in ({"s": "\ud800"}, {1: "x"}):
        with pytest.raises(jcs.CanonicalizationError):
            jcs.canonicalize(bad)


# --- third-party vectors (cyberphone/json-canonicalization) ------------------------------------

def test_reference_vectors_input_output_outhex() -> None:
    root = needs_testdata()
    names = sorted(p.name for p in (root / "input").glob("*.json"))
    assert names
    for name in names:
        expected = (root / "output" / name).read_bytes()
        outhex = bytes.fromhex((root / "outhex" / name.replace(".json", ".txt")).read_text())
        got = jcs.canonicalize(json.loads((root / "input" / name).read_bytes()))
        assert got == expected == outhex, name


def test_es6_numbers_10k() -> None:
    lines = (needs_testdata() / "es6-numbers-10k.txt").read_text().splitlines()
    assert len(lines) == 10_000
    wrong = []
    for line in lines:
        bits, expected = line.split(",")
        if jcs.canonicalize(_double(bits)).decode() != expected:
            wrong.append(line)
    assert wrong == []


# --- the fast path ----------------------------------------------------------------------------

def test_orjson_escapes_every_code_point_as_jcs_does() -> None:
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert jcs.canonicalize_fast([text]) == jcs.canonicalize_exact([text])


def test_fast_path_is_taken_for_a_typical_record_and_declined_where_it_could_differ() -> None:
    record = json.loads((Path(__file__).parents[1] / "examples/ledger/valid/chain-20.ndjson").read_text().splitlines()[5])
    assert jcs.canonicalize_fast(record) == jcs.canonicalize_exact(record)
    for outside in ({"x": 1.0}, {"x": [2**53]}, {"\ue000": 1, "\U0001f600": 2}, {"x": True, "n": float("nan")}):
        assert jcs.canonicalize_fast(outside) is None
    # The key pair where UTF-8 and UTF-16 orders disagree: JCS puts the emoji (D83D DE00) first.
    assert jcs.canonicalize({"\ue000": 1, "\U0001f600": 2}) == '{"\U0001f600":2,"\ue000":1}'.encode()


_CHARS = ["a", "Z", "0", "_", " ", "\"", "\\", "/", "\x00", "\x1f", "\x7f", "\x80", "\u00f6", "\u2028", "\u2029",
          "\u20ac", "\u4e2d", "\ud7ff", "\ue000", "\uf8ff", "\ufb33", "\ufeff", "\uffff", "\U00010000",
          "\U0001f600", "\U0010ffff", "\n", "\r", "\t", "\b", "\f"]


_KEY_SAFE = [c for c in _CHARS if c < "\ue000"]


def _text(rng: random.Random, chars: list[str] = _CHARS) -> str:
    return "".join(rng.choice(chars) for _ in range(rng.randint(0, 6)))


def _value(rng: random.Random, depth: int, floats: bool, keys: list[str]) -> Any:
    kind = rng.randrange(10 if depth < 4 else 7)
    if kind == 0:
        return rng.choice([None, True, False])
    if kind == 1 or (kind == 2 and not floats):
        return rng.choice([0, 1, -1, 2**53 - 1, -(2**53 - 1), 2**31, rng.randint(-10**15, 10**15)])
    if kind == 2:
        return rng.choice([0.0, -0.0, 1.0, 0.1, 1e21, 1e-7, 5e-324, rng.uniform(-1e30, 1e30), rng.random()])
    if kind in (3, 4, 5, 6):
        return _text(rng)
    if kind in (7, 8):
        return {_text(rng, keys): _value(rng, depth + 1, floats, keys) for _ in range(rng.randint(0, 6))}
    return [_value(rng, depth + 1, floats, keys) for _ in range(rng.randint(0, 5))]


@pytest.mark.parametrize(("floats", "keys", "at_least"), [
    (True, _CHARS, 200),       # anything: the fast path must decline wherever it could differ
    (False, _KEY_SAFE, 4900),  # its own ground: every string, many keys to sort, no float
])
def test_fast_path_equals_exact_path_on_generated_documents(floats: bool, keys: list[str], at_least: int) -> None:
    rng = random.Random(8785)
    fast_taken = 0
    for _ in range(5000):
        doc = {_text(rng, keys): _value(rng, 1, floats, keys) for _ in range(rng.randint(1, 8))}
        exact = jcs.canonicalize_exact(doc)
        fast = jcs.canonicalize_fast(doc)
        if fast is not None:
            fast_taken += 1
            assert fast == exact, doc
        assert jcs.canonicalize(doc) == exact
    assert fast_taken >= at_least  # the comparison is not vacuous


# --- digests ----------------------------------------------------------------------------------

def test_digest_hashes_the_canonical_bytes() -> None:
    doc = {"b": [1.0, "\u20ac"], "a": None}
    assert jcs.canonicalize(doc) == '{"a":null,"b":[1,"\u20ac"]}'.encode()
    assert jcs.digest(doc) == hashlib.sha256(jcs.canonicalize(doc)).hexdigest()
    assert jcs.digest(doc, "sha3-256") == hashlib.sha3_256(jcs.canonicalize(doc)).hexdigest()
    assert jcs.digest(doc, "blake2b-256") == hashlib.blake2b(jcs.canonicalize(doc), digest_size=32).hexdigest()
    assert len(jcs.digest(doc, "sha-512")) == 128


def test_sm3_test_vector_when_openssl_has_it() -> None:
    try:
        sm3 = jcs.hash_function("sm3")
    except jcs.UnsupportedAlgorithm:
        pytest.skip("this Python's OpenSSL has no SM3")
    # GB/T 32905-2016, Appendix A.1: SM3("abc").
    assert sm3(b"abc") == "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"


def test_unknown_or_unavailable_algorithms_get_a_clear_error() -> None:
    with pytest.raises(jcs.UnsupportedAlgorithm, match="unknown hash algorithm 'sha256'"):
        jcs.digest({}, "sha256")
    try:
        jcs.hash_function("gost-r-34.11-2012-256")
    except jcs.UnsupportedAlgorithm as exc:
        assert "not available" in str(exc)


def test_record_hash_leaves_out_ledger_and_proof_only() -> None:
    record = {"recordId": "urn:x:1", "ipRight": {"office": "EM"}, "ledger": {"blockNumber": 1},
              "proof": {"jws": "a..b"}}
    bare = {"recordId": "urn:x:1", "ipRight": {"office": "EM"}}
    assert jcs.record_hash(record) == jcs.digest(bare)
    assert jcs.record_hash({**record, "ledger": {"blockNumber": 2}, "proof": None}) == jcs.digest(bare)
    assert jcs.record_hash({**record, "issuer": "did:web:x"}) != jcs.digest(bare)


# --- CLI --------------------------------------------------------------------------------------

def test_cli_canonicalize_writes_exact_bytes_without_newline(tmp_path: Path) -> None:
    source = tmp_path / "doc.json"
    source.write_text('{"b": 1.0, "a": "\\u20ac", "c": [1E30]}', encoding="utf-8")
    result = CliRunner().invoke(main, ["canonicalize", str(source)])
    assert result.exit_code == 0
    assert result.stdout_bytes == '{"a":"\u20ac","b":1,"c":[1e+30]}'.encode()
    out = tmp_path / "out.json"
    assert CliRunner().invoke(main, ["canonicalize", "-", "-o", str(out)], input=source.read_bytes()).exit_code == 0
    assert out.read_bytes() == result.stdout_bytes


def test_cli_hash_and_record_hash() -> None:
    record = {"recordId": "urn:x:1", "ledger": {"blockNumber": 7}}
    text = json.dumps(record)
    plain = CliRunner().invoke(main, ["hash", "-"], input=text)
    assert plain.exit_code == 0 and plain.stdout.strip() == jcs.digest(record)
    linked = CliRunner().invoke(main, ["hash", "-", "--record", "--alg", "sha-384"], input=text)
    assert linked.exit_code == 0 and linked.stdout.strip() == jcs.record_hash(record, "sha-384")


@pytest.mark.parametrize("text", ['{"a": ', '{"a": 1, "a": 2}', '{"n": NaN}', ""])
def test_cli_bad_json_is_a_one_line_error_exit_2(text: str) -> None:
    for command in (["canonicalize", "-"], ["hash", "-"]):
        result = CliRunner().invoke(main, command, input=text)
        assert result.exit_code == 2
        assert result.stderr.count("\n") == 1 and result.stderr.startswith("wipo-bc: error: -:")


def test_cli_hash_unknown_algorithm_and_missing_file_exit_2(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["hash", "-", "--alg", "sha256"], input="{}").exit_code == 2
    missing = CliRunner().invoke(main, ["hash", str(tmp_path / "none.json")])
    assert missing.exit_code == 2 and "none.json" in missing.stderr
