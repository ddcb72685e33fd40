"""Legal-status event lists (WIPO ST.27, ST.61, ST.87): only what public text verifies, each with its source,
and the record and network rules that check event codes against them."""

from __future__ import annotations

from typing import Any

import pytest

from wipo_bc_standard import codelists as cl
from wipo_bc_standard.api import validate
from wipo_bc_standard.codelists import st27
from wipo_bc_standard.findings import Level
from wipo_bc_standard.rules import CATALOGUE
from wipo_bc_standard.rules.catalogue import RuleContext
from wipo_bc_standard.rules.examples import example_record
from wipo_bc_standard.rules.profile_rules import example_profile

from .conftest import EXAMPLES


def _hits(rule_id: str, doc: Any, network: Any = None) -> list[tuple[str, dict[str, Any]]]:
    return list(CATALOGUE[rule_id].check(doc, RuleContext(network=network)))


def test_the_st27_lists_are_published_code_lists_with_their_source() -> None:
    for code_list in (st27.ST27_CATEGORIES, st27.ST27_KEY_EVENTS):
        assert cl.ALL[code_list.id] is code_list
        assert "ST.27" in code_list.source and "December 4, 2020" in code_list.source
        assert "could not be read in the public text" in code_list.definition
        assert all(c.fact("source") for c in code_list.codes)


def test_every_verified_key_event_is_of_a_verified_category_and_has_the_key_event_form() -> None:
    for code in st27.ST27_KEY_EVENTS.codes:
        assert st27.key_event_form_ok(code.value) and code.value[0] in st27.EVENT_LISTS["ST.27"].categories
        assert code.fact("category") == code.value[0]


def test_titles_are_given_only_where_a_public_text_gives_them() -> None:
    titled = {c.value: c.label for c in st27.ST27_CATEGORIES.codes if c.fact("titleVerified") == "yes"}
    assert titled == {"G": "Protection beyond IP right term", "H": "IP right cessation", "U": "Payment",
                      "W": "Other"}
    untitled = [c for c in st27.ST27_CATEGORIES.codes if c.fact("titleVerified") == "no"]
    assert all(c.label == f"Category {c.value}" for c in untitled)


def test_st61_and_st87_say_that_their_lists_were_not_verified() -> None:
    for standard in ("ST.61", "ST.87"):
        known = st27.EVENT_LISTS[standard]
        assert not known.categories and not known.key_events
        assert "could not be read" in known.unverified


def test_the_status_event_code_parts_are_those_the_public_texts_name() -> None:
    assert st27.STATUS_EVENT_CODE_PARTS == ("state code", "stage code", "key event code", "detailed event code",
                                            "three reserved characters")
    assert "pre-grant challenge" in st27.STAGES and "termination" in st27.STAGES


def _patent_event(**event: Any) -> dict[str, Any]:
    changes = {f"event__{k}": v for k, v in event.items()}
    return example_record(ipRight__kind="patent", ipRight__office="EP", event__standard="ST.27", **changes)


def test_q99_is_a_finding_that_names_the_verified_categories() -> None:
    [(path, args)] = _hits("LS-07", _patent_event(code="Q99"))
    assert path == "/event/code" and args["category"] == "Q" and "A, B, C" in args["known"]
    assert CATALOGUE["LS-07"].level == Level.WARNING


@pytest.mark.parametrize("code", ["A00", "H00", "U10", "W01", "F10"])
def test_codes_of_verified_categories_are_not_judged(code: str) -> None:
    assert _hits("LS-07", _patent_event(code=code)) == []


def test_no_check_against_a_list_that_was_not_verified() -> None:
    assert _hits("LS-07", example_record(event__code="Q99")) == []  # ST.61: no list verified


def test_the_invented_detailed_suffix_is_gone_from_the_schema() -> None:
    from wipo_bc_standard.model.record import LegalStatusEvent
    pattern = LegalStatusEvent.model_json_schema()["properties"]["code"]["pattern"]
    assert pattern == "^[A-Z][0-9]{2}$"


