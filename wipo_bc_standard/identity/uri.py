"""Syntax of the identifiers the identity checks meet: absolute URIs (RFC 3986 section 3) and
XML Schema date-times (XSD 1.1 part 2, dateTime and dateTimeStamp), checked without any network."""

from __future__ import annotations

import datetime as dt

from .. import patterns

# scheme ":" then no characters RFC 3986 never allows (whitespace, controls, <>"{}|\^`).
_URI = patterns.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`\x00-\x1f\x7f]*", "absolute URI")
_DATETIME = patterns.compile(
    r"-?(?P<year>[0-9]{4,})-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"
    r"T(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):(?P<second>[0-9]{2})(?:\.[0-9]+)?"
    r"(?P<tz>Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?", "XSD dateTime")


def is_uri(text: object) -> bool:
    """True for an absolute URI (a scheme, a colon, and only characters a URI may hold)."""
    return isinstance(text, str) and _URI.fullmatch(text) is not None


def is_datetime(text: object, *, timezone_required: bool) -> bool:
    """True for an XSD ``dateTime`` (``dateTimeStamp`` when ``timezone_required``) with real values."""
    if not isinstance(text, str):
        return False
    match = _DATETIME.fullmatch(text)
    if match is None or (timezone_required and not match["tz"]):
        return False
    month, day = int(match["month"]), int(match["day"])
    hour, minute, second = int(match["hour"]), int(match["minute"]), int(match["second"])
    if not 1 <= month <= 12 or not 1 <= day <= 31 or minute > 59 or second > 60:
        return False
    if hour > 23 and not (hour == 24 and minute == 0 and second == 0):
        return False
    year = int(match["year"][-4:])  # leap years repeat every 400 years: the last digits tell
    days = (31, 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
    return day <= days


def to_instant(text: str) -> dt.datetime | None:
    """A comparable UTC instant of a date-time (no offset read as UTC), or None when out of range."""
    try:
        value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
