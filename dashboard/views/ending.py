"""Words for how a row's validity ends (core/validity.py's `end_rule`), for the
detail panel, the hover text, the table view and the API."""
from __future__ import annotations

from ..core import days
from ..core.validity import KEYS


def span(row) -> str:
    """The dates as the sources give them: `3 Apr 1922 – 16 Oct 1952`, `1917 – ?`, `7 Nov 1917 – open`."""
    start = row.start_label if row.start_precision not in ("unknown", "open") else "?"
    end = {"open": "open", "unknown": "?"}.get(row.end_precision, row.end_label)
    return f"{start} – {end}"


class Endings:
    """Sentences for end rules; looks rows up once per dataset."""

    def __init__(self, ds):
        self.ds = ds
        self.names = ds["people"].set_index("person_id")["name"].to_dict()
        self.rows = {t: ds[t].set_index(key) for t, key in KEYS.items() if t != "people"}
        self.sources = ds["sources"].set_index("source_id")["title"].to_dict()

    def _source(self, row) -> str:
        return f"{self.sources.get(row['source_id'], row['source_id'])}, lines {row['locator']}"

    def sentence(self, table: str, row) -> str:
        """How the row ends, in words, or "" when the source's own end says it."""
        rule, by = row["end_rule"], row["end_by"]
        if table == "people":
            if rule != "last attested":
                return ""
            return (f"No death recorded: last in the record {days.label(int(row['v_end']))}; "
                    f"shown as uncertain until {days.label(int(row['v_hi']))}.")
        if rule == "source":
            return ""
        if rule == "open":
            return "Goes on past the end of the record."
        if rule == "death":
            person = self.ds["people"].set_index("person_id").loc[by]
            return f"Ended by the death of {self.names.get(by, by)} ({person['died_label']})."
        if rule == "successor":
            nxt = self.rows["tenures"].loc[by]
            return (f"No end recorded: ended when {self.names.get(nxt['person_id'], nxt['person_id'])} took the office "
                    f"({nxt['start_label']}; {self._source(nxt)}).")
        if rule == "superseded":
            other = self.rows["relations"].loc[by]
            return f"No end recorded: superseded by the {other['kind']} from {other['start_label']} ({self._source(other)})."
        if rule == "group":
            group = self.rows["groups"].loc[by]
            return f"Ended with {group['name']} ({group['end_label'] or days.label(int(row['v_end']))})."
        if rule == "members":
            return f"No end recorded: lasts while it has members (to {days.label(int(row['v_hi']))})."
        if rule == "last attested":
            return (f"No end recorded: last attested {days.label(int(row['v_end']))}; "
                    f"uncertain until {days.label(int(row['v_hi']))}, then not shown.")
        if rule == "undated":
            return "No dates recorded: shown as uncertain while its people are in the record."
        return ""


def endings(ds) -> Endings:
    """One `Endings` per loaded dataset (kept on the dataset, which is rebuilt with the data)."""
    if "endings" not in ds.cache:
        ds.cache["endings"] = Endings(ds)
    return ds.cache["endings"]
