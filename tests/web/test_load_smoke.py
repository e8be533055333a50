"""The Procfile's web command under load, as a functional check: 5 clients for 5 s with one worker killed
(SIGKILL) halfway; only requests in flight on that worker may fail, and the master replaces it. No timing or
memory threshold here (these machines are shared and noisy): the load and memory figures are measured by
bench/load.py and bench/memory.py and reported in docs/reliability.md. The server is started with the
Procfile command exactly as written and stopped by its PID.
"""
import json
import sys
import threading

import pytest

from conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT))
from bench.load import Server, request, run_load, search_body, summary  # noqa: E402

CLIENTS = 5


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    started = Server(ROOT / "data" / "soviet", log_path=tmp_path_factory.mktemp("load") / "two.log")
    try:
        started.wait_ready()
        yield started
    finally:
        started.stop()


def test_load_with_a_worker_killed(server):
    before = server.workers()
    assert len(before) == 2
    run = run_load(server, clients=CLIENTS, seconds=5, kill=True)
    s = summary(run)
    assert all(k["requests"] for k in s["kinds"].values()), s
    # Only requests in flight on the killed worker may fail; each client has at most one outstanding.
    assert s["errors_other"] == 0, (s, server.log_text()[-3000:])
    assert s["errors"] <= CLIENTS, s
    assert s["ok_after_kill"] > 0, s
    # The master replaced the worker and the server still answers, callbacks included.
    after = server.workers()
    assert len(after) == 2 and run.killed_pid not in after
    status, body = request("GET", server.url, "/healthz")
    assert status == 200 and json.loads(body) == {"status": "ok"}
    status, body = request("POST", server.url, "/_dash-update-component", search_body("bronstein"))
    assert status == 200 and b"Leon Trotsky" in body
    assert "Traceback" not in server.log_text()


def test_first_callbacks_of_a_fresh_worker_can_be_concurrent():
    """A worker the master has just forked (at start or after a crash) gets a burst of callbacks at
    once on its 4 threads. Dash registers the callbacks on the first request (`_setup_server`), and
    marks that done before doing it; the app must be set up before it serves, or those fail with 400."""
    from dashboard.web.factory import create_app

    statuses = []
    for _ in range(5):
        client = create_app(FIXTURES / "mini", FIXTURES).server.test_client()
        barrier = threading.Barrier(8)

        def first_callback(barrier=barrier, client=client):
            barrier.wait()
            r = client.post("/_dash-update-component", json=search_body("bronstein"))
            statuses.append((r.status_code, r.get_data(as_text=True)[:80]))

        threads = [threading.Thread(target=first_callback) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert {status for status, _ in statuses} == {200}, statuses
