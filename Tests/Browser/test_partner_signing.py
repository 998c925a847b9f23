"""The parties sign their agreement themselves (issue 17): a project leader makes an agreement
with results under one goal only (a warning, not a wall), enters who signs for each of the
programme's signing parties and offers it for signing; the parties with a partner account (KvK2's koepel and childcare
organisation, Amsterdam West's school board and childcare organisation) log in and sign in the
application; the project leader signs for a party without one (KvK2's municipality), and it is
vastgesteld.

Only links and buttons a person would use; every page is captured and checked like the others."""

from urllib.parse import urlsplit

from selenium.webdriver.common.by import By

NAME = "IKC De Samenwerking"


def test_partners_sign_their_agreement(journey, server, programme):
    p = programme
    j = journey("partners tekenen")
    first = p.plan_year

    with j.step(f"log in as project leader and add a {p.ikc_kind} of {p.board} and {p.childcare}"):
        j.log_in("projectleider")
        j.click_link("IKC's", within="nav.site-nav")
        j.click_link("IKC toevoegen", within="main")
        j.fill({"name": NAME, "directorName": "Bauke Zijlstra", "childrenCount": "180", "childcareIDs-0": "on"})
        j.choose({"kind": p.ikc_kind, "koepelID": p.board, "areaID": p.other_area})
        j.submit("IKC opslaan")
        j.expect_h1(NAME)

    with j.step("a new agreement for it"):
        j.click_link("Afspraken", within="nav.site-nav")
        j.click_link("Nieuwe resultaatafspraak", within="main")
        j.choose({"first_year": p.year(first), "last_year": p.year(first + 1)})
        j.submit("IKC's voor deze periode tonen")
        j.choose({"ikc": NAME})
        j.submit("Afspraak aanmaken")
        j.expect_h1(f"Resultaatafspraak {NAME}")
        agreement_path = urlsplit(j.driver.current_url).path

    with j.step("one result, under the first goal only"):
        j.click_link("Resultaten bewerken", within="main")
        n = int(j.driver.find_element(By.CSS_SELECTOR, "main input[name=rows]").get_attribute("value")) - 1
        j.fill({f"r{n}_description": p.results[0].description,
                f"r{n}_baseline": "58", f"r{n}_baseline_year": str(first - 1), f"r{n}_source": "Registratie kinderopvang"})
        # The indicator comes from the programme's library (issue 18): name, unit and direction.
        j.choose({f"r{n}_goal": p.results[0].goal, f"r{n}_indicator_id": p.results[0].indicator})
        j.submit("Resultaten opslaan")
        j.expect_text(p.results[0].description)
        # Goal coverage is a warning, not a wall.
        j.expect_text("Geen resultaat onder doel")

    with j.step("targets and a contribution"):
        j.click_link("Streefwaarden bewerken", within="main")
        cells = j.driver.find_elements(By.CSS_SELECTOR, "main input[id^='t_']")
        j.fill({cell.get_attribute("id"): value for cell, value in zip(cells, ["62", "66"])})
        j.submit("Streefwaarden opslaan")
        j.expect_text("De streefwaarden zijn opgeslagen.")
        j.click_link("Bijdragen bewerken", within="main")
        j.fill_labelled({p.contribution(p.funder, first): "10.000"})
        j.submit("Bijdragen opslaan")
        j.expect_text("De bijdragen zijn opgeslagen.")

    with j.step(f"the {len(p.parties)} signatories"):
        j.click_link("Ondertekenaars bewerken", within="main")
        j.expect_h1("Ondertekenaars")
        names = j.driver.find_elements(By.CSS_SELECTOR, "main input[id$='_name']")
        titles = j.driver.find_elements(By.CSS_SELECTOR, "main input[id$='_title']")
        assert len(names) == len(p.parties) and len(titles) == len(p.parties), f"{len(names)} signatories"
        values = {}
        for (name_field, title_field), party in zip(zip(names, titles), p.parties):
            values[name_field.get_attribute("id")] = party.signer
            values[title_field.get_attribute("id")] = party.title
        j.fill(values)
        j.submit("Opslaan")
        j.expect_text("De ondertekenaars zijn opgeslagen.")
        j.expect_text(p.parties[0].signer)

    with j.step("offered for signing"):
        j.submit("Ter ondertekening aanbieden")
        j.expect_text("De afspraak ligt ter ondertekening.")
        j.log_out()

    # The parties with a partner account sign themselves; the project leader records the rest
    # (KvK2's municipality), last.
    partners = [party for party in p.parties if party.partner_email]
    for party in partners:
        with j.step(f"the partner of {party.organisation} logs in and signs"):
            account = server.partners[party.partner_email]
            j.log_in(email=account.email, password=account.password)
            j.expect_text("Ter ondertekening")
            j.expect_text(NAME)
            j.click_link("Afspraken", within="nav.site-nav")
            j.click_link(NAME, within="main")
            j.expect_h1(f"Resultaatafspraak {NAME}")
            j.click_link(f"Ondertekenen namens {party.organisation}", within="main")
            j.fill({"name": party.signer, "title": "bestuurder"})
            j.submit("Ondertekenen")
            if party == partners[-1] and len(partners) == len(p.parties):
                j.expect_text("Alle partijen hebben getekend: deze versie is vastgesteld.")
            else:
                j.expect_text("Uw handtekening is vastgelegd.")
            # A partner writes nothing but its signature.
            assert j.post_directly(agreement_path + "/contributions", {"lock_version": "1"}) == 403
            j.log_out()

    with j.step("the project leader signs for the parties without a partner (if any): vastgesteld"):
        j.log_in("projectleider")
        j.open(agreement_path)
        for party in (party for party in p.parties if not party.partner_email):
            j.click_link(f"Ondertekenen namens {party.organisation}", within="main")
            j.fill({"name": party.signer, "title": party.title})
            j.submit("Ondertekenen")
            j.expect_text("Alle partijen hebben getekend: deze versie is vastgesteld.")
        j.expect_text("Vastgesteld")
        j.expect_no_text("Ondertekenen namens")


