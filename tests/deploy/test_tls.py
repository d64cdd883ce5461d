"""The shipped TLS deployment: deploy/nginx.conf.template with deploy/tls.conf.template and
deploy/http-to-https.conf, a certificate from the test's own authority standing in for
Let's Encrypt's, graded by MDN's HTTP Observatory on loopback."""

import json
import os
import signal
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.deploy.test_nginx import GLOBALS, TEMPLATE, nginx_binary  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)

DEPLOY = Path(settings.BASE_DIR) / "deploy"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fill(text, **values):
    for name, value in values.items():
        text = text.replace("${" + name + "}", str(value))
    return text


def certificate_authority(folder):
    """A certificate authority of the test's own and a certificate for 127.0.0.1 it signed,
    standing in for Let's Encrypt: fullchain.pem, privkey.pem and ca.pem (the chain)."""

    def openssl(*args):
        subprocess.run(["openssl", *args], cwd=folder, check=True, capture_output=True)

    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    openssl("req", "-x509", *ec, "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=Test CA")
    openssl("req", *ec, "-keyout", "privkey.pem", "-out", "site.csr", "-subj", "/CN=127.0.0.1")
    (folder / "san.cnf").write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n")
    openssl("x509", "-req", "-in", "site.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "site.pem", "-days", "2", "-extfile", "san.cnf")
    (folder / "fullchain.pem").write_text((folder / "site.pem").read_text() + (folder / "ca.pem").read_text())


def render(tmp_path, upstream):
    """The three files as an operator fills them in, on loopback ports of the test's own."""
    certificate_authority(tmp_path)
    https_port, http_port = free_port(), free_port()
    tls = tmp_path / "tls.conf"
    tls.write_text(fill((DEPLOY / "tls.conf.template").read_text(), TLS_CERTIFICATE=tmp_path / "fullchain.pem",
                        TLS_KEY=tmp_path / "privkey.pem", TLS_CHAIN=tmp_path / "ca.pem", RESOLVER="127.0.0.1"))
    redirect = tmp_path / "http-to-https.conf"
    redirect.write_text((DEPLOY / "http-to-https.conf").read_text()
                        .replace("listen 80 default_server;", f"listen 127.0.0.1:{http_port} default_server;")
                        .replace("listen [::]:80 default_server;\n", "")
                        .replace("https://$host$request_uri", f"https://$host:{https_port}$request_uri"))
    config = tmp_path / "nginx.conf"
    config.write_text(fill(
        TEMPLATE.read_text(), RUN_DIR=tmp_path, LISTEN=f"127.0.0.1:{https_port} ssl http2", TLS=tls,
        HTTP_SERVERS=redirect, UPSTREAM=upstream, STATIC_ROOT=tmp_path / "static", MEDIA_ROOT=tmp_path / "media",
        PRIVATE_MEDIA_ROOT=tmp_path / "private",
    ))
    return config, f"https://127.0.0.1:{https_port}", f"http://127.0.0.1:{http_port}"


def test_the_tls_configuration_passes_nginx_t(nginx_binary, tmp_path):
    config, _, _ = render(tmp_path, "127.0.0.1:9")
    result = subprocess.run([nginx_binary, "-t", "-c", config, "-e", tmp_path / "error.log"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.fixture
def tls_front(nginx_binary, live_server, tmp_path, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")  # as deployed behind nginx
    config, https, http = render(tmp_path, live_server.url.removeprefix("http://"))
    process = subprocess.Popen([nginx_binary, "-c", config, "-e", tmp_path / "error.log", "-g", GLOBALS],
                               start_new_session=True)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", int(https.rsplit(":", 1)[1])), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, (tmp_path / "error.log").read_text()
                time.sleep(0.05)
        yield https, http, tmp_path / "ca.pem"
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(10)


def unverified():
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # the test's own self-signed certificate
    return context


class Keep(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_http_redirects_to_https_which_sends_hsts_ready_for_preloading(tls_front):
    https, http, _ = tls_front
    with pytest.raises(urllib.error.HTTPError) as redirect:
        urllib.request.build_opener(Keep).open(http + "/treatments/botox/?a=1", timeout=5)
    assert redirect.value.code == 301
    assert redirect.value.headers["Location"] == f"{https}/treatments/botox/?a=1"

    with urllib.request.urlopen(https + "/healthz", timeout=5, context=unverified()) as response:
        assert response.status == 200
        hsts = response.headers["Strict-Transport-Security"]
    # A year and every subdomain, as the preload list asks; "; preload" itself is the
    # owner's decision (DJANGO_SECURE_HSTS_PRELOAD=true, docs/deploy.md).
    assert hsts == "max-age=31536000; includeSubDomains"


def test_only_tls_1_2_and_1_3_are_offered(tls_front):
    https, _, _ = tls_front
    port = int(https.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port)) as raw:
        with unverified().wrap_socket(raw) as tls:
            assert tls.version() in ("TLSv1.2", "TLSv1.3")
    old = unverified()
    old.set_ciphers("DEFAULT:@SECLEVEL=0")  # a client that would still speak TLS 1.0 and 1.1
    old.minimum_version = ssl.TLSVersion.TLSv1
    old.maximum_version = ssl.TLSVersion.TLSv1_1
    with pytest.raises(ssl.SSLError):
        with socket.create_connection(("127.0.0.1", port)) as raw:
            old.wrap_socket(raw)


def test_mdn_http_observatory_grades_the_deployment_a_plus(tls_front):
    observatory = Path(settings.BASE_DIR) / "node_modules" / "@mdn" / "mdn-http-observatory"
    if not observatory.exists():
        if os.environ.get("CI"):
            pytest.fail("@mdn/mdn-http-observatory is missing; make test installs it (package.json).")
        pytest.skip("@mdn/mdn-http-observatory is missing (make test installs it with npm ci)")
    https, http, authority = tls_front
    result = subprocess.run(
        ["node", Path(__file__).with_name("observatory.mjs"), "127.0.0.1", http.rsplit(":", 1)[1], https.rsplit(":", 1)[1]],
        env={**os.environ, "NODE_EXTRA_CA_CERTS": str(authority)},  # trusts the test's own authority only
        capture_output=True, text=True, timeout=120, cwd=settings.BASE_DIR,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["failed"] == []
    assert report["grade"] == "A+" and report["score"] >= 100, report
