"""Saying a message from its templates: the one place a template is picked by language and filled.

Findings' messages (:mod:`.messages`) and fix hints (:mod:`.hints`) are both said here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def say(templates: Mapping[str, str], params: Mapping[str, Any], lang: str = "en", fallback: str = "") -> str:
    """The template in ``lang`` (English where there is none in it), filled with ``params``; a template
    its parameters do not fit is said as ``fallback``, or as it is when there is no fallback."""
    template = templates.get(lang) or templates["en"]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return fallback or template
