"""axe-core (from node_modules, installed by `make test`) on every public page type."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from gallery.models import Case
from tests.browser.conftest import settle
from pages.models import Page
from tests.factories import FaqItemFactory, FaqSectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"

PAGES = [
    "/",
    "/treatments/",
    "/treatments/botox/",
    "/gallery/",  # the model label on each photo and the typical-results note
    "/gallery/botox/",
    "/about/",
    "case",  # a case's own page; its address is known once the demo is loaded
    "/consultation/",
    "/consultation/thanks/",
    "/no-such-page/",
]

RUN_AXE = """async () => {
  const result = await axe.run(document, {runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                      targets: v.nodes.map(n => n.target.join(" "))}));
}"""


def resolve(path):
    return Case.objects.published().first().get_absolute_url() if path == "case" else path


@pytest.fixture
def page(browser):
    # axe is injected as a script the site's Content-Security-Policy rightly refuses.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    yield page
    settle(page)
    context.close()


@pytest.fixture
def axe_violations(page):
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{AXE} is missing; `make test` installs it with npm ci.")
        pytest.skip("axe-core is not installed (run `npm ci`)")

    def run():
        page.add_script_tag(path=str(AXE))
        return page.evaluate(RUN_AXE)

    return run


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_accessibility_violation(page, live_server, axe_violations, path, width):
    call_command("load_demo_content")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + resolve(path))
    serious = [v for v in axe_violations() if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_a_treatment_page_with_questions_and_answers_has_no_serious_violation(page, live_server, axe_violations):
    call_command("load_demo_content")  # which has no FAQ
    FaqItemFactory.create_batch(2, section=FaqSectionFactory(page=Page.objects.get(slug="botox")))
    page.goto(live_server.url + "/treatments/botox/")
    serious = [v for v in axe_violations() if v["impact"] in ("serious", "critical")]
    assert serious == []


def test_the_consultation_form_with_errors_has_no_serious_violation(page, live_server, axe_violations):
    call_command("load_demo_content")
    page.goto(live_server.url + "/consultation/")
    page.get_by_label("Email").fill("jane@")
    page.get_by_role("button", name="Send my request").click()
    page.wait_for_selector("#id_email_error")
    serious = [v for v in axe_violations() if v["impact"] in ("serious", "critical")]
    assert serious == []


@pytest.mark.parametrize("width", [320, 390, 1440])
def test_no_page_scrolls_sideways_from_320_to_1440_pixels(browser, live_server, width):
    call_command("load_demo_content")
    context = browser.new_context(viewport={"width": width, "height": 900})
    screen = context.new_page()
    for path in PAGES:
        screen.goto(live_server.url + resolve(path))
        assert screen.evaluate("document.documentElement.scrollWidth") <= width, path
    settle(screen)
    context.close()
