"""docs/import.md is tested by following it: its ```sh commands are run in order (`data/...` paths and
output files in a temporary folder; `run` is left to the browser test, tests/web/test_import_browser.py),
then the imported package must check, verify, build and draw a timeline bar for each tenure. Its query
must ask for the variables the fixtures (and so the importer's tests) use."""
from __future__ import annotations

import csv
import importlib.util
import re
import shlex
from pathlib import Path

import networkx as nx

from dashboard import cli
from dashboard.core.build import PROCESSED, load
from dashboard.views import timeline

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "import.md"
FIXTURES = ROOT / "tests" / "fixtures" / "wikidata"


def blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", DOC.read_text(encoding="utf-8"), flags=re.S | re.M)


def _move(token: str, tmp: Path) -> str:
    if token == "data" or token.startswith("data/") or re.fullmatch(r"[\w-]+\.(gexf|graphml)", token):
        return str(tmp / token)
    return token


def test_the_worked_example(tmp_path, capsys):
    ran = []
    for body in blocks("sh"):
        for line in body.splitlines():
            tokens = shlex.split(line, comments=True)
            if not tokens:
                continue
            assert tokens[:3] == ["python", "-m", "dashboard"], f"the test does not know how to follow: {line}"
            args = [_move(t, tmp_path) for t in tokens[3:]]
            ran.append(args[0])
            if args[0] == "run":
                continue
            rc = cli.main(args)
            out = capsys.readouterr()
            text = out.out + out.err
            assert rc == 0, f"{line}\n{text}"
            if args[0] in ("check", "build"):
                assert "0 error(s)" in text, text
            if args[0] == "verify-quotes":
                n = re.search(r"(\d+) of (\d+) cited rows verified", text)
                assert n and n[1] == n[2] and int(n[1]) > 0, text
    assert ran == ["import-wikidata", "check", "verify-quotes", "build", "export", "run"]
    folder = tmp_path / "data" / "ruritania"
    assert (folder / PROCESSED).is_dir()
    with open(folder / "tenures.csv", newline="", encoding="utf-8") as fh:
        tenures = [r["tenure_id"] for r in csv.DictReader(fh)]
    assert len(tenures) == 7
    ds = load(folder)
    assert ds.title == "Prime ministers of Ruritania"
    fig = timeline.figure(ds)
    drawn = {c[0] for t in fig.data if t.customdata is not None for c in t.customdata if c[2] == "tenure"}
    assert drawn == set(tenures)
    lanes = {y for t in fig.data if t.type == "bar" for y in t.y}
    assert lanes == {"Prime Minister of Ruritania"}
    g = nx.read_gexf(tmp_path / "ruritania.gexf")
    assert {d["kind"] for _, _, d in g.edges(data=True)} == {"succession"}


def test_the_query_asks_for_the_variables_the_importer_reads():
    query = blocks("sparql")
    assert len(query) == 1
    selected = re.search(r"SELECT(.*?)WHERE", query[0], flags=re.S)[1].split()
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    assert [v.lstrip("?") for v in selected] == [v for v in make.VARS if not v.startswith("party")]
    text = DOC.read_text(encoding="utf-8")
    for var in make.VARS:
        assert f"`{var}`" in text, f"docs/import.md does not describe ?{var}"
    for needed in ("wikibase:timePrecision", "wikibase:timeCalendarModel", "pqv:P580", "pqv:P582", "pq:P1365",
                   "pq:P1366", "pq:P1545"):
        assert needed in query[0]
