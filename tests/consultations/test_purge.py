from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from consultations.models import ConsultationRequest
from tests.factories import ConsultationRequestFactory

pytestmark = pytest.mark.django_db


def request_aged(days):
    request = ConsultationRequestFactory(name=f"{days} days old")
    ConsultationRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - timedelta(days=days))
    return request


def names():
    return set(ConsultationRequest.objects.values_list("name", flat=True))


def test_purge_deletes_requests_older_than_the_retention_period_only(settings):
    settings.CONSULTATION_RETENTION_DAYS = 180
    request_aged(200)
    request_aged(10)
    call_command("purge_consultation_requests")
    assert names() == {"10 days old"}


def test_days_overrides_the_retention_setting():
    request_aged(40)
    request_aged(10)
    call_command("purge_consultation_requests", days=30)
    assert names() == {"10 days old"}


def test_a_dry_run_deletes_nothing_and_says_how_many_would_go(capsys):
    request_aged(400)
    call_command("purge_consultation_requests", dry_run=True)
    assert names() == {"400 days old"}
    assert "Would delete 1 consultation request(s) older than 180 days." in capsys.readouterr().out
