"""``wipo-bc rules``: the rule catalogue, rendered from :data:`CATALOGUE` only."""

from __future__ import annotations

import json
from typing import Any

import click

from ..basis import KIND_MEANINGS, KINDS
from ..rules import CATALOGUE, PROFILES, Rule
from ..targets import TARGETS
from .common import fail


def describe(rule: Rule) -> dict[str, Any]:
    """Everything the catalogue publishes about a rule, as plain JSON data."""
    return {
        "id": rule.id, "title": rule.title, "level": rule.level.label, "keyword": rule.level.keyword,
        "targets": list(rule.targets), "clause": rule.clause,
        "basis": rule.basis.to_dict() if rule.basis else None, "rationale": rule.rationale,
        "message": rule.message, "message_zh": rule.message_zh,
        "needsNetwork": rule.needs_network, "stateful": rule.stateful,
        "profiles": [name for name, levels in PROFILES.items() if rule.level in levels],
        "examples": {"valid": rule.valid_example, "invalid": rule.invalid_example},
    }


def _sort_key(rule: Rule) -> tuple[str, int]:
    prefix, _, number = rule.id.rpartition("-")
    return prefix, int(number) if number.isdigit() else 0


def chosen_rules(target: str | None, profile: str | None, basis: str | None = None) -> list[Rule]:
    """The catalogue's rules, in id order, filtered by target, by the levels a profile runs, by kind of basis."""
    levels = PROFILES[profile] if profile else None
    return sorted((r for r in CATALOGUE.values()
                   if (target is None or target in r.targets) and (levels is None or r.level in levels)
                   and (basis is None or (r.basis is not None and r.basis.kind == basis))),
                  key=_sort_key)


@click.group("rules")
def rules() -> None:
    """The conformance rules: what each checks, at which level, and on which clause it rests."""


@rules.command("list")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--target", type=click.Choice(TARGETS), help="Only rules that check this target.")
@click.option("--profile", type=click.Choice(tuple(PROFILES)), help="Only rules this profile runs.")
@click.option("--basis", type=click.Choice(KINDS),
              help="Only rules resting on this kind of basis: " + "; ".join(f"{k}, {m}" for k, m in KIND_MEANINGS.items())
              + ".")
def list_rules(fmt: str, target: str | None, profile: str | None, basis: str | None) -> None:
    """List the rules (id, level, kind of basis, targets, title)."""
    chosen = chosen_rules(target, profile, basis)
    if fmt == "json":
        click.echo(json.dumps([describe(r) for r in chosen], ensure_ascii=False, indent=2))
        return
    for r in chosen:
        flags = " [network]" if r.needs_network else " [ledger]" if r.stateful else ""
        kind = r.basis.kind if r.basis else "-"
        click.echo(f"{r.id:<9} {r.level.keyword:<6} {kind:<8} {','.join(r.targets):<18} {r.title}{flags}")
    click.echo(f"{len(chosen)} rules")
    if target is None and profile is None and basis is None:
        from ..finding_catalogue import KINDS as FINDING_KINDS
        click.echo("\nOther findings (reading, JSON Schema, ledger exports, the tool; `rules show ID` explains each):")
        for entry in FINDING_KINDS:
            click.echo(f"{entry.id:<28} {entry.title}")


@rules.command("show")
@click.argument("rule_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def show_rule(rule_id: str, fmt: str) -> None:
    """Show one rule in full, with a valid and an invalid example."""
    found = CATALOGUE.get(rule_id) or CATALOGUE.get(rule_id.upper())
    if found is None:
        from ..finding_catalogue import explain
        kind = explain(rule_id)
        if kind is None:
            fail(f"unknown rule {rule_id!r} (see 'wipo-bc rules list')")
        _show_kind(kind, rule_id, fmt)
        return
    data = describe(found)
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    click.echo(f"{found.id}: {found.title}")
    click.echo(f"  level:     {found.level.keyword} ({found.level.label})")
    click.echo(f"  targets:   {', '.join(found.targets)}")
    click.echo(f"  profiles:  {', '.join(data['profiles'])}")
    if found.needs_network:
        click.echo("  needs:     --network PROFILE.json (examples give it as {\"network\", \"document\"})")
    if found.stateful:
        click.echo("  stateful:  checked across the records of a ledger (examples are lists)")
    click.echo(f"  clause:    {found.clause}")
    click.echo(f"  basis:     {found.basis.text() if found.basis else '(none stated)'}")
    click.echo(f"  rationale: {found.rationale}")
    click.echo(f"  message:   {found.message}")
    click.echo(f"  message (zh): {found.message_zh}")
    for name in ("valid", "invalid"):
        click.echo(f"  {name} example:")
        text = json.dumps(data["examples"][name], ensure_ascii=False, indent=2)
        click.echo("\n".join("    " + line for line in text.splitlines()))


def describe_kind(kind: Any) -> dict[str, Any]:
    """An entry of :mod:`wipo_bc_standard.finding_catalogue` as plain JSON data."""
    return {"id": kind.id, "title": kind.title, "level": kind.level.label, "source": kind.source,
            "explanation": kind.explanation, "example": kind.example, "fix": kind.fix}


def _show_kind(kind: Any, asked: str, fmt: str) -> None:
    data = describe_kind(kind)
    if fmt == "json":
        click.echo(json.dumps({**data, "id": asked}, ensure_ascii=False, indent=2))
        return
    family = f" (one of {kind.id})" if kind.id != asked else ""
    click.echo(f"{asked}: {kind.title}{family}")
    click.echo(f"  level:   {kind.level.label}")
    click.echo(f"  rests on: {kind.source}")
    click.echo(f"  what:    {kind.explanation}")
    click.echo("  example:")
    click.echo("\n".join("    " + line for line in kind.example.splitlines()))
    click.echo(f"  fix:     {kind.fix}")


commands: list[click.Command] = [rules]
