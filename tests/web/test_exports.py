"""The export routes: the ZIP for Excel and its file names, the network for Gephi for the data in view,
and the links that carry the view's query."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import av
import networkx as nx
import pytest
from PIL import Image

from conftest import FIXTURES, ROOT
from dashboard.web import exports
from dashboard.web.factory import create_app


@pytest.fixture(scope="module")
def client():
    return create_app(FIXTURES / "mini", FIXTURES).server.test_client()


def test_zip_names_say_the_dataset_window_and_day(client):
    r = client.get("/export/data.zip?start=1917&end=1918")
    today = dt.date.today().isoformat()
    assert r.status_code == 200
    assert f'filename="mini_1917_to_1918_{today}.zip"' in r.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(r.data)) as z:
        names = z.namelist()
        tenures = z.read(f"mini_{today}_tenures.csv")
    assert f"mini_{today}_README.txt" in names and f"mini_{today}_people.csv" in names
    assert not tenures.startswith(b"\xef\xbb\xbf") and b"\r\n" not in tenures
    assert b"trotsky-foreign-affairs" in tenures and b"stalin-gen-sec" not in tenures  # the window


def test_excel_zip_is_utf8_with_bom(client):
    r = client.get("/export/data.zip?excel=1")
    assert r.status_code == 200 and "_excel.zip" in r.headers["Content-Disposition"]
    with zipfile.ZipFile(io.BytesIO(r.data)) as z:
        people = next(z.read(n) for n in z.namelist() if n.endswith("_people.csv"))
    assert people.startswith(b"\xef\xbb\xbf") and b"\r\n" in people
    assert "Иосиф Сталин" in people.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_network_for_the_data_in_view(client, fmt, tmp_path):
    whole = client.get(f"/export/network.{fmt}")
    early = client.get(f"/export/network.{fmt}?start=1917&end=1918")
    assert whole.status_code == early.status_code == 200
    assert f".{fmt}" in early.headers["Content-Disposition"] and "mini_1917_to_1918_" in early.headers[
        "Content-Disposition"]
    read = nx.read_gexf if fmt == "gexf" else nx.read_graphml
    graphs = []
    for i, r in enumerate((whole, early)):
        path = tmp_path / f"{i}.{fmt}"
        path.write_bytes(r.data)
        graphs.append(read(path))
    assert {"stalin", "zinoviev", "trotsky"} <= set(graphs[0]) and graphs[0].number_of_edges() == 2
    # 1917-1918: Lenin and Trotsky hold offices; no relation is in force yet.
    assert set(graphs[1]) == {"lenin", "trotsky"} and graphs[1].number_of_edges() == 0


def test_unknown_network_format(client):
    assert client.get("/export/network.dot").status_code == 404


def test_links_carry_the_view():
    hrefs = {a.id: a.href for a in exports.links("date=1924-06-01&start=1920")}
    assert hrefs == {"export-data-excel": "/export/data.zip?date=1924-06-01&start=1920&excel=1",
                     "export-network-svg": "/export/network.svg?date=1924-06-01&start=1920",
                     "export-gexf": "/export/network.gexf?date=1924-06-01&start=1920",
                     "export-graphml": "/export/network.graphml?date=1924-06-01&start=1920"}
    # When the page writes a new URL (a zoom, a filter, a cursor stop), the links follow it.
    assert exports.follow_url("/?start=1930&end=1940&dataset=mini") == [
        "/export/network.svg?start=1930&end=1940&dataset=mini",
        "/export/data.zip?start=1930&end=1940&dataset=mini&excel=1",
        "/export/network.gexf?start=1930&end=1940&dataset=mini",
        "/export/network.graphml?start=1930&end=1940&dataset=mini"]
    assert exports.follow_url("/") == ["/export/network.svg", "/export/data.zip?excel=1", "/export/network.gexf",
                                       "/export/network.graphml"]


def test_the_page_offers_them(client):
    from dashboard.web import page
    from dashboard.web.datasets import registry  # noqa: F401  (configured by create_app)

    tree = str(page.render({"date": ["1924-06-01"]}))
    assert "export-gexf" in tree and "export-data-excel" in tree and "/export/network.graphml?date=1924-06-01" in tree


@pytest.fixture(scope="module")
def soviet_client():
    return create_app(ROOT / "data" / "soviet", ROOT / "data").server.test_client()


def test_a_film_of_the_soviet_dataset_1922_1930_at_one_month_a_step(soviet_client):
    """The issue's film: 108 monthly frames, each shown as long as Play shows a step (0.4 s)."""
    r = soviet_client.get("/export/film.mp4?dataset=soviet&start=1922-01-01&end=1930-12-31&speed=month")
    assert r.status_code == 200 and r.mimetype == "video/mp4"
    assert 'filename="soviet_1922-01-01_to_1930-12-31_month.mp4"' in r.headers["Content-Disposition"]
    with av.open(io.BytesIO(r.data)) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(stream))
        seconds = container.duration / 1e6
    assert frames == 108 and seconds == pytest.approx(108 * 0.4, abs=0.01)


def test_a_film_follows_the_window_speed_and_pace(soviet_client):
    r = soviet_client.get("/export/film.gif?dataset=soviet&start=1924&end=1927&speed=quarter&ms=1000")
    assert r.status_code == 200 and r.mimetype == "image/gif"
    img = Image.open(io.BytesIO(r.data))
    assert img.n_frames == 16 and img.info["duration"] == 1000  # Jan 1924 ... Oct 1927


@pytest.mark.parametrize(("query", "status", "words"), [
    ("speed=week", 400, "Unknown speed"),
    ("ms=²", 400, "whole number of milliseconds"),
    ("ms=20", 400, "100 to 5000 ms"),
    ("start=1917&end=1953&speed=month", 400, "more than 300 steps"),
])
def test_a_film_that_cannot_be_made_is_a_clear_400(soviet_client, query, status, words):
    r = soviet_client.get(f"/export/film.webm?dataset=soviet&{query}")
    assert r.status_code == status and words in r.get_json()["error"]


def test_a_film_in_an_unknown_format_is_a_404(soviet_client):
    assert soviet_client.get("/export/film.avi").status_code == 404


def test_the_film_links_carry_the_view_and_the_play_speed():
    links = exports.film_links("dataset=soviet&start=1922&end=1930", "quarter")
    assert [a.href for a in links] == [f"/export/film.{fmt}?dataset=soviet&start=1922&end=1930&speed=quarter"
                                      for fmt in ("mp4", "webm", "gif")]
    assert exports.follow_speed("/?dataset=soviet&date=1925", "year", {"query": "x=1"})[2] == (
        "/export/film.gif?dataset=soviet&date=1925&speed=year")
    assert exports.follow_speed(None, "nonsense", {"query": "dataset=soviet"})[0] == (
        "/export/film.mp4?dataset=soviet&speed=month")


def test_the_network_svg_is_the_network_at_the_views_date(soviet_client):
    r = soviet_client.get("/export/network.svg?dataset=soviet&date=1927-11-15")
    assert r.status_code == 200 and r.mimetype == "image/svg+xml"
    assert 'filename="soviet_network_1927-11-15.svg"' in r.headers["Content-Disposition"]
    assert b"Who stood with whom, 15 Nov 1927" in r.data and b">Trotsky<" in r.data
    undated = soviet_client.get("/export/network.svg?dataset=soviet")  # no date: the page's first date
    assert undated.status_code == 200 and b"Who stood with whom, " in undated.data
