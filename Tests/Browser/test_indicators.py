"""The indicator library (issue 18) as people use it: the project leader adds an indicator from
an agreement's results form without losing what was typed there, then the Ontwikkelgroep opens
the programme view of an indicator and its CSV, and the CSV's figures equal the page's to the
decimal."""

import csv
import io
import urllib.request

from selenium.webdriver.common.by import By


def download(j, path: str) -> str:
    """GETs `path` with the browser's session cookie, as the CSV link would download it."""
    cookie = "; ".join(f"{c['name']}={c['value']}" for c in j.driver.get_cookies())
    request = urllib.request.Request(j.url(path), headers={"Cookie": cookie})
    with urllib.request.urlopen(request) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/csv")
        return response.read().decode("utf-8-sig")


def cells(row) -> list[str]:
    return [c.text.strip() for c in row.find_elements(By.CSS_SELECTOR, "th, td")]


def test_indicator_from_the_results_form_then_the_programme_view_and_its_csv(journey, programme):
    p = programme
    j = journey("indicatoren")

    with j.step("the project leader adds an indicator from the results form"):
        j.log_in("projectleider")
        j.open(f"/agreements/{p.concept_agreement}/results")
        j.expect_h1("Resultaten bewerken")
        n = int(j.driver.find_element(By.CSS_SELECTOR, "main input[name=rows]").get_attribute("value")) - 1
        j.fill({f"r{n}_description": "Meer peuters op de voorschool", f"r{n}_baseline": "55,5", f"r{n}_baseline_year": "2024"})
        j.choose({f"r{n}_goal": p.results[0].goal})
        j.fill({"new_name": "Bereik voorschool", "new_numerator_label": "peuters met VVE-indicatie op de voorschool",
                "new_denominator_label": "peuters met VVE-indicatie"})
        j.choose({"new_unit": "percentage"})
        j.submit("Indicator toevoegen aan de bibliotheek")
        j.expect_text("Indicator ‘Bereik voorschool’ is toegevoegd aan de bibliotheek")
        # What was typed in the rows is still there, and the new indicator is chosen on the new row.
        assert j.driver.find_element(By.ID, f"r{n}_description").get_attribute("value") == "Meer peuters op de voorschool"
        assert j.driver.find_element(By.ID, f"r{n}_baseline").get_attribute("value") == "55,5"
        chosen = j.driver.find_element(By.CSS_SELECTOR, f"#r{n}_indicator_id option:checked").text
        assert chosen.startswith("Bereik voorschool"), chosen
        j.submit("Resultaten opslaan")
        j.expect_h1("Resultaatafspraak")
        j.expect_text("Meer peuters op de voorschool")

    with j.step("it is in the library"):
        j.click_link("Indicatoren", within="nav.site-nav")
        j.expect_h1("Indicatoren")
        j.row("Bereik voorschool", "percentage")
        j.log_out()

    with j.step("the steering group opens the programme view of an indicator"):
        j.log_in("ontwikkelgroep")
        j.click_link("Indicatoren", within="nav.site-nav")
        j.click_link(p.indicator, within="main")
        j.expect_h1(p.indicator)
        j.expect_text("Programmacijfer per jaar")
        j.expect_text("ongewogen gemiddelde")
        assert j.driver.find_elements(By.CSS_SELECTOR, "main svg title")
        page_years = {}
        for row in j.driver.find_elements(By.CSS_SELECTOR, "#programmacijfers tbody tr"):
            c = cells(row)
            page_years[c[0]] = c
        assert any(c[4] not in ("–", "") for c in page_years.values()), page_years
        year_label = j.driver.find_element(By.CSS_SELECTOR, "#jaar option:checked").text
        page_ikcs = {cells(r)[0]: cells(r) for r in j.driver.find_elements(By.CSS_SELECTOR, "#ikc-waarden tbody tr")}
        assert len(page_ikcs) >= 3, page_ikcs

    with j.step("its CSV has the same figures, to the decimal"):
        rows = list(csv.reader(io.StringIO(download(j, "/indicators/1/csv")), delimiter=";"))
        header = rows[0]
        assert header[:6] == ["Jaar", "IKC", "Nulmeting", "Jaar nulmeting", "Doel", "Gemeten"], header
        programme = {r[0]: r for r in rows[1:] if r[1] == "Programma"}
        for label, c in page_years.items():
            if c[4] in ("–", ""):
                continue
            r = programme[label]
            assert r[5] + "%" == c[4], (label, r, c)          # programme figure
            assert r[11] + "%" == c[6] and r[12] + "%" == c[7]  # minimum and maximum
            assert r[13] == c[2] and r[14] == c[3]            # reported and "niet gemeten"
        for name, c in page_ikcs.items():
            r = next(r for r in rows[1:] if r[0] == year_label and r[1] == name)
            measured = c[3]
            if measured.startswith("niet gemeten"):
                assert r[8] != "", r
            elif measured != "–":
                assert r[5] + "%" == measured, (name, r, c)
            assert (r[4] + "%" if r[4] else "–") == c[2], (name, r, c)  # target
