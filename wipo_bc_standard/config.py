"""Configuration: ``[tool.wipo-bc]`` in ``pyproject.toml``, or a ``wipo-bc.toml``, found from the
working directory upward, the way Python tools (ruff, mypy, pytest) find theirs.

In one directory ``wipo-bc.toml`` wins over ``pyproject.toml``; a ``pyproject.toml`` without a
``[tool.wipo-bc]`` table is passed over. ``wipo-bc.toml`` holds the same keys at its top level (or
under ``[tool.wipo-bc]``). Paths and globs in the file are relative to the directory that holds
it, the configuration root. Options given on the command line win over the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import safe_io

FILE_NAMES = ("wipo-bc.toml", "pyproject.toml")
TABLE = ("tool", "wipo-bc")

#: Keys of the configuration and what each holds, as shown by ``--show-config`` and the docs.
KEYS: dict[str, str] = {
    "include": "globs (gitignore syntax, relative to the configuration root): only matching files are read "
               "when a directory is walked",
    "exclude": "globs: matching files and directories are not read when a directory is walked",
    "force-exclude": "true: exclude also files named on the command line (for pre-commit, which names them)",
    "respect-gitignore": "false: read files that .gitignore ignores (read by default: no)",
    "target": "what the items are (auto, record, ledger, profile, governance, did, vc)",
    "per-path-target": "a table of glob = target: the target of the files a glob matches",
    "profile": "rule set: core, interop or strict",
    "network": "network profile file giving context to network-dependent rules",
    "fail-on": "lowest level of finding that fails the run: error, warning or info",
    "lang": "language of the messages: en or zh",
    "baseline": "baseline file: report only findings not in it",
    "allow-empty": "true: a run that checks no item is not an error",
    "per-file-ignores": "a table of glob = [rule ids or prefixes such as \"schema.\"]: findings not reported there",
}


class ConfigError(ValueError):
    """A configuration file that cannot be used (not TOML, an unknown key, a value of the wrong type)."""


@dataclass(frozen=True, slots=True)
class Config:
    """The settings of one configuration file (every field None or empty when not set)."""

    #: The file read, and the directory paths and globs are relative to (the working directory
    #: when there is no file).
    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    force_exclude: bool = False
    respect_gitignore: bool = True
    target: str | None = None
    per_path_target: tuple[tuple[str, str], ...] = ()
    profile: str | None = None
    network: str | None = None
    fail_on: str | None = None
    lang: str | None = None
    baseline: str | None = None
    allow_empty: bool = False
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def resolve(self, path: str | None) -> str | None:
        """A path from the file, made relative to the configuration root (None stays None)."""
        if path is None or Path(path).is_absolute():
            return path
        return str(self.root / path)


def find(start: Path | None = None) -> Path | None:
    """The configuration file that applies to ``start`` (the working directory): the nearest one upward."""
    directory = (start or Path.cwd()).resolve()
    for candidate in (directory, *directory.parents):
        for name in FILE_NAMES:
            path = candidate / name
            if path.is_file() and (name != "pyproject.toml" or _has_table(path)):
                return path
    return None


def _has_table(path: Path) -> bool:
    try:
        data = path.read_bytes()
    except OSError:
        return False
    # Cheap test first: most pyproject.toml files have no table of ours and are not parsed.
    return b"wipo-bc" in data and _table(_parse(path, data), path.name == "pyproject.toml") is not None


def load(path: Path | None = None, *, search: bool = True) -> Config:
    """The configuration in ``path``, or in the file :func:`find` finds (defaults when there is none)."""
    if path is None:
        path = find() if search else None
        if path is None:
            return Config()
    try:
        data = safe_io.read_regular(path)
    except safe_io.NotReadable as exc:
        raise ConfigError(str(exc)) from None
    table = _table(_parse(path, data), path.name == "pyproject.toml")
    if table is None:
        raise ConfigError(f"{path}: no [tool.wipo-bc] table")
    return from_mapping(table, path)


def _parse(path: Path, data: bytes) -> dict[str, Any]:
    import tomllib
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: not TOML ({exc})") from None


def _table(doc: Mapping[str, Any], pyproject: bool) -> Mapping[str, Any] | None:
    tool = doc.get(TABLE[0])
    table = tool.get(TABLE[1]) if isinstance(tool, Mapping) else None
    if isinstance(table, Mapping):
        return table
    return None if pyproject else doc


_CHOICES = {"profile": ("core", "interop", "strict"), "fail-on": ("error", "warning", "info"), "lang": ("en", "zh")}


def from_mapping(table: Mapping[str, Any], path: Path) -> Config:
    """A Config of a parsed table; every key and value is checked (a ConfigError names the first wrong one)."""
    from .targets import TARGETS

    targets = ("auto", *TARGETS)
    values: dict[str, Any] = {"path": path, "root": path.parent.resolve()}
    for key, value in table.items():
        where = f"{path}: {key}"
        if key not in KEYS:
            raise ConfigError(f"{path}: unknown key {key!r} (known: {', '.join(KEYS)})")
        name = key.replace("-", "_")
        if key in ("include", "exclude"):
            values[name] = tuple(_strings(value, where))
        elif key in ("force-exclude", "respect-gitignore", "allow-empty"):
            if not isinstance(value, bool):
                raise ConfigError(f"{where}: must be true or false")
            values[name] = value
        elif key == "target":
            values[name] = _choice(value, targets, where)
        elif key in _CHOICES:
            values[name] = _choice(value, _CHOICES[key], where)
        elif key in ("network", "baseline"):
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where}: must be a path")
            values[name] = value
        elif key == "per-path-target":
            values[name] = tuple((glob, _choice(t, targets, f"{where}.{glob}")) for glob, t in _table_of(value, where))
        elif key == "per-file-ignores":
            values[name] = tuple((glob, tuple(_strings(rules, f"{where}.{glob}")))
                                 for glob, rules in _table_of(value, where))
    return Config(**values)


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: must be a list of strings")
    return value


def _choice(value: Any, choices: tuple[str, ...], where: str) -> str:
    if value not in choices:
        raise ConfigError(f"{where}: {value!r} is not one of {', '.join(choices)}")
    return str(value)


def _table_of(value: Any, where: str) -> list[tuple[str, Any]]:
    if not isinstance(value, Mapping):
        raise ConfigError(f"{where}: must be a table of glob = value")
    return list(value.items())


class RuleIgnores:
    """Drops the findings that ``per-file-ignores`` leaves out of a stream of results, counting them.

    A rule entry is a rule id (``REC-06``) or a prefix ending in ``.`` or ``-`` (``schema.``, ``REC-``).
    An item's conformance is decided again from the findings left, as a baseline does.
    """

    def __init__(self, per_file: tuple[tuple[str, tuple[str, ...]], ...], root: Path,
                 fail_on: Any = None) -> None:
        from .findings import Level
        from .selection import _Globs
        self._per_file = [(_Globs([glob], root), rules) for glob, rules in per_file]
        self.fail_on = fail_on if fail_on is not None else Level.ERROR
        self.ignored = 0

    def rules_for(self, source: str) -> tuple[str, ...]:
        if source.startswith("<"):
            return ()
        path = Path(source)
        return tuple(rule for globs, rules in self._per_file if globs.match(path) for rule in rules)

    def __call__(self, results: Any) -> Any:
        from .findings import conformant_at
        # The items of a file come together: its globs are matched once.
        source: str | None = None
        rules: tuple[str, ...] = ()
        for result in results:
            if not result.findings:
                yield result
                continue
            if result.source != source:
                source, rules = result.source, self.rules_for(result.source)
            if rules:
                kept = [f for f in result.findings if not _ignored(f.rule, rules)]
                if len(kept) != len(result.findings):
                    self.ignored += len(result.findings) - len(kept)
                    result.findings = kept
                    result.conformant = conformant_at(kept, self.fail_on)
            yield result


def _ignored(rule: str, ignored: tuple[str, ...]) -> bool:
    return any(rule == entry or (entry[-1] in ".-" and rule.startswith(entry)) for entry in ignored)
