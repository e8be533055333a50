"""Hostile input against the server, through the Flask test client (no browser, no network).

Three families, all generated with hypothesis:

* URL paths and query strings for GET requests: never a 5xx, never a traceback in the body;
* the page-render callback (`content.children` from `url.search` and `url.pathname`) with generated
  query strings: always 200, and every bad parameter gets a visible notice (good ones get none);
* malformed callback requests for every server callback the app registers (wrong ids, unknown outputs,
  wrong types, missing keys, non-JSON and 1 MB bodies): never a 5xx carrying a traceback.

A plain `{"error": "internal error"}` 500 is not a failure here, but it is a bug: each one is recorded
with the exception the server logged, and reported as a warning at the end of the module (run with
`-W default` or look at the warnings summary). The 500s found once are pinned by the tests at the bottom.
"""
from __future__ import annotations

import dataclasses
import gzip as gz
import json
import logging
import re
import traceback
import warnings
from collections import Counter
from urllib.parse import parse_qs, quote, urlencode

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from dashboard.core.dates import resolve
from dashboard.web.factory import create_app
from dashboard.web.state import ViewState

TRACE_MARKS = ("Traceback", 'File "')
SETTINGS = dict(deadline=None, database=None, derandomize=True, print_blob=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])

# The mini fixture's ids (tests/fixtures/mini).
PEOPLE = ["lenin", "stalin", "trotsky", "zinoviev", "bolshevik-party"]
ORGS = ["Soviet government", "Party"]
KINDS = ["party", "state"]
GROUPS = ["left-opposition"]
RELS = ["alliance", "repression"]
LAYERS = ["political", "personal", "foreign"]

HOSTILE = [
    "", " ", "..", "../..", "..%2f..", "%2e%2e", "%2e%2e%2f", "/etc/passwd", "....//", "\\..\\",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "javascript:alert(1)",
    "\x00", "%00", "a\x00b", "%", "%%", "%zz", "%ff%fe", "%c0%af", "%u0041", "\r\nSet-Cookie: x=1", "%0d%0a",
    "' OR 1=1 --", "${7*7}", "{{7*7}}", "{", "[]", "null", "NaN", "-1", "1e309", "9" * 400,
    "Троцкий", "ل", "\u202e", "\ufeff", "😀", "\uffff", "𝕏", "a" * 5000,
    "_dash-layout", "_dash-dependencies", "_dash-update-component", "_dash-component-suites", "assets", "healthz",
    "scene", "scene/0", "scene/-1", "scene/99999999999999999999", "__proto__", "constructor",
]
# Every key the page reads from its URL (web/state.py), so a new one is fuzzed too.
KNOWN_KEYS = [f.name for f in dataclasses.fields(ViewState)]


# ---------------------------------------------------------------------------------------------------------------
# The app, and a record of every 500 it answers

class _Failures(logging.Handler):
    """Keeps the exception behind each 500 (the error handler logs it), so the report can name it."""

    def __init__(self):
        super().__init__(logging.ERROR)
        self.last = None

    def emit(self, record):
        if record.exc_info:
            etype, err, tb = record.exc_info
            frames = [f for f in traceback.extract_tb(tb)]
            own = [f for f in frames if "/dashboard/" in f.filename] or frames
            where = f"{own[-1].filename.split('/site-packages/')[-1]}:{own[-1].lineno}" if own else "?"
            self.last = f"{etype.__name__} @ {where}: {' '.join(str(err).split())[:120]}"


FAILURES = _Failures()
FIVE_HUNDREDS: list[tuple[str, str, str]] = []  # (family, input, exception)
COUNTS: Counter = Counter()


