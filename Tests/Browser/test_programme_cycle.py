"""The programme's yearly cycle as the people walk it (issue 11): a project leader makes a new
Plus IKC's result agreement and has it signed; the director of IKC 1 fills and submits the year
plan, the project leader returns it and then approves it; the report draft shows the director's
figures and is published; the Ontwikkelgroep reads it and cannot change anything.

Only links and buttons a person would use (a bookmarked form and a crafted POST are the
exceptions, named as such). Every page is captured for the Nu HTML Checker and checked for
labels, alt texts, headings, the skip link, table captions and, at tablet width, sideways
scrolling (support.Journey._landed).

The tests run in file order and build on each other; `CYCLE` carries what a later one needs."""

from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By

# On its server's day each demo leaves IKC 1's jaarplan for this year in concept, half filled and
# past its deadline: KvK2 on 23-11-2026 that of 2026-2027 (DemoData+Plans.swift, 2022-2024 are
# complete and published), Amsterdam West on 23-11-2025 that of 2025 (2024 complete and published).
# What each programme calls things is in support.PROGRAMMES.
CYCLE: dict[tuple[str, str], str] = {}


def needs(programme, *keys: str) -> None:
    missing = [k for k in keys if (programme.code, k) not in CYCLE]
    if missing:
        pytest.skip(f"an earlier journey did not get as far as {missing}")


def open_own_plan(j) -> None:
    """Start page → Jaarplannen → this year's row (the director's own list, or a year's list)."""
    p = j.server.programme
    plan_year, own_ikc = p.year(p.plan_year), p.own_ikc
    j.click_link("Jaarplannen", within="nav.site-nav")
    j.expect_h1("Jaarplannen")
    if not j.driver.find_elements(By.XPATH, f"//main//tr[contains(., '{own_ikc}') and contains(., '{plan_year}')]"):
        j.click_link(plan_year, within="main")
    j.click_link("Bekijken", within=j.row(own_ikc, plan_year))
    j.expect_h1(f"Jaarplan {plan_year}")
    j.expect_h1(own_ikc)


# --------------------------------------------------------------------------- 1. the agreement

