"""A short version of bench/load.py and bench/memory.py against the Procfile's web command:
5 clients for 5 s with one worker killed (SIGKILL) halfway, then a worker's RSS over 2,000 callbacks.

Both servers are started together (the Procfile command exactly as written, PORT set, one with the
default two workers, one with WEB_CONCURRENCY=1 for the memory figures) and stopped by their PIDs.
The assertions are about errors and growth, not speed, so a busy machine only makes the test slower.
"""
import json
import sys
import threading

import pytest

from conftest import FIXTURES, ROOT

sys.path.insert(0, str(ROOT))
from bench.load import Server, request, run_load, search_body, summary  # noqa: E402
from bench.memory import measure  # noqa: E402

CLIENTS = 5


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """(two-worker server, memory figures of a one-worker server); the memory run goes on in the
    background meanwhile, so the module takes about as long as the memory run alone (~30 s)."""
    logs = tmp_path_factory.mktemp("load")
    started = [Server(ROOT / "data" / "soviet", log_path=logs / "two.log"),
               Server(ROOT / "data" / "soviet", workers=1, log_path=logs / "one.log")]
    memory = {}

    def measure_memory():
        try:
            # Searches with a page render every 100th callback (bench/memory.py renders every 10th;
            # a render costs ~100 searches, and this keeps the test short).
            memory.update(measure(started[1], first=500, total=2000, clients=4, render_every=100))
        except Exception as e:  # reported by the test that reads the figures
            memory["exception"] = e

    background = threading.Thread(target=measure_memory, daemon=True)
    try:
        for s in started:
            s.wait_ready()
        background.start()
        yield started[0], (background, memory)
    finally:
        if background.is_alive():
            background.join(timeout=300)
        for s in started:
            s.stop()


def test_load_with_a_worker_killed(servers):
    server, _ = servers
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


def test_worker_memory_is_flat(servers):
    _, (background, m) = servers
    background.join(timeout=300)
    assert not background.is_alive() and "exception" not in m, m
    assert m["errors"] == 0, m
    assert abs(m["ratio"] - 1) <= 0.15, m


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
