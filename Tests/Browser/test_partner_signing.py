"""The parties sign their agreement themselves (issue 17): a project leader makes an agreement
with results under one goal only (a warning, not a wall), enters who signs for each of the three
parties and offers it for signing; the koepel's and the childcare organisation's partners log in
and sign in the application; the project leader signs for the municipality, and it is vastgesteld.

Only links and buttons a person would use; every page is captured and checked like the others."""

import re
from pathlib import Path
from urllib.parse import urlsplit

from selenium.webdriver.common.by import By

NAME = "IKC De Samenwerking"


def partner_log_in(server, email: str) -> tuple[str, str]:
    """The demo partner's e-mail and password (the accounts file lists every partner)."""
    accounts = Path(str(server.database) + ".demo-accounts.txt").read_text()
    for line in accounts.splitlines():
        match = re.match(r"\s*partner\s+(\S+)\s+wachtwoord:\s*(\S+)", line)
        if match and match.group(1) == email:
            return match.group(1), match.group(2)
    raise AssertionError(f"no demo partner {email}")


def test_partners_sign_their_agreement(journey, server):
    j = journey("partners tekenen")

    with j.step("log in as project leader and add a Plus IKC of Proloog and Sinne Kinderopvang"):
        j.log_in("projectleider")
        j.click_link("IKC's", within="nav.site-nav")
        j.click_link("IKC toevoegen", within="main")
        j.fill({"name": NAME, "directorName": "Bauke Zijlstra", "childrenCount": "180", "childcareIDs-0": "on"})
        j.choose({"kind": "Plus IKC", "koepelID": "Proloog", "areaID": "Vrijheidswijk"})
        j.submit("IKC opslaan")
        j.expect_h1(NAME)

    with j.step("a new agreement for it"):
        j.click_link("Afspraken", within="nav.site-nav")
        j.click_link("Nieuwe resultaatafspraak", within="main")
        j.choose({"first_year": "2026-2027", "last_year": "2027-2028"})
        j.submit("IKC's voor deze periode tonen")
        j.choose({"ikc": NAME})
        j.submit("Afspraak aanmaken")
        j.expect_h1(f"Resultaatafspraak {NAME}")
        agreement_path = urlsplit(j.driver.current_url).path

    with j.step("one result, under the first goal only"):
        j.click_link("Resultaten bewerken", within="main")
        n = int(j.driver.find_element(By.CSS_SELECTOR, "main input[name=rows]").get_attribute("value")) - 1
        j.fill({f"r{n}_description": "Meer peuters nemen deel aan VVE",
                f"r{n}_baseline": "58", f"r{n}_baseline_year": "2025", f"r{n}_source": "Registratie kinderopvang"})
        # The indicator comes from the programme's library (issue 18): name, unit and direction.
        j.choose({f"r{n}_goal": "1. Verminderen van ongelijkheid",
                  f"r{n}_indicator_id": "Deelname VVE-peuters (percentage, hoger is beter)"})
        j.submit("Resultaten opslaan")
        j.expect_text("Meer peuters nemen deel aan VVE")
        # Goal coverage is a warning, not a wall.
        j.expect_text("Geen resultaat onder doel")

    with j.step("targets and a contribution"):
        j.click_link("Streefwaarden bewerken", within="main")
        cells = j.driver.find_elements(By.CSS_SELECTOR, "main input[id^='t_']")
        j.fill({cell.get_attribute("id"): value for cell, value in zip(cells, ["62", "66"])})
        j.submit("Streefwaarden opslaan")
        j.expect_text("De streefwaarden zijn opgeslagen.")
        j.click_link("Bijdragen bewerken", within="main")
        j.fill_labelled({"Gemeente Leeuwarden, OAB-middelen gemeente, 2026-2027": "10.000"})
        j.submit("Bijdragen opslaan")
        j.expect_text("De bijdragen zijn opgeslagen.")

    with j.step("the three signatories"):
        j.click_link("Ondertekenaars bewerken", within="main")
        j.expect_h1("Ondertekenaars")
        names = j.driver.find_elements(By.CSS_SELECTOR, "main input[id$='_name']")
        titles = j.driver.find_elements(By.CSS_SELECTOR, "main input[id$='_title']")
        assert len(names) == 3 and len(titles) == 3, f"{len(names)} signatories"
        people = [("Sybrand Buma", "wethouder"), ("Paul Proloog", "bestuurder"), ("Sietske Sinne", "directeur-bestuurder")]
        values = {}
        for (name_field, title_field), (name, title) in zip(zip(names, titles), people):
            values[name_field.get_attribute("id")] = name
            values[title_field.get_attribute("id")] = title
        j.fill(values)
        j.submit("Opslaan")
        j.expect_text("De ondertekenaars zijn opgeslagen.")
        j.expect_text("Sybrand Buma")

    with j.step("offered for signing"):
        j.submit("Ter ondertekening aanbieden")
        j.expect_text("De afspraak ligt ter ondertekening.")
        j.log_out()

    for email, organisation, name in [("partner.proloog@demo.plusikc.nl", "Proloog", "Paul Proloog"),
                                      ("partner.sinne@demo.plusikc.nl", "Sinne Kinderopvang", "Sietske Sinne")]:
        with j.step(f"the partner of {organisation} logs in and signs"):
            login, password = partner_log_in(server, email)
            j.log_in(email=login, password=password)
            j.expect_text("Ter ondertekening")
            j.expect_text(NAME)
            j.click_link("Afspraken", within="nav.site-nav")
            j.click_link(NAME, within="main")
            j.expect_h1(f"Resultaatafspraak {NAME}")
            j.click_link(f"Ondertekenen namens {organisation}", within="main")
            j.fill({"name": name, "title": "bestuurder"})
            j.submit("Ondertekenen")
            j.expect_text("Uw handtekening is vastgelegd.")
            # A partner writes nothing but its signature.
            assert j.post_directly(agreement_path + "/contributions", {"lock_version": "1"}) == 403
            j.log_out()

    with j.step("the project leader signs for the municipality: vastgesteld"):
        j.log_in("projectleider")
        j.open(agreement_path)
        j.click_link("Ondertekenen namens Gemeente Leeuwarden", within="main")
        j.fill({"name": "Sybrand Buma", "title": "wethouder"})
        j.submit("Ondertekenen")
        j.expect_text("Alle partijen hebben getekend: deze versie is vastgesteld.")
        j.expect_text("Vastgesteld")


