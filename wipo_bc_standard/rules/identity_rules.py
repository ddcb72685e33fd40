"""Rules on identity: DIDs, DID documents, verifiable credentials, record signatures."""

from __future__ import annotations
