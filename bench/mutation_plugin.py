"""pytest plugin for bench/mutation only: mutmut forks every mutant's test run from one process that has already
run the tests, so two caches would answer for the mutated code with what the original code computed.

- `functools.lru_cache`s in dashboard (core/dates.py's `parse`, ...): cleared when a session starts.
- The processed builds (DIR/processed): `is_fresh` compares a digest of core's source, which is the same file for
  every mutant. The digest here also names a core mutant under test, so its tests rebuild with it (a views
  mutant cannot change a build: its tests reuse the build).

And one narrowing, only when bench/mutation is given `MODULE=TESTS` (it sets MUTATION_TESTS to the test paths):
every run but the stats run (each mutant's, the clean run, the forced-fail run) runs exactly the tests under
those paths, in file order, instead of the tests mutmut chose. mutmut would run only the tests that called the
mutated function in its one stats run, and in that run a module-scoped dataset fixture and `ds.cache` make only
the first test of a file that loads (or builds) a dataset count as calling what the load runs; against the named
files every mutant meets every test in them. The stats run, which maps every test to the functions it calls, is
never narrowed, so the map stays whole for the next module; a mutant of a function that no test called there is
still "no tests" (mutmut does not start it).
"""
from __future__ import annotations

import os
import sys


def _mutant() -> str:
    name = os.environ.get("MUTANT_UNDER_TEST", "")
    return name if name.startswith("dashboard.core.") else ""


def _kept() -> list[str]:
    if os.environ.get("MUTANT_UNDER_TEST", "") in ("stats", "list_all_tests", "mutant_generation"):
        return []
    return os.environ.get("MUTATION_TESTS", "").split()


def pytest_load_initial_conftests(early_config, parser, args):
    kept = _kept()
    if kept:  # mutmut passes its tests as node ids (or tests/core tests/views): swap them for the kept paths
        args[:] = [a for a in args if not a.startswith("tests/")] + kept


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
