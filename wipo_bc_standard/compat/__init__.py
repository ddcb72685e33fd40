"""Can two networks exchange records? The checks behind ``wipo-bc compat``.

A network is its profile (``profile.json``, required) and its governance declaration
(``governance.json``, optional but recommended). :func:`compare` returns a :class:`Verdict`: every
*blocker* (records cannot move between the networks until it is resolved), *warning* (they can,
with a limitation the message names) and *note* (worth knowing, nothing to fix). Each issue carries
a stable id (``COMPAT-HASH``...), a message and both sides' values.

Comparisons read what each network accepts: where the profile and the governance declaration both
list algorithms, the network accepts those on both lists (the governance may approve fewer than the
platform supports; when the two lists share nothing, the profile's list is taken). Every check is
symmetric unless its message says "from A to B".

```python
from wipo_bc_standard.compat import compare

verdict = compare("examples/networks/euipo-multichain", "examples/networks/ebsi-besu")
verdict.compatible                      # True
[i.id for i in verdict.warnings]        # ['COMPAT-ENVELOPE', 'COMPAT-CANON', ...]
```
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..findings import Level
from .checks import CHECKS, CompatCheck, Side
from .network import GOVERNANCE_FILE, PROFILE_FILE, Network, NetworkError, NetworkLike, load_network
from .verdict import LEVEL_NAMES, Issue, Verdict

__all__ = ["CHECKS", "GOVERNANCE_FILE", "LEVEL_NAMES", "PROFILE_FILE", "CompatCheck", "Issue", "Network", "NetworkError",
           "NetworkLike", "Verdict", "compare", "load_network"]


def compare(a: NetworkLike, b: NetworkLike) -> Verdict:
    """Compare two networks (or the paths of their folders or profile files) and return the verdict.

    Raises :class:`NetworkError` when a path cannot be read.
    """
    na = a if isinstance(a, Network) else load_network(a)
    nb = b if isinstance(b, Network) else load_network(b)
    issues = list(_input_issues("A", na)) + list(_input_issues("B", nb))
    side_a, side_b = Side(na), Side(nb)
    for check in CHECKS.values():
        issues.extend(check.run(side_a, side_b))
    issues.sort(key=lambda i: -i.level)  # blockers first; stable, so check order is kept within a level
    return Verdict(na, nb, issues)


def _input_issues(name: str, network: Network) -> Iterator[Issue]:
    """Each error that makes a side's profile or governance invalid, as a blocker."""
    from ..api import validate

    docs: list[tuple[str, Mapping[str, Any], Mapping[str, Any] | None]] = [("profile", network.profile, None)]
    if network.governance is not None:
        docs.append(("governance", network.governance, network.profile))
    for target, doc, context in docs:
        report = validate(dict(doc), target=target, profile="core", network=context)
        for item in report.items:
            for finding in item.findings:
                if finding.level is not Level.ERROR:
                    continue
                where = f" at {finding.path}" if finding.path else ""
                value = {"target": target, "rule": finding.rule, "path": finding.path}
                yield Issue("COMPAT-INPUT", Level.ERROR,
                            f"{name}'s {target} is not valid: {finding.rule}{where}: {finding.message}",
                            value if name == "A" else None, value if name == "B" else None, one_sided=True)
