"""Strict JSON: parse bytes into a document, or say exactly why the bytes are not acceptable JSON.

The fast path is ``orjson``; the exact path (Python's ``json`` with hooks) runs only when the fast
path fails or a cheap byte-level pre-check says the fast path could have hidden something:

- duplicate object keys (orjson keeps the last one silently);
- integers beyond +-(2**53 - 1), which I-JSON (RFC 7493, section 2.2) says other implementations
  cannot carry exactly (orjson turns integers past 64 bits into floats silently);
- NaN and Infinity, which JSON (RFC 8259) does not have;
- nesting deeper than the ``depth`` limit, and the other limits of :mod:`.limits` (members,
  string length, integer digits), checked before the document goes any further.
"""

from __future__ import annotations

import bisect
import itertools
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from . import limits, messages
from .findings import Finding, Level

#: Deepest nesting of arrays and objects accepted by default; the standard's documents need fewer
#: than 10 (the limit in force is ``limits.LIMITS.depth``).
MAX_DEPTH = limits.Limits().depth
#: Largest integer magnitude that every JSON implementation carries exactly (I-JSON).
MAX_EXACT_INT = 2**53 - 1

#: Maps every ASCII digit to "0", so that a run of 16 digits is one substring test.
_DIGITS_TO_ZERO = bytes(0x30 if 0x30 <= b <= 0x39 else b for b in range(256))
_SIXTEEN_DIGITS = b"0" * 16
_DIGIT_OR_MINUS = frozenset(b"0-")
_BLANKS = frozenset(b" \t\r\n")
_NEWLINES = frozenset(b"\r\n")
_NUMBER_OPENERS = frozenset(b":[,")
_CLAUSE = "RFC 8259; RFC 7493 (I-JSON)"


@dataclass(frozen=True, slots=True)
class ParseError:
    """Why a text is not an acceptable JSON document: a rule id and the message's parameters."""

    rule: str
    #: English message, used when the message catalogue has no template for the rule.
    fallback: str = ""
    params: tuple[tuple[str, Any], ...] = ()

    @classmethod
    def of(cls, rule: str, **params: Any) -> ParseError:
        return cls(rule, "", tuple(params.items()))

    def message(self, lang: str = "en") -> str:
        return messages.message(self.rule, dict(self.params), lang, self.fallback)

    def finding(self, lang: str = "en") -> Finding:
        clause = limits.LIMITS_CLAUSE if self.rule.startswith("limit.") else _CLAUSE
        return Finding(rule=self.rule, level=Level.ERROR, message=self.message(lang), clause=clause,
                       params=self.params)


@dataclass(frozen=True, slots=True)
class LimitExceeded:
    """An element of a top-level array that goes past a limit (:func:`parse_items`): its error."""

    error: ParseError


def parse(data: bytes) -> Any | ParseError:
    """Return the document in ``data`` or a :class:`ParseError` (a limit passed is one too)."""
    doc = _parse(data)
    if isinstance(doc, ParseError) or not _may_exceed_limits(data):
        return doc
    exceeded = limits.walk_exceeds(doc)
    return doc if exceeded is None else ParseError.of(exceeded[0], **exceeded[1])


def parse_items(data: bytes) -> Any | ParseError:
    """:func:`parse` for a source whose top-level array is a list of items: each element is held
    to the limits on its own (an element past one is a :class:`LimitExceeded` in the list), and the
    number of elements is not limited."""
    doc = _parse(data)
    if isinstance(doc, ParseError) or not _may_exceed_limits(data):
        return doc
    if not isinstance(doc, list):
        exceeded = limits.walk_exceeds(doc)
        return doc if exceeded is None else ParseError.of(exceeded[0], **exceeded[1])
    out: list[Any] = []
    for element in doc:
        exceeded = limits.walk_exceeds(element)
        out.append(element if exceeded is None else LimitExceeded(ParseError.of(exceeded[0], **exceeded[1])))
    return out


