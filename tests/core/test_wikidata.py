"""Importing officeholders from saved Wikidata query results (core/wikidata.py, core/importer.py) on the
fixtures of tests/fixtures/wikidata (written by make_fixtures.py): every format, the dates with their
precision and calendar, duplicates, comparison with a second list, structured citations."""
from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

from conftest import FIXTURES
from dashboard.cli import main
from dashboard.core import wikidata
from dashboard.core.wikidata import ResultError, time_value

WD = FIXTURES / "wikidata"
FORMATS = ["prime-ministers.json", "prime-ministers.csv", "prime-ministers.tsv", "prime-ministers-simplified.json"]
OFFICE = "prime-minister-of-ruritania"
# What every format says, read as the data package writes it: (tenure, start, start_os, end, end_os).
TENURES = [
    ("arkady-antonov-" + OFFICE, "1905-01-10", "1904-12-28", "", "1910-02"),  # Julian day and Julian month
    ("boris-belov-" + OFFICE + "-1", "1910-03", "", "1915-06-01", ""),  # month precision
    ("vera-volkova-" + OFFICE, "1915-06-02", "", "1920", ""),  # year precision; two statements, one tenure
    ("dina-dorina-" + OFFICE, "1921-01-01", "", "1921-01-14", ""),
    ("boris-belov-" + OFFICE + "-2", "1921-01-15", "", "1924-05-01", ""),  # the office a second time
    ("gleb-gromov-" + OFFICE, "1924-05-02", "", "", ""),  # no end; his row is in the file twice
]


