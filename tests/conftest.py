"""Shared fixtures. Tests never touch the network: any socket connection fails loudly."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
#: Third-party conformance material beside the checkout (absent in a user's clone).
SHARED_TESTDATA = Path(__file__).resolve().parents[2] / "shared" / "testdata"


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a test tried to reach the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


@pytest.fixture
def shared_testdata() -> Path:
    if not SHARED_TESTDATA.is_dir():
        pytest.skip("../shared/testdata is absent (a user's clone has no ../shared)")
    return SHARED_TESTDATA
