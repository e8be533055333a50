"""pytest plugin for bench/mutation only: mutmut forks every mutant's test run from one process that has already
run the tests, so two caches would answer for the mutated code with what the original code computed.

- `functools.lru_cache`s in dashboard (core/dates.py's `parse`, ...): cleared when a session starts.
- The processed builds (DIR/processed): `is_fresh` compares a digest of core's source, which is the same file for
  every mutant. The digest here also names a core mutant under test, so its tests rebuild with it (a views
  mutant cannot change a build: its tests reuse the build).
"""
from __future__ import annotations

import os
import sys


def _mutant() -> str:
    name = os.environ.get("MUTANT_UNDER_TEST", "")
    return name if name.startswith("dashboard.core.") else ""


def pytest_sessionstart(session):
    for name, module in list(sys.modules.items()):
        if name.startswith("dashboard."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
    from dashboard.core import build

    if not getattr(build.raw_digest, "names_the_mutant", False):
        original = build.raw_digest

        def raw_digest(path):
            return f"{original(path)}:{_mutant()}"

        raw_digest.names_the_mutant = True
        build.raw_digest = raw_digest