@pytest.mark.parametrize("viewport", ["desktop", "tablet"])
def test_project_leader_makes_and_signs_an_agreement(journey, viewport, programme):
    p = programme
    j = journey("afspraak", viewport)
    name = f"IKC De Verkenning ({viewport})"
    first, last = p.plan_year, p.plan_year + 2

    with j.step("log in"):
        j.log_in("projectleider")
        j.expect_h1("Welkom")

    with j.step(f"add a {p.ikc_kind}"):
        j.click_link("IKC's", within="nav.site-nav")
        j.click_link("IKC toevoegen", within="main")
        j.expect_h1("IKC toevoegen")
        j.fill({"name": name, "directorName": "Anna Hoekstra", "childrenCount": "240", "childcareIDs-0": "on"})
        j.choose({"kind": p.ikc_kind, "koepelID": p.board, "areaID": p.area})
        j.submit("IKC opslaan")
        j.expect_h1(name)
        j.expect_text("Er is nog geen resultaatafspraak voor dit IKC.")

    with j.step(f"a new agreement for it, {p.year(first)} to {p.year(last)}"):
        j.click_link("Afspraken", within="nav.site-nav")
        j.expect_h1("Resultaatafspraken")
        j.click_link("Nieuwe resultaatafspraak", within="main")
        # First the period, then the IKCs without an agreement in it are offered.
        j.choose({"first_year": p.year(first), "last_year": p.year(last)})
        j.submit("IKC's voor deze periode tonen")
        j.choose({"ikc": name})
        j.submit("Afspraak aanmaken")
        j.expect_h1(f"Resultaatafspraak {name}")
        j.expect_text("aangemaakt als concept")
        # Since issue 17 a missing goal is a warning, not a refusal.
        j.expect_text("Geen resultaat onder doel")
        agreement_path = urlsplit(j.driver.current_url).path

    for goal, description, indicator, baseline in (
            (r.goal, r.description, r.indicator, r.baseline) for r in p.results):
        with j.step(f"a result under goal {goal[:1]}"):
            j.click_link("Resultaten bewerken", within="main")
            j.expect_h1("Resultaten bewerken")
            n = int(j.driver.find_element(By.CSS_SELECTOR, "main input[name=rows]").get_attribute("value")) - 1
            j.fill({f"r{n}_description": description,
                    f"r{n}_baseline": baseline, f"r{n}_baseline_year": "2025", f"r{n}_source": "Registratie IKC"})
            # The indicator comes from the programme's library (issue 18): name, unit and direction.
            j.choose({f"r{n}_goal": goal, f"r{n}_indicator_id": indicator})
            j.submit("Resultaten opslaan")
            j.expect_h1("Resultaatafspraak")
            j.expect_text(description)
    j.expect_no_text("Voeg minstens één resultaat toe")

    with j.step("the targets grid: a wrong value is shown at its field"):
        j.click_link("Streefwaarden bewerken", within="main")
        j.expect_h1("Streefwaarden bewerken")
        cells = j.driver.find_elements(By.CSS_SELECTOR, "main input[id^='t_']")
        assert len(cells) == 9, f"{len(cells)} target cells for 3 results × 3 years"
        values = ["65", "70", "75", "82", "84", "86", "7,4", "7,6", "veel"]
        ids = [cell.get_attribute("id") for cell in cells]
        j.fill(dict(zip(ids, values)))
        j.submit("Streefwaarden opslaan", status=422)
        j.expect_error_for(ids[8])

    with j.step("the targets grid: saved"):
        j.fill({ids[8]: "7,8"})
        j.submit("Streefwaarden opslaan")
        j.expect_text("De streefwaarden zijn opgeslagen.")
        j.expect_text("7,8")

    with j.step("the contributions grid, Dutch amounts"):
        j.click_link("Bijdragen bewerken", within="main")
        j.expect_h1("Bijdragen bewerken")
        j.fill_labelled({
            p.contribution(p.funder, first): "12.500",
            p.contribution(p.funder, first + 1): "12.500",
            p.contribution(p.board_source, first): "8.000,50",
        })
        j.submit("Bijdragen opslaan")
        j.expect_text("De bijdragen zijn opgeslagen.")
        j.expect_text("€ 12.500")
        j.expect_text("€ 8.000,50")

    with j.step("send it to signing"):
        j.submit("Ter ondertekening aanbieden")
        j.expect_text("De afspraak ligt ter ondertekening.")

    for index, party in enumerate(p.parties):
        with j.step(f"{party.organisation} signs"):
            j.click_link("Ondertekening vastleggen", within="main")
            j.expect_h1("Ondertekening vastleggen")
            dates = j.driver.find_elements(By.CSS_SELECTOR, "main input[id$='_signed_on']")
            assert len(dates) == len(p.parties), f"{len(dates)} parties to sign"
            j.fill({dates[index].get_attribute("id"): f"2{index}-11-{p.today_year}"})
            j.submit("Ondertekening opslaan")
            j.expect_text(f"2{index}-11-{p.today_year}")
    j.expect_text("Alle partijen hebben getekend: deze versie is vastgesteld.")

    with j.step("a fixed agreement is read-only"):
        j.expect_text("Vastgesteld")
        for edit in ("Resultaten bewerken", "Streefwaarden bewerken", "Bijdragen bewerken", "Ondertekening vastleggen"):
            assert not j.driver.find_elements(By.XPATH, f"//main//a[normalize-space()='{edit}']"), f"{edit} is still offered"
        j.expect_no_post_forms(allowed=("/upload",))  # attaching the signed PDF stays possible
        j.expect_text("Bijstellen")

    with j.step("an old bookmark to the targets grid says it is read-only"):
        j.open(agreement_path + "/targets", status=409)
        j.expect_text("alleen te lezen")

    with j.step("the funding overview shows the new commitment"):
        j.click_link("Financiering", within="nav.site-nav")
        j.expect_h1("Financiering")
        j.click_link(p.funder[1], within="main")
        j.expect_h1(p.funder[1])
        row = j.row(name)
        assert "€ 12.500" in row.text and "€ 25.000" in row.text, row.text

    with j.step("an amendment (version 2) with a changed amount"):
        j.driver.back()
        j.click_link("Afspraken", within="nav.site-nav")
        j.click_link(name, within="main")
        j.click_link("Bijstellen", within="main")
        j.expect_h1("Afspraak bijstellen")
        j.fill({"reason": "Uitkomst van de jaarlijkse evaluatie."})
        j.submit("Bijstelling starten")
        j.expect_text("Versie 2")
        j.click_link("Bijdragen bewerken", within="main")
        j.fill_labelled({p.contribution(p.funder, last): "15.000"})
        j.submit("Bijdragen opslaan")
        j.expect_text("€ 15.000")

    with j.step("compare version 1 with version 2"):
        j.click_link("Vergelijk met versie 1", within="main")
        j.expect_h1("vergelijken")
        j.expect_text("€ 15.000")

    with j.step("the print version"):
        j.click_link("← Terug naar de afspraak", within="main")
        j.click_link("Afdrukversie", within="main")
        j.expect_text(name)


