"""Running an implementation over the suite: the protocol (docs/conformance.md).

For each case the runner starts the implementation's command once:

- the command is split like a shell would (no shell is started); ``{input}``, ``{target}``,
  ``{profile}``, ``{network}`` and ``{request}`` in it are replaced by the case's input path, target,
  profile, network profile path (empty when none) and the path of a file holding the request; when
  neither ``{input}`` nor ``{request}`` appears, the input path is appended;
- the request, a JSON object (``id``, ``input``, ``target``, ``profile``, ``network``,
  ``didDocuments``, ``ledger``; paths absolute), is also written to its standard input;
- it prints one JSON object on its standard output: ``{"conformant": bool, "findings": [{"rule",
  "path"}]}``; or only ``{"conformant": bool}`` when it cannot name rules; or ``{"unsupported":
  "why"}`` for a case it does not handle. Its exit code is not read.

An implementation is not trusted: it runs in its own process group, which is killed when the case
takes longer than the timeout (counting any process it left holding its output open) or prints more
than :data:`MAX_OUTPUT` bytes; either is that case's failure, and the run goes on.
"""

from __future__ import annotations

import os
import selectors
import shlex
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, Any

import orjson

from .suite import Case, Suite

#: An implementation: a request in, a result out (a protocol result, or ``{"error": why}``).
Implementation = Callable[[Mapping[str, Any]], Mapping[str, Any]]

DEFAULT_TIMEOUT = 60.0
#: Longest implementation output read (a result is a few kB; more is a broken implementation).
MAX_OUTPUT = 16 * 1024 * 1024
#: Bytes of an implementation's standard error kept (its last line explains a failure).
MAX_STDERR = 64 * 1024


def command_implementation(command: str, *, timeout: float = DEFAULT_TIMEOUT,
                           cwd: Path | None = None) -> Implementation:
    """The implementation that runs ``command`` once per case, as the protocol says."""
    template = shlex.split(command)
    if not template:
        raise ValueError("--implementation: an empty command")

    def run(request: Mapping[str, Any]) -> Mapping[str, Any]:
        body = orjson.dumps(request)
        with tempfile.NamedTemporaryFile("wb", suffix=".json", prefix="wipo-bc-case-", delete=False) as handle:
            handle.write(body)
        try:
            values = {"input": request["input"], "target": request["target"], "profile": request["profile"],
                      "network": request.get("network") or "", "request": handle.name}
            argv = [_fill(arg, values) for arg in template]
            if not any("{input}" in arg or "{request}" in arg for arg in template):
                argv.append(request["input"])
            try:
                done = _run_bounded(argv, body, timeout, cwd)
            except FileNotFoundError:
                return {"error": f"cannot start {argv[0]!r}: no such program"}
            except OSError as exc:
                return {"error": f"cannot start {argv[0]!r}: {exc.strerror or exc}"}
        finally:
            os.unlink(handle.name)
        if isinstance(done, str):
            return {"error": done}
        return parse_result(*done)

    return run


def _run_bounded(argv: list[str], body: bytes, timeout: float,
                 cwd: Path | None) -> tuple[bytes, int, bytes] | str:
    """(stdout, exit code, stderr) of ``argv`` given ``body`` on stdin, or why there is no result:
    it took longer than ``timeout`` seconds or printed more than :data:`MAX_OUTPUT` bytes."""
    deadline = time.monotonic() + timeout
    process = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               cwd=cwd, start_new_session=True)
    finished = False
    try:
        assert process.stdin is not None and process.stdout is not None and process.stderr is not None
        # Written aside: an implementation that does not read its stdin must not block the runner.
        threading.Thread(target=_feed, args=(process.stdin, body), daemon=True).start()
        out, err = bytearray(), bytearray()
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ, out)
            selector.register(process.stderr, selectors.EVENT_READ, err)
            while selector.get_map():
                left = deadline - time.monotonic()
                if left <= 0:
                    return f"no result within {timeout:g} s"
                for key, _ in selector.select(left):
                    chunk = os.read(key.fd, 1 << 16)
                    if not chunk:
                        selector.unregister(key.fileobj)
                    elif key.data is out:
                        out += chunk
                        if len(out) > MAX_OUTPUT:
                            return f"more than {MAX_OUTPUT} bytes of output"
                    elif len(err) < MAX_STDERR:
                        err += chunk[:MAX_STDERR - len(err)]
        try:
            returncode = process.wait(max(deadline - time.monotonic(), 0))
        except subprocess.TimeoutExpired:
            return f"no result within {timeout:g} s"
        finished = True
        return bytes(out), returncode, bytes(err)
    finally:
        if not finished:
            # The whole group: a child it started could otherwise outlive the run.
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
        process.wait()


def _feed(stream: IO[bytes], body: bytes) -> None:
    try:
        with stream:
            stream.write(body)
    except OSError:  # it exited, or closed its stdin, without reading all of it
        pass


def _fill(arg: str, values: Mapping[str, str]) -> str:
    for name, value in values.items():
        arg = arg.replace("{" + name + "}", value)
    return arg


def parse_result(stdout: bytes, returncode: int = 0, stderr: bytes = b"") -> Mapping[str, Any]:
    """A protocol result from an implementation's output, or ``{"error": why}``."""
    try:
        result = orjson.loads(stdout)
    except orjson.JSONDecodeError:
        tail = stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no message"]
        return {"error": f"no JSON result on stdout (exit code {returncode}): {tail[0][:300]}"}
    if not isinstance(result, dict):
        return {"error": "the result is not a JSON object"}
    if "unsupported" in result:
        return {"unsupported": str(result["unsupported"])[:300]}  # a reason, not a payload
    if not isinstance(result.get("conformant"), bool):
        return {"error": "the result has no boolean 'conformant'"}
    findings = result.get("findings")
    if findings is None:
        return {"conformant": result["conformant"]}
    if not isinstance(findings, list) or not all(
            isinstance(f, dict) and isinstance(f.get("rule"), str) and isinstance(f.get("path", ""), str)
            for f in findings):
        return {"error": "'findings' is not a list of {\"rule\": string, \"path\": string}"}
    return {"conformant": result["conformant"],
            "findings": [{"rule": f["rule"], "path": f.get("path", "")} for f in findings]}


def in_process_reference() -> Implementation:
    """wipo-bc itself, called in this process (the default implementation)."""
    from .reference import answer

    def run(request: Mapping[str, Any]) -> Mapping[str, Any]:
        try:
            return answer(request)
        except Exception as exc:  # a crash on one case is that case's failure, not the run's
            return {"error": f"{type(exc).__name__}: {exc}"}
    return run


def run_suite(suite: Suite, implementation: Implementation, *, jobs: int = 1,
              cases: list[Case] | None = None) -> Iterator[tuple[Case, Mapping[str, Any]]]:
    """Each case with the implementation's result, in suite order."""
    chosen = list(suite.cases if cases is None else cases)
    requests = [case.request(suite.root) for case in chosen]
    if jobs <= 1:
        for case, request in zip(chosen, requests):
            yield case, implementation(request)
        return
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        yield from zip(chosen, pool.map(implementation, requests))
