"""Rules across the records of a ledger: hash links, duplicates, forks, order.

These rules are stateful: their check takes a list of records (in ledger order) and points into
it (``/2/previousRecordHash/value``); at run time :class:`~wipo_bc_standard.rules.ledger_chain.LedgerChain`
applies them while the records stream past. Their examples are short ledgers with real hashes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..findings import Level
from ..jcs import record_hash
from .catalogue import Hit, RuleContext, rule
from .examples import example_record
from .ledger_chain import hits_over

_CLAUSE_LINK = "this standard (proposal): record schema, previousRecordHash; RFC 8785"


def _record(n: int, **changes: Any) -> dict[str, Any]:
    """Record number ``n`` of the examples: its own id and ledger position."""
    return example_record(recordId=f"urn:uuid:00000000-0000-4000-8000-{n:012d}",
                          ledger={"platform": "multichain", "network": "ip-register",
                                  "transactionId": f"{n:064x}", "blockNumber": 100 + n,
                                  "timestamp": f"2021-10-01T10:{n:02d}:00Z"},
                          **changes)


def _linked(record: dict[str, Any], previous: dict[str, Any]) -> dict[str, Any]:
    return {**record, "previousRecordHash": {"alg": "sha-256", "value": record_hash(previous, "sha-256")}}


_FIRST = _record(1)
_SECOND = _linked(_record(2, recordType="registration", event=None, ipRight__registrationNumber="018123456",
                          ipRight__registrationDate="2021-09-01"), _FIRST)
_THIRD = _linked(_record(3, recordType="renewal", event=None), _SECOND)
_OTHER_RIGHT = _record(4, ipRight__applicationNumber="018999999")


@rule(id="CH-01", title="previousRecordHash is the hash of the right's previous record", level=Level.ERROR,
      targets="ledger", clause=_CLAUSE_LINK, stateful=True,
      rationale="The hash link is what makes a right's history tamper-evident: a record changed after its "
                "successor was written no longer matches the hash its successor holds.",
      message="previousRecordHash must be the {alg} hash of the previous record of this right ({previous}) "
              "without ledger and proof: expected {expected}, found {found}",
      message_zh="previousRecordHash 必须是该权利上一条记录（{previous}，不含 ledger 和 proof）的 {alg} 杂凑值："
                 "应为 {expected}，实为 {found}",
      valid=[_FIRST, _SECOND],
      invalid=[{**_FIRST, "event": {**_FIRST["event"], "nationalCode": "FILX"}}, _SECOND])
def previous_hash_matches(records: Any, ctx: RuleContext) -> Iterator[Hit]:
    return hits_over(records, "CH-01", ctx)


@rule(id="CH-00", title="The first record of a right carries no previousRecordHash", level=Level.WARNING,
      targets="ledger", clause=_CLAUSE_LINK, stateful=True,
      rationale="A link to a record the ledger does not hold cannot be verified, and hides where the "
                "right's history begins (or that part of it is missing).",
      message="the first record of {right} in this ledger names a previous record ({value}) that the ledger "
              "does not hold before it",
      message_zh="本账本中 {right} 的第一条记录指向了一条账本在其之前并不包含的上一条记录（{value}）",
      valid=[_FIRST],
      invalid=[{**_FIRST, "previousRecordHash": {"alg": "sha-256", "value": "ab" * 32}}])
def first_record_unlinked(records: Any, ctx: RuleContext) -> Iterator[Hit]:
    return hits_over(records, "CH-00", ctx)


@rule(id="ID-04", title="A recordId is not reused within the ledger", level=Level.WARNING,
      targets="ledger", clause="this standard (proposal): record schema, recordId (globally unique, never reused)", stateful=True,
      rationale="Offices and other ledgers refer to records by recordId; two records with one id make "
                "every such reference ambiguous.",
      message="recordId {recordId} is already used by an earlier record of this ledger",
      message_zh="recordId {recordId} 已被本账本中较早的一条记录使用",
      valid=[_FIRST, _OTHER_RIGHT],
      invalid=[_FIRST, {**_OTHER_RIGHT, "recordId": _FIRST["recordId"]}])
def record_id_unique(records: Any, ctx: RuleContext) -> Iterator[Hit]:
    return hits_over(records, "ID-04", ctx)


@rule(id="CH-02", title="No fork: two records do not name the same predecessor", level=Level.WARNING,
      targets="ledger", clause=_CLAUSE_LINK, stateful=True,
      rationale="A right's history is a single line; two records continuing from the same record give two "
                "competing histories, and no one can tell which one holds.",
      message="fork in {right}: this record and {other} both name the previous record {value}",
      message_zh="{right} 出现分叉：本记录与 {other} 指向同一条上一条记录 {value}",
      valid=[_FIRST, _SECOND, _THIRD],
      invalid=[_FIRST, _SECOND, _linked(_record(3, recordType="renewal", event=None), _FIRST)])
def no_fork(records: Any, ctx: RuleContext) -> Iterator[Hit]:
    return hits_over(records, "CH-02", ctx)


@rule(id="DT-05", title="Ledger order does not go backwards", level=Level.WARNING,
      targets="ledger", clause="this standard (proposal): record schema, ledger (blockNumber, timestamp); "
             "network profile timeSource.maxSkewSeconds",
      stateful=True,
      rationale="A ledger export lists records in ledger order; a block number or a timestamp that goes back "
                "(beyond the clock skew the network tolerates) means records were reordered, inserted or "
                "mis-stamped.",
      message="ledger.{field} {value} is before {previous} of the earlier record {previousRecord}",
      message_zh="ledger.{field} {value} 早于较早记录 {previousRecord} 的 {previous}",
      valid=[_FIRST, _OTHER_RIGHT],
      invalid=[_OTHER_RIGHT, _FIRST])
def ledger_order_forward(records: Any, ctx: RuleContext) -> Iterator[Hit]:
    return hits_over(records, "DT-05", ctx)