def rows(folder: Path, table: str) -> list[dict[str, str]]:
    with open(folder / f"{table}.csv", newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def by_id(folder: Path, table: str) -> dict[str, dict[str, str]]:
    key = {"tenures": "tenure_id", "relations": "relation_id", "people": "person_id", "claims": "claim_id"}[table]
    return {r[key]: r for r in rows(folder, table)}


def run(capsys, *argv) -> tuple[int, str]:
    rc = main([str(a) for a in argv])
    out = capsys.readouterr()
    return rc, out.out + out.err


def imported(tmp_path, capsys, name: str, *extra) -> Path:
    out = tmp_path / name.replace(".", "-")
    as_entered = ["--julian-values", "as-entered"] if "simplified" in name else []
    rc, text = run(capsys, "import-wikidata", WD / name, "--out", out, *as_entered, *extra)
    assert rc == 0, text
    return out


def check_passes(capsys, folder: Path) -> str:
    rc, text = run(capsys, "check", folder)
    assert rc == 0 and "0 error(s)" in text, text
    return text


def test_fixtures_are_what_the_script_writes():
    spec = importlib.util.spec_from_file_location("make_fixtures", WD / "make_fixtures.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    for name, write in make.FILES.items():
        assert (WD / name).read_bytes() == write().encode("utf-8"), f"run tests/fixtures/wikidata/make_fixtures.py ({name})"


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_gives_the_same_tenures(tmp_path, capsys, name):
    out = imported(tmp_path, capsys, name)
    got = [(r["tenure_id"], r["start"], r["start_os"], r["end"], r["end_os"]) for r in rows(out, "tenures")]
    assert got == TENURES
    assert "0 error(s), 0 warning(s)" in check_passes(capsys, out)
    rc, text = run(capsys, "verify-quotes", out, "--sources", out / "sources")
    n = sum(len(rows(out, t)) for t in ("people", "tenures", "groups", "memberships", "relations", "claims"))
    assert rc == 0 and f"{n} of {n} cited rows verified" in text, text


def test_rows_and_citations(tmp_path, capsys):
    out = imported(tmp_path, capsys, "prime-ministers.json", "--retrieved", "2025-03-01", "--office-kind", "state")
    tenures = by_id(out, "tenures")
    vera = tenures["vera-volkova-" + OFFICE]
    # Two statements saying the same are one tenure citing both.
    assert vera["locator"] == ("Q900103$7DA2E20D-063E-5E0B-A7DD-C17B2A12244D;"
                               "Q900103$0823F342-DC95-548B-8AA8-9122F232D92B")
    assert vera["source_id"] == "wikidata" and "ordinal 3 in Wikidata" in vera["note"]
    assert "start=1915-06-02T00:00:00Z | startPrecision=11" in vera["quote"]
    assert "endPrecision=9" in vera["quote"]
    people = by_id(out, "people")
    assert {p: people[p]["wikidata"] for p in people} == {
        "arkady-antonov": "Q900101", "boris-belov": "Q900102", "vera-volkova": "Q900103", "dina-dorina": "Q900105",
        "gleb-gromov": "Q900104", "zeno-zorin": "Q900100"}  # Zeno only as Arkady's predecessor; Ivan has no dates
    source = rows(out, "sources")[0]
    assert (source["kind"], source["file"], source["licence"]) == ("structured", "prime-ministers.json", "CC0-1.0")
    assert "retrieved 2025-03-01" in source["origin"]
    assert (out / "sources" / "prime-ministers.json").read_bytes() == (WD / "prime-ministers.json").read_bytes()
    succession = {(r["a"], r["b"]): r for r in rows(out, "relations")}
    assert set(succession) == {("zeno-zorin", "arkady-antonov"), ("arkady-antonov", "boris-belov"),
                               ("boris-belov", "vera-volkova"), ("vera-volkova", "dina-dorina"),
                               ("dina-dorina", "boris-belov"), ("boris-belov", "gleb-gromov")}
    second = succession[("dina-dorina", "boris-belov")]
    # Named from both ends (Dina replaced by Boris, Boris replaces Dina); dated like Boris's second tenure.
    assert (second["kind"], second["directed"], second["scope"]) == ("succession", "true", "state")
    assert (second["start"], second["end"]) == ("1921-01-15", "1924-05-01")
    assert second["locator"].count("$") == 2
    assert {r["membership_id"]: (r["group_id"], r["start"], r["end"]) for r in rows(out, "memberships")} == {
        "boris-belov-first-belov-cabinet": ("first-belov-cabinet", "1910-03", "1915-06-01"),
        "boris-belov-second-belov-cabinet": ("second-belov-cabinet", "1921-01-15", "1924-05-01"),
        "gleb-gromov-agrarian-league": ("agrarian-league", "", "")}  # a party of the person: undated
    desc = json.loads((out / "datapackage.json").read_text(encoding="utf-8"))
    assert desc["title"] == "Holders of Prime Minister of Ruritania"
    assert rows(out, "offices")[0]["kind"] == "state"


def test_julian_days_as_entered_and_as_converted():
    kw = {"file": "f", "where": "line 2", "name": "start"}
    converted = time_value("1905-01-10T00:00:00Z", "11", wikidata.JULIAN, **kw)
    entered = time_value("+1904-12-28T00:00:00Z", "11", "Q1985786", as_entered=True, **kw)
    assert converted == entered == wikidata.Time("1905-01-10", "1904-12-28")
    assert time_value("1917-00-00T00:00:00Z", "9", wikidata.JULIAN, **kw) == wikidata.Time(os="1917")
    assert time_value("1920-01-01T00:00:00Z", "9", wikidata.GREGORIAN, **kw) == wikidata.Time("1920")
    assert time_value("1925-00-00T00:00:00Z", "8", "", **kw) == wikidata.Time("192X")
    # After Russia's switch the Old Style column cannot hold it: New Style, with a note.
    late = time_value("1920-03-14T00:00:00Z", "11", wikidata.JULIAN, **kw)
    assert (late.ns, late.os) == ("1920-03-14", "") and "O.S. 1920-03-01" in late.note
    assert time_value("1917", "", "", **kw) == wikidata.Time("1917")  # written at its precision


@pytest.mark.parametrize("value, precision, calendar, message", [
    ("1917-01-01T00:00:00Z", "", "", "start (1917-01-01T00:00:00Z) has no precision"),
    ("1917-02-30T00:00:00Z", "11", "", "is not a date of precision 11"),
    ("-0044-03-15T00:00:00Z", "11", wikidata.JULIAN, "outside years 1 to 9999"),
    ("1917-01-01T00:00:00Z", "6", "", "coarser than a century"),
    ("1917-01-01T00:00:00Z", "11", "http://www.wikidata.org/entity/Q12138", "neither Gregorian nor Julian"),
    ("last spring", "11", "", "not a time value"),
])
def test_bad_time_values(value, precision, calendar, message):
    with pytest.raises(ResultError) as e:
        time_value(value, precision, calendar, file="r.csv", where="line 4", name="start")
    assert message in str(e.value) and str(e.value).startswith("r.csv:line 4: ")


def _write(tmp_path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


CSV_HEADER = "person,personLabel,statement,start,startPrecision,end,endPrecision\n"
GOOD = "http://www.wikidata.org/entity/Q1,A,http://www.wikidata.org/entity/statement/Q1-{u},1917-11-07T00:00:00Z,11,,\n"
U = "F078E5B3-F9A8-480E-B7AC-D97778CBBEF9"


@pytest.mark.parametrize("name, text, extra, expected", [
    ("r.csv", CSV_HEADER + GOOD.format(u=U) + "Q2,B,not-a-statement,1920,9,,\n", [],
     "r.csv:line 3: not a statement id (not-a-statement)"),
    ("r.csv", CSV_HEADER + GOOD.format(u=U) + "Q2,B\n", [], "r.csv:line 3: row has 2 cells, header has 7"),
    ("r.csv", CSV_HEADER + GOOD.format(u=U), [],
     "r.csv:line 2: no position: the result has no ?position — add ?position and ?positionLabel to the query, "
     "or give --office-label"),
    ("r.json", '{"head": {"vars": []}, "results": {"bindings": [{"person": "Q1"}]}}', [],
     "r.json:results.bindings[0].person: not a SPARQL term (no 'value')"),
    ("r.json", '{"head": {"vars": []}, "results": {"bindings": [', [], "r.json:line 1: not valid JSON"),
    ("r.json", '[{"person": {"label": "A"}}]', [], "r.json:[0].person: an object value has no 'value'"),
    ("r.json", f'[{{"statement": "Q1${U}", "person": "Q1", "start": "1917-01-01T00:00:00Z"}}]',
     ["--office-label", "Mayor"], "r.json:[0]: start (1917-01-01T00:00:00Z) has no precision"),
    ("r.csv", "", [], "r.csv:line 1: empty file"),
])
def test_bad_input_is_one_clear_line_and_nothing_written(tmp_path, capsys, name, text, extra, expected):
    out = tmp_path / "out"
    rc, said = run(capsys, "import-wikidata", _write(tmp_path, name, text), "--out", out, *extra)
    assert rc == 1 and expected in said, said
    assert "Traceback" not in said and "nothing written" in said
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".out-import")]


def test_office_label_for_a_file_of_one_position(tmp_path, capsys):
    out = tmp_path / "mayors"
    rc, text = run(capsys, "import-wikidata", _write(tmp_path, "r.csv", CSV_HEADER + GOOD.format(u=U)),
                   "--out", out, "--office-label", "Mayor of Ruritania", "--title", "Mayors")
    assert rc == 0, text
    assert [(r["office_id"], r["title"]) for r in rows(out, "offices")] == [("mayor-of-ruritania", "Mayor of Ruritania")]
    assert rows(out, "tenures")[0]["start"] == "1917-11-07"
    check_passes(capsys, out)


def test_refuses_an_existing_folder_that_is_not_empty(tmp_path, capsys):
    out = tmp_path / "taken"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    rc, text = run(capsys, "import-wikidata", WD / "prime-ministers.json", "--out", out)
    assert rc == 1 and "exists and is not empty: nothing written" in text
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]
    (out / "notes.txt").unlink()
    assert run(capsys, "import-wikidata", WD / "prime-ministers.json", "--out", out)[0] == 0  # empty: fine


