"""Command line: run the app, and check / build / verify-quotes / init a dataset."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from . import settings
from .core.schema import TABLES, descriptor


def _print_problems(problems, out=None) -> None:
    out = out or sys.stdout
    for p in problems:
        print(p, file=out)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"{errors} error(s), {warnings} warning(s)", file=out)


def cmd_check(args) -> int:
    from .core.validate import check
    pkg = check(args.dataset)
    _print_problems(pkg.problems)
    return 1 if pkg.errors else 0


def cmd_build(args) -> int:
    from .core.build import PROCESSED, build
    pkg = build(args.dataset)
    _print_problems(pkg.problems)
    if pkg.errors:
        print("nothing written: fix the errors above, then build again", file=sys.stderr)
        return 1
    print(f"built {Path(args.dataset) / PROCESSED}")
    return 0


def cmd_verify_quotes(args) -> int:
    from .core.quotes import verify_path
    pkg, problems = verify_path(args.dataset, args.sources)
    unreadable = [p for p in pkg.errors if p.file != "datapackage.json" and p.message != "file missing"]
    _print_problems(unreadable + problems)
    checked = sum(len(f) for n, f in pkg.tables.items() if TABLES[n].cited)
    print(f"{checked - len(problems)} of {checked} cited rows verified")
    return 1 if problems or unreadable else 0


def cmd_init(args) -> int:
    folder = Path(args.dataset)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "datapackage.json"
    old = json.loads(target.read_text(encoding="utf-8")) if target.is_file() else {}
    desc = descriptor(old.get("name") or folder.resolve().name, args.title or old.get("title") or folder.name,
                      old.get("description", ""), old.get("licenses"), old.get("sources"))
    # Keys the format does not define (periods, a user's own) are kept; only the table schemas are rewritten.
    desc = {**old, **desc, **{k: v for k, v in old.items() if k not in desc}}
    target.write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for name, table in TABLES.items():
        csv_path = folder / f"{name}.csv"
        if not csv_path.exists():
            with open(csv_path, "w", newline="", encoding="utf-8") as fh:
                csv.writer(fh).writerow(table.columns)
    print(f"wrote {target} and empty tables where missing")
    return 0


def cmd_run(args) -> int:
    from .web.factory import create_app
    app = create_app(args.dataset)
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    run = sub.add_parser("run", help="serve the dashboard (the default command)")
    run.add_argument("dataset", nargs="?", default=str(settings.dataset_path()))
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8050)
    run.add_argument("--debug", action="store_true")
    run.set_defaults(func=cmd_run)
    for name, func, text in (("check", cmd_check, "validate a dataset folder"),
                             ("build", cmd_build, "validate and write DIR/processed/*.parquet"),
                             ("init", cmd_init, "write datapackage.json and empty tables")):
        p = sub.add_parser(name, help=text)
        p.add_argument("dataset")
        p.set_defaults(func=func)
        if name == "init":
            p.add_argument("--title")
    vq = sub.add_parser("verify-quotes", help="check every quote against its source text")
    vq.add_argument("dataset")
    vq.add_argument("--sources", required=True, help="folder holding the sources' text files")
    vq.set_defaults(func=cmd_verify_quotes)
    argv = list(sys.argv[1:] if argv is None else argv)
    # `python -m dashboard`, `python -m dashboard --port 8123` and `python -m dashboard data/x` all run the app.
    if not argv or (argv[0] not in sub.choices and argv[0] not in ("-h", "--help")):
        argv = ["run", *argv]
    args = parser.parse_args(argv)
    return args.func(args)
