"""Read aloud ("Lees voor") and text size on resident pages (core/_reading_tools.html, reading.js).

Headless Chromium has no voices, so the tests put a fake window.speechSynthesis in the page before
any script runs: it records the utterances and fires their end events when the test says so. The
fake's voices are set per test, and can arrive late (voiceschanged), as in real browsers."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.data import build_digid_towns
from tests.browser.helpers import assert_no_axe_violations

DUTCH = {"name": "Xander", "lang": "nl-NL", "localService": True, "default": True}
FLEMISH = {"name": "Ellen", "lang": "nl-BE", "localService": True, "default": False}
ENGLISH = {"name": "Daniel", "lang": "en-GB", "localService": True, "default": False}
DUTCH_ONLINE = {"name": "Google Nederlands", "lang": "nl-NL", "localService": False}

# __tts: spoken (texts, in order), langs, voices (names), cancels, finish() ends the current
# utterance, setVoices(list) changes the voices and fires voiceschanged.
FAKE_SPEECH = """
((voices) => {
  class FakeUtterance extends EventTarget {
    constructor(text) { super(); this.text = text; this.lang = ''; this.voice = null;
      this.rate = 1; this.pitch = 1; this.volume = 1; }
    dispatchEvent(event) { const handler = this['on' + event.type];
      if (handler) { handler.call(this, event); } return super.dispatchEvent(event); }
  }
  const listeners = [];
  let current = null;
  const tts = { spoken: [], langs: [], voices: [], cancels: 0 };
  const synth = {
    speaking: false, pending: false, paused: false, onvoiceschanged: null,
    getVoices() { return voices; },
    speak(u) { tts.spoken.push(u.text); tts.langs.push(u.lang);
      tts.voices.push(u.voice && u.voice.name); current = u; this.speaking = true;
      setTimeout(() => u.dispatchEvent(new Event('start')), 0); },
    cancel() { tts.cancels += 1; const u = current; current = null; this.speaking = false;
      if (u) { setTimeout(() => { const e = new Event('error'); e.error = 'interrupted';
        u.dispatchEvent(e); }, 0); } },
    pause() { this.paused = true; }, resume() { this.paused = false; },
    addEventListener(type, fn) { if (type === 'voiceschanged') { listeners.push(fn); } },
    removeEventListener() {},
  };
  tts.finish = () => { const u = current; current = null; synth.speaking = false;
    const boundary = new Event('boundary'); boundary.charIndex = 0; u.dispatchEvent(boundary);
    u.dispatchEvent(new Event('end')); };
  tts.setVoices = (list) => { voices = list;
    listeners.forEach((fn) => fn(new Event('voiceschanged'))); };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = FakeUtterance;
  window.__tts = tts;
})(%s);
"""
READ_ALOUD = "[data-read-aloud]"
TOGGLE = "[data-read-aloud-toggle]"
STOP = "[data-read-aloud-stop]"
STATUS = "[data-read-aloud-status]"
HIGHLIGHTED = """() => { const h = CSS.highlights.get('op-read-aloud');
    return h ? [...h][0].toString().replace(/\\s+/g, ' ') : null; }"""


def with_voices(page, voices):
    page.add_init_script(FAKE_SPEECH % json.dumps(voices))
    return page


def spoken(page) -> list[str]:
    return page.evaluate("() => window.__tts.spoken")


def tab_to(page, selector: str, limit: int = 25) -> None:
    """Presses Tab until the element is focused: it is reachable by keyboard."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
    pytest.fail(f"{selector} is not reachable with Tab")