# --------------------------------------------------------------------------- 2. the year plan

def test_director_fills_and_submits_the_year_plan(journey, programme):
    OWN_IKC, PLAN_YEAR = programme.own_ikc, programme.year(programme.plan_year)
    j = journey("jaarplan", "tablet")

    with j.step("log in"):
        j.log_in("directeur")
        j.expect_h1("Welkom")
        j.expect_text("Uw IKC")

    with j.step("open the concept plan from the own plan list"):
        j.click_link("Naar het jaarplan", within="main")
        j.expect_h1("Jaarplannen")
        assert "Concept" in j.row(OWN_IKC, PLAN_YEAR).text
        j.click_link("Bekijken", within=j.row(OWN_IKC, PLAN_YEAR))
        j.expect_h1(f"Jaarplan {PLAN_YEAR}")
        j.expect_text("Nog niet ingevuld")
        j.expect_text("De verantwoording (Check en Act) gaat open zodra het jaarplan is goedgekeurd.")

    with j.step("save it half filled, with a typing error"):
        j.fill({"activities_4": "Twee gezamenlijke studiedagen voor leerkrachten en pedagogisch medewerkers.",
                "planned_1": "ongeveer twintig"})
        j.submit("Opslaan", status=422)
        j.expect_error_for("planned_1")

    with j.step("saved half filled: the missing list"):
        j.fill({"planned_1": "50.000"})
        j.submit("Opslaan")
        j.expect_text("Het jaarplan is opgeslagen.")
        missing = j.text("main")
        assert "Om in te dienen moet dit nog worden ingevuld" in missing
        assert "Plan: de geplande activiteiten" in missing
        assert j.driver.find_element(By.ID, "planned_1").get_attribute("value") == "50.000"

    with j.step("complete the jaarplan and submit it"):
        j.fill({
            "activities_5": "Spreekuur van de pedagoog bij het brengen en halen.",
            "activities_6": "Kanjertraining in alle groepen.",
        })
        j.submit("Jaarplan opslaan en indienen")
        j.expect_text("Het jaarplan is ingediend bij de projectleider.")
        j.expect_text("Ingediend")

    with j.step("submitted, it is read-only"):
        j.expect_text("Alleen lezen")
        j.expect_no_post_forms()
        assert not j.driver.find_elements(By.CSS_SELECTOR, "main input:not([type=hidden]), main textarea")
        j.expect_text("€ 50.000")

    with j.step("the plan list shows it submitted"):
        j.click_link("Jaarplannen", within="nav.site-nav")
        assert "Ingediend" in j.row(OWN_IKC, PLAN_YEAR).text
    CYCLE[programme.code, "submitted"] = "yes"


