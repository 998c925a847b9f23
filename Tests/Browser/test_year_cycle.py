"""A whole programme year in the browser (issue 16), on a server of its own whose clock moves:
on 15-09-2027 the director submits the 2027-2028 jaarplan before its deadline (01-10-2027), the
project leader returns it with a reason, it is resubmitted and approved; on 15-09-2028, after
the year, the director submits the verantwoording with one value "niet gemeten", the project
leader approves it, the report draft counts it and edition 1 is published; the project leader
reopens the approved verantwoording with a reason, the director corrects a value, it is approved
again: edition 1 is unchanged (and says newer figures exist), the draft has the new value.

The demo is seeded for 15-09-2027 (seed-demo with PLUSIKC_TODAY): IKC 1's jaarplan of that year
is a half-filled concept. Then the same database is served with the clock a year on. Amsterdam
West (calendar years, due 1 March) walks the same year from 13-02-2025 to 13-02-2026: its demo
leaves IKC 1's jaarplan 2025 a half-filled concept."""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By

import support



class MovingServer(support.Server):
    """The browser suite's server, seeded and started on a given day, and restarted on the same
    database and port with the clock on another day."""

    def start_on(self, day: str) -> None:
        previous = os.environ.get("PLUSIKC_TODAY")
        os.environ["PLUSIKC_TODAY"] = day
        try:
            self.start()
        finally:
            if previous is None:
                del os.environ["PLUSIKC_TODAY"]
            else:
                os.environ["PLUSIKC_TODAY"] = previous

    def move_to(self, day: str) -> None:
        assert self.process is not None
        self.process.terminate()
        self.process.wait(timeout=10)
        port = self.base.rsplit(":", 1)[1]
        self.serve(port, dict(os.environ, PLUSIKC_TODAY=day))


@pytest.fixture(scope="module")
def moving_server(programme):
    srv = MovingServer(programme)
    srv.log_path = support.ARTIFACTS / f"server-year-cycle-{programme.code}.log"
    srv.start_on(programme.year_cycle[0])
    yield srv
    srv.stop()


@pytest.fixture
def person(request, moving_server, captured):
    """`person(name, viewport)`: a journey on the moving server (screenshots on failure)."""
    made = []

    def start(name: str, viewport: str = "desktop") -> support.Journey:
        j = support.Journey(f"{request.node.name} {name}", support.make_driver(viewport), moving_server, captured, viewport)
        made.append(j)
        return j

    yield start
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for j in made:
        if failed or j.failed:
            print(f"\nscreenshots of each step: {j.write_failure_artifacts()}")
        j.driver.quit()


def open_plan(j) -> None:
    """Start page → Jaarplannen → this year's row of IKC 1 → Bekijken."""
    p = j.server.programme
    OWN_IKC, YEAR = p.own_ikc, p.year(p.year_cycle[2])
    j.click_link("Jaarplannen", within="nav.site-nav")
    j.expect_h1("Jaarplannen")
    if not j.driver.find_elements(By.XPATH, f"//main//tr[contains(., '{OWN_IKC}') and contains(., '{YEAR}')]"):
        j.click_link(YEAR, within="main")
    j.click_link("Bekijken", within=j.row(OWN_IKC, YEAR))
    j.expect_h1(f"Jaarplan {YEAR}")