def test_promises_kept_and_closed_years(journey, programme):
    """Agreement 2 (KvK2: Aventurijn; Amsterdam: Het Vogelnest) has approved verantwoordingen
    (KvK2 2022-2024, Amsterdam 2024): its pages compare the promises with the approved spending,
    and an amendment keeps those years closed until a project leader opens one again with a reason."""
    p = programme
    plan, source, agreement = p.promises
    closed, opened = p.closed_year, 2025  # 2025: no verantwoording has closed it in either demo
    j = journey("afspraken nagekomen, jaren dicht")

    with j.step("log in; the promises on the verantwoording, the funding source and the agreement"):
        j.log_in("projectleider")
        j.open(f"/plans/{plan}")
        j.expect_text("Afspraken nagekomen")
        j.open(f"/funding/{source}")
        j.expect_text("Afspraken nagekomen")
        j.open(f"/agreements/{agreement}")
        j.expect_text("Afspraken nagekomen")

    with j.step("an amendment: the closed years are read-only with the reason"):
        j.click_link("Bijstellen", within="main")
        j.fill({"reason": "Evaluatie van de bijdragen."})
        j.submit("Bijstelling starten")
        j.expect_text("Versie 2")
        j.click_link("Bijdragen bewerken", within="main")
        j.expect_text(f"De verantwoording {p.year(closed)} is goedgekeurd")
        cells = j.driver.find_elements(By.CSS_SELECTOR, f"main input[id^='c_'][id$='_{closed}']")
        assert cells and all(cell.get_attribute("readonly") is not None for cell in cells), f"{closed} cells are not read-only"
        cells = j.driver.find_elements(By.CSS_SELECTOR, f"main input[id^='c_'][id$='_{opened}']")
        assert cells and all(cell.get_attribute("readonly") is None for cell in cells), f"{opened} cells are read-only"

    with j.step("the IKC list shows the version in force with the amendment apart"):
        j.click_link("IKC's", within="nav.site-nav")
        j.expect_text("Wijziging in concept (versie 2)")

    with j.step(f"the project leader opens {closed} again with a reason; the compare page says so"):
        j.open(f"/agreements/{agreement}/contributions")
        j.fill({f"unlock-{closed}": "Rekenfout in een bijdrage van het bestuur."})
        j.submit(f"Jaar {p.year(closed)} weer openen")
        j.expect_text("Het jaar is weer geopend")
        j.click_link("Vergelijk met versie 1", within="main")
        j.expect_text("Weer geopende jaren")
        j.expect_text("Rekenfout in een bijdrage van het bestuur.")
