"""The view's static data (network elements, cursor intervals) as one cacheable file per build."""
import json

from dashboard.core.build import load
from dashboard.views import network, state
from dashboard.web import viewdata
from dashboard.web.datasets import registry
from dashboard.web.factory import create_app


def test_view_data_is_cached_per_build_and_matches_the_builders(mini):
    server = create_app(mini).server
    client = server.test_client()
    page = client.post("/_dash-update-component", json={
        "output": "content.children", "outputs": {"id": "content", "property": "children"},
        "inputs": [{"id": "url", "property": "search", "value": ""}, {"id": "url", "property": "pathname", "value": "/"}],
        "changedPropIds": ["url.pathname"]})
    stores = {c["props"]["id"]: c["props"].get("data") for c in page.get_json()["response"]["content"]["children"]
              ["props"]["children"] if c.get("type") == "Store"}
    url = stores["data-url"]
    assert url.startswith(f"/view-data/{mini.name}/") and stores["payload"] is None
    r = client.get(url)
    assert r.status_code == 200 and "immutable" in r.headers["Cache-Control"]
    data = json.loads(r.data)
    assert data["elements"] == json.loads(json.dumps(network.elements(load(mini))))
    assert data["lo"] < data["hi"] and "state" not in data
    # The table view's rows, fetched when the table opens: the same rows and bounds the API filters.
    table = client.get(stores["table-url"])
    assert stores["table-url"] == url.replace(".json", ".table.json") and table.status_code == 200
    assert json.loads(table.data) == json.loads(json.dumps(state.rows(load(mini))))
    assert client.get(url.replace(".json", ".nope.json")).status_code == 404
    # A page rendered before a rebuild asks with an old digest: it gets the data, not to be cached.
    old = client.get(f"/view-data/{mini.name}/0123abcd.json")
    assert old.status_code == 200 and old.headers["Cache-Control"] == "no-store"
    assert client.get("/view-data/nope/x.json").status_code == 404


def test_url_names_the_build(mini):
    create_app(mini)
    entry = registry().get()
    assert viewdata.url(entry) == f"/view-data/{mini.name}/{entry.digest}.json" and entry.digest


def test_slider_marks_count_years_as_historians_do():
    from dashboard.core.days import from_gregorian as D
    from dashboard.web.payload import slider_marks

    labels = [m["label"] for m in slider_marks(D(-499, 1, 1), D(1500, 12, 31)).values()]
    assert labels == ["500 BCE", "1 CE", "500 CE", "1000 CE", "1500 CE"]  # never "1 BCE" for a year zero
    modern = [m["label"] for m in slider_marks(D(1917, 1, 1), D(1953, 12, 31)).values()]
    assert modern[0] == "1920" and all(label.isdigit() for label in modern)  # plain years after year 1
