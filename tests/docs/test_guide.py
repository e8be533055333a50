"""The dataset guide (docs/your-own-dataset.md) is tested by following it.

Conventions the guide keeps so that this test can read it:

- A fenced ```csv block is a whole table (header row included) and is preceded by a marker
  line `<!-- table: NAME -->`; the test writes it to `NAME.csv` of the dataset being built.
- A fenced ```text block preceded by `<!-- file: NAME, numbered -->` is a source text shown
  with `cat -n` line numbers; the test strips the numbers and compares it with the template's
  copy of that file (the guide copies the file with `cp`).
- Fenced ```sh blocks hold the commands, in the order a reader runs them. The test runs each
  `python -m dashboard ...` line through `dashboard.cli.main`, with `data/...` paths moved to a
  temporary folder (`run` is only parsed, never served), copies files for `cp` lines, and skips
  read-only helpers (`cat`, `grep`, `sed`, `ls`). Any other command fails the test, so a new kind
  of step in the guide has to be taught to the test.
- Other fenced blocks (```text error messages) are prose and are not run.

The guide's rows are also required to be rows of docs/template-dataset, so that the guide and
the template it points to tell the same story.
"""
from __future__ import annotations

import csv
import io
import re
import shlex
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

from dashboard import cli
from dashboard.core.build import PROCESSED
from dashboard.core.schema import TABLES

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "your-own-dataset.md"
TEMPLATE = ROOT / "docs" / "template-dataset"
README = ROOT / "README.md"
DATA_FORMAT = ROOT / "docs" / "data-format.md"
SUBCOMMANDS = {"run", "check", "build", "init", "verify-quotes", "import-wikidata", "export"}
READ_ONLY = {"cat", "grep", "sed", "ls"}

_FENCE = re.compile(r"^```(\w*)\s*$")
_MARKER = re.compile(r"^<!--\s*(\w+):\s*(.+?)\s*-->\s*$")
_NUMBERED = re.compile(r"^\s*\d+(?:\t(.*))?$")


def fenced_blocks(markdown: str) -> list[tuple[str, tuple[str, str] | None, str]]:
    """Every fenced block as (language, marker or None, body), in document order."""
    blocks, lines, i = [], markdown.split("\n"), 0
    marker = None
    while i < len(lines):
        line = lines[i]
        m = _FENCE.match(line)
        if m:
            body, i = [], i + 1
            while i < len(lines) and lines[i].rstrip() != "```":
                body.append(lines[i])
                i += 1
            blocks.append((m.group(1), marker, "\n".join(body) + "\n"))
            marker = None
        elif _MARKER.match(line):
            marker = _MARKER.match(line).groups()
        elif line.strip():
            marker = None  # a marker applies only to the block right after it
        i += 1
    return blocks


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def run_cli(argv: list[str], capsys) -> tuple[int, str]:
    rc = cli.main(argv)
    out = capsys.readouterr()
    return rc, out.out + out.err


def _move(token: str, tmp: Path) -> str:
    """`data/...` paths go to the temporary folder; other relative paths are the repository's."""
    if token == "data" or token.startswith("data/"):
        return str(tmp / token)
    return token


def _command_args(tokens: list[str], tmp: Path) -> list[str]:
    return [_move(t, tmp) for t in tokens]


def test_guide_builds_its_example_dataset(tmp_path, capsys):
    guide = GUIDE.read_text(encoding="utf-8")
    blocks = fenced_blocks(guide)
    dataset: Path | None = None
    ran: list[str] = []
    written: dict[str, list[dict[str, str]]] = {}
    for lang, marker, body in blocks:
        if lang == "sh":
            for line in body.splitlines():
                tokens = shlex.split(line, comments=True)
                if not tokens:
                    continue
                if tokens[:3] == ["python", "-m", "dashboard"]:
                    args = _command_args(tokens[3:], tmp_path)
                    assert args and args[0] in SUBCOMMANDS, line
                    ran.append(args[0])
                    if args[0] == "run":
                        continue  # serving is not part of this test; the subcommand test parses it
                    rc, out = run_cli(args, capsys)
                    assert rc == 0, f"{line}\n{out}"
                    if args[0] in ("check", "build", "verify-quotes"):
                        assert "0 error(s), 0 warning(s)" in out, f"{line}\n{out}"
                    if args[0] == "verify-quotes":
                        cited = sum(len(rows) for t, rows in written.items() if TABLES[t].cited)
                        promise = f"{cited} of {cited} cited rows verified"
                        assert promise in out, out
                        assert f"`{promise}`" in guide, f"the guide should promise `{promise}`"
                    if args[0] == "init":
                        dataset = Path(args[1])
                elif tokens[0] == "cp":
                    src, dest = (Path(t) for t in _command_args(tokens[-2:], tmp_path))
                    src = src if src.is_absolute() else ROOT / src
                    shutil.copy(src, dest)
                else:
                    assert tokens[0] in READ_ONLY, f"the test does not know how to follow: {line}"
        elif lang == "csv":
            assert marker and marker[0] == "table", f"csv block without <!-- table: NAME -->:\n{body}"
            table = marker[1]
            assert table in TABLES, table
            assert dataset is not None, "a table comes before `init` in the guide"
            target = dataset / f"{table}.csv"
            header = target.read_text(encoding="utf-8").split("\n")[0]
            assert body.split("\n")[0] == header, f"{table}: the guide's header differs from init's"
            target.write_text(body, encoding="utf-8")
            written[table] = csv_rows(body)
        elif marker and marker[0] == "file":
            name = marker[1].split(",")[0].strip()
            shown = [_NUMBERED.match(x).group(1) or "" for x in body.rstrip("\n").split("\n")]
            original = (TEMPLATE / name).read_text(encoding="utf-8").rstrip("\n").split("\n")
            assert shown == original, f"the guide's copy of {name} differs from {TEMPLATE / name}"
            numbers = [int(x.split()[0]) for x in body.rstrip("\n").split("\n")]
            assert numbers == list(range(1, len(numbers) + 1)), "line numbers must count from 1"

    # The reader ran every step, in this order.
    steps = [s for s in ran if s in ("init", "check", "verify-quotes", "build", "run")]
    assert steps == ["init", "check", "verify-quotes", "build", "run"], ran
    assert set(written) == set(TABLES), f"tables without a csv block: {set(TABLES) - set(written)}"

    # The processed tables exist and hold the guide's rows, no more and no fewer.
    processed = dataset / PROCESSED
    for table, rows in written.items():
        assert rows, f"the guide shows no row of {table}"
        frame = pd.read_parquet(processed / f"{table}.parquet")
        key = TABLES[table].key
        assert sorted(frame[key]) == sorted(r[key] for r in rows), table


