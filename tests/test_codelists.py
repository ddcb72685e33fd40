"""Code lists: well-formed, and WIPO ST.3 in agreement with the ST.96 rendering of ST.3 (April 2016)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wipo_bc_standard import codelists as cl
from wipo_bc_standard.codelists import st3

#: Codes our ST.3 list has that the April 2016 ST.96 rendering does not (later ST.3 revisions).
#: Empty today; a code added here must come with its source in codelists/st3.py.
ADDED_SINCE_2016: frozenset[str] = frozenset()


@pytest.mark.parametrize("codes", cl.ALL.values(), ids=lambda c: c.id)
def test_every_code_list_is_well_formed(codes: cl.CodeList) -> None:
    assert codes.id and codes.title and codes.definition and codes.source
    assert codes.codes, "a code list has codes"
    assert len(set(codes.values)) == len(codes.values), "values are unique"
    assert all(c.value and c.label for c in codes.codes)


def test_st3_is_published_with_the_other_code_lists() -> None:
    assert cl.ALL["st3"] is st3.ST3


def test_st3_codes_are_two_capital_letters_and_current_or_former() -> None:
    for code in st3.ST3.codes:
        assert len(code.value) == 2 and code.value.isascii() and code.value.isupper(), code.value
        assert code.fact("status") in ("current", "former")
    assert not st3.CURRENT & st3.FORMER.keys(), "a code is either current or former"
    assert st3.CURRENT | st3.FORMER.keys() == set(st3.ST3.values)


def test_st3_has_the_intergovernmental_organisations() -> None:
    # The offices and organisations an ISO-3166-only check would reject.
    for code in ("AP", "BX", "EA", "EM", "EP", "GC", "IB", "OA", "QZ", "WO", "XN", "XU", "XV"):
        assert code in st3.ORGANISATIONS, code
    assert "XX" in st3.CURRENT and "XX" not in st3.ORGANISATIONS


def test_former_codes_name_current_successors() -> None:
    for code, (name, successors) in st3.FORMER.items():
        assert name, code
        assert successors.split() and all(s in st3.CURRENT for s in successors.split()), code


@pytest.fixture
def st3_reference(shared_testdata: Path) -> dict[str, object]:
    path = shared_testdata / "country-codes" / "wipo-st3-codes.json"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return json.loads(path.read_text(encoding="utf-8"))


def test_st3_agrees_with_the_st96_rendering_of_st3(st3_reference: dict[str, object]) -> None:
    reference = {c["code"] for c in st3_reference["codes"]}  # type: ignore[index, union-attr]
    assert len(reference) == st3_reference["count"]
    missing = reference - st3.CURRENT
    assert not missing, f"ST.3 codes we do not know: {sorted(missing)}"
    extra = st3.CURRENT - reference
    assert extra <= ADDED_SINCE_2016, f"codes not in the 2016 list and not documented as added: {sorted(extra)}"


def test_st3_organisation_codes_agree_with_the_reference(st3_reference: dict[str, object]) -> None:
    not_iso = {c["code"] for c in st3_reference["not_in_iso3166_1"]}  # type: ignore[index, union-attr]
    assert not_iso == st3.ORGANISATIONS | {"XX"}


def test_st3_state_codes_are_iso_3166_codes_and_former_ones_are_not(shared_testdata: Path) -> None:
    path = shared_testdata / "country-codes" / "iso3166-1-alpha2.json"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    iso = {row["alpha2"] for row in json.loads(path.read_text(encoding="utf-8"))["codes"]}
    states = {c.value for c in st3.ST3.codes if c.fact("kind") == "state" and c.fact("status") == "current"}
    assert states <= iso, sorted(states - iso)
    assert not (st3.FORMER.keys() & iso), "former codes are withdrawn from ISO 3166-1"


def test_yu_is_yugoslavia_and_cs_names_both_of_its_meanings() -> None:
    # ISO 3166-3: YU was Yugoslavia until 2003; Serbia and Montenegro then used CS (2003-2006), the
    # code Czechoslovakia had used until 1993.
    assert st3.NAMES["YU"] == "Yugoslavia"
    assert "Serbia and Montenegro" in st3.NAMES["CS"] and "Czechoslovakia" in st3.NAMES["CS"]
    assert {"CZ", "SK", "ME", "RS"} <= set(st3.FORMER["CS"][1].split())


def test_vertical_use_cases_serve_one_phase_and_horizontal_ones_several() -> None:
    # The list's own definition: vertical use cases serve one phase of the value chain, horizontal several.
    phases = set(cl.VALUE_CHAIN_PHASES.values)
    for case in cl.USE_CASES.codes:
        served = (case.fact("phases") or "").split()
        assert served and set(served) <= phases, case.value
        assert (len(served) == 1) == (case.fact("kind") == "vertical"), (case.value, case.fact("kind"), served)
