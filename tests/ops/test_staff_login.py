"""Staff login without dead ends: a warning before the lockout, a lockout page that says how
long and whom to ask, and a password reset by email."""

import re

import pytest
from django.core import mail

from pages.models import ClinicSettings

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


def wrong_password(client, username="maria"):
    return client.post(LOGIN, {"username": username, "password": "not-it", "next": "/admin/"})


def test_the_fourth_wrong_password_warns_that_the_next_locks_the_account(client, django_user_model):
    django_user_model.objects.create_user("maria", "maria@example.com", "a-long-test-password", is_staff=True)
    for _ in range(3):
        assert "one more wrong password" not in wrong_password(client).content.decode()
    assert "Careful: one more wrong password locks this account for 1 hour." in wrong_password(client).content.decode()


def test_the_lockout_page_has_the_admins_look_the_duration_and_whom_to_ask(client, django_user_model):
    ClinicSettings.objects.update_or_create(pk=1, defaults={"name": "Motlagh Clinic", "phone": "661 555 0100"})
    django_user_model.objects.create_user("maria", "maria@example.com", "a-long-test-password", is_staff=True)
    for _ in range(4):
        wrong_password(client)
    response = wrong_password(client)
    html = response.content.decode()
    assert response.status_code == 429
    assert "Clinic site administration" in html  # the admin's header
    assert "locked for 1 hour" in html
    assert "Motlagh Clinic" in html and '<a href="tel:6615550100">661 555 0100</a>' in html


def test_the_login_page_offers_a_password_reset_that_emails_a_working_link(client, django_user_model):
    django_user_model.objects.create_user("maria", "maria@example.com", "a-long-test-password", is_staff=True)
    assert "Forgotten your login credentials?" in client.get(LOGIN).content.decode()
    response = client.post("/admin/password-reset/", {"email": "maria@example.com"}, follow=True)
    assert response.status_code == 200
    [email] = mail.outbox
    assert email.to == ["maria@example.com"]
    link = re.search(r"http://testserver(/admin/password-reset/\S+/\S+/)", email.body).group(1)
    form = client.get(link, follow=True)
    assert "Enter new password" in form.content.decode()
    done = client.post(form.redirect_chain[-1][0], {"new_password1": "another-long-password", "new_password2": "another-long-password"}, follow=True)
    assert "Your password has been set." in done.content.decode()
    assert django_user_model.objects.get(username="maria").check_password("another-long-password")
