"""Accessibility checks that a program can make (WCAG 2.1 AA), over the raw HTML of a page and
over the stylesheet. They complement, not replace, a person with a screen reader.

check_page(html) -> list of problems (empty when fine):
  - every input/select/textarea (not hidden/submit/button) has a <label for>, is inside a
    <label>, or has aria-label/aria-labelledby
  - every <img> has an alt attribute; every <svg> in the page has role="img" + a title/aria-label
  - exactly one <h1>; headings never skip a level going down (h2 -> h4)
  - the first focusable element is the skip link to #inhoud, and #inhoud exists
  - every <table> has a <caption>; every <th> has a scope
  - errors: a field with aria-invalid="true" is described by an existing message, and the
    page has an error summary (role="alert") linking to it
  - every same-page link (#id) and aria reference points to an existing id
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

FOCUSABLE_TAGS = {"a", "button", "input", "select", "textarea", "summary"}
LABELLED_TAGS = {"input", "select", "textarea"}
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset", "image"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.label_fors: set[str] = set()
        self.controls: list[dict] = []  # {tag, attrs, in_label}
        self.images: list[dict] = []
        self.svgs: list[dict] = []
        self.headings: list[int] = []
        self.first_focusable: tuple[str, dict] | None = None
        self.tables: list[dict] = []  # {has_caption}
        self.ths: list[dict] = []
        self.hash_links: list[str] = []
        self.label_depth = 0
        self.table_stack: list[dict] = []
        self.svg_stack: list[dict] = []
        self.alerts: list[dict] = []

    def handle_starttag(self, tag: str, attrs_list) -> None:
        attrs = {k: (v if v is not None else "") for k, v in attrs_list}
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "label":
            self.label_depth += 1
            if attrs.get("for"):
                self.label_fors.add(attrs["for"])
        if tag in LABELLED_TAGS:
            self.controls.append({"tag": tag, "attrs": attrs, "in_label": self.label_depth > 0})
        if tag == "img":
            self.images.append(attrs)
        if tag == "svg":
            entry = {"attrs": attrs, "has_title": False}
            self.svgs.append(entry)
            self.svg_stack.append(entry)
        if tag == "title" and self.svg_stack:
            self.svg_stack[-1]["has_title"] = True
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "table":
            entry = {"has_caption": False}
            self.tables.append(entry)
            self.table_stack.append(entry)
        if tag == "caption" and self.table_stack:
            self.table_stack[-1]["has_caption"] = True
        if tag == "th":
            self.ths.append(attrs)
        if tag == "a" and attrs.get("href", "").startswith("#") and len(attrs["href"]) > 1:
            self.hash_links.append(attrs["href"][1:])
        if attrs.get("role") == "alert":
            self.alerts.append(attrs)
        if self.first_focusable is None and self._focusable(tag, attrs):
            self.first_focusable = (tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "label" and self.label_depth:
            self.label_depth -= 1
        if tag == "table" and self.table_stack:
            self.table_stack.pop()
        if tag == "svg" and self.svg_stack:
            self.svg_stack.pop()

    @staticmethod
    def _focusable(tag: str, attrs: dict) -> bool:
        if "disabled" in attrs:
            return False
        tabindex = attrs.get("tabindex")
        if tabindex is not None and tabindex.strip().lstrip("-").isdigit():
            return int(tabindex) >= 0
        if tag == "a":
            return "href" in attrs
        if tag == "input":
            return attrs.get("type", "text").lower() != "hidden"
        return tag in FOCUSABLE_TAGS


def check_page(html: str) -> list[str]:
    page = _Collector()
    page.feed(html)
    page.close()
    problems: list[str] = []

    for control in page.controls:
        attrs = control["attrs"]
        if control["tag"] == "input" and attrs.get("type", "text").lower() in UNLABELLED_INPUT_TYPES:
            continue
        name = attrs.get("name") or attrs.get("id") or "?"
        labelled = (attrs.get("id") in page.label_fors or control["in_label"]
                    or attrs.get("aria-label", "").strip()
                    or any(i in page.ids for i in attrs.get("aria-labelledby", "").split()))
        if not labelled:
            problems.append(f"<{control['tag']} name={name!r}> has no label")
        if attrs.get("aria-invalid") == "true":
            described = [i for i in attrs.get("aria-describedby", "").split() if i in page.ids]
            if not any(i.endswith("-error") for i in described):
                problems.append(f"invalid field {name!r} is not described by its error message")
            if attrs.get("id") not in page.hash_links:
                problems.append(f"invalid field {name!r} is not linked from an error summary")
    if any(c["attrs"].get("aria-invalid") == "true" for c in page.controls) and not page.alerts:
        problems.append("a page with invalid fields has no error summary with role=alert")

    for image in page.images:
        if "alt" not in image:
            problems.append(f"<img src={image.get('src', '?')!r}> has no alt attribute")
    for svg in page.svgs:
        attrs = svg["attrs"]
        hidden = attrs.get("aria-hidden") == "true"
        named = attrs.get("aria-label", "").strip() or attrs.get("aria-labelledby") or svg["has_title"]
        if not hidden and not named:
            problems.append("an <svg> has neither a text alternative nor aria-hidden=true")

    if page.headings.count(1) != 1:
        problems.append(f"{page.headings.count(1)} <h1> elements (expected exactly one)")
    previous = 0
    for level in page.headings:
        if level > previous + 1:
            problems.append(f"heading level skipped: h{previous or '-'} followed by h{level}")
        previous = level

    first = page.first_focusable
    if first is None or first[0] != "a" or first[1].get("href") != "#inhoud":
        problems.append(f"the first focusable element is not the skip link to #inhoud: {first}")
    if "inhoud" not in page.ids:
        problems.append("there is no element with id=inhoud (the skip link's target)")

    for index, table in enumerate(page.tables, start=1):
        if not table["has_caption"]:
            problems.append(f"table {index} has no <caption>")
    for th in page.ths:
        if th.get("scope") not in ("col", "row", "colgroup", "rowgroup"):
            problems.append(f"a <th> without scope ({th})")

    for target in page.hash_links:
        if target not in page.ids:
            problems.append(f"link to #{target}, but no element has that id")
    return problems


# --------------------------------------------------------------------------- the stylesheet

def parse_hex(value: str) -> tuple[float, float, float] | None:
    value = value.strip().lower()
    named = {"#fff": "#ffffff", "white": "#ffffff", "#000": "#000000", "black": "#000000"}
    value = named.get(value, value)
    match = re.fullmatch(r"#([0-9a-f]{3}|[0-9a-f]{6})", value)
    if not match:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return tuple(int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def css_rules(css: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, declarations) for every rule, flattening @media blocks (except print)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"@media\s+print\s*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", css)
    css = re.sub(r"@media[^{]*\{((?:[^{}]*\{[^{}]*\})*)[^{}]*\}", r"\1", css)
    rules = []
    for selector, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        declarations = {}
        for declaration in body.split(";"):
            if ":" in declaration:
                name, value = declaration.split(":", 1)
                declarations[name.strip().lower()] = value.replace("!important", "").strip()
        for single in selector.split(","):
            rules.append((" ".join(single.split()), declarations))
    return rules


def text_colour_pairs(css: str) -> list[tuple[str, str, str]]:
    """(selector, text colour, background colour) for every rule that sets a text colour; the
    background is the rule's own, else that of the nearest rule whose selector is a prefix of
    this one (`.site-header` for `.site-header a`), else the page's white."""
    rules = css_rules(css)
    variables = {}
    for selector, declarations in rules:
        if selector == ":root":
            variables.update({k: v for k, v in declarations.items() if k.startswith("--")})

    def resolve(value: str | None) -> str | None:
        if value is None:
            return None
        for _ in range(5):
            value = re.sub(r"var\((--[\w-]+)\)", lambda m: variables.get(m.group(1), m.group(0)), value)
        return value

    def background(declarations: dict[str, str]) -> str | None:
        value = resolve(declarations.get("background-color") or declarations.get("background"))
        if value and parse_hex(value.split()[0]):
            return value.split()[0]
        return None

    backgrounds = {sel: background(decl) for sel, decl in rules if background(decl)}
    page_background = backgrounds.get("body", "#ffffff")
    page_colour = resolve(dict(rules).get("body", {}).get("color")) or "#000000"
    pairs = []
    for selector, declarations in rules:
        colour = resolve(declarations.get("color"))
        if colour is None and background(declarations) and selector != "body":
            # a tinted box (notice, warning) whose text keeps the page's colour
            pairs.append((selector, page_colour, background(declarations)))
            continue
        if not colour or not parse_hex(colour):
            continue  # inherit / currentColor / none
        bg = background(declarations)
        if bg is None:
            base = re.sub(r":[\w-]+(\([^)]*\))?", "", selector).strip()
            candidates = [s for s in backgrounds if s != selector and (base == s or base.startswith(s + " ")
                          or base.startswith(s + ".") or base.startswith(s + ":"))]
            bg = backgrounds[max(candidates, key=len)] if candidates else page_background
        pairs.append((selector, colour, bg))
    return pairs
