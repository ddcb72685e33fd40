"""Rules that need the network's profile as context (--network)."""

from __future__ import annotations