def test_year_cycle_with_reopen_and_correction(person, moving_server, programme):
    p = programme
    start, later, year, due = p.year_cycle
    OWN_IKC, YEAR = p.own_ikc, p.year(year)
    director = person("directeur", "tablet")
    leader = person("projectleider", "desktop")

    # ---------------------------------------------------------------- KvK2 15-09-2027: the jaarplan
    with director.step("before the deadline the start page says when the jaarplan is due"):
        director.log_in("directeur")
        director.expect_text(f"Jaarplan {YEAR} van {OWN_IKC} moet over 16 dagen zijn ingediend ({due}-{year}).")

    with director.step("complete the half-filled jaarplan and submit it before the deadline"):
        open_plan(director)
        director.expect_text("Concept")
        director.fill({
            "activities_4": "Twee gezamenlijke studiedagen voor leerkrachten en pedagogisch medewerkers.",
            "activities_5": "Spreekuur van de pedagoog bij het brengen en halen.",
            "activities_6": "Kanjertraining in alle groepen.",
        })
        director.submit("Jaarplan opslaan en indienen")
        director.expect_text("Het jaarplan is ingediend bij de projectleider.")
        director.expect_no_text("Te laat")

    reason = "Graag bij de studiedagen noemen wie ze geeft."
    with leader.step("the project leader returns it with a reason"):
        leader.log_in("projectleider")
        leader.expect_text(f"{OWN_IKC}: jaarplan {YEAR} ingediend")
        open_plan(leader)
        leader.fill({"reason": reason})
        leader.submit("Terugsturen")
        leader.expect_text("Het jaarplan is teruggestuurd naar de directeur.")

    with director.step("the director reads the reason, changes the plan and resubmits"):
        open_plan(director)
        director.expect_text(reason)
        director.fill({"activities_4": "Twee studiedagen, gegeven door de pedagoog van de GGD."})
        director.submit("Jaarplan opslaan en indienen")
        director.expect_text("Het jaarplan is ingediend bij de projectleider.")

    with leader.step("the project leader sees the change and approves"):
        open_plan(leader)
        leader.expect_text("Gewijzigd sinds het terugsturen")
        leader.submit("Goedkeuren")
        leader.expect_text("Het jaarplan is goedgekeurd.")

    # ---------------------------------------------------------------- a year on: the verantwoording
    moving_server.move_to(later)

    with director.step("after the year: the verantwoording with one value not measured"):
        director.open("/")  # still signed in: sessions outlive the restart
        director.expect_text(f"Verantwoording {YEAR} van {OWN_IKC} moet over 16 dagen zijn ingediend ({due}-{int(later[:4])}).")
        open_plan(director)
        director.fill({
            "value_1": "71,5", "value_3": "86,5", "source_3": "Eindtoets (IEP), juni 2028",
            "value_4": "6", "value_5": "41", "value_6": "7,9",
            "reason_2": "De taaltoets is dit jaar niet afgenomen.",
            **dict(zip(p.spent, ("50.000", "25.200", "18.900", "6.300"))),
            "act_changes": "Ouders eerder betrekken bij de overgang van opvang naar groep 1.",
        })
        director.submit("Verantwoording opslaan en indienen")
        director.expect_text("De verantwoording is ingediend bij de projectleider.")

    with leader.step("the project leader approves the verantwoording"):
        leader.open("/")
        leader.expect_text(f"{OWN_IKC}: verantwoording {YEAR} ingediend")
        open_plan(leader)
        leader.submit("Goedkeuren")
        leader.expect_text("De verantwoording is goedgekeurd.")

    with leader.step("the report draft counts it, the value not measured as such; edition 1 is published"):
        leader.click_link("Rapportages", within="nav.site-nav")
        leader.click_link(f"Concept jaarrapportage {YEAR}", within="main")
        draft = urlsplit(leader.driver.current_url).path
        # The draft gives each IKC's results a page of its own (issue 18).
        leader.click_link(OWN_IKC, within="main")
        assert "86,5%" in leader.row(p.result_3).text
        assert "niet gemeten" in leader.row(p.result_2).text
        leader.open(draft)
        leader.submit(f"Jaarrapportage {YEAR} publiceren")
        leader.expect_text("Editie 1")
        assert "86,5%" in leader.row(OWN_IKC, p.result_3).text
        edition = urlsplit(leader.driver.current_url).path

    with leader.step("the project leader reopens the approved verantwoording with a reason"):
        open_plan(leader)
        leader.driver.find_element(By.XPATH, "//main//summary[normalize-space()='Verantwoording heropenen']").click()
        leader.fill({"account_reopen_reason": "De score voor 1F lezen is na de herkansing hoger."})
        leader.submit("Verantwoording heropenen")
        leader.expect_text("De verantwoording is heropend en gaat terug naar de directeur.")

    with director.step("the director corrects the value and submits again"):
        director.open("/")
        open_plan(director)
        director.expect_text("De score voor 1F lezen is na de herkansing hoger.")
        director.fill({"value_3": "88,5"})
        director.submit("Verantwoording opslaan en indienen")
        director.expect_text("De verantwoording is ingediend bij de projectleider.")

    with leader.step("the project leader approves it again"):
        open_plan(leader)
        leader.expect_text("Gewijzigd sinds het terugsturen")
        leader.submit("Goedkeuren")
        leader.expect_text("De verantwoording is goedgekeurd.")

    with leader.step("edition 1 is unchanged and says newer figures exist; the draft has the corrected value"):
        leader.open(edition)
        assert "86,5%" in leader.row(OWN_IKC, p.result_3).text
        leader.expect_text("Er zijn nieuwere cijfers dan in deze editie")
        leader.click_link("bekijk het concept met de nieuwste cijfers", within="main")
        leader.click_link(OWN_IKC, within="main")
        assert "88,5%" in leader.row(p.result_3).text
