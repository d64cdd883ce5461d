"""Settings for the clinic site: one module, configured from the environment.

Every variable is listed in .env.example. The defaults make `make run` work on a
laptop (SQLite, local media, local-memory cache, console email); production
differs only through environment variables.
"""

from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()
if (BASE_DIR / ".env").exists():
    env.read_env(BASE_DIR / ".env")  # real environment variables still win

# Security
DEBUG = env.bool("DJANGO_DEBUG", default=False)
if DEBUG:
    SECRET_KEY = env("DJANGO_SECRET_KEY", default="django-insecure-local-only")
else:
    SECRET_KEY = env("DJANGO_SECRET_KEY")  # required outside debug
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# HTTPS by default outside debug. A proxy that ends TLS must say so in a header
# (DJANGO_SECURE_PROXY_SSL_HEADER=X-Forwarded-Proto); tests that run gunicorn over plain
# http on loopback turn the redirect off with DJANGO_SECURE_SSL_REDIRECT=false.
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
if env("DJANGO_SECURE_PROXY_SSL_HEADER", default=""):
    SECURE_PROXY_SSL_HEADER = (
        "HTTP_" + env("DJANGO_SECURE_PROXY_SSL_HEADER").upper().replace("-", "_"),
        "https",
    )
# Proxies in front of gunicorn that append to X-Forwarded-For (nginx: 1). The login
# lockout keys on the address this yields; 0 means REMOTE_ADDR is the visitor.
PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", default=0)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
# Preloading binds the clinic's whole domain to HTTPS in browsers for good: the owner's
# decision, so its reminder is silenced until they opt in.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain http
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True  # no script of ours reads the token; forms carry it
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
# Staff log in at this path; a less obvious one keeps the noise of bots off the lockout.
ADMIN_URL = env("DJANGO_ADMIN_URL", default="admin/")

# Applications
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "simple_history",
    "nested_admin",
    "csp",
    "axes",
    "publishing",
    "pages",
    "gallery",
    "consultations",
    "ops",
]

# Apps whose rows make up the public pages: any save or delete in them moves the content
# version, so every cached page on every worker is stale at once (publishing/versions.py),
# and backup_site saves them.
CONTENT_APPS = ["pages", "gallery"]
# Consultation requests are backed up too: losing a patient's request is worse than keeping
# it in an owner-only archive (the retention command still deletes old ones).
BACKUP_LABELS = [*CONTENT_APPS, "consultations", "auth.group", "auth.user"]

MIDDLEWARE = [
    "ops.middleware.RequestIdMiddleware",
    # Early on purpose: a cached page is answered here, without the rest of the stack, and
    # what it stores has every header the middleware below adds. A page is keyed on the
    # scheme it was rendered in, so SSL redirects still happen below.
    "ops.pagecache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",  # records who made each change
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ops.middleware.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

# Staff login: locked after 5 wrong passwords in a row for one username from one address;
# the 6th attempt is refused even with the right password. Unlock: manage.py axes_reset.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_CLIENT_IP_CALLABLE = "ops.middleware.client_ip"
AXES_COOLOFF_TIME = env.int("DJANGO_AXES_COOLOFF_HOURS", default=1)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ops.login.staff_locked_out"  # the admin's look, how long, whom to ask


ROOT_URLCONF = "clinic_site.urls"
WSGI_APPLICATION = "clinic_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.clinic",
                "pages.context_processors.seo",
            ],
        },
    },
]

# Database
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast (and let /healthz answer 503) rather than hang when the server is gone.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Passwords
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalization
LANGUAGE_CODE = "en-us"
TIME_ZONE = env("DJANGO_TIME_ZONE", default="America/Los_Angeles")
# English only for now: the site has no translations yet.
USE_I18N = False
USE_TZ = True

