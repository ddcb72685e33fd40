"""Exact locations: the line and column of the member a finding's JSON Pointer points at.

Computed only for items that have findings, after they are checked, by reading the item's text
again: a JSON file, an element of a top-level array, or a line of NDJSON. A pointer into a member
that is missing (``schema.required``) points at the object that lacks it. Columns count characters
(not bytes) from 1. An NDJSON item is located from its own line only, read forward from where the
previous item's line ended (the results of a file come in order), so memory stays bounded by one
line whatever the file's size; a line longer than :data:`MAX_BYTES` keeps the item's line only. JSON
and XML files larger than :data:`WHOLE_FILE_BYTES` keep the item's line only: they are read whole,
and their text takes up to four times their size (a 48 MB array of records with Chinese titles
took 120 MB more).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import replace
from typing import Any

from . import safe_io
from .findings import Finding
from .report import ItemResult

#: NDJSON lines re-read for locations up to this size.
MAX_BYTES = 64 << 20
#: JSON and XML files re-read whole for locations up to this size (the last one read is kept for
#: the next item).
WHOLE_FILE_BYTES = 16 << 20
_WS = re.compile(r"[ \t\r\n]*")
# Possessive: a long string is matched without keeping a backtracking state per character.
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"')
_TOKEN = re.compile(r'"(?:[^"\\]++|\\.)*+"|[\[\]{}]')
_SCALAR = re.compile(r"[^,\]}\s]+")
_JSON_SUFFIXES = (".json", ".ndjson", ".jsonl")


class Locator:
    """Adds line and column to the findings of results read from JSON or NDJSON files."""

    def __init__(self) -> None:
        self._path: str | None = None
        self._text: str | None = None
        self._line_starts: list[int] = []
        #: Where each element of a top-level array starts, found in one pass when first needed.
        self._elements: list[int] | None = None
        self._lines = _Lines()

    def __call__(self, result: ItemResult) -> ItemResult:
        if not result.findings or result.source.startswith("<"):
            return result
        if result.source.lower().endswith(".xml"):
            lines = _xml_lines(result.source)
            if lines is not None:
                result.findings = [_xml_located(lines, f) for f in result.findings]
            return result
        if not result.source.lower().endswith(_JSON_SUFFIXES):
            return result
        if result.source.lower().endswith((".ndjson", ".jsonl")):
            return self._locate_line(result)
        text = self._load(result.source)
        if text is None:
            return result
        start = self._item_start(text, result)
        if start is None:
            return result
        result.findings = [_located(text, start, f, self._position) for f in result.findings]
        return result

    def _locate_line(self, result: ItemResult) -> ItemResult:
        number = result.line
        if number is None or number < 1:
            return result
        text = self._lines.line(result.source, number)
        if text is None:
            return result
        start = _skip(text, 0)

        def position(offset: int) -> tuple[int, int]:
            return number, offset + 1

        result.findings = [_located(text, start, f, position) for f in result.findings]
        return result

    def _load(self, source: str) -> str | None:
        if source != self._path:
            self._path, self._text = source, None
            data = _read_whole(source)
            try:
                self._text = data.decode("utf-8-sig") if data is not None else None
            except UnicodeDecodeError:
                self._text = None
            self._line_starts = []
            self._elements = None
            if self._text is not None:
                self._line_starts = [0] + [m.end() for m in re.finditer("\n", self._text)]
        return self._text

    def _item_start(self, text: str, result: ItemResult) -> int | None:
        begin = _skip(text, 0)
        if begin < len(text) and text[begin] == "[":
            if self._elements is None:
                self._elements = _elements(text, begin)
            return self._elements[result.index] if result.index < len(self._elements) else None
        return begin if result.index == 0 else None

    def _position(self, offset: int) -> tuple[int, int]:
        import bisect
        index = bisect.bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1


class _Lines:
    """One line of an NDJSON file at a time, read forward from where the last one ended; the file is
    opened per line (no handle outlives a call) and read from the start again only if asked for an
    earlier line."""

    def __init__(self) -> None:
        self._path: str | None = None
        self._number = 1  # the number of the line that starts at ``_offset``
        self._offset = 0

    def line(self, source: str, number: int) -> str | None:
        if source != self._path or number < self._number:
            self._path, self._number, self._offset = source, 1, 0
        try:
            with open(source, "rb") as file:
                file.seek(self._offset)
                while self._number < number:
                    if not _skip_line(file):
                        return None
                    self._number += 1
                data = file.readline(MAX_BYTES + 1)
                whole = data.endswith(b"\n") or len(data) <= MAX_BYTES
                if not whole:
                    _skip_line(file)
                self._number += 1
                self._offset = file.tell()
        except OSError:
            return None
        if not whole:
            return None
        try:
            return data.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            return None


def _skip_line(file: Any) -> bool:
    """Reads past the rest of a line in blocks (never holding a long line whole); False at the end of the file."""
    read = False
    while True:
        block = file.readline(1 << 16)
        if not block:
            return read
        read = True
        if block.endswith(b"\n"):
            return True


def _located(text: str, start: int, finding: Finding, position: Any) -> Finding:
    offset = _pointer(text, start, finding.path)
    if offset is None:
        return finding
    line, column = position(offset)
    children = tuple(_located(text, start, c, position) for c in finding.children)
    return replace(finding, line=line, column=column, children=children)


def _read_whole(source: str) -> bytes | None:
    """A regular file's bytes if it has at most :data:`WHOLE_FILE_BYTES` (never more is read)."""
    try:
        return safe_io.read_regular(source, WHOLE_FILE_BYTES)
    except safe_io.NotReadable:
        return None


