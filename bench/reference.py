"""Reference servers that `make bench` measures beside the site, on the same machine in the
same run: the app tier's CPU targets are set against them (bench/run.py), so they hold on
any machine.

- `bare`: a Django view that runs one query and renders the saved Botox HTML as a
  template, behind `startproject`'s middleware (the page cache off tier's yardstick);
- `cache_page`: the same view under Django's cache_page, on the cache the site's workers
  share under these gunicorn settings (CACHE_URL, a file cache by default): the page cache
  on tier's yardstick. A per-process cache would be cheaper, and wrong for the site: a
  save handled by one worker would leave the others' pages stale;
- `gunicorn_alone`: a WSGI callable that returns the same bytes without Django: the least
  any page served by these gunicorn settings can cost.

Served by gunicorn with deploy/gunicorn.conf.py; BENCH_HTML names the saved page and
BENCH_DATABASE the bench's SQLite database.
"""

import os
from pathlib import Path

import django
import environ
from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.db import connection
from django.shortcuts import render
from django.urls import path
from django.views.decorators.cache import cache_page

HTML = Path(os.environ["BENCH_HTML"]).read_bytes()

settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-reference-" + "x" * 50,
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions",
                    "django.contrib.messages"],
    MIDDLEWARE=[  # as `django-admin startproject` writes them
        "django.middleware.security.SecurityMiddleware",
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.common.CommonMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "django.middleware.clickjacking.XFrameOptionsMiddleware",
    ],
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["BENCH_DATABASE"],
                           "CONN_MAX_AGE": None}},
    CACHES={"default": environ.Env().cache_url("CACHE_URL")},  # set by deploy/gunicorn.conf.py
    TEMPLATES=[{
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", {
            # The row's title, then the saved page as it is.
            "page.html": "<!-- {{ title }} -->{% verbatim %}" + HTML.decode() + "{% endverbatim %}",
        })]},
    }],
)
django.setup()


def page(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT title FROM pages_page WHERE slug = %s", ["botox"])
        (title,) = cursor.fetchone()
    return render(request, "page.html", {"title": title})


urlpatterns = [
    path("bare/", page),
    path("cache_page/", cache_page(600)(page)),
]

application = get_wsgi_application()


def gunicorn_alone(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(HTML)))])
    return [HTML]
