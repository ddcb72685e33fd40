"""A run: what the CLI commands and the Python API both call.

A run owns what is decided once for all its items: the options (:class:`RunOptions`), where the
items come from (files, stdin, Python objects, or the records of ledger exports), how many
processes check them, the baseline that takes accepted findings out, the summary counted as the
results stream past, the progress line, and what an interrupt leaves behind (a partial report).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from . import jsontext, parallel, safe_io
from .baseline import Baseline, BaselineError, BaselineFilter
from .engine import Checker
from .findings import Level
from .limits import LIMITS
from .report import EXIT_CANNOT_RUN, ItemResult, Summary
from .sources import SourceError, expand


class RunError(ValueError):
    """A run that cannot be done (options refused, a file given as an option unreadable); the CLI
    says it on one line and exits 2."""


@dataclass(frozen=True, slots=True)
class LedgerInput:
    """The items are the records of ledger exports of this platform (``--from``), checked as one ledger."""

    kind: str
    #: Network name where the export lacks it (MultiChain); overrides the EVM chain id and Fabric channel.
    chain: str | None = None
    #: The MultiChain stream the items were listed from.
    stream: str | None = None
    #: Off-chain records (and their documents/ folder) that anchors and document digests are checked against.
    records: str | Path | None = None


@dataclass(frozen=True, slots=True)
class RunOptions:
    """Everything that decides the findings of a run and how it is done."""

    target: str = "auto"
    profile: str = "interop"
    network: Mapping[str, Any] | None = None
    fail_on: Level = Level.ERROR
    lang: str = "en"
    did_documents: Mapping[str, Any] = field(default_factory=dict)
    #: Processes to check with; 0: all cores for inputs over :data:`parallel.AUTO_PARALLEL_BYTES`, else one.
    jobs: int = 1
    baseline: Baseline | None = None
    ledger: LedgerInput | None = None

    def checker_options(self) -> dict[str, Any]:
        return {"target": "ledger" if self.ledger else self.target, "profile": self.profile,
                "network": self.network, "fail_on": self.fail_on, "lang": self.lang,
                "did_documents": dict(self.did_documents)}


def open_ledger(ledger: LedgerInput) -> Any:
    """The reader of a ledger export (:class:`~wipo_bc_standard.ledgers.LedgerReader`); RunError when
    the options cannot be used."""
    from .ledgers import open_reader
    if ledger.kind == "multichain" and not ledger.chain:
        raise RunError("--from multichain: stream items do not name their chain: give --chain NAME")
    try:
        return open_reader(ledger.kind, chain=ledger.chain, stream=ledger.stream, records=ledger.records)
    except SourceError as exc:
        raise RunError(str(exc)) from None


class Run:
    """One run over some sources: :meth:`results` for callers that want the results, :meth:`render`
    for a report in one of the renderers' formats. ``summary`` counts what has streamed past."""

    def __init__(self, options: RunOptions) -> None:
        self.options = options
        Checker(**options.checker_options())  # options the checker refuses fail now, not mid-run
        self.summary = Summary()
        self._suppress = BaselineFilter(options.baseline, options.fail_on) if options.baseline is not None else None
        #: The ledger reader's account of the entries it read (``ledgers.ReadStats``), for ledger inputs.
        self.ledger_stats: Any = None

    def results(self, sources: list[Any]) -> Iterator[ItemResult]:
        """The result of every item of the sources, in order, less the findings the baseline accepts.

        A source is a path, ``-`` (stdin), bytes, a mapping, or an iterable of mappings; raises
        :class:`~wipo_bc_standard.sources.SourceError` when one cannot be read at all."""
        results = self._checked(sources)
        suppress = self._suppress
        if suppress is not None:
            results = suppress(results)
        summary = self.summary
        for result in results:
            summary.add(result)
            if suppress is not None:
                summary.suppressed = suppress.suppressed
            yield result

    def _checked(self, sources: list[Any]) -> Iterator[ItemResult]:
        options = self.options
        checker_options = options.checker_options()
        if options.ledger is not None:
            return self._ledger_results(options.ledger, sources, checker_options)
        files = all(isinstance(s, Path) or s == "-" for s in sources)
        jobs = (options.jobs or parallel.auto_jobs(sources, options.target)) if files else 1
        return parallel.run(sources, checker_options, jobs)

    def _ledger_results(self, ledger: LedgerInput, paths: list[Any],
                        checker_options: dict[str, Any]) -> Iterator[ItemResult]:
        """In one process: the chain checks need ledger order."""
        if any(str(p) == "-" for p in paths):
            raise RunError(f"--from {ledger.kind}: name the export files (stdin is not read as a ledger export)")
        reader = open_ledger(ledger)
        self.ledger_stats = reader.stats
        return Checker(**checker_options).run(reader.read(paths))

    def render(self, sources: list[Any], fmt: str, out: IO[str], progress_to: IO[str] | None = None) -> int:
        """Write the report of the sources to ``out`` in format ``fmt`` and return the exit code.

        Interrupted (Ctrl-C), the report of the items done so far is still written, marked partial
        (exit 2). ``progress_to``: a terminal to draw a progress line on (ignored when not a terminal)."""
        from .progress import Progress
        from .renderers import REGISTRY
        progress = Progress.for_terminal(progress_to) if progress_to is not None else None
        results: Iterable[ItemResult] = self.results(sources)
        if progress is not None:
            results = progress.wrap(results)
            out = progress.guard(out)
        renderer = REGISTRY[fmt](out)
        renderer.begin()
        try:
            for result in results:
                renderer.item(result)
        except KeyboardInterrupt:
            self.summary.partial = True
        if progress is not None:
            progress.clear()
        renderer.finish(self.summary)
        return self.exit_code

    @property
    def exit_code(self) -> int:
        return EXIT_CANNOT_RUN if self.summary.partial else self.summary.exit_code()


