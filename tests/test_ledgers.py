"""Reading IP records from EVM, Hyperledger Fabric and MultiChain exports (docs/encodings.md)."""

from __future__ import annotations

import base64
import importlib.util
import json
import sys
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from wipo_bc_standard.cli import main
from wipo_bc_standard.ledgers import open_reader
from wipo_bc_standard.ledgers.anchors import ANCHOR_EVENT, ANCHOR_TOPIC, encode_abi_strings, record_digest
from wipo_bc_standard.ledgers.fabric import ANCHOR_KEY_PREFIX, RECORD_KEY_PREFIX
from wipo_bc_standard.rules import CATALOGUE, RuleContext
from wipo_bc_standard.sources import SourceError

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ledgers"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
PLATFORMS = tuple(EXPECTED["platforms"])
OPTIONS = {"evm": [], "fabric": [], "multichain": ["--chain", "ip-register", "--stream", "em-rights"]}
TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "encodings.md"


def _generator() -> Any:
    sys.path.insert(0, str(FIXTURES))
    spec = importlib.util.spec_from_file_location("ledger_fixtures_generate", FIXTURES / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _files(platform: str) -> list[Path]:
    return [FIXTURES / platform / name for name in EXPECTED["platforms"][platform]["files"]]


def _reader(platform: str, records: Path | None = FIXTURES / "offchain") -> Any:
    chain = "ip-register" if platform == "multichain" else None
    stream = "em-rights" if platform == "multichain" else None
    return open_reader(platform, chain=chain, stream=stream, records=records)


def _cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# -- the fixtures ---------------------------------------------------------------------------------

def test_fixtures_are_what_the_generator_writes() -> None:
    written = _generator().write(FIXTURES)
    for relative, content in written.items():
        assert (FIXTURES / relative).read_bytes() == content, f"{relative} drifted: run generate.py"
    data_dirs = {relative.split("/")[0] for relative in written if "/" in relative}
    on_disk = {p.relative_to(FIXTURES).as_posix() for d in data_dirs for p in (FIXTURES / d).rglob("*") if p.is_file()}
    assert on_disk == {r for r in written if "/" in r}, "a fixture file is not made by generate.py"


def test_mini_register_size_and_planted_faults() -> None:
    positions = EXPECTED["platforms"]["evm"]["positions"]
    assert len(positions) >= 200
    rules = {f["rule"] for f in EXPECTED["faults"]}
    assert rules == {"CH-01", "CH-02", "ID-04", "DOC-01", "ANC-01"}


def test_anchor_topic_is_keccak_of_the_event_signature() -> None:
    sys.path.insert(0, str(FIXTURES))
    from keccak import keccak256
    assert keccak256(b"").hex() == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    assert "0x" + keccak256(ANCHOR_EVENT.encode()).hex() == ANCHOR_TOPIC


def test_the_encodings_page_states_the_constants() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert ANCHOR_TOPIC in text and ANCHOR_EVENT in text
    assert RECORD_KEY_PREFIX.strip("\x00") in text and ANCHOR_KEY_PREFIX.strip("\x00") in text


# -- each platform's fixture reads as the records planted in it ------------------------------------

@pytest.mark.parametrize("platform", PLATFORMS)
def test_ledger_read_gives_the_planted_records_at_their_positions(platform: str) -> None:
    result = _cli("ledger", "read", "--from", platform, "--records", str(FIXTURES / "offchain"),
                  *OPTIONS[platform], *map(str, _files(platform)))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    expected = EXPECTED["platforms"][platform]["positions"]
    assert len(records) == len(expected)
    for record, position in zip(records, expected):
        wanted = dict(position)
        assert record["recordId"] == wanted.pop("recordId")
        assert record["ledger"] == wanted
    assert "201 records found" in result.stderr
    # The planted anchor and document faults are told on stderr; the run says so by its exit code.
    assert result.exit_code == 1
    assert result.stderr.count("ANC-01") == 1 and result.stderr.count("DOC-01") == 1


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_python_api_reads_ledger_exports_as_the_cli_does(platform: str, tmp_path: Path) -> None:
    from wipo_bc_standard import validate
    chain = "ip-register" if platform == "multichain" else None
    stream = "em-rights" if platform == "multichain" else None
    report = validate(_files(platform), from_=platform, chain=chain, stream=stream, records=FIXTURES / "offchain",
                      profile="strict")
    out = tmp_path / "report.json"
    _cli("validate", "--from", platform, "--records", str(FIXTURES / "offchain"), "--profile", "strict",
         *OPTIONS[platform], "--format", "json", "-o", str(out), *map(str, _files(platform)))
    cli = json.loads(out.read_text(encoding="utf-8"))
    assert report.summary.to_dict() == cli["summary"] and report.summary.items == 201
    assert [item.to_dict() for item in report.items] == cli["items"]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_every_entry_is_a_record_a_finding_or_skipped_with_a_reason(platform: str) -> None:
    reader = _reader(platform)
    items = list(reader.read(_files(platform)))
    stats = reader.stats
    assert stats.errors == 0
    assert stats.entries == stats.records + sum(stats.skipped.values())
    assert len(items) == stats.records == 201
    assert stats.anchors == 40
    assert all(item.position == item.doc["ledger"] for item in items)
    assert all(reason for reason in stats.skipped)


@pytest.mark.parametrize("profile", ["interop", "strict"])
@pytest.mark.parametrize("platform", PLATFORMS)
def test_validate_from_finds_the_planted_faults_and_nothing_else(platform: str, profile: str, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = _cli("validate", "--from", platform, "--records", str(FIXTURES / "offchain"), "--profile", profile,
                  *OPTIONS[platform], "--format", "json", "-o", str(report), *map(str, _files(platform)))
    assert result.exit_code == 1, result.output
    items = json.loads(report.read_text(encoding="utf-8"))["items"]
    assert len(items) == 201
    assert all(item["target"] == "ledger" and item["ledger"]["transactionId"] for item in items)
    found = set()
    seen: dict[str, int] = {}
    records = [json.loads(line) for line in _cli("ledger", "read", "--from", platform, "--quiet", "--records",
                                                   str(FIXTURES / "offchain"), *OPTIONS[platform],
                                                   *map(str, _files(platform))).stdout.splitlines()]
    for item, record in zip(items, records):
        seen[record["recordId"]] = seen.get(record["recordId"], 0) + 1
        for finding in item["findings"]:
            found.add((finding["rule"], record["recordId"], seen[record["recordId"]]))
    planted = set()
    for fault in EXPECTED["faults"]:
        if fault["rule"] not in CATALOGUE:
            pytest.skip(f"rule {fault['rule']} is not in the catalogue yet")
        planted.add((fault["rule"], fault["recordId"], fault.get("occurrence", 1)))
    assert found == planted


def test_without_records_anchors_are_counted_not_lost() -> None:
    reader = _reader("evm", records=None)
    items = list(reader.read(_files("evm")))
    assert len(items) == 161
    assert reader.stats.skipped["anchor: its off-chain record was not supplied (give --records)"] == 40
    assert not any(f.rule == "DOC-01" for item in items for f in item.findings)


def test_missing_and_extra_off_chain_records(tmp_path: Path) -> None:
    lines = (FIXTURES / "offchain" / "records.ndjson").read_bytes().splitlines(keepends=True)
    extra = json.loads(lines[0])
    extra["recordId"] = "urn:uuid:00000000-0000-4000-8000-000000000001"
    (tmp_path / "records.ndjson").write_bytes(b"".join(lines[1:]) + json.dumps(extra).encode() + b"\n")
    reader = _reader("fabric", records=tmp_path / "records.ndjson")
    items = list(reader.read(_files("fabric")))
    missing = [i for i in items if i.error is not None]
    assert [i.error.rule for i in missing] == ["ANC-02"]
    assert missing[0].position["blockNumber"] > 0
    assert json.loads(lines[0])["recordId"] in missing[0].error.finding().message
    unanchored = [i for i in items if any(f.rule == "ANC-03" for f in i.findings)]
    assert [i.doc["recordId"] for i in unanchored] == [extra["recordId"]]


def test_reader_rules_are_in_the_catalogue_with_working_examples() -> None:
    for rule_id in ("ANC-01", "ANC-02", "ANC-03", "DOC-01", "ENC-01"):
        rule = CATALOGUE[rule_id]
        assert rule.title and rule.rationale and rule.clause and rule.message_zh
        assert not list(rule.findings(rule.valid_example, RuleContext()))
        assert list(rule.findings(rule.invalid_example, RuleContext()))
        # Given records (as a ledger checker might), they find nothing.
        assert not list(rule.findings([{"recordId": "urn:x"}], RuleContext()))


# -- real blocks without IP data read cleanly as zero records --------------------------------------

def _real(name: str) -> Path:
    path = TESTDATA / name
    if not path.is_dir():
        pytest.skip(f"{path} is absent (third-party test data beside the project)")
    return path


def test_real_ethereum_responses_read_as_zero_records() -> None:
    files = sorted((_real("ethereum-jsonrpc") / "io").rglob("*.io"))
    reader = open_reader("evm")
    items = list(reader.read(files))
    stats = reader.stats
    assert items == [] and stats.records == 0 and stats.errors == 0
    assert stats.entries == sum(stats.skipped.values()) > 50
    assert stats.skipped["JSON-RPC error response"] == 3
    assert stats.skipped["null result (not found)"] == 10
    assert stats.skipped["block without transactions"] >= 1
    assert stats.skipped["not IP data (log of another event)"] >= 1
    assert stats.skipped["transaction hash only (fetch the block with full transactions)"] >= 1


def test_real_ethereum_responses_as_one_saved_array(tmp_path: Path) -> None:
    cases = json.loads((_real("ethereum-jsonrpc") / "cases.json").read_text(encoding="utf-8"))
    saved = tmp_path / "responses.json"
    saved.write_text(json.dumps([case["response"] for case in cases]), encoding="utf-8")
    bare = tmp_path / "results.json"  # results without their envelope
    bare.write_text(json.dumps([c["response"]["result"] for c in cases if "result" in c["response"]]))
    for path in (saved, bare):
        reader = open_reader("evm")
        assert list(reader.read([path])) == []
        assert reader.stats.errors == 0 and reader.stats.records == 0 and reader.stats.entries > 50


def test_real_fabric_blocks_read_as_zero_records() -> None:
    folder = _real("fabric")
    reader = open_reader("fabric")
    items = list(reader.read(sorted(folder.glob("*.json"))))
    assert items == [] and reader.stats.errors == 0
    assert reader.stats.skipped["config transaction (config block)"] == 3
    assert reader.stats.skipped["not IP data (key outside the wipo-bc object types)"] == 1


def test_fabric_block_hash_links_the_fixture_blocks() -> None:
    blocks = [json.loads(line) for line in (FIXTURES / "fabric" / "blocks.ndjson").read_text().splitlines()]
    reader = _reader("fabric")
    by_block = {item.position["blockNumber"]: item.position["blockHash"] for item in reader.read(_files("fabric"))}
    for block in blocks[1:]:
        number = int(block["header"]["number"])
        previous = base64.b64decode(block["header"]["previous_hash"]).hex()
        if number - 1 in by_block:
            assert by_block[number - 1] == previous


# -- the forms of each platform --------------------------------------------------------------------

def _record(**changes: Any) -> dict[str, Any]:
    from wipo_bc_standard.rules.examples import example_record
    return example_record(**changes)


def _tx(data: bytes, **changes: Any) -> dict[str, Any]:
    tx = {"blockHash": "0x" + "ab" * 32, "blockNumber": "0x10", "blockTimestamp": "0x5f5e1000", "from": "0x" + "11" * 20,
          "gas": "0x5208", "gasPrice": "0x1", "hash": "0x" + "cd" * 32, "input": "0x" + data.hex(), "nonce": "0x0",
          "to": "0x" + "22" * 20, "transactionIndex": "0x0", "value": "0x0", "type": "0x2", "chainId": "0x1",
          "accessList": [], "maxFeePerGas": "0x2", "maxPriorityFeePerGas": "0x1", "v": "0x0", "r": "0x1", "s": "0x1",
          "yParity": "0x0"}
    tx.update(changes)
    return tx


def _read(kind: str, tmp_path: Path, value: Any, name: str = "export.json", **options: Any) -> Any:
    path = tmp_path / name
    path.write_text(json.dumps(value), encoding="utf-8")
    reader = open_reader(kind, **options)
    return reader, list(reader.read([path]))


def test_evm_transaction_by_hash_gives_a_mainnet_record(tmp_path: Path) -> None:
    record = _record()
    response = {"jsonrpc": "2.0", "id": 1, "result": _tx(json.dumps(record).encode())}
    reader, items = _read("evm", tmp_path, response)
    assert [i.doc["recordId"] for i in items] == [record["recordId"]]
    assert items[0].doc["ledger"] == {"platform": "ethereum", "network": "eip155:1", "transactionId": "0x" + "cd" * 32,
                                      "blockNumber": 16, "blockHash": "ab" * 32, "timestamp": "2020-09-13T12:26:40Z"}


def test_evm_pending_transaction_and_hash_only_block_are_skipped(tmp_path: Path) -> None:
    pending = _tx(json.dumps(_record()).encode(), blockNumber=None, blockHash=None, blockTimestamp=None)
    block = {"number": "0x1", "hash": "0x" + "01" * 32, "timestamp": "0x10", "transactions": ["0x" + "02" * 32]}
    reader, items = _read("evm", tmp_path, [pending, block])
    assert items == []
    assert reader.stats.skipped == {"pending transaction (not in a block yet)": 1,
                                    "transaction hash only (fetch the block with full transactions)": 1}


def test_evm_receipt_with_an_anchor_log(tmp_path: Path) -> None:
    record = _record()
    log = {"address": "0x" + "33" * 20, "topics": [ANCHOR_TOPIC, "0x" + record_digest(record)],
           "data": encode_abi_strings(record["recordId"], "https://office.example/r/1"), "blockNumber": "0x2a",
           "transactionHash": "0x" + "44" * 32, "transactionIndex": "0x0", "blockHash": "0x" + "55" * 32,
           "logIndex": "0x3", "removed": False}
    receipt = {"blockHash": "0x" + "55" * 32, "blockNumber": "0x2a", "logs": [log, dict(log, removed=True)],
               "status": "0x1", "transactionHash": "0x" + "44" * 32, "type": "0x3"}
    store = tmp_path / "records.json"
    store.write_text(json.dumps([record]))
    # The block (read first, in another file) gives the log its timestamp.
    block = tmp_path / "block.json"
    block.write_text(json.dumps({"number": "0x2a", "hash": "0x" + "55" * 32, "timestamp": "0x1a4", "transactions": []}))
    reader = open_reader("evm", records=store, chain="eip155:3503995874084926")
    items = list(reader.read([block, _write(tmp_path, "receipt.json", receipt)]))
    assert len(items) == 1 and not items[0].findings
    assert items[0].doc["ledger"]["logIndex"] == 3
    assert items[0].doc["ledger"]["timestamp"] == "1970-01-01T00:07:00Z"
    assert reader.stats.skipped["removed log (chain reorganisation)"] == 1


def _write(tmp_path: Path, name: str, value: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def test_payload_claiming_its_own_ledger_is_replaced_and_reported(tmp_path: Path) -> None:
    record = _record(ledger={"platform": "evm", "network": "x", "transactionId": "t", "blockNumber": 1,
                             "timestamp": "2020-01-01T00:00:00Z"})
    reader, items = _read("evm", tmp_path, _tx(json.dumps(record).encode()))
    assert items[0].doc["ledger"]["transactionId"] == "0x" + "cd" * 32
    assert [f.rule for f in items[0].findings] == ["ENC-01"]


def test_a_broken_record_payload_is_an_error_not_a_skip(tmp_path: Path) -> None:
    data = json.dumps(_record()).encode()[:-5]
    reader, items = _read("evm", tmp_path, _tx(data))
    assert len(items) == 1 and items[0].error is not None and items[0].error.rule.startswith("json.")
    assert items[0].position["transactionId"] == "0x" + "cd" * 32


def test_multichain_data_forms(tmp_path: Path) -> None:
    record = _record()
    text = json.dumps(record)
    base = {"publishers": ["1abc"], "keys": ["k"], "offchain": False, "available": True, "confirmations": 3,
            "blockhash": "00" * 32, "blockindex": 1, "blocktime": 1600000000, "txid": "ee" * 32, "vout": 0,
            "valid": True, "time": 1600000000, "timereceived": 1600000000, "blockheight": 7}
    items_in = [dict(base, data={"json": record}), dict(base, data={"text": text}),
                dict(base, data=text.encode().hex()),
                dict(base, data=None, offchain=True, available=False),
                dict(base, data={"txid": "ee" * 32, "vout": 0, "size": 9000000}),
                dict(base, data={"json": record}, blockhash=None, blocktime=None, confirmations=0),
                dict(base, data={"json": record}, valid=False)]
    reader, items = _read("multichain", tmp_path, {"result": items_in, "error": None, "id": 1},
                          chain="chain1", stream="stream1")
    assert len(items) == 3
    assert all(i.doc["ledger"] == {"platform": "multichain", "network": "chain1", "channel": "stream1",
                                   "transactionId": "ee" * 32, "blockNumber": 7, "blockHash": "00" * 32,
                                   "timestamp": "2020-09-13T12:26:40Z"} for i in items)
    assert reader.stats.entries == 7 and sum(reader.stats.skipped.values()) == 4


def test_fabric_config_only_and_deletes(tmp_path: Path) -> None:
    blocks = [json.loads(line) for line in (FIXTURES / "fabric" / "blocks.ndjson").read_text().splitlines()]
    block = blocks[1]
    write = block["data"]["data"][0]["payload"]["data"]["actions"][0]["payload"]["action"][
        "proposal_response_payload"]["extension"]["results"]["ns_rwset"][1]["rwset"]["writes"][0]
    write["is_delete"] = True
    reader, items = _read("fabric", tmp_path, [blocks[0], block])
    assert reader.stats.skipped["config transaction (config block)"] == 1
    assert reader.stats.skipped["deletion of a wipo-bc key"] == 1
    assert len(items) == 4


# -- bad input: clear errors naming the file and the place -----------------------------------------

def test_malformed_response_names_file_and_place(tmp_path: Path) -> None:
    block = {"jsonrpc": "2.0", "id": 1, "result": {"number": "12", "hash": "0x" + "01" * 32, "timestamp": "0x1",
                                                   "transactions": []}}
    path = _write(tmp_path, "blocks.json", [block])
    result = _cli("ledger", "read", "--from", "evm", str(path))
    assert result.exit_code == 1
    assert f"{path}: $[0].result.number: not a hex quantity: '12'" in result.stderr
    assert "Traceback" not in result.output + result.stderr
    assert "1 entries unreadable" in result.stderr


def test_truncated_export_keeps_what_was_read_and_says_where_it_broke(tmp_path: Path) -> None:
    good = {"jsonrpc": "2.0", "id": 1, "result": _tx(json.dumps(_record()).encode())}
    path = tmp_path / "cut.json"
    path.write_text(json.dumps([good, good])[:-40], encoding="utf-8")
    reader = open_reader("evm")
    items = list(reader.read([path]))
    assert items[0].doc is not None
    assert items[-1].error is not None and "$[1]" in items[-1].error.finding().message


def test_not_a_block_is_an_error_item_in_validate(tmp_path: Path) -> None:
    path = _write(tmp_path, "x.json", {"hello": "world"})
    report = tmp_path / "r.json"
    result = _cli("validate", "--from", "fabric", str(path), "--format", "json", "-o", str(report))
    assert result.exit_code == 1
    items = json.loads(report.read_text())["items"]
    assert [f["rule"] for f in items[0]["findings"]] == ["ledger.malformed"]
    assert "$: not a Fabric block" in items[0]["findings"][0]["message"]


def test_cli_refuses_what_cannot_be_run(tmp_path: Path) -> None:
    result = _cli("ledger", "read", "--from", "multichain", str(FIXTURES / "multichain" / "listblocks.json"))
    assert result.exit_code == 2 and "--chain" in result.stderr
    result = _cli("ledger", "read", "--from", "evm", str(tmp_path / "absent.json"))
    assert result.exit_code == 2 and "no such file" in result.stderr
    result = _cli("ledger", "read", "--from", "evm", "--records", str(tmp_path / "absent"),
                  str(FIXTURES / "evm" / "blocks.json"))
    assert result.exit_code == 2 and "--records" in result.stderr
    with pytest.raises(SourceError):
        list(open_reader("evm").read([tmp_path / "absent.json"]))


# -- a large export streams in bounded memory ------------------------------------------------------

def test_large_export_is_streamed(tmp_path: Path) -> None:
    record = _record()
    item = {"publishers": ["1abc"], "keys": ["k"], "offchain": False, "available": True, "data": {"json": record},
            "confirmations": 3, "blockhash": "00" * 32, "blockindex": 1, "blocktime": 1600000000,
            "txid": "ee" * 32, "vout": 0, "valid": True, "time": 1, "timereceived": 1, "blockheight": 7}
    line = json.dumps(item)
    path = tmp_path / "big.json"
    count = 30000
    with path.open("w", encoding="utf-8") as out:
        out.write('{"result": [')
        out.write(",".join(line for _ in range(count)))
        out.write('], "error": null, "id": 1}')
    size = path.stat().st_size
    reader = open_reader("multichain", chain="c")
    tracemalloc.start()
    read = sum(1 for _ in reader.read([path]))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert read == count
    assert peak < size / 10, f"peak {peak} bytes for a {size}-byte export"