# --------------------------------------------------------------------------- 3. returned, resubmitted, approved

def test_plan_is_returned_resubmitted_and_approved(journey, programme):
    needs(programme, "submitted")
    p = programme
    OWN_IKC, PLAN_YEAR = p.own_ikc, p.year(p.plan_year)
    leader = journey("terugsturen", "desktop")
    reason = "Graag bij de studiedagen noemen wie ze geeft."

    with leader.step("the project leader opens the submitted plan"):
        leader.log_in("projectleider")
        leader.expect_text(f"{OWN_IKC}: jaarplan {PLAN_YEAR} ingediend")
        open_own_plan(leader)
        leader.expect_text("Beoordelen")

    with leader.step("returning needs a reason"):
        leader.submit("Terugsturen", status=422)
        leader.expect_error_for("reason")

    with leader.step("return it with a comment"):
        leader.fill({"reason": reason})
        leader.submit("Terugsturen")
        leader.expect_text("Het jaarplan is teruggestuurd naar de directeur.")

    director = journey("opnieuw indienen", "tablet")
    with director.step("the director sees the comment"):
        director.log_in("directeur")
        open_own_plan(director)
        director.expect_text("Teruggestuurd")
        director.expect_text(reason)

    with director.step("change the activities and resubmit"):
        director.fill({"activities_4": "Twee studiedagen, gegeven door de pedagoog van de GGD."})
        director.submit("Jaarplan opslaan en indienen")
        director.expect_text("Het jaarplan is ingediend bij de projectleider.")
        director.expect_no_post_forms()

    with leader.step("the project leader sees what changed and approves"):
        open_own_plan(leader)
        leader.expect_text("Gewijzigd sinds het terugsturen")
        leader.expect_text("Twee studiedagen, gegeven door de pedagoog van de GGD.")
        leader.submit("Goedkeuren")
        leader.expect_text("Het jaarplan is goedgekeurd.")

    with director.step("after the year: the verantwoording, with one value not measured"):
        open_own_plan(director)
        director.fill({
            "value_1": "71,5", "value_3": "86,5", "source_3": "Eindtoets (IEP), juni 2026",
            "value_4": "6", "value_5": "41", "value_6": "7,9",
            "reason_2": "De taaltoets is dit jaar niet afgenomen.",
            **dict(zip(p.spent, ("50.000", "25.200", "18.900", "6.300"))),
            "act_changes": "Ouders eerder betrekken bij de overgang van opvang naar groep 1.",
        })
        director.submit("Verantwoording opslaan en indienen")
        director.expect_text("De verantwoording is ingediend bij de projectleider.")
        director.expect_no_post_forms()

    with leader.step("the project leader approves the verantwoording"):
        open_own_plan(leader)
        leader.submit("Goedkeuren")
        leader.expect_text("De verantwoording is goedgekeurd.")
    CYCLE[p.code, "approved"] = "yes"


# --------------------------------------------------------------------------- 4. the report

