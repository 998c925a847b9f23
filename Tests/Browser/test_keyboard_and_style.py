"""Keyboard use and the stylesheet: log in with only Tab and Enter, a visible focus, and text
colours with a contrast of at least 4.5:1 (WCAG 1.4.3) computed from Public/css/site.css."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import a11y
import support

CSS = (support.ROOT / "Public" / "css" / "site.css").read_text(encoding="utf-8")


def focused(driver):
    return driver.switch_to.active_element


def test_log_in_with_only_the_keyboard(journey, server):
    j = journey("toetsenbord")
    account = server.accounts["projectleider"]
    d = j.driver
    with j.step("the first Tab reaches the skip link, with a visible focus"):
        j.open("/login")
        d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        link = focused(d)
        assert link.get_attribute("class") == "skip-link" and link.get_attribute("href").endswith("#inhoud")
        assert link.is_displayed() and link.location["x"] >= 0, "the skip link stays off screen when focused"
        style = d.execute_script("const s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", link)
        assert style[0] != "none" and float(style[1].rstrip("px")) >= 2, f"no visible focus: {style}"
    with j.step("Enter on the skip link moves to the content"):
        link.send_keys(Keys.ENTER)
        assert d.execute_script("return document.activeElement.id") == "inhoud"
    with j.step("Tab to the fields, type, and Enter submits"):
        focused(d).send_keys(Keys.TAB)
        assert focused(d).get_attribute("id") == "email", focused(d).get_attribute("outerHTML")
        focused(d).send_keys(account.email, Keys.TAB)
        assert focused(d).get_attribute("id") == "password"
        j._navigate(lambda: focused(d).send_keys(account.password, Keys.ENTER))
        j._landed(200)
        j.expect_h1("Welkom")
    with j.step("the menu is reachable by keyboard and shows focus"):
        d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)  # skip link
        focused(d).send_keys(Keys.TAB)                           # brand
        focused(d).send_keys(Keys.TAB)                           # first menu item
        item = focused(d)
        assert item.text == "Start", item.get_attribute("outerHTML")
        outline = d.execute_script("return getComputedStyle(arguments[0]).outlineStyle", item)
        assert outline != "none"


def test_text_colours_have_enough_contrast():
    pairs = a11y.text_colour_pairs(CSS)
    assert len(pairs) >= 10, f"too few colour rules found; is the parser still right? {pairs}"
    weak = []
    for selector, colour, background in pairs:
        ratio = a11y.contrast(a11y.parse_hex(colour), a11y.parse_hex(background))
        if ratio < 4.5:
            weak.append(f"{selector}: {colour} on {background} is {ratio:.2f}:1")
    assert not weak, "text below 4.5:1:\n" + "\n".join(weak)


def test_the_custom_properties_meet_their_documented_contrast():
    variables = {sel: decl for sel, decl in a11y.css_rules(CSS) if sel == ":root"}[":root"]
    white = a11y.parse_hex("#fff")
    for name in ("--accent", "--text", "--muted", "--link", "--error", "--ok"):
        ratio = a11y.contrast(a11y.parse_hex(variables[name]), white)
        assert ratio >= 4.5, f"{name} {variables[name]} on white is {ratio:.2f}:1"
    # White text on the accent (header, primary buttons) and on the error colour (danger button).
    for name in ("--accent", "--error"):
        assert a11y.contrast(a11y.parse_hex(variables[name]), white) >= 4.5


def test_focus_is_visible_everywhere():
    rules = dict(a11y.css_rules(CSS))
    focus = rules.get(":focus-visible")
    assert focus, "no :focus-visible rule"
    assert "outline" in focus and "none" not in focus["outline"]
    # Non-text contrast (WCAG 1.4.11): the focus ring is at least 3:1 against white and the
    # accent header, through the outline or the dark ring (box-shadow) around it.
    variables = rules[":root"]
    ring_colours = [a11y.parse_hex(variables["--focus"]), a11y.parse_hex(variables["--text"])]
    for background in ("#ffffff", variables["--accent"]):
        best = max(a11y.contrast(c, a11y.parse_hex(background)) for c in ring_colours)
        assert best >= 3, f"focus ring below 3:1 on {background}"
    for selector, declarations in a11y.css_rules(CSS):
        if ":focus" in selector and "outline" in declarations and declarations["outline"].strip() in ("none", "0"):
            # only allowed where the element is not a control (main receives focus from the skip link)
            assert selector == "main:focus", f"{selector} removes the focus outline"


def test_page_checks_catch_problems():
    """The checker itself: a page with the usual mistakes is rejected on each of them."""
    bad = """<!DOCTYPE html><html lang="nl"><head><title>x</title></head><body>
    <a href="/">Start</a><main id="inhoud"><h1>A</h1><h3>C</h3><h1>B</h1>
    <img src="x.png"><input name="q"><table><tr><th>Kop</th></tr></table></main></body></html>"""
    problems = "\n".join(a11y.check_page(bad))
    for expected in ("has no label", "no alt", "<h1> elements", "heading level skipped",
                     "skip link", "no <caption>", "without scope"):
        assert expected in problems, f"{expected!r} not reported:\n{problems}"


# Pages with boxes that scroll wide tables sideways (issue 21, item 7).
SCROLL_PAGES = ["/agreements/1", "/agreements/1/print", "/areas/import", "/ikcs", "/funding", "/reports/2024",
                "/plans", "/users", "/audit", "/areas/1", "/ikcs/1", "/ikcs/1/plus", "/"]


def test_scroll_boxes_are_named_regions_a_keyboard_can_reach(journey, programme):
    j = journey("scrollvakken", viewport="tablet")
    d = j.driver
    j.log_in("projectleider")
    boxes_seen = 0
    # A programme without a predicate (Amsterdam West) has no predicate page to open.
    for path in (path for path in SCROLL_PAGES if programme.has_predicate or not path.endswith("/plus")):
        with j.step(f"every scroll box on {path} is a named, focusable region"):
            j.open(path)
            for box in d.find_elements(By.CSS_SELECTOR, ".table-scroll"):
                boxes_seen += 1
                html = box.get_attribute("outerHTML")[:160]
                assert box.get_attribute("role") == "region", html
                assert box.get_attribute("tabindex") == "0", html
                name = box.get_attribute("aria-label") or ""
                labelled = box.get_attribute("aria-labelledby")
                if labelled:
                    name = d.execute_script("const e = document.getElementById(arguments[0]); return e ? e.textContent : ''", labelled)
                assert name.strip(), f"scroll box without a name on {path}: {html}"
    assert boxes_seen >= 10
    with j.step("Tab reaches a wide table's box and the arrow key scrolls it"):
        # The first of these pages with a box wider than the tablet (KvK2's agreement has seven
        # school years; Amsterdam West's four calendar years fit, its funding table does not).
        wide = None
        for path in ("/agreements/1", "/funding", "/funding/personeel", "/audit"):
            j.open(path)
            wide = d.execute_script("""
                return [...document.querySelectorAll('.table-scroll')].find(b => b.scrollWidth > b.clientWidth + 2) || null""")
            if wide is not None:
                break
        assert wide is not None, "no scroll box overflows at tablet width"
        d.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        for _ in range(300):
            if d.execute_script("return document.activeElement === arguments[0]", wide):
                break
            focused(d).send_keys(Keys.TAB)
        assert d.execute_script("return document.activeElement === arguments[0]", wide), "Tab never reached the scroll box"
        outline = d.execute_script("return getComputedStyle(arguments[0]).outlineStyle", wide)
        assert outline != "none", "the focused scroll box shows no focus"
        focused(d).send_keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
        # Chromium scrolls smoothly: wait for the box to move.
        WebDriverWait(d, 3).until(lambda _: d.execute_script("return arguments[0].scrollLeft", wide) > 0,
                                  "the arrow key did not scroll the box")
