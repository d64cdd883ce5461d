import datetime
from xml.etree import ElementTree

import pytest
import time_machine
from django.core.exceptions import ValidationError

from pages.models import ClinicSettings, Page
from publishing.models import next_visibility_change
from tests.factories import PageFactory

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2027, 3, 1, 12, 0, tzinfo=datetime.UTC)
HOUR = datetime.timedelta(hours=1)


@time_machine.travel(NOON, tick=False)
def test_a_page_scheduled_for_later_is_hidden_until_its_time_then_shown(client):
    page = PageFactory(publish_from=NOON + HOUR)
    assert page not in Page.objects.published()
    assert client.get(page.get_absolute_url()).status_code == 404

    with time_machine.travel(NOON + HOUR, tick=False):
        assert page in Page.objects.published()
        assert client.get(page.get_absolute_url()).status_code == 200


@time_machine.travel(NOON, tick=False)
def test_a_page_disappears_at_its_hide_from_time(client):
    page = PageFactory(unpublish_at=NOON + HOUR)
    assert client.get(page.get_absolute_url()).status_code == 200

    with time_machine.travel(NOON + HOUR, tick=False):
        assert page not in Page.objects.published()
        assert client.get(page.get_absolute_url()).status_code == 404


@time_machine.travel(NOON, tick=False)
def test_a_scheduled_page_joins_the_treatment_list_at_its_time(client):
    PageFactory(title="Spring peel", publish_from=NOON + HOUR)
    assert "Spring peel" not in client.get("/treatments/").content.decode()
    with time_machine.travel(NOON + 2 * HOUR, tick=False):
        assert "Spring peel" in client.get("/treatments/").content.decode()


@pytest.mark.parametrize("url", ["/", "/treatments/"])
def test_a_scheduled_page_joins_the_list_at_its_time_with_the_page_cache_off(client, settings, url):
    settings.PAGE_CACHE = False
    with time_machine.travel(NOON, tick=False):
        ClinicSettings.load()  # created now, not during the first visit (a content change)
        PageFactory(title="Spring peel", publish_from=NOON + HOUR)
        assert "Spring peel" not in client.get(url).content.decode()
    with time_machine.travel(NOON + 2 * HOUR, tick=False):
        assert "Spring peel" in client.get(url).content.decode()


@time_machine.travel(NOON, tick=False)
def test_an_unticked_page_stays_hidden_even_inside_its_window():
    PageFactory(is_published=False, publish_from=NOON - HOUR, unpublish_at=NOON + HOUR)
    assert not Page.objects.published().exists()


def test_the_hide_from_time_must_come_after_the_show_from_time():
    page = PageFactory.build(publish_from=NOON, unpublish_at=NOON - HOUR)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "must be after" in error.value.message_dict["unpublish_at"][0]


@time_machine.travel(NOON, tick=False)
def test_next_visibility_change_is_the_nearest_future_start_or_end():
    PageFactory(publish_from=NOON + 3 * HOUR)
    PageFactory(publish_from=NOON - HOUR, unpublish_at=NOON + 2 * HOUR)
    PageFactory(is_published=False, publish_from=NOON + HOUR)  # never appears by itself
    assert next_visibility_change() == NOON + 2 * HOUR


def test_next_visibility_change_is_none_without_a_schedule():
    PageFactory()
    assert next_visibility_change() is None


@time_machine.travel(NOON, tick=False)
def test_a_scheduled_page_enters_the_sitemap_at_its_time_even_with_the_page_cache_warm(client, settings):
    settings.PAGE_CACHE = True
    page = PageFactory(slug="peels", publish_from=NOON + HOUR)
    location = f"http://testserver{page.get_absolute_url()}"
    assert location not in sitemap_locations(client)
    assert location not in sitemap_locations(client)  # now from the page cache
    with time_machine.travel(NOON + HOUR, tick=False):
        assert location in sitemap_locations(client)
        assert client.get(page.get_absolute_url()).status_code == 200


def sitemap_locations(client):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
