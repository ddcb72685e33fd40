"""The data model of the conformance targets, defined once."""

from ..constants import STANDARD_VERSION
from .common import Digest
from .governance import GovernanceDeclaration
from .profile import NetworkProfile
from .record import Record

__all__ = ["STANDARD_VERSION", "Digest", "GovernanceDeclaration", "NetworkProfile", "Record"]