# --- comparing with a second list ------------------------------------------------------------------------

def claims_of(folder: Path) -> dict[tuple[str, str], dict[str, tuple[str, str]]]:
    """(target, field) -> source -> (value, preferred)."""
    out: dict = {}
    for r in rows(folder, "claims"):
        out.setdefault((r["target"], r["field"]), {})[r["source_id"]] = (r["value"], r["preferred"])
    return out


@pytest.mark.parametrize("prefer", ["list", "wikidata"])
def test_compare_records_every_disagreement(tmp_path, capsys, prefer):
    out = imported(tmp_path, capsys, "prime-ministers.json", "--compare", WD / "other-list.csv", "--prefer", prefer)
    lst = "other-list"
    mine, theirs = ("true", "false") if prefer == "list" else ("false", "true")
    t = "tenures:{}-" + OFFICE
    assert claims_of(out) == {
        # A different start (Wikidata: the month) and end; an end only the list gives.
        (t.format("boris-belov") + "-1", "start"): {"wikidata": ("1910-03", theirs), lst: ("1910-03-15", mine)},
        (t.format("boris-belov") + "-2", "end"): {"wikidata": ("1924-05-01", theirs), lst: ("1924-04-30", mine)},
        (t.format("gleb-gromov"), "end"): {"wikidata": ("", theirs), lst: ("1930-06-30", mine)},
        # Feb 1910 in the Julian calendar (Wikidata) is not Feb 1910 (the list, New Style).
        (t.format("arkady-antonov"), "end"): {"wikidata": ("1910-02", theirs), lst: ("1910-02", mine)},
        # A tenure in one list only: who held it according to each.
        (t.format("dina-dorina"), "person_id"): {"wikidata": ("dina-dorina", theirs), lst: ("", mine)},
        (t.format("feodor-fomin"), "person_id"): {"wikidata": ("", theirs), lst: ("feodor-fomin", mine)},
        # Successors: Wikidata has Vera -> Dina -> Boris, the list Vera -> Boris.
        (f"relations:{'vera-volkova-boris-belov' if prefer == 'list' else 'dina-dorina-boris-belov'}-succession", "a"):
            {"wikidata": ("dina-dorina", theirs), lst: ("vera-volkova", mine)},
        (f"relations:{'vera-volkova-boris-belov' if prefer == 'list' else 'vera-volkova-dina-dorina'}-succession", "b"):
            {"wikidata": ("dina-dorina", theirs), lst: ("boris-belov", mine)},
    }
    tenures = by_id(out, "tenures")
    boris = tenures["boris-belov-" + OFFICE + "-1"]
    assert boris["start"] == ("1910-03-15" if prefer == "list" else "1910-03")
    assert boris["source_id"] == (lst if prefer == "list" else "wikidata")
    arkady = tenures["arkady-antonov-" + OFFICE]
    # The start both give alike keeps Wikidata's Old Style date beside the list's.
    assert (arkady["start"], arkady["start_os"]) == ("1905-01-10", "1904-12-28")
    assert (arkady["end"], arkady["end_os"]) == (("1910-02", "") if prefer == "list" else ("", "1910-02"))
    fomin = tenures["feodor-fomin-" + OFFICE]
    assert (fomin["source_id"], fomin["locator"], fomin["start"]) == (lst, "7", "1930-07-01")
    assert "only in the list" in fomin["note"] and "party: Agrarian" in fomin["note"]
    # The list's missing Dina is cited by its entries either side of her (Vera, line 4; Boris, line 5).
    claim = next(r for r in rows(out, "claims") if r["target"].startswith("tenures:dina") and r["source_id"] == lst)
    assert claim["locator"] == "4;5"
    text = check_passes(capsys, out)
    assert "preferred value" not in text
    rc, said = run(capsys, "verify-quotes", out, "--sources", out / "sources")
    assert rc == 0, said