def test_read_aloud_reads_the_main_content_sentence_by_sentence_with_pause_and_stop(new_page):
    towns = build_digid_towns()
    page = with_voices(new_page("desktop"), [])
    page.goto(f"/aanbod/{towns.ido_amersfoort.pk}/")
    # No voice yet: no button. The voices arrive late, as in Chrome.
    expect(page.locator(READ_ALOUD)).to_be_hidden()
    page.evaluate("(v) => window.__tts.setVoices(v)", [ENGLISH, FLEMISH, DUTCH])
    expect(page.locator(TOGGLE)).to_be_visible()
    expect(page.locator(TOGGLE)).to_have_accessible_name("Lees voor")
    expect(page.locator(STOP)).to_be_hidden()
    assert_no_axe_violations(page, what="offer page with the read aloud button")

    tab_to(page, TOGGLE)
    page.keyboard.press("Enter")
    expect(page.locator(STATUS)).to_have_text("Voorlezen gestart.")
    expect(page.locator(TOGGLE)).to_have_accessible_name("Pauzeer")
    expect(page.locator(STOP)).to_be_visible()
    page.wait_for_function("() => window.__tts.spoken.length === 1")
    # The first sentence is from <main>, not the header or the back link; in Dutch, with the
    # Dutch voice from the Netherlands (not the Flemish or English one).
    main_text = page.locator("main").inner_text()
    first = spoken(page)[0]
    assert first in main_text
    assert "Zoek ander aanbod" not in first and "Inloggen" not in first
    assert page.evaluate("() => window.__tts.voices") == ["Xander"]
    assert page.evaluate("() => window.__tts.langs") == ["nl-NL"]
    assert page.evaluate(HIGHLIGHTED) == first

    # The highlight moves with the reading, and the heading is read whole.
    title = page.locator("h1").inner_text()
    for _ in range(4):
        page.evaluate("() => window.__tts.finish()")
        if spoken(page)[-1] == title:
            break
    assert title in spoken(page)
    assert page.evaluate(HIGHLIGHTED) == title
    assert len(set(spoken(page))) == len(spoken(page)) > 1
    assert_no_axe_violations(page, what="offer page while reading aloud")

    # Pause (same button, still focused): nothing more is said, the highlight stays.
    page.keyboard.press("Enter")
    expect(page.locator(STATUS)).to_have_text("Voorlezen gepauzeerd.")
    expect(page.locator(TOGGLE)).to_have_accessible_name("Ga verder")
    count = len(spoken(page))
    page.wait_for_timeout(100)  # the fake's 'interrupted' error arrives and must not go on
    assert len(spoken(page)) == count
    assert page.evaluate(HIGHLIGHTED) == title
    # Resume: the paused sentence is read again, then on.
    page.keyboard.press("Enter")
    expect(page.locator(STATUS)).to_have_text("Voorlezen gaat verder.")
    page.wait_for_function("(n) => window.__tts.spoken.length === n + 1", arg=count)
    assert spoken(page)[-1] == title
    page.evaluate("() => window.__tts.finish()")
    page.wait_for_function("(n) => window.__tts.spoken.length === n + 2", arg=count)
    assert page.evaluate(HIGHLIGHTED) == spoken(page)[-1] != title

    # Stop, by keyboard: focus goes back to "Lees voor", the highlight goes.
    page.keyboard.press("Tab")
    assert page.evaluate("(s) => document.activeElement === document.querySelector(s)", STOP)
    page.keyboard.press("Enter")
    expect(page.locator(STATUS)).to_have_text("Voorlezen gestopt.")
    expect(page.locator(STOP)).to_be_hidden()
    expect(page.locator(TOGGLE)).to_have_accessible_name("Lees voor")
    assert page.evaluate("(s) => document.activeElement === document.querySelector(s)", TOGGLE)
    assert page.evaluate(HIGHLIGHTED) is None
    count = len(spoken(page))
    page.wait_for_timeout(100)
    assert len(spoken(page)) == count

    # Escape stops as well; starting again begins at the top.
    page.keyboard.press("Enter")
    page.wait_for_function("(n) => window.__tts.spoken.length === n + 1", arg=count)
    assert spoken(page)[-1] == first
    page.keyboard.press("Escape")
    expect(page.locator(STATUS)).to_have_text("Voorlezen gestopt.")
    expect(page.locator(STOP)).to_be_hidden()


def test_without_the_highlight_api_the_sentence_is_marked_and_the_text_restored(new_page):
    build_digid_towns()
    page = with_voices(new_page("phone"), [DUTCH])
    page.add_init_script("delete window.Highlight;")
    page.goto("/")
    before = page.locator("main").evaluate("(m) => m.innerHTML")
    page.locator(TOGGLE).click()
    page.wait_for_function("() => window.__tts.spoken.length === 1")
    marks = page.locator("main mark.op-read-aloud-mark")
    expect(marks).to_have_count(1)
    assert marks.inner_text() == spoken(page)[0] == page.locator("h1").inner_text()
    colours = marks.evaluate(
        "(m) => [getComputedStyle(m).backgroundColor, getComputedStyle(m).color]"
    )
    assert colours == ["rgb(255, 191, 71)", "rgb(27, 27, 27)"]
    for n in (2, 3, 4):
        page.evaluate("() => window.__tts.finish()")
        page.wait_for_function("(n) => window.__tts.spoken.length === n", arg=n)
        assert (
            page.locator("main mark").evaluate_all(
                "(ms) => ms.map((m) => m.textContent).join('').replace(/\\s+/g, ' ')"
            )
            == spoken(page)[-1]
        )
    page.locator(STOP).click()
    expect(page.locator("main mark")).to_have_count(0)
    assert page.locator("main").evaluate("(m) => m.innerHTML") == before


@pytest.mark.parametrize(
    "voices",
    [[], [ENGLISH], [DUTCH_ONLINE]],
    ids=["no voices", "no Dutch voice", "only an online Dutch voice"],
)
def test_no_button_without_a_voice_on_this_device_for_the_page_language(new_page, voices):
    page = with_voices(new_page("desktop"), voices)
    page.goto("/")
    page.wait_for_load_state("load")
    expect(page.locator(READ_ALOUD)).to_be_hidden()
    expect(page.get_by_role("button", name="Lees voor")).to_have_count(0)
    # A Dutch voice that disappears again takes the button with it.
    page.evaluate("(v) => window.__tts.setVoices(v)", [DUTCH])
    expect(page.locator(TOGGLE)).to_be_visible()
    page.evaluate("() => window.__tts.setVoices([])")
    expect(page.locator(READ_ALOUD)).to_be_hidden()


