"""The machinery of the browser journeys: the server under test, the browser, and `Journey`,
which walks a person's steps, captures the raw HTML of every page it sees (for the validator
and the accessibility checks) and keeps a screenshot of every step, written out on failure.

Adding a journey step (e.g. for agreements or year plans) looks like:

    with j.step("open the agreement of IKC 1"):
        j.open("/afspraken/1")                      # or j.click_link("Afspraak")
        j.expect_h1("Resultaatafspraak")
    with j.step("save the targets grid"):
        j.fill({"target-2025-1": "12"})
        j.submit()                                  # clicks the form's primary button
        j.expect_status(200)
        j.expect_text("opgeslagen")

Every page reached through `open`, `click_link` or `submit` is captured and checked.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

import a11y

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", ROOT / ".build" / "browser-artifacts"))
BINARY = Path(os.environ.get("PLUSIKC_BIN", ROOT / ".build" / "debug" / "plusikc"))
WAIT_SECONDS = 10

VIEWPORTS = {"desktop": (1280, 900), "tablet": (800, 1100)}


# --------------------------------------------------------------------------- the server

@dataclass
class Account:
    role: str
    email: str
    password: str


class Server:
    """A temp database seeded with a programme's demo and `plusikc serve` on a free loopback port."""

    def __init__(self, programme: "Programme | None" = None) -> None:
        self.programme = programme or PROGRAMMES["kvk2"]
        self.directory = Path(tempfile.mkdtemp(prefix=f"plusikc-browser-{self.programme.code}-"))
        self.database = self.directory / "browser.sqlite"
        self.accounts: dict[str, Account] = {}
        self.partners: dict[str, Account] = {}
        self.process: subprocess.Popen | None = None
        self.base = ""
        self.log_path = ARTIFACTS / f"server-{self.programme.code}.log"

    def start(self) -> None:
        if not BINARY.exists():
            raise RuntimeError(f"{BINARY} is missing: run swift build first")
        # The demo's history is placed relative to this date (KvK2) or written as of it
        # (Amsterdam), and the server's clock is fixed to it: the journeys must not drift with
        # the real clock.
        env = dict(os.environ, PLUSIKC_TODAY=os.environ.get("PLUSIKC_TODAY", self.programme.today))
        subprocess.run([str(BINARY), "seed-demo", "--db", str(self.database), *self.programme.seed], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL, env=env)
        accounts_file = Path(str(self.database) + ".demo-accounts.txt")
        for line in accounts_file.read_text().splitlines():
            match = re.match(r"\s*(\S+)\s+(\S+)\s+wachtwoord:\s*(\S+)", line)
            if match:
                role, email, password = match.groups()
                if role == "partner":
                    self.partners[email] = Account(role, email, password)
                self.accounts.setdefault(role, Account(role, email, password))
        port = free_port()
        self.base = f"http://127.0.0.1:{port}"
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.serve(port, env, log_mode="wb")

    def serve(self, port: int | str, env: dict[str, str], log_mode: str = "ab") -> None:
        """Starts `plusikc serve` on the database and waits until /health answers 200."""
        log = open(self.log_path, log_mode)
        self.process = subprocess.Popen([str(BINARY), "serve", "--db", str(self.database), "--port", str(port)],
                                        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(self.base + "/health", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"server did not start; see {self.log_path}")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.directory, ignore_errors=True)


# --------------------------------------------------------------------------- the programmes

@dataclass(frozen=True)
class Party:
    """A signing party of a new agreement: who signs for it, and its demo partner's log-in
    (None: the project leader records its signature, as for KvK2's municipality)."""
    organisation: str
    partner_email: str | None
    signer: str
    title: str


@dataclass(frozen=True)
class Result:
    """A result a journey adds to an agreement: the goal and indicator as their options read."""
    goal: str
    description: str
    indicator: str
    baseline: str


