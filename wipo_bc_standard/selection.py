"""Which files a run reads: the files named, and the files under the directories named, chosen by
the target's file types, the configuration's include and exclude globs and ``.gitignore``.

Every file a walk passes over for a reason worth knowing is counted under that reason, so that a
run can say what it did not read (files of other types, and hidden files and directories, are not
counted: nobody expects them read). Globs use gitignore syntax (``pathspec``), relative to the
configuration root.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import safe_io
from .limits import LIMITS
from .sources import KNOWN_SUFFIXES, SourceError

#: Why a file was not read, as the summary says it.
SKIP_REASONS = {
    "excluded": "excluded (exclude globs)",
    "not-included": "not matched by the include globs",
    "gitignored": "ignored by .gitignore",
    "not-ours": "not documents of this standard (package manifests, tool settings, node_modules/)",
}

#: File endings each target reads when a directory is walked (XML, JSON-LD and Turtle are record forms).
RECORD_FORMS = (".xml", ".jsonld", ".ttl")
SUFFIXES = {"record": KNOWN_SUFFIXES + RECORD_FORMS, "auto": KNOWN_SUFFIXES + RECORD_FORMS}
DEFAULT_SUFFIXES = KNOWN_SUFFIXES

#: JSON files of other ecosystems that are never documents of this standard (``--target auto``).
FOREIGN_FILES = frozenset({
    "package.json", "package-lock.json", "npm-shrinkwrap.json", "bower.json", "composer.json", "lerna.json",
    "nx.json", "angular.json", "deno.json", "jsconfig.json", "tslint.json", "babel.config.json", "turbo.json",
    "vercel.json", "firebase.json", "renovate.json", "app.json", "manifest.json", "devcontainer.json",
    "launch.json", "settings.json", "tasks.json", "extensions.json", "pyrightconfig.json", "cspell.json",
})
FOREIGN_PREFIXES = ("tsconfig", ".eslintrc", ".prettierrc", ".babelrc")
FOREIGN_ENDINGS = (".schema.json", ".sarif.json", ".map.json")
#: Directories of installed third-party code: never walked into (whatever the target).
FOREIGN_DIRECTORIES = frozenset({"node_modules", "bower_components", "jspm_packages", "site-packages",
                                 "__pycache__"})


def foreign_file(name: str) -> bool:
    """Whether a JSON file's name says it belongs to another tool (npm, TypeScript, an editor...)."""
    lower = name.lower()
    return (lower in FOREIGN_FILES or lower.startswith(FOREIGN_PREFIXES) or lower.endswith(FOREIGN_ENDINGS))


@dataclass(slots=True)
class Selection:
    """The sources of a run (paths, ``-`` for stdin), and what was passed over, counted by reason."""

    sources: list[Any] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)
    #: A few of the skipped paths of each reason, for people wondering why.
    samples: dict[str, list[str]] = field(default_factory=dict)

    def skip(self, reason: str, path: Path) -> None:
        self.skipped[reason] += 1
        shown = self.samples.setdefault(reason, [])
        if len(shown) < 3:
            shown.append(safe_io.display_name(path))

    def to_dict(self) -> dict[str, Any]:
        return {"read": len(self.sources),
                "skipped": {reason: {"count": n, "why": SKIP_REASONS[reason], "examples": self.samples[reason]}
                            for reason, n in sorted(self.skipped.items())}}


class _Globs:
    """gitignore-style patterns matched against paths relative to a base directory."""

    def __init__(self, patterns: Sequence[str], base: Path) -> None:
        self.spec: Any = None
        self.base = base
        if not patterns:
            return
        import pathspec  # loaded only when there are globs or .gitignore files to match
        try:
            self.spec = pathspec.GitIgnoreSpec.from_lines(patterns)
        except Exception as exc:  # pathspec's pattern errors have no common base but ValueError/TypeError
            raise SourceError(f"not a glob: {', '.join(map(repr, patterns))} ({exc})") from None

    def __bool__(self) -> bool:
        return self.spec is not None

    def decides(self, path: Path, is_dir: bool = False, resolved: Path | None = None) -> bool | None:
        """True if the last pattern matching ``path`` includes it, False if it negates, None if none match.
        ``resolved``: ``path.resolve()``, when the caller has it already."""
        if self.spec is None:
            return None
        try:
            relative = (resolved or path.resolve()).relative_to(self.base).as_posix()
        except ValueError:
            return None
        if is_dir:
            relative += "/"
        return self.spec.check_file(relative).include

    def match(self, path: Path, is_dir: bool = False) -> bool:
        return self.decides(path, is_dir) is True


