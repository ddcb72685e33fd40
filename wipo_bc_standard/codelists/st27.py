"""Legal-status event lists of WIPO ST.27, ST.61 and ST.87, as far as public text verifies them.

The facts live in ``legal_status.toml`` (this package), entered by hand from the public WIPO texts it
cites: ST.27 as revised in December 2020, the ST.27 final draft in the annex of CWS/5/8, and the
ST.27 types of ST.96 Annex IV. Each standard's ``unverified`` note says what could not be read
(ST.27 Annex I beyond the entries listed; the ST.61 and ST.87 lists); the rules check no further
than what is listed, so a code is never judged against a list this project has not read.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any, TypeGuard

from .. import patterns
from .code_list import Code, CodeList

#: The form of a key event code: one category letter and two digits (ST.96 pat:KeyEventCodeType).
KEY_EVENT_FORM = patterns.compile(r"[A-Z][0-9]{2}", "ST.27 key event code")


def _load() -> dict[str, Any]:
    text = importlib_resources.files(__package__).joinpath("legal_status.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


_DATA = _load()
_SOURCES: dict[str, str] = _DATA["sources"]
_SHORT: dict[str, str] = _DATA["short_sources"]


def _cited(where: str) -> str:
    """A source field with its source names (``st96-key-events (A00)``) written out briefly."""
    return re.sub(r"[a-z0-9]+(?:-[a-z0-9]+)+|st27\b", lambda m: _SHORT.get(m.group(0), m.group(0)), where)


@dataclass(frozen=True, slots=True)
class EventList:
    """What is verified of one legal-status standard's event list."""

    standard: str
    title: str
    #: Category letters a public text names (empty: none verified).
    categories: frozenset[str]
    #: Key event codes a public text names.
    key_events: frozenset[str]
    #: What could not be verified, in the words of the data file.
    unverified: str

    @property
    def categories_text(self) -> str:
        return ", ".join(sorted(self.categories)) or "none"


def _event_list(section: dict[str, Any]) -> EventList:
    return EventList(
        standard=section["standard"], title=section["title"],
        categories=frozenset(c["letter"] for c in section.get("category", ())),
        key_events=frozenset(k["code"] for k in section.get("key_event", ())),
        unverified=section["unverified"])


#: The verified part of each standard's list, by standard (ST.27, ST.61, ST.87).
EVENT_LISTS: dict[str, EventList] = {
    s["standard"]: _event_list(s) for s in (_DATA["st27"], _DATA["st61"], _DATA["st87"])}

_ST27 = _DATA["st27"]

ST27_CATEGORIES = CodeList(
    "st27-categories", "WIPO ST.27 event categories",
    "The categories of ST.27 events: the letter that begins every key event code. Only the categories "
    "a public WIPO text names are listed; a title is given where one does. " + _ST27["unverified"],
    "; ".join(_SOURCES[k] for k in ("st27", "st96-key-events", "st96-categories")),
    tuple(Code(c["letter"], c.get("title") or f"Category {c['letter']}", c.get("definition", ""),
               (("titleVerified", "yes" if "title" in c else "no"), ("source", _cited(c["source"]))))
          for c in _ST27["category"]),
)

ST27_KEY_EVENTS = CodeList(
    "st27-key-events", "WIPO ST.27 key events (verified part)",
    "Key events of ST.27 Annex I that a public WIPO text names. The ST.27 status event code is made of "
    + ", ".join(_ST27["parts"]) + "; the key event code is " + _ST27["key_event_form"]
    + "; the stages of the prosecution model are " + ", ".join(_ST27["stages"]) + ". " + _ST27["unverified"],
    "; ".join(_SOURCES[k] for k in ("st27", "st27-draft", "st96-key-events", "st96-stages")),
    tuple(Code(k["code"], k["title"], "", (("category", k["code"][0]), ("source", _cited(k["source"]))))
          for k in _ST27["key_event"]),
)

#: The parts of the ST.27 status event code and the stages of its prosecution model, as public text names them.
STATUS_EVENT_CODE_PARTS: tuple[str, ...] = tuple(_ST27["parts"])
STAGES: tuple[str, ...] = tuple(_ST27["stages"])


def key_event_form_ok(code: object) -> TypeGuard[str]:
    """Whether ``code`` has the form of a key event code (letter and two digits)."""
    # Three characters first: no other string can match, and the cache then never holds a long one.
    return isinstance(code, str) and len(code) == 3 and _key_event_form_ok(code)


@lru_cache(maxsize=1024)
def _key_event_form_ok(code: str) -> bool:
    # A register uses a few dozen codes: match each once.
    return KEY_EVENT_FORM.fullmatch(code) is not None


def unmapped(code: str) -> bool:
    """Whether a key event code is an X00 code: no key event of its category fits the national event."""
    return key_event_form_ok(code) and code[1:] == "00"