@dataclass(frozen=True)
class Programme:
    """What the journeys need to know of a demo programme (issue 22): the roles and pages are
    the same in both, the words, names, years and ids are the programme's."""
    code: str
    seed: tuple[str, ...]            # extra arguments to `plusikc seed-demo`
    today: str                       # the server's fixed day
    years_are_school_years: bool
    ikc_count: int
    board_label: str                 # the IKC's school board on its page (KvK2 "Koepel PO")
    ikc_kind: str                    # the IKC kind that gets agreements
    has_predicate: bool
    board: str                       # a school board of the demo
    childcare: str                   # the first childcare organisation in the IKC form
    area: str
    other_area: str
    parties: tuple[Party, ...]       # the signing parties of a new IKC of `board` and `childcare`
    funder: tuple[str, str]          # (organisation, funding source) of the amounts the journeys type
    board_source: tuple[str, str]    # (organisation, funding source) of a second amount
    results: tuple[Result, Result, Result]
    plan_year: int                   # the year of the director's plan in concept
    own_ikc: str                     # the director's IKC (id 1)
    read_source: tuple[str, str]     # a funding source the steering group reads: link text, h1
    # The plan's results by position (value_3 a percentage, value_6 another number, value_2 not measured).
    result_3: str
    result_6: str
    result_2: str
    spent: tuple[str, ...]           # the verantwoording's spending fields
    # An agreement with approved verantwoordingen (plan, funding source, agreement ids) and its closed year.
    promises: tuple[int, int, int]
    closed_year: int
    concept_agreement: int
    indicator: str                   # indicator 1
    over_capacity: tuple[str, str, int, int]  # (role, flag, year short, year enough)
    undecided: tuple[str, int, int]  # (source with a budget onder voorbehoud, such a year, a decided year)
    earmark_parent: str
    last_edition: int                # the newest published report edition
    editions: tuple[int, ...]
    year_cycle: tuple[str, str, int, str]  # (seed day, a year on, the year, its due date dd-mm)

    def year(self, year: int) -> str:
        return f"{year}-{year + 1}" if self.years_are_school_years else str(year)

    @property
    def today_year(self) -> str:
        return self.today[:4]

    def contribution(self, which: tuple[str, str], year: int) -> str:
        """The label of a contributions grid cell."""
        return f"{which[0]}, {which[1]}, {self.year(year)}"


