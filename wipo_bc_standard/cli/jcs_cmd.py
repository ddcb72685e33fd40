"""``wipo-bc canonicalize`` and ``wipo-bc hash``."""

from __future__ import annotations

import click

commands: list[click.Command] = []
