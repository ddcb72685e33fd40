"""The compat checks: what `wipo-bc compat` compares, and its verdicts on the example networks."""

from __future__ import annotations

from pathlib import Path

from wipo_bc_standard.compat import CHECKS, Network, compare, load_network
from wipo_bc_standard.renderers.verdict import verdict_text

from .markdown import GENERATED, Page, banner, cell, table


def compat_page(examples: Path) -> Page:
    """The comparisons ``wipo-bc compat`` makes, and the example networks compared pairwise."""
    rows = [(f"`{c.id}`", cell(c.title), cell(c.description)) for c in CHECKS.values()]
    parts = [banner(), "# Compatibility checks\n",
             "What `wipo-bc compat NETWORK_A NETWORK_B` compares, rendered from `wipo_bc_standard.compat.CHECKS`. "
             "A blocker stops the exchange of records (exit code 1); warnings and notes do not.\n",
             "## Checks\n", table(("Id", "Check", "What it compares"), rows) + "\n"]
    networks = _example_networks(examples / "networks")
    if networks:
        names = list(networks)
        grid = []
        for a in names:
            cells = []
            for b in names:
                if a == b:
                    cells.append("—")
                    continue
                verdict = compare(networks[a], networks[b])
                cells.append("compatible" if verdict.compatible
                             else "blocked: " + ", ".join(sorted({i.id for i in verdict.blockers})))
            grid.append((f"`{a}`", *cells))
        parts.append("## The example networks, pairwise\n\n"
                     "The folders of `examples/networks/`, compared now (the table is regenerated on every build):\n\n"
                     + table(("A \\ B", *(f"`{n}`" for n in names)), grid) + "\n")
        first_blocked = next(((a, b) for a in names for b in names
                              if a != b and not compare(networks[a], networks[b]).compatible), None)
        if first_blocked:
            a, b = first_blocked
            parts.append(f"`wipo-bc compat examples/networks/{a} examples/networks/{b}` prints:\n\n"
                         "```text\n" + verdict_text(compare(networks[a], networks[b])) + "\n```\n")
    return Page(f"{GENERATED}/compat-checks.md", "Compatibility checks", "\n".join(parts))


def _example_networks(folder: Path) -> dict[str, Network]:
    if not folder.is_dir():
        return {}
    return {p.name: load_network(p) for p in sorted(folder.iterdir()) if (p / "profile.json").is_file()}
