"""A run: what the CLI commands and the Python API both call.

A run owns what is decided once for all its items: the options (:class:`RunOptions`), where the
items come from (files, stdin, Python objects, or the records of ledger exports), how many
processes check them, the baseline that takes accepted findings out, the summary counted as the
results stream past, the progress line, and what an interrupt leaves behind (a partial report).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from . import engines, jsontext, parallel, safe_io
from .baseline import Baseline, BaselineError, BaselineFilter
from .constants import ENGINES
from .engine import Checker
from .findings import Level
from .limits import LIMITS
from .report import EXIT_CANNOT_RUN, ItemResult, Summary
from .selection import Selection, by_target, select
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
    #: Off-chain records (and their documents/ directory) that anchors and document digests are checked against.
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
    #: Processes to check with (at most the cores); 0: chosen from the input's cost (:func:`parallel.auto_jobs`).
    jobs: int = 1
    baseline: Baseline | None = None
    ledger: LedgerInput | None = None
    #: Where the items are checked: ``local`` (this machine's processes), ``dask`` or ``spark``.
    engine: str = "local"
    #: The cluster engine's address: the Dask scheduler or the Spark master URL (None: a local cluster).
    engine_address: str | None = None
    #: Where the configuration's globs are relative to (its directory; the working directory without one).
    root: Path | None = None
    #: (glob, target): the target of the files a glob matches (configuration ``per-path-target``).
    per_path_target: tuple[tuple[str, str], ...] = ()
    #: (glob, rule ids or prefixes): findings not reported on those files (``per-file-ignores``).
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: False: a run that checks no item cannot be called conformant (exit 2; the CLI's default).
    allow_empty: bool = True
    #: Collect the safe corrections of the findings (:mod:`wipo_bc_standard.fixes`); ``Run.fixer.apply()`` writes them.
    fix: bool = False

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
        if options.engine not in ENGINES:
            raise RunError(f"unknown engine {options.engine!r}; choose one of {', '.join(ENGINES)}")
        if options.engine != "local" and options.ledger is not None:
            raise RunError(f"--from {options.ledger.kind}: ledger exports are read on this machine only "
                           "(--engine local); give a cluster engine the records as NDJSON with --target ledger")
        if options.engine != "local" and (options.fix or options.per_path_target):
            raise RunError(f"--engine {options.engine}: --fix and per-path-target work with --engine local only")
        self.summary = Summary()
        self._suppress = (BaselineFilter(options.baseline, options.fail_on, options.root)
                          if options.baseline is not None else None)
        self._ignores: Any = None
        self.fixer: Any = None
        if options.fix:
            from .fixes import Fixer
            self.fixer = Fixer()
        if options.per_file_ignores:
            from .config import RuleIgnores
            self._ignores = RuleIgnores(options.per_file_ignores, options.root or Path.cwd(), options.fail_on)
        #: The ledger reader's account of the entries it read (``ledgers.ReadStats``), for ledger inputs.
        self.ledger_stats: Any = None

    def results(self, sources: list[Any] | Selection) -> Iterator[ItemResult]:
        """The result of every item of the sources, in order, less the findings the baseline accepts.

        A source is a path, ``-`` (stdin), bytes, a mapping, or an iterable of mappings; raises
        :class:`~wipo_bc_standard.sources.SourceError` when one cannot be read at all."""
        if isinstance(sources, Selection):
            self.summary.files = sources.to_dict()
            sources = sources.sources
        results = self._checked(sources)
        suppress, ignores = self._suppress, self._ignores
        if suppress is not None:
            results = suppress(results)
        if ignores is not None:
            results = ignores(results)
        if self.fixer is not None:
            results = self.fixer(results)
        summary = self.summary
        from .locations import Locator
        locate = Locator()
        for result in results:
            locate(result)
            summary.add(result)
            if suppress is not None:
                summary.suppressed = suppress.suppressed
            if ignores is not None:
                summary.ignored = ignores.ignored
            yield result

    def _checked(self, sources: list[Any]) -> Iterator[ItemResult]:
        options = self.options
        checker_options = options.checker_options()
        if options.ledger is not None:
            return self._ledger_results(options.ledger, sources, checker_options)
        if options.engine != "local":
            return self._engine_results(sources, checker_options)
        files = all(isinstance(s, Path) or s == "-" for s in sources)
        jobs = (options.jobs or parallel.auto_jobs(sources, options.target)) if files else 1
        if not options.per_path_target:
            return parallel.run(sources, checker_options, jobs)
        groups = by_target(sources, options.target, options.per_path_target, options.root)
        return itertools.chain.from_iterable(parallel.run(group, {**checker_options, "target": target}, jobs)
                                             for target, group in groups)

    def _ledger_results(self, ledger: LedgerInput, paths: list[Any],
                        checker_options: dict[str, Any]) -> Iterator[ItemResult]:
        """In one process: the chain checks need ledger order."""
        if any(str(p) == "-" for p in paths):
            raise RunError(f"--from {ledger.kind}: name the export files (stdin is not read as a ledger export)")
        reader = open_ledger(ledger)
        self.ledger_stats = reader.stats
        return Checker(**checker_options).run(reader.read(paths))

    def _engine_results(self, sources: list[Any], checker_options: dict[str, Any]) -> Iterator[ItemResult]:
        """On a cluster engine: the sources are files, directories or URLs the workers read."""
        if not all(isinstance(s, (str, Path)) and str(s) != "-" for s in sources):
            raise RunError(f"--engine {self.options.engine}: name files, directories or URLs (not stdin or objects)")
        engine = self.options.engine
        try:
            results = engines.results(engine, self.options.engine_address, [str(s) for s in sources], checker_options)
        except ImportError as exc:
            raise RunError(str(exc)) from None
        return _one_line_failures(engine, results)

    def render(self, sources: list[Any] | Selection, fmt: str, out: IO[str], progress_to: IO[str] | None = None) -> int:
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
        if self.summary.partial or self.checked_nothing:
            return EXIT_CANNOT_RUN
        return self.summary.exit_code()

    @property
    def checked_nothing(self) -> bool:
        """Whether the run checked no item though it had to (``allow_empty=False``): nothing checked is not a pass."""
        return self.summary.items == 0 and not self.options.allow_empty and not self.summary.partial

    def nothing_checked_message(self) -> str:
        files = self.summary.files_line()
        return ("nothing was checked: no item" + (f" ({files})" if files else "")
                + "; point the run at the data, or pass --allow-empty")


def select_sources(paths: Iterable[str | Path], *, target: str = "auto", root: Path | None = None,
                   include: Iterable[str] = (), exclude: Iterable[str] = (), force_exclude: bool = False,
                   respect_gitignore: bool = True) -> Selection:
    """The files to read for the paths (see :mod:`wipo_bc_standard.selection`) and what was passed
    over; RunError for no input, a path that does not exist or a glob that is not one."""
    named = [str(p) for p in paths]
    if not named:
        raise RunError("no input: name files, directories, or - for stdin")
    try:
        return select(named, target=target, root=root, include=list(include), exclude=list(exclude),
                      force_exclude=force_exclude, respect_gitignore=respect_gitignore)
    except SourceError as exc:
        raise RunError(str(exc)) from None


def _one_line_failures(engine: str, results: Iterator[ItemResult]) -> Iterator[ItemResult]:
    """A cluster that cannot be reached, a URL no installed filesystem reads, a failed job: one line
    (RunError), not the engine's traceback."""
    try:
        yield from results
    except SourceError:
        raise
    except Exception as exc:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        # A worker's Python error is said in the engine's message among its stack: say that one.
        said = [line for line in lines if re.match(r"[A-Za-z_.]*(Error|Exception): ", line)]
        detail = said[-1] if said else lines[0] if lines else type(exc).__name__
        raise RunError(f"--engine {engine}: {detail}") from None


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
    from .targets import detect
    if detect(doc) != "profile":
        raise RunError(f"--network {path}: not a network profile (it has neither profileId nor networkType)")
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
