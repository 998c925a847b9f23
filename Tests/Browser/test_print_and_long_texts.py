"""Issue 21, items 8 and 9: the agreement's and the report's print views fit A4 (every amount on
the screen page whole in the PDF, no nearly empty page), and long "niet gemeten" reasons do not
push the report's columns out of view at 1280 px or on a tablet."""

from __future__ import annotations

import base64
import re
import shutil
import subprocess

import pytest
from selenium.webdriver.common.by import By

import support

AMOUNT = re.compile(r"€\s?-?\d{1,3}(?:\.\d{3})*(?:,\d{2})?")


def squeeze(text: str) -> str:
    """One space for any run of white space, and "€ 0" however the PDF spaces the sign."""
    return re.sub(r"€\s*", "€ ", re.sub(r"\s+", " ", text.replace("\u00a0", " ")))


def print_to_pdf(j, name: str) -> list[str]:
    """Prints the current page as Chromium does on A4 (the page's own @page sizes) and returns
    the text of each PDF page, laid out (`pdftotext -layout`)."""
    result = j.driver.execute_cdp_cmd("Page.printToPDF", {"preferCSSPageSize": True, "paperWidth": 8.27,
                                                          "paperHeight": 11.69, "printBackground": False})
    folder = support.ARTIFACTS / "pdf" / j.server.programme.code  # per programme: run.sh runs them at once
    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / f"{name}.pdf"
    pdf.write_bytes(base64.b64decode(result["data"]))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return pages


def check_print(j, path: str, name: str) -> list[str]:
    j.open(path)
    shown = squeeze(j.driver.find_element(By.TAG_NAME, "main").text)
    amounts = sorted(set(squeeze(a) for a in AMOUNT.findall(shown)))
    assert amounts, f"no amounts on {path}"
    pages = print_to_pdf(j, name)
    printed = squeeze(" ".join(pages))
    missing = [a for a in amounts if not re.search(re.escape(a) + r"(?![\d.,])", printed)]
    assert not missing, f"{path}: amounts on the screen page that the PDF cuts or lacks: {missing[:10]}"
    lines = [len([line for line in page.splitlines() if line.strip()]) for page in pages]
    nearly_empty = [number + 1 for number, count in enumerate(lines[:-1]) if count < 8]
    assert not nearly_empty, f"{path}: nearly empty pages {nearly_empty} (lines per page: {lines})"
    assert lines[-1] >= 3, f"{path}: the last page is nearly empty (lines per page: {lines})"
    return pages


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is needed; run.sh installs it")
def test_agreement_and_report_print_on_a4(journey, programme):
    p = programme
    j = journey("afdrukken")
    j.log_in("projectleider")
    with j.step("the agreement's print view fits A4: amounts whole, years all there, no empty pages"):
        pages = check_print(j, "/agreements/1/print", f"afspraak-1-{p.code}")
        text = squeeze(" ".join(pages))
        last = 2028 if p.years_are_school_years else 2027  # agreement 1's last year
        assert p.year(last) in text or str(last) in text, "the last year's column is cut off"
        signature_pages = [i for i, page in enumerate(pages) if "Handtekening" in page]
        assert len(set(signature_pages)) == 1, f"the signature block is split over pages {signature_pages}"
        assert len(pages) <= 6, f"the agreement prints on {len(pages)} pages"
    with j.step("the report's print view fits A4 the same way, and a table continued on a new page repeats its header"):
        # A published edition holds the whole report inline (the draft links each IKC's detail
        # to its own page); KvK2's demo publishes edition 1 of 2022-2024 as editions 1-3,
        # Amsterdam West's that of 2024 as edition 1.
        pages = check_print(j, f"/reports/editions/{p.last_edition}", f"rapportage-{p.code}")
        first_lines = [next((line.strip() for line in page.splitlines() if line.strip()), "") for page in pages]
        continued = [line for line in first_lines if re.match(r"IKC\s+Indicator\s+Nulmeting", line)]
        assert continued, f"no page starts with a repeated table header: {first_lines}"


@pytest.mark.parametrize("viewport", ["desktop", "tablet"])
def test_long_not_measured_reasons_keep_every_column_visible(journey, viewport, programme):
    j = journey("lange teksten", viewport=viewport)
    j.log_in("projectleider")
    d = j.driver
    found_note = False
    # The published editions (KvK2's 2022-2024, Amsterdam's 2024) hold the results per goal inline.
    for edition in programme.editions:
        with j.step(f"edition {edition}: every results table fits its box"):
            j.open(f"/reports/editions/{edition}")
            found_note = found_note or bool(d.find_elements(By.CSS_SELECTOR, ".table-notes li"))
            wide = d.execute_script("""
                return [...document.querySelectorAll('main table.data')].filter(t => {
                    const box = t.closest('.table-scroll') || t.parentElement;
                    return t.querySelector('caption') && /doel en meting/.test(t.querySelector('caption').textContent)
                        && t.scrollWidth > box.clientWidth + 1;
                }).map(t => t.querySelector('caption').textContent + ': ' + t.scrollWidth + ' > ' + (t.closest('.table-scroll') || t.parentElement).clientWidth);
            """)
            assert not wide, f"columns out of view at {viewport}: {wide}"
    assert found_note, "no report year has a 'niet gemeten' reason to check"