def _xml_lines(source: str) -> Any:
    """The record element of an XML file, parsed again without DTD, entities or network (None if it cannot be)."""
    data = _read_whole(source)
    if data is None or b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return None
    from lxml import etree
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def _xml_located(root: Any, finding: Finding) -> Finding:
    """The line of the element a pointer names (members are UpperCamelCase elements; an array is a
    ``...Bag`` element holding one element per item); lxml gives lines, not columns."""
    element = root
    parts = [p.replace("~1", "/").replace("~0", "~") for p in finding.path.split("/")[1:]] if finding.path else []
    for part in parts:
        children = [c for c in element if isinstance(c.tag, str)]
        if part.isdigit():
            found = children[int(part)] if int(part) < len(children) else None
        else:
            wanted = part[:1].upper() + part[1:]
            found = next((c for c in children if _local(c.tag) == wanted), None)
            if found is None:  # parties -> PartyBag, documents -> DocumentBag, priorityClaims -> PriorityClaimBag
                found = next((c for c in children if _local(c.tag).endswith("Bag")
                              and wanted.startswith(_local(c.tag)[:-3][:-1])), None)
        if found is None:
            break
        element = found
    line = element.sourceline
    if not isinstance(line, int):
        return finding
    return replace(finding, line=line, column=None,
                   children=tuple(_xml_located(root, c) for c in finding.children))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _skip(text: str, i: int) -> int:
    match = _WS.match(text, i)
    return match.end() if match else i


@functools.cache
def _balanced() -> re.Pattern[str]:
    """An array or object whose brackets balance (strings skipped as :data:`_STRING` skips them), up
    to eight levels deep; possessive quantifiers over alternatives that start differently: linear."""
    inner = r'(?:"(?:[^"\\]++|\\.)*+"|[^{}\[\]"]++)*+'
    for _ in range(8):
        inner = r'(?:"(?:[^"\\]++|\\.)*+"|[^{}\[\]"]++|[\[{]' + inner + r'[\]}])*+'
    return re.compile(r"[\[{]" + inner + r"[\]}]")


def _value_end(text: str, i: int) -> int:
    if i >= len(text):
        return i
    char = text[i]
    if char == '"':
        match = _STRING.match(text, i)
        return match.end() if match else len(text)
    if char in "[{":
        match = _balanced().match(text, i)
        if match is not None:  # the same end as the token scan below finds, in C
            return match.end()
        depth = 0
        for token in _TOKEN.finditer(text, i):
            mark = token.group()
            if mark in ("[", "{"):
                depth += 1
            elif mark in ("]", "}"):
                depth -= 1
                if depth == 0:
                    return token.end()
        return len(text)
    match = _SCALAR.match(text, i)
    return match.end() if match else i + 1


def _member(text: str, i: int, key: str) -> tuple[int, int] | None:
    """(offset of the member's name, offset of its value) in the object at ``i``."""
    i = _skip(text, i + 1)
    while i < len(text) and text[i] != "}":
        match = _STRING.match(text, i)
        if match is None:
            return None
        raw = match.group()
        if "\\" in raw:
            try:
                name = json.loads(raw)
            except ValueError:
                return None
        else:
            name = raw[1:-1]
        i = _skip(text, match.end())
        if i >= len(text) or text[i] != ":":
            return None
        value = _skip(text, i + 1)
        if name == key:
            return match.start(), value
        i = _skip(text, _value_end(text, value))
        if i < len(text) and text[i] == ",":
            i = _skip(text, i + 1)
    return None


def _elements(text: str, i: int) -> list[int]:
    """The offset of every element of the array at ``i`` (one pass: items of a large array are
    located in linear time, not by scanning from the start for each)."""
    starts: list[int] = []
    i = _skip(text, i + 1)
    while i < len(text) and text[i] != "]":
        starts.append(i)
        end = _value_end(text, i)
        if end <= i:
            break
        i = _skip(text, end)
        if i < len(text) and text[i] == ",":
            i = _skip(text, i + 1)
    return starts


def _element(text: str, i: int, index: int) -> int | None:
    """The offset of element ``index`` of the array at ``i``."""
    i = _skip(text, i + 1)
    count = 0
    while i < len(text) and text[i] != "]":
        if count == index:
            return i
        i = _skip(text, _value_end(text, i))
        if i < len(text) and text[i] == ",":
            i = _skip(text, i + 1)
        count += 1
    return None


def _pointer(text: str, start: int, pointer: str) -> int | None:
    """The offset of what the pointer names: a member's name, an element, or the deepest part that exists."""
    at = start
    if not pointer:
        return at
    for raw in pointer.split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if at >= len(text):
            return None
        if text[at] == "{":
            found = _member(text, at, part)
            if found is None:
                return at  # a missing member: the object that lacks it
            name, value = found
            at = value
            last_name = name
        elif text[at] == "[" and part.isdigit():
            element = _element(text, at, int(part))
            if element is None:
                return at
            at = last_name = element
        else:
            return at
    return last_name
