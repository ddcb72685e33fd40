"""`--fix`: the safe corrections, only when asked, written atomically, never in files that could lose data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from wipo_bc_standard.cli import main
from wipo_bc_standard.rules.examples import example_record


def _broken() -> dict[str, object]:
    record = example_record()
    right = dict(record["ipRight"])
    right["office"] = "UK"
    right["applicationNumber"] = right["applicationNumber"] + " "
    right = {("filingDat" if key == "filingDate" else key): value for key, value in right.items()}
    record["ipRight"] = right
    return record


def test_fix_corrects_the_safe_cases_in_place(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    path.write_text(json.dumps(_broken(), indent=2), encoding="utf-8")
    before = path.read_bytes()
    assert CliRunner().invoke(main, ["validate", str(path)]).exit_code == 1
    assert path.read_bytes() == before, "nothing is written without --fix"
    result = CliRunner().invoke(main, ["validate", str(path), "--fix"])
    assert "fixed 3 findings in 1 file" in result.stderr
    fixed = json.loads(path.read_text(encoding="utf-8"))
    expected = example_record()
    expected["ipRight"] = {**expected["ipRight"], "office": "GB"}
    assert fixed == expected and list(fixed["ipRight"]) == list(expected["ipRight"]), "the member keeps its place"
    assert CliRunner().invoke(main, ["validate", str(path)]).exit_code == 0
    assert [p.name for p in tmp_path.iterdir()] == ["record.json"], "no temporary file left behind"


def test_in_ndjson_only_the_lines_fixed_are_written_again(tmp_path: Path) -> None:
    good = json.dumps(example_record(), indent=None, separators=(", ", ": "))
    path = tmp_path / "records.ndjson"
    path.write_text(good + "\n" + json.dumps(_broken()) + "\n", encoding="utf-8")
    CliRunner().invoke(main, ["validate", str(path), "--fix"])
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == good and json.loads(lines[1])["ipRight"]["office"] == "GB"


def test_a_file_with_json_findings_is_never_rewritten(tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    text = json.dumps(_broken())[:-1] + ', "recordType": "assignment", "recordType": "licence"}'
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(path), "--fix"])
    assert "fixed 0 findings" in result.stderr and path.read_text(encoding="utf-8") == text


def test_in_ndjson_with_cr_line_endings_the_right_line_is_fixed(tmp_path: Path) -> None:
    """The reader counts a lone CR as a line ending; the fixer counts lines the same way."""
    good = json.dumps(example_record())
    path = tmp_path / "records.ndjson"
    path.write_bytes(f"{good}\r{json.dumps(_broken())}\r\n{good}\r".encode())
    result = CliRunner().invoke(main, ["validate", str(path), "--fix"])
    assert "fixed 3 findings in 1 file" in result.stderr
    data = path.read_bytes()
    assert data.count(b"\r") == 3 and data.count(b"\n") == 1, "the line endings are kept"
    lines = data.decode("utf-8").splitlines()
    assert lines[0] == lines[2] == good and json.loads(lines[1])["ipRight"]["office"] == "GB"


def test_a_file_that_cannot_be_written_again_is_said_not_a_traceback(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A full disk or a read-only folder: one line says which file was not fixed; it is unchanged."""
    from wipo_bc_standard import fixes

    def no_space(path: Path, data: bytes) -> None:
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(fixes, "_write_atomically", no_space)
    path = tmp_path / "record.json"
    path.write_text(json.dumps(_broken(), indent=2), encoding="utf-8")
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["validate", str(path), "--fix"])
    assert result.exit_code == 1 and not isinstance(result.exception, OSError)
    assert f"not fixed: {path}: No space left on device" in result.stderr and path.read_bytes() == before
