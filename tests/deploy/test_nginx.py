"""deploy/nginx.conf.template: valid, and its micro-cache never serves staff or cookies."""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.factories import SectionFactory

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TEMPLATE = Path(settings.BASE_DIR) / "deploy" / "nginx.conf.template"

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(scope="module")
def nginx_binary():
    if not Path(NGINX).exists():
        if os.environ.get("CI"):
            pytest.fail("nginx is missing; make test installs it and CI must run these tests.")
        pytest.skip("nginx is missing (make test installs it with apt)")
    return NGINX


def render(tmp_path, upstream):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = TEMPLATE.read_text()
    for name, value in {
        "RUN_DIR": tmp_path,
        "LISTEN": f"127.0.0.1:{port}",
        "UPSTREAM": upstream,
        "STATIC_ROOT": tmp_path / "static",
        "MEDIA_ROOT": tmp_path / "media",
    }.items():
        config = config.replace("${" + name + "}", str(value))
    path = tmp_path / "nginx.conf"
    path.write_text(config)
    return path, f"http://127.0.0.1:{port}"


@pytest.fixture
def front(nginx_binary, live_server, tmp_path):
    """nginx with the shipped configuration in front of the live test server."""
    config, url = render(tmp_path, live_server.url.removeprefix("http://"))
    process = subprocess.Popen(
        [nginx_binary, "-c", config, "-e", tmp_path / "error.log", "-g", "daemon off;"],
        start_new_session=True,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            break
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)
    yield url
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(10)


def get(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.headers.get("X-Cache-Status"), response.read().decode()


def test_the_configuration_passes_nginx_t(nginx_binary, tmp_path):
    config, _ = render(tmp_path, "127.0.0.1:9")
    result = subprocess.run(
        [nginx_binary, "-t", "-c", config, "-e", tmp_path / "error.log"],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_anonymous_page_views_are_served_from_the_cache(front):
    page = SectionFactory().page
    statuses = [get(front + page.get_absolute_url())[0] for _ in range(3)]
    assert statuses[0] == "MISS"
    assert "HIT" in statuses[1:]


def test_a_logged_in_staff_member_is_never_served_from_or_stored_in_the_cache(
    front, client, admin_user
):
    page = SectionFactory().page
    client.force_login(admin_user)
    session = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    url = front + page.get_absolute_url()

    get(url)  # an anonymous visitor fills the cache
    assert get(url)[0] == "HIT"
    for _ in range(3):
        assert get(url, cookie=session)[0] == "BYPASS"
    # And what staff fetched was never stored for anyone else.
    assert get(front + "/treatments/", cookie=session)[0] == "BYPASS"
    assert get(front + "/treatments/")[0] == "MISS"


def test_a_response_that_sets_a_cookie_is_never_cached(front, admin_user):
    url = front + "/admin/login/"  # sets the CSRF cookie
    statuses = [get(url)[0] for _ in range(3)]
    assert "HIT" not in statuses


def test_a_staff_edit_reaches_anonymous_visitors_within_one_second(front):
    section = SectionFactory(body="Old sentence.")
    url = front + section.page.get_absolute_url()
    get(url)
    assert "Old sentence." in get(url)[1]

    section.body = "New sentence."
    section.save()
    changed_at = time.monotonic()
    while "New sentence." not in get(url)[1]:
        assert time.monotonic() - changed_at < 1.0, "the edit was not visible within 1 s"
        time.sleep(0.02)
