import csv
import datetime
import io

import pytest

from consultations.models import ConsultationRequest
from tests.factories import ConsultationRequestFactory, LocationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/consultations/consultationrequest/"


def test_the_changelist_shows_requests_with_their_status(admin_client):
    ConsultationRequestFactory(name="Jane Patient", location=LocationFactory(name="Encino"))
    html = admin_client.get(CHANGELIST).content.decode()
    assert "Jane Patient" in html
    assert "Encino" in html
    assert '<option value="new" selected>New</option>' in html


def test_the_change_form_loads(admin_client):
    request = ConsultationRequestFactory()
    assert admin_client.get(f"{CHANGELIST}{request.pk}/change/").status_code == 200


def test_staff_change_the_status_from_the_list(admin_client):
    request = ConsultationRequestFactory()
    admin_client.post(
        CHANGELIST,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(request.pk),
            "form-0-status": "contacted",
            "_save": "Save",
        },
    )
    request.refresh_from_db()
    assert request.status == ConsultationRequest.Status.CONTACTED


def test_export_selected_as_csv_returns_those_rows(admin_client):
    jane = ConsultationRequestFactory(name="Jane Patient", phone="555-0100")
    ConsultationRequestFactory(name="Not Selected")
    response = admin_client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [jane.pk]})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["Name"], row["Phone"], row["Status"]) for row in rows] == [("Jane Patient", "555-0100", "New")]


def test_the_csv_says_the_clinic_time_to_the_minute_and_in_words(admin_client):
    request = ConsultationRequestFactory(consent_to_contact=True)
    ConsultationRequest.objects.filter(pk=request.pk).update(
        created_at=datetime.datetime(2026, 12, 1, 19, 6, 3, 847258, tzinfo=datetime.UTC)
    )
    response = admin_client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [request.pk]})
    [row] = csv.DictReader(io.StringIO(response.content.decode()))
    assert row["Received (clinic time)"] == "2026-12-01 11:06"  # Los Angeles, no seconds
    assert row["Agreed to be contacted"] == "Yes"


def test_the_list_and_the_request_link_email_and_phone(admin_client):
    request = ConsultationRequestFactory(email="jane@example.com", phone="555 0100")
    for url in (CHANGELIST, f"{CHANGELIST}{request.pk}/change/"):
        html = admin_client.get(url).content.decode()
        assert '<a href="mailto:jane@example.com">jane@example.com</a>' in html
        assert '<a href="tel:5550100">555 0100</a>' in html


def test_the_csv_export_defuses_spreadsheet_formulas(admin_client):
    request = ConsultationRequestFactory(name="=HYPERLINK(\"http://evil.example\")")
    response = admin_client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [request.pk]})
    [row] = csv.DictReader(io.StringIO(response.content.decode()))
    assert row["Name"].startswith("'=")