PROGRAMMES: dict[str, Programme] = {
    "kvk2": Programme(
        code="kvk2", seed=(), today="2026-11-23", years_are_school_years=True, ikc_count=9,
        board_label="Koepel", ikc_kind="Plus IKC", has_predicate=True,
        board="Proloog", childcare="Sinne Kinderopvang", area="Heechterp & Schieringen", other_area="Vrijheidswijk",
        parties=(Party("Gemeente Leeuwarden", None, "Sybrand Buma", "wethouder"),
                 Party("Proloog", "partner.proloog@demo.plusikc.nl", "Paul Proloog", "bestuurder"),
                 Party("Sinne Kinderopvang", "partner.sinne@demo.plusikc.nl", "Sietske Sinne", "directeur-bestuurder")),
        funder=("Gemeente Leeuwarden", "OAB-middelen gemeente"), board_source=("Proloog", "Koepels PO (OAB en lumpsum)"),
        results=(Result("1. Verminderen van ongelijkheid", "Meer peuters nemen deel aan VVE",
                        "Deelname VVE-peuters (percentage, hoger is beter)", "60"),
                 Result("2. Verbeteren van kwaliteitsonderwijs/opvang", "Meer leerlingen halen 1F lezen",
                        "Leerlingen op 1F lezen (percentage, hoger is beter)", "80"),
                 Result("3. Bevorderen van goede gezondheid en welzijn", "Kinderen voelen zich veilig",
                        "Score sociale veiligheid (score, hoger is beter)", "7,2")),
        plan_year=2026, own_ikc="OBS Montessori/Eestroom",
        read_source=("VVE-middelen (jeugdondersteuners VVE)", "VVE-middelen"),
        result_3="Leerlingen op 1F lezen", result_6="Score sociale veiligheid", result_2="Leerlingen met taalachterstand",
        spent=("spent_1", "spent_2", "spent_4", "spent_5"),
        promises=(6, 4, 2), closed_year=2022, concept_agreement=5, indicator="Deelname VVE-peuters",
        over_capacity=("Jeugdondersteuner 0-12",
                       "Jeugdondersteuner 0-12, 2026-2027: 88 uur toegezegd, 66 uur beschikbaar, 22 uur tekort", 2026, 2025),
        undecided=("Collegeprogramma Steunstructuur 12-", 2025, 2021), earmark_parent="OAB-middelen gemeente",
        last_edition=3, editions=(1, 2, 3),
        year_cycle=("2027-09-15", "2028-09-15", 2027, "01-10")),
    "amsterdam-west": Programme(
        code="amsterdam-west", seed=("--programme", "amsterdam-west"), today="2025-11-23", years_are_school_years=False,
        ikc_count=5, board_label="Schoolbestuur", ikc_kind="Kindcentrum", has_predicate=False,
        board="AWBR", childcare="Akros", area="Slotervaart-Noord", other_area="Geuzenveld",
        # The municipality funds but does not sign: two parties, each signing through its partner.
        parties=(Party("AWBR", "partner.awbr@west.demo.plusikc.nl", "Anouk AWBR", "bestuurder"),
                 Party("Akros", "partner.akros@west.demo.plusikc.nl", "Ahmed Akros", "directeur-bestuurder")),
        funder=("AWBR", "Ongelijk investeren voor gelijke kansen"), board_source=("AWBR", "NPO- en OAB-middelen"),
        results=(Result("1. Elk kind een goede start: vanaf de jongste jaren kansen om te leren en mee te doen",
                        "Meer peuters gaan naar de voorschool", "Peuters op de voorschool (percentage, hoger is beter)", "60"),
                 Result("2. Een ononderbroken leerlijn van 0 tot 13 jaar, zonder knip tussen opvang en onderwijs",
                        "Elk kind een warme overdracht naar groep 1", "Kinderen met warme overdracht (percentage, hoger is beter)", "80"),
                 Result("3. Een rijke schooldag met sport, cultuur, techniek, begeleiding en zorg",
                        "Meer kinderen in het middagprogramma",
                        "Kinderen in het middag- en avondprogramma (percentage, hoger is beter)", "7,2")),
        plan_year=2025, own_ikc="Kindcentrum De Zeven Zeeën",
        read_source=("Voorschoolse educatie (VVE)", "Voorschoolse educatie"),
        result_3="Kinderen met warme overdracht", result_6="Ouders die het Familie Servicepunt bezochten",
        result_2="Gezinnen geholpen via het samenwerkingsverband jonge kind",
        spent=("spent_1", "spent_2", "spent_3", "spent_4"),
        promises=(1, 1, 2), closed_year=2024, concept_agreement=4, indicator="Peuters op de voorschool",
        over_capacity=("Ouderconsulent (Familie Servicepunt)",
                       "Ouderconsulent (Familie Servicepunt), 2025: 36 uur toegezegd, 24 uur beschikbaar, 12 uur tekort", 2025, 2024),
        undecided=("NPO- en OAB-middelen", 2026, 2024), earmark_parent="NPO- en OAB-middelen",
        last_edition=1, editions=(1,),
        year_cycle=("2025-02-13", "2026-02-13", 2025, "01-03")),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --------------------------------------------------------------------------- the browser

def make_driver(viewport: str = "desktop") -> webdriver.Chrome:
    width, height = VIEWPORTS[viewport]
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=nl", "--no-first-run",
                     "--disable-extensions", "--disable-background-networking"):
        options.add_argument(argument)
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    driver_path = shutil.which("chromedriver")
    if not browser or not driver_path:
        raise RuntimeError("chromium and chromedriver are needed (Tests/Browser/run.sh installs them)")
    options.binary_location = browser
    # The performance log carries the Network events: the raw HTML of each document.
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    driver.set_page_load_timeout(30)
    return driver


# --------------------------------------------------------------------------- pages and journeys

