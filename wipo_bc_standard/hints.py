"""Fix hints: what to write instead, where the checks can tell.

A hint names the expected form of a value (a date as YYYY-MM-DD, with the date rewritten when the
value is an unambiguous day/month/year), the nearest member name for a misspelt member and the
nearest allowed value for a value not in a list. Nearest means difflib's similarity ratio of at
least 0.6 (Python's standard library); nothing is suggested below it.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Iterable, Mapping
from typing import Any

from .identity.did import METHOD_NAME_PATTERN, METHOD_SPECIFIC_ID_PATTERN
from .wording import say

#: Expected forms of the JSON Schema formats the schemas use (RFC 3339, RFC 3986), by language.
FORMS = {
    "date": {"en": "write a date as YYYY-MM-DD (RFC 3339 full-date)", "zh": "日期应写作 YYYY-MM-DD（RFC 3339 完整日期）"},
    "date-time": {"en": "write a date-time as YYYY-MM-DDThh:mm:ssZ or with an offset such as +08:00 (RFC 3339)",
                  "zh": "日期时间应写作 YYYY-MM-DDThh:mm:ssZ 或带时区偏移如 +08:00（RFC 3339）"},
    "uri": {"en": "write an absolute URI with a scheme, e.g. https://example.org/x (RFC 3986)",
            "zh": "应为带协议的绝对 URI，例如 https://example.org/x（RFC 3986）"},
    "email": {"en": "write an e-mail address such as name@example.org", "zh": "应为电子邮件地址，例如 name@example.org"},
}
SAY = {
    "as": {"en": "{form}: {value}", "zh": "{form}：{value}"},
    "member": {"en": "did you mean {name!r}?", "zh": "是否应为 {name!r}？"},
    "value": {"en": "did you mean {value!r}?", "zh": "是否应为 {value!r}？"},
}
_DMY = re.compile(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})")


def _say(key: str, lang: str, **values: Any) -> str:
    return say(SAY[key], values, lang)


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``word`` (case ignored), if any is like it at all."""
    options = tuple(c for c in candidates if isinstance(c, str))
    # A ratio is at most 2 * shorter / (both lengths): no option reaches 0.6 against a word longer than
    # 7/3 of the longest. Such a word (a hostile value may be a megabyte) is neither compared nor cached.
    if not options or 3 * len(word.lower()) > 7 * max(len(c.lower()) for c in options):
        return None
    return _nearest(word, options)


@functools.lru_cache(maxsize=1024)
def _nearest(word: str, options: tuple[str, ...]) -> str | None:
    # Cached: a data set repeats its mistakes, and difflib costs about half a millisecond a call.
    by_lower = {c.lower(): c for c in options}
    found = difflib.get_close_matches(word.lower(), list(by_lower), n=1, cutoff=0.6)
    return by_lower[found[0]] if found else None


def date_rewritten(text: str) -> str | None:
    """``14/02/2023`` -> ``2023-02-14`` when the day cannot be the month (day > 12); else None."""
    match = _DMY.fullmatch(text.strip())
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    if day > 12 and 1 <= month <= 12 and day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def for_format(format_name: str, value: Any, lang: str = "en") -> str:
    form = FORMS.get(format_name)
    if form is None:
        return ""
    said = say(form, {}, lang)
    if format_name == "date" and isinstance(value, str):
        rewritten = date_rewritten(value)
        if rewritten:
            return _say("as", lang, form=said, value=rewritten)
    return said


def for_member(unexpected: str, schema_node: Mapping[str, Any] | None, lang: str = "en") -> str:
    properties = schema_node.get("properties") if isinstance(schema_node, Mapping) else None
    if not isinstance(properties, Mapping):
        return ""
    name = nearest(unexpected, properties)
    return _say("member", lang, name=name) if name else ""


def for_enum(value: Any, options: Iterable[Any], lang: str = "en") -> str:
    if not isinstance(value, str):
        return ""
    found = nearest(value, (o for o in options if isinstance(o, str)))
    return _say("value", lang, value=found) if found else ""


_DID_METHOD = re.compile(METHOD_NAME_PATTERN)
_DID_ID = re.compile(METHOD_SPECIFIC_ID_PATTERN)
DID_PROBLEMS = {
    "scheme": {"en": "a DID starts with the lower-case scheme did: (W3C DID Core 3.1)",
               "zh": "DID 以小写的 did: 开头（W3C DID Core 3.1）"},
    "method": {"en": "the method name {method!r} may hold only lower-case letters and digits, e.g. did:web:",
               "zh": "方法名 {method!r} 只能包含小写字母和数字，例如 did:web:"},
    "no-id": {"en": "the method-specific id is missing: did:{method}:<id>, e.g. did:{method}:office.example",
              "zh": "缺少方法特定标识符：did:{method}:<标识符>，例如 did:{method}:office.example"},
    "id": {"en": "the method-specific id {ident!r} holds characters a DID does not allow (letters, digits, . - _ : "
                 "and %-escapes; it must not end with :)",
           "zh": "方法特定标识符 {ident!r} 含有 DID 不允许的字符（只允许字母、数字、. - _ : 和 % 转义，且不能以 : 结尾）"},
}


def for_did(value: Any, lang: str = "en") -> str:
    """Which part of a DID breaks the syntax (W3C DID Core 1.0, 3.1); "" when the DID part is sound."""
    if not isinstance(value, str):
        return ""
    did = value.split("#", 1)[0].split("?", 1)[0].split("/", 1)[0]
    key, values = "", {}
    if not did.startswith("did:"):
        key = "scheme"
    else:
        method, _, ident = did[4:].partition(":")
        values = {"method": method or "web", "ident": ident}
        if not _DID_METHOD.fullmatch(method):
            key = "method"
        elif not ident:
            key = "no-id"
        elif not _DID_ID.fullmatch(ident):
            key = "id"
    if not key:
        return ""
    return say(DID_PROBLEMS[key], values, lang)


def for_rule(rule_id: str, params: Mapping[str, Any], lang: str = "en") -> str:
    """The hint of a catalogue rule's finding, for the rules that have one."""
    if rule_id == "DID-01":
        return for_did(params.get("value"), lang)
    return ""


def node_at(schema: Mapping[str, Any], path: Iterable[Any]) -> Any:
    """The schema node at a schema path (as jsonschema-rs reports it: already through ``$ref``)."""
    node: Any = schema
    for part in path:
        if isinstance(node, Mapping):
            node = node.get(part)
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
        else:
            return None
    return node
