"""wipo-bc-standard: the reference model and conformance checks of the draft WIPO standard on
blockchain in the IP ecosystem (CWS Task No. 59).

Examples:
    ```python
    from wipo_bc_standard import validate

    report = validate("examples/valid", profile="strict")
    report.conformant, report.summary.items
    ```
"""

from typing import TYPE_CHECKING, Any

from ._version import __version__
from .api import Source, iter_validate, validate
from .findings import Finding, Level
from .report import ItemResult, Report, Summary

if TYPE_CHECKING:
    from .model import GovernanceDeclaration, NetworkProfile, Record


def __getattr__(name: str) -> Any:
    # The pydantic models load on first use: validating needs only the published schemas.
    if name in ("GovernanceDeclaration", "NetworkProfile", "Record"):
        from . import model
        return getattr(model, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Finding", "GovernanceDeclaration", "ItemResult", "Level", "NetworkProfile", "Record",
           "Report", "Source", "Summary", "__version__", "iter_validate", "validate"]
