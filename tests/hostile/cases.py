"""The hostile corpus: inputs a party the user does not control could craft, by class.

Each :class:`Case` builds its files in its own folder at test time (big inputs are generated, never
committed) and names the ``wipo-bc`` command line to run there. ``tests/test_hostile.py`` runs every
case through the CLI and holds each to the same promises: no traceback, an exit code of 0, 1 or 2,
every item reported, no input changed, no network, bounded CPU time and memory.
"""

from __future__ import annotations

import copy
import json
import os
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
LEDGERS = ROOT / "tests" / "fixtures" / "ledgers"

#: Beyond Python's default limit on converting integer text (4,300 digits).
HUGE_DIGITS = "9" * 5000
VERY_HUGE_DIGITS = "7" * 200_000

Content = bytes | str | Callable[[], bytes | str]


@dataclass
class Case:
    name: str
    argv: list[str | bytes]
    files: dict[str | bytes, Content] = field(default_factory=dict)
    #: Extra set-up in the case folder (FIFOs, sockets, symlinks).
    setup: Callable[[Path], None] | None = None
    #: File (in the case folder, or an absolute path) read as stdin.
    stdin: str | None = None
    #: Items the report must hold (validate with --format ndjson), when the case says.
    items: int | None = None
    #: Exit codes allowed.
    codes: frozenset[int] = frozenset({0, 1, 2})
    #: Files the command is allowed to write (everything else in the folder must be unchanged).
    outputs: tuple[str, ...] = ()
    #: Text that must appear in stdout or stderr (a finding's rule id, the one-line error).
    says: tuple[str, ...] = ()
    #: Class of the case, for the docs and the summary.
    kind: str = ""


def _json(doc: Any) -> bytes:
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _example(path: str) -> Any:
    return json.loads((EXAMPLES / path).read_text(encoding="utf-8"))


RECORD = _example("valid/record/patent-licence.json")
SIGNED = _example("valid/record/signed-ed25519-did-key.json")
NETWORK = _example("networks/euipo-multichain/profile.json")
DID_DOC = _example("valid/did/holder-did-key.json")
VC = _example("valid/vc/right-holder-v1-1.json")


