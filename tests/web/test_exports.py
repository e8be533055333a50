"""The export routes: the ZIP for Excel and its file names, the network for Gephi for the data in view,
and the links that carry the view's query."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import networkx as nx
import pytest

from conftest import FIXTURES
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
                     "export-gexf": "/export/network.gexf?date=1924-06-01&start=1920",
                     "export-graphml": "/export/network.graphml?date=1924-06-01&start=1920"}
    # When the page writes a new URL (a zoom, a filter), the links follow it.
    assert exports.follow_url("/?start=1930&end=1940&dataset=mini") == [
        "/export/data.zip?start=1930&end=1940&dataset=mini&excel=1",
        "/export/network.gexf?start=1930&end=1940&dataset=mini",
        "/export/network.graphml?start=1930&end=1940&dataset=mini"]
    assert exports.follow_url("/") == ["/export/data.zip?excel=1", "/export/network.gexf", "/export/network.graphml"]


def test_the_page_offers_them(client):
    from dashboard.web import page
    from dashboard.web.datasets import registry  # noqa: F401  (configured by create_app)

    tree = str(page.render({"date": ["1924-06-01"]}))
    assert "export-gexf" in tree and "export-data-excel" in tree and "/export/network.graphml?date=1924-06-01" in tree
