"""The site as deployed: gunicorn processes with production settings, their own database
(SQLite file, or PostgreSQL when DATABASE_URL names one) and one shared cache."""

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest
from django.conf import settings

PASSWORD = "a-long-deployed-password"


@pytest.fixture(scope="module")
def site_env(tmp_path_factory):
    base = tmp_path_factory.mktemp("deployed")
    env = {name: value for name, value in os.environ.items() if not name.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="false",  # whatever a developer's .env says
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_SECURE_SSL_REDIRECT="false",  # plain http on loopback
        DJANGO_SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto",
        DJANGO_MEDIA_ROOT=str(base / "media"),
        DJANGO_STATIC_ROOT=str(base / "static"),
        WEB_CONCURRENCY="1",
        # Local memory would be per process: the servers must share one cache.
        CACHE_URL=os.environ.get("CACHE_URL") or f"filecache://{base / 'cache'}",
    )
    with database(base) as url:
        env["DATABASE_URL"] = url
        for command in (
            ["collectstatic", "--noinput", "-v", "0"],
            ["migrate", "--noinput", "-v", "0"],
            ["load_demo_content"],
            ["createsuperuser", "--noinput", "--username", "staff", "--email", "staff@example.com"],
        ):
            subprocess.run(
                [sys.executable, "manage.py", *command],
                env={**env, "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
                cwd=settings.BASE_DIR,
                check=True,
                capture_output=True,
                timeout=120,
            )
        yield env


@contextmanager
def database(base):
    given = os.environ.get("DATABASE_URL", "")
    if not given.startswith(("postgres://", "postgresql://")):
        yield f"sqlite:///{base / 'site.sqlite3'}"
        return
    import psycopg

    parts = urlsplit(given)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    name = "clinic_deployed_test"
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {name}")
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@contextmanager
def gunicorn(env, log_path, port=None):
    if port is None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "deploy/gunicorn.conf.py", "clinic_site.wsgi"],
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
            cwd=settings.BASE_DIR,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while fetch(url + "/healthz", quiet=True)[0] != 200:
            assert process.poll() is None and time.monotonic() < deadline, log_path.read_text()
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


class Keep(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # answer the 302 itself


def fetch(url, data=None, cookies=None, headers=None, quiet=False):
    """GET (or POST `data`) with a plain cookie dict: Secure cookies are sent over http
    here, as the proxy that ends TLS would."""
    request = urllib.request.Request(url, data=urlencode(data).encode() if data else None)
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    if cookies:
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        response = urllib.request.build_opener(Keep).open(request, timeout=20)
    except urllib.error.HTTPError as error:
        response = error
    except OSError:
        if quiet:
            return None, None, None
        raise
    with response:
        body = response.read().decode()
    for header in response.headers.get_all("Set-Cookie") or []:
        jar = SimpleCookie(header)
        if cookies is not None:
            cookies.update({name: morsel.value for name, morsel in jar.items()})
    return response.status, response.headers, body


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def test_a_public_page_served_by_gunicorn_carries_every_security_header(site_env, tmp_path):
    with gunicorn(site_env, tmp_path / "server.log") as url:
        status, headers, html = fetch(url + "/treatments/botox/", headers={"X-Forwarded-Proto": "https"})
        stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html).group(1)
        static = fetch(url + stylesheet)[1]
    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    script_src = re.search(r"script-src ([^;]*)", headers["Content-Security-Policy"]).group(1)
    assert script_src == "'self'"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["Permissions-Policy"].startswith("camera=()")
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["ETag"]
    assert static["Cache-Control"] == "max-age=315360000, public, immutable"


def test_gunicorn_writes_access_lines_only_when_asked(site_env, tmp_path):
    # Behind nginx, nginx writes them (deploy/nginx.conf.template).
    with gunicorn(site_env, tmp_path / "quiet.log") as url:
        fetch(url + "/about/")
    with gunicorn({**site_env, "GUNICORN_ACCESS_LOG": "true"}, tmp_path / "lines.log") as url:
        headers = fetch(url + "/about/")[1]
    assert '"GET /about/ HTTP/1.1"' not in (tmp_path / "quiet.log").read_text()
    log = (tmp_path / "lines.log").read_text()
    assert f'[{headers["X-Request-ID"]}] 127.0.0.1 "GET /about/ HTTP/1.1" 200' in log


def test_an_admin_save_through_one_server_shows_at_once_through_another(site_env, tmp_path):
    with gunicorn(site_env, tmp_path / "a.log") as a, gunicorn(site_env, tmp_path / "b.log") as b:
        for server in (a, b):
            fetch(server + "/treatments/botox/")
            assert fetch(server + "/treatments/botox/")[1]["X-Page-Cache"] == "hit"

        cookies = {}
        token = csrf_token(fetch(a + "/admin/login/", cookies=cookies)[2])
        login = {"username": "staff", "password": PASSWORD, "csrfmiddlewaretoken": token, "next": "/admin/"}
        status, headers, _ = fetch(a + "/admin/login/?next=/admin/", data=login, cookies=cookies)
        assert status == 302, "login failed"
        for cookie in headers.get_all("Set-Cookie"):
            assert "Secure" in cookie and "HttpOnly" in cookie
        form = fetch(a + "/admin/pages/clinicsettings/1/change/", cookies=cookies)[2]
        change = {
            "name": "Dr. Katayoun Motlagh",
            "tagline": "Cosmetic services in Palmdale and Encino, CA",
            "site_notice": "Edited through server A.",
            "gallery_disclaimer": "Individual results vary.",
            "image_alt": "Drawing of eucalyptus sprigs",  # the demo's home image stays
            "csrfmiddlewaretoken": csrf_token(form),
            "_save": "Save",
        }
        status = fetch(a + "/admin/pages/clinicsettings/1/change/", data=change, cookies=cookies)[0]
        assert status == 302, "the admin refused the change"

        status, headers, html = fetch(b + "/treatments/botox/")
    assert status == 200
    assert "Edited through server A." in html


def test_a_restarted_server_never_answers_with_a_page_the_previous_one_cached(site_env, tmp_path):
    with gunicorn(site_env, tmp_path / "first.log") as url:
        fetch(url + "/treatments/botox/")
        assert fetch(url + "/treatments/botox/")[1]["X-Page-Cache"] == "hit"
    port = int(url.rsplit(":", 1)[1])  # the same address, so the same cache keys
    with gunicorn(site_env, tmp_path / "second.log", port=port) as url:  # new code would be deployed here
        assert "X-Page-Cache" not in fetch(url + "/treatments/botox/")[1]
