"""Limits, safe reading and writing, and printable text: the pieces the hostile corpus relies on."""

from __future__ import annotations

import dataclasses
import io
import os
from pathlib import Path

import pytest

from wipo_bc_standard import limits, safe_io, validate
from wipo_bc_standard.limits import Limits

from .conftest import ROOT


def test_every_limit_is_documented_with_its_default() -> None:
    page = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    for f in dataclasses.fields(Limits):
        row = next((line for line in page.splitlines() if line.startswith(f"| `{f.name}` |")), None)
        assert row is not None, f"docs/limits.md has no row for {f.name}"
        assert str(f.default) in row.replace(",", ""), f"docs/limits.md gives another default for {f.name}"


def test_limits_come_from_the_environment() -> None:
    changed = Limits.from_environment({"WIPO_BC_LIMIT_ITEM_BYTES": "1024"})
    assert changed.item_bytes == 1024 and changed.depth == Limits().depth
    with pytest.raises(ValueError, match="not an integer"):
        Limits.from_environment({"WIPO_BC_LIMIT_DEPTH": "deep"})


def test_a_limit_passed_is_a_finding_on_its_item(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in (("string_chars", 10), ("members", 3)):
        monkeypatch.setattr(limits.LIMITS, name, value)
    source = tmp_path / "items.ndjson"
    source.write_bytes(b'{"recordId": "' + b"x" * 11 + b'"}\n{"a": [1, 2, 3, 4]}\n{"a": [1, 2, 3]}\n')
    report = validate(source)
    rules = [[f.rule for f in item.findings][:1] for item in report.items]
    assert rules[0] == ["limit.string-length"] and rules[1] == ["limit.members"]
    assert rules[2] != ["limit.members"] and report.summary.items == 3


def test_printable_escapes_what_could_forge_a_line() -> None:
    assert safe_io.printable("a\n::error::x\r\x1b[31m\x07\u2028\u0085b") == (
        "a\\x0a::error::x\\x0d\\x1b[31m\\x07\\u2028\\x85b")
    assert safe_io.printable(os.fsdecode(b"r\xff.json")) == "r\\xff.json"
    assert safe_io.printable("plain text, é, 中文") == "plain text, é, 中文"


def test_lines_end_at_lf_crlf_or_a_lone_cr_and_long_ones_are_not_kept() -> None:
    stream = io.BytesIO(b"a\rb\r\nc\nd" + b"e" * 50 + b"\nf\r")
    lines = list(safe_io.bounded_lines(stream, 10))
    assert lines == [b"a", b"b", b"c", safe_io.Oversized(51), b"f"]


def test_whole_reads_are_sized_by_the_file_and_still_bounded(tmp_path: Path) -> None:
    """A small file is read at its size (not in a buffer of the limit's size); a file that grows
    after it was opened is read on to the limit; a stream of unknown size (a pipe) too."""
    small = tmp_path / "small.json"
    small.write_bytes(b"{}")
    with safe_io.open_regular(small) as stream:
        assert safe_io.read_at_most(stream, 1 << 28) == b"{}"
    with safe_io.open_regular(small) as stream, small.open("ab") as appender:
        assert stream.read(1) == b"{"
        appender.write(b"x" * 3_000_000)  # grows past what fstat would have said at the start
        appender.flush()
        assert len(safe_io.read_at_most(stream, 1 << 28)) == 3_000_001
    with safe_io.open_regular(small) as stream:
        with pytest.raises(safe_io.NotReadable, match="larger than 1000 bytes"):
            safe_io.read_bounded(stream, 1000, "small.json")
    read, write = os.pipe()
    os.write(write, b"[1, 2]")
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        assert safe_io.read_at_most(pipe, 1 << 28) == b"[1, 2]"
    assert safe_io.read_at_most(io.BytesIO(b"abc"), 2) == b"ab"


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "fifo.json")
    with pytest.raises(safe_io.NotReadable, match="a FIFO"):
        safe_io.read_regular(tmp_path / "fifo.json")
    with pytest.raises(safe_io.NotReadable, match="a device"):
        safe_io.read_regular("/dev/zero")


def test_an_output_naming_an_input_is_refused_and_a_failed_write_keeps_the_old_file(tmp_path: Path) -> None:
    source, report = tmp_path / "r.json", tmp_path / "report.txt"
    source.write_text("{}")
    report.write_text("old")
    os.symlink(source, tmp_path / "link.json")
    for spelling in (str(source), str(tmp_path / "link.json"), str(tmp_path / "sub" / ".." / "r.json")):
        with pytest.raises(safe_io.OutputRefused):
            with safe_io.atomic_output(spelling, [source]):
                pass
    with pytest.raises(RuntimeError):
        with safe_io.atomic_output(str(report), [source]) as out:
            out.write("half a report")
            raise RuntimeError("the run failed")
    assert report.read_text() == "old" and sorted(p.name for p in tmp_path.iterdir()) == [
        "link.json", "r.json", "report.txt"]
    with safe_io.atomic_output(str(report), [source]) as out:
        out.write("new")
    assert report.read_text() == "new"
