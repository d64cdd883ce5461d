import io
import logging

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the stdout log handler writes, as lines."""
    handler = logging.getLogger("django.request").handlers[0]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield lambda: stream.getvalue().splitlines()
    handler.setStream(previous)


def test_a_500_is_logged_on_one_line_with_its_traceback_and_request_id(settings, log_lines):
    settings.ROOT_URLCONF = "tests.ops.urls"
    response = Client(raise_request_exception=False).get("/broken/", headers={"X-Request-ID": "req-42"})
    assert response.status_code == 500
    assert response["X-Request-ID"] == "req-42"
    [line] = log_lines()
    assert " ERROR django.request [req-42] Internal Server Error: /broken/" in line
    assert "Traceback (most recent call last):" in line
    assert "RuntimeError: the secret detail" in line


def test_a_500_never_shows_the_traceback_to_the_visitor(settings, log_lines):
    settings.ROOT_URLCONF = "tests.ops.urls"
    html = Client(raise_request_exception=False).get("/broken/").content.decode()
    assert "Something went wrong" in html
    assert "secret detail" not in html
    assert "Traceback" not in html


def test_each_response_gets_a_request_id(client):
    assert len(client.get("/healthz")["X-Request-ID"]) == 32


def test_a_forged_request_id_is_replaced(client):
    response = client.get("/healthz", headers={"X-Request-ID": "x\nERROR forged line"})
    assert "forged" not in response["X-Request-ID"]


class BrokenConnection:
    def cursor(self):
        raise OSError("connection refused")


def test_healthz_answers_503_naming_the_database_when_it_is_down(client, monkeypatch, log_lines):
    monkeypatch.setattr("ops.views.connection", BrokenConnection())
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"database down, cache ok"


def test_healthz_reports_a_cache_outage_as_degraded_and_only_full_checks_fail_on_it(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "ops.cache.FailSoftCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
            "OPTIONS": {"BACKEND": "django.core.cache.backends.redis.RedisCache"},
        }
    }
    response = client.get("/healthz")
    assert (response.status_code, response.content) == (200, b"database ok, cache degraded")
    assert client.get("/healthz?full=1").status_code == 503
