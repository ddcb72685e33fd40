"""What several commands share: one-line errors and output files."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any, NoReturn

import click

from .. import safe_io
from ..report import EXIT_CANNOT_RUN

if TYPE_CHECKING:
    from ..selection import Selection


def fail(message: str) -> NoReturn:
    """A clear one-line error and exit code 2: the run could not be done. The message is made
    printable (a file name or a value holding a newline or an escape cannot forge more lines)."""
    click.echo(f"wipo-bc: error: {safe_io.printable(message)}", err=True)
    sys.exit(EXIT_CANNOT_RUN)


@contextmanager
def output(path: str | None, inputs: Iterable[Any] = (), binary: bool = False) -> Iterator[IO[Any]]:
    """The file named by ``-o`` (UTF-8 text, or bytes), or stdout.

    The file is written atomically (a temporary file renamed over it at the end), so a failed
    write leaves the previous file as it was; a path that is one of ``inputs`` is refused.
    Either is a one-line error, exit 2.
    """
    if path is None or path == "-":
        stream: Any = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    name = safe_io.display_name(path)
    try:
        with safe_io.atomic_output(path, inputs, binary) as stream:
            yield stream
    except safe_io.OutputRefused as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write {name}: {safe_io.reason(exc)} (any previous file is unchanged)")


def selection_options(function: Any) -> Any:
    """The options that say which configuration applies and which files a run reads."""
    options = [
        click.option("--config", "config_path", metavar="FILE",
                     help="Configuration file to use (default: the nearest wipo-bc.toml, or pyproject.toml with "
                          "[tool.wipo-bc], from the working directory upward)."),
        click.option("--no-config", is_flag=True, help="Use no configuration file."),
        click.option("--include", multiple=True, metavar="GLOB",
                     help="When walking directories, read only files matching GLOB (gitignore syntax; repeatable)."),
        click.option("--exclude", multiple=True, metavar="GLOB",
                     help="When walking directories, do not read files or directories matching GLOB (repeatable)."),
        click.option("--no-gitignore", is_flag=True, help="Also read files that .gitignore ignores."),
        click.option("--allow-empty", is_flag=True,
                     help="A run that checks no item exits 0 (by default it exits 2: nothing checked is not a pass)."),
        click.option("--show-config", is_flag=True,
                     help="Print the settings this run would use, and where each comes from, then exit."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


#: Options a configuration file can set, by parameter name: (configuration key, built-in default).
CONFIGURABLE = {"target": ("target", "auto"), "profile": ("profile", "interop"), "network": ("network", None),
                "fail_on": ("fail-on", "error"), "lang": ("lang", "en"), "baseline": ("baseline", None)}
#: Parameter names of those options in the commands (where they differ).
PARAMETER = {"network": "network_path", "baseline": "baseline_path"}


def settings(config_path: str | None, no_config: bool, show: bool, **given: Any) -> dict[str, Any]:
    """The settings of a run: the command line's options, else the configuration file's, else the defaults.

    With ``show``, prints them (and where each comes from) and exits 0.
    """
    from pathlib import Path

    from .. import config as configuration

    try:
        conf = configuration.load(Path(config_path) if config_path else None, search=not no_config)
    except configuration.ConfigError as exc:
        fail(f"configuration: {exc}")
    context = click.get_current_context()
    out: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for name, (key, default) in CONFIGURABLE.items():
        value = given.get(name)
        from_file = getattr(conf, name)
        source = context.get_parameter_source(PARAMETER.get(name, name))
        if source is not None and source.name != "DEFAULT" and value is not None:
            out[name], origin[key] = value, "command line"
        elif from_file is not None:
            out[name] = conf.resolve(from_file) if name in ("network", "baseline") else from_file
            origin[key] = str(conf.path)
        else:
            out[name], origin[key] = default, "default"
    out["include"] = list(conf.include) + list(given.get("include") or ())
    out["exclude"] = list(conf.exclude) + list(given.get("exclude") or ())
    out["respect_gitignore"] = conf.respect_gitignore and not given.get("no_gitignore")
    out["force_exclude"] = conf.force_exclude
    out["allow_empty"] = bool(given.get("allow_empty")) or conf.allow_empty
    out["root"] = conf.root
    out["per_path_target"] = conf.per_path_target
    out["per_file_ignores"] = conf.per_file_ignores
    if show:
        shown = {"file": str(conf.path) if conf.path else None, "root": str(conf.root),
                 **{key: {"value": out[name], "from": origin[key]} for name, (key, _) in CONFIGURABLE.items()},
                 "include": out["include"], "exclude": out["exclude"], "respect-gitignore": out["respect_gitignore"],
                 "force-exclude": out["force_exclude"], "allow-empty": out["allow_empty"],
                 "per-path-target": dict(conf.per_path_target),
                 "per-file-ignores": {glob: list(rules) for glob, rules in conf.per_file_ignores}}
        import json
        click.echo(json.dumps(shown, indent=2, ensure_ascii=False))
        sys.exit(0)
    return out


def select_sources(paths: tuple[str, ...], run: dict[str, Any]) -> Selection:
    """The files a run reads (see :mod:`wipo_bc_standard.selection`), or a one-line error."""
    from .. import runner  # the engine loads when a run starts, not for --help
    try:
        return runner.select_sources(paths, target=run["target"], root=run["root"], include=run["include"],
                                     exclude=run["exclude"], force_exclude=run["force_exclude"],
                                     respect_gitignore=run["respect_gitignore"])
    except runner.RunError as exc:
        fail(str(exc))
