"""The rule catalogue. Importing this package registers every rule.

Each module holds the rules of one area; a module = one owner, one concern.
"""

from . import (  # noqa: F401  (importing registers the rules)
    chain_rules,
    date_rules,
    governance_rules,
    identifier_rules,
    identity_rules,
    ledger_reader_rules,
    legal_status_rules,
    network_rules,
    profile_rules,
    record_rules,
)
from .catalogue import CATALOGUE, PROFILES, Rule, RuleContext, rule, select

__all__ = ["CATALOGUE", "PROFILES", "Rule", "RuleContext", "rule", "select"]
