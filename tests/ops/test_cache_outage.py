"""A cache outage costs speed, never the site: with a Redis of the test's own (started on a
port of its own, never the machine's shared one) stopped, hung or back again."""

import logging
import shutil
import socket
import subprocess
import time

import pytest
from django.core.management import call_command

from consultations.models import ConsultationRequest
from pages.models import ClinicSettings, Page
from tests.factories import PageFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed"),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OwnRedis:
    def __init__(self, folder):
        self.folder, self.port, self.process = folder, free_port(), None

    def start(self):
        # It keeps its data across a restart, as a real one with persistence does.
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        subprocess.run(["redis-cli", "-p", str(self.port), "shutdown", "save"], capture_output=True)
        self.process.wait(10)


def use_cache(settings, url):
    settings.CACHES = {
        "default": {
            "BACKEND": "ops.cache.FailSoftCache",
            "LOCATION": url,
            "OPTIONS": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                        "socket_timeout": 0.1, "socket_connect_timeout": 0.1},
        }
    }


@pytest.fixture
def redis(tmp_path, settings, monkeypatch):
    monkeypatch.setattr("ops.cache.RETRY_SECONDS", 0)  # try the backend again at once
    server = OwnRedis(tmp_path)
    server.start()
    use_cache(settings, f"redis://127.0.0.1:{server.port}/0")
    yield server
    if server.process.poll() is None:
        server.stop()


def rename(page, title):
    page.title = title
    page.save()  # its content-version bump fails while Redis is away, silently


def test_pages_stay_up_while_redis_is_stopped_and_are_fresh_when_it_returns(client, admin_client, redis):
    page = PageFactory(title="Botox", slug="botox")
    ClinicSettings.load()  # made on first use, which moves the version
    client.get("/treatments/botox/")
    assert client.get("/treatments/botox/")["X-Page-Cache"] == "hit"

    redis.stop()
    rename(page, "Botox Cosmetic")
    during = [client.get(path) for path in ("/", "/treatments/botox/", "/gallery/", "/about/")]
    assert [response.status_code for response in during] == [200, 200, 200, 200]
    assert "Botox Cosmetic" in during[1].content.decode()
    assert admin_client.get(f"/admin/pages/page/{page.pk}/change/").status_code == 200
    sent = client.post("/consultation/", {"name": "Jane", "email": "jane@example.com", "consent_to_contact": "on"})
    assert sent.status_code == 302 and ConsultationRequest.objects.count() == 1

    redis.start()  # with what it held before: the old version and the old page
    after = client.get("/treatments/botox/")
    assert after.status_code == 200
    assert "Botox Cosmetic" in after.content.decode()
    assert client.get("/treatments/botox/")["X-Page-Cache"] == "hit"  # caching again


def test_a_redis_that_hangs_delays_each_request_by_well_under_half_a_second(client, settings, monkeypatch):
    monkeypatch.setattr("ops.cache.RETRY_SECONDS", 0.3)  # so that several requests each meet a timeout
    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(100)  # accepts connections (the kernel does) and never answers
    use_cache(settings, f"redis://127.0.0.1:{hung.getsockname()[1]}/0")
    PageFactory(title="Botox", slug="botox")
    try:
        for _ in range(5):
            start = time.monotonic()
            assert client.get("/treatments/botox/").status_code == 200
            assert time.monotonic() - start < 0.5
            time.sleep(0.3)
    finally:
        hung.close()


def test_an_outage_is_logged_once_with_its_cause(client, settings, caplog):
    use_cache(settings, f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    PageFactory(title="Botox", slug="botox")
    with caplog.at_level(logging.WARNING, logger="ops.cache"):
        for _ in range(5):
            assert client.get("/treatments/botox/").status_code == 200
    [record] = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert "ConnectionError" in record.getMessage()


def test_migrate_and_saves_work_while_the_cache_is_down(settings):
    use_cache(settings, f"redis://127.0.0.1:{free_port()}/0")
    call_command("migrate", verbosity=0)
    PageFactory(title="Botox")
    assert Page.objects.filter(title="Botox").exists()


def test_the_consultation_rate_limit_counts_per_process_while_the_cache_is_down(client, settings):
    use_cache(settings, f"redis://127.0.0.1:{free_port()}/0")
    settings.CONSULTATION_RATE_LIMIT = 2
    data = {"name": "Jane", "email": "jane@example.com", "consent_to_contact": "on"}
    statuses = [client.post("/consultation/", data, REMOTE_ADDR="203.0.113.9").status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert client.post("/consultation/", data, REMOTE_ADDR="198.51.100.4").status_code == 302
