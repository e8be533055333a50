"""The Procfile's web command, run exactly as written, behaves like a production server."""
import gzip
import json
import os
import shlex
import signal
import socket
import subprocess
import urllib.error
import urllib.request

import pytest
from pages import until

from conftest import FIXTURES, ROOT
from dashboard.web.factory import create_app

CALLBACK = {
    "output": "search-hits.children", "outputs": {"id": "search-hits", "property": "children"},
    "inputs": [{"id": "search-box", "property": "value", "value": "bronstein"}],
    "changedPropIds": ["search-box.value"],
    "state": [{"id": "view-meta", "property": "data", "value": {"dataset": ""}}],
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url, headers=None, data=None):
    req = urllib.request.Request(url, headers=headers or {}, data=data)
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, dict(r.headers), r.read()


def _start(home):
    """The Procfile's web command, exactly as written, through a shell as the platform runs it, on a free port;
    returns once it answers /healthz: (process, url, log)."""
    line = next(li for li in (ROOT / "Procfile").read_text().splitlines() if li.startswith("web:"))
    command = line.split(":", 1)[1].strip()
    port = _free_port()
    env = {**os.environ, "PORT": str(port), "HOME": str(home), "DASHBOARD_DATA": str(FIXTURES / "mini"),
           "DASHBOARD_DATASETS": str(FIXTURES), "WEB_CONCURRENCY": "2"}
    log = open(home / "server.log", "w+")
    proc = subprocess.Popen(["sh", "-c", "exec " + command], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"

    def healthy() -> bool:
        try:
            _get(url + "/healthz")
            return True
        except (OSError, urllib.error.URLError):
            if proc.poll() is not None:
                log.seek(0)
                raise AssertionError(f"server exited: {log.read()}") from None
            return False

    try:
        until(healthy, 60, "the server did not answer /healthz in 60 s")
    except BaseException:
        _stop(proc, log)
        raise
    return proc, url, log


def _stop(proc, log) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """One server for the tests that only ask it questions."""
    proc, url, log = _start(tmp_path_factory.mktemp("home"))
    yield proc, url, log
    _stop(proc, log)


@pytest.fixture
def own_server(tmp_path):
    """A server of the test's own, for a test that stops it."""
    proc, url, log = _start(tmp_path)
    yield proc, url, log
    _stop(proc, log)


def test_procfile_binds_port_with_gunicorn():
    command = next(li for li in (ROOT / "Procfile").read_text().splitlines() if li.startswith("web:"))
    args = shlex.split(command.split(":", 1)[1])
    assert args[0] == "gunicorn" and "dashboard.app:server" in args
    assert "0.0.0.0:${PORT:-8050}" in args and "--no-control-socket" in args


def test_page_layout_and_health(server):
    _, url, _ = server
    status, headers, body = _get(url + "/")
    assert status == 200 and b"_dash-config" in body
    status, _, body = _get(url + "/_dash-layout")
    assert status == 200 and json.loads(body)["props"]["children"][0]["type"] == "Location"
    status, _, body = _get(url + "/healthz")
    assert status == 200 and json.loads(body) == {"status": "ok"}


def test_real_callback(server):
    _, url, _ = server
    status, _, body = _get(url + "/_dash-update-component", {"Content-Type": "application/json"},
                           json.dumps(CALLBACK).encode())
    assert status == 200 and b"Leon Trotsky" in body


def test_security_headers(server):
    _, url, _ = server
    _, headers, _ = _get(url + "/")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self' 'sha256-" in csp and "'unsafe-eval'" not in csp
    assert "frame-ancestors 'self'" in csp and "object-src 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Frame-Options"] == "SAMEORIGIN"


def test_compression_and_asset_caching(server):
    _, url, _ = server
    _, _, page = _get(url + "/")
    script = next(part.split('"')[0] for part in page.decode().split('src="')[1:] if "dash_renderer" in part)
    status, headers, body = _get(url + script, {"Accept-Encoding": "gzip"})
    assert status == 200 and headers.get("Content-Encoding") == "gzip"
    assert b"DashRenderer" in gzip.decompress(body)
    # Fingerprinted component files (version and timestamp in the name) are cached for a year.
    assert "max-age=31536000" in headers.get("Cache-Control", "")


def test_sigterm_exits_cleanly(own_server):
    proc, url, log = own_server
    os.killpg(proc.pid, signal.SIGTERM)
    assert proc.wait(timeout=25) == 0
    log.seek(0)
    text = log.read()
    assert "Traceback" not in text and "Shutting down" in text


def test_failing_callback_returns_no_traceback(monkeypatch):
    app = create_app(FIXTURES / "mini", FIXTURES)
    from dashboard.views import search

    def boom(*_args, **_kw):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(search, "find", boom)
    client = app.server.test_client()
    r = client.post("/_dash-update-component", json=CALLBACK)
    assert r.status_code == 500
    assert r.get_json() == {"error": "internal error"}
    assert b"Traceback" not in r.data and b"secret internal detail" not in r.data


def test_frame_ancestors_configurable(monkeypatch):
    monkeypatch.setenv("DASHBOARD_FRAME_ANCESTORS", "'self' https://moodle.example.edu")
    app = create_app(FIXTURES / "mini", FIXTURES)
    r = app.server.test_client().get("/healthz")
    assert "frame-ancestors 'self' https://moodle.example.edu" in r.headers["Content-Security-Policy"]
    assert "X-Frame-Options" not in r.headers
