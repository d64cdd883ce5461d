"""Playwright driving Debian's Chromium; no browser is ever downloaded."""

import os
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests
# make around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is missing at {CHROMIUM}; browser tests must run in CI.")
        pytest.skip(f"Chromium is missing at {CHROMIUM} (make test installs it with apt)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@contextmanager
def new_page(browser):
    """A page in a browser context of its own: its own cookies, closed afterwards."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    settle(page)
    context.close()


def settle(page):
    """Let the page's last requests (lazy images, scripts) finish before the test's database
    is flushed: the live server shares SQLite's in-memory database with the test thread."""
    try:
        page.wait_for_load_state("networkidle", timeout=5_000)
    except PlaywrightError:
        pass  # a page that keeps polling still gets closed


@pytest.fixture
def page(browser):
    with new_page(browser) as page:
        yield page


@pytest.fixture
def staff_login(page, live_server, django_user_model):
    """Log a user into the admin in the browser (a new superuser unless it exists) and return the page."""

    def login(username="staff", password="a-long-test-password"):
        if not django_user_model.objects.filter(username=username).exists():
            django_user_model.objects.create_superuser(username, "staff@example.com", password)
        page.goto(f"{live_server.url}/admin/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_url(f"{live_server.url}/admin/")
        return page

    return login


@pytest.fixture
def editor_login(staff_login, editor):
    """Log in, in the browser, as an editor: staff, in the Editors group, not a superuser."""
    assert not editor.is_superuser
    return lambda: staff_login(editor.username)


@pytest.fixture
def visitor(browser):
    """A second page with no cookies: an anonymous patient, beside logged-in staff."""
    with new_page(browser) as visitor:
        yield visitor


@pytest.fixture
def admin_action(page):
    """Tick one row of an admin changelist and run an action on it."""

    def run(row_name, action):
        page.get_by_role("row", name=row_name).get_by_role("checkbox").check()
        page.locator("select[name=action]").select_option(label=action)
        page.get_by_role("button", name="Go").click()

    return run
