"""docs/performance.md shows real scripts and options, and the table bench/run prints."""
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "performance.md"


def test_scripts_shown_exist():
    text = DOC.read_text(encoding="utf-8")
    scripts = set(re.findall(r"bench/[a-z_]+(?:\.py)?", text))
    assert {"bench/run", "bench/paint.py", "bench/synth.py", "bench/baseline_app.py"} <= scripts
    for script in scripts:
        assert (ROOT / script).is_file(), script


def test_options_shown_are_bench_runs_own():
    text = DOC.read_text(encoding="utf-8")
    usage = subprocess.run([sys.executable, str(ROOT / "bench" / "run"), "--help"], capture_output=True, text=True,
                           check=True).stdout
    for option in set(re.findall(r"--[a-z]+", text.split("## Results")[0])):
        assert option in usage, option


def test_results_table_has_every_row_bench_run_prints():
    text = DOC.read_text(encoding="utf-8")
    source = (ROOT / "bench" / "run").read_text(encoding="utf-8")
    labels = re.findall(r'row\("([^"]+)"', source)
    assert len(labels) >= 15
    for label in labels:
        assert f"| {label} |" in text, label
