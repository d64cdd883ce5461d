import re
import smtplib

import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from consultations.models import ConsultationRequest
from pages.models import ClinicSettings
from tests.factories import LocationFactory, PageFactory

pytestmark = pytest.mark.django_db

URL = reverse("consultations:request")


def valid_data(**overrides):
    return {
        "name": "Jane Patient",
        "email": "jane@example.com",
        "phone": "",
        "message": "I have a question about recovery.",
        "consent_to_contact": "on",
        "website": "",
        **overrides,
    }


def test_a_valid_request_is_stored_and_the_patient_is_thanked(client):
    office = LocationFactory(name="Encino")
    botox = PageFactory(title="Botox")
    response = client.post(URL, valid_data(location=office.pk, treatment=botox.pk))
    assert response.status_code == 302
    assert response.url == reverse("consultations:thanks")
    stored = ConsultationRequest.objects.get()
    assert (stored.name, stored.location, stored.treatment, stored.status) == ("Jane Patient", office, botox, "new")
    assert stored.consent_to_contact


def test_the_stored_request_keeps_a_hash_of_the_ip_never_the_ip(client):
    client.post(URL, valid_data(), REMOTE_ADDR="203.0.113.7")
    stored = ConsultationRequest.objects.get()
    assert len(stored.ip_hash) == 64
    assert "203.0.113.7" not in stored.ip_hash


def test_the_clinic_is_emailed_a_link_to_the_admin_without_the_patients_details(client):
    settings_row = ClinicSettings.load()
    settings_row.notification_email = "frontdesk@example.com"
    settings_row.save()
    client.post(URL, valid_data(phone="555-0100"))
    stored = ConsultationRequest.objects.get()
    [email] = mail.outbox
    assert email.to == ["frontdesk@example.com"]
    assert f"http://testserver/admin/consultations/consultationrequest/{stored.pk}/change/" in email.body
    for private in ["Jane", "jane@example.com", "555-0100", "recovery"]:
        assert private not in email.body
        assert private not in email.subject


def test_without_a_notification_address_the_email_goes_to_the_default_sender(client, settings):
    settings.DEFAULT_FROM_EMAIL = "website@example.com"
    client.post(URL, valid_data())
    assert mail.outbox[0].to == ["website@example.com"]


def test_a_mail_outage_still_stores_the_request_and_thanks_the_patient(client, monkeypatch, caplog):
    def refuse(**kwargs):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("consultations.notifications.send_mail", refuse)
    response = client.post(URL, valid_data())
    assert response.url == reverse("consultations:thanks")
    assert ConsultationRequest.objects.count() == 1
    assert "Could not email the clinic" in caplog.text


def test_a_phone_number_alone_is_enough(client):
    client.post(URL, valid_data(email="", phone="555-0100"))
    assert ConsultationRequest.objects.filter(phone="555-0100").exists()


def test_a_request_without_email_or_phone_is_refused_with_a_message(client):
    response = client.post(URL, valid_data(email=""))
    assert response.status_code == 200
    assert "Give an email address or a phone number" in response.content.decode()
    assert not ConsultationRequest.objects.exists()


def test_a_mistyped_email_gets_only_its_own_error_not_the_missing_contact_one(client):
    html = client.post(URL, valid_data(email="jane@")).content.decode()
    assert "Enter a valid email address." in html
    assert "Give an email address or a phone number" not in html


def test_the_database_refuses_a_request_without_email_or_phone():
    with pytest.raises(IntegrityError):
        ConsultationRequest.objects.create(name="Nobody", consent_to_contact=True)


def test_a_request_without_consent_is_refused(client):
    data = valid_data()
    del data["consent_to_contact"]
    response = client.post(URL, data)
    assert "Please agree to be contacted" in response.content.decode()
    assert not ConsultationRequest.objects.exists()


