import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from gallery.models import Case
from gallery.storage import private_storage
from tests.factories import CaseFactory, PageFactory, photo_upload

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/gallery/case/"


def test_the_case_changelist_shows_thumbnails_and_the_add_form_loads(admin_client):
    case = CaseFactory(treated_area="Forehead lines")
    html = admin_client.get(CHANGELIST).content.decode()
    assert "Forehead lines" in html
    assert f'<img src="{case.before.thumbnail}" alt="{case.before_alt}"' in html
    assert admin_client.get(f"{CHANGELIST}add/").status_code == 200


def test_the_change_form_previews_both_photos_and_explains_consent(admin_client):
    case = CaseFactory()
    html = admin_client.get(f"{CHANGELIST}{case.pk}/change/").content.decode()
    assert f'<img src="{case.before.thumbnail}"' in html
    assert f'<img src="{case.after.thumbnail}"' in html
    assert "Patient consent" in html
    assert "consent to the treatment itself is not enough" in html


def test_the_admin_form_refuses_to_publish_a_case_without_consent(admin_client):
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
            "is_published": "on",
        },
    )
    assert response.status_code == 200
    assert "signed authorization is not on file" in response.content.decode()
    assert not Case.objects.exists()


def test_the_publish_action_refuses_cases_without_consent_and_names_them(admin_client):
    ready = CaseFactory(is_published=False)
    unsigned = CaseFactory(is_published=False, consent_on_file=False, treated_area="Jawline")
    response = admin_client.post(
        CHANGELIST, {"action": "publish", "_selected_action": [ready.pk, unsigned.pk]}, follow=True
    )
    html = response.content.decode()
    assert f"Not published, no signed authorization on file: {unsigned}" in html
    assert "1 case(s) published." in html
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


def test_staff_download_the_consent_scan_but_visitors_cannot(admin_client, client):
    case = CaseFactory(consent_scan=SimpleUploadedFile("signed.pdf", b"%PDF-1.4 signed form"))
    url = f"{CHANGELIST}{case.pk}/consent-scan/"
    assert "Download the scan" in admin_client.get(f"{CHANGELIST}{case.pk}/change/").content.decode()
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 signed form"
    assert client.get(url).status_code == 302  # to the admin login
