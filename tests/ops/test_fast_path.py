"""The WSGI fast path (clinic_site/wsgi.py): cached pages sent before Django builds a request."""

import time
from datetime import timedelta
from wsgiref.util import setup_testing_defaults

import pytest
import time_machine
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone

from clinic_site.wsgi import application
from ops.pagecache import VERSION_KEY, CachedPage, LocalPages, page_key, page_timeout, today
from pages.models import ClinicSettings, Page
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


def test_a_hit_takes_the_page_from_this_process_and_only_the_version_from_the_cache(settings):
    settings.PAGE_CACHE = True
    page = SectionFactory(body="Kept here.").page
    call(page.get_absolute_url())
    key = page_key({"wsgi.url_scheme": "http", "HTTP_HOST": "localhost", "PATH_INFO": page.get_absolute_url(), "QUERY_STRING": ""})
    assert cache.get(key) is not None
    cache.delete(key)  # only this process still holds the page

    _, headers, body = call(page.get_absolute_url())
    assert headers["X-Page-Cache"] == "hit"
    assert b"Kept here." in body


def test_a_page_kept_in_this_process_is_stale_once_another_moves_the_version(settings):
    settings.PAGE_CACHE = True
    section = SectionFactory(body="Old sentence.")
    url = section.page.get_absolute_url()
    call(url)
    assert call(url)[1]["X-Page-Cache"] == "hit"
    # Another worker or host saves: the shared version moves, this process hears nothing.
    Page.objects.filter(pk=section.page_id).update(summary="New sentence.")
    cache.set(VERSION_KEY, "moved-elsewhere", None)

    _, headers, body = call(url)
    assert "X-Page-Cache" not in headers
    assert b"New sentence." in body


def test_a_page_kept_in_this_process_ends_at_its_own_end_and_at_midnight(settings):
    settings.PAGE_CACHE = True
    url = SectionFactory().page.get_absolute_url()
    start = timezone.localtime().replace(hour=12, minute=0)
    with time_machine.travel(start, tick=False):
        call(url)
        assert call(url)[1]["X-Page-Cache"] == "hit"
    with time_machine.travel(start + timedelta(seconds=settings.PAGE_CACHE_SECONDS + 1), tick=False):
        assert "X-Page-Cache" not in call(url)[1]  # its end passed
        assert call(url)[1]["X-Page-Cache"] == "hit"
    with time_machine.travel(start.replace(hour=23, minute=59, second=59), tick=False):
        call(url)
        assert call(url)[1]["X-Page-Cache"] == "hit"
    with time_machine.travel(start.replace(hour=23, minute=59, second=59) + timedelta(seconds=2), tick=False):
        assert "X-Page-Cache" not in call(url)[1]  # a new day


def test_the_day_of_the_stamp_follows_the_clock_across_midnight_both_ways():
    evening = timezone.localtime().replace(hour=23, minute=59, second=59, microsecond=0)
    with time_machine.travel(evening, tick=False):
        assert today() == evening.date()
    with time_machine.travel(evening + timedelta(seconds=2), tick=False):
        assert today() == evening.date() + timedelta(days=1)
    with time_machine.travel(evening, tick=False):
        assert today() == evening.date()


def test_a_cached_copy_ends_at_the_clinics_midnight_however_long_copies_may_last(settings, rf):
    settings.PAGE_CACHE_SECONDS = 24 * 3600
    evening = timezone.localtime().replace(hour=23, minute=59, second=0, microsecond=0)
    with time_machine.travel(evening, tick=False):
        assert page_timeout(rf.get("/")) == 60


def test_pages_kept_in_a_process_stay_within_their_byte_budget():
    def page(size, stamp="v"):
        return CachedPage((stamp, [("ETag", '"x"')], b"x" * size, time.time() + 60))

    pages = LocalPages(max_bytes=3200)
    for key in "abc":
        pages.put(key, page(800))
    pages.get("a", "v", time.time())  # used: the least recently used is now b
    pages.put("d", page(800))
    assert list(pages.pages) == ["c", "a", "d"]
    assert pages.size <= 3200
    pages.put("huge", page(5000))
    assert "huge" not in pages.pages
    assert pages.get("a", "other version", time.time()) is None
    assert "a" not in pages.pages
