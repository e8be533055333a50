"""A broken dataset never crashes the app: it shows the problems, or the last good build with a notice."""
from dashboard.core.build import build
from dashboard.web import datasets, page


def _text(component) -> str:
    if isinstance(component, (list, tuple)):
        return " ".join(_text(c) for c in component)
    if isinstance(component, str):
        return component
    return _text(getattr(component, "children", None)) if component is not None else ""


def test_broken_dataset_shows_its_problems(mini):
    (mini / "people.csv").write_text("person_id,name\n", encoding="utf-8")
    datasets.configure(mini, None)
    entry = datasets.registry().get()
    assert not entry.ok
    text = _text(page.render({}))
    assert "This dataset cannot be shown yet" in text and "people.csv:1:3: missing columns" in text


def test_broken_dataset_keeps_last_good_build_and_says_so(mini):
    build(mini)
    (mini / "people.csv").write_text("person_id,name\n", encoding="utf-8")
    datasets.configure(mini, None)
    entry = datasets.registry().get()
    assert entry.ok and entry.stale
    assert "showing the last good build" in _text(page.render({}))


def test_fixed_dataset_is_read_again(mini):
    original = (mini / "people.csv").read_bytes()
    (mini / "people.csv").write_text("person_id,name\n", encoding="utf-8")
    datasets.configure(mini, None)
    assert not datasets.registry().get().ok
    (mini / "people.csv").write_bytes(original)
    assert datasets.registry().get().ok  # "fix them and reload" works without a restart
