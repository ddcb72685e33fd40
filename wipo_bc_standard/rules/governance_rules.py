"""Rules on governance declarations (ISO/TS 23635, EDPB Guidelines 02/2025)."""

from __future__ import annotations
