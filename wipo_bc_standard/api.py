"""The Python API: what implementers call from their own code (the CLI calls the same runner)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .baseline import Baseline
from .findings import Level
from .report import ItemResult, Report
from .runner import LedgerInput, Run, RunOptions, load_baseline
from .selection import Selection, select

#: What ``validate`` accepts: a path, bytes, a mapping, or an iterable of mappings (or of those).
Source = str | Path | bytes | Mapping[str, Any] | Iterable[Mapping[str, Any]]


def iter_validate(source: Source | Iterable[Source], *, target: str = "auto", profile: str = "interop",
                  network: Mapping[str, Any] | None = None, fail_on: Level | str = Level.ERROR,
                  lang: str = "en", did_documents: Mapping[str, Any] | None = None,
                  from_: str | None = None, chain: str | None = None, stream: str | None = None,
                  records: str | Path | None = None, baseline: Baseline | str | Path | None = None,
                  jobs: int = 1) -> Iterator[ItemResult]:
    """Check each item of the sources and yield its result as soon as it is known (streaming).

    ``did_documents`` maps DIDs to their DID documents, for verifying record signatures offline.
    ``from_`` (``evm``, ``fabric``, ``multichain``): the sources are ledger export files of that
    platform, whose records are checked as one ledger; ``chain``, ``stream`` and ``records`` are
    the CLI's ``--chain``, ``--stream`` and ``--records``. ``baseline``: a :class:`Baseline` or
    the path of a baseline file, whose findings are left out. ``jobs``: processes for file sources
    (0: all cores for large inputs).
    """
    return _run(source, target=target, profile=profile, network=network, fail_on=fail_on, lang=lang,
                did_documents=did_documents, from_=from_, chain=chain, stream=stream, records=records,
                baseline=baseline, jobs=jobs)[0]


def validate(source: Source | Iterable[Source], *, target: str = "auto", profile: str = "interop",
             network: Mapping[str, Any] | None = None, fail_on: Level | str = Level.ERROR,
             lang: str = "en", did_documents: Mapping[str, Any] | None = None,
             from_: str | None = None, chain: str | None = None, stream: str | None = None,
             records: str | Path | None = None, baseline: Baseline | str | Path | None = None,
             jobs: int = 1) -> Report:
    """Check every item of the sources; the options are those of :func:`iter_validate`.

    A directory is walked as ``wipo-bc validate`` walks it (``.gitignore`` respected, other tools'
    JSON files skipped); ``report.summary.files`` says what was read and skipped. When no item was
    checked (an empty directory, ``[]``), ``report.conformant`` is False and
    ``report.summary.verdict()`` is ``"nothing checked"``: a pipeline pointed at the wrong place
    does not pass.

    >>> validate({"recordId": "x"}).conformant
    False
    """
    results, run = _run(source, target=target, profile=profile, network=network, fail_on=fail_on, lang=lang,
                        did_documents=did_documents, from_=from_, chain=chain, stream=stream, records=records,
                        baseline=baseline, jobs=jobs)
    return Report(list(results), run.summary)


def _run(source: Any, *, target: str = "auto", profile: str = "interop", network: Mapping[str, Any] | None = None,
         fail_on: Level | str = Level.ERROR, lang: str = "en", did_documents: Mapping[str, Any] | None = None,
         from_: str | None = None, chain: str | None = None, stream: str | None = None,
         records: str | Path | None = None, baseline: Baseline | str | Path | None = None,
         jobs: int = 1) -> tuple[Iterator[ItemResult], Run]:
    options = RunOptions(target=target, profile=profile, network=network,
                         fail_on=Level.parse(fail_on) if isinstance(fail_on, str) else fail_on, lang=lang,
                         did_documents=did_documents or {}, jobs=jobs,
                         baseline=baseline if isinstance(baseline, Baseline) or baseline is None
                         else load_baseline(baseline),
                         ledger=LedgerInput(from_, chain, stream, records) if from_ else None)
    run = Run(options)
    return run.results(_sources(source, target)), run


_NOTHING = object()


def _sources(source: Any, target: str = "auto") -> list[Any] | Selection:
    if isinstance(source, (str, Path)):
        return select([str(source)], target=target)
    if isinstance(source, (bytes, bytearray, Mapping)):
        return [source]
    # An iterable of paths, or of documents: told by its first element (a generator is not copied).
    elements = iter(source)
    first = next(elements, _NOTHING)
    if first is _NOTHING:
        return []
    rest = itertools.chain([first], elements)
    if isinstance(first, (str, Path)):
        return select([str(p) for p in rest], target=target)
    return [rest]
