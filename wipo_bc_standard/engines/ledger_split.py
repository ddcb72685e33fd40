"""A ledger's chain checks (:mod:`~wipo_bc_standard.rules.ledger_chain`) split by what each one
reads, so that a cluster can run them after a shuffle, with the same findings as one process:

- hash links and forks (CH-00..CH-02): per IP right (office, kind, applicationNumber);
- network order (DT-05): per ledger network (platform, network, channel);
- duplicate record ids (ID-04): per recordId.

Records are shuffled by the hash of their key into buckets (a partition per bucket); a bucket's
records are sorted by their positions in the run and fed to one
:class:`~wipo_bc_standard.rules.ledger_chain.LedgerChain` that computes only its own checks and
keeps each key's state apart, as in one process. The
one state the links share across rights, the hash algorithms records are hashed with (learnt from
the ledger's first link, extended by each algorithm a link names first), is worked out beforehand
from a small reduction (:func:`alg_firsts`: the first position each algorithm is named at) and set
before each record, as one process would have it at that record.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from ..engine import Checker
from ..findings import Finding, conformant_at
from ..report import ItemResult
from ..rules import Rule, RuleContext
from ..rules.ledger_chain import _DEFAULT_ALG, _KNOWN_ALGS, LedgerChain, _link_of, _right_of
from .tasks import Checked, Position

ID_CHECKS, ORDER_CHECKS, LINK_CHECKS = 0, 1, 2  # also the order of their findings on a record
_COMPUTE = {ID_CHECKS: ("ID-04",), ORDER_CHECKS: ("DT-05",), LINK_CHECKS: ("CH-00", "CH-01", "CH-02")}
#: Findings the chain adds to an item: (position, kind of check, findings).
ChainFindings = tuple[Position, int, list[Finding]]


#: The run's chain rules and context, by its options: worked out once a process, not once a group.
_chain_makings: dict[str, tuple[tuple[Rule, ...], RuleContext]] = {}


def _chain(checker_options: dict[str, Any], kind: int) -> LedgerChain | None:
    """A new chain computing only one kind of check; None when the run's profile has none of its rules."""
    key = repr(sorted(checker_options.items()))
    making = _chain_makings.get(key)
    if making is None:
        checker = Checker(**checker_options)
        full = checker.ledger_chain
        assert full is not None, "ledger checks of a run whose target is not ledger"
        making = _chain_makings[key] = (tuple(full.rules.values()), checker.context)
    rules, context = making
    compute = [rule.id for rule in rules if rule.id in _COMPUTE[kind]]
    return LedgerChain(rules, context, compute=compute) if compute else None


def keys(view: Mapping[str, Any]) -> dict[int, Any]:
    """The shuffle keys of a record's chain view, by kind of check (a kind it plays no part in: absent)."""
    out: dict[int, Any] = {}
    record_id = view.get("recordId")
    if isinstance(record_id, str) and record_id != "?":
        out[ID_CHECKS] = record_id
    ledger = view.get("ledger")
    if isinstance(ledger, dict):
        where = (ledger.get("platform"), ledger.get("network"), ledger.get("channel"))
        if all(part is None or type(part) is str for part in where):
            out[ORDER_CHECKS] = where
    right = _right_of(dict(view))
    if right is not None:
        out[LINK_CHECKS] = right
    return out


def shuffled(checked: Iterable[Checked], buckets: int) -> Iterable[tuple[tuple[int, int], tuple[Position, Any, Any]]]:
    """``((kind, bucket), (position, view, canonical bytes))`` for every check a record takes part in.

    A bucket holds every record of the keys (rights, networks, ids) that hash to it: one chain fed
    a bucket's records in position order keeps each key's state apart, as one process does. Only
    the links need the bytes."""
    for position, _result, chain_input in checked:
        if chain_input is None:
            continue
        view, data = chain_input
        for kind, key in keys(view).items():
            yield (kind, bucket(key, buckets)), (position, view, data if kind == LINK_CHECKS else None)


def into_buckets(checked: Iterable[Checked], buckets: int) -> list[list[tuple[int, tuple[Position, Any, Any]]]]:
    """A partition's shuffle rows, ``(kind, row)``, put in their buckets (the sending side of a shuffle)."""
    out: list[list[tuple[int, tuple[Position, Any, Any]]]] = [[] for _ in range(buckets)]
    for (kind, number), row in shuffled(checked, buckets):
        out[number].append((kind, row))
    return out


