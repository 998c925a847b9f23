"""Fixtures: one server over a seeded temp database for the whole run, a fresh headless
Chromium per journey, and the list of captured pages that the validator test checks last."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import support  # noqa: E402


@pytest.fixture(scope="session")
def server():
    srv = support.Server()
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def captured():
    return support.Capture()


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


def pytest_collection_modifyitems(items):
    # The validator runs last, over every page the journeys captured.
    items.sort(key=lambda item: item.fspath.basename == "test_zz_html_validity.py")
