"""Staffing capacity (issue 19) as the project leader meets it: the home page flags that the
agreements promise more hours of a role than the programme's pool has (the demo's deliberate
over-promise: KvK2 a jeugdondersteuner 0-12 in 2026-2027, Amsterdam West an ouderconsulent
from 2025), the flag leads to the staffing page with its chart and table, and the pool form
refuses negative hours. Nothing is saved."""

from selenium.webdriver.common.by import By


def test_project_leader_follows_the_over_capacity_flag_to_the_staffing_page(journey, programme):
    p = programme
    role, FLAG, short, enough = p.over_capacity
    j = journey("projectleider")

    with j.step("the home page flags the over-capacity"):
        j.log_in("projectleider")
        j.open("/")
        j.expect_text("Meer uren toegezegd dan beschikbaar")
        j.expect_text(FLAG, css="#over-capacity")

    with j.step("the flag leads to the staffing page"):
        j.click_link(FLAG, within="#over-capacity")
        j.expect_path("/funding/personeel")
        j.expect_h1("Personeel")
        j.expect_text(FLAG, css=".staffing-over")
        assert j.driver.find_elements(By.CSS_SELECTOR, "figure.chart svg[role=img]"), "no capacity chart"
        row = j.row(role, p.year(short))
        assert FLAG.rsplit(", ", 1)[1] in row.text, row.text
        row = j.row(role, p.year(enough))
        assert "tekort" not in row.text, row.text

    with j.step("negative hours in the pool form are refused"):
        j.click_link(f"Pool {role} wijzigen", within="main")
        j.expect_h1(f"Pool {role}")
        j.fill({f"hours_{short}": "-22"})
        j.submit("Opslaan", status=422)
        j.expect_error_for(f"hours_{short}")
        j.expect_text(f"De uren per week bij {p.year(short)} kunnen niet negatief zijn.")
        j.click_link("Annuleren", within="main")
        j.expect_path("/funding/personeel")


def test_project_leader_reads_budget_status_earmark_and_settings(journey, programme):
    p = programme
    source, undecided, decided = p.undecided
    j = journey("projectleider")

    with j.step("the overview says which budgets are not decided and that VVE is part of OAB"):
        j.log_in("projectleider")
        j.open("/funding")
        j.expect_text("Budget nog niet vastgesteld")
        j.expect_text("toegezegd onder voorbehoud", css=".funding-undecided")
        j.expect_text(f"onderdeel van {p.earmark_parent}")

    with j.step("the source page marks its years onder voorbehoud; the form has a status per year"):
        j.click_link(source, within="table")
        j.expect_text("budget onder voorbehoud")
        j.click_link("Bron en budget wijzigen", within="main")
        assert j.driver.find_element(By.ID, f"status_{undecided}").get_attribute("value") == "onder_voorbehoud"
        assert j.driver.find_element(By.ID, f"status_{decided}").get_attribute("value") == "vastgesteld"

    with j.step("a split that does not add up to 12 is refused"):
        j.open("/funding/instellingen")
        j.fill({"split_first": "6"})
        j.submit("Opslaan", status=422)
        j.expect_error_for("split_first")
        j.expect_text("De verdeling moet samen 12 maanden zijn; 6 en 7 is samen 13.")

    with j.step("the programme settings: a staffing role's default hours must be a number; nothing is saved"):
        j.open("/programma")
        j.expect_h1("Programma-instellingen")
        field = "formatie-hours-0"
        j.fill({field: "veel"})
        j.submit("Formatierollen opslaan", status=422)
        j.expect_error_for(field)
        assert j.driver.find_element(By.ID, field).get_attribute("value") == "veel", "what was typed is lost"
