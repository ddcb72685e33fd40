"""The rule catalogue. Importing this package registers every rule."""

from . import record_rules  # noqa: F401  (registers rules)
from .catalogue import CATALOGUE, PROFILES, Rule, RuleContext, rule, select

__all__ = ["CATALOGUE", "PROFILES", "Rule", "RuleContext", "rule", "select"]