def test_promises_kept_and_closed_years(journey):
    """Agreement 2 (Aventurijn) has approved verantwoordingen for 2022-2024: its pages compare
    the promises with the approved spending, and an amendment keeps those years closed until a
    project leader opens one again with a reason."""
    j = journey("afspraken nagekomen, jaren dicht")

    with j.step("log in; the promises on the verantwoording, the funding source and the agreement"):
        j.log_in("projectleider")
        j.open("/plans/6")
        j.expect_text("Afspraken nagekomen")
        j.open("/funding/4")
        j.expect_text("Afspraken nagekomen")
        j.open("/agreements/2")
        j.expect_text("Afspraken nagekomen")

    with j.step("an amendment: the closed years are read-only with the reason"):
        j.click_link("Bijstellen", within="main")
        j.fill({"reason": "Evaluatie van de bijdragen."})
        j.submit("Bijstelling starten")
        j.expect_text("Versie 2")
        j.click_link("Bijdragen bewerken", within="main")
        j.expect_text("De verantwoording 2022-2023 is goedgekeurd")
        closed = j.driver.find_elements(By.CSS_SELECTOR, "main input[id^='c_'][id$='_2022']")
        assert closed and all(cell.get_attribute("readonly") is not None for cell in closed), "2022 cells are not read-only"
        opened = j.driver.find_elements(By.CSS_SELECTOR, "main input[id^='c_'][id$='_2025']")
        assert opened and all(cell.get_attribute("readonly") is None for cell in opened), "2025 cells are read-only"

    with j.step("the IKC list shows the version in force with the amendment apart"):
        j.click_link("IKC's", within="nav.site-nav")
        j.expect_text("Wijziging in concept (versie 2)")

    with j.step("the project leader opens 2022 again with a reason; the compare page says so"):
        j.open("/agreements/2/contributions")
        j.fill({"unlock-2022": "Rekenfout in de bijdrage van de koepel."})
        j.submit("Jaar 2022-2023 weer openen")
        j.expect_text("Het jaar is weer geopend")
        j.click_link("Vergelijk met versie 1", within="main")
        j.expect_text("Weer geopende jaren")
        j.expect_text("Rekenfout in de bijdrage van de koepel.")