@pytest.fixture(scope="module")
def client():
    app = create_app(FIXTURES / "mini", FIXTURES)
    log = logging.getLogger("dashboard.web.factory")
    log.addHandler(FAILURES)
    yield app.server.test_client()
    log.removeHandler(FAILURES)
    if FIVE_HUNDREDS:
        # Grouped by where the exception was raised: count, the requests that hit it, one example input.
        groups: dict[str, list] = {}
        for family, case, exc in FIVE_HUNDREDS:
            groups.setdefault(exc.split(":")[0], []).append((family, case, exc))
        lines = []
        for _sig, hits in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            families = sorted({f.split(":")[0] for f, _, _ in hits})
            lines.append(f"{len(hits):4d} x {hits[0][2]}\n       in: {', '.join(families)}\n"
                         f"       e.g. {hits[0][1][:300]}")
        warnings.warn(f"{len(FIVE_HUNDREDS)} plain 500s (bugs to fix, not failures):\n" + "\n".join(lines),
                      stacklevel=1)
    totals = Counter()
    for family, n in COUNTS.items():
        totals[family.split(":")[0]] += n
    warnings.warn(f"hostile cases tried: {sum(totals.values())} (" + ", ".join(f"{k}={v}" for k, v in sorted(totals.items()))
                  + ")", stacklevel=1)


def _safe(resp, family: str, case) -> None:
    """Never a traceback; never a 5xx other than the plain error handler's 500 (which is recorded)."""
    COUNTS[family] += 1
    body = resp.get_data(as_text=True)
    for mark in TRACE_MARKS:
        assert mark not in body, f"traceback in the response to {case!r:.300}"
    if resp.status_code >= 500:
        assert resp.status_code == 500 and resp.get_json(silent=True) == {"error": "internal error"}, (
            f"{resp.status_code} {body[:200]!r} for {case!r:.300}")
        FIVE_HUNDREDS.append((family, f"{case!r:.300}", FAILURES.last or "?"))
        FAILURES.last = None


# ---------------------------------------------------------------------------------------------------------------
# (a) GET: paths and query strings

segment = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=12),
    st.text("abcdefghijklmnopqrstuvwxyz0123456789._~-", min_size=1, max_size=12),
    st.integers(min_value=0, max_value=12).map(lambda n: "a" * (2 ** n)),
)


@st.composite
def urls(draw) -> tuple[str, str]:
    prefix = draw(st.sampled_from(["", "", "_dash-component-suites/dash", "_dash-component-suites/dash/dcc",
                                   "_dash-component-suites/dash_cytoscape", "assets", "_dash-layout",
                                   "_dash-dependencies", "_dash-update-component", "healthz", "scene", "static"]))
    segments = draw(st.lists(segment, max_size=4))
    encode = draw(st.sampled_from(["raw", "quote", "quote-all", "double"]))
    if encode == "quote":
        segments = [quote(s, safe="/%") for s in segments]
    elif encode == "quote-all":
        segments = [quote(s, safe="") for s in segments]
    elif encode == "double":
        segments = [quote(quote(s, safe=""), safe="") for s in segments]
    path = "/" + "/".join([prefix, *segments] if prefix else segments)
    pairs = draw(st.lists(st.tuples(st.one_of(st.sampled_from(KNOWN_KEYS), st.sampled_from(HOSTILE), st.text(max_size=8)),
                                    st.one_of(st.sampled_from(HOSTILE), st.text(max_size=16))), max_size=5))
    if draw(st.booleans()):
        query = urlencode(pairs)
    else:  # raw, as a hand-typed or hostile URL would have it
        query = "&".join(f"{k}={v}" if draw(st.booleans()) else f"{k}" for k, v in pairs)
    return path, query


