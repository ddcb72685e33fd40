"""``--fix``: the safe, unambiguous corrections, written back to the files only when asked.

Three kinds, each decided by the finding alone and checked again against the file before it is
changed (the value must still be what the finding saw):

- a misspelt member (``schema.additionalProperties``) whose nearest member name is very close
  (similarity at least :data:`RENAME_SIMILARITY`) and not already present: renamed, in place;
- ``UK`` where an ST.3 code is expected (ID-01): ``GB``, the United Kingdom's code in WIPO ST.3
  (``UK`` is only reserved in ISO 3166-1);
- blanks around an identifier (ID-07): removed, when what is left is printable.

Files with JSON findings (duplicate keys, numbers beyond I-JSON, not UTF-8...) are never rewritten:
writing them again could change what they say. A JSON file is written again as JSON (indented with
two spaces if it was on several lines); in NDJSON only the lines changed are written again. Every
file is written to a temporary file beside it and renamed over it (atomic): an interruption leaves
the old file or the new one, never half of one.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import jsontext, safe_io
from .findings import Finding
from .report import ItemResult

RENAME_SIMILARITY = 0.8
ST3_REPLACEMENTS = {"UK": "GB"}
_JSON_SUFFIXES = (".json",)
_NDJSON_SUFFIXES = (".ndjson", ".jsonl")
#: A line ending as the NDJSON reader counts lines (LF, CRLF or a lone CR): item ``index`` is line ``index``.
_LINE_ENDING = re.compile(rb"(\r\n|\r|\n)")


@dataclass(frozen=True, slots=True)
class Edit:
    """One correction of one item: at ``pointer``, ``old`` becomes ``new`` (a value, or a member's name)."""

    index: int
    pointer: str
    kind: str  # "value" or "rename"
    old: str
    new: str


def edit_of(index: int, finding: Finding) -> Edit | None:
    """The safe correction a finding allows, if any."""
    params = dict(finding.params)
    if finding.rule == "schema.additionalProperties":
        old, new = params.get("unexpected"), params.get("nearest")
        if (isinstance(old, str) and isinstance(new, str)
                and difflib.SequenceMatcher(None, old.lower(), new.lower()).ratio() >= RENAME_SIMILARITY):
            return Edit(index, finding.path, "rename", old, new)
    elif finding.rule == "ID-01":
        code = params.get("code")
        if isinstance(code, str) and code in ST3_REPLACEMENTS:
            return Edit(index, finding.path, "value", code, ST3_REPLACEMENTS[code])
    elif finding.rule == "ID-07":
        value = params.get("value")
        if isinstance(value, str) and value.strip() != value and value.strip() and value.strip().isprintable():
            return Edit(index, finding.path, "value", value, value.strip())
    return None


class Fixer:
    """Collects the corrections of a run's results as they stream past; :meth:`apply` writes them."""

    def __init__(self) -> None:
        self._edits: dict[str, list[Edit]] = defaultdict(list)
        self._unsafe: set[str] = set()
        #: The files that could not be written again, each with why (after :meth:`apply`).
        self.failed: list[str] = []

    def __call__(self, results: Iterable[ItemResult]) -> Iterator[ItemResult]:
        for result in results:
            if result.findings and not result.source.startswith("<"):
                if any(f.rule.startswith(("json.", "source.", "xml.", "jsonld.", "ttl.")) for f in result.findings):
                    self._unsafe.add(result.source)
                for finding in result.findings:
                    edit = edit_of(result.index, finding)
                    if edit is not None:
                        self._edits[result.source].append(edit)
            yield result

    def apply(self) -> tuple[int, int]:
        """Write the corrections; return (corrections made, files written)."""
        made = files = 0
        for source, edits in self._edits.items():
            if source in self._unsafe:
                continue
            try:
                count = _fix_file(Path(source), edits)
            except OSError as exc:  # a read-only folder, a full disk: that file stays as it was
                self.failed.append(f"{safe_io.display_name(source)}: {safe_io.reason(exc)}")
                continue
            if count:
                made += count
                files += 1
        return made, files


def _fix_file(path: Path, edits: list[Edit]) -> int:
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError:
        return 0
    by_item: dict[int, list[Edit]] = defaultdict(list)
    for edit in edits:
        by_item[edit.index].append(edit)
    if suffix in _NDJSON_SUFFIXES:
        # Lines and their endings alternate; endings are kept as they were.
        parts = _LINE_ENDING.split(data)
        made = 0
        for index, item_edits in by_item.items():
            if 2 * index >= len(parts):
                continue
            doc = jsontext.parse(parts[2 * index])
            if isinstance(doc, jsontext.ParseError):
                continue
            done = sum(_apply(doc, e) for e in item_edits)
            if done:
                parts[2 * index] = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
                made += done
        if made:
            _write_atomically(path, b"".join(parts))
        return made
    if suffix not in _JSON_SUFFIXES:
        return 0
    doc = jsontext.parse(data)
    if isinstance(doc, jsontext.ParseError):
        return 0
    made = 0
    for index, item_edits in by_item.items():
        item = doc[index] if isinstance(doc, list) and index < len(doc) else doc if index == 0 else None
        if item is not None:
            made += sum(_apply(item, e) for e in item_edits)
    if made:
        indent = 2 if b"\n" in data.strip() else None
        text = json.dumps(doc, ensure_ascii=False, indent=indent) + ("\n" if data.endswith(b"\n") else "")
        _write_atomically(path, text.encode("utf-8"))
    return made


def _apply(doc: Any, edit: Edit) -> int:
    """Make one correction if the document still holds what the finding saw; 1 if made, else 0."""
    parts = [p.replace("~1", "/").replace("~0", "~") for p in edit.pointer.split("/")[1:]]
    if not parts:
        return 0
    parent = doc
    for part in parts[:-1]:
        if isinstance(parent, dict):
            parent = parent.get(part)
        elif isinstance(parent, list) and part.isdigit() and int(part) < len(parent):
            parent = parent[int(part)]
        else:
            return 0
    last = parts[-1]
    if edit.kind == "rename":
        if not isinstance(parent, dict) or last != edit.old or edit.old not in parent or edit.new in parent:
            return 0
        items = [(edit.new if key == edit.old else key, value) for key, value in parent.items()]
        parent.clear()
        parent.update(items)  # the member keeps its place
        return 1
    if isinstance(parent, dict) and parent.get(last) == edit.old:
        parent[last] = edit.new
        return 1
    if isinstance(parent, list) and last.isdigit() and int(last) < len(parent) and parent[int(last)] == edit.old:
        parent[int(last)] = edit.new
        return 1
    return 0


def _write_atomically(path: Path, data: bytes) -> None:
    with safe_io.atomic_output(str(path), binary=True) as stream:
        stream.write(data)