def test_an_english_page_is_read_with_an_english_voice(new_page):
    page = with_voices(new_page("desktop"), [DUTCH, ENGLISH])
    page.goto("/")
    with page.expect_navigation():
        page.get_by_role("button", name="English").click()
    toggle = page.get_by_role("button", name="Read aloud")
    expect(toggle).to_be_visible()
    toggle.click()
    page.wait_for_function("() => window.__tts.spoken.length === 1")
    assert page.evaluate("() => window.__tts.voices") == ["Daniel"]
    assert spoken(page)[0] == page.locator("h1").inner_text()


def test_the_real_headless_browser_without_voices_shows_no_button(new_page):
    page = new_page("phone")
    page.goto("/")
    page.wait_for_timeout(300)  # time for a late voiceschanged
    if page.evaluate(
        "() => speechSynthesis.getVoices().some((v) => v.localService && v.lang.startsWith('nl'))"
    ):
        pytest.skip("this Chromium has a local Dutch voice")
    expect(page.locator(READ_ALOUD)).to_be_hidden()


def font_sizes(page) -> tuple[float, float]:
    return tuple(
        page.evaluate(
            "() => [document.documentElement, document.body].map("
            "(e) => parseFloat(getComputedStyle(e).fontSize))"
        )
    )


def test_text_size_by_keyboard_is_remembered_and_axe_clean(new_page):
    towns = build_digid_towns()
    page = new_page("phone")
    page.goto(f"/aanbod/{towns.ido_amersfoort.pk}/")
    assert font_sizes(page) == (16, 18)
    larger = "button[name=grootte][value=groter]"
    tab_to(page, larger)
    page.keyboard.press("Enter")
    assert font_sizes(page) == (20, 22.5)
    expect(page.locator(larger)).to_have_attribute("aria-pressed", "true")
    expect(page.locator("button[name=grootte][value=normaal]")).to_have_attribute(
        "aria-pressed", "false"
    )
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert font_sizes(page) == (24, 27)
    assert page.evaluate("() => localStorage.getItem('op-tekstgrootte')") == "grootst"
    # The layout reflows: nothing wider than the phone's screen.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    assert_no_axe_violations(page, what="offer page at the largest text size")

    # Remembered across a page load: the server draws it from the cookie...
    page.goto("/")
    assert page.locator("html").get_attribute("class").split() == [
        "utrecht-html",
        "op-text-largest",
    ]
    assert font_sizes(page) == (24, 27)
    assert_no_axe_violations(page, what="home page at the largest text size")
    # ...and localStorage brings it back when the cookie was cleared.
    page.context.clear_cookies()
    page.reload()
    assert font_sizes(page) == (24, 27)
    expect(page.locator("button[name=grootte][value=grootst]")).to_have_attribute(
        "aria-pressed", "true"
    )
    assert any(
        c["name"] == "op_tekstgrootte" and c["value"] == "grootst" for c in page.context.cookies()
    )

    page.locator("button[name=grootte][value=normaal]").click()
    assert font_sizes(page) == (16, 18)
    page.reload()
    assert font_sizes(page) == (16, 18)


def test_without_javascript_no_read_aloud_button_and_text_size_still_works(nojs_page):
    towns = build_digid_towns()
    page = nojs_page
    url = f"/aanbod/{towns.ido_amersfoort.pk}/"
    page.goto(url)
    expect(page.locator(READ_ALOUD)).to_be_hidden()
    expect(page.get_by_role("button", name="Lees voor")).to_have_count(0)
    with page.expect_navigation():
        page.get_by_role("button", name="Grotere tekst").click()
    assert page.url.endswith(url)
    assert font_sizes(page) == (20, 22.5)
    expect(page.get_by_role("button", name="Grotere tekst")).to_have_attribute(
        "aria-pressed", "true"
    )
    page.goto("/")
    assert font_sizes(page) == (20, 22.5)


def test_reduced_motion_switches_transitions_off(new_page):
    page = new_page("desktop")
    page.emulate_media(reduced_motion="reduce")
    page.goto("/zoeken/?q=digid")
    durations = page.evaluate(
        "() => [...document.querySelectorAll('.htmx-indicator, a, button')].map("
        "(e) => getComputedStyle(e).transitionDuration)"
    )
    assert durations and set(durations) == {"0s"}
    assert (
        page.evaluate("() => getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    )


def test_forced_colours_and_more_contrast_keep_controls_and_highlight_visible(new_page):
    build_digid_towns()
    page = with_voices(new_page("desktop"), [DUTCH])
    page.emulate_media(forced_colors="active", contrast="more")
    page.goto("/")
    pressed = page.locator("button[name=grootte][aria-pressed=true]")
    style = pressed.evaluate(
        "(b) => [getComputedStyle(b).borderTopStyle, getComputedStyle(b).borderTopWidth]"
    )
    assert style == ["solid", "2px"]
    page.locator(TOGGLE).focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.__tts.spoken.length === 1")
    outline = page.locator(TOGGLE).evaluate("(b) => getComputedStyle(b).outlineStyle")
    assert outline == "solid"