def test_bad_list_says_where(tmp_path, capsys):
    bad = _write(tmp_path, "list.csv", "id,name,start_date,end_date,replaces,replaced_by\nQ900101,A,1905-13-01,,,\n")
    rc, said = run(capsys, "import-wikidata", WD / "prime-ministers.json", "--out", tmp_path / "x", "--compare", bad)
    assert rc == 1 and "list.csv:line 2: column 3 (start_date): impossible month 13" in said, said
    bad.write_text("id,name,start\nQ1,A,1905\n", encoding="utf-8")
    rc, said = run(capsys, "import-wikidata", WD / "prime-ministers.json", "--out", tmp_path / "x", "--compare", bad)
    assert rc == 1 and "list.csv:line 1: missing columns (start_date, end_date, replaces, replaced_by)" in said


# --- structured citations ---------------------------------------------------------------------------------

def test_verify_quotes_checks_structured_rows_against_the_result(tmp_path, capsys):
    out = imported(tmp_path, capsys, "prime-ministers.csv")
    path = out / "tenures.csv"
    table = rows(out, "tenures")
    fields = list(table[0])

    def save(rs):
        with open(path, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
            w.writeheader()
            w.writerows(rs)

    changed = [dict(r) for r in table]
    changed[1]["quote"] = changed[1]["quote"].replace("startPrecision=10", "startPrecision=11")
    changed[2]["locator"] = "Q900103$00000000-0000-0000-0000-000000000000"
    changed[3]["quote"] = "Dina was prime minister"
    save(changed)
    rc, said = run(capsys, "verify-quotes", out, "--sources", out / "sources")
    assert rc == 1
    assert ("tenures.csv:3:11: startPrecision=11 is not a value of statement "
            "Q900102$A6EA7D83-C1CB-5EF6-93D8-2E1E9EB2D7C4 in prime-ministers.csv — it gives startPrecision=10: "
            "quote the values as the result file gives them") in said
    assert ("tenures.csv:4:11: statement Q900103$00000000-0000-0000-0000-000000000000 not in prime-ministers.csv — "
            "copy the statement id from the result file (Q42$…), or save the result again") in said
    assert "tenures.csv:5:11: quote is not name=value pairs" in said
    assert "21 of 24 cited rows verified" in said
    # A line number where a statement id belongs is a `check` error, not a silent pass.
    changed = [dict(r) for r in table]
    changed[0]["locator"] = "12"
    save(changed)
    rc, said = run(capsys, "check", out)
    assert rc == 1 and "tenures.csv:2:10: locator is not a statement id (12) — wikidata is a structured source" in said


@pytest.mark.parametrize("name", FORMATS)
def test_every_format_imports_with_a_comparison(tmp_path, capsys, name):
    """With `--compare` (which checks the package before moving it into place) every format still gives a
    package `check` accepts. How long it takes is measured by bench/import_bench.py, not here."""
    out = imported(tmp_path, capsys, name, "--compare", WD / "other-list.csv")
    check_passes(capsys, out)
    assert rows(out, "claims")