def _may_exceed_limits(data: bytes) -> bool:
    """Whether a document could hold a string or a container past the limits (most cannot: they
    are smaller than one long string, and have fewer commas than one big container needs)."""
    current = limits.LIMITS
    return len(data) > current.string_chars or data.count(b",") >= current.members


def _parse(data: bytes) -> Any | ParseError:
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError:
        return _parse_exactly(data)
    if _may_hide_problems(data, doc):
        return _parse_exactly(data)
    return doc


def _may_hide_problems(data: bytes, doc: Any, limit: int | None = None) -> bool:
    """Cheap byte-level tests (C speed) that clear almost every real document.

    False alarms only cost the exact path; a real problem is never cleared.
    """
    limit = limits.LIMITS.depth if limit is None else limit
    # Deep nesting: the number of brackets bounds the depth, so most documents skip the walk.
    if data.count(b"{") + data.count(b"[") > limit and _depth(doc) > limit:
        return True
    if _long_number_in(data):
        return True
    if isinstance(doc, (dict, list)) and b":" in data:
        if _escapes_may_move_keys(data):
            return True
        return _members_dropped(data, orjson.dumps(doc))
    return False


def _members_dropped(data: bytes, written: bytes) -> bool:
    """Whether orjson's output of ``data`` lost a member (a duplicate key, which it keeps silently).

    Without a ``\\u003a`` escape, string contents survive orjson's round trip with their colons,
    and blanks and number forms hold none; so the output has as many colons as the input, one per
    member and those inside strings, unless a member (with its colon) was dropped.
    """
    return data.count(b":") != written.count(b":")


def _long_number_in(data: bytes) -> bool:
    """Whether a number token of 16 or more digits (maybe beyond 2**53) may be in ``data``."""
    return next(_long_numbers(data), None) is not None


def _long_numbers(data: bytes) -> Iterator[int]:
    """Where number tokens of 16 or more digits (maybe beyond 2**53) may start in ``data``.

    Each run of 16 digits is found in C; it is a number token when the run starts after ':',
    '[', ',' or the start of a line (blanks between allowed); a run inside a hex string (a
    transaction hash, say) starts after a letter and is passed over.
    """
    zeros = data.translate(_DIGITS_TO_ZERO)
    found = zeros.find(_SIXTEEN_DIGITS)
    while found != -1:
        start = found
        while start > 0 and zeros[start - 1] in _DIGIT_OR_MINUS:
            start -= 1
        before = start - 1
        while before >= 0 and data[before] in _BLANKS:
            if data[before] in _NEWLINES:
                break
            before -= 1
        if before < 0 or data[before] in _NUMBER_OPENERS or data[before] in _NEWLINES:
            yield start
        rest = zeros[found:]
        end = found + len(rest) - len(rest.lstrip(b"0"))  # past the run, in C (a run may be a megabyte)
        found = zeros.find(_SIXTEEN_DIGITS, end)


def _escapes_may_move_keys(data: bytes) -> bool:
    """Escapes that orjson writes back as a quote or a colon (``\\u0022``, ``\\u003a``), the only ones
    that can change the count of colons or key tokens. (Others, like ``\\u00e9`` or ``\\u4e2d``, cannot.)"""
    return b"\\u00" in data and (b"\\u0022" in data or b"\\u003a" in data or b"\\u003A" in data)