def test_report_draft_shows_the_new_figures_and_is_published(journey, programme):
    needs(programme, "approved")
    p = programme
    OWN_IKC, PLAN_YEAR = p.own_ikc, p.year(p.plan_year)
    j = journey("rapportage")

    with j.step("the report draft of the year"):
        j.log_in("projectleider")
        j.click_link("Rapportages", within="nav.site-nav")
        j.expect_h1("Jaarrapportages")
        j.expect_no_text(f"Jaarrapportage {PLAN_YEAR}, editie 1")
        j.click_link(f"Concept jaarrapportage {PLAN_YEAR}", within="main")
        j.expect_h1(PLAN_YEAR)

    with j.step("it shows the director's measured values on the IKC's own page"):
        # The draft keeps per-IKC detail on a page per IKC (issue 18), linked under "Per IKC".
        j.click_link(OWN_IKC, within="#ikcs")
        j.expect_h1(OWN_IKC)
        reading = j.row(p.result_3)
        assert "86,5%" in reading.text, reading.text
        safety = j.row(p.result_6)
        assert "7,9" in safety.text, safety.text
        j.click_link(f"← Terug naar de jaarrapportage {PLAN_YEAR}", within="main")
        j.expect_h1(PLAN_YEAR)

    with j.step("a foreword, saved"):
        j.fill({"foreword": "Het jaar waarin alle IKC's hun jaarplan op tijd indienden."})
        j.submit("Concept opslaan")
        j.expect_text("Het jaar waarin alle IKC's")

    with j.step("publish"):
        j.submit(f"Jaarrapportage {PLAN_YEAR} publiceren")
        j.expect_h1(PLAN_YEAR)
        j.expect_text("86,5%")

    with j.step("the published edition is listed"):
        j.click_link("Rapportages", within="nav.site-nav")
        j.expect_text(f"Jaarrapportage {PLAN_YEAR}, editie 1")
    CYCLE[p.code, "published"] = "yes"


# --------------------------------------------------------------------------- 5. the Ontwikkelgroep reads

@pytest.mark.parametrize("viewport", ["desktop", "tablet"])
def test_ontwikkelgroep_reads_the_report_and_changes_nothing(journey, viewport, programme):
    needs(programme, "published")
    p = programme
    OWN_IKC, PLAN_YEAR = p.own_ikc, p.year(p.plan_year)
    j = journey("lezen", viewport)

    with j.step("log in: the published report is on the start page"):
        j.log_in("ontwikkelgroep")
        j.expect_h1("Welkom")
        j.expect_text(f"Jaarrapportage {PLAN_YEAR}, editie 1")

    with j.step("read the report"):
        j.click_link(f"Jaarrapportage {PLAN_YEAR}, editie 1", within="main")
        j.expect_h1(PLAN_YEAR)
        assert "86,5%" in j.row(OWN_IKC, p.result_3).text
        j.expect_no_post_forms()
        assert not j.driver.find_elements(By.CSS_SELECTOR, "main textarea, main input:not([type=hidden])")

    with j.step("a crafted POST is refused"):
        assert j.post_directly(f"/reports/{PLAN_YEAR[:4]}", {"foreword": "Iets anders", "conclusions": ""}) == 403
        assert j.post_directly(f"/reports/{PLAN_YEAR[:4]}/publish", {}) == 403
        assert j.post_directly("/agreements/new", {"ikc": "1", "first_year": str(p.plan_year), "last_year": str(p.plan_year + 2)}) == 403

    with j.step("the organisations"):
        j.click_link("Organisaties", within="nav.site-nav")
        j.expect_h1("Organisaties")
        j.expect_no_post_forms()

    with j.step("the areas and one area"):
        j.click_link("Gebieden", within="nav.site-nav")
        j.expect_h1("Gebieden")
        j.expect_no_post_forms()
        j.click_link(p.area, within="main")
        j.expect_h1(p.area)
        j.expect_no_post_forms()

    with j.step("the funding and one source"):
        j.click_link("Financiering", within="nav.site-nav")
        j.expect_h1("Financiering")
        j.expect_no_post_forms()
        j.click_link(p.read_source[0], within="main")
        j.expect_h1(p.read_source[1])
        j.expect_no_post_forms()

    with j.step("the year plans and an approved plan"):
        open_own_plan(j)
        j.expect_text("Goedgekeurd")
        j.expect_no_post_forms()

    with j.step("the agreements and one agreement"):
        j.click_link("Afspraken", within="nav.site-nav")
        j.click_link(OWN_IKC, within="main")
        j.expect_h1(OWN_IKC)
        j.expect_no_post_forms()
        assert j.post_directly(urlsplit(j.driver.current_url).path + "/targets", {}) == 403
