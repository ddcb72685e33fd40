"""Runs hostile cases through the ``wipo-bc`` command-line entry point, one process per case.

Usage: ``python -m tests.hostile.driver MANIFEST.json RESULTS.json``. The manifest lists cases as
``{"name", "cwd", "argv", "stdin"}``; the results give, per case, the exit code (or the signal that
ended it), CPU seconds, peak RSS (MiB), network attempts, and the paths of its stdout and stderr.

The package is imported once here; each case is a forked child that runs ``wipo_bc_standard.cli.run``
with its own ``sys.argv``, stdin, stdout and stderr, exactly as the console script does, so that a
hundred cases cost a hundred checks and not a hundred interpreter start-ups. Time is the CPU time of
the case (its own and its worker processes'), not wall time, so that a loaded machine does not fail
the test; a wall-clock alarm still ends a case that blocks (a FIFO nobody writes to, say).

No network: an audit hook (inherited by every child) records and refuses any attempt to resolve a
host name or to connect an internet socket.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import sys
import time
import traceback
from pathlib import Path
from typing import Any

#: A case still running after this many wall-clock seconds is ended (reported as a hang).
WALL_LIMIT = int(os.environ.get("WIPO_BC_HOSTILE_WALL", "60"))
#: Address space a case may map: a memory bomb fails fast instead of taking the machine down.
ADDRESS_SPACE_LIMIT = 4 << 30
#: Exit code of a case that let an exception escape (the driver prints the traceback).
ESCAPED = 70

_network_log: Path | None = None
_NETWORK_EVENTS = {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
                   "socket.gethostbyaddr", "urllib.Request", "http.client.connect"}


def _audit(event: str, args: tuple[Any, ...]) -> None:
    if _network_log is None:
        return
    attempt = event in _NETWORK_EVENTS
    if event in ("socket.connect", "socket.sendto") and args:
        sock = args[0]
        attempt = getattr(sock, "family", None) in (socket.AF_INET, socket.AF_INET6)
    if attempt:
        with open(_network_log, "a", encoding="utf-8") as log:
            log.write(f"{event} {args[1:]!r}\n"[:500])
        raise OSError(f"hostile-case driver: network access refused ({event})")


def _child(case: dict[str, Any], out_dir: Path) -> None:
    global _network_log
    os.chdir(case["cwd"])
    stdin = os.open(case.get("stdin") or os.devnull, os.O_RDONLY)
    os.dup2(stdin, 0)
    os.dup2(os.open(out_dir / "stdout", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 1)
    os.dup2(os.open(out_dir / "stderr", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), 2)
    _network_log = out_dir / "network"
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))
    signal.alarm(WALL_LIMIT)
    sys.stdin = open(0, encoding="utf-8", errors="surrogateescape", closefd=False)
    sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)
    # As the interpreter decodes a real command line: bytes that are not UTF-8 become surrogates.
    sys.argv = ["wipo-bc", *(os.fsdecode(bytes.fromhex(a)) for a in case["argv_hex"])]
    code = 0
    try:
        from wipo_bc_standard.cli import run
        run()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except BaseException:
        traceback.print_exc()
        code = ESCAPED
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        pass
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    (out_dir / "children").write_text(json.dumps({"cpu": children.ru_utime + children.ru_stime,
                                                   "rss": children.ru_maxrss}))
    os._exit(code)


def main(manifest: str, results_path: str) -> None:
    sys.addaudithook(_audit)
    # What every case needs, loaded once (the cases then measure checking, not importing).
    cases = json.loads(Path(manifest).read_text(encoding="utf-8"))
    results = []
    for case in cases:
        out_dir = Path(case["out"])
        out_dir.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child ends in os._exit
            try:
                _child(case, out_dir)
            finally:
                os._exit(ESCAPED)
        _, status, usage = os.wait4(pid, 0)
        children = {"cpu": 0.0, "rss": 0}
        if (out_dir / "children").exists():
            children = json.loads((out_dir / "children").read_text())
        network = out_dir / "network"
        results.append({
            "name": case["name"],
            "code": os.waitstatus_to_exitcode(status),
            "cpu": usage.ru_utime + usage.ru_stime + children["cpu"],
            "wall": time.monotonic() - started,
            "rss_mib": max(usage.ru_maxrss, children["rss"]) / 1024,
            "network": network.read_text() if network.exists() else "",
        })
    Path(results_path).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:3])
