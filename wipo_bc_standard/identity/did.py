"""DID and DID URL syntax, exactly as the ABNF of W3C DID Core 1.0 (sections 3.1 and 3.2) says.

```
did                = "did:" method-name ":" method-specific-id
method-name        = 1*method-char
method-char        = %x61-7A / DIGIT
method-specific-id = *( *idchar ":" ) 1*idchar
idchar             = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded
pct-encoded        = "%" HEXDIG HEXDIG
did-url            = did path-abempty [ "?" query ] [ "#" fragment ]
```

``path-abempty``, ``query`` and ``fragment`` are those of RFC 3986 (sections 3.3 to 3.5):
``path-abempty = *( "/" segment )``, ``segment = *pchar``, ``query = fragment = *( pchar / "/" / "?" )``,
``pchar = unreserved / pct-encoded / sub-delims / ":" / "@"``. A quoted ABNF string such as ``"did:"``
is case-insensitive, but DID Core's prose says "The DID scheme name MUST be an ASCII lowercase
string", so ``DID:`` is refused here.

A *relative* DID URL (DID Core 3.2.2), such as ``#key-1``, is resolved against a base DID with
:func:`resolve_reference`; DID documents use them in verification relationships.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import patterns

_PCT = r"%[0-9A-Fa-f]{2}"
_IDCHAR = rf"(?:[A-Za-z0-9._-]|{_PCT})"
#: The ``method-name`` and ``method-specific-id`` productions as regular expressions.
METHOD_NAME_PATTERN = r"[a-z0-9]+"
METHOD_SPECIFIC_ID_PATTERN = rf"(?:{_IDCHAR}*:)*{_IDCHAR}+"
_PCHAR = rf"(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|{_PCT})"
_PATH = rf"(?:/{_PCHAR}*)*"
_QUERY = rf"(?:{_PCHAR}|[/?])*"

#: The ``did`` production as a regular expression (``schemas/did.schema.json`` is generated from it).
DID_PATTERN = rf"did:{METHOD_NAME_PATTERN}:{METHOD_SPECIFIC_ID_PATTERN}"
#: The ``did-url`` production (a DID, then path, query and fragment) as a regular expression.
DID_URL_PATTERN = rf"{DID_PATTERN}{_PATH}(?:\?{_QUERY})?(?:#{_QUERY})?"
#: A DID URL with a fragment: how a proof names the key it was made with.
KEY_REFERENCE_PATTERN = rf"{DID_PATTERN}{_PATH}(?:\?{_QUERY})?#{_QUERY}"

_DID = patterns.compile(DID_PATTERN, "DID (DID Core 3.1)")
_DID_URL = patterns.compile(
    rf"(?P<did>did:(?P<method>{METHOD_NAME_PATTERN}):(?P<msid>{METHOD_SPECIFIC_ID_PATTERN}))"
    rf"(?P<path>{_PATH})(?:\?(?P<query>{_QUERY}))?(?:#(?P<fragment>{_QUERY}))?", "DID URL (DID Core 3.2)")
_RELATIVE = patterns.compile(rf"(?P<path>{_PATH})(?:\?(?P<query>{_QUERY}))?(?:#(?P<fragment>{_QUERY}))?",
                             "relative DID URL")


@dataclass(frozen=True, slots=True)
class DidUrl:
    """The parts of a DID URL; ``query`` and ``fragment`` are None when absent (not when empty)."""

    did: str
    method: str
    method_specific_id: str
    path: str = ""
    query: str | None = None
    fragment: str | None = None

    @property
    def is_bare_did(self) -> bool:
        return not self.path and self.query is None and self.fragment is None


#: Longest text whose answer is cached: the same DIDs (offices, holders) recur on every record of a
#: ledger, so each is matched once; a longer text (no DID in use is near it) is matched each time, so
#: the caches never hold more than a few MB of hostile input alive.
_CACHED_CHARS = 256


def is_did(text: object) -> bool:
    """True when ``text`` matches the ``did`` production (no path, query or fragment)."""
    if not isinstance(text, str):
        return False
    return _is_did(text) if len(text) <= _CACHED_CHARS else _DID.fullmatch(text) is not None


@lru_cache(maxsize=4096)
def _is_did(text: str) -> bool:
    return _DID.fullmatch(text) is not None


def is_did_url(text: object) -> bool:
    """True when ``text`` matches the ``did-url`` production (every DID is also a DID URL)."""
    return isinstance(text, str) and parse_did_url(text) is not None


def parse_did_url(text: str) -> DidUrl | None:
    """The parts of an absolute DID URL, or None when ``text`` is not one."""
    return _parse_did_url(text) if len(text) <= _CACHED_CHARS else _parsed(text)


@lru_cache(maxsize=4096)
def _parse_did_url(text: str) -> DidUrl | None:
    return _parsed(text)


def _parsed(text: str) -> DidUrl | None:
    match = _DID_URL.fullmatch(text)
    if match is None:
        return None
    # One call for all groups: each lookup by name costs as much as the match itself in google-re2.
    return DidUrl(*match.group("did", "method", "msid", "path", "query", "fragment"))


def resolve_reference(reference: str, base_did: str) -> str | None:
    """An absolute DID URL for ``reference``: itself when absolute, else resolved against ``base_did``.

    Only the relative forms DID documents use are accepted (a path, query and/or fragment, per
    DID Core 3.2.2 and RFC 3986 section 5.2 with the DID as base); None when neither form fits.
    """
    if reference.startswith("did:"):
        return reference if is_did_url(reference) else None
    if not reference or _RELATIVE.fullmatch(reference) is None or not is_did(base_did):
        return None
    if reference[0] in "/?#":
        return base_did + reference
    return None
