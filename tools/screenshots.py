"""`make screenshots`: phone (390 px) and desktop (1280 px) pictures of the public pages
and of the admin forms staff use most.

Loads the demo content into a fresh SQLite database, serves it with runserver on a free
loopback port and photographs each page, full length, with Debian's Chromium driven by
Playwright (never a downloaded browser). Writes docs/screenshots/<page>-<width>.png and,
as an editor, docs/screenshots/admin-<form>-<width>.png.
"""

import io
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PAGES = {
    "home": "/",
    "botox": "/treatments/botox/",
    "gallery": "/gallery/",
    "case": None,  # the first demo case, found on the gallery page
    "about": "/about/",
    "consultation": "/consultation/",
}
WIDTHS = (390, 1280)
EDITOR = ("maria", "screenshots-only-password")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "CACHE_URL"))},
            "DJANGO_DEBUG": "true",  # runserver serves the static files
            "DJANGO_SECRET_KEY": "screenshots-only",
            "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3",
            "DJANGO_MEDIA_ROOT": f"{tmp}/media",
            "DJANGO_PRIVATE_MEDIA_ROOT": f"{tmp}/private",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        for command in (["migrate", "-v", "0"], ["load_demo_content"], ["create_editor", EDITOR[0], "maria@example.com"]):
            subprocess.run(manage + command, env={**env, "DJANGO_EDITOR_PASSWORD": EDITOR[1]}, check=True,
                           stdout=subprocess.DEVNULL)
        port = free_port()
        server = subprocess.Popen(manage + ["runserver", "--noreload", f"127.0.0.1:{port}"], env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)
                    break
                except OSError:
                    time.sleep(0.1)
            shoot(base)
        finally:
            server.terminate()
            server.wait()


def shoot(base):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 844 if width < 600 else 800},
                                    device_scale_factor=1)
            for name, path in PAGES.items():
                if path is None:
                    page.goto(base + "/gallery/")
                    path = page.locator("article.case h2 a").first.get_attribute("href")
                page.goto(base + path, wait_until="networkidle")
                page.evaluate("document.fonts.ready")
                # Photograph what a visitor would see on scrolling down.
                page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
                page.wait_for_load_state("networkidle")
                page.screenshot(path=OUT / f"{name}-{width}.png", full_page=True)
                print(f"wrote docs/screenshots/{name}-{width}.png")
            page.close()
        for width in WIDTHS:
            shoot_admin(browser, base, width)
        browser.close()


def shoot_admin(browser, base, width):
    """The forms of the main tasks, as an editor sees them; a case form back with its error."""
    page = browser.new_page(viewport={"width": width, "height": 844 if width < 600 else 800})
    page.goto(base + "/consultation/")  # a request for the requests list
    page.locator("#id_name").fill("Jane Patient")
    page.locator("#id_email").fill("jane@example.com")
    page.locator("#id_consent_to_contact").check()
    page.get_by_role("button", name="Send my request").click()
    page.goto(base + "/admin/login/")
    page.get_by_label("Username").fill(EDITOR[0])
    page.get_by_label("Password").fill(EDITOR[1])
    page.get_by_role("button", name="Log in").click()

    page.goto(base + "/admin/pages/page/")
    page.get_by_role("link", name="Botox", exact=True).click()
    admin_shot(page, "admin-page", width)
    page.goto(base + "/admin/pages/page/add/")
    admin_shot(page, "admin-page-add", width)

    photo = io.BytesIO()
    Image.frombytes("RGB", (900, 675), random.Random(1).randbytes(900 * 675 * 3)).save(photo, "JPEG")
    page.goto(base + "/admin/gallery/case/add/")
    page.locator("#id_treatment").select_option(label="Botox")
    page.locator("#id_treated_area").fill("Forehead lines")
    page.locator("#id_procedure").fill("Botox injections")
    for side in ("before", "after"):
        page.locator(f"#id_{side}_image").set_input_files(
            files=[{"name": f"{side}.jpg", "mimeType": "image/jpeg", "buffer": photo.getvalue()}]
        )
        page.locator(f"#id_{side}_alt").fill(f"Forehead, {side} Botox")
    page.locator("#id_is_published").check()
    page.get_by_role("button", name="Save", exact=True).last.click()
    admin_shot(page, "admin-case-error", width)

    page.goto(base + "/admin/consultations/consultationrequest/")
    admin_shot(page, "admin-requests", width)
    page.close()


def admin_shot(page, name, width):
    page.wait_for_load_state("networkidle")
    # The admin's long forms scroll inside the page at laptop widths: photograph their full height.
    height = page.evaluate("document.documentElement.scrollHeight")
    page.set_viewport_size({"width": width, "height": min(height, 6000)})
    path = OUT / f"{name}-{width}.png"
    page.screenshot(path=path, full_page=True)
    Image.open(path).quantize(colors=64).save(path, optimize=True)  # a few dozen KB in git
    page.set_viewport_size({"width": width, "height": 844 if width < 600 else 800})
    print(f"wrote docs/screenshots/{name}-{width}.png")


if __name__ == "__main__":
    main()
