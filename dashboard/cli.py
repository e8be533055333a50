"""Command line: run the app; check / build / verify-quotes / init a dataset; import officeholders from
Wikidata; export the network for Gephi."""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from . import settings
from .core.schema import OFFICE_KINDS, TABLES, descriptor


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


def cmd_import_wikidata(args) -> int:
    import datetime as dt

    from .core import importer
    from .core.wikidata import ResultError

    result = Path(args.result)
    files = [result]
    try:
        imported = importer.read_import(result, args.office_label or "", args.julian_values == "as-entered")
        list_file = None
        if args.compare:
            positions = {h.position for h in imported.holdings}
            if len(positions) != 1:
                raise ResultError(result.name, "line 1", f"the result holds {len(positions)} positions",
                                  "--compare compares one office: save a result for that position only")
            h = imported.holdings[0]
            list_path = Path(args.compare)
            list_file = importer.read_list(list_path, h.office, h.position,
                                           importer.slug(list_path.stem) or "list")
            if list_file.source_id == importer.WIKIDATA_SOURCE:
                list_file.source_id = "list"
            files.append(list_path)
        if args.query:
            files.append(Path(args.query))
    except ResultError as e:
        print(f"{e}", file=sys.stderr)
        print("nothing written", file=sys.stderr)
        return 1
    names = [f.name for f in files]
    if len(set(names)) != len(names):
        print(f"the result, the list and the query have the same file name ({', '.join(names)}): rename one",
              file=sys.stderr)
        return 1
    retrieved = args.retrieved or dt.date.fromtimestamp(result.stat().st_mtime).isoformat()
    opts = importer.Options(title=args.title or "", office_kind=args.office_kind, prefer=args.prefer,
                            retrieved=retrieved, query_file=Path(args.query).name if args.query else "",
                            result_file=result.name,
                            description=f"Imported from a Wikidata query result ({result.name}, retrieved "
                                        f"{retrieved})" + (f", compared with {Path(args.compare).name}"
                                                           if args.compare else "") + ".")
    rows = importer.tables(imported, opts, list_file)
    try:
        importer.write_package(Path(args.out), rows, opts, files)
    except importer.ImportRefused as e:
        print(e, file=sys.stderr)
        return 1
    for why in imported.skipped:
        print(f"{result.name}: left out {why}")
    counts = ", ".join(f"{len(rows[t])} {t}" for t in ("people", "tenures", "relations", "claims"))
    print(f"read {imported.statements} statements; wrote {args.out}: {counts}")
    print(f"next: python -m dashboard check {args.out}")
    return 0


def cmd_export(args) -> int:
    from .core.build import DatasetError, load
    from .views import gephi

    try:
        ds = load(args.dataset)
    except DatasetError as e:
        _print_problems(e.problems, sys.stderr)
        print("nothing written: fix the errors above, then export again", file=sys.stderr)
        return 1
    out = Path(args.out)
    body = gephi.gexf(ds) if args.format == "gexf" else gephi.graphml(ds)
    out.write_bytes(body)
    graph = gephi.graph(ds)
    print(f"wrote {out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    return 0


def cmd_run(args) -> int:
    from .web import page
    from .web.factory import create_app
    app = create_app(args.dataset)
    page.warm()
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
    iw = sub.add_parser("import-wikidata", help="write a data package from a saved Wikidata query result")
    iw.add_argument("result", help="the saved result: SPARQL JSON, CSV, TSV or a simplified JSON array")
    iw.add_argument("--out", required=True, help="the new dataset folder (must not exist, or be empty)")
    iw.add_argument("--title", help="the dataset's title")
    iw.add_argument("--office-label", help="the office's name, when the result has no ?position")
    iw.add_argument("--office-kind", default="other", choices=OFFICE_KINDS, help="the office's kind (default other)")
    iw.add_argument("--compare", metavar="LIST.csv", help="a second list of the office to compare with")
    iw.add_argument("--prefer", choices=("list", "wikidata"), default="list",
                    help="which version is preferred where they disagree (default: the list)")
    iw.add_argument("--query", metavar="FILE", help="the SPARQL query that gave the result (kept with the source)")
    iw.add_argument("--retrieved", metavar="DATE", help="the day the result was saved (default: the file's date)")
    iw.add_argument("--julian-values", choices=("converted", "as-entered"), default="converted",
                    help="Julian days as the query service gives them (converted to Gregorian, the default) "
                         "or as entered in Wikidata")
    iw.set_defaults(func=cmd_import_wikidata)
    ex = sub.add_parser("export", help="write the network for Gephi (GEXF 1.3 with time spells, or GraphML)")
    ex.add_argument("format", choices=("gexf", "graphml"))
    ex.add_argument("dataset")
    ex.add_argument("out")
    ex.set_defaults(func=cmd_export)
    argv = list(sys.argv[1:] if argv is None else argv)
    # `python -m dashboard`, `python -m dashboard --port 8123` and `python -m dashboard data/x` all run the app.
    if not argv or (argv[0] not in sub.choices and argv[0] not in ("-h", "--help")):
        argv = ["run", *argv]
    args = parser.parse_args(argv)
    return args.func(args)