def parse_many(texts: Sequence[bytes], outer: int = 0) -> list[Any | ParseError]:
    """:func:`parse` for many texts (NDJSON lines, array elements), judged as :func:`parse` judges each.

    The search for long numbers and escapes runs once over the joined batch and points at the
    texts it concerns; the duplicate-key test (colons in and out) is one count per text.
    ``outer`` is the nesting around each text (1 for the elements of an array), counted towards
    :data:`MAX_DEPTH`.
    """
    limit = limits.LIMITS.depth - outer
    results: list[Any | ParseError] = []
    clean: list[int] = []
    for index, text in enumerate(texts):
        try:
            doc = orjson.loads(text)
        except orjson.JSONDecodeError:
            results.append(_parse_exactly(text, limit))
            continue
        if text.count(b"{") + text.count(b"[") > limit and _depth(doc) > limit:
            results.append(_parse_exactly(text, limit))
            continue
        if _may_exceed_limits(text):
            exceeded = limits.walk_exceeds(doc)
            if exceeded is not None:
                results.append(ParseError.of(exceeded[0], **exceeded[1]))
                continue
        results.append(doc)
        clean.append(index)
    if clean:
        # Texts are joined by newlines, which end a number token as the end of a text does: a long
        # number found in the joined bytes is one found in the text it falls in.
        joined = b"\n".join([texts[i] for i in clean])
        if _escapes_may_move_keys(joined):
            suspects = set(clean)
        else:
            starts = list(itertools.accumulate((len(texts[i]) + 1 for i in clean), initial=0))
            suspects = {clean[bisect.bisect_right(starts, at) - 1] for at in _long_numbers(joined)}
        for i in clean:
            doc = results[i]
            if i in suspects:
                if _may_hide_problems(texts[i], doc, limit):
                    results[i] = _parse_exactly(texts[i], limit)
            elif isinstance(doc, (dict, list)) and _members_dropped(texts[i], orjson.dumps(doc)):
                results[i] = _parse_exactly(texts[i], limit)
    return results


def _depth(doc: Any) -> int:
    limit = limits.LIMITS.depth
    deepest, stack = 0, [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict):
            node = list(node.values())
        if isinstance(node, list):
            deepest = max(deepest, depth)
            if depth <= limit:
                stack.extend((child, depth + 1) for child in node)
    return deepest


class _Reject(Exception):
    def __init__(self, rule: str, **params: Any) -> None:
        super().__init__(rule)
        self.rule = rule
        self.params = params


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise _Reject("json.duplicate-key", key=key)
        seen[key] = value
    return seen


def _constant(name: str) -> Any:
    raise _Reject("json.non-finite-number", name=name)


#: Digits of the largest integer I-JSON carries exactly (2**53 - 1 has 16).
_EXACT_INT_DIGITS = len(str(MAX_EXACT_INT))


def _int(text: str) -> int:
    # Longer integers are out of range; not converting them keeps a 100,000-digit number cheap
    # (and clear of Python's limit on converting integer text, 4,300 digits).
    if len(text.lstrip("-")) > _EXACT_INT_DIGITS:
        raise _Reject("json.number-range", text=_shortened(text))
    value = int(text)
    if abs(value) > MAX_EXACT_INT:
        raise _Reject("json.number-range", text=text)
    return value


def _float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _Reject("json.number-range", text=_shortened(text))
    return value


def _shortened(text: str) -> str:
    """A number as messages show it: a long one by its ends and its length."""
    return text if len(text) <= 40 else f"{text[:16]}...{text[-8:]} ({len(text)} characters)"


def _parse_exactly(data: bytes, limit: int | None = None) -> Any | ParseError:
    limit = limits.LIMITS.depth if limit is None else limit
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return ParseError.of("json.encoding", detail=f"not UTF-8: byte {exc.start} cannot be decoded")
    if text.startswith("\ufeff"):
        return ParseError.of("json.encoding", detail="starts with a byte order mark, which JSON forbids (RFC 8259, 8.1)")
    try:
        doc = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant,
                         parse_int=_int, parse_float=_float)
    except _Reject as exc:
        return ParseError.of(exc.rule, **exc.params)
    except json.JSONDecodeError as exc:
        if not text.strip():
            return ParseError.of("json.empty")
        return ParseError.of("json.syntax", detail=f"{exc.msg.removesuffix(' at')} at line {exc.lineno} column {exc.colno}")
    except RecursionError:
        return ParseError.of("json.depth", limit=limits.LIMITS.depth)
    if _depth(doc) > limit:
        return ParseError.of("json.depth", limit=limits.LIMITS.depth)
    try:
        orjson.dumps(doc)
    except orjson.JSONEncodeError:
        return ParseError.of("json.encoding", detail="a string holds a lone UTF-16 surrogate escape (I-JSON forbids it)")
    return doc
