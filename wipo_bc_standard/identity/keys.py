"""Public keys from DID document verification methods: ``publicKeyJwk`` (RFC 7517, RFC 8037) and
``publicKeyMultibase`` (Multikey; W3C Controlled Identifiers 1.0), as DID Core 5.2.1 allows,
plus the legacy ``publicKeyBase58`` of Ed25519VerificationKey2018 found in deployed documents.
"""

from __future__ import annotations

import base64
import string
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..limits import LIMITS
from .did_key import MAX_MULTIBASE_CHARS, KeyDecodeError, MalformedKey, PublicKey, b58decode, decode_multikey

#: JWK members that carry private key material (RFC 7518 section 6, RFC 8037 section 2).
PRIVATE_JWK_MEMBERS = frozenset({"d", "p", "q", "dp", "dq", "qi", "oth", "k"})


#: The base64url alphabet (RFC 4648, section 5).
_B64URL = frozenset(string.ascii_letters + string.digits + "-_")


def b64url_decode(text: str) -> bytes:
    """Base64url without padding (RFC 7515, section 2); raises KeyDecodeError on bad input. Python's
    decoder would drop characters outside the alphabet (a blank, ``+``, ``/``): they are refused first."""
    if not isinstance(text, str) or not _B64URL.issuperset(text):
        raise MalformedKey("not unpadded base64url")
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (ValueError, TypeError):
        raise MalformedKey("not base64url") from None


def key_from_jwk(jwk: Mapping[str, Any]) -> PublicKey:
    """An Ed25519 (``OKP``/``Ed25519``), P-256 or P-384 (``EC``/``P-256``, ``EC``/``P-384``) public key from a JWK."""
    for member in ("x", "y"):
        value = jwk.get(member)
        if isinstance(value, str) and len(value) > LIMITS.key_chars:
            raise MalformedKey(f"publicKeyJwk {member} has {len(value)} characters, more than the limit of "
                               f"{LIMITS.key_chars} (docs/limits.md)")
    kty, crv = jwk.get("kty"), jwk.get("crv")
    if kty == "OKP" and crv == "Ed25519":
        raw = b64url_decode(jwk.get("x", ""))
        if len(raw) != 32:
            raise MalformedKey("an Ed25519 JWK's x has 32 bytes")
        return Ed25519PublicKey.from_public_bytes(raw)
    curves: dict[Any, tuple[ec.EllipticCurve, int]] = {"P-256": (ec.SECP256R1(), 32), "P-384": (ec.SECP384R1(), 48)}
    if kty == "EC" and crv in curves:
        curve, size = curves[crv]
        x, y = b64url_decode(jwk.get("x", "")), b64url_decode(jwk.get("y", ""))
        if len(x) != size or len(y) != size:
            raise MalformedKey(f"a {crv} JWK's x and y have {size} bytes each")
        try:
            return ec.EllipticCurvePublicNumbers(int.from_bytes(x, "big"), int.from_bytes(y, "big"), curve).public_key()
        except ValueError:
            raise MalformedKey(f"not a point on {crv}") from None
    raise KeyDecodeError(f"JWK kty={kty!r} crv={crv!r} is not supported (OKP/Ed25519, EC/P-256, EC/P-384)")


def key_from_verification_method(method: Mapping[str, Any]) -> PublicKey:
    """The public key a verification method carries, in whichever supported form it has."""
    jwk = method.get("publicKeyJwk")
    if isinstance(jwk, Mapping):
        return key_from_jwk(jwk)
    multibase = method.get("publicKeyMultibase")
    if isinstance(multibase, str):
        return decode_multikey(multibase)
    base58 = method.get("publicKeyBase58")
    if isinstance(base58, str) and method.get("type") == "Ed25519VerificationKey2018":
        if len(base58) > MAX_MULTIBASE_CHARS:
            raise MalformedKey("publicKeyBase58 is longer than an Ed25519 key")
        raw = b58decode(base58)
        if len(raw) != 32:
            raise MalformedKey("an Ed25519 publicKeyBase58 has 32 bytes")
        return Ed25519PublicKey.from_public_bytes(raw)
    raise KeyDecodeError("the verification method has no publicKeyJwk or publicKeyMultibase of a supported key")
