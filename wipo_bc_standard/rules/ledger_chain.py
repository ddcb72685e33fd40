"""The chain engine: the stateful checks of the chain rules (:mod:`.chain_rules`) across the records
of a ledger (hash links, order, duplicates, forks).

The records are fed in ledger order, one at a time; nothing is kept of a record once it has been
checked except what later checks need:

- per IP right (office, kind, application number): the raw digest(s) of its last record, that
  record's id (for messages), and the links its last ``FORK_WINDOW`` records carried, as 16-byte
  BLAKE2b digests of (alg, value) with those records' ids (packed in one bytes object, a
  ``urn:uuid:`` id in 17 bytes): under 1 KB a right (RSS 171 MB for 1,000,000 records of 125,000
  rights, benchmarks/realistic.py). Bounded by the number of rights.
  Until the ledger's hash algorithm is known (from ``--network``'s ``hashAlgorithms`` or the first
  link seen), a right's last record is also kept as its canonical bytes, to be hashed with the
  algorithm the first link names; then the bytes are hashed and dropped.
- per ledger network (platform, network, channel): the last block number and timestamp.
- for duplicate record ids (ID-04), the one cost that grows with the records: an 80-bit BLAKE2b
  digest of every recordId seen, 8 bytes of it in one of 65,536 byte arrays chosen by the other
  2 (about 9 bytes a record, i.e. ~9 MB per million records, where a set of the id strings would
  take ~136 bytes a record). A false duplicate would need an 80-bit collision: for 10 million ids
  a chance of about 4 in 10^11.

Forks (CH-02) are seen when a record names the same predecessor as one of the right's last
``FORK_WINDOW`` (8) records did (a few dozen bytes each, per right); a record naming an older
ancestor than that shows as a broken link (CH-01), since finding it as a fork would mean keeping
every record's hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from .. import jcs, messages
from ..findings import Finding, Level

if TYPE_CHECKING:
    from .catalogue import Rule, RuleContext

#: Rule ids this checker can emit.
CHAIN_RULES = ("CH-00", "CH-01", "CH-02", "ID-04", "DT-05")

#: Said (at warning level, under CH-01) when a link cannot be checked here; it is not a violation.
UNVERIFIABLE = {"en": "cannot check previousRecordHash against {previous}: {reason}",
                "zh": "无法对照 {previous} 核验 previousRecordHash：{reason}"}

_DEFAULT_ALG = "sha-256"
#: How many of a right's latest records are remembered for fork detection (CH-02): a record naming
#: the same predecessor as one of them is a fork. A fork with an older sibling shows as CH-01.
FORK_WINDOW = 8
#: ``feed``'s default: compute the record's canonical bytes from the document itself.
_COMPUTE = object()
#: Names of the hash-algorithms code list (a set: looked up once a record).
_KNOWN_ALGS = frozenset(jcs.cl.HASH_ALGORITHMS.values)


class ChainHit(NamedTuple):
    """One violation found by the chain: the rule, a JSON Pointer into the record, template parameters."""

    rule: str
    path: str
    params: Mapping[str, Any]
    #: True when the link could not be checked (unavailable algorithm): a warning, not an error.
    unverifiable: bool = False


@dataclass(slots=True)
class _RightState:
    record_id: str
    #: The algorithms the last record was hashed with (None: it could not be canonicalised), and
    #: its raw digests, one per algorithm (None for one this Python cannot compute).
    algs: tuple[str, ...] | None
    digests: tuple[bytes | None, ...]
    #: The last record's canonical bytes, kept only while the ledger's hash algorithm is unknown
    #: (no link seen yet, no network profile), so that its successor's link can be checked anyway.
    data: bytes | None = None
    #: The links the right's last FORK_WINDOW records carried (for forks): a 16-byte key each
    #: (:func:`_link_key`), and those records' ids, packed (:func:`_pack_id`).
    fork_keys: bytes = b""
    fork_ids: bytes = b""

    def first_digest(self) -> tuple[str, str]:
        """The first algorithm and hex digest the last record has (what a missing link should have held)."""
        for alg, digest in zip(self.algs or (), self.digests, strict=False):
            if digest is not None:
                return alg, digest.hex()
        return _DEFAULT_ALG, "?"

    def digest(self, alg: str) -> str | None:
        if self.algs is None or alg not in self.algs:
            return None
        digest = self.digests[self.algs.index(alg)]
        return digest.hex() if digest is not None else None

    def fork_sibling(self, key: bytes) -> str | None:
        """The id of the oldest of the last records that carried the link ``key``, if any."""
        at = self.fork_keys.find(key)
        while at > 0 and at % _KEY_SIZE:  # a match across two keys
            at = self.fork_keys.find(key, at + 1)
        if at < 0:
            return None
        ids, start = self.fork_ids, 0
        for _ in range(at // _KEY_SIZE):
            start += _packed_size(ids, start)
        return _unpack_id(ids, start)


_KEY_SIZE = 16


class _DigestSet:
    """A set of 80-bit digests: the first 2 bytes choose one of 65,536 byte arrays, which holds
    the other 8 (about 9 bytes a member with the arrays' spare room)."""

    __slots__ = ("_buckets", "_count")

    def __init__(self) -> None:
        self._buckets: list[bytearray | None] = [None] * 65536
        self._count = 0

    def add(self, digest: bytes) -> bool:
        """Add a 10-byte digest; False when it was already there."""
        number, rest = digest[0] << 8 | digest[1], digest[2:]
        bucket = self._buckets[number]
        if bucket is None:
            self._buckets[number] = bytearray(rest)
        else:
            at = bucket.find(rest)
            while at > 0 and at % 8:  # a match across two members
                at = bucket.find(rest, at + 1)
            if at >= 0:
                return False
            bucket += rest
        self._count += 1
        return True

    def __len__(self) -> int:
        return self._count


@dataclass(slots=True)
class _Position:
    block: int | None = None
    timestamp: dt.datetime | None = None
    timestamp_text: str = ""
    record_id: str = ""


@dataclass
class ChainState:
    """What the chain keeps between records (see the module's docstring for its cost)."""

    #: By right, keyed by :func:`_right_key`.
    rights: dict[str, _RightState] = field(default_factory=dict)
    positions: dict[tuple[Any, Any, Any], _Position] = field(default_factory=dict)
    record_ids: _DigestSet = field(default_factory=_DigestSet)
    #: Algorithms a record is hashed with, so that its successor's link can be checked: the
    #: network's approved ones (else the first link's), plus any other a link has named since.
    algs: list[str] = field(default_factory=list)
    #: Whether the algorithms are known (a network profile named them, or a link has been seen).
    algs_known: bool = False


class LedgerChain:
    """Fed the records of a ledger in ledger order; returns the findings on each record.

    Only the stateful rules given (those of the run's profile) produce findings; ``context`` gives
    the network profile (``timeSource.maxSkewSeconds`` for DT-05) and the messages' language.
    """

    def __init__(self, rules: Iterable[Rule], context: RuleContext | None = None,
                 compute: Iterable[str] | None = None) -> None:
        self.rules = {r.id: r for r in rules}
        self.lang = context.lang if context is not None else "en"
        network = context.network if context is not None else None
        self.max_skew = dt.timedelta(seconds=_max_skew_seconds(network))
        network_algs = _network_algs(network)
        self.state = ChainState(algs=network_algs or [_DEFAULT_ALG], algs_known=bool(network_algs))
        self._algs_seen: list[str] = []
        self._algs_hashed: tuple[str, ...] = ()
        self._digest_functions: tuple[Any, ...] = ()
        # The checks that run: those of the rules given, or those named by ``compute`` (for hits()).
        active = set(self.rules) if compute is None else set(compute)
        self._links = bool({"CH-00", "CH-01", "CH-02"} & active)
        self._ids = "ID-04" in active
        self._order = "DT-05" in active

    def feed(self, doc: Any, record_bytes: bytes | None | object = _COMPUTE) -> list[Finding]:
        """The findings on ``doc``, the next record of the ledger.

        ``record_bytes``, when given, are the record's canonical bytes computed elsewhere (a worker
        process; None when it has none): ``doc`` then needs only the members the chain reads (see
        :func:`chain_view`).
        """
        return [self._finding(hit) for hit in self.hits(doc, record_bytes) if hit.rule in self.rules]

    def hits(self, doc: Any, record_bytes: bytes | None | object = _COMPUTE) -> list[ChainHit]:
        """The violations ``doc`` shows, given the records fed before it."""
        if not isinstance(doc, dict):
            return []
        hits: list[ChainHit] = []
        record_id = doc.get("recordId")
        record_id = record_id if isinstance(record_id, str) else "?"
        if self._ids and record_id != "?":
            self._check_id(record_id, hits)
        if self._order:
            self._check_order(doc, record_id, hits)
        if self._links:
            self._check_link(doc, record_id, hits, record_bytes)
        return hits

    def _check_id(self, record_id: str, hits: list[ChainHit]) -> None:
        key = hashlib.blake2b(record_id.encode("utf-8", "surrogatepass"), digest_size=10).digest()
        if not self.state.record_ids.add(key):
            hits.append(ChainHit("ID-04", "/recordId", {"recordId": record_id}))

    def _check_order(self, doc: dict[str, Any], record_id: str, hits: list[ChainHit]) -> None:
        ledger = doc.get("ledger")
        if not isinstance(ledger, dict):
            return
        platform, network, channel = ledger.get("platform"), ledger.get("network"), ledger.get("channel")
        if not ((platform is None or type(platform) is str) and (network is None or type(network) is str)
                and (channel is None or type(channel) is str)):
            return  # a schema finding already; not a position that can be ordered
        where = (platform, network, channel)
        last = self.state.positions.get(where)
        if last is None:
            last = self.state.positions[where] = _Position()
        block = ledger.get("blockNumber")
        if type(block) is int:
            if last.block is not None and block < last.block:
                hits.append(ChainHit("DT-05", "/ledger/blockNumber",
                                {"field": "blockNumber", "value": block, "previous": last.block,
                                 "previousRecord": last.record_id, "skew": 0}))
            else:
                last.block = block
                last.record_id = record_id
        text = ledger.get("timestamp")
        if last.timestamp is not None and text == last.timestamp_text:
            return  # the latest time seen (records of one block): neither back nor forward
        stamp = _timestamp(text)
        if stamp is not None:
            # A difference of two times, never a time less the skew (before year 1 it would overflow).
            if last.timestamp is not None and last.timestamp - stamp > self.max_skew:
                hits.append(ChainHit("DT-05", "/ledger/timestamp",
                                {"field": "timestamp", "value": text, "previous": last.timestamp_text,
                                 "previousRecord": last.record_id, "skew": int(self.max_skew.total_seconds())}))
            elif last.timestamp is None or stamp > last.timestamp:
                last.timestamp, last.timestamp_text = stamp, str(text)
                last.record_id = record_id

    def _check_link(self, doc: dict[str, Any], record_id: str, hits: list[ChainHit],
                    record_bytes: bytes | None | object) -> None:
        right = _right_of(doc)
        if right is None:
            return
        link = _link_of(doc.get("previousRecordHash"))
        learnt = False
        if link is not None and link[0] in _KNOWN_ALGS:
            if link[0] not in self.state.algs:
                self.state.algs.append(link[0])
            if not self.state.algs_known:
                # The first link of the ledger names its algorithm: from now on hash with it only.
                self.state.algs, self.state.algs_known, learnt = [link[0]], True, True
        key = _right_key(right)
        state = self.state.rights.get(key)
        link_key = _link_key(link) if link is not None else None
        if state is None:
            if doc.get("previousRecordHash") is not None:
                value = link[1] if link else "?"
                hits.append(ChainHit("CH-00", "/previousRecordHash",
                                {"value": value, "right": _right_text(right)}))
        elif link is None:
            if doc.get("previousRecordHash") is None:
                alg, expected = state.first_digest()
                hits.append(ChainHit("CH-01", "/previousRecordHash",
                                {"alg": alg, "previous": state.record_id, "found": "none", "expected": expected}))
            # A malformed previousRecordHash is the schema's finding, not the chain's.
        elif link_key is not None and (sibling := state.fork_sibling(link_key)) is not None:
            hits.append(ChainHit("CH-02", "/previousRecordHash/value",
                            {"value": link[1], "other": sibling, "right": _right_text(right)}))
        else:
            self._compare(link, state, hits)
        # This record is now the right's last: what its successor's link is checked against.
        data = canonical_record_bytes(doc) if record_bytes is _COMPUTE else record_bytes
        if isinstance(data, bytes):
            algs, digests = self._hash_all(data)
            # orjson's output carries ~4 KiB of spare capacity: keep an exact-size copy.
            pending = None if self.state.algs_known else bytes(memoryview(data))
        else:
            algs, digests, pending = None, (), None
        if state is None:
            state = self.state.rights[key] = _RightState(record_id, algs, digests, pending)
        else:
            state.record_id, state.algs, state.digests, state.data = record_id, algs, digests, pending
        if link_key is not None:
            fork_keys, fork_ids = state.fork_keys, state.fork_ids
            if len(fork_keys) == FORK_WINDOW * _KEY_SIZE:  # the oldest one leaves the window
                fork_keys, fork_ids = fork_keys[_KEY_SIZE:], fork_ids[_packed_size(fork_ids, 0):]
            state.fork_keys = fork_keys + link_key
            state.fork_ids = fork_ids + _pack_id(record_id)
        if learnt:
            self._settle_pending()

    def _settle_pending(self) -> None:
        """Hash the records kept as bytes while the algorithm was unknown, and drop the bytes."""
        for state in self.state.rights.values():
            if state.data is not None:
                state.algs, state.digests = self._hash_all(state.data)
                state.data = None

    def _compare(self, link: tuple[str, str], state: _RightState, hits: list[ChainHit]) -> None:
        alg, value = link
        expected = state.digest(alg)
        if expected is None and state.data is not None:
            try:
                expected = jcs.hash_function(alg)(state.data)
            except jcs.UnsupportedAlgorithm:
                pass
        if expected is None:
            if alg not in _KNOWN_ALGS:
                return  # an unknown algorithm name is the schema's finding
            reason = ("the previous record cannot be canonicalised (RFC 8785)" if state.algs is None
                      else _unavailable_reason(alg))
            hits.append(ChainHit("CH-01", "/previousRecordHash/alg",
                            {"previous": state.record_id, "reason": reason}, unverifiable=True))
        elif value != expected:
            hits.append(ChainHit("CH-01", "/previousRecordHash/value",
                            {"alg": alg, "previous": state.record_id, "found": value, "expected": expected}))

    def _hash_all(self, data: bytes) -> tuple[tuple[str, ...], tuple[bytes | None, ...]]:
        algs = self.state.algs
        if algs != self._algs_seen:  # one shared tuple for the rights, remade when the list changes
            self._algs_seen, self._algs_hashed = list(algs), tuple(algs)
            self._digest_functions = tuple(_digest_function(alg) for alg in algs)
        functions = self._digest_functions
        if len(functions) == 1 and functions[0] is not None:
            return self._algs_hashed, (functions[0](data),)
        return self._algs_hashed, tuple(digest(data) if digest is not None else None for digest in functions)

    def _finding(self, hit: ChainHit) -> Finding:
        rule = self.rules[hit.rule]
        templates, level = (UNVERIFIABLE, Level.WARNING) if hit.unverifiable else (rule.templates, rule.level)
        return messages.finding(rule.id, level, templates, hit.params, self.lang, path=hit.path, clause=rule.clause)


def canonical_record_bytes(doc: dict[str, Any]) -> bytes | None:
    """What a record's hash covers (RFC 8785, without ``ledger`` and ``proof``), or None."""
    try:
        return jcs.record_bytes(doc)
    except (jcs.CanonicalizationError, RecursionError):
        return None


def chain_view(doc: dict[str, Any]) -> dict[str, Any]:
    """The members of a record the chain reads: what a worker process sends back with its bytes."""
    view: dict[str, Any] = {k: doc[k] for k in ("recordId", "previousRecordHash", "ledger") if k in doc}
    right = doc.get("ipRight")
    if "ipRight" in doc:
        view["ipRight"] = ({k: right[k] for k in ("office", "kind", "applicationNumber") if k in right}
                           if isinstance(right, dict) else right)
    return view


def hits_over(records: Iterable[Any], rule_id: str, context: RuleContext | None = None) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """A stateful rule's check over a list of records: (pointer into the list, parameters) per violation."""
    chain = LedgerChain((), context, compute=(rule_id,))
    for index, doc in enumerate(records):
        for hit in chain.hits(doc):
            if hit.rule == rule_id and not hit.unverifiable:
                yield f"/{index}{hit.path}", hit.params


def _right_of(doc: dict[str, Any]) -> tuple[str, str, str] | None:
    right = doc.get("ipRight")
    if not isinstance(right, dict):
        return None
    office, kind, number = right.get("office"), right.get("kind"), right.get("applicationNumber")
    if type(office) is str and type(kind) is str and type(number) is str:
        return office, kind, number
    return None


def ledger_record_view(doc: dict[str, Any]) -> dict[str, str]:
    """A record's id and its right, as pictures of the chains show them."""
    right = _right_of(doc)
    record_id = doc.get("recordId")
    return {"recordId": record_id if isinstance(record_id, str) else "",
            "right": _right_text(right) if right is not None else ""}


def _right_key(right: tuple[str, str, str]) -> str:
    """One string per right (the lengths make it unambiguous): smaller than the tuple of three."""
    office, kind, number = right
    return f"{len(office)}.{len(kind)}.{office}{kind}{number}"


_UUID_URN = "urn:uuid:"
_PACKABLE_UUID_URN = re.compile(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _pack_id(record_id: str) -> bytes:
    """A record id for the fork window: b"\\0" and 16 bytes for a lower-case ``urn:uuid:`` (the usual
    form: 17 bytes instead of 45), else b"\\1", its UTF-8 length in 4 bytes and the UTF-8."""
    if _PACKABLE_UUID_URN.fullmatch(record_id):  # exactly what _uuid_urn writes back
        return b"\0" + bytes.fromhex(record_id[9:].replace("-", ""))
    encoded = record_id.encode("utf-8", "surrogatepass")
    return b"\1" + len(encoded).to_bytes(4) + encoded


def _packed_size(packed: bytes, start: int) -> int:
    return 17 if packed[start] == 0 else 5 + int.from_bytes(packed[start + 1:start + 5])


def _unpack_id(packed: bytes, start: int) -> str:
    if packed[start] == 0:
        return _uuid_urn(packed[start + 1:start + 17])
    size = int.from_bytes(packed[start + 1:start + 5])
    return packed[start + 5:start + 5 + size].decode("utf-8", "surrogatepass")


def _uuid_urn(raw: bytes) -> str:
    h = raw.hex()
    return f"{_UUID_URN}{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _link_key(link: tuple[str, str]) -> bytes:
    alg, value = link
    text = f"{len(alg)}.{alg}{value}".encode("utf-8", "surrogatepass")
    return hashlib.blake2b(text, digest_size=_KEY_SIZE).digest()


def _digest_function(alg: str) -> Any:
    try:
        return jcs.digest_function(alg)
    except jcs.UnsupportedAlgorithm:
        return None


def _right_text(right: tuple[str, str, str]) -> str:
    office, kind, number = right
    return f"{office} {kind} {number}"


def _link_of(value: Any) -> tuple[str, str] | None:
    if isinstance(value, dict):
        alg, hex_value = value.get("alg"), value.get("value")
        if isinstance(alg, str) and isinstance(hex_value, str):
            return alg, hex_value.lower()
    return None


def _timestamp(text: Any) -> dt.datetime | None:
    if not isinstance(text, str):
        return None
    try:
        stamp = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return stamp if stamp.tzinfo is not None else None  # no offset: not comparable (the schema says so)


def _max_skew_seconds(network: Mapping[str, Any] | None) -> int:
    source = network.get("timeSource") if isinstance(network, Mapping) else None
    skew = source.get("maxSkewSeconds") if isinstance(source, Mapping) else None
    # Capped at about 31 years, far beyond any real skew, so that timedelta cannot overflow.
    return min(skew, 10**9) if type(skew) is int and skew >= 0 else 0


def _network_algs(network: Mapping[str, Any] | None) -> list[str]:
    algs = network.get("hashAlgorithms") if isinstance(network, Mapping) else None
    named = [a for a in algs if isinstance(a, str) and a in _KNOWN_ALGS] if isinstance(algs, list) else []
    return list(dict.fromkeys(named))


def _unavailable_reason(alg: str) -> str:
    try:
        jcs.hash_function(alg)
    except jcs.UnsupportedAlgorithm as exc:
        return str(exc)
    return f"the previous record was not hashed with {alg} (the first link of the ledger to use it)"
