"""A network as ``compat`` compares it: its profile and, when given, its governance declaration, read from files."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Union

from .. import jsontext, safe_io
from ..limits import LIMITS
from ..targets import detect

PROFILE_FILE = "profile.json"
GOVERNANCE_FILE = "governance.json"


class NetworkError(Exception):
    """A network's files cannot be read (missing, unreadable, not JSON): the comparison cannot run."""


@dataclass(frozen=True, slots=True)
class Network:
    """One side of a comparison: a profile and, when given, its governance declaration."""

    profile: Mapping[str, Any]
    governance: Mapping[str, Any] | None = None
    #: Where it was read from (a folder or a file), for reports.
    source: str = ""

    @property
    def name(self) -> str:
        name = self.profile.get("name")
        return name if isinstance(name, str) and name else self.source or "unnamed network"


NetworkLike = Union[Network, str, "os.PathLike[str]"]


def load_network(path: str | os.PathLike[str]) -> Network:
    """Read a network from a folder (``profile.json`` + optional ``governance.json``) or a profile file.

    Raises :class:`NetworkError` when the input cannot be read as JSON objects.
    """
    where = Path(path)
    if where.is_dir():
        profile_path, governance_path = where / PROFILE_FILE, where / GOVERNANCE_FILE
        if not profile_path.is_file():
            raise NetworkError(f"{where}: no {PROFILE_FILE} in this folder")
        governance = _read_object(governance_path) if governance_path.is_file() else None
        return Network(_read_object(profile_path), governance, str(where))
    if where.is_file() or os.path.exists(where):  # anything else than a regular file is refused there
        doc = _read_object(where)
        if detect(doc) == "governance":
            raise NetworkError(f"{where}: a governance declaration alone is not a network; "
                               f"give the folder holding {PROFILE_FILE} and {GOVERNANCE_FILE}, or a profile")
        return Network(doc, None, str(where))
    raise NetworkError(f"{where}: no such file or folder")


def _read_object(path: Path) -> dict[str, Any]:
    try:
        data = safe_io.read_regular(path, LIMITS.item_bytes)
    except safe_io.NotReadable as exc:
        raise NetworkError(str(exc)) from None
    doc = jsontext.parse(data)
    if isinstance(doc, jsontext.ParseError):
        raise NetworkError(f"{path}: not acceptable JSON: {doc.message()}")
    if not isinstance(doc, dict):
        raise NetworkError(f"{path}: not a JSON object")
    return doc
