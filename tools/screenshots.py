"""`make screenshots`: phone (390 px) and desktop (1280 px) pictures of the public pages.

Loads the demo content into a fresh SQLite database, serves it with runserver on a free
loopback port and photographs each page, full length, with Debian's Chromium driven by
Playwright (never a downloaded browser). Writes docs/screenshots/<page>-<width>.png.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

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
        for command in (["migrate", "-v", "0"], ["load_demo_content"]):
            subprocess.run(manage + command, env=env, check=True, stdout=subprocess.DEVNULL)
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
        browser.close()


if __name__ == "__main__":
    main()
