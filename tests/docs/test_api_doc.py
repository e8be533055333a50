"""docs/api.md is checked against the app: every endpoint it names answers, every field its tables
list is in the answer (and no field is undocumented), and its examples are what the app says."""
import json
import re

import pytest

from conftest import ROOT
from dashboard.web.factory import create_app

DOC = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client():
    return create_app(ROOT / "data" / "soviet", ROOT / "data").server.test_client()


def _section(heading: str) -> str:
    start = DOC.index(heading)
    nxt = DOC.find("\n## ", start + 1)
    return DOC[start: nxt if nxt > 0 else len(DOC)]


def _table_fields(section: str) -> dict[str, list[str]]:
    """First-column names of a field table -> the backticked names in its second column."""
    out = {}
    for line in section.splitlines():
        m = re.match(r"^\| ([^|]+) \| (.+) \|$", line)
        if m and "`" in m[1]:
            for name in re.findall(r"`([^`]+)`", m[1]):
                out[name] = re.findall(r"`([a-z_]+)`", m[2])
    return out


def _examples(section: str) -> list[str]:
    return re.findall(r"```json\n(.*?)```", section, re.S)


def test_every_documented_endpoint_answers(client):
    paths = re.findall(r"^## `GET (/api/[a-z]+)", DOC, re.M)
    assert paths == ["/api/datasets", "/api/state", "/api/changes", "/api/metrics"]
    for path in paths:
        assert client.get(path + "?date=1927&from=1927&to=1928&person=stalin").status_code == 200


def test_datasets_fields_are_documented_and_present(client):
    fields = set(_table_fields(_section("## `GET /api/datasets`")))
    answer = client.get("/api/datasets").get_json()["datasets"]
    assert set(answer[0]) == fields
    example = json.loads(_examples(_section("## `GET /api/datasets`"))[0])
    assert [d["name"] for d in example["datasets"]] == [d["name"] for d in answer]
    assert example["datasets"][0]["period"] == answer[0]["period"]


def test_state_fields_are_documented_and_present(client):
    tables = _table_fields(_section("## `GET /api/state"))
    answer = client.get("/api/state?dataset=soviet&date=1927-11-15").get_json()
    assert set(answer) == {"dataset", "date", "day", "offices", "relations", "memberships", "people"}
    for key in ("offices", "relations", "memberships", "people"):
        assert answer[key], key
        assert set(answer[key][0]) == set(tables[key]), key
    statuses = {x["status"] for key in ("offices", "relations", "memberships", "people") for x in answer[key]}
    assert statuses <= {"in force", "uncertain"}


def test_state_example_rows_are_in_the_answer(client):
    answer = client.get("/api/state?dataset=soviet&date=1927-11-15").get_json()
    example = json.loads(_examples(_section("## `GET /api/state"))[0])
    assert (example["dataset"], example["date"], example["day"]) == (answer["dataset"], answer["date"], answer["day"])
    for key in ("offices", "relations", "memberships", "people"):
        for row in example[key]:
            assert row in answer[key], (key, row)


def test_error_example_is_what_the_app_says(client):
    section = _section("## Errors")
    url = re.search(r"curl -s '[^']*(/api/state\?[^']+)'", section)[1]
    r = client.get(url)
    assert r.status_code == 400 and r.get_json() == json.loads(_examples(section)[0])


@pytest.mark.parametrize("query, status", [
    ("dataset=soviet", 400), ("dataset=soviet&date=", 400), ("dataset=soviet&date=1927-13-45", 400),
    ("dataset=soviet&date=7%20Nov%201917", 400), ("dataset=soviet&date=../1985", 400),
    ("dataset=soviet&date=%C2%B2", 400), ("dataset=soviet&date=192X", 400), ("dataset=soviet&date=" + "9" * 300, 400),
    ("dataset=nope&date=1927", 404), ("date=1927", 200),
])
def test_bad_parameters_never_500(client, query, status):
    r = client.get("/api/state?" + query)
    assert r.status_code == status
    if status != 200:
        assert r.get_json()["error"]


def test_answers_are_cached_by_build(client):
    first = client.get("/api/state?dataset=soviet&date=1937-01-01")
    again = client.get("/api/state?dataset=soviet&date=1937-01-01", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
    assert client.get("/api/state?dataset=soviet&date=1937-01-01", headers={"Accept-Encoding": "gzip"}) \
        .headers.get("Content-Encoding") == "gzip"


def test_changes_fields_are_documented_and_present(client):
    section = _section("## `GET /api/changes")
    fields = _table_fields(section)
    answer = client.get("/api/changes?dataset=soviet&from=1927-11-01&to=1928-01-01").get_json()
    assert set(answer) == {"dataset", "from", "to", "began", "ended"}
    assert answer["ended"] and set(answer["ended"][0]) == set(fields["began"]) == set(fields["ended"])
    example = json.loads(_examples(section)[0])
    assert (example["from"], example["to"], example["began"]) == (answer["from"], answer["to"], answer["began"])
    for item in example["ended"]:
        assert item in answer["ended"], item


@pytest.mark.parametrize("query, status", [
    ("from=1927", 400), ("to=1927", 400), ("from=1927-13-45&to=1928", 400), ("from=1927&to=%C2%B2", 400),
    ("dataset=nope&from=1927&to=1928", 404), ("from=1928&to=1927", 200),
])
def test_changes_bad_parameters_never_500(client, query, status):
    r = client.get("/api/changes?" + query)
    assert r.status_code == status
    if status != 200:
        assert r.get_json()["error"]


def test_metrics_fields_are_documented_and_present(client):
    section = _section("## `GET /api/metrics")
    fields = _table_fields(section)
    answer = client.get("/api/metrics?dataset=soviet&person=stalin").get_json()
    assert set(answer) == {"dataset", "person", "name", "sampled", "points", "factions", "communities"}
    assert set(answer["points"][0]) == set(fields["points"]) and set(answer["factions"][0]) == set(fields["factions"])
    assert set(answer["communities"][0]) == set(fields["communities"]) - {"person_id", "name"}
    assert set(answer["communities"][0]["members"][0]) == {"person_id", "name"}
    example = json.loads(_examples(section)[0])
    for key in ("points", "factions", "communities"):
        for item in example[key]:
            assert item in answer[key], (key, item)
    assert client.get("/api/metrics?dataset=soviet&person=nobody").status_code == 404
    assert client.get("/api/metrics?dataset=soviet").status_code == 400
