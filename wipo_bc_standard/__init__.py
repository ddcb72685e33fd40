"""wipo-bc-standard: the reference model and conformance checks of the draft WIPO standard on
blockchain in the IP ecosystem (CWS Task No. 59).

Examples:
    ```python
    from wipo_bc_standard import validate

    report = validate("examples/valid", profile="strict")
    report.conformant, report.summary.items
    ```
"""

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .api import Source, iter_validate, validate
    from .findings import Finding, Level
    from .model import GovernanceDeclaration, NetworkProfile, Record
    from .report import ItemResult, Report, Summary

#: Where each public name lives. They load on first use (PEP 562): `wipo-bc --help` and the
#: subpackages do not pay for the checking engine, nor a validation for the pydantic models.
_LAZY = {"Source": "api", "iter_validate": "api", "validate": "api", "Finding": "findings", "Level": "findings",
         "ItemResult": "report", "Report": "report", "Summary": "report", "GovernanceDeclaration": "model",
         "NetworkProfile": "model", "Record": "model"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = ["Finding", "GovernanceDeclaration", "ItemResult", "Level", "NetworkProfile", "Record",
           "Report", "Source", "Summary", "__version__", "iter_validate", "validate"]