def test_a_wrong_email_keeps_what_was_typed_and_ties_the_error_to_the_field(client):
    response = client.post(URL, valid_data(email="jane@", phone="555-0100"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="Jane Patient"' in html
    assert 'value="jane@"' in html
    assert 'value="555-0100"' in html
    assert "I have a question about recovery." in html
    email_input = re.search(r'<input type="email"[^>]*>', html).group(0)
    assert 'aria-invalid="true"' in email_input
    assert 'aria-describedby="id_email_helptext id_email_error"' in email_input
    assert '<ul class="errorlist" id="id_email_error"><li>Enter a valid email address.</li></ul>' in html


def test_the_form_asks_for_no_medical_details_and_labels_every_field(client):
    html = client.get(URL).content.decode()
    assert "Please do not send medical details" in html
    for name in ["name", "email", "phone", "location", "treatment", "message", "consent_to_contact"]:
        assert f'<label for="id_{name}"' in html
    assert 'autocomplete="name"' in html and 'autocomplete="email"' in html and 'autocomplete="tel"' in html


def test_the_honeypot_is_hidden_from_people_and_assistive_technology(client):
    html = client.get(URL).content.decode()
    trap = re.search(r'<div class="form__trap" aria-hidden="true">.*?</div>', html, re.S).group(0)
    assert 'tabindex="-1"' in trap
    assert 'autocomplete="off"' in trap


def test_a_bot_filling_the_honeypot_seems_to_succeed_but_nothing_is_stored_or_sent(client):
    response = client.post(URL, valid_data(website="http://spam.example"))
    assert response.status_code == 302
    assert response.url == reverse("consultations:thanks")
    assert not ConsultationRequest.objects.exists()
    assert mail.outbox == []


def test_the_sixth_request_in_an_hour_from_one_address_gets_a_friendly_429(client, settings):
    settings.CONSULTATION_RATE_LIMIT = 5
    for _ in range(5):
        assert client.post(URL, valid_data()).status_code == 302
    response = client.post(URL, valid_data())
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "We already have your requests" in response.content.decode()
    assert ConsultationRequest.objects.count() == 5


def test_the_rate_limit_counts_each_address_separately(client, settings):
    settings.CONSULTATION_RATE_LIMIT = 1
    client.post(URL, valid_data(), REMOTE_ADDR="203.0.113.1")
    assert client.post(URL, valid_data(), REMOTE_ADDR="203.0.113.1").status_code == 429
    assert client.post(URL, valid_data(), REMOTE_ADDR="203.0.113.2").status_code == 302


def test_a_treatment_link_preselects_the_treatment(client):
    botox = PageFactory(title="Botox", slug="botox")
    html = client.get(URL + "?treatment=botox").content.decode()
    assert f'<option value="{botox.pk}" selected>Botox</option>' in html


def test_unpublished_treatments_are_not_offered(client):
    PageFactory(title="Secret treatment", is_published=False)
    assert "Secret treatment" not in client.get(URL).content.decode()


def test_the_form_page_is_never_cached_because_it_carries_a_csrf_token(client):
    response = client.get(URL)
    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_the_thank_you_page_is_kept_out_of_search_results(client):
    html = client.get(reverse("consultations:thanks")).content.decode()
    assert '<meta name="robots" content="noindex">' in html


def test_the_notification_email_carries_no_message_text_or_treatment(client):
    botox = PageFactory(title="Botox")
    client.post(URL, valid_data(treatment=botox.pk, message="I take blood thinners and had a stroke in May."))
    [email] = mail.outbox
    for private in ["blood thinners", "stroke", "Botox"]:
        assert private not in email.subject
        assert private not in email.body
    assert email.alternatives == []  # no HTML part that could carry more
    assert email.attachments == []


def test_behind_our_proxy_the_rate_limit_counts_each_visitor_apart(client, settings):
    settings.PROXY_COUNT = 1
    settings.CONSULTATION_RATE_LIMIT = 1
    data = {"name": "Jane", "email": "jane@example.com", "consent_to_contact": "on"}
    first = client.post("/consultation/", data, HTTP_X_FORWARDED_FOR="203.0.113.7")
    second = client.post("/consultation/", data, HTTP_X_FORWARDED_FOR="198.51.100.9")
    again = client.post("/consultation/", data, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert (first.status_code, second.status_code, again.status_code) == (302, 302, 429)