def test_guide_rows_come_from_the_template():
    blocks = fenced_blocks(GUIDE.read_text(encoding="utf-8"))
    for lang, marker, body in blocks:
        if lang != "csv":
            continue
        table = marker[1]
        template = csv_rows((TEMPLATE / f"{table}.csv").read_text(encoding="utf-8"))
        for row in csv_rows(body):
            assert row in template, f"{table}: this guide row is not in docs/template-dataset: {row}"


def test_template_dataset_checks_verifies_and_builds(tmp_path, capsys):
    # Build a copy: the template folder itself stays free of processed/ files.
    copy = tmp_path / "template"
    shutil.copytree(TEMPLATE, copy, ignore=shutil.ignore_patterns(PROCESSED, ".*"))
    for argv in (["check", str(TEMPLATE)],
                 ["verify-quotes", str(TEMPLATE), "--sources", str(TEMPLATE)],
                 ["build", str(copy)]):
        rc, out = run_cli(argv, capsys)
        assert rc == 0, out
        assert "0 error(s), 0 warning(s)" in out, out
        if argv[0] == "verify-quotes":
            cited = sum(len(csv_rows((TEMPLATE / f"{t}.csv").read_text(encoding="utf-8")))
                        for t, spec in TABLES.items() if spec.cited)
            assert f"{cited} of {cited} cited rows verified" in out, out
    # It shows what the guide promises: every table filled, an Old Style date, vague dates,
    # a claim pair and two scenes.
    for name in TABLES:
        assert pd.read_parquet(copy / PROCESSED / f"{name}.parquet").shape[0] > 0, name
    tenures = csv_rows((TEMPLATE / "tenures.csv").read_text(encoding="utf-8"))
    assert any(r["start_os"] for r in tenures)
    groups = csv_rows((TEMPLATE / "groups.csv").read_text(encoding="utf-8"))
    events = csv_rows((TEMPLATE / "events.csv").read_text(encoding="utf-8"))
    assert any(r["start"].endswith("~") for r in groups) and any("X" in r["date"] for r in events)
    claims = csv_rows((TEMPLATE / "claims.csv").read_text(encoding="utf-8"))
    assert len(claims) >= 2 and sorted(r["preferred"] for r in claims) == ["false", "true"]
    assert len(csv_rows((TEMPLATE / "scenes.csv").read_text(encoding="utf-8"))) == 2
    assert "fictional" in (TEMPLATE / "template-source.txt").read_text(encoding="utf-8")


def shown_commands(text: str) -> list[str]:
    """The arguments of every `python -m dashboard ...` shown in a markdown text."""
    found = []
    for m in re.finditer(r"python -m dashboard([^\n]*)", text):
        rest = re.split(r"`|&&|\|\|?|;", m.group(1))[0]
        found.append(rest.strip())
    return found


@pytest.mark.parametrize("doc", [README, GUIDE, DATA_FORMAT, ROOT / "docs" / "import.md"], ids=lambda p: p.name)
def test_shown_commands_use_real_subcommands(doc, monkeypatch, capsys):
    """Every command the docs show parses with the CLI's own argparse, without running it."""
    called: list[str] = []
    for name in ("cmd_run", "cmd_check", "cmd_build", "cmd_init", "cmd_verify_quotes", "cmd_import_wikidata",
                 "cmd_export"):
        monkeypatch.setattr(cli, name, lambda args, name=name: called.append(name) or 0)
    # main([]) falls back to sys.argv for the default `run`; make that the bare command.
    monkeypatch.setattr(sys, "argv", ["python -m dashboard"])
    commands = shown_commands(doc.read_text(encoding="utf-8"))
    assert commands, f"no `python -m dashboard` command in {doc.name}"
    for command in commands:
        args = shlex.split(command, comments=True)
        assert not args or args[0] in SUBCOMMANDS, f"{doc.name}: unknown subcommand in {command!r}"
        before = len(called)
        try:
            cli.main(args)
        except SystemExit as e:  # argparse rejected it
            pytest.fail(f"{doc.name}: `python -m dashboard {command}` does not parse "
                        f"({capsys.readouterr().err.strip()}) [exit {e.code}]")
        assert len(called) == before + 1, command
