import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gallery.models import BLOCKED_AUTHORIZATION_EXPIRED, CASE_BLOCKER_REASONS, Case
from gallery.storage import private_storage
from tests.factories import CaseFactory, MarketingAuthorizationFactory, PageFactory, photo_upload

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/gallery/case/"
AUTHORIZATIONS = "/admin/gallery/marketingauthorization/"


def test_the_case_changelist_shows_thumbnails_and_the_add_form_loads(admin_client):
    case = CaseFactory(treated_area="Forehead lines")
    html = admin_client.get(CHANGELIST).content.decode()
    assert "Forehead lines" in html
    assert f'<img src="{case.before.thumbnail}" alt="{case.before_alt}"' in html
    assert admin_client.get(f"{CHANGELIST}add/").status_code == 200


def test_the_change_form_previews_both_photos_and_explains_the_authorization(admin_client):
    case = CaseFactory()
    html = admin_client.get(f"{CHANGELIST}{case.pk}/change/").content.decode()
    assert f'<img src="{case.before.thumbnail}"' in html
    assert f'<img src="{case.after.thumbnail}"' in html
    assert "Patient authorization" in html
    assert "consent to the treatment itself is not enough" in html
    assert "Honesty statements" in html


def test_the_admin_form_refuses_to_publish_a_case_without_an_authorization(admin_client):
    response = admin_client.post(
        f"{CHANGELIST}add/",
        {
            "treatment": PageFactory().pk,
            "treated_area": "Crow’s feet",
            "procedure": "Botox injections",
            "before_image": photo_upload(),
            "before_alt": "Before",
            "after_image": photo_upload(),
            "after_alt": "After",
            "position": 0,
            "subject": "patient",
            "is_published": "on",
        },
    )
    assert response.status_code == 200
    assert "No authorization: choose the patient’s signed marketing authorization." in response.content.decode()
    assert not Case.objects.exists()


def test_the_publish_action_refuses_cases_without_an_authorization_and_names_them(admin_client):
    ready = CaseFactory(is_published=False)
    unsigned = CaseFactory(is_published=False, authorization=None, treated_area="Jawline")
    response = admin_client.post(
        CHANGELIST, {"action": "publish", "_selected_action": [ready.pk, unsigned.pk]}, follow=True
    )
    html = response.content.decode()
    assert f"“{unsigned}” not published. No authorization:" in html
    assert "1 before-and-after case(s) published." in html
    assert Case.objects.get(pk=ready.pk).is_published
    assert not Case.objects.get(pk=unsigned.pk).is_published


def test_the_unpublish_action_takes_cases_off_the_site(admin_client, client):
    case = CaseFactory()
    admin_client.post(CHANGELIST, {"action": "unpublish", "_selected_action": [case.pk]})
    assert client.get(case.get_absolute_url()).status_code == 404


def test_deleting_cases_in_bulk_removes_their_files(admin_client, django_capture_on_commit_callbacks):
    cases = CaseFactory.create_batch(2)
    names = set().union(*(case.file_names() for case in cases))
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            CHANGELIST,
            {"action": "delete_selected", "_selected_action": [c.pk for c in cases], "post": "yes"},
        )
    assert not Case.objects.exists()
    assert not any(private_storage.exists(name) for name in names)


def test_staff_download_the_signed_form_but_visitors_cannot(admin_client, client):
    authorization = MarketingAuthorizationFactory(document=SimpleUploadedFile("signed.pdf", b"%PDF-1.4 signed form"))
    url = f"{AUTHORIZATIONS}{authorization.pk}/document/"
    change_form = admin_client.get(f"{AUTHORIZATIONS}{authorization.pk}/change/").content.decode()
    assert "Download the signed form" in change_form
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 signed form"
    assert client.get(url).status_code == 302  # to the admin login


def expired_case(**kwargs):
    return CaseFactory(
        authorization__signed_on=datetime.date(2024, 1, 1),
        authorization__expires_on=datetime.date(2025, 1, 1),
        **kwargs,
    )


def test_bulk_publish_refuses_a_case_whose_authorization_expired_naming_the_reason(admin_client):
    expired = expired_case(is_published=False, treated_area="Jawline")
    response = admin_client.post(CHANGELIST, {"action": "publish", "_selected_action": [expired.pk]}, follow=True)
    assert f"“{expired}” not published. Authorization expired:" in response.content.decode()
    assert not Case.objects.get(pk=expired.pk).is_published


def test_bulk_publish_warns_when_a_case_waits_for_its_treatment_page(admin_client):
    waiting = CaseFactory(is_published=False, treatment=PageFactory(is_published=False))
    html = admin_client.post(
        CHANGELIST, {"action": "publish", "_selected_action": [waiting.pk]}, follow=True
    ).content.decode()
    assert f"“{waiting}” is published but stays hidden. Treatment page not public:" in html
    assert Case.objects.get(pk=waiting.pk).is_published


def test_the_case_list_shows_and_filters_blocked_cases_with_their_reason(admin_client):
    expired_case(treated_area="Jawline")
    CaseFactory(treated_area="Forehead lines")
    html = admin_client.get(CHANGELIST).content.decode()
    assert "Blocked: authorization expired" in html  # the filter
    assert "<strong>Blocked:</strong> Authorization expired:" in html  # the column
    expired_index = CASE_BLOCKER_REASONS.index(BLOCKED_AUTHORIZATION_EXPIRED)
    filtered = admin_client.get(f"{CHANGELIST}?check={expired_index}").content.decode()
    assert "Jawline" in filtered
    assert "Forehead lines" not in filtered
    fine = admin_client.get(f"{CHANGELIST}?check=ok").content.decode()
    assert "Forehead lines" in fine
    assert "Jawline" not in fine


def test_the_authorization_list_shows_status_and_case_count_and_the_add_form_loads(admin_client):
    authorization = MarketingAuthorizationFactory(reference="CH-3003", expires_on=datetime.date(2099, 1, 1))
    CaseFactory.create_batch(2, authorization=authorization)
    expired_case(authorization__reference="CH-4004")
    html = admin_client.get(AUTHORIZATIONS).content.decode()
    assert "Valid until 2099-01-01" in html
    assert "Expired on 2025-01-01" in html
    assert re.search(r'<td class="field-case_count">2</td>', html)
    add = admin_client.get(f"{AUTHORIZATIONS}add/").content.decode()
    assert "Never the patient’s name" in add
    assert 'value="admin"' in add  # recorded by: whoever is logged in, by default


def test_the_authorization_list_filters_by_status_and_finds_a_reference(admin_client):
    MarketingAuthorizationFactory(reference="CH-5005")
    MarketingAuthorizationFactory(reference="CH-6006", revoked_on=datetime.date.today())
    revoked = admin_client.get(f"{AUTHORIZATIONS}?status=revoked").content.decode()
    assert "CH-6006" in revoked
    assert "CH-5005" not in revoked
    found = admin_client.get(f"{AUTHORIZATIONS}?q=5005").content.decode()
    assert "CH-5005" in found
    assert "CH-6006" not in found


def test_an_authorization_in_use_cannot_be_deleted(admin_client):
    case = CaseFactory()
    html = admin_client.get(f"{AUTHORIZATIONS}{case.authorization.pk}/delete/").content.decode()
    assert "would require deleting the following protected related objects" in html
