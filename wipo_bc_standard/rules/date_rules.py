"""Rules on a record's dates and times: order, the ledger's time, offsets, the Paris Convention priority period.

Each check adds meaning beyond the JSON Schema and must cope with schema-invalid documents: it
checks types before use and never raises. Look-up tables are built once, at import.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import Any

from ..findings import Level
from .access import member as _get
from .access import objects_in as _dicts
from .catalogue import Hit, RuleContext, rule
from .examples import EXAMPLE_LEDGER, example_record
from .guards import all_of, at, string_matching


@rule(id="DT-03", title="Dates of a right are in order", level=Level.ERROR,
      targets="record", clause="Paris Convention, Art. 4; WIPO ST.2 (dates)",
      rationale="A priority date after the filing date, a registration before it, or a legal-status event "
                "before the application existed is a data error that would mislead every office relying "
                "on the record.",
      message="{later} ({later_date}) is before {earlier} ({earlier_date})",
      message_zh="{later}（{later_date}）早于 {earlier}（{earlier_date}）",
      valid=example_record(ipRight__registrationDate="2021-09-01"),
      invalid=example_record(ipRight__registrationDate="2020-01-01"))
def dates_in_order(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    right = _get(doc, "ipRight")
    if not isinstance(right, dict):
        return
    filing = right.get("filingDate")
    if not isinstance(filing, str):
        return
    for i, claim in _dicts(right.get("priorityClaims")):
        date = claim.get("date")
        if isinstance(date, str) and date > filing:
            yield (f"/ipRight/priorityClaims/{i}/date",
                   {"later": "filingDate", "later_date": filing, "earlier": "priority date", "earlier_date": date})
    registered = right.get("registrationDate")
    if isinstance(registered, str) and registered < filing:
        yield ("/ipRight/registrationDate",
               {"later": "registrationDate", "later_date": registered, "earlier": "filingDate", "earlier_date": filing})
    event_date = _get(doc, "event", "date")
    if isinstance(event_date, str) and event_date < filing:
        yield ("/event/date",
               {"later": "event date", "later_date": event_date, "earlier": "filingDate", "earlier_date": filing})


def _plus_days(date_text: str, days: int) -> str | None:
    try:
        return (dt.date.fromisoformat(date_text[:10]) + dt.timedelta(days=days)).isoformat()
    except (ValueError, OverflowError):  # OverflowError: past 9999-12-31, no later date exists
        return None


@rule(id="DT-01", title="Legal dates are office calendar dates, not later than the ledger allows",
      level=Level.ERROR, targets="record",
      clause="WIPO ST.2 (calendar dates); Paris Convention, Art. 4C(2) (periods run from the filing date)",
      rationale="Legal dates are calendar dates in the office's own time zone; one more than a day after the "
                "time the record was written (the most any time zone is ahead of UTC) cannot have happened "
                "yet and usually comes from a UTC or time-zone conversion.",
      message="{member} {date} is after the ledger time {timestamp}",
      message_zh="{member} {date} 晚于账本时间 {timestamp}",
      valid=example_record(ledger=EXAMPLE_LEDGER),
      invalid=example_record(ledger=EXAMPLE_LEDGER, ipRight__filingDate="2021-06-03"))
def legal_dates_not_after_ledger(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    timestamp = _get(doc, "ledger", "timestamp")
    right = _get(doc, "ipRight")
    if not isinstance(timestamp, str) or not isinstance(right, dict):
        return
    latest = _plus_days(timestamp, 1)
    if latest is None:
        return
    for member in ("filingDate", "registrationDate"):
        date = right.get(member)
        if isinstance(date, str) and date > latest:
            yield f"/ipRight/{member}", {"member": member, "date": date, "timestamp": timestamp}
    for i, claim in _dicts(right.get("priorityClaims")):
        date = claim.get("date")
        if isinstance(date, str) and date > latest:
            yield f"/ipRight/priorityClaims/{i}/date", {"member": "priority date", "date": date, "timestamp": timestamp}


def _today_anywhere() -> str:
    """The latest calendar date it is anywhere now (UTC+14, the most any time zone is ahead)."""
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=14)).date().isoformat()


#: That date when the module was loaded: days only move forward, so a date not after it is not in
#: the future now, and the clock need not be read for it (nearly every date of a register).
_TODAY_AT_LOAD = _today_anywhere()


@rule(id="DT-07", reads=("ipRight", "event"), title="Legal dates are not in the future", level=Level.WARNING,
      targets="record",
      clause="This project's proposal: a record states what has happened",
      rationale="A filing, registration, priority or event date later than today's date in every time zone "
                "cannot have happened yet: it is a typing error (2099 for 2019) or a date that belongs to "
                "another member. Unlike DT-01 this needs no ledger time: it is judged against the day of the check.",
      message="{member} {date} is in the future (today is at most {today} anywhere)",
      message_zh="{member} {date} 是将来的日期（今天在任何时区最晚为 {today}）",
      valid=example_record(),
      invalid=example_record(ipRight__registrationDate="2099-01-01"))
def legal_dates_not_in_future(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, member, date in _legal_dates(doc):
        if date[:10] > _TODAY_AT_LOAD and date[:10] > (today := _today_anywhere()):
            yield path, {"member": member, "date": date, "today": today}


def _legal_dates(doc: Any) -> Iterator[tuple[str, str, str]]:
    """(path, what, date) of every legal date a record states: filing, registration, priority, event."""
    right = _get(doc, "ipRight")
    if isinstance(right, dict):
        for member in ("filingDate", "registrationDate"):
            date = right.get(member)
            if isinstance(date, str):
                yield f"/ipRight/{member}", member, date
        for i, claim in _dicts(right.get("priorityClaims")):
            date = claim.get("date")
            if isinstance(date, str):
                yield f"/ipRight/priorityClaims/{i}/date", "priority date", date
    date = _get(doc, "event", "date")
    if isinstance(date, str):
        yield "/event/date", "event date", date


def _timestamps(doc: Any) -> Iterator[tuple[str, str]]:
    for path, value in (("/ledger/timestamp", _get(doc, "ledger", "timestamp")),
                        ("/proof/created", _get(doc, "proof", "created"))):
        if isinstance(value, str):
            yield path, value


def _timestamps_guard(schema: dict[str, Any]) -> dict[str, Any]:
    return all_of(at("ledger/timestamp", schema), at("proof/created", schema))


@rule(id="DT-02", guards={"record": _timestamps_guard({"not": {"type": "string", "pattern": "-00:00$"}})}, title="Timestamps state a known offset", level=Level.WARNING,
      targets="record", clause="RFC 3339, section 4.3 (unknown local offset convention)",
      rationale="RFC 3339 and JSON Schema accept -00:00, but it means the offset to local time is unknown; "
                "system timestamps must say exactly which instant they are.",
      message="{value} uses -00:00, the unknown-offset convention",
      message_zh="{value} 使用了表示偏移未知的 -00:00",
      valid=example_record(ledger=EXAMPLE_LEDGER),
      invalid=example_record(ledger=dict(EXAMPLE_LEDGER, timestamp="2021-06-01T10:00:00-00:00")))
def timestamp_offset_known(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, value in _timestamps(doc):
        if value.endswith("-00:00"):
            yield path, {"value": value}


@rule(id="DT-06", guards={"record": _timestamps_guard(string_matching("(?:Z|z|\\+00:00|-00:00)$"))}, title="Timestamps are given in UTC", level=Level.WARNING,
      targets="record", clause="RFC 3339, section 5.6; this standard (proposal): UTC, written Z",
      rationale="Ledger and signature times from many nodes are compared and ordered; writing them in UTC "
                "(Z) avoids offset arithmetic and keeps them apart from the office-local legal dates.",
      message="{value} is not in UTC (Z)",
      message_zh="{value} 未使用 UTC（Z）",
      valid=example_record(ledger=EXAMPLE_LEDGER),
      invalid=example_record(ledger=dict(EXAMPLE_LEDGER, timestamp="2021-06-01T12:00:00+02:00")))
def timestamp_in_utc(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    for path, value in _timestamps(doc):
        if not value.endswith(("Z", "z", "+00:00", "-00:00")):
            yield path, {"value": value}


#: Paris Convention, Art. 4C(1): twelve months for patents and utility models, six for designs and marks.
_PRIORITY_MONTHS = {"patent": 12, "utility-model": 12, "industrial-design": 6, "trademark": 6}


def _plus_months(date_text: str, months: int) -> str | None:
    try:
        start = dt.date.fromisoformat(date_text)
        month_index = start.month - 1 + months
        year, month = start.year + month_index // 12, month_index % 12 + 1
        day = min(start.day, calendar.monthrange(year, month)[1])
        return dt.date(year, month, day).isoformat()
    except ValueError:  # not a date, or the period ends past 9999-12-31 (no date is later)
        return None


@rule(id="DT-04", title="Priority is claimed within the Paris Convention period", level=Level.WARNING,
      targets="record", clause="Paris Convention, Art. 4C(1)",
      rationale="Priority runs twelve months for patents and utility models and six for designs and trade "
                "marks; a longer interval is usually a wrong date. Only a warning: the period is extended "
                "past office holidays (Art. 4C(3)) and priority can be restored (PCT Rule 26bis.3, PLT Art. 13).",
      message="priority date {priority} is more than {months} months before filingDate {filing}",
      message_zh="优先权日 {priority} 早于申请日 {filing} 超过 {months} 个月",
      valid=example_record(ipRight__priorityClaims=[{"office": "FR", "applicationNumber": "4712345",
                                                      "date": "2020-11-02"}]),
      invalid=example_record(ipRight__priorityClaims=[{"office": "FR", "applicationNumber": "4712345",
                                                        "date": "2020-09-02"}]))
def priority_interval(doc: Any, ctx: RuleContext) -> Iterator[Hit]:
    right = _get(doc, "ipRight")
    if not isinstance(right, dict):
        return
    kind = right.get("kind")
    months = _PRIORITY_MONTHS.get(kind) if isinstance(kind, str) else None
    filing = right.get("filingDate")
    if months is None or not isinstance(filing, str):
        return
    for i, claim in _dicts(right.get("priorityClaims")):
        date = claim.get("date")
        last_day = _plus_months(date, months) if isinstance(date, str) else None
        if last_day is not None and filing > last_day:
            yield f"/ipRight/priorityClaims/{i}/date", {"priority": date, "months": months, "filing": filing}
