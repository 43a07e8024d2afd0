"""A self-signed certificate for 127.0.0.1, made by the openssl command, for TLS tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


def self_signed_certificate(directory: str | Path) -> tuple[str, str]:
    """``(cert.pem, key.pem)`` in ``directory``, valid for 127.0.0.1 (CN and subjectAltName).

    Skips the test without the openssl command, except under ``CI=true`` (``.ci/run`` installs
    it), where it fails.
    """
    if shutil.which("openssl") is None:
        message = "needs the openssl command for a self-signed certificate (apt install openssl)"
        if os.environ.get("CI") == "true":
            pytest.fail(message + "; .ci/run installs it")
        pytest.skip(message)
    cert, key = os.path.join(directory, "cert.pem"), os.path.join(directory, "key.pem")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        + ["-keyout", key, "-out", cert],
        check=True,
        capture_output=True,
    )
    return cert, key
