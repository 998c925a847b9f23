"""Journeys as a person walks them, in a real (headless) Chromium. Each `with j.step(...)` is a
step with a screenshot; every page reached is captured for the HTML validator and checked for
labels, alt texts, headings, the skip link and table captions (support.Journey._landed).

The agreement, year-plan and report journeys of issue 11 are in test_programme_cycle.py."""

from urllib.parse import urlsplit

import pytest
from selenium.webdriver.common.by import By


@pytest.mark.parametrize("viewport", ["desktop", "tablet"])
def test_project_leader_manages_users_and_reads_the_registry(journey, viewport, programme):
    j = journey("projectleider", viewport)
    new_email = f"nieuwe.directeur.{viewport}@example.nl"

    with j.step("log in"):
        j.log_in("projectleider")
        j.expect_path("/")
        j.expect_h1("Welkom")
        menu = j.menu()
        for item in ("Start", "IKC's", "Gebruikers", "Logboek"):
            assert item in menu, f"{item} missing from the menu {menu}"
        j.expect_text("Vraagt aandacht")

    with j.step("the list of IKCs"):
        j.click_link("IKC's", within="nav.site-nav")
        j.expect_h1("IKC's")
        rows = j.driver.find_elements(By.CSS_SELECTOR, "main table tbody tr")
        assert len(rows) == programme.ikc_count, f"{len(rows)} IKC rows"

    with j.step("an IKC's details"):
        first = j.driver.find_element(By.CSS_SELECTOR, "main table tbody tr th a")
        name = first.text
        j.click_link(name, within="main")
        j.expect_h1(name)
        j.expect_text(programme.board_label)

    with j.step("the users"):
        j.click_link("Gebruikers", within="nav.site-nav")
        j.expect_h1("Gebruikers")
        j.expect_text(j.server.accounts["directeur"].email)

    with j.step("add a user: errors are shown next to the fields and summarised"):
        j.click_link("Gebruiker toevoegen", within="main")
        j.expect_h1("Gebruiker toevoegen")
        j.fill({"name": "", "email": "geen-adres"})
        j.submit("Gebruiker opslaan", status=422)
        j.expect_text("Er ging iets mis")
        j.expect_error_for("name")
        j.expect_error_for("email")
        assert j.driver.find_element(By.ID, "email").get_attribute("value") == "geen-adres", "input was lost"

    with j.step("add a user: saved, with a one-time link"):
        j.fill({"name": "Nieuwe Directeur", "email": new_email, "role": "directeur", "ikcs-1": "on"})
        j.submit("Gebruiker opslaan")
        j.expect_h1("Gebruiker toegevoegd")
        link = j.driver.find_element(By.CSS_SELECTOR, ".secret code").text.strip()
        assert "/wachtwoord/" in link, link

    with j.step("the new user is in the list"):
        j.click_link("Terug naar gebruikers", within="main")
        j.expect_text(new_email)

    with j.step("the audit log shows the change"):
        j.click_link("Logboek", within="nav.site-nav")
        j.expect_h1("Logboek")
        j.expect_text("Nieuwe Directeur")

    with j.step("the accessibility statement from the footer"):
        j.click_link("Toegankelijkheidsverklaring", within="footer")
        j.expect_h1("Toegankelijkheidsverklaring")
        j.expect_text("WCAG")

    with j.step("log out"):
        j.log_out()
        j.expect_path("/login")
        j.expect_h1("Inloggen")

    with j.step("the invited user sets a password: too short first"):
        j.open(urlsplit(link).path)
        j.expect_h1("Wachtwoord instellen")
        j.fill({"password": "kort", "confirm": "kort"})
        j.submit("Wachtwoord instellen", status=422)
        j.expect_error_for("password")

    with j.step("the invited user sets a good password and logs in"):
        password = "een lange zin als wachtwoord"
        j.fill({"password": password, "confirm": password})
        j.submit("Wachtwoord instellen")
        j.expect_path("/login")
        j.log_in(email=new_email, password=password)
        j.expect_h1("Welkom, Nieuwe Directeur")


def test_director_sees_only_their_own_ikc(journey):
    j = journey("directeur")

    with j.step("log in"):
        j.log_in("directeur")
        j.expect_h1("Welkom")
        j.expect_text("Uw IKC")
        menu = j.menu()
        assert "Gebruikers" not in menu and "Logboek" not in menu, menu

    with j.step("open the own IKC from the home page"):
        own = j.driver.find_element(By.XPATH, "//main//h2[normalize-space()='Uw IKC']/following-sibling::ul[1]//a")
        name = own.text
        j.click_link(name, within="main")
        j.expect_h1(name)

    with j.step("another IKC is refused"):
        j.open("/ikcs/2", status=403)
        j.expect_h1("Geen toegang")

    with j.step("the users page is refused"):
        j.open("/users", status=403)
        j.expect_h1("Geen toegang")

    with j.step("log out"):
        j.log_out()
        j.expect_h1("Inloggen")


def test_ontwikkelgroep_reads_and_changes_own_password(journey, server):
    j = journey("ontwikkelgroep")
    account = server.accounts["ontwikkelgroep"]

    with j.step("log in"):
        j.log_in("ontwikkelgroep")
        j.expect_h1("Welkom")
        assert "Gebruikers" not in j.menu()

    with j.step("the IKC list is read-only"):
        j.click_link("IKC's", within="nav.site-nav")
        j.expect_h1("IKC's")
        forms = j.driver.find_elements(By.CSS_SELECTOR, "main form[method=post]")
        assert not forms, "a reader sees a form that changes something on the IKC list"
        j.expect_no_text("IKC toevoegen")

    with j.step("the users and the audit log are refused"):
        j.open("/users", status=403)
        j.open("/audit", status=403)

    with j.step("password change: wrong current password and a mismatch"):
        j.open("/account")
        j.expect_h1("Mijn account")
        j.fill({"current": "niet-het-wachtwoord", "password": "een nieuw lang wachtwoord", "confirm": "iets anders"})
        j.submit("Wachtwoord opslaan", status=422)
        j.expect_error_for("current")
        j.expect_error_for("confirm")

    with j.step("password change: too short"):
        j.fill({"current": account.password, "password": "kort", "confirm": "kort"})
        j.submit("Wachtwoord opslaan", status=422)
        j.expect_error_for("password")

    new_password = "de ontwikkelgroep leest mee 2025"
    with j.step("password change: saved"):
        j.fill({"current": account.password, "password": new_password, "confirm": new_password})
        j.submit("Wachtwoord opslaan")
        j.expect_text("Uw wachtwoord is gewijzigd.")
        account.password = new_password

    with j.step("log out and in with the new password"):
        j.log_out()
        j.log_in("ontwikkelgroep")
        j.expect_h1("Welkom")


def test_login_form_errors(journey):
    j = journey("inloggen")
    with j.step("an empty log-in form is answered with errors at the fields"):
        j.open("/login")
        j.submit("Inloggen", status=422)
        j.expect_error_for("email")
        j.expect_error_for("password")
    with j.step("a page that needs a log-in sends you to log in first, and back"):
        j.open("/ikcs")
        j.expect_h1("Inloggen")
        account = j.server.accounts["projectleider"]
        j.fill({"email": account.email, "password": account.password})
        j.submit("Inloggen")
        j.expect_path("/ikcs")
        j.expect_h1("IKC's")