@dataclass
class CapturedPage:
    label: str
    url: str
    status: int
    html: str
    file: Path | None = None


@dataclass
class Capture:
    """Every page the journeys saw under one programme, in order; the validator test reads it
    at the end of that programme's journeys."""
    programme: str = "kvk2"
    pages: list[CapturedPage] = field(default_factory=list)

    def add(self, page: CapturedPage) -> None:
        directory = ARTIFACTS / "pages" / self.programme
        directory.mkdir(parents=True, exist_ok=True)
        page.file = directory / f"{len(self.pages) + 1:03d}-{slug(page.label)}.html"
        page.file.write_text(page.html, encoding="utf-8")
        self.pages.append(page)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "page"


class StepFailed(AssertionError):
    pass


class Journey:
    def __init__(self, name: str, driver: webdriver.Chrome, server: Server, capture: Capture,
                 viewport: str = "desktop") -> None:
        self.name = name
        self.viewport = viewport
        self.driver = driver
        self.server = server
        self.capture_store = capture
        self.steps: list[tuple[str, bytes | None]] = []
        self.current_step = "start"
        self.page: CapturedPage | None = None
        self.failed = False
        self.broken_resources: list[str] = []

    # -- steps and evidence

    @contextlib.contextmanager
    def step(self, name: str):
        self.current_step = name
        try:
            yield self
        except BaseException:
            self.failed = True
            self._shot(name + " (FAILED)")
            raise
        self._shot(name)

    def _shot(self, name: str) -> None:
        try:
            png = self.driver.get_screenshot_as_png()
        except WebDriverException:
            png = None
        self.steps.append((name, png))

    def write_failure_artifacts(self) -> Path:
        directory = ARTIFACTS / "failures" / slug(self.name)
        directory.mkdir(parents=True, exist_ok=True)
        for index, (name, png) in enumerate(self.steps, start=1):
            if png:
                (directory / f"{index:02d}-{slug(name)}.png").write_bytes(png)
        with contextlib.suppress(WebDriverException):
            (directory / "last-page.dom.html").write_text(self.driver.page_source, encoding="utf-8")
        if self.page:
            (directory / "last-page.raw.html").write_text(self.page.html, encoding="utf-8")
        return directory

    # -- navigation (each captures and checks the page it lands on)

    def url(self, path: str) -> str:
        return self.server.base + path

    def open(self, path: str, status: int = 200) -> CapturedPage:
        self.driver.get(self.url(path))
        return self._landed(status)

    def click_link(self, text: str, status: int = 200, within="body") -> CapturedPage:
        """Follows the link with this text, inside a CSS selector or an element (see `row`)."""
        scope = self.driver.find_element(By.CSS_SELECTOR, within) if isinstance(within, str) else within
        link = scope.find_element(By.XPATH, f".//a[normalize-space()={xpath_literal(text)}]")
        self._navigate(link.click)
        return self._landed(status)

    def row(self, *texts: str, within: str = "main"):
        """The first table row in `within` whose text contains all these texts."""
        condition = " and ".join(f"contains(normalize-space(), {xpath_literal(t)})" for t in texts)
        scope = self.driver.find_element(By.CSS_SELECTOR, within)
        rows = scope.find_elements(By.XPATH, f".//tr[{condition}]")
        assert rows, f"no table row with {texts!r} in {within}"
        return rows[0]

    def choose(self, values: dict[str, str]) -> None:
        """Picks options of selects by their visible text: {select id: option text}."""
        for field_id, text in values.items():
            select = self.driver.find_element(By.ID, field_id)
            select.find_element(By.XPATH, f".//option[normalize-space()={xpath_literal(text)}]").click()

    def fill_labelled(self, values: dict[str, str]) -> None:
        """Types into fields found by the exact text of their label, as a screen reader names them."""
        ids = {}
        for text in values:
            labels = self.driver.find_elements(By.XPATH, f"//main//label[normalize-space()={xpath_literal(text)}]")
            assert len(labels) == 1, f"{len(labels)} labels read {text!r}"
            ids[labels[0].get_attribute("for")] = values[text]
        self.fill(ids)

    def post_directly(self, path: str, fields: dict[str, str]) -> int:
        """A POST made outside the page's forms (a crafted request with the session cookie and
        the page's CSRF token, as a curious user could send): returns the HTTP status."""
        status = self.driver.execute_async_script("""
            const [path, fields, done] = arguments;
            const body = new URLSearchParams(fields);
            const token = document.querySelector('input[name=csrf]');
            if (token) body.set('csrf', token.value);
            fetch(path, {method: 'POST', body, redirect: 'manual', credentials: 'same-origin'})
                .then(r => done(r.type === 'opaqueredirect' ? 303 : r.status), () => done(-1));
        """, path, fields)
        self.driver.get_log("performance")  # its 403 is an answer, not a broken page resource
        return int(status)

    def expect_no_post_forms(self, allowed: tuple[str, ...] = ()) -> None:
        """No form in the page that changes something (the log-out form in the header aside),
        except those whose action ends in one of `allowed`."""
        forms = self.driver.find_elements(By.CSS_SELECTOR, "form[method=post], form[method=POST]")
        actions = [f.get_attribute("action") for f in forms]
        actions = [a for a in actions if not a.endswith("/logout") and not a.endswith(allowed or ("\0",))]
        assert not actions, f"forms that change something on {self.driver.current_url}: {actions}"

    def fill(self, values: dict[str, str]) -> None:
        """Types into fields by id; checkboxes/radios take "on"/"off", selects the option's value."""
        ids = list(values)
        # One round trip for all the fields (each WebDriver call costs tens of milliseconds).
        found = self.driver.execute_script(
            "return arguments[0].map(id => { const e = document.getElementById(id);"
            " return e ? [e, e.tagName.toLowerCase(), (e.type || '').toLowerCase(), !!e.checked] : null; })", ids)
        for field_id, entry in zip(ids, found):
            assert entry, f"no field with id {field_id!r}"
            element, tag, kind, checked = entry
            value = values[field_id]
            if tag == "select":
                element.find_element(By.CSS_SELECTOR, f"option[value={css_literal(value)}]").click()
            elif kind in ("checkbox", "radio"):
                if checked != (value == "on"):
                    element.click()
            elif kind == "date" or value == "":
                element.clear()
                if value:
                    element.send_keys(value)
            else:
                # Select what is there and type over it, as a person would.
                element.send_keys(Keys.CONTROL, "a", Keys.NULL, value)

    def submit(self, button_text: str | None = None, status: int = 200) -> CapturedPage:
        """Clicks the submit button (by text, or the first primary button in <main>)."""
        if button_text:
            button = self.driver.find_element(
                By.XPATH, f"//main//button[normalize-space()={xpath_literal(button_text)}]")
        else:
            button = self.driver.find_element(By.CSS_SELECTOR, "main button.button--primary[type=submit]")
        self._navigate(button.click)
        return self._landed(status)

    def log_out(self) -> CapturedPage:
        button = self.driver.find_element(By.XPATH, "//header//button[normalize-space()='Uitloggen']")
        self._navigate(button.click)
        return self._landed(200)

    def log_in(self, role: str | None = None, email: str | None = None, password: str | None = None) -> CapturedPage:
        if role:
            account = self.server.accounts[role]
            email, password = account.email, account.password
        self.open("/login")
        self.expect_h1("Inloggen")
        self.fill({"email": email or "", "password": password or ""})
        page = self.submit("Inloggen")
        assert "/login" not in self.driver.current_url, f"still on the log-in page: {self.text('main')[:300]}"
        return page

    def _navigate(self, action) -> None:
        """Runs an action that loads a new document and waits until that document is complete:
        the old document carries a marker the new one lacks (no sleeps)."""
        self.driver.execute_script("window.__journeyOldDocument = true")
        action()
        WebDriverWait(self.driver, WAIT_SECONDS, poll_frequency=0.05, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script(
                "return window.__journeyOldDocument !== true && document.readyState === 'complete'"))

    def _landed(self, expected_status: int) -> CapturedPage:
        page = self._capture_document()
        self.page = page
        self.capture_store.add(page)
        assert not self.broken_resources, f"resources of {page.url} failed: {self.broken_resources}"
        problems = a11y.check_page(page.html)
        assert not problems, f"accessibility problems on {page.url}:\n  " + "\n  ".join(problems)
        assert page.status == expected_status, f"{page.url} answered {page.status}, expected {expected_status}"
        if self.viewport != "desktop":
            self.expect_no_page_overflow()
        return page

    def _capture_document(self) -> CapturedPage:
        """The raw HTML the server sent for the current document (not the DOM), via the Network
        events of the performance log; falls back to a GET with the browser's cookies."""
        label = f"{self.name} {self.current_step}"
        documents = []
        self.broken_resources = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message.get("method") != "Network.responseReceived":
                continue
            params = message["params"]
            if params.get("type") == "Document":
                documents.append(params)
            elif int(params["response"].get("status", 0)) >= 400:
                self.broken_resources.append(f"{params['response']['url']} {params['response']['status']}")
        if documents:
            last = documents[-1]
            try:
                body = self.driver.execute_cdp_cmd("Network.getResponseBody", {"requestId": last["requestId"]})
                html = body["body"]
                return CapturedPage(label, last["response"]["url"], int(last["response"]["status"]), html)
            except WebDriverException:
                pass
        url = self.driver.current_url
        cookies = "; ".join(f"{c['name']}={c['value']}" for c in self.driver.get_cookies())
        request = urllib.request.Request(url, headers={"Cookie": cookies})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return CapturedPage(label, url, response.status, response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            return CapturedPage(label, url, error.code, error.read().decode("utf-8"))

    # -- expectations

    def text(self, css: str = "main") -> str:
        return self.driver.find_element(By.CSS_SELECTOR, css).text

    def expect_h1(self, text: str) -> None:
        h1 = self.driver.find_element(By.TAG_NAME, "h1").text
        assert text in h1, f"h1 is {h1!r}, expected it to contain {text!r}"

    def expect_text(self, text: str, css: str = "main") -> None:
        content = self.text(css)
        assert text in content, f"{text!r} not in {css}: {content[:500]!r}"

    def expect_no_text(self, text: str, css: str = "main") -> None:
        content = self.text(css)
        assert text not in content, f"{text!r} unexpectedly in {css}"

    def expect_status(self, status: int) -> None:
        assert self.page and self.page.status == status, f"status {self.page and self.page.status}, expected {status}"

    def expect_path(self, path: str) -> None:
        current = self.driver.current_url.removeprefix(self.server.base)
        assert current.split("?")[0] == path, f"at {current}, expected {path}"

    def menu(self) -> list[str]:
        return [a.text for a in self.driver.find_elements(By.CSS_SELECTOR, "nav.site-nav a")]

    def expect_no_page_overflow(self) -> None:
        """Nothing makes the page scroll sideways (wide tables scroll inside their own box)."""
        overflow = self.driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 1, f"{self.driver.current_url} scrolls sideways by {overflow}px at this width"

    def expect_error_for(self, field_id: str) -> None:
        """A field's error: the field is aria-invalid and described by a visible message, and the
        summary at the top links to it."""
        element = self.driver.find_element(By.ID, field_id)
        assert element.get_attribute("aria-invalid") == "true", f"#{field_id} is not aria-invalid"
        described = (element.get_attribute("aria-describedby") or "").split()
        messages = [self.driver.find_element(By.ID, i) for i in described if i.endswith("-error")]
        assert messages and messages[0].is_displayed() and messages[0].text.strip(), f"#{field_id} has no visible error"
        links = self.driver.find_elements(By.CSS_SELECTOR, f".error-summary a[href='#{field_id}']")
        assert links, f"the error summary does not link to #{field_id}"


def xpath_literal(text: str) -> str:
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"


def css_literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