def _raw(text: str) -> str:
    """What a WSGI server puts in the environ: the bytes of the request line decoded as latin-1."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


@settings(max_examples=2000, **SETTINGS)
@given(url=urls(), gzip=st.booleans(), raw=st.booleans())
@example(url=("/../../etc/passwd", ""), gzip=False, raw=True)
@example(url=("/assets/../../dashboard/settings.py", ""), gzip=False, raw=True)
@example(url=("/_dash-component-suites/os/../../etc/passwd", ""), gzip=False, raw=True)
@example(url=("/\x00", "\x00=\x00"), gzip=True, raw=True)
def test_get_urls_never_fail(client, url, gzip, raw):
    path, query = url
    headers = {"Accept-Encoding": "gzip"} if gzip else {}
    if raw:  # skip the test client's URL handling: the environ a server would build from raw bytes
        resp = client.get("/", headers=headers,
                          environ_overrides={"PATH_INFO": _raw(path), "QUERY_STRING": _raw(query)})
    else:  # through the test client's URL parsing ("//x" would be read as a host name)
        resp = client.get("/" + quote(path, safe="/%:@!$&'()*+,;=~").lstrip("/"), query_string=query,
                          headers=headers)
    if resp.headers.get("Content-Encoding") == "gzip":
        resp.set_data(gz.decompress(resp.get_data()))
        del resp.headers["Content-Encoding"]
    _safe(resp, "get", (path, query))


HUGE_URLS = {
    "1 MB date": ("/", "date=" + "9" * 1_000_000),
    "5000 repeated keys": ("/", "&".join(["lanes=x"] * 5000)),
    "1 MB path": ("/" + "a/" * 500_000, ""),
    "100k percent escapes": ("/" + "%41" * 100_000, "q=" + "%ff" * 100_000),
}


@pytest.mark.parametrize("name", list(HUGE_URLS))
def test_get_huge_urls(client, name):
    path, query = HUGE_URLS[name]
    _safe(client.get("/", environ_overrides={"PATH_INFO": path, "QUERY_STRING": query}), "get", name)


def test_healthz_and_index_are_fine(client):
    assert client.get("/healthz").get_json() == {"status": "ok"}
    assert client.get("/?date=%3Cscript%3E").status_code == 200


# ---------------------------------------------------------------------------------------------------------------
# (b) the page-render callback

def render_body(search, pathname, changed=("url.search",)) -> dict:
    return {"output": "content.children", "outputs": {"id": "content", "property": "children"},
            "inputs": [{"id": "url", "property": "search", "value": search},
                       {"id": "url", "property": "pathname", "value": pathname}],
            "changedPropIds": list(changed), "state": []}


def _find(node, id_):
    """The component with this id in a serialised Dash layout."""
    if isinstance(node, list):
        for n in node:
            hit = _find(n, id_)
            if hit is not None:
                return hit
    elif isinstance(node, dict):
        props = node.get("props", {})
        if props.get("id") == id_:
            return node
        return _find(props.get("children"), id_)
    return None


def _text(node) -> str:
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return " ".join(_text(n) for n in node)
    if isinstance(node, dict):
        return _text(node.get("props", {}).get("children"))
    return "" if node is None else str(node)


def notices_of(resp) -> list[str]:
    layout = resp.get_json()["response"]["content"]["children"]
    box = _find(layout, "notices")
    assert box is not None, "no notices box in the rendered page"
    children = box["props"].get("children") or []
    return [_text(c) for c in (children if isinstance(children, list) else [children])]


GOOD_DATES = ["1917", "1917-11-07", "1924-01", "1927-11-15", "1920~", "1953", "1930?", "1925-06"]
BAD_DATES = ["not-a-date", "1927-13-45", "1927-02-30", "<script>", "yesterday", "1927-1-1-1", "--", "x1927",
             "%", "\x00", "null", "1e3", "١٩٢٧"]


def _labelled(key: str):
    """(value, is_bad) strategies for each known parameter."""
    bad_text = st.text(min_size=1, max_size=20).map(lambda s: "zz" + s)
    if key in ("lanes", "colour", "dataset", "ego"):
        allowed = {"lanes": ["office", "person"], "colour": ["organisation", "faction"], "dataset": ["mini"],
                   "ego": ["1", "2"]}[key]
        return st.one_of(st.sampled_from(allowed).map(lambda v: (v, False)),
                         st.sampled_from(allowed).map(lambda v: (f" {v} ", False)),
                         st.one_of(bad_text, st.sampled_from(HOSTILE[10:40]).filter(lambda s: s.strip()),
                                   st.sampled_from([v.upper() for v in allowed])).map(lambda v: (v, True)))
    if key in ("date", "start", "end"):
        return st.one_of(st.sampled_from(GOOD_DATES).map(lambda v: (v, False)),
                         st.sampled_from(BAD_DATES).map(lambda v: (v, True)), bad_text.map(lambda v: (v, True)))
    if key == "lp":  # a page of lanes: ASCII digits from 1 (a Unicode digit is not one)
        return st.one_of(st.sampled_from(["1", "2", "37"]).map(lambda v: (v, False)),
                         st.sampled_from(["0", "-1", "²", "١", "x", "1.5", "99999"]).map(lambda v: (v, True)))
    if key in ("sel", "to"):
        return st.one_of(st.sampled_from(PEOPLE).map(lambda v: (v, False)),
                         st.one_of(bad_text, st.sampled_from(["Stalin", "stalin ", "../lenin", "<b>"])).map(
                             lambda v: (v, v.strip() not in PEOPLE)))
    if key in ("orgs", "kinds", "groups", "rels", "layers"):
        allowed = {"orgs": ORGS, "kinds": KINDS, "groups": GROUPS, "rels": RELS, "layers": LAYERS}[key]
        items = st.lists(st.one_of(st.sampled_from(allowed).map(lambda v: (v, False)),
                                   st.one_of(bad_text, st.sampled_from(["<script>", "party ", "PARTY"])).map(
                                       lambda v: (v, True))), min_size=1, max_size=4)
        return items.map(lambda xs: (",".join(v for v, _ in xs), any(b for _, b in xs)))
    return st.sampled_from(["1", "true", "0", "no", "yes"]).map(lambda v: (v, False))  # present, everyone, whole


@st.composite
def queries(draw):
    """A query string and the parameters in it that deserve a notice."""
    pairs, bad = [], set()
    keys = draw(st.lists(st.sampled_from(KNOWN_KEYS), max_size=6))
    for key in keys:
        value, _ = draw(_labelled(key))  # judged below, on what the server will see
        if draw(st.integers(0, 9)) == 0:
            value = value + "9" * 201  # too long (every known key says so)
        pairs.append((key, value))
    # Unknown keys are ignored silently.
    pairs += draw(st.lists(st.tuples(st.text(max_size=8).map(lambda s: "x-" + s), st.text(max_size=20)), max_size=2))
    pairs = draw(st.permutations(pairs))
    query = urlencode(pairs)
    # Judge what the server sees: the first non-blank value of each key.
    seen = {k: v[0] for k, v in parse_qs(query).items()}
    for key in KNOWN_KEYS:
        value = seen.get(key, "").strip()
        if not value:
            continue
        if len(value) > 200:
            bad.add(key)
            continue
        if _judge(key, value):
            bad.add(key)
    good_start = "start" in seen and "start" not in bad
    good_end = "end" in seen and "end" not in bad
    reversed_window = good_start and good_end and resolve(seen["end"].strip()).hi < resolve(seen["start"].strip()).lo
    return "?" + query, bad, reversed_window


def _judge(key, value) -> bool:
    """Is this value bad? Independent of the app: from the pools above."""
    v = value.strip()
    if key in ("lanes", "colour", "dataset", "ego"):
        return v not in {"lanes": ("office", "person"), "colour": ("organisation", "faction"), "dataset": ("mini",),
                         "ego": ("1", "2")}[key]
    if key == "lp":
        return not (v.isascii() and v.isdigit() and 1 <= int(v) <= 10_000)
    if key in ("date", "start", "end"):
        return v not in GOOD_DATES
    if key in ("sel", "to"):
        return v not in PEOPLE
    if key in ("orgs", "kinds", "groups", "rels", "layers"):
        allowed = {"orgs": ORGS, "kinds": KINDS, "groups": GROUPS, "rels": RELS, "layers": LAYERS}[key]
        return any(i and i not in allowed for i in v.split(","))
    return False


MENTION = {"sel": "person", "dataset": "dataset"}


@settings(max_examples=45, **SETTINGS)
@given(q=queries(), pathname=st.sampled_from(["/", None, ""]))
@example(q=("?date=not-a-date&lanes=%3Cscript%3E", {"date", "lanes"}, False), pathname="/")
@example(q=("?start=1930&end=1920", set(), True), pathname="/")
def test_render_notices_every_bad_parameter(client, q, pathname):
    search, bad, reversed_window = q
    resp = client.post("/_dash-update-component", json=render_body(search, pathname))
    _safe(resp, "render", (search, pathname))
    assert resp.status_code == 200, (search, resp.status_code)
    notes = notices_of(resp)
    text = " ".join(notes)
    if not bad and not reversed_window:
        assert notes == [], f"notices for a good query {search!r}: {notes}"
        return
    assert notes, f"no notice for {search!r} (bad: {sorted(bad)})"
    for key in bad:
        assert key in text or MENTION.get(key, key) in text, f"no notice names '{key}' for {search!r}: {notes}"
    if reversed_window:
        assert "window" in text


@settings(max_examples=30, **SETTINGS)
@given(search=st.one_of(st.none(), st.text(max_size=300), st.sampled_from(HOSTILE).map(lambda s: "?" + s),
                        st.lists(st.sampled_from(HOSTILE), max_size=6).map(lambda xs: "?" + "&".join(xs))),
       pathname=st.one_of(st.none(), st.sampled_from(["/", "/scene/1", "/scene/2", "/scene/999", "//scene//1/"]),
                          st.text(max_size=40).map(lambda s: "/zz" + s), st.sampled_from(HOSTILE).map(lambda s: "/" + s)))
@example(search="?" + "&".join(f"{k}={'x' * 100_000}" for k in KNOWN_KEYS), pathname="/")
@example(search="?date=" + "1" * 1_000_000, pathname="/" + "a" * 1_000_000)
def test_render_any_url_answers_200(client, search, pathname):
    resp = client.post("/_dash-update-component", json=render_body(search, pathname))
    _safe(resp, "render", (search, pathname))
    assert resp.status_code == 200, (search, pathname, resp.status_code)
    notes = notices_of(resp)
    if pathname and pathname.startswith("/zz"):
        assert any("no such page" in n for n in notes), notes


# ---------------------------------------------------------------------------------------------------------------
# (c) malformed callback requests, for every server callback

SAMPLE = {  # plausible values, as the browser would send them
    "url.search": "?date=1927-11-15", "url.pathname": "/",
    "lanes.value": "person", "colour.value": "faction", "orgs.value": ["Party"], "kinds.value": ["party"],
    "cursor.value": 21000, "timeline.relayoutData": {"xaxis.range[0]": "1920-01-01", "xaxis.range[1]": "1930-01-01"},
    "view-meta.data": {"dataset": "", "date": "", "query": ""},
    "groups.value": ["left-opposition"], "rels.value": ["alliance"], "relayout.n_clicks": 1,
    "search-box.value": "trot", "search-box.n_submit": 1,
    "timeline.clickData": {"points": [{"customdata": ["stalin-gen-sec", "stalin", "tenure"]}]},
    "network.tapNodeData": {"id": "stalin"}, "network.tapEdgeData": {"relation_id": "stalin-zinoviev-alliance"},
    "hit.n_clicks": 1, "lane-page.value": 2,
}


def _deps(client) -> list[dict]:
    return [d for d in client.get("/_dash-dependencies").get_json() if not d.get("clientside_function")]


def _item(dep_item: dict) -> dict | list:
    """One input/state entry of a request, with a plausible value."""
    id_, prop = dep_item["id"], dep_item["property"]
    if id_.startswith("{"):  # pattern matching (ALL): a list of concrete matches
        pattern = json.loads(id_)
        concrete = {k: ("trotsky" if v == ["ALL"] else v) for k, v in pattern.items()}
        return [{"id": concrete, "property": prop, "value": SAMPLE.get(f"{pattern.get('type')}.{prop}")}]
    return {"id": id_, "property": prop, "value": SAMPLE.get(f"{id_}.{prop}")}


def _plain(output: str) -> str:
    """An output key without the suffix Dash adds to duplicate outputs, so tests can name callbacks."""
    return re.sub(r"@[0-9a-f]+", "", output)


def valid_body(dep: dict) -> dict:
    out = dep["output"]
    if out.startswith(".."):
        outputs = [dict(zip(("id", "property"), o.split("@")[0].rsplit(".", 1), strict=False)) for o in out.strip(".").split("...")]
    else:
        outputs = dict(zip(("id", "property"), out.split("@")[0].rsplit(".", 1), strict=False))
    inputs = [_item(i) for i in dep["inputs"]]
    first = inputs[0][0] if isinstance(inputs[0], list) else inputs[0]
    changed = first["id"] if isinstance(first["id"], str) else json.dumps(first["id"], separators=(",", ":"))
    return {"output": out, "outputs": outputs, "inputs": inputs, "state": [_item(s) for s in dep["state"]],
            "changedPropIds": [f"{changed}.{first['property']}"]}


TIMELINE = "..timeline.figure...timeline-legend.children...lane-page.options...lane-page.value...lane-pager.hidden.."
DETAIL = "..detail-body.children...selection.data...detail.className...search-hits.children.."
NAMES = {TIMELINE: "timeline rebuild", "net-filter.data": "network filter",
         "search-hits.children": "search", DETAIL: "detail",
         "content.children": "page render", "network.layout": "layout"}


def test_every_named_callback_is_registered_and_answers(client):
    deps = {_plain(d["output"]): d for d in _deps(client)}
    for output in (TIMELINE, "net-filter.data", "search-hits.children", "content.children"):
        assert output in deps
    assert any("detail-body.children" in o for o in deps)
    for output, dep in deps.items():
        resp = client.post("/_dash-update-component", json=valid_body(dep))
        assert resp.status_code in (200, 204), (output, resp.status_code, resp.get_data(as_text=True)[:300])


json_leaf = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
                      st.sampled_from(HOSTILE), st.integers(min_value=-(2 ** 70), max_value=2 ** 70))
json_value = st.recursive(json_leaf, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                            st.dictionaries(st.text(max_size=10), inner, max_size=4)),
                          max_leaves=12)


@st.composite
def mutations(draw, body: dict):
    """A malformed variant of a valid request body, and what was done to it."""
    body = json.loads(json.dumps(body))
    slots = [("inputs", i) for i in range(len(body["inputs"]))] + [("state", i) for i in range(len(body["state"]))]
    kind = draw(st.sampled_from(["value", "value", "value", "id", "property", "output", "outputs", "drop-key",
                                 "drop-item-key", "top-type", "changed", "extra-item", "fewer-items", "all-values"]))
    if kind in ("value", "id", "property", "drop-item-key") and slots:
        where, i = draw(st.sampled_from(slots))
        item = body[where][i]
        targets = item if isinstance(item, list) else [item]
        if not targets:
            return body, kind
        target = targets[0]
        if kind == "value":
            target["value"] = draw(json_value)
        elif kind == "id":
            target["id"] = draw(st.one_of(json_value, st.sampled_from(["content", "nope", "url", "timeline"])))
        elif kind == "property":
            target["property"] = draw(st.one_of(json_value, st.sampled_from(["children", "value", "__proto__"])))
        else:
            target.pop(draw(st.sampled_from(sorted(target))))
    elif kind == "all-values":
        for where, i in slots:
            item = body[where][i]
            for target in (item if isinstance(item, list) else [item]):
                target["value"] = draw(json_value)
    elif kind == "output":
        body["output"] = draw(st.one_of(json_value, st.sampled_from(
            ["nope.children", "content.children", "..a.b...c.d..", "", ".", "....", "timeline.figure@x",
             "..detail-body.children..", "net-filter.data"])))
    elif kind == "outputs":
        body["outputs"] = draw(st.one_of(json_value, st.just([]), st.just({"id": "nope", "property": "x"})))
    elif kind == "drop-key":
        body.pop(draw(st.sampled_from(sorted(body))))
    elif kind == "top-type":
        body[draw(st.sampled_from(sorted(body)))] = draw(json_value)
    elif kind == "changed":
        body["changedPropIds"] = draw(st.one_of(json_value, st.lists(st.text(max_size=20), max_size=3),
                                                st.just(["nope.value"]), st.just(["search-box.n_submit"])))
    elif kind == "extra-item":
        body[draw(st.sampled_from(["inputs", "state"]))].append(draw(json_value))
    elif kind == "fewer-items" and body["inputs"]:
        body["inputs"].pop(draw(st.integers(0, len(body["inputs"]) - 1)))
    return body, kind


def _post(client, body, family):
    resp = client.post("/_dash-update-component", json=body)
    _safe(resp, family, body)
    if resp.status_code == 200:
        resp.get_json()  # a safe response is valid JSON
    return resp


def _name(output: str) -> str:
    return NAMES.get(output) or NAMES.get(output.split("@")[0], output.split("@")[0]) + " (duplicate output)"


@pytest.mark.parametrize("output", [*NAMES, "others"])
def test_malformed_callback_requests(client, output):
    deps = {_plain(d["output"]): d for d in _deps(client)}
    if output == "others":  # callbacks added since this list was written
        bodies = [(o, valid_body(d)) for o, d in deps.items() if o not in NAMES]
        if not bodies:
            pytest.skip("no other server callbacks")
        cases = st.sampled_from(bodies).flatmap(lambda ob: mutations(ob[1]).map(lambda m: (*m, ob[0])))
        examples = 60 * len(bodies)
    elif output in deps:
        cases = mutations(valid_body(deps[output])).map(lambda m: (*m, output))
        examples = {"content.children": 40, TIMELINE: 100}.get(output, 150)
    else:
        pytest.skip(f"no server callback for {output}")

    @settings(max_examples=examples, **SETTINGS)
    @given(case=cases)
    def run(case):
        body, kind, target = case
        _post(client, body, f"callback {_name(target)}: {kind}")

    run()


NON_JSON = [b"", b"not json", b"{", b"[1,2", b"\x00\xff\xfe", b"null", b"1", b'"text"', b"[]", b"{}", b"\xef\xbb\xbf{}",
            b'{"output": "content.children"}', b'{"output": null}', b'{"output": 1, "inputs": 2}', b"NaN",
            b'{"a":' * 10_000]


@settings(max_examples=120, **SETTINGS)
@given(data=st.one_of(st.sampled_from(NON_JSON), st.binary(max_size=200), st.text(max_size=200).map(str.encode)),
       ctype=st.sampled_from(["application/json", "text/plain", "application/x-www-form-urlencoded", None,
                              "application/json; charset=latin-1", "multipart/form-data; boundary=x"]))
def test_non_json_bodies(client, data, ctype):
    headers = {"Content-Type": ctype} if ctype else {}
    resp = client.post("/_dash-update-component", data=data, headers=headers)
    _safe(resp, "non-json body", (data[:80], ctype))


MB = 1_000_000


@pytest.mark.parametrize("output", list(NAMES))
def test_huge_bodies(client, output):
    dep = {_plain(d["output"]): d for d in _deps(client)}.get(output)
    if dep is None:
        pytest.skip(f"no server callback for {output}")
    base = valid_body(dep)
    variants = []
    slots = [(w, i) for w in ("inputs", "state") for i in range(len(base[w]))]
    bigs = ("x" * MB, ["x"] * (MB // 4), {"k" * 10: "v" * MB}, list(range(MB // 8)))
    for n, big in enumerate(bigs):  # each shape once, in turn on each input and state
        for where, i in slots[n % len(slots)::len(bigs)] or slots[:1]:
            b = json.loads(json.dumps(base))
            target = b[where][i][0] if isinstance(b[where][i], list) and b[where][i] else b[where][i]
            if isinstance(target, dict):
                target["value"] = big
                variants.append(b)
    b = json.loads(json.dumps(base))
    b["padding"] = "p" * MB
    variants.append(b)
    b = json.loads(json.dumps(base))
    b["changedPropIds"] = ["x.y"] * (MB // 4)
    variants.append(b)
    for b in variants:
        _post(client, b, f"huge body {_name(output)}")
    # Deep nesting (json parsers have recursion limits), sent as text.
    deep_state = json.dumps({**base, "state": "DEEP"}).replace('"DEEP"', '{"a":' * 5000 + "{}" + "}" * 5000)
    _safe(client.post("/_dash-update-component", data=deep_state, headers={"Content-Type": "application/json"}),
          f"huge body {_name(output)}", "state nested 5000 deep")
    deep = ('{"output": "' + output + '", "inputs": ' + "[" * 100_000 + "]" * 100_000 + "}").encode()
    _safe(client.post("/_dash-update-component", data=deep, headers={"Content-Type": "application/json"}),
          f"huge body {_name(output)}", "100000 nested lists")


# ---------------------------------------------------------------------------------------------------------------
# Requests that once gave 500s: each asserts the correct behaviour (a 4xx, or a 200 that ignores the bad value).

def _with(output: str, **values):
    """The valid request for `output`, with some input/state values replaced ("id.property": value)."""
    def build(client):
        dep = {_plain(d["output"]): d for d in _deps(client)}[output]
        body = valid_body(dep)
        for item in body["inputs"] + body["state"]:
            for target in item if isinstance(item, list) else [item]:
                key = f"{target['id']}.{target['property']}"
                if key in values:
                    target["value"] = values[key]
        return body
    return build


CALLBACK_500S = {
    # Callback code that trusts the browser's types (fix in dashboard/web/views.py, page.py, views/*.py).
    "timeline: cursor not a number": (_with(TIMELINE, **{"cursor.value": "abc"}), "views.py: int(cursor)"),
    "timeline: cursor a list": (_with(TIMELINE, **{"cursor.value": [1]}), "views.py: int(cursor)"),
    "timeline: orgs a number": (_with(TIMELINE, **{"orgs.value": 5}), "timeline.py: isin(5)"),
    "network: rels a number": (_with("net-filter.data", **{"rels.value": 5}), "network.py: isin(5)"),
    "search: query a number": (_with("search-hits.children", **{"search-box.value": 5}), "search.py: query.strip"),
    "search: view-meta a number": (_with("search-hits.children", **{"view-meta.data": 5}), "views.py: meta.get"),
    "detail: view-meta a list": (_with(DETAIL, **{"view-meta.data": [1]}),
                                 "views.py: meta.get"),
    "render: search a list": (_with("content.children", **{"url.search": ["?date=1927"]}), "page.py: search.lstrip"),
    "render: pathname a dict": (_with("content.children", **{"url.pathname": {"a": 1}}), "lecture.py: pathname.split"),
}


@pytest.mark.parametrize("name", list(CALLBACK_500S))
def test_known_callback_500s(client, name):
    build, _where = CALLBACK_500S[name]
    resp = client.post("/_dash-update-component", json=build(client))
    assert resp.status_code < 500, f"{name}: {resp.status_code}"


PROTOCOL_500S = {
    # Malformed requests that Dash itself does not validate (fix in dashboard/web/factory.py).
    "body is null": ("POST", b"null"),
    "no output key": ("POST", json.dumps({"inputs": [], "state": []}).encode()),
    "unknown output": ("POST", json.dumps({"output": "nope.children", "outputs": {"id": "nope", "property": "children"},
                                           "inputs": [], "state": [], "changedPropIds": []}).encode()),
    "changedPropIds null": ("POST", json.dumps({"output": "network.layout", "outputs": {"id": "network", "property": "layout"},
                                                "inputs": [{"id": "relayout", "property": "n_clicks", "value": 1}],
                                                "state": [], "changedPropIds": None}).encode()),
    "input without id": ("POST", json.dumps({"output": "network.layout", "outputs": {"id": "network", "property": "layout"},
                                             "inputs": [{"property": "n_clicks", "value": 1}], "state": [],
                                             "changedPropIds": []}).encode()),
    "nested 5000 deep": ("POST", ('{"output": "network.layout", "inputs": ' + "[" * 5000 + "]" * 5000 + "}").encode()),
    "unregistered component suite": ("GET", "/_dash-component-suites/os/path.js"),
    "bad path in a registered suite": ("GET", "/_dash-component-suites/dash/nope.js"),
}


@pytest.mark.parametrize("name", list(PROTOCOL_500S))
def test_known_protocol_500s(client, name):
    method, what = PROTOCOL_500S[name]
    if method == "GET":
        resp = client.get(what)
    else:
        resp = client.post("/_dash-update-component", data=what, headers={"Content-Type": "application/json"})
    assert resp.status_code < 500, f"{name}: {resp.status_code}"
