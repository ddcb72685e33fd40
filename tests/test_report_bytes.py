"""A report is whole and parseable whatever characters it holds and however it is chunked, and a
report file is never left half-written.

Renderers spool their items as UTF-8 bytes and copy them out in chunks; a character of two to four
bytes may straddle two chunks. Here the chunk is made tiny so that every character of the report
falls on a boundary somewhere, and each format is parsed back.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import lxml.etree as etree
import lxml.html
import pytest
from click.testing import CliRunner

from wipo_bc_standard.cli import main
from wipo_bc_standard.cli.common import output
from wipo_bc_standard.findings import Finding, Level
from wipo_bc_standard.renderers import REGISTRY, base
from wipo_bc_standard.report import ItemResult, Summary

from .conftest import EXAMPLES

# Characters of one (a), two (é), three (中) and four (𝄞) bytes in UTF-8.
_TEXT = "a é 中文 𝄞 记录"


def _results() -> list[ItemResult]:
    results = []
    for index in range(7):  # offsets shift by a byte or more from item to item
        findings = [Finding("LS-01", Level(1 + (index + n) % 3), f"{_TEXT * (n + 1)}{'x' * index}",
                            path=f"/记录/{n}", clause="ST.27 中")
                    for n in range(3)]
        results.append(ItemResult(f"源/{'é' * index}.json", index, index + 1, "record", findings, index % 2 == 0))
    return results


def _render(fmt: str, out: io.TextIOBase) -> None:
    renderer = REGISTRY[fmt](out)
    summary = Summary()
    renderer.begin()
    for result in _results():
        summary.add(result)
        renderer.item(result)
    renderer.finish(summary)
    out.flush()


def _parsed(fmt: str, text: str) -> object:
    """The report parsed as its format says, or an AssertionError."""
    if fmt in ("json", "sarif"):
        return json.loads(text)
    if fmt == "ndjson":
        return [json.loads(line) for line in text.splitlines()]
    if fmt == "junit":
        return etree.tostring(etree.fromstring(text.encode()), encoding="unicode")
    if fmt == "html":
        return lxml.html.document_fromstring(text).text_content()
    return text.splitlines()


@pytest.mark.parametrize("fmt", ["json", "ndjson", "sarif", "junit", "html", "github", "text"])
@pytest.mark.parametrize("chunk", [1, 2, 3, 5])
def test_every_chunk_boundary_through_every_format(fmt: str, chunk: int, monkeypatch: pytest.MonkeyPatch,
                                                   tmp_path: Path) -> None:
    reference = io.StringIO()
    _render(fmt, reference)
    expected = _parsed(fmt, reference.getvalue())
    assert "中文 𝄞" in reference.getvalue()
    monkeypatch.setattr(base, "COPY_CHUNK", chunk)
    # A text stream without a binary one under it (decoded incrementally)...
    decoded = io.StringIO()
    _render(fmt, decoded)
    assert _parsed(fmt, decoded.getvalue()) == expected
    # ...and a file (bytes written straight through).
    path = tmp_path / "report"
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        _render(fmt, stream)
    assert _parsed(fmt, path.read_text(encoding="utf-8")) == expected


def test_many_chinese_messages_give_a_whole_json_report(tmp_path: Path) -> None:
    """The reported case: 6,000 copies of a valid design record, messages in Chinese, the JSON report
    written to a file by one process. The source's name (Chinese, in every item) makes the report pass
    1 MiB, and its length, one to three characters more, moves a character onto the chunk boundary."""
    record = (EXAMPLES / "valid" / "record" / "design-registration.json").read_bytes()
    for extra in range(3):
        source = tmp_path / f"{'设计记录' * 12}{'中' * extra}.json"
        source.write_bytes(b"[" + b",".join([record] * 6000) + b"]")
        report = tmp_path / "report.json"
        done = CliRunner().invoke(main, ["validate", "--lang", "zh", "--format", "json", "--jobs", "1",
                                         "-o", str(report), str(source)])
        assert done.exit_code in (0, 1), done.output
        assert report.stat().st_size > base.COPY_CHUNK
        parsed = json.loads(report.read_text(encoding="utf-8"))
        assert parsed["summary"]["items"] == len(parsed["items"]) == 6000


def test_a_failed_write_leaves_the_destination_as_it_was(tmp_path: Path) -> None:
    destination = tmp_path / "report.json"
    destination.write_text("the previous report")
    for interruption in (RuntimeError("renderer broke"), KeyboardInterrupt()):
        with pytest.raises(type(interruption)), output(str(destination)) as out:
            out.write("half a rep")
            raise interruption
        assert destination.read_text() == "the previous report"
        assert sorted(os.listdir(tmp_path)) == ["report.json"]  # no temporary file left behind


def test_a_report_appears_whole_with_the_usual_permissions(tmp_path: Path) -> None:
    destination = tmp_path / "report.txt"
    with output(str(destination)) as out:
        out.write("complete")
        assert not destination.exists()  # nothing in place until the report is whole
    assert destination.read_text() == "complete"
    mask = os.umask(0o022)
    os.umask(mask)
    assert destination.stat().st_mode & 0o777 == 0o666 & ~mask
    assert sorted(os.listdir(tmp_path)) == ["report.txt"]