def _git_root(directory: Path) -> Path | None:
    for candidate in (directory, *directory.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


class _GitIgnores:
    """The ``.gitignore`` files that apply under a directory: its own, its ancestors' up to the
    repository root, and those met on the way down; the deepest file with a matching pattern decides."""

    def __init__(self, top: Path) -> None:
        top = top.resolve()
        root = _git_root(top)
        self.levels: dict[Path, _Globs] = {}
        #: The levels deepest first, as (path prefix, applies everywhere, globs); None when a level was added.
        self._order: list[tuple[str, bool, _Globs]] | None = None
        chain = [top] if root is None else [p for p in (top, *top.parents) if p == root or root in p.parents]
        for directory in chain:
            self.add(directory)
        if root is not None:
            self._add_file(root / ".git" / "info" / "exclude", root)

    def add(self, directory: Path) -> None:
        self._add_file(directory / ".gitignore", directory)

    def _add_file(self, path: Path, base: Path) -> None:
        try:
            # A regular file of bounded size: a FIFO or /dev/zero under that name would hold the walk.
            data = safe_io.read_regular(path, LIMITS.item_bytes)
        except safe_io.NotReadable:
            return
        lines = data.decode("utf-8", errors="replace").splitlines()
        globs = _Globs(lines, base.resolve())
        if globs:
            key = base.resolve() if path.name == ".gitignore" else base.resolve() / ".git"
            self.levels[key] = globs
            self._order = None

    def ignored(self, path: Path, is_dir: bool = False) -> bool:
        if not self.levels:  # no .gitignore applies: spare resolving the path (a stat per part)
            return False
        if self._order is None:  # sorted once per level added, not once per file
            self._order = [(str(base).rstrip("/") + "/", base.name == ".git", self.levels[base])
                           for base in sorted(self.levels, key=lambda p: len(p.parts), reverse=True)]
        resolved = path.resolve()
        within = str(resolved) + "/"  # a level applies to its directory and everything under it
        for prefix, everywhere, globs in self._order:
            if everywhere or within.startswith(prefix):
                decided = globs.decides(path, is_dir, resolved)
                if decided is not None:
                    return decided
        return False


def select(paths: Iterable[str], *, target: str = "auto", root: Path | None = None, include: Sequence[str] = (),
           exclude: Sequence[str] = (), force_exclude: bool = False, respect_gitignore: bool = True,
           extra_suffixes: Iterable[str] = ()) -> Selection:
    """The files to read for ``paths`` (``-`` is stdin). A file named is read (unless ``force_exclude``
    and an exclude glob matches it); a directory is walked, sorted, choosing files as the module says.

    Raises SourceError for a path that does not exist.
    """
    base = (root or Path.cwd()).resolve()
    includes, excludes = _Globs(include, base), _Globs(exclude, base)
    suffixes = set(SUFFIXES.get(target, DEFAULT_SUFFIXES)) | set(extra_suffixes)
    selection = Selection()
    for raw in paths:
        if raw == "-":
            selection.sources.append("-")
            continue
        path = Path(raw)
        try:
            is_dir = path.is_dir()
            exists = is_dir or os.path.lexists(path)  # a dangling or looping link is read, and reported
        except OSError as exc:  # a name too long, say
            raise SourceError(f"{safe_io.display_name(raw)}: {safe_io.reason(exc)}") from None
        if is_dir:
            selection.sources.extend(_walk(path, selection, target, suffixes, includes, excludes, respect_gitignore))
        elif exists:
            if force_exclude and excludes.match(path):
                selection.skip("excluded", path)
            else:
                selection.sources.append(path)
        else:
            raise SourceError(f"{safe_io.display_name(raw)}: no such file or directory")
    return selection


def _walk(top: Path, selection: Selection, target: str, suffixes: set[str], includes: _Globs, excludes: _Globs,
          respect_gitignore: bool) -> list[Path]:
    gitignores = _GitIgnores(top) if respect_gitignore else None
    found: list[Path] = []
    for directory, subdirs, names in os.walk(top):
        here = Path(directory)
        if gitignores is not None and here != top:
            gitignores.add(here)
        kept = []
        for name in sorted(subdirs):
            sub = here / name
            if name.startswith("."):
                continue
            if name in FOREIGN_DIRECTORIES or (sub / "pyvenv.cfg").is_file():
                selection.skip("not-ours", sub)
            elif excludes.match(sub, is_dir=True):
                selection.skip("excluded", sub)
            elif gitignores is not None and gitignores.ignored(sub, is_dir=True):
                selection.skip("gitignored", sub)
            else:
                kept.append(name)
        subdirs[:] = kept
        for name in names:
            path = here / name
            # Not only regular files: a FIFO, socket or device with a known ending is kept, so that the
            # reader reports it (refused unread) rather than passing over it in silence. A link to a
            # directory is among os.walk's directories, and not followed (it may loop).
            if name.startswith(".") or path.suffix.lower() not in suffixes:
                continue
            if target == "auto" and foreign_file(name):
                selection.skip("not-ours", path)
            elif excludes.match(path):
                selection.skip("excluded", path)
            elif includes and not includes.match(path):
                selection.skip("not-included", path)
            elif gitignores is not None and gitignores.ignored(path):
                selection.skip("gitignored", path)
            else:
                found.append(path)
    return sorted(found, key=lambda p: p.parts)  # Path's own order, without its slow comparisons


def by_target(sources: Sequence[Any], default: str, per_path_target: Sequence[tuple[str, str]],
              root: Path | None = None) -> list[tuple[str, list[Any]]]:
    """The sources in runs of consecutive sources with one target: the first ``per_path_target`` glob
    matching a file gives its target, else ``default`` (order is kept: items in = items reported, in order)."""
    if not per_path_target:
        return [(default, list(sources))] if sources else []
    base = (root or Path.cwd()).resolve()
    globs = [(_Globs([glob], base), target) for glob, target in per_path_target]
    groups: list[tuple[str, list[Any]]] = []
    for source in sources:
        target = default
        if isinstance(source, Path):
            target = next((t for g, t in globs if g.match(source)), default)
        if groups and groups[-1][0] == target:
            groups[-1][1].append(source)
        else:
            groups.append((target, [source]))
    return groups