def input_sources(paths: Iterable[str | Path]) -> list[Any]:
    """The files named or under the directories named (``-``: stdin); RunError for no input or a path
    that does not exist."""
    paths = list(paths)
    if not paths:
        raise RunError("no input: name files, directories, or - for stdin")
    sources: list[Any] = []
    try:
        for path in paths:
            sources.extend(["-"] if str(path) == "-" else expand([path]))
    except SourceError as exc:
        raise RunError(str(exc)) from None
    return sources


def read_option_file(option: str, path: str | Path) -> bytes:
    """The bytes of a file an option names: a regular file of at most ``item_bytes`` (one document)."""
    try:
        return safe_io.read_regular(path, LIMITS.item_bytes)
    except OSError as exc:
        raise RunError(f"{option} {safe_io.display_name(path)}: {safe_io.reason(exc)}") from None
    except safe_io.NotReadable as exc:
        raise RunError(f"{option} {exc}") from None


def run_inputs(sources: Iterable[Any], *option_paths: str | Path | None,
               records: str | Path | None = None) -> list[Any]:
    """Every file a run reads (its sources, the files its options name, the off-chain records):
    an output must be none of them."""
    inputs = list(sources) + [p for p in option_paths if p]
    if records:
        inputs.append(records)
        if Path(records).is_dir():
            try:
                inputs.extend(expand([records]))
            except SourceError:
                pass  # the run itself says why
    return inputs


def load_network_profile(path: str | Path) -> dict[str, Any]:
    """A network profile given as context; it must be readable JSON."""
    data = read_option_file("--network", path)
    doc = jsontext.parse(data)
    if isinstance(doc, jsontext.ParseError) or not isinstance(doc, dict):
        raise RunError(f"--network {path}: not a JSON object")
    return doc


def load_did_documents(paths: Iterable[str | Path]) -> dict[str, Any]:
    """DID documents to resolve signing keys from, by their DID."""
    documents: dict[str, Any] = {}
    for path in paths:
        data = read_option_file("--did-document", path)
        doc = jsontext.parse(data)
        if isinstance(doc, jsontext.ParseError) or not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
            raise RunError(f"--did-document {path}: not a DID document (a JSON object with an id)")
        documents[doc["id"]] = doc
    return documents


def load_baseline(path: str | Path) -> Baseline:
    try:
        return Baseline.load(str(path))
    except BaselineError as exc:
        raise RunError(f"--baseline {exc}") from None