# Static files and uploads
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))  # collectstatic output
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
# Files only Django reads (gallery originals and renditions, consent scans): outside
# MEDIA_ROOT so no web server location ever serves them directly.
PRIVATE_MEDIA_ROOT = Path(env("DJANGO_PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private_media")))
# Behind nginx: the `internal` location that aliases PRIVATE_MEDIA_ROOT, e.g. /_private/
# (deploy/nginx.conf.template). Django checks who may see a gallery photo, nginx sends it.
PRIVATE_MEDIA_ACCEL_PREFIX = env("DJANGO_PRIVATE_MEDIA_ACCEL_PREFIX", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names (cached by browsers for good) and compressed copies, served by WhiteNoise.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email: console in development; e.g. EMAIL_URL=smtp+tls://user:password@smtp.example.com:587
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DJANGO_DEFAULT_FROM_EMAIL", default="webmaster@localhost")

# Consultation requests
CONSULTATION_RETENTION_DAYS = env.int("CONSULTATION_RETENTION_DAYS", default=180)
CONSULTATION_RATE_LIMIT = env.int("CONSULTATION_RATE_LIMIT", default=5)  # requests per IP per hour
WHITENOISE_MAX_AGE = 3600  # unhashed names only; hashed ones are cached for ten years
# Serve MEDIA_ROOT from Django (image types only, nosniff) when no proxy or object store
# does it: fine for one small server; nginx's alias is faster (docs/deploy.md).
SERVE_MEDIA = env.bool("DJANGO_SERVE_MEDIA", default=DEBUG)
# Uploads in S3-compatible object storage, shared by every server, when a bucket is set.
if env("DJANGO_S3_BUCKET", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env("DJANGO_S3_BUCKET"),
            "endpoint_url": env("DJANGO_S3_ENDPOINT_URL", default=None),
            "region_name": env("DJANGO_S3_REGION", default=None),
            "access_key": env("DJANGO_S3_ACCESS_KEY_ID", default=None),
            "secret_key": env("DJANGO_S3_SECRET_ACCESS_KEY", default=None),
            "custom_domain": env("DJANGO_S3_CUSTOM_DOMAIN", default=None),
            "querystring_auth": False,  # public renditions: plain, cacheable URLs
            "file_overwrite": False,
            "default_acl": None,  # the bucket's policy decides
        },
    }
# Where images come from when not from this site (CSP img-src), e.g. https://media.example.com
MEDIA_ORIGIN = env("DJANGO_MEDIA_ORIGIN", default="")
if not MEDIA_ORIGIN and env("DJANGO_S3_CUSTOM_DOMAIN", default=""):
    MEDIA_ORIGIN = "https://" + env("DJANGO_S3_CUSTOM_DOMAIN")

# Content-Security-Policy: only our own origin. No inline script; a template that needs
# one uses {{ request.csp_nonce }}. Styles allow 'self' only: our CSS and the admin's are
# files. Images may also come from the media origin when uploads live in object storage.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *([MEDIA_ORIGIN] if MEDIA_ORIGIN else [])],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Cache: local memory by default (one process only). Several workers or hosts must share
# one: CACHE_URL=redis://host:6379/1 (Django's RedisCache) or pymemcache://host:11211.
# Whatever CACHE_URL names, wrapped so that losing it costs speed, not the site (ops/cache.py).
_cache = env.cache_url("CACHE_URL", default="locmemcache://")
if "redis" in _cache["BACKEND"].lower():
    # A Redis that hangs must not hold a request: ~0.1 s, then the cache is skipped a while.
    _cache.setdefault("OPTIONS", {}).update(socket_connect_timeout=0.1, socket_timeout=0.1)
CACHES = {
    "default": {
        **_cache,
        "BACKEND": "ops.cache.FailSoftCache",
        "OPTIONS": {**_cache.get("OPTIONS", {}), "BACKEND": _cache["BACKEND"]},
    }
}
# Anonymous GETs of public pages are kept until the next content change, scheduled change
# or the clinic's midnight (ops/pagecache.py). Off by default under DEBUG, so `make run`
# shows template edits at once.
PAGE_CACHE = env.bool("DJANGO_PAGE_CACHE", default=not DEBUG)

# Logs: one line per event on stdout, each with the request id (ops/logs.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "ops.logs.RequestIdFilter"}},
    "formatters": {
        "line": {
            "()": "ops.logs.OneLineFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s",
        },
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": "line",
        },
    },
    "root": {"handlers": ["stdout"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
    "loggers": {
        # django.request logs each 4xx/5xx with its traceback; the server's access log
        # already has one line per request, so don't repeat 404s as warnings.
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "django.request": {"handlers": ["stdout"], "level": "ERROR", "propagate": False},
        "django.server": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "axes": {"level": "WARNING"},  # failed logins and lockouts, not every success
    },
}
