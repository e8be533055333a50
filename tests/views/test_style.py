"""The network's colours against the panel they are drawn on (WCAG 2.1, 1.4.11: graphics need 3:1)."""
import importlib.util

import pytest

from conftest import ROOT
from dashboard.views import network, style


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_contrast_ratio_matches_the_wcag_formula():
    assert style.contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert style.contrast("#FFFFFF") == pytest.approx(1.0)
    assert style.contrast("#767676") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("name,colour", sorted(style.network_colours().items()))
def test_every_network_colour_has_3_to_1_against_the_background(name, colour):
    assert style.contrast(colour) >= 3.0, f"{name} {colour}: {style.contrast(colour):.2f}:1"


def _colours(rules):
    for rule in rules:
        for key, value in rule["style"].items():
            if key.endswith("color") and key not in ("text-outline-color", "text-background-color"):
                yield rule["selector"], key, value


def test_the_stylesheet_draws_only_those_colours_at_full_opacity():
    """No rule draws a colour outside the checked set, and nothing is faded below full opacity (a faded
    colour loses its contrast); an uncertain node keeps its ring at full strength."""
    checked = set(style.network_colours().values()) | {style.BACKGROUND}
    styles = network.styles()
    rules = styles["base"] + styles["everyone"] + [{"selector": k, "style": styles[k]}
                                                   for k in ("focus", "focus_edge", "selected", "selected_edge")]
    for selector, key, value in _colours(rules):
        assert value.upper() in checked, (selector, key, value)
    for rule in rules:
        assert rule["style"].get("opacity", 1) == 1, rule
        assert rule["style"].get("line-opacity", 1) == 1, rule


def test_the_first_faction_colours_stay_apart_for_colour_blind_viewers():
    """Simulated deuteranopia, protanopia and tritanopia (scripts/palette.py): the first eight faction
    colours keep a CAM02-UCS distance of at least 10, enough to tell them apart at a glance."""
    palette = _script("palette")
    for vision, deficiency in palette.VISION.items():
        distance, a, b = palette.closest_pair(style.PALETTE[:8], deficiency)
        assert distance >= 10, (vision, a, b, distance)
