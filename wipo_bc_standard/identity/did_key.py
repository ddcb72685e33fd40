"""``did:key``: the public key is the DID itself, so it resolves offline.

A did:key is ``did:key:`` + a multibase base58btc value (prefix ``z``) of the unsigned-varint
multicodec code of the key type followed by the raw public key (W3C CCG did:key Method v0.7,
sections 2 and 3.1.1; multicodec table). Supported here:

- Ed25519 public key, multicodec ``0xed`` (varint ``ed 01``), 32 raw bytes;
- P-256 public key, multicodec ``0x1200`` (varint ``80 24``), 33-byte compressed SEC1 point;
- P-384 public key, multicodec ``0x1201`` (varint ``81 24``), 49-byte compressed SEC1 point
  (W3C VC Data Integrity ECDSA Cryptosuites v1.0, 2.1.1 Multikey).

The same encoding is the ``publicKeyMultibase`` value of a ``Multikey`` (W3C Controlled Identifiers
1.0, section 2.2.2), so :func:`decode_multikey` serves DID documents too.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..limits import LIMITS
from .did import parse_did_url

#: A public key this package can verify with.
PublicKey = Ed25519PublicKey | ec.EllipticCurvePublicKey

ED25519_PUB = 0xED
P256_PUB = 0x1200
P384_PUB = 0x1201
#: Longest multibase key value decoded (a P-384 key is 70 characters): base58 decoding is quadratic
#: in the length, so a hostile value is refused before it is decoded.
MAX_MULTIBASE_CHARS = 128

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(_B58)}


class KeyDecodeError(ValueError):
    """A key value that cannot be decoded into a supported public key."""


class MalformedKey(KeyDecodeError):
    """A key value that is not a valid encoding at all (not merely of an unsupported key type): a
    signature made with it cannot be valid, and a DID document holding it is wrong."""


def b58decode(text: str) -> bytes:
    """Bitcoin base58 (the multibase ``base58btc`` alphabet) to bytes; leading ``1`` are zero bytes.

    Decoding is quadratic in the length, so a text longer than the ``key_chars`` limit is refused
    before it is decoded.
    """
    limit = LIMITS.key_chars
    if len(text) > limit:
        raise MalformedKey(f"{len(text)} base58 characters, more than the limit of {limit} (docs/limits.md)")
    number = 0
    for char in text:
        digit = _B58_INDEX.get(char)
        if digit is None:
            raise MalformedKey(f"{char!r} is not a base58btc character")
        number = number * 58 + digit
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * (len(text) - len(text.lstrip("1"))) + body


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = []
    while number:
        number, digit = divmod(number, 58)
        out.append(_B58[digit])
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + "".join(reversed(out))


def _varint(data: bytes) -> tuple[int, int]:
    """(value, bytes used) of an unsigned LEB128 varint (multiformats unsigned-varint)."""
    value = 0
    for i, byte in enumerate(data[:9]):
        value |= (byte & 0x7F) << (7 * i)
        if not byte & 0x80:
            return value, i + 1
    raise MalformedKey("bad multicodec varint")


@lru_cache(maxsize=1024)
def decode_multikey(value: str) -> PublicKey:
    """The public key in a multibase base58btc multicodec value (``z6Mk...`` or ``zDn...``)."""
    if not value.startswith("z"):
        raise KeyDecodeError("only multibase base58btc (prefix 'z') is supported")
    if len(value) > MAX_MULTIBASE_CHARS:
        raise MalformedKey(f"a multibase key of {len(value)} characters is longer than any supported key "
                             f"({MAX_MULTIBASE_CHARS})")
    raw = b58decode(value[1:])
    codec, used = _varint(raw)
    key = raw[used:]
    if codec == ED25519_PUB:
        if len(key) != 32:
            raise MalformedKey(f"an Ed25519 public key has 32 bytes, not {len(key)}")
        return Ed25519PublicKey.from_public_bytes(key)
    for curve_codec, curve, size in ((P256_PUB, ec.SECP256R1(), 33), (P384_PUB, ec.SECP384R1(), 49)):
        if codec == curve_codec:
            name = _CURVE_NAMES[curve.name]
            if len(key) != size or key[0] not in (2, 3):
                raise MalformedKey(f"a {name} multikey is a {size}-byte compressed point")
            try:
                return ec.EllipticCurvePublicKey.from_encoded_point(curve, key)
            except ValueError:
                raise MalformedKey(f"not a point on {name}") from None
    raise KeyDecodeError(f"multicodec 0x{codec:x} is not a supported key type "
                         "(Ed25519 0xed, P-256 0x1200, P-384 0x1201)")


_CURVE_NAMES = {"secp256r1": "P-256", "secp384r1": "P-384"}


def encode_multikey(key: PublicKey) -> str:
    """The multibase base58btc multicodec value of a public key (what a did:key is made of)."""
    from cryptography.hazmat.primitives import serialization as ser
    if isinstance(key, Ed25519PublicKey):
        return "z" + b58encode(b"\xed\x01" + key.public_bytes(ser.Encoding.Raw, ser.PublicFormat.Raw))
    prefix = {"secp256r1": b"\x80\x24", "secp384r1": b"\x81\x24"}.get(key.curve.name)
    if prefix is not None:
        return "z" + b58encode(prefix + key.public_bytes(ser.Encoding.X962, ser.PublicFormat.CompressedPoint))
    raise KeyDecodeError("only Ed25519, P-256 and P-384 keys can be encoded")


def did_key_document(did: str) -> dict[str, Any]:
    """The DID document a did:key resolves to (did:key Method, section 3.1.2), with a Multikey method.

    Raises :class:`KeyDecodeError` when ``did`` is not a did:key with a supported key.
    """
    parsed = parse_did_url(did)
    if parsed is None or parsed.method != "key" or not parsed.is_bare_did:
        raise KeyDecodeError(f"{did} is not a did:key")
    value = parsed.method_specific_id
    decode_multikey(value)  # refuse a did:key whose key cannot be read
    method_id = f"{did}#{value}"
    return {
        "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
        "id": did,
        "verificationMethod": [{"id": method_id, "type": "Multikey", "controller": did,
                                "publicKeyMultibase": value}],
        "authentication": [method_id], "assertionMethod": [method_id],
        "capabilityInvocation": [method_id], "capabilityDelegation": [method_id],
    }
