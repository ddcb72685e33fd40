"""RFC 8785 (JSON Canonicalization Scheme, JCS): canonical bytes of a JSON value, and digests of them.

``previousRecordHash`` and record signatures are computed over these bytes, so they must be exact.
The exact path is the ``rfc8785`` package (checked against the RFC's vectors and 10,000 ES6 number
lines in the tests). It costs ~40-50 us a record, so a fast path serialises with ``orjson`` and
sorted keys, used only on documents where the two provably give the same bytes:

- only the JSON types themselves (exact ``dict``, ``list``, ``str``, ``int``, ``bool``, ``None``):
  no float at all, because JCS writes numbers as ES6 does (``1.0`` -> ``1``, ``1e21`` -> ``1e+21``)
  and orjson does not (and writes NaN as ``null``);
- integers within +-(2**53 - 1), the range JCS accepts (orjson's ``OPT_STRICT_INTEGER`` refuses
  larger ones);
- object keys whose characters are all below U+E000: orjson sorts keys by code point (UTF-8 byte
  order) and JCS by UTF-16 code unit; the two orders differ only between a character of
  U+E000-U+FFFF and one beyond U+FFFF (written as surrogates D800-DFFF). The keys are looked at
  only when the output holds such a character at all (a UTF-8 lead byte 0xEE-0xF4), which
  records rarely do;
- strings: orjson escapes exactly as JCS does (``\\b \\t \\n \\f \\r \\" \\\\``, other controls
  as lower-case ``\\u00xx``, everything else, U+007F and U+2028/U+2029 included, as raw UTF-8;
  a test checks every code point), and refuses lone surrogates, which sends them to the exact path.

Anything else takes the exact path, which raises :class:`CanonicalizationError` on what JCS
cannot represent.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from typing import Any

import orjson
import rfc8785

from . import codelists as cl

#: Raised for values JCS cannot represent (NaN, integers beyond 2**53 - 1, non-string keys, lone surrogates).
CanonicalizationError = rfc8785.CanonicalizationError

#: Members of a record left out of its hash: both are added after the record's content is fixed.
RECORD_HASH_EXCLUDES = ("ledger", "proof")

_MAX_INT = 2**53 - 1
_FIRST_UNSAFE_KEY_CHAR = "\ue000"


class UnsupportedAlgorithm(ValueError):
    """A hash algorithm that is not in the code list, or that this Python cannot compute."""


def canonicalize(doc: Any) -> bytes:
    """The RFC 8785 canonical UTF-8 bytes of a JSON value (no trailing newline)."""
    fast = canonicalize_fast(doc)
    return fast if fast is not None else canonicalize_exact(doc)


def canonicalize_exact(doc: Any) -> bytes:
    """The canonical bytes by the ``rfc8785`` reference algorithm (slow, always exact)."""
    return rfc8785.dumps(doc)


def canonicalize_fast(doc: Any) -> bytes | None:
    """The canonical bytes by ``orjson``, or None when the document is outside the safe subset."""
    if not _json_types_only(doc):
        return None
    try:
        out = orjson.dumps(doc, option=_ORJSON_OPTIONS)
    except orjson.JSONEncodeError:  # non-string keys, lone surrogates, integers beyond 2**53 - 1, recursion
        return None
    if not out.isascii() and out.translate(None, _BELOW_U_E000) and not _keys_sort_alike(doc):
        return None
    return out


#: Sorted keys, and integers refused beyond +-(2**53 - 1), as JCS does.
_ORJSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_STRICT_INTEGER
#: Every byte that is not a UTF-8 lead byte of U+E000 or above (0xEE-0xF4): deleted, nothing must remain.
_BELOW_U_E000 = bytes(range(0xEE))
_SCALARS = frozenset({str, bool, int, type(None)})


def _json_types_only(doc: Any) -> bool:
    # Exact type tests (not isinstance): subclasses such as IntEnum or OrderedDict go the exact way.
    # Only containers are pushed; scalars are judged where they are met (this walk is the fast
    # path's main cost). Integer ranges are orjson's to refuse.
    kind = type(doc)
    if kind is not dict and kind is not list:
        return _safe_scalar(doc)
    stack = [doc]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        for value in node.values() if type(node) is dict else node:
            kind = type(value)
            if kind in _SCALARS:
                continue
            if kind is dict or kind is list:
                push(value)
            else:
                return False
    return True


def _keys_sort_alike(doc: Any) -> bool:
    """Whether no object key holds a character of U+E000 or above (where the two key orders may differ)."""
    stack = [doc]
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        if type(node) is dict:
            keys = "".join(node)
            if not keys.isascii() and max(keys) >= _FIRST_UNSAFE_KEY_CHAR:
                return False
            values: Any = node.values()
        else:
            values = node
        for value in values:
            if type(value) is dict or type(value) is list:
                push(value)
    return True


def _safe_scalar(value: Any) -> bool:
    kind = type(value)
    return kind is str or kind is bool or value is None or (kind is int and -_MAX_INT <= value <= _MAX_INT)


def _digest(make: Callable[[bytes], Any], data: bytes) -> bytes:
    digest: bytes = make(data).digest()
    return digest


def _hexdigest(make: Callable[[bytes], Any], data: bytes) -> str:
    return str(make(data).hexdigest())


@functools.cache
def hash_function(alg: str) -> Callable[[bytes], str]:
    """A function from bytes to the hex digest, for an algorithm named as in ``codelists.HASH_ALGORITHMS``.

    Raises :class:`UnsupportedAlgorithm` for a name not in the code list, or one this Python's
    hashlib (OpenSSL) lacks, such as GOST R 34.11-2012 on most builds.
    """
    return functools.partial(_hexdigest, _constructor(alg))


@functools.cache
def digest_function(alg: str) -> Callable[[bytes], bytes]:
    """As :func:`hash_function`, with the raw digest (what a ledger keeps of each right: half the size)."""
    return functools.partial(_digest, _constructor(alg))


def _constructor(alg: str) -> Callable[[bytes], Any]:
    if alg not in cl.HASH_ALGORITHMS:
        raise UnsupportedAlgorithm(f"unknown hash algorithm {alg!r}; known: {', '.join(cl.HASH_ALGORITHMS.values)}")
    for make in _constructors(alg):
        try:
            make(b"")
        except (ValueError, TypeError):
            continue
        return make
    raise UnsupportedAlgorithm(f"hash algorithm {alg} is not available: this Python's hashlib/OpenSSL does not provide it")


def _constructors(alg: str) -> tuple[Callable[[bytes], Any], ...]:
    named = {"sha-256": "sha256", "sha-384": "sha384", "sha-512": "sha512", "sha3-256": "sha3_256",
             "sha3-384": "sha3_384", "sha3-512": "sha3_512"}
    if alg in named:
        return (getattr(hashlib, named[alg]),)
    if alg == "blake2b-256":
        return (functools.partial(hashlib.blake2b, digest_size=32),)
    # Broken algorithms are still computed (to check old links); FIPS builds allow them only so marked.
    if alg in ("sha-1", "md5"):
        return (functools.partial(hashlib.new, alg.replace("-", ""), usedforsecurity=False),)
    # OpenSSL names: SM3 in the default provider; Streebog only with the GOST engine/provider.
    openssl_names = {"sm3": ("sm3",),
                     "gost-r-34.11-2012-256": ("md_gost12_256", "streebog256"),
                     "gost-r-34.11-2012-512": ("md_gost12_512", "streebog512")}
    return tuple(functools.partial(hashlib.new, name) for name in openssl_names.get(alg, ()))


def hash_bytes(data: bytes, alg: str = "sha-256") -> str:
    """Hex digest of ``data`` with the named algorithm."""
    return hash_function(alg)(data)


def digest(doc: Any, alg: str = "sha-256") -> str:
    """Hex digest of the canonical bytes of a JSON value."""
    return hash_function(alg)(canonicalize(doc))


def record_bytes(record: dict[str, Any]) -> bytes:
    """Canonical bytes of a record without its ``ledger`` and ``proof`` members (what its hash covers)."""
    return canonicalize({k: v for k, v in record.items() if k not in RECORD_HASH_EXCLUDES})


def record_hash(record: dict[str, Any], alg: str = "sha-256") -> str:
    """The value the next record of the same right must hold in ``previousRecordHash.value``."""
    return hash_function(alg)(record_bytes(record))
