"""deploy/nginx.conf.template: valid, and its micro-cache never serves staff or cookies."""

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from pages.models import ClinicSettings
from tests.factories import CaseFactory, SectionFactory

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
TEMPLATE = Path(settings.BASE_DIR) / "deploy" / "nginx.conf.template"

pytestmark = pytest.mark.django_db(transaction=True)

# Started as root, nginx's workers would drop to `nobody`, who cannot read pytest's
# private temporary folders.
GLOBALS = "daemon off;" + (" user root;" if os.geteuid() == 0 else "")


@pytest.fixture(scope="module")
def nginx_binary():
    if not Path(NGINX).exists():
        if os.environ.get("CI"):
            pytest.fail("nginx is missing; make test installs it and CI must run these tests.")
        pytest.skip("nginx is missing (make test installs it with apt)")
    return NGINX


class FrontURL(str):
    """The address of the nginx front, knowing which folder it serves private files from."""

    private_root = None


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
        "PRIVATE_MEDIA_ROOT": tmp_path / "private",
        "TLS": "/dev/null",  # as behind a load balancer that ends TLS; tests/deploy/test_tls.py has TLS
        "HTTP_SERVERS": "/dev/null",
    }.items():
        config = config.replace("${" + name + "}", str(value))
    path = tmp_path / "nginx.conf"
    path.write_text(config)
    url = FrontURL(f"http://127.0.0.1:{port}")
    url.private_root = str(tmp_path / "private")
    return path, url


@pytest.fixture
def front(nginx_binary, live_server, tmp_path):
    """nginx with the shipped configuration in front of the live test server."""
    config, url = render(tmp_path, live_server.url.removeprefix("http://"))
    process = subprocess.Popen(
        [nginx_binary, "-c", config, "-e", tmp_path / "error.log", "-g", GLOBALS],
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(url + "/healthz", timeout=1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        ClinicSettings.load()  # as on a live site; the first load would record history
        yield url
    finally:
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


def cache_hit(url, tries=20):
    """GET until nginx answers from its cache (copies live until the end of a second,
    so a second GET can land just after the first expired); True once it did."""
    return any(get(url)[0] == "HIT" for _ in range(tries))


def test_anonymous_page_views_are_served_from_the_cache(front):
    page = SectionFactory().page
    assert get(front + page.get_absolute_url())[0] == "MISS"
    assert cache_hit(front + page.get_absolute_url())


def access_log(run_dir, *containing, timeout=5):
    """nginx's access log once it holds each of `containing` (each nginx worker writes its
    own buffer every second)."""
    deadline = time.monotonic() + timeout
    while True:
        log = (run_dir / "access.log").read_text() if (run_dir / "access.log").exists() else ""
        if all(text in log for text in containing) or time.monotonic() > deadline:
            return log
        time.sleep(0.1)


def test_every_request_is_logged_once_with_the_id_it_was_answered_with(front, tmp_path):
    url = SectionFactory().page.get_absolute_url()
    ids = {}
    while "HIT" not in ids:
        with urllib.request.urlopen(front + url, timeout=5) as response:
            ids.setdefault(response.headers["X-Cache-Status"], response.headers["X-Request-ID"])
    log = access_log(tmp_path, ids["MISS"], ids["HIT"])
    assert f'[{ids["MISS"]}] 127.0.0.1 "GET {url} HTTP/1.1" 200' in log
    assert f'[{ids["HIT"]}] 127.0.0.1 "GET {url} HTTP/1.1" 200' in log
    line = next(line for line in log.splitlines() if ids["HIT"] in line)
    assert line.endswith("cache=HIT")
    assert log.count(ids["HIT"]) == 1


def test_a_logged_in_staff_member_is_never_served_from_or_stored_in_the_cache(
    front, client, admin_user
):
    page = SectionFactory().page
    client.force_login(admin_user)
    session = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    url = front + page.get_absolute_url()

    assert cache_hit(url)  # anonymous visitors fill the cache
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
    # nginx keeps a copy until the end of the second it was made in: the edit shows at
    # the latest one second later, plus the one render that refreshes the copy.
    while "New sentence." not in get(url)[1]:
        assert time.monotonic() - changed_at < 1.1, "the edit was not visible within 1 s"
        time.sleep(0.02)


def test_gallery_photos_are_sent_by_nginx_only_while_their_case_is_public(front, settings):
    settings.PRIVATE_MEDIA_ACCEL_PREFIX = "/_private/"
    settings.PRIVATE_MEDIA_ROOT = Path(front.private_root)
    case = CaseFactory()
    rendition = case.before_renditions[0]
    url = f"{front}{case.get_absolute_url()}images/{rendition['name'].rsplit('/', 1)[-1]}"
    with urllib.request.urlopen(url, timeout=5) as response:
        assert response.headers["Content-Type"] == rendition["type"]
        assert response.read() == (Path(front.private_root) / rendition["name"]).read_bytes()

    case.is_published = False
    case.save()
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(url, timeout=5)
    assert error.value.code == 404