def record(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(RECORD)
    doc.update(changes)
    return doc


def raw_record(member: str, raw: str) -> bytes:
    """The record with ``member`` set to raw JSON text (a number json.dumps could not write, say)."""
    doc = record(**{member: "__RAW__"})
    return _json(doc).replace(b'"__RAW__"', raw.encode())


def deep(depth: int, open_: str = "[", close: str = "]", inner: str = "1") -> str:
    return open_ * depth + inner + close * depth


def deep_objects(depth: int) -> str:
    return '{"a":' * depth + "1" + "}" * depth


def ndjson(*lines: bytes | str, sep: bytes = b"\n") -> bytes:
    return sep.join(ln.encode() if isinstance(ln, str) else ln for ln in lines) + sep


def _ledger_text(path: str) -> str:
    return (LEDGERS / path).read_text(encoding="utf-8")


def evm_blocks(edit: Callable[[Any], Any] | None = None) -> bytes:
    doc = json.loads(_ledger_text("evm/blocks.json"))
    if edit is not None:
        doc = edit(doc)
    return _json(doc)


def evm_raw(replace: str, with_: str) -> Callable[[], bytes]:
    def build() -> bytes:
        text = _ledger_text("evm/blocks.json")
        assert replace in text, replace
        return text.replace(replace, with_, 1).encode()
    return build


def _mkfifo(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(folder / name)
    return make


def _socket(name: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        sock = socket.socket(socket.AF_UNIX)
        cwd = os.getcwd()
        os.chdir(folder)  # a short relative name: AF_UNIX paths are limited to ~108 bytes
        try:
            sock.bind(name)
        finally:
            os.chdir(cwd)
            sock.close()
    return make


def _symlink(name: str, target: str) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, folder / name)
    return make


def _all(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def make(folder: Path) -> None:
        for step in steps:
            step(folder)
    return make


def V(*args: str | bytes) -> list[str | bytes]:
    """``validate --format ndjson ARGS``: the report counts its items."""
    return ["validate", "--format", "ndjson", *args]


def _turtle_collection(n: int) -> str:
    members = " ".join(f'"m{i}"' for i in range(n))
    return _TTL_HEAD + f"[] a wbc:Record ; wbc:parties ( {members} ) ; wbc:standardVersion \"0.1\" .\n"


_TTL_HEAD = ("@prefix wbc: <https://wipo-bc-standard.org/ns#> .\n"
             "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n")
_JSONLD_CONTEXT = "https://wipo-bc-standard.org/ns/context/0.1.jsonld"
_XML_NS = "https://wipo-bc-standard.org/ns/xml/0.1"


def _turtle_triples(n: int) -> str:
    return _TTL_HEAD + "".join(f"<urn:x:{i}> wbc:recordId \"urn:uuid:{i}\" .\n" for i in range(n))


def _jsonld_graph(n: int) -> bytes:
    return _json({"@context": _JSONLD_CONTEXT,
                  "@graph": [{"@id": f"urn:x:{i}", "@type": "Record", "recordId": f"urn:x:{i}"} for i in range(n)]})


def _xml_record(body: str, head: str = "") -> str:
    return f"<?xml version='1.0' encoding='UTF-8'?>{head}<Record xmlns=\"{_XML_NS}\">{body}</Record>"


def _xml_errors(n: int) -> str:
    return _xml_record("<StandardVersion>0.1</StandardVersion>" + "<Bogus/>" * n)


def _network(**changes: Any) -> dict[str, Any]:
    doc = copy.deepcopy(NETWORK)
    doc.update(changes)
    return doc


def _evil_pattern_network(pattern: str) -> bytes:
    return _json(_network(applicationNumberPatterns=[{"office": "CN", "pattern": pattern}]))


def _signed(**proof: Any) -> bytes:
    doc = copy.deepcopy(SIGNED)
    doc["proof"].update(proof)
    return _json(doc)


def _did_key_record(multibase: str) -> bytes:
    doc = copy.deepcopy(SIGNED)
    doc["issuer"] = f"did:key:{multibase}"
    doc["proof"]["verificationMethod"] = f"did:key:{multibase}#{multibase}"
    return _json(doc)


def _did_doc(**changes: Any) -> bytes:
    doc = copy.deepcopy(DID_DOC)
    doc.update(changes)
    return _json(doc)


def _each_string(doc: Any, value: str) -> Any:
    if isinstance(doc, dict):
        return {k: _each_string(v, value) for k, v in doc.items()}
    if isinstance(doc, list):
        return [_each_string(v, value) for v in doc]
    return value if isinstance(doc, str) else doc


def _forged(value: str) -> bytes:
    return _json(record(issuer=value, parties=[{"role": value, "id": value, "country": value}]))


FORGE = "x\n::error file=a,line=1::forged\r\n\x1b[31mred\x1b[0m\x07\u2028\u0085::warning::w"
REDOS_PATTERNS = ["(a+)+$", "(a|a)*b", "(a|aa)+$", "(.*a){25}", "^(([a-z])+.)+[A-Z]([a-z])+$", "(\\w+\\s?)*$",
                  "^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}"
                  "[.]{1}[a-z]{2,3}))$"]
#: Strings that make backtracking engines explode on common pattern shapes.
REDOS_STRINGS = {
    "a-run": "a" * 50_000 + "!",
    "email": "a" * 30_000 + "@" + "a." * 20_000 + "!",
    "dotted": "a." * 40_000 + "!",
    "digits": "0" * 60_000 + "x",
    "spaces": "a " * 40_000 + "!",
    "dashes": "a-" * 40_000 + "!",
    "colons": "did:" + "a:" * 40_000 + "!",
    "slashes": "https://" + "a/" * 40_000 + "\x00",
    "uuid": "urn:uuid:" + "0" * 60_000,
    "date": "2021-" * 20_000,
}


def cases() -> list[Case]:
    c: list[Case] = []
    add = c.append

    # --- Integers beyond Python's int-string conversion limit (4,300 digits), everywhere. ---
    add(Case("int-huge-record-member", V("r.json"), {"r.json": lambda: raw_record("recordType", HUGE_DIGITS)},
             items=1, kind="huge integers"))
    add(Case("int-huge-negative", V("r.json"), {"r.json": lambda: raw_record("issuer", "-" + HUGE_DIGITS)},
             items=1, kind="huge integers"))
    add(Case("int-very-huge", V("r.json"), {"r.json": lambda: raw_record("issuer", VERY_HUGE_DIGITS)},
             items=1, kind="huge integers"))
    add(Case("int-huge-top-level-array", V("a.json"), {"a.json": lambda: f"[{HUGE_DIGITS}, {{}}, 1]"},
             items=3, kind="huge integers"))
    add(Case("int-huge-bare", V("n.json"), {"n.json": HUGE_DIGITS}, items=1, kind="huge integers"))
    add(Case("int-huge-ndjson-line", V("r.ndjson"),
             {"r.ndjson": lambda: ndjson(_json(RECORD), raw_record("issuer", HUGE_DIGITS), _json(RECORD))},
             items=3, kind="huge integers"))
    add(Case("int-huge-sniffed-ndjson", V("r.txt"),
             {"r.txt": lambda: ndjson(_json(RECORD), raw_record("issuer", HUGE_DIGITS))},
             items=2, kind="huge integers"))
    add(Case("float-huge-exponent", V("r.json"), {"r.json": lambda: raw_record("issuer", "1e999999")},
             items=1, kind="huge integers"))
    add(Case("float-huge-mantissa", V("r.json"), {"r.json": lambda: raw_record("issuer", HUGE_DIGITS + ".5")},
             items=1, kind="huge integers"))
    add(Case("int-huge-network", V("--network", "n.json", "r.json"),
             {"n.json": lambda: _json(_network(version="__")).replace(b'"__"', HUGE_DIGITS.encode()),
              "r.json": _json(RECORD)}, codes=frozenset({2}), kind="huge integers"))
    add(Case("int-huge-did-document", V("--did-document", "d.json", "r.json"),
             {"d.json": lambda: _did_doc(extra="__").replace(b'"__"', HUGE_DIGITS.encode()),
              "r.json": _json(SIGNED)}, kind="huge integers"))
    add(Case("int-huge-compat", ["compat", "a.json", "b.json"],
             {"a.json": lambda: _json(_network(version="__")).replace(b'"__"', HUGE_DIGITS.encode()),
              "b.json": _json(NETWORK)}, kind="huge integers"))
    add(Case("int-huge-canonicalize", ["canonicalize", "n.json"], {"n.json": f'{{"a": {HUGE_DIGITS}}}'},
             kind="huge integers"))
    add(Case("int-huge-hash", ["hash", "n.json"], {"n.json": f'[{HUGE_DIGITS}]'}, kind="huge integers"))
    add(Case("int-huge-hash-record", ["hash", "--record", "n.json"],
             {"n.json": lambda: raw_record("issuer", HUGE_DIGITS)}, kind="huge integers"))
    add(Case("int-huge-convert", ["convert", "--to", "xml", "r.json"],
             {"r.json": lambda: raw_record("issuer", HUGE_DIGITS)}, kind="huge integers"))
    add(Case("int-huge-convert-ttl", ["convert", "--to", "ttl", "r.json"],
             {"r.json": lambda: raw_record("recordType", HUGE_DIGITS)}, kind="huge integers"))
    add(Case("int-huge-baseline-create", ["baseline", "create", "r.json"],
             {"r.json": lambda: raw_record("issuer", HUGE_DIGITS)}, kind="huge integers"))
    add(Case("int-huge-baseline-file", V("--baseline", "b.json", "r.json"),
             {"b.json": f'{{"baselineVersion": {HUGE_DIGITS}, "fingerprints": []}}', "r.json": _json(RECORD)},
             kind="huge integers"))
    add(Case("int-huge-jsonld", V("r.jsonld"),
             {"r.jsonld": lambda: f'{{"@context": "{_JSONLD_CONTEXT}", "@type": "Record", "recordId": {HUGE_DIGITS}}}'},
             items=1, kind="huge integers"))
    add(Case("int-huge-turtle", V("r.ttl"),
             {"r.ttl": lambda: _TTL_HEAD + f"[] a wbc:Record ; wbc:standardVersion {HUGE_DIGITS} .\n"},
             items=1, kind="huge integers"))
    add(Case("int-huge-xml", V("r.xml"),
             {"r.xml": lambda: _xml_record(f"<StandardVersion>{HUGE_DIGITS}</StandardVersion>")},
             items=1, kind="huge integers"))
    add(Case("int-huge-evm-ledger-read", ["ledger", "read", "--from", "evm", "b.json"],
             {"b.json": evm_raw('"jsonrpc":"2.0","id":1', f'"jsonrpc":"2.0","id":{HUGE_DIGITS}')},
             kind="huge integers"))
    add(Case("int-huge-evm-validate", V("--from", "evm", "b.json"),
             {"b.json": evm_raw('"jsonrpc":"2.0","id":1', f'"jsonrpc":"2.0","id":{HUGE_DIGITS}')},
             kind="huge integers"))
    add(Case("int-huge-fabric", ["ledger", "read", "--from", "fabric", "f.ndjson"],
             {"f.ndjson": lambda: _ledger_text("fabric/blocks.ndjson").replace('"type":1', f'"type":{HUGE_DIGITS}', 1)},
             kind="huge integers"))
    add(Case("int-huge-multichain", ["ledger", "read", "--from", "multichain", "--chain", "c", "m.json"],
             {"m.json": lambda: _ledger_text("multichain/liststreamitems.json").replace(
                 '"blocktime":', f'"blocktime":{HUGE_DIGITS},"x":', 1)}, kind="huge integers"))
    add(Case("int-huge-records-dir", ["ledger", "read", "--from", "evm", "--records", "off", "b.json"],
             {"b.json": lambda: evm_blocks(), "off/r.json": lambda: raw_record("issuer", HUGE_DIGITS)},
             kind="huge integers"))

    # --- EVM numbers beyond 64 bits; huge hex. ---
    add(Case("evm-block-number-256-bit", ["ledger", "read", "--from", "evm", "b.json"],
             {"b.json": evm_raw('"number":"0x3e9"', '"number":"0x' + "f" * 64 + '"')}, kind="EVM numbers"))
    add(Case("evm-block-number-huge-hex", V("--from", "evm", "b.json"),
             {"b.json": evm_raw('"number":"0x3e9"', '"number":"0x' + "f" * 200_000 + '"')}, kind="EVM numbers"))
    add(Case("evm-timestamp-256-bit", ["ledger", "read", "--from", "evm", "b.json"],
             {"b.json": evm_raw('"timestamp":"0x', '"timestamp":"0x' + "f" * 40)}, kind="EVM numbers"))
    add(Case("evm-tx-block-number-huge", ["ledger", "read", "--from", "evm", "b.json"],
             {"b.json": evm_raw('"blockNumber":"0x3e9"', '"blockNumber":"0x' + "9" * 30 + '"')}, kind="EVM numbers"))
    add(Case("evm-block-number-decimal-int", ["ledger", "read", "--from", "evm", "b.json"],
             {"b.json": evm_raw('"number":"0x3e9"', '"number":' + "1" * 25)}, kind="EVM numbers"))
    add(Case("evm-chain-id-huge", ["ledger", "read", "--from", "evm", "b.json"],
             {"b.json": evm_raw('"jsonrpc":"2.0"', '"chainId":"0x' + "f" * 80 + '","jsonrpc":"2.0"')},
             kind="EVM numbers"))
    add(Case("evm-input-20mb-hex", ["ledger", "read", "--from", "evm", "b.json"],
             {"b.json": evm_raw('"input":"0x', '"input":"0x' + "ab" * 10_000_000)}, kind="EVM numbers"))
    add(Case("evm-input-odd-hex", ["ledger", "read", "--from", "evm", "b.json"],
             {"b.json": evm_raw('"input":"0x', '"input":"0xzz' + "a" * 1001)}, kind="EVM numbers"))

    # --- Deep nesting in every reader. ---
    add(Case("deep-arrays-record", V("d.json"), {"d.json": deep(100_000)}, items=1, kind="deep nesting"))
    add(Case("deep-objects-record", V("d.json"), {"d.json": lambda: deep_objects(50_000)}, items=1,
             kind="deep nesting"))
    add(Case("deep-unclosed", V("d.json"), {"d.json": "[" * 200_000}, items=1, kind="deep nesting"))
    add(Case("deep-ndjson-line", V("d.ndjson"),
             {"d.ndjson": lambda: ndjson(_json(RECORD), deep(50_000), _json(RECORD))}, items=3, kind="deep nesting"))
    add(Case("deep-evm-result", ["ledger", "read", "--from", "evm", "b.json"],
             {"b.json": lambda: '{"jsonrpc":"2.0","id":1,"result":' + deep(20_000) + "}"}, kind="deep nesting"))
    add(Case("deep-evm-array", V("--from", "evm", "b.json"),
             {"b.json": lambda: "[" + deep(20_000, "{\"a\":", "}") + "]"}, kind="deep nesting"))
    add(Case("deep-evm-in-transaction", ["ledger", "read", "--from", "evm", "b.json"],
             {"b.json": evm_raw('"gas":', '"deep":' + deep(1_500) + ',"gas":')}, kind="deep nesting"))
    add(Case("deep-fabric", ["ledger", "read", "--from", "fabric", "f.ndjson"],
             {"f.ndjson": lambda: deep_objects(20_000) + "\n" + _ledger_text("fabric/blocks.ndjson")},
             kind="deep nesting"))
    add(Case("deep-multichain", ["ledger", "read", "--from", "multichain", "--chain", "c", "m.json"],
             {"m.json": lambda: '{"result":[{"data":{"json":' + deep(30_000) + "}}]}"}, kind="deep nesting"))
    add(Case("deep-multichain-text", ["ledger", "read", "--from", "multichain", "--chain", "c", "m.json"],
             {"m.json": lambda: _json({"result": [{"data": {"text": deep(30_000)}, "keys": [], "txid": "ab"}]})},
             kind="deep nesting"))
    add(Case("deep-xml", V("d.xml"), {"d.xml": lambda: _xml_record("<a>" * 50_000 + "</a>" * 50_000)}, items=1,
             kind="deep nesting"))
    add(Case("deep-jsonld", V("d.jsonld"),
             {"d.jsonld": lambda: f'{{"@context": "{_JSONLD_CONTEXT}", "@type": "Record", "ipRight": '
                                  + deep_objects(5_000) + "}"}, items=1, kind="deep nesting"))
    add(Case("deep-turtle", V("d.ttl"),
             {"d.ttl": lambda: _TTL_HEAD + "[] a wbc:Record ; wbc:ipRight " + "[ wbc:x " * 5_000 + "1"
              + " ]" * 5_000 + " .\n"}, items=1, kind="deep nesting"))
    add(Case("deep-turtle-lists", V("d.ttl"),
             {"d.ttl": lambda: _TTL_HEAD + "[] a wbc:Record ; wbc:parties " + "( " * 5_000 + "1" + " )" * 5_000
              + " .\n"}, items=1, kind="deep nesting"))
    add(Case("deep-network", V("--network", "n.json", "r.json"),
             {"n.json": deep(100_000), "r.json": _json(RECORD)}, codes=frozenset({2}), kind="deep nesting"))
    add(Case("deep-did-document", V("--did-document", "d.json", "r.json"),
             {"d.json": lambda: deep_objects(50_000), "r.json": _json(SIGNED)}, codes=frozenset({2}),
             kind="deep nesting"))
    add(Case("deep-canonicalize", ["canonicalize", "d.json"], {"d.json": deep(100_000)}, codes=frozenset({2}),
             kind="deep nesting"))
    add(Case("deep-hash", ["hash", "d.json"], {"d.json": lambda: deep_objects(50_000)}, codes=frozenset({2}),
             kind="deep nesting"))
    add(Case("deep-compat", ["compat", "a.json", "b.json"], {"a.json": deep(100_000), "b.json": _json(NETWORK)},
             kind="deep nesting"))
    add(Case("deep-convert", ["convert", "--to", "ttl", "d.json"], {"d.json": deep(100_000)},
             codes=frozenset({1, 2}), kind="deep nesting"))
    add(Case("deep-baseline-file", V("--baseline", "b.json", "r.json"),
             {"b.json": deep(100_000), "r.json": _json(RECORD)}, codes=frozenset({2}), kind="deep nesting"))
    add(Case("deep-api-depth-65", V("d.json"), {"d.json": lambda: _json(record(issuer=json.loads(deep(65))))},
             items=1, codes=frozenset({1}), says=("json.depth",), kind="deep nesting"))

    # --- RDF: cycles, big graphs, long collections. ---
    add(Case("rdf-cyclic-list-turtle", V("c.ttl"),
             {"c.ttl": _TTL_HEAD + "[] a wbc:Record ; wbc:parties _:l .\n_:l rdf:first \"a\" ; rdf:rest _:l .\n"},
             items=1, kind="RDF"))
    add(Case("rdf-cyclic-list-two-nodes", V("c.ttl"),
             {"c.ttl": _TTL_HEAD + "[] a wbc:Record ; wbc:parties _:a .\n_:a rdf:first 1 ; rdf:rest _:b .\n"
                                   "_:b rdf:first 2 ; rdf:rest _:a .\n"}, items=1, kind="RDF"))
    add(Case("rdf-branching-list", V("c.ttl"),
             {"c.ttl": _TTL_HEAD + "[] a wbc:Record ; wbc:parties _:a .\n_:a rdf:first 1 , 2 ; rdf:rest _:b , "
                                   "rdf:nil .\n_:b rdf:first 3 ; rdf:rest rdf:nil .\n"}, items=1, kind="RDF"))
    add(Case("rdf-cyclic-list-jsonld", V("c.jsonld"),
             {"c.jsonld": lambda: _json({"@context": _JSONLD_CONTEXT, "@type": "Record", "parties": {"@id": "_:l"},
                                         "@included": [{"@id": "_:l",
                                                        "http://www.w3.org/1999/02/22-rdf-syntax-ns#first": "a",
                                                        "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest":
                                                            {"@id": "_:l"}}]})}, items=1, kind="RDF"))
    add(Case("rdf-100k-triples", V("t.ttl"), {"t.ttl": lambda: _turtle_triples(100_000)}, items=1, kind="RDF"))
    add(Case("rdf-100k-collection", V("t.ttl"), {"t.ttl": lambda: _turtle_collection(100_000)}, items=1,
             kind="RDF"))
    add(Case("rdf-2000-member-list", V("t.ttl"), {"t.ttl": lambda: _turtle_collection(2_000)}, items=1,
             kind="RDF"))
    add(Case("rdf-jsonld-10k-nodes", V("g.jsonld"), {"g.jsonld": lambda: _jsonld_graph(10_000)}, items=1,
             kind="RDF"))
    add(Case("rdf-jsonld-100k-list", V("l.jsonld"),
             {"l.jsonld": lambda: _json({"@context": _JSONLD_CONTEXT, "@type": "Record",
                                         "parties": {"@list": list(range(100_000))}})}, items=1, kind="RDF"))
    add(Case("rdf-jsonld-remote-context", V("r.jsonld"),
             {"r.jsonld": _json({"@context": "https://attacker.example/ctx.jsonld", "@type": "Record"})},
             items=1, codes=frozenset({1}), kind="RDF"))
    add(Case("rdf-jsonld-remote-import", V("r.jsonld"),
             {"r.jsonld": _json({"@context": {"@import": "http://attacker.example/c", "@version": 1.1},
                                 "@type": "Record"})}, items=1, codes=frozenset({1}), kind="RDF"))
    add(Case("rdf-turtle-remote-base", V("r.ttl"),
             {"r.ttl": "@base <http://attacker.example/> .\n" + _TTL_HEAD + "<x> a wbc:Record .\n"}, items=1,
             kind="RDF"))
    add(Case("rdf-turtle-long-literal", V("r.ttl"),
             {"r.ttl": lambda: _TTL_HEAD + '[] a wbc:Record ; wbc:issuer "' + "a" * 5_000_000 + '" .\n'}, items=1,
             kind="RDF"))

    # --- File names and output paths. ---
    add(Case("name-not-utf8-in-dir", V("dir"), {b"dir/r\xff\xfe.json": _json(RECORD)}, items=1, kind="file names"))
    add(Case("name-not-utf8-argument", V(b"r\xff.json"), {b"r\xff.json": _json(RECORD)}, items=1, kind="file names"))
    add(Case("name-not-utf8-text-report", ["validate", b"\xc3(\x1b[2J.json"],
             {b"\xc3(\x1b[2J.json": lambda: raw_record("issuer", "1")}, codes=frozenset({1}), kind="file names"))
    add(Case("name-forged-lines", ["validate", "dir"], {"dir/a\n::error::forged.json": "{}",
                                                         "dir/b\r\x1b]0;title\x07.json": "[]"},
             codes=frozenset({1}), kind="file names"))
    add(Case("name-too-long", V("a" * 300 + ".json"), codes=frozenset({2}), kind="file names"))
    add(Case("path-too-long", V("/".join(["d" * 200] * 30) + ".json"), codes=frozenset({2}), kind="file names"))
    add(Case("output-name-too-long", V("-o", "o" * 300 + ".json", "r.json"), {"r.json": _json(RECORD)},
             codes=frozenset({2}), kind="outputs"))
    for command, args, files in [
            ("validate", ["r.json"], {"r.json": _json(RECORD)}),
            ("canonicalize", ["r.json"], {"r.json": _json(RECORD)}),
            ("ledger-read", ["--from", "evm", "b.json"], {"b.json": lambda: evm_blocks()}),
            ("convert", ["--to", "xml", "r.json"], {"r.json": _json(RECORD)}),
            ("baseline-create", ["r.json"], {"r.json": lambda: raw_record("issuer", "1")}),
            ("compat", ["a.json", "b.json"], {"a.json": _json(NETWORK), "b.json": _json(NETWORK)})]:
        head = {"ledger-read": ["ledger", "read"], "baseline-create": ["baseline", "create"]}.get(command, [command])
        add(Case(f"output-dev-full-{command}", [*head, "-o", "/dev/full", *args], files, codes=frozenset({2}),
                 kind="outputs"))
        first_input = next(a for a in args if "." in a)
        add(Case(f"output-is-input-{command}", [*head, "-o", first_input, *args], files, codes=frozenset({2}),
                 kind="outputs"))
    add(Case("output-is-input-other-spelling", V("-o", "./sub/../r.json", "r.json"),
             {"r.json": _json(RECORD), "sub/.keep": ""}, codes=frozenset({2}), kind="outputs"))
    add(Case("output-is-input-symlink", V("-o", "link.json", "r.json"), {"r.json": _json(RECORD)},
             setup=_symlink("link.json", "r.json"), codes=frozenset({2}), kind="outputs"))
    add(Case("output-is-input-in-dir", V("-o", "in/r.json", "in"), {"in/r.json": _json(RECORD)},
             codes=frozenset({2}), kind="outputs"))
    add(Case("output-is-network", V("--network", "n.json", "-o", "n.json", "r.json"),
             {"n.json": _json(NETWORK), "r.json": _json(RECORD)}, codes=frozenset({2}), kind="outputs"))
    add(Case("output-is-baseline", V("--baseline", "b.json", "-o", "b.json", "r.json"),
             {"b.json": '{"baselineVersion": 1, "fingerprints": []}', "r.json": _json(RECORD)},
             codes=frozenset({2}), kind="outputs"))
    add(Case("output-is-records", ["ledger", "read", "--from", "evm", "--records", "off.ndjson", "-o",
                                   "off.ndjson", "b.json"],
             {"off.ndjson": lambda: _ledger_text("offchain/records.ndjson"), "b.json": lambda: evm_blocks()},
             codes=frozenset({2}), kind="outputs"))
    add(Case("output-missing-dir", V("-o", "no/such/dir/out.json", "r.json"), {"r.json": _json(RECORD)},
             codes=frozenset({2}), kind="outputs"))
    add(Case("output-is-directory", V("-o", "out", "r.json"), {"r.json": _json(RECORD), "out/.keep": ""},
             codes=frozenset({2}), kind="outputs"))
    add(Case("output-replaces-old-report", V("-o", "report.ndjson", "r.json"),
             {"r.json": _json(RECORD), "report.ndjson": "old"}, outputs=("report.ndjson",), kind="outputs"))

    # --- Special files: FIFOs, devices, sockets, symlink loops. ---
    fifo = frozenset({1, 2})
    add(Case("fifo-input", V("p.json"), setup=_mkfifo("p.json"), codes=fifo, kind="special files"))
    add(Case("fifo-in-dir", V("dir"), {"dir/r.json": _json(RECORD)}, setup=_mkfifo("dir/p.json"), codes=fifo,
             kind="special files"))
    add(Case("fifo-baseline", V("--baseline", "p.json", "r.json"), {"r.json": _json(RECORD)},
             setup=_mkfifo("p.json"), codes=frozenset({2}), kind="special files"))
    add(Case("fifo-network", V("--network", "p.json", "r.json"), {"r.json": _json(RECORD)},
             setup=_mkfifo("p.json"), codes=frozenset({2}), kind="special files"))
    add(Case("fifo-did-document", V("--did-document", "p.json", "r.json"), {"r.json": _json(RECORD)},
             setup=_mkfifo("p.json"), codes=frozenset({2}), kind="special files"))
    add(Case("fifo-records-dir", ["ledger", "read", "--from", "evm", "--records", "off", "b.json"],
             {"b.json": lambda: evm_blocks(), "off/r.json": _json(RECORD)}, setup=_mkfifo("off/p.json"),
             kind="special files"))
    add(Case("fifo-ledger", ["ledger", "read", "--from", "evm", "p.json"], setup=_mkfifo("p.json"), codes=fifo,
             kind="special files"))
    add(Case("fifo-canonicalize", ["canonicalize", "p.json"], setup=_mkfifo("p.json"), codes=frozenset({2}),
             kind="special files"))
    add(Case("fifo-compat", ["compat", "p.json", "b.json"], {"b.json": _json(NETWORK)}, setup=_mkfifo("p.json"),
             codes=frozenset({1, 2}), kind="special files"))
    add(Case("fifo-convert", ["convert", "--to", "xml", "p.json"], setup=_mkfifo("p.json"), codes=frozenset({2}),
             kind="special files"))
    add(Case("dev-zero-input", V("/dev/zero"), codes=fifo, kind="special files"))
    add(Case("dev-urandom-ledger", ["ledger", "read", "--from", "evm", "/dev/urandom"], codes=fifo,
             kind="special files"))
    add(Case("dev-urandom-validate-ledger", V("--from", "fabric", "/dev/urandom"), codes=fifo,
             kind="special files"))
    add(Case("dev-zero-network", V("--network", "/dev/zero", "r.json"), {"r.json": _json(RECORD)},
             codes=frozenset({2}), kind="special files"))
    add(Case("dev-zero-hash", ["hash", "/dev/zero"], codes=frozenset({2}), kind="special files"))
    add(Case("dev-zero-compat", ["compat", "/dev/zero", "/dev/zero"], codes=frozenset({1, 2}),
             kind="special files"))
    add(Case("dev-zero-stdin", V("-"), stdin="/dev/zero", codes=fifo, kind="special files"))
    add(Case("dev-zero-stdin-canonicalize", ["canonicalize", "-"], stdin="/dev/zero", codes=frozenset({2}),
             kind="special files"))
    add(Case("dev-null-input", V("/dev/null"), codes=fifo, kind="special files"))
    add(Case("symlink-to-dev-zero-in-dir", V("dir"), {"dir/r.json": _json(RECORD)},
             setup=_symlink("dir/z.json", "/dev/zero"), codes=fifo, kind="special files"))
    add(Case("socket-input", V("s.json"), setup=_socket("s.json"), codes=fifo, kind="special files"))
    add(Case("socket-in-dir", V("dir"), {"dir/r.json": _json(RECORD)}, setup=_socket("dir/s.json"), codes=fifo,
             kind="special files"))
    add(Case("symlink-loop-dir", V("dir"), {"dir/r.json": _json(RECORD)}, setup=_symlink("dir/loop", "."),
             items=1, kind="special files"))
    add(Case("symlink-loop-mutual", V("dir"), {"dir/r.json": _json(RECORD)},
             setup=_all(_symlink("dir/a", "b"), _symlink("dir/b", "a")), kind="special files"))
    add(Case("symlink-self-file", V("x.json"), setup=_symlink("x.json", "x.json"), codes=frozenset({1, 2}),
             kind="special files"))
    add(Case("symlink-dangling-in-dir", V("dir"), {"dir/r.json": _json(RECORD)},
             setup=_symlink("dir/gone.json", "nowhere.json"), kind="special files"))

    # --- Patterns: long crafted strings against every pattern (catastrophic backtracking). ---
    for label, text in REDOS_STRINGS.items():
        add(Case(f"redos-every-member-{label}", V("--profile", "strict", "r.json"),
                 {"r.json": lambda text=text: _json(_each_string(RECORD, text))}, items=1, codes=frozenset({1}),
                 kind="patterns"))
    add(Case("redos-every-member-did", V("--profile", "strict", "r.json"),
             {"r.json": lambda: _json(_each_string(SIGNED, REDOS_STRINGS["colons"]))}, items=1,
             codes=frozenset({1}), kind="patterns"))
    add(Case("redos-every-member-network", V("--profile", "strict", "n.json"),
             {"n.json": lambda: _json(_each_string(NETWORK, REDOS_STRINGS["email"]))}, items=1,
             codes=frozenset({1}), kind="patterns"))
    add(Case("redos-every-member-vc", V("--profile", "strict", "v.json"),
             {"v.json": lambda: _json(_each_string(VC, REDOS_STRINGS["email"]))}, items=1, codes=frozenset({1}),
             kind="patterns"))
    for n, pattern in enumerate(REDOS_PATTERNS):
        add(Case(f"redos-network-pattern-{n}", V("--network", "n.json", "r.json"),
                 {"n.json": _evil_pattern_network(pattern),
                  "r.json": _json(record(ipRight={**RECORD["ipRight"], "applicationNumber": "a" * 5_000 + "!"}))},
                 items=1, kind="patterns"))
    add(Case("redos-network-pattern-41", V("--network", "n.json", "r.json"),
             {"n.json": _evil_pattern_network("(a+)+"),
              "r.json": _json(record(ipRight={**RECORD["ipRight"], "applicationNumber": "a" * 41 + "!"}))},
             items=1, kind="patterns"))
    add(Case("redos-network-pattern-invalid", V("--network", "n.json", "r.json"),
             {"n.json": _evil_pattern_network("(unclosed[")}, kind="patterns"))
    add(Case("redos-network-pattern-backref", V("--network", "n.json", "r.json"),
             {"n.json": _evil_pattern_network("(a*)*\\1$"), "r.json": _json(RECORD)}, kind="patterns"))
    add(Case("redos-compat-patterns", ["compat", "a.json", "b.json"],
             {"a.json": _evil_pattern_network("(a+)+$"), "b.json": _evil_pattern_network("(a|aa)+$")},
             kind="patterns"))
    add(Case("redos-email-contact", V("--profile", "strict", "r.json"),
             {"r.json": lambda: _json(record(parties=[{"role": "licensor", "id": "did:web:x.example",
                                                       "name": "x", "email": "a" * 50_000 + "@" + "a." * 50_000,
                                                       "contact": "a@" + "a" * 100_000}]))},
             items=1, kind="patterns"))

    # --- Keys, signatures, multibase. ---
    add(Case("didkey-invalid-multibase-chars", V("r.json"),
             {"r.json": _did_key_record("z6Mk0OIl" + "1" * 40)}, items=1, codes=frozenset({1}), kind="crypto"))
    add(Case("didkey-huge-multibase", V("r.json"),
             {"r.json": lambda: _did_key_record("z6Mk" + "2" * 1_000_000)}, items=1, codes=frozenset({1}),
             kind="crypto"))
    add(Case("didkey-huge-multibase-document", V("d.json"),
             {"d.json": lambda: _did_doc(id="did:key:z" + "3" * 500_000)}, items=1, codes=frozenset({1}),
             kind="crypto"))
    add(Case("proofvalue-1mb", V("r.json"),
             {"r.json": lambda: _signed(type="DataIntegrityProof", cryptosuite="eddsa-jcs-2022", jws=None,
                                        proofValue="z" + "4" * 1_000_000)}, items=1, codes=frozenset({1}),
             kind="crypto"))
    add(Case("proofvalue-invalid-base58", V("r.json"),
             {"r.json": _signed(type="DataIntegrityProof", cryptosuite="eddsa-jcs-2022", jws=None,
                                proofValue="z0OIl" * 20)}, items=1, codes=frozenset({1}), kind="crypto"))
    add(Case("jws-1mb", V("r.json"), {"r.json": lambda: _signed(jws="eyJ" + "A" * 1_000_000 + "..AAAA")}, items=1,
             codes=frozenset({1}), kind="crypto"))
    add(Case("jwk-huge", V("--did-document", "d.json", "r.json"),
             {"d.json": lambda: _did_doc(verificationMethod=[{
                 "id": DID_DOC["verificationMethod"][0]["id"], "type": "JsonWebKey2020",
                 "controller": DID_DOC["id"], "publicKeyJwk": {"kty": "OKP", "crv": "Ed25519",
                                                               "x": "A" * 1_000_000}}]),
              "r.json": _json(SIGNED)}, items=1, codes=frozenset({1}), kind="crypto"))
    add(Case("jwk-huge-in-record-did", V("d.json"),
             {"d.json": lambda: _did_doc(verificationMethod=[{
                 "id": DID_DOC["id"] + "#k", "type": "JsonWebKey2020", "controller": DID_DOC["id"],
                 "publicKeyJwk": {"kty": "EC", "crv": "P-256", "x": "B" * 1_000_000, "y": "C" * 1_000_000}}])},
             items=1, codes=frozenset({1}), kind="crypto"))
    add(Case("vc-huge-proof", V("v.json"),
             {"v.json": lambda: _json({**VC, "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-jcs-2022",
                                                       "verificationMethod": DID_DOC["verificationMethod"][0]["id"],
                                                       "proofPurpose": "assertionMethod",
                                                       "proofValue": "z" + "5" * 2_000_000}})},
             items=1, codes=frozenset({1}), kind="crypto"))
    add(Case("multibase-huge-verification-method", V("d.json"),
             {"d.json": lambda: _did_doc(verificationMethod=[{**DID_DOC["verificationMethod"][0],
                                                               "publicKeyMultibase": "z" + "6" * 1_000_000}])},
             items=1, codes=frozenset({1}), kind="crypto"))

    # --- XML. ---
    add(Case("xml-50k-xsd-errors", V("e.xml"), {"e.xml": lambda: _xml_errors(50_000)}, items=1,
             codes=frozenset({1}), kind="XML"))
    add(Case("xml-schema-location-remote", V("r.xml"),
             {"r.xml": (EXAMPLES / "valid/record/trademark-assignment.xml").read_text().replace(
                 f'<Record xmlns="{_XML_NS}">',
                 f'<Record xmlns="{_XML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
                 f'xsi:schemaLocation="{_XML_NS} http://attacker.example/evil.xsd">')},
             items=1, codes=frozenset({1}), kind="XML"))
    add(Case("xml-billion-laughs", V("b.xml"),
             {"b.xml": '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
                       + "".join(f'<!ENTITY {chr(98 + i)} "' + f"&{chr(97 + i)};" * 10 + '">' for i in range(9))
                       + f']><Record xmlns="{_XML_NS}">&j;</Record>'}, items=1, codes=frozenset({1}), kind="XML"))
    add(Case("xml-external-entity", V("x.xml"),
             {"x.xml": '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e SYSTEM "file:///etc/passwd">'
                       '<!ENTITY n SYSTEM "http://attacker.example/x">]>'
                       f'<Record xmlns="{_XML_NS}"><Issuer>&e;&n;</Issuer></Record>'},
             items=1, codes=frozenset({1}), kind="XML"))
    add(Case("xml-10mb-text", V("t.xml"),
             {"t.xml": lambda: _xml_record("<Issuer>" + "a" * 10_000_000 + "</Issuer>")}, items=1,
             codes=frozenset({1}), kind="XML"))
    add(Case("xml-many-attributes", V("t.xml"),
             {"t.xml": lambda: f"<Record xmlns=\"{_XML_NS}\" " + " ".join(f'a{i}="x"' for i in range(50_000))
              + "/>"}, items=1, codes=frozenset({1}), kind="XML"))
    add(Case("xml-convert-remote-schema", ["convert", "--to", "json", "r.xml"],
             {"r.xml": _xml_record("<StandardVersion>0.1</StandardVersion>",
                                   head='<!DOCTYPE Record SYSTEM "http://attacker.example/d.dtd">')},
             codes=frozenset({1, 2}), kind="XML"))

    # --- Line endings, sizes, counts. ---
    five = [_json(record(recordId=f"urn:uuid:00000000-0000-4000-8000-00000000000{i}")) for i in range(5)]
    add(Case("ndjson-cr-only", V("r.ndjson"), {"r.ndjson": lambda: ndjson(*five, sep=b"\r")}, items=5,
             kind="line endings"))
    add(Case("ndjson-cr-only-sniffed", V("r.txt"), {"r.txt": lambda: ndjson(*five, sep=b"\r")}, items=5,
             kind="line endings"))
    add(Case("ndjson-cr-only-jsonl", V("r.jsonl"), {"r.jsonl": lambda: ndjson(*five, sep=b"\r")}, items=5,
             kind="line endings"))
    add(Case("ndjson-mixed-endings", V("r.ndjson"),
             {"r.ndjson": lambda: five[0] + b"\r\n" + five[1] + b"\r" + five[2] + b"\n" + five[3] + b"\r" + five[4]},
             items=5, kind="line endings"))
    add(Case("ndjson-cr-only-stdin", V("-"), {"in": lambda: ndjson(*five, sep=b"\r")}, stdin="in", items=5,
             kind="line endings"))
    add(Case("ndjson-cr-only-fabric", ["ledger", "read", "--from", "fabric", "f.ndjson"],
             {"f.ndjson": lambda: _ledger_text("fabric/blocks.ndjson").replace("\n", "\r")}, codes=frozenset({0}),
             kind="line endings"))
    add(Case("ndjson-50k-lines", V("r.ndjson"), {"r.ndjson": lambda: b"{}\n" * 50_000}, items=50_000,
             codes=frozenset({1}), kind="sizes"))
    # 50,000 items: the bound here is memory and items kept; the speed of huge arrays is benchmarks/validate.py's.
    add(Case("array-50k-empty-objects", V("a.json"), {"a.json": lambda: "[" + ",".join(["{}"] * 50_000) + "]"},
             items=50_000, codes=frozenset({1}), kind="sizes"))
    add(Case("object-200k-members", V("o.json"),
             {"o.json": lambda: "{" + ",".join(f'"k{i}":{i}' for i in range(200_000)) + "}"}, items=1,
             codes=frozenset({1}), kind="sizes"))
    add(Case("array-line-scan-long-string", V("a.json"),
             {"a.json": lambda: '[{"issuer": "' + "\\\"a" * 5_000_000 + '"}, {}]'}, items=2, codes=frozenset({1}),
             kind="sizes"))
    add(Case("string-20mb", V("r.json"), {"r.json": lambda: _json(record(issuer="b" * 20_000_000))}, items=1,
             codes=frozenset({1}), kind="sizes"))
    add(Case("array-2m-numbers-in-record", V("r.json"),
             {"r.json": lambda: _json(record(parties=list(range(2_000_000))))}, items=1, codes=frozenset({1}),
             kind="sizes"))
    add(Case("many-findings-one-item", V("r.json"),
             {"r.json": lambda: _json(record(parties=[{"role": 1}] * 50_000))}, items=1, codes=frozenset({1}),
             kind="sizes"))

    # --- Untrusted text in reports. ---
    for fmt in ("text", "ndjson", "junit", "sarif", "github", "html", "json"):
        add(Case(f"forged-values-{fmt}", ["validate", "--format", fmt, "r.json"], {"r.json": lambda: _forged(FORGE)},
                 codes=frozenset({1}), kind="report injection"))
    add(Case("forged-values-ledger-read", ["ledger", "read", "--from", "multichain", "--chain", "c\n::error::x",
                                           "m.json"],
             {"m.json": lambda: _json({"result": [{"keys": [FORGE], "txid": FORGE, "data": {"text": FORGE}}]})},
             kind="report injection"))
    add(Case("forged-values-compat", ["compat", "a.json", "b.json"],
             {"a.json": lambda: _json(_network(networkName=FORGE, name=FORGE)), "b.json": _json(NETWORK)},
             kind="report injection"))
    add(Case("forged-parse-error", V("r.json"), {"r.json": '{"a\n::error::x": 1, "a\n::error::x": 2}'}, items=1,
             codes=frozenset({1}), kind="report injection"))

    # --- Baselines and compat on broken inputs. ---
    add(Case("baseline-version-true", V("--baseline", "b.json", "r.json"),
             {"b.json": '{"baselineVersion": true, "fingerprints": []}', "r.json": _json(RECORD)},
             codes=frozenset({2}), kind="baselines"))
    add(Case("baseline-fingerprints-huge", V("--baseline", "b.json", "r.json"),
             {"b.json": lambda: _json({"baselineVersion": 1, "fingerprints": ["x" * 100] * 200_000}),
              "r.json": _json(RECORD)}, kind="baselines"))
    add(Case("baseline-not-json", V("--baseline", "b.json", "r.json"), {"b.json": "\xff\xfe", "r.json": _json(RECORD)},
             codes=frozenset({2}), kind="baselines"))
    add(Case("compat-broken-file", ["compat", "a.json", "b.json"], {"a.json": "{not json", "b.json": _json(NETWORK)},
             codes=frozenset({2}), says=("a.json",), kind="compat"))
    add(Case("compat-folder-broken", ["compat", "a", "b"],
             {"a/profile.json": "[]", "a/governance.json": "{", "b/profile.json": _json(NETWORK)},
             codes=frozenset({1, 2}), kind="compat"))
    add(Case("compat-not-utf8", ["compat", "a.json", "b.json"], {"a.json": b"\xff\xfe{}", "b.json": _json(NETWORK)},
             codes=frozenset({2}), kind="compat"))
    return c
