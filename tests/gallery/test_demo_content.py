import pytest
from django.core.management import call_command
from PIL import Image

from gallery.models import Case

pytestmark = pytest.mark.django_db


def test_demo_content_adds_three_published_botox_cases_under_the_demo_authorization():
    call_command("load_demo_content")
    cases = Case.objects.published()
    assert [case.treated_area for case in cases] == ["Forehead lines", "Crow’s feet", "Frown lines"]
    assert {case.treatment.slug for case in cases} == {"botox"}
    assert {case.authorization.reference for case in cases} == {"DEMO-ILLUSTRATION"}
    assert {case.unaltered_attested_by for case in cases} == {"Demo content"}
    assert {case.subject for case in cases} == {Case.Subject.ILLUSTRATION}
    assert all(case.before_alt.startswith("Illustration:") for case in cases)
    assert {case.procedure for case in cases} == {"Botox injections"}  # no "(demo)": the notice says it


def test_demo_photos_are_stripped_renditions_made_by_the_pipeline():
    call_command("load_demo_content")
    case = Case.objects.first()
    sizes = [(r["width"], r["height"]) for r in case.before_renditions]
    assert sizes == [(480, 360)] * 3 + [(1200, 900)] * 3  # AVIF, WebP and JPEG of each
    with Image.open(case.before_image) as master:
        assert master.size == (1200, 900)


def test_loading_demo_content_twice_adds_no_cases():
    call_command("load_demo_content")
    before = list(Case.objects.values_list("pk", "before_image", "updated_at"))
    call_command("load_demo_content")
    assert list(Case.objects.values_list("pk", "before_image", "updated_at")) == before


def test_the_first_run_with_if_empty_also_loads_the_gallery():
    call_command("load_demo_content", if_empty=True)
    assert Case.objects.published().count() == 3


def test_the_demo_botox_page_ends_with_the_gallery_link(client):
    call_command("load_demo_content")
    html = client.get("/treatments/botox/").content.decode()
    assert "View our Before &amp; After Botox Gallery" in html
    assert html.count('<article class="case"') == 3
    assert "Most patients see softer lines about 7–14 days after treatment" in html
