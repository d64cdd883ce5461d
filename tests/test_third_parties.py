"""No third-party trackers or embeds: every resource a public page loads comes from the site.

Plain outbound links (`<a href>`, such as the map links of the offices) are allowed: they
load nothing until the patient follows them.
"""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command

from gallery.models import Case

pytestmark = pytest.mark.django_db

# The attributes through which a page makes the browser fetch or send something.
LOADING_ATTRIBUTES = {"src", "srcset", "data", "poster", "action", "formaction", "background"}


class ResourceParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name in LOADING_ATTRIBUTES and value:
                self.urls += [candidate.split()[0] for candidate in value.split(",") if candidate.strip()]
        if tag == "link":  # stylesheets, icons, preloads; the canonical link is ours too
            self.urls.append(attrs["href"])
        if "style" in attrs:
            self.urls += re.findall(r"url\(['\"]?([^'\")]+)", attrs["style"])


def foreign_resources(html):
    parser = ResourceParser()
    parser.feed(html)
    return [url for url in parser.urls if urlsplit(url).netloc not in ("", "testserver")]


def public_urls():
    case = Case.objects.published().first()
    return [
        "/", "/treatments/", "/treatments/botox/", "/gallery/", "/gallery/botox/", case.get_absolute_url(),
        "/about/", "/consultation/",
    ]


def test_no_public_page_loads_anything_from_another_origin(client):
    call_command("load_demo_content")
    for url in public_urls():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert foreign_resources(html) == [], url
        assert "<iframe" not in html, url


def test_the_consultation_form_posts_to_the_site_itself(client):
    html = client.get("/consultation/").content.decode()
    assert re.findall(r'<form[^>]*action="([^"]*)"', html) == ["/consultation/"]


def test_the_stylesheet_imports_no_fonts_or_images_from_elsewhere():
    for stylesheet in Path(settings.BASE_DIR, "static").rglob("*.css"):
        css = stylesheet.read_text()
        assert not re.search(r"(url\(|@import)\s*['\"]?(https?:)?//", css), stylesheet


def test_the_check_would_catch_an_external_script_or_image():
    html = (
        '<script src="https://www.googletagmanager.com/gtag/js"></script>'
        '<img srcset="/a.jpg 1x, //cdn.example/b.jpg 2x">'
    )
    assert foreign_resources(html) == ["https://www.googletagmanager.com/gtag/js", "//cdn.example/b.jpg"]
