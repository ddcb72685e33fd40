"""The Python API: what the CLI calls, and what implementers call from their own code."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .engine import Checker
from .findings import Level
from .report import ItemResult, Report
from .sources import Item, expand, iter_items

#: What ``validate`` accepts: a path, bytes, a mapping, or an iterable of mappings (or of those).
Source = str | Path | bytes | Mapping[str, Any] | Iterable[Mapping[str, Any]]


def iter_validate(source: Source | Iterable[Source], *, target: str = "auto", profile: str = "interop",
                  network: Mapping[str, Any] | None = None, fail_on: Level | str = Level.ERROR,
                  lang: str = "en", did_documents: Mapping[str, Any] | None = None) -> Iterator[ItemResult]:
    """Check each item of the sources and yield its result as soon as it is known (streaming).

    ``did_documents`` maps DIDs to their DID documents, for verifying record signatures offline.
    """
    checker = Checker(target=target, profile=profile, network=network,
                      fail_on=Level.parse(fail_on) if isinstance(fail_on, str) else fail_on, lang=lang,
                      did_documents=did_documents)
    return checker.run(_items(source))


def validate(source: Source | Iterable[Source], **options: Any) -> Report:
    """Check every item of the sources; the options are those of :func:`iter_validate`.

    >>> validate({"recordId": "x"}).conformant
    False
    """
    return Report.of(iter_validate(source, **options))


_NOTHING = object()


def _items(source: Any) -> Iterator[Item]:
    if isinstance(source, (str, Path)):
        return iter_items(expand([source]) if str(source) != "-" else ["-"])
    if isinstance(source, (bytes, bytearray, Mapping)):
        return iter_items([source])
    # An iterable of paths, or of documents: told by its first element (a generator is not copied).
    elements = iter(source)
    first = next(elements, _NOTHING)
    if first is _NOTHING:
        return iter(())
    rest = itertools.chain([first], elements)
    if isinstance(first, (str, Path)):
        return iter_items(expand(list(rest)))
    return iter_items([rest])
