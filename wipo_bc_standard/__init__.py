"""wipo-bc-standard: the reference model and conformance checks of the draft WIPO standard on
blockchain in the IP ecosystem (CWS Task No. 59).

Examples:
    ```python
    from wipo_bc_standard import validate

    report = validate("examples/valid", profile="strict")
    report.conformant, report.summary.items
    ```
"""

from ._version import __version__
from .api import Source, iter_validate, validate
from .findings import Finding, Level
from .model import GovernanceDeclaration, NetworkProfile, Record
from .report import ItemResult, Report, Summary

__all__ = ["Finding", "GovernanceDeclaration", "ItemResult", "Level", "NetworkProfile", "Record",
           "Report", "Source", "Summary", "__version__", "iter_validate", "validate"]
