"""The standard's front matter as data, read from ``front_matter.toml``: the scope statement, the task
description, the sub-tasks, what the draft standard covers, the guiding principles and common practices
(each with the rules that encode it) and the advantages of each use case of the code list ``use-cases``.

The site's "The standard" pages are rendered from it (``docs_site.front_matter_pages``).

>>> load().scope.cited
'CWS/7/29, paragraph 67'
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as importlib_resources
from typing import Any

from .basis import Basis, parse
from .codelists import USE_CASES

SOURCE = "wipo_bc_standard/front_matter.toml"


class FrontMatterError(ValueError):
    """``front_matter.toml`` does not have the expected shape (a bug in the package's data)."""


@dataclass(frozen=True, slots=True)
class Statement:
    """A quoted statement (the scope) or list of items (the task), in English and in the seed's Chinese."""

    en: tuple[str, ...]
    zh: tuple[str, ...]
    bases: tuple[Basis, ...]
    cited: str
    term: str


@dataclass(frozen=True, slots=True)
class Item:
    """A sub-task or a focus of the draft standard: the seed's words and where the library encodes it."""

    en: str
    zh: str
    bases: tuple[Basis, ...]
    encoded: str
    term: str = ""


@dataclass(frozen=True, slots=True)
class Principle:
    """A guiding principle or a common practice, with the rules (ids or ``PREFIX-*``) that encode it."""

    id: str
    title: dict[str, str]
    statement: dict[str, str]
    bases: tuple[Basis, ...]
    rules: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Advantage:
    use_case: str
    en: str
    zh: str
    bases: tuple[Basis, ...]


@dataclass(frozen=True, slots=True)
class FrontMatter:
    scope: Statement
    task: Statement
    subtasks: tuple[Item, ...]
    focus: tuple[Item, ...]
    principles: tuple[Principle, ...]
    practices: tuple[Principle, ...]
    advantages: tuple[Advantage, ...]


def _bases(entry: dict[str, Any], where: str) -> tuple[Basis, ...]:
    texts = entry.get("from")
    if not isinstance(texts, list) or not texts or not all(isinstance(t, str) for t in texts):
        raise FrontMatterError(f"{where}: 'from' must list where it comes from")
    return tuple(parse(t) for t in texts)


def _texts(value: Any, where: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not items or not all(isinstance(t, str) and t for t in items):
        raise FrontMatterError(f"{where}: expected text or a list of text")
    return tuple(items)


def _langs(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or {"en", "zh"} - set(value) or not all(isinstance(t, str) for t in value.values()):
        raise FrontMatterError(f"{where}: expected en and zh text")
    return dict(value)


def _statement(entry: dict[str, Any], where: str) -> Statement:
    return Statement(_texts(entry.get("en"), where), _texts(entry.get("zh"), where), _bases(entry, where),
                     str(entry.get("cited", "")), str(entry.get("term", "")))


def _items(entries: Iterable[dict[str, Any]], kind: str) -> tuple[Item, ...]:
    return tuple(Item(e["en"], e["zh"], _bases(e, f"{kind} {e.get('en')!r}"), e["encoded"], e.get("term", ""))
                 for e in entries)


def _principles(entries: Iterable[dict[str, Any]], kind: str) -> tuple[Principle, ...]:
    found = []
    for e in entries:
        where = f"{kind} {e.get('id', '?')}"
        rules = e.get("rules")
        if not isinstance(rules, list) or not rules:
            raise FrontMatterError(f"{where}: 'rules' must list the rules that encode it")
        found.append(Principle(e["id"], _langs(e.get("title"), where), _langs(e.get("statement"), where),
                               _bases(e, where), tuple(rules)))
    return tuple(found)


@lru_cache(maxsize=1)
def load() -> FrontMatter:
    """The front matter, checked: every use case of the code list has its advantage, and only those."""
    text = importlib_resources.files(__package__).joinpath("front_matter.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    try:
        advantages = tuple(Advantage(a["use_case"], a["en"], a["zh"], _bases(a, f"advantage {a['use_case']}"))
                           for a in data["advantage"])
        matter = FrontMatter(
            scope=_statement(data["scope"], "scope"), task=_statement(data["task"], "task"),
            subtasks=_items(data["subtask"], "subtask"), focus=_items(data["focus"], "focus"),
            principles=_principles(data["principle"], "principle"),
            practices=_principles(data["practice"], "practice"), advantages=advantages)
    except KeyError as exc:
        raise FrontMatterError(f"{SOURCE}: missing {exc}") from None
    named = [a.use_case for a in advantages]
    if sorted(named) != sorted(USE_CASES.values) or len(set(named)) != len(named):
        raise FrontMatterError(f"{SOURCE}: advantages must name each use case of the code list once; "
                               f"got {sorted(named)}")
    return matter


def matching(patterns: Iterable[str], rule_ids: Iterable[str]) -> list[str]:
    """The rule ids a list of ids and ``PREFIX-*`` patterns names, in the order of ``rule_ids``."""
    wanted = list(patterns)
    exact = {p for p in wanted if not p.endswith("*")}
    prefixes = tuple(p.removesuffix("*") for p in wanted if p.endswith("*"))
    return [r for r in rule_ids if r in exact or (prefixes and r.startswith(prefixes))]
