"""The WSGI fast path (clinic_site/wsgi.py): cached pages sent before Django builds a request."""

from wsgiref.util import setup_testing_defaults

import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from clinic_site.wsgi import application
from pages.models import ClinicSettings
from tests.factories import SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clinic_settings():
    ClinicSettings.load()  # as on a live site: creating the row would record its history


def call(path, **environ_extra):
    environ = {"PATH_INFO": path, "HTTP_HOST": "localhost", **environ_extra}
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, headers):
        answer["status"], answer["headers"] = status, dict(headers)

    # As Django's test client does: a request must not close the test's database
    # connection, which holds the test's transaction.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        body = b"".join(application(environ, start_response))
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)
    return answer["status"], answer["headers"], body


def test_a_cached_page_comes_back_whole_with_every_header(settings):
    settings.PAGE_CACHE = True
    page = SectionFactory(body="Quick and easy.").page
    status, first, body = call(page.get_absolute_url())
    status, again, cached = call(page.get_absolute_url())

    assert status == "200 OK"
    assert again["X-Page-Cache"] == "hit"
    assert cached == body and b"Quick and easy." in cached
    for header in ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                   "Referrer-Policy", "Permissions-Policy", "ETag"]:
        assert again[header] == first[header]
    assert again["X-Request-ID"] != first["X-Request-ID"]


def test_a_visitor_with_a_session_is_never_answered_from_the_cache(settings):
    settings.PAGE_CACHE = True
    page = SectionFactory().page
    call(page.get_absolute_url())
    status, headers, _ = call(page.get_absolute_url(), HTTP_COOKIE=f"{settings.SESSION_COOKIE_NAME}=abc")
    assert "X-Page-Cache" not in headers


def test_a_known_etag_gets_a_304_without_a_body(settings):
    settings.PAGE_CACHE = True
    page = SectionFactory().page
    _, headers, _ = call(page.get_absolute_url())
    status, _, body = call(page.get_absolute_url(), HTTP_IF_NONE_MATCH=headers["ETag"])
    assert (status, body) == ("304 Not Modified", b"")


def test_a_content_save_is_served_on_the_next_request(settings):
    settings.PAGE_CACHE = True
    section = SectionFactory(body="Old sentence.")
    url = section.page.get_absolute_url()
    call(url)
    call(url)
    section.body = "New sentence."
    section.save()
    _, headers, body = call(url)
    assert b"New sentence." in body
    assert "X-Page-Cache" not in headers
