from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import timezone

from ops.pagecache import page_timeout
from pages.models import ClinicSettings, Page, Section
from pages.views import PageDetailView
from publishing.versions import VERSION_KEY, content_version
from tests.factories import PageFactory, SectionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clinic_settings():
    ClinicSettings.load()  # as on a live site: created during a first visit, it is a content change


def test_an_anonymous_page_is_answered_from_the_cache_the_second_time(client, django_assert_num_queries):
    ClinicSettings.load()
    page = PageFactory()
    assert "X-Page-Cache" not in client.get(page.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.get(page.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert page.title in response.content.decode()


def test_a_saved_section_shows_on_the_next_request(client):
    section = SectionFactory(body="Before the edit.")
    url = section.page.get_absolute_url()
    client.get(url)
    section.body = "After the edit."
    section.save()
    assert "After the edit." in client.get(url).content.decode()


def test_a_deleted_page_is_gone_on_the_next_request(client):
    page = PageFactory()
    client.get(page.get_absolute_url())
    page.delete()
    assert client.get(page.get_absolute_url()).status_code == 404


def test_clinic_settings_changed_show_on_every_cached_page(client):
    page = PageFactory()
    client.get(page.get_absolute_url())
    clinic = ClinicSettings.load()
    clinic.site_notice = "Closed on public holidays."
    clinic.save()
    assert "Closed on public holidays." in client.get(page.get_absolute_url()).content.decode()


def test_a_page_deleted_with_an_admin_action_is_gone_from_the_cached_list(admin_client, client):
    page = PageFactory(title="Fillers")
    client.get("/treatments/")
    response = admin_client.post(
        "/admin/pages/page/", {"action": "delete_selected", "_selected_action": [page.pk], "post": "yes"}
    )
    assert response.status_code == 302
    assert "Fillers" not in client.get("/treatments/").content.decode()


def test_any_successful_admin_post_moves_the_content_version(admin_client):
    # Admin actions may change rows with queryset.update(), which sends no signal.
    before = content_version()
    assert admin_client.post("/admin/logout/").status_code == 200
    assert cache.get(VERSION_KEY) != before


def test_the_version_moves_again_when_the_save_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        PageFactory()
    before = cache.get(VERSION_KEY)
    for callback in callbacks:
        callback()
    assert cache.get(VERSION_KEY) != before


def test_logged_in_staff_never_get_a_cached_page(admin_client, client):
    page = PageFactory()
    client.get(page.get_absolute_url())
    assert "X-Page-Cache" not in admin_client.get(page.get_absolute_url())


def test_a_response_that_sets_a_cookie_is_not_cached(client, admin_user):
    client.get("/admin/login/")
    response = client.get("/admin/login/")
    assert "X-Page-Cache" not in response
    assert "csrftoken" in response.cookies


def test_the_page_cache_can_be_turned_off(client, settings):
    settings.PAGE_CACHE = False
    page = PageFactory()
    client.get(page.get_absolute_url())
    assert "X-Page-Cache" not in client.get(page.get_absolute_url())


@pytest.mark.parametrize("cached", [False, True])
def test_an_unchanged_page_answers_304_to_its_etag(client, cached):
    page = PageFactory()
    etag = client.get(page.get_absolute_url())["ETag"]
    if not cached:
        cache.clear()
    response = client.get(page.get_absolute_url(), headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


def test_a_changed_page_does_not_answer_304_to_its_old_etag(client):
    section = SectionFactory()
    url = section.page.get_absolute_url()
    etag = client.get(url)["ETag"]
    section.heading = "A new heading"
    section.save()
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "A new heading" in response.content.decode()


def test_a_host_outside_allowed_hosts_is_refused_every_time(client):
    page = PageFactory()
    for _ in range(2):
        assert client.get(page.get_absolute_url(), headers={"Host": "evil.example"}).status_code == 400


def test_a_cached_page_comes_back_whole_with_every_header(client):
    page = SectionFactory(body="Quick and easy.").page
    first = client.get(page.get_absolute_url())
    again = client.get(page.get_absolute_url())
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content and b"Quick and easy." in again.content
    for header in ["Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options",
                   "Referrer-Policy", "Permissions-Policy", "ETag"]:
        assert again[header] == first[header]
    assert again["X-Request-ID"] != first["X-Request-ID"]


def test_a_page_cached_by_one_process_is_stale_once_another_moves_the_version(client):
    section = SectionFactory(body="Old sentence.")
    url = section.page.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    # Another worker or host saves: the shared version moves, this process hears nothing.
    Page.objects.filter(pk=section.page_id).update(summary="New sentence.")
    cache.set(VERSION_KEY, "moved-elsewhere", None)

    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert b"New sentence." in response.content


def test_a_cached_page_ends_at_the_clinics_midnight(client):
    url = SectionFactory().page.get_absolute_url()
    evening = timezone.localtime().replace(hour=23, minute=59, second=0, microsecond=0)
    with time_machine.travel(evening, tick=False):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
        assert page_timeout(RequestFactory().get(url)) == 60
    with time_machine.travel(evening + timedelta(seconds=61), tick=False):
        assert "X-Page-Cache" not in client.get(url)  # a new day


def test_a_cached_page_ends_when_a_scheduled_page_appears(client):
    ClinicSettings.load()
    noon = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    with time_machine.travel(noon, tick=False):
        PageFactory(title="Fillers", publish_from=noon + timedelta(minutes=5))
        client.get("/treatments/")
        assert client.get("/treatments/")["X-Page-Cache"] == "hit"
        assert page_timeout(RequestFactory().get("/treatments/")) == 300
    with time_machine.travel(noon + timedelta(minutes=5, seconds=1), tick=False):
        response = client.get("/treatments/")
        assert "X-Page-Cache" not in response
        assert "Fillers" in response.content.decode()
        # The next scheduled change is looked up again: none is due now, so midnight.
        assert page_timeout(RequestFactory().get("/treatments/")) > 11 * 3600


def test_a_page_rendered_while_a_save_happens_is_not_kept_as_the_new_content(client, monkeypatch):
    section = SectionFactory(body="Softer frown lines.")
    url = section.page.get_absolute_url()
    render = PageDetailView.get_context_data

    def edited_during_the_visit(view, **kwargs):
        context = render(view, **kwargs)  # the page's row is read: then staff save
        Section.objects.filter(pk=section.pk).update(body_html="<p>Smoother forehead.</p>")
        Page.objects.get(pk=section.page_id).save()
        return context

    monkeypatch.setattr(PageDetailView, "get_context_data", edited_during_the_visit)
    assert "Softer frown lines." in client.get(url).content.decode()
    monkeypatch.undo()
    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert "Smoother forehead." in response.content.decode()
