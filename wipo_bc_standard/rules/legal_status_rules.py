"""Rules on a record's legal-status event: WIPO ST.27, ST.61 and ST.87 codes and the kind of right they fit.

Each check adds meaning beyond the JSON Schema and must cope with schema-invalid documents: it
checks types before use and never raises. Look-up tables are built once, at import.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .. import codelists as cl
from ..codelists import st27
from ..findings import Level
from .access import member as _get
from .catalogue import Hit, RuleContext, rule
from .examples import example_record
from .guards import all_of, at, not_in, string_in, string_matching

# Look-up tables, built once.
_LEGAL_STATUS_STANDARD = {c.value: c.fact("legalStatusStandard") for c in cl.IP_RIGHT_KINDS.codes}
_KINDS_WITHOUT_LS_STANDARD = frozenset(k for k, s in _LEGAL_STATUS_STANDARD.items() if not s)


#: Ordinary for LS-01: the event is coded in the standard of the right's kind.
_STANDARD_OF_KIND_GUARD = all_of(*(
    {"if": {"properties": {"ipRight": {"properties": {"kind": {"const": kind}}, "required": ["kind"]}},
            "required": ["ipRight"]},
     "then": at("event/standard", string_in([standard]))}
    for kind, standard in sorted(_LEGAL_STATUS_STANDARD.items()) if standard))


@rule(id="LS-01", guards={"record": _STANDARD_OF_KIND_GUARD}, reads=('event',), title="Legal-status standard matches the kind of right", level=Level.ERROR,
      targets="record", clause="WIPO ST.27, ST.61, ST.87 (scope of each standard)",
      rationale="Patent events are coded in ST.27, trade mark events in ST.61 and design events in ST.87; "
                "a code read under the wrong standard means something else.",
      message="a {kind} event must be coded in {expected}, not {actual}",
      message_zh="{kind} 的法律状态事件必须使用 {expected} 编码，而不是 {actual}",
      valid=example_record(),
      invalid=example_record(event__standard="ST.27"))
def legal_status_standard_matches_kind(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    kind = _get(doc, "ipRight", "kind")
    actual = _get(doc, "event", "standard")
    expected = _LEGAL_STATUS_STANDARD.get(kind) if isinstance(kind, str) else None
    if expected and isinstance(actual, str) and actual != expected:
        yield "/event/standard", {"kind": kind, "expected": expected, "actual": actual}


#: Ordinary for LS-02: the key event code has the standard's form and the national code, in plain
#: ASCII, holds nothing of that form (so the two cannot be the same code, whatever the case or blanks).
_NATIONAL_CODE_GUARD = all_of(
    at("event/code", string_matching(r"^[A-Z][0-9]{2}$")),
    at("event/nationalCode", {"anyOf": [{"not": {"type": "string"}},
                                        {"pattern": "^[ -~]*$", "not": {"pattern": "[A-Za-z][0-9]{2}"}}]}))


@rule(id="LS-02", guards={"record": _NATIONAL_CODE_GUARD}, reads=('event',), title="The national event code is the office's own code", level=Level.WARNING,
      targets="record", clause="WIPO ST.27, ST.61, ST.87 (national/regional event code; mapping tables)",
      rationale="The standards exchange both the office's own event code and the mapped standard code, so "
                "that the mapping can be checked against the office's published mapping table; a copy of "
                "the standard code hides the office's event.",
      message="nationalCode {code} repeats the standard code instead of the office's event code",
      message_zh="nationalCode {code} 重复了标准代码，而不是局的本国事件代码",
      valid=example_record(),
      invalid=example_record(event__nationalCode="A10"))
def national_code_distinct(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    code, national = _get(doc, "event", "code"), _get(doc, "event", "nationalCode")
    if isinstance(code, str) and isinstance(national, str) and national.strip().upper() == code.upper():
        yield "/event/nationalCode", {"code": national}


@rule(id="LS-04", reads=('event',), title="An unmapped key event (X00) has no detailed event", level=Level.ERROR,
      targets="record", clause="WIPO ST.27 (key event and detailed event codes); WIPO ST.96 V4.0 Annex IV, KeyEventCodeType",
      rationale="A key event code X00 (A00, F00...) says that no key event of category X fits the office's "
                "event (ST.96 KeyEventCodeType: 'No mapped category X key event'); a detailed event refines "
                "a key event, so it cannot follow one that does not exist.",
      message="{code}: no key event is mapped ({category}00), so no detailed event ({detailed}) can follow",
      message_zh="{code}：未映射关键事件（{category}00），不能再带详细事件（{detailed}）",
      valid=example_record(event__code="A00"),
      invalid=example_record(event__code="A00", event__detailedCode="1"))
def unmapped_key_event(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    code, detailed = _get(doc, "event", "code"), _get(doc, "event", "detailedCode")
    if isinstance(code, str) and st27.unmapped(code) and detailed is not None:
        yield "/event/detailedCode", {"code": code, "category": code[:1], "detailed": detailed}


@rule(id="LS-07", reads=('event',), title="The key event code is one of the standard's events", level=Level.WARNING,
      targets="record", clause="WIPO ST.27 (December 2020), Annex I (event list); WIPO ST.96 V4.0 Annex IV, KeyEventCodeType",
      rationale="A key event code begins with the letter of one of the standard's event categories; a code "
                "of any other category is read by nobody. The check knows the ST.27 categories that public "
                "WIPO text names (code list st27-categories) and goes no further: ST.27 Annex I and the "
                "ST.61 and ST.87 lists could not be read in public text here, so a code of a known category "
                "is not judged (see the code lists' sources).",
      message="{code} is not a known {standard} key event: category {category} is not among the {standard} "
              "categories verified in public WIPO text ({known}); use the key event of the standard's event "
              "list that the office's mapping table gives for this event",
      message_zh="{code} 不是已知的 {standard} 关键事件：类别 {category} 不在公开的 WIPO 文本所证实的 {standard} "
                 "类别之列（{known}）；请使用该局映射表为此事件给出的标准关键事件",
      valid=example_record(ipRight__kind="patent", ipRight__office="EP", event__standard="ST.27", event__code="H00"),
      invalid=example_record(ipRight__kind="patent", ipRight__office="EP", event__standard="ST.27", event__code="Q99"))
def key_event_known(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    standard, code = _get(doc, "event", "standard"), _get(doc, "event", "code")
    known = st27.EVENT_LISTS.get(standard) if isinstance(standard, str) else None
    if known is None or not known.categories or not st27.key_event_form_ok(code):
        return
    if code[0] not in known.categories:
        yield "/event/code", {"code": code, "standard": standard, "category": code[0],
                              "known": known.categories_text}


@rule(id="LS-05", guards={"record": {"anyOf": [at("ipRight/kind", not_in(_KINDS_WITHOUT_LS_STANDARD)),
                                                       at("event/standard", {"not": {"type": "string"}})]}}, reads=('event',), title="Kinds of right without a WIPO legal-status standard", level=Level.INFO,
      targets="record", clause="WIPO ST.27, ST.61, ST.87 (scope of each standard)",
      rationale="ST.27, ST.61 and ST.87 cover patents, trade marks and designs; events of other kinds "
                "(plant varieties, geographical indications, layout-designs, copyright) borrow one of them, "
                "and readers should know the mapping is the office's own choice.",
      message="no WIPO legal-status standard covers {kind}; the event is read as {standard}",
      message_zh="没有 WIPO 法律状态标准涵盖 {kind}；该事件按 {standard} 解读",
      valid=example_record(),
      invalid=example_record(ipRight__kind="plant-variety", ipRight__office="QZ", event__standard="ST.27"))
def kind_without_legal_status_standard(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    kind, standard = _get(doc, "ipRight", "kind"), _get(doc, "event", "standard")
    if isinstance(kind, str) and kind in _KINDS_WITHOUT_LS_STANDARD and isinstance(standard, str):
        yield "/event/standard", {"kind": kind, "standard": standard}
