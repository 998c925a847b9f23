"""Fixtures: the journeys run once per programme (issue 22: KvK2's demo and Amsterdam West's),
each programme on one server over its seeded temp database for all its journeys, a fresh
headless Chromium per journey, and the list of captured pages that the validator test checks
after that programme's journeys."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import support  # noqa: E402

# BROWSER_PROGRAMME=<code> runs the journeys of that programme only: run.sh starts one pytest
# per programme, at once, each with its own server.
ONLY = os.environ.get("BROWSER_PROGRAMME", "")
if ONLY and ONLY not in support.PROGRAMMES:
    raise pytest.UsageError(f"BROWSER_PROGRAMME={ONLY}: not one of {', '.join(support.PROGRAMMES)}")
PROGRAMMES = [ONLY] if ONLY else list(support.PROGRAMMES)


@pytest.fixture(scope="session", params=PROGRAMMES)
def programme(request) -> support.Programme:
    """The programme the journey runs under; its ids read [kvk2] and [amsterdam-west]."""
    return support.PROGRAMMES[request.param]


@pytest.fixture(scope="session")
def server(programme):
    srv = support.Server(programme)
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def captured(programme):
    return support.Capture(programme.code)


@pytest.fixture
def journey(request, server, captured):
    """`journey("name", viewport="desktop")` opens a browser; screenshots of every step are
    written to the artifacts folder when the test fails."""
    made = []

    def start(name: str, viewport: str = "desktop") -> support.Journey:
        driver = support.make_driver(viewport)
        j = support.Journey(f"{request.node.name} {name}", driver, server, captured, viewport)
        made.append(j)
        return j

    yield start
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for j in made:
        if failed or j.failed:
            folder = j.write_failure_artifacts()
            print(f"\nscreenshots of each step: {folder}")
        j.driver.quit()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, "rep_" + report.when, report)


def programme_of(item) -> int:
    callspec = getattr(item, "callspec", None)
    code = callspec.params.get("programme") if callspec else None
    return PROGRAMMES.index(code) if code in PROGRAMMES else -1


COLLECTED: dict[str, int] = {}


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    if ONLY and ONLY != next(iter(support.PROGRAMMES)):
        # The tests that do not depend on the programme (site.css, focus) run in the first
        # programme's pytest only.
        shared = [item for item in items if programme_of(item) < 0]
        if shared:
            config.hook.pytest_deselected(items=shared)
            items[:] = [item for item in items if programme_of(item) >= 0]
    # The order as collected (files, then tests as written), before pytest groups by fixture.
    for index, item in enumerate(items):
        COLLECTED[item.nodeid] = index
    yield_order(items)


@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    yield_order(session.items)


def yield_order(items) -> None:
    # One programme after the other (so each server starts once and stops before the next),
    # the tests as written within it (the cycle's journeys build on each other), and the
    # validator last within each programme, over every page its journeys captured.
    items.sort(key=lambda item: (programme_of(item), item.fspath.basename == "test_zz_html_validity.py",
                                 COLLECTED.get(item.nodeid, 0)))