def test_trade_mark_event_on_a_patent_is_a_finding() -> None:
    doc = example_record(ipRight__kind="patent", ipRight__office="EP", event__standard="ST.61")
    assert [p for p, _ in _hits("LS-01", doc)] == ["/event/standard"]


def test_a_detailed_event_after_an_unmapped_key_event_is_a_finding() -> None:
    assert _hits("LS-04", _patent_event(code="A00", detailedCode="3"))
    assert not _hits("LS-04", _patent_event(code="A00"))


_TABLE = [
    {"office": "EP", "standard": "ST.27", "nationalCode": "GRANT", "keyEvent": "F10", "detailedEvent": "F10.1"},
    {"office": "EP", "standard": "ST.27", "nationalCode": "LAPSE", "keyEvent": "H10"},
]


def test_the_mapping_table_is_checked_where_the_network_declares_it() -> None:
    network = example_profile(legalStatusMappings=_TABLE)
    ok = _patent_event(code="F10", detailedCode="F10.1", nationalCode="GRANT")
    assert not any(_hits(r, ok, network) for r in ("LS-08", "LS-09", "LS-10"))
    assert _hits("LS-08", _patent_event(code="F10", nationalCode="GRANTX"), network)
    assert _hits("LS-09", _patent_event(code="H11", nationalCode="LAPSE"), network)
    [(path, args)] = _hits("LS-10", _patent_event(code="H10", detailedCode="F10.1", nationalCode="LAPSE"), network)
    assert path == "/event/detailedCode" and args["declared"] == "F10"


def test_no_table_for_the_office_means_no_mapping_finding() -> None:
    network = example_profile(legalStatusMappings=_TABLE)
    record = example_record(event__nationalCode="ANYTHING")  # an EM trade mark: no EM table declared
    assert not any(_hits(r, record, network) for r in ("LS-08", "LS-09", "LS-10"))
    assert not any(_hits(r, record, example_profile()) for r in ("LS-08", "LS-09", "LS-10"))


def test_a_malformed_mapping_table_never_raises() -> None:
    network = example_profile(legalStatusMappings=[None, 3, {"office": 1}, {"office": "EP", "standard": "ST.27"}])
    for rule_id in ("LS-08", "LS-09", "LS-10"):
        assert _hits(rule_id, _patent_event(code="F10"), network) == []
    assert _hits("LS-11", network) == [] and _hits("LS-13", network) == []


def test_a_table_that_maps_one_national_event_twice_is_a_finding() -> None:
    table = [*_TABLE, {"office": "EP", "standard": "ST.27", "nationalCode": "LAPSE", "keyEvent": "H11"},
             {"office": "EP", "standard": "ST.27", "nationalCode": "NOTHING", "keyEvent": "B00", "detailedEvent": "1"}]
    profile = example_profile(legalStatusMappings=table)
    [(path, args)] = _hits("LS-11", profile)
    assert path == "/legalStatusMappings/2" and args["row"] == 1 and args["earlier"] == "H10"
    assert [p for p, _ in _hits("LS-13", profile)] == ["/legalStatusMappings/3/detailedEvent"]


def test_a_malformed_key_event_code_says_what_is_expected() -> None:
    report = validate(EXAMPLES / "invalid/record/schema.pattern--key-event-code-with-a-suffix.json")
    [finding] = [f for item in report.items for f in item.findings]
    assert finding.rule == "schema.pattern" and finding.path == "/event/code"
    assert "category letter and two digits" in finding.message


def test_each_legal_status_standard_says_where_its_event_list_is() -> None:
    for code in cl.LEGAL_STATUS_STANDARDS.codes:
        verified = bool(st27.EVENT_LISTS[code.value].categories)
        assert ("not verified" not in (code.fact("eventList") or "")) == verified, code.value
