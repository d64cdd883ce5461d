"""While the database is unreachable, gunicorn answers the branded 503 page with Retry-After,
and serves again once it is back, with no restart. The outage is a TCP relay of the test's
own in front of the machine's PostgreSQL, closed and reopened: the shared server is never
stopped."""

import os
import socket
import subprocess
import sys
import threading
from contextlib import closing
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.conf import settings

from tests.ops.test_gunicorn import fetch, gunicorn

POSTGRES = os.environ.get("FAULT_POSTGRES_URL", "postgres://postgres:postgres@127.0.0.1:5432/postgres")


def postgres_answers():
    try:
        import psycopg

        psycopg.connect(POSTGRES, connect_timeout=2).close()
        return True
    except Exception:
        return False


pytestmark = pytest.mark.skipif(not postgres_answers(), reason="no PostgreSQL on 127.0.0.1:5432")


class Relay:
    """Forwards a loopback port to PostgreSQL; `cut()` drops every connection and refuses new
    ones, as a database that went away does; `restore()` accepts again."""

    def __init__(self, target):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open, self.pairs = True, []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            client, _ = self.listener.accept()
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            self.pairs.append((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def pipe(source, sink):
        with closing(source), closing(sink):
            try:
                while data := source.recv(65536):
                    sink.sendall(data)
            except OSError:
                pass

    def cut(self):
        self.open = False
        for pair in self.pairs:
            for end in pair:
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
        self.pairs.clear()

    def restore(self):
        self.open = True


@pytest.fixture
def site_behind_relay(tmp_path):
    import psycopg

    name = "clinic_outage_test"
    with psycopg.connect(POSTGRES, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")
    parts = urlsplit(POSTGRES)
    relay = Relay((parts.hostname, parts.port or 5432))
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="outage-test-" + "x" * 40,
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_PAGE_CACHE="false",  # every request reaches the database
        DJANGO_MEDIA_ROOT=str(tmp_path / "media"),
        DJANGO_STATIC_ROOT=str(tmp_path / "static"),
        DJANGO_PRIVATE_MEDIA_ROOT=str(tmp_path / "private"),
        CACHE_URL=f"filecache://{tmp_path / 'cache'}",
        WEB_CONCURRENCY="1",
        DATABASE_URL=urlunsplit(parts._replace(netloc=f"{parts.netloc.rsplit('@', 1)[0]}@127.0.0.1:{relay.port}",
                                               path=f"/{name}")),
    )
    for command in (["collectstatic", "--noinput", "-v", "0"], ["migrate", "--noinput", "-v", "0"], ["load_demo_content"]):
        subprocess.run([sys.executable, "manage.py", *command], env=env, cwd=settings.BASE_DIR, check=True,
                       capture_output=True, timeout=120)
    try:
        with gunicorn(env, tmp_path / "gunicorn.log") as url:
            yield url, relay
    finally:
        relay.cut()
        with psycopg.connect(POSTGRES, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_a_database_outage_answers_503_with_retry_after_then_recovers_without_a_restart(site_behind_relay):
    url, relay = site_behind_relay
    assert fetch(url + "/treatments/botox/")[0] == 200

    relay.cut()
    during = [fetch(url + path) for path in ("/treatments/botox/", "/", "/gallery/")]
    assert [status for status, _, _ in during] == [503, 503, 503]
    for _, headers, body in during:
        assert headers["Retry-After"] == "30"
        assert "Back in a moment" in body
    assert fetch(url + "/healthz")[0] == 503

    relay.restore()
    assert [fetch(url + path)[0] for path in ("/treatments/botox/", "/", "/gallery/")] == [200, 200, 200]
    assert fetch(url + "/healthz")[0] == 200