def check_bucket(checker_options: dict[str, Any], parts: Iterable[list[tuple[int, Any]]],
                 firsts: Mapping[str, Position]) -> list[ChainFindings]:
    """The chain's findings on one bucket's records, as every partition sent them (the receiving side)."""
    by_kind: dict[int, list[Any]] = {}
    for part in parts:
        for kind, row in part:
            by_kind.setdefault(kind, []).append(row)
    return [hit for kind, rows in sorted(by_kind.items()) for hit in check_group(checker_options, kind, rows, firsts)]


def bucket(key: Any, buckets: int) -> int:
    """The bucket of a key, the same in every process (Python's own str hash differs between them)."""
    digest = hashlib.blake2b(repr(key).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest) % buckets


def alg_firsts(checked: Iterable[Checked]) -> dict[str, Position]:
    """The first position at which a link names each known hash algorithm (records with a right only,
    as the chain reads them); merge the dicts of several partitions with :func:`merge_firsts`."""
    firsts: dict[str, Position] = {}
    for position, _result, chain_input in checked:
        if chain_input is None:
            continue
        view = chain_input[0]
        link = _link_of(view.get("previousRecordHash"))
        if link is None or link[0] not in _KNOWN_ALGS or _right_of(view) is None:
            continue
        if link[0] not in firsts or position < firsts[link[0]]:
            firsts[link[0]] = position
    return firsts


def merge_firsts(parts: Iterable[Mapping[str, Position]]) -> dict[str, Position]:
    merged: dict[str, Position] = {}
    for part in parts:
        for alg, position in part.items():
            if alg not in merged or position < merged[alg]:
                merged[alg] = position
    return merged


def check_group(checker_options: dict[str, Any], kind: int, rows: Iterable[tuple[Position, Any, Any]],
                firsts: Mapping[str, Position]) -> list[ChainFindings]:
    """The chain's findings on one group's records: every record of some rights, networks or ids."""
    chain = _chain(checker_options, kind)
    if chain is None:
        return []
    schedule = sorted(firsts.items(), key=lambda pair: pair[1])
    network_algs = list(chain.state.algs) if chain.state.algs_known else None
    hits: list[ChainFindings] = []
    for position, view, data in sorted(rows, key=lambda row: row[0]):
        if kind == LINK_CHECKS:
            _algs_at(chain, position, schedule, network_algs)
            found = chain.feed(view, data)
        else:
            found = chain.feed(view)
        if found:
            hits.append((position, kind, found))
    return hits


def _algs_at(chain: LedgerChain, position: Position, schedule: list[tuple[str, Position]],
             network_algs: list[str] | None) -> None:
    """Set the algorithms records are hashed with as one process has them just before ``position``."""
    state = chain.state
    before = [alg for alg, first in schedule if first < position]
    if network_algs is not None:
        state.algs = network_algs + [alg for alg in before if alg not in network_algs]
        return
    if not before:
        state.algs, state.algs_known = [_DEFAULT_ALG], False
        return
    if not state.algs_known:
        # The ledger's first link was in another right: one process hashed the records it kept as
        # bytes with that link's algorithm then, and only with it.
        state.algs, state.algs_known = [before[0]], True
        chain._settle_pending()
    state.algs = before


def attach(checked: Iterable[Checked], hits: Mapping[Position, list[tuple[int, list[Finding]]]],
           fail_on: Any) -> Iterable[Checked]:
    """The checked items with the chain's findings added after their own, in one process's order."""
    for position, result, _chain_input in checked:
        found = hits.get(position)
        if found:
            # A new result: the one given may be held by the engine (a persisted partition).
            added = [f for _kind, findings in sorted(found, key=lambda pair: pair[0]) for f in findings]
            all_findings = result.findings + added
            result = replace(result, findings=all_findings, conformant=conformant_at(all_findings, fail_on))
        yield position, result, None  # what the chain read is not needed any more (nor sent back)


def by_position(hits: Iterable[ChainFindings]) -> dict[Position, list[tuple[int, list[Finding]]]]:
    out: dict[Position, list[tuple[int, list[Finding]]]] = {}
    for position, kind, findings in hits:
        out.setdefault(position, []).append((kind, findings))
    return out


def results_only(checked: Iterable[Checked]) -> Iterable[ItemResult]:
    for _position, result, _chain_input in checked:
        yield result
