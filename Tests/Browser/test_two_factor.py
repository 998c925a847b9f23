"""Two-factor log-in (issue 25) as a person uses it: enrol an authenticator app from the account
page with a code computed here from the key the page shows, log out, log in with password and
code, then once with a recovery code (which works only once). At the end the project leader
resets the factor again, so the other journeys keep logging in with the password alone."""

import base64
import hashlib
import hmac
import struct
import time

from selenium.webdriver.common.by import By


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238 with HMAC-SHA1, six digits, 30-second steps: what an authenticator app shows."""
    text = secret.replace(" ", "").upper()
    key = base64.b32decode(text + "=" * (-len(text) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = (struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000
    return f"{value:06d}"


def password_step(j, role: str) -> None:
    account = j.server.accounts[role]
    j.open("/login")
    j.fill({"email": account.email, "password": account.password})
    j.submit("Inloggen")
    j.expect_path("/login/code")


def test_enrol_then_log_in_with_a_code_and_once_with_a_recovery_code(journey):
    j = journey("ontwikkelgroep")

    with j.step("enrol from the account page"):
        j.log_in("ontwikkelgroep")
        j.open("/account")
        j.click_link("Tweestapsverificatie", within="main")
        j.expect_h1("Tweestapsverificatie instellen")
        assert j.driver.find_elements(By.CSS_SELECTOR, ".qr-code svg"), "no QR code on the enrolment page"
        secret = j.driver.find_element(By.ID, "secret").text
        enrolled_at = time.time()
        j.fill({"code": totp(secret, enrolled_at)})
        j.submit("Tweestapsverificatie inschakelen")
        j.expect_h1("Tweestapsverificatie is ingeschakeld")
        codes = [e.text for e in j.driver.find_elements(By.CSS_SELECTOR, "ul.recovery-codes li code")]
        assert len(codes) == 10 and len(set(codes)) == 10, codes

    with j.step("the password alone opens nothing"):
        j.log_out()
        password_step(j, "ontwikkelgroep")
        j.open("/reports", status=200)
        j.expect_path("/login")

    with j.step("password and code"):
        password_step(j, "ontwikkelgroep")
        # The next step's code: the enrolment used this step's, and a code works once.
        j.fill({"code": totp(secret, enrolled_at + 30)})
        j.submit("Inloggen")
        j.expect_path("/")

    with j.step("a recovery code works once"):
        j.log_out()
        password_step(j, "ontwikkelgroep")
        j.fill({"recovery": codes[0]})
        j.submit("Inloggen met herstelcode")
        j.expect_path("/")
        j.log_out()
        password_step(j, "ontwikkelgroep")
        j.fill({"recovery": codes[0]})
        j.submit("Inloggen met herstelcode", status=401)
        j.expect_text("Deze herstelcode klopt niet of is al gebruikt.")

    with j.step("the project leader resets the factor"):
        j.log_in("projectleider")
        j.open("/users")
        email = j.server.accounts["ontwikkelgroep"].email
        link = j.driver.find_element(By.XPATH, f"//main//tr[td[normalize-space()='{email}']]//a")
        j._navigate(link.click)
        j._landed(200)
        j.submit("Tweestapsverificatie opnieuw instellen", status=200)
        j.log_out()
        j.log_in("ontwikkelgroep")
        j.expect_path("/")
