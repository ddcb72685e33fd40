"""Rules on network profiles (high-level configuration)."""

from __future__ import annotations
