# Two commands: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# Only root can apt-get; elsewhere use sudo when it exists.
SUDO := $(shell [ "$$(id -u)" = 0 ] || command -v sudo)

.PHONY: run setup serve test test-fast bench screenshots chromium java nginx migrate clean

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	@touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PY) -m pip install -q -r requirements-test.txt
	@touch $@

# Serve the site with demo content on SQLite at http://127.0.0.1:$(PORT)/
run: setup
	@echo "Staff accounts: $(PY) manage.py create_editor NAME EMAIL (an editor; see README)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# Everything `make run` does before serving; tests/test_readme_commands.py runs it alone.
setup: $(VENV)/.installed .env
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --if-empty

# A development .env when there is none (git ignores it; an existing one is left alone):
# DEBUG on and a secret key of its own, so every manage.py command in the README works
# as written, with no variables to set. Owner-only, since it holds a key.
.env:
	@key=$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))') && umask 077 && \
	  printf '%s\n' "# Written by make run for local development; never use these values in production." \
	    DJANGO_DEBUG=true "DJANGO_SECRET_KEY=$$key" > $@.tmp && mv $@.tmp $@
	@echo "make: wrote $@ for local development (DJANGO_DEBUG=true, a new DJANGO_SECRET_KEY)."

# Production mode: DEBUG off, hashed and compressed static files served by WhiteNoise,
# gunicorn with deploy/gunicorn.conf.py on GUNICORN_BIND (default 127.0.0.1:$(PORT)).
# Needs DJANGO_SECRET_KEY in the environment or .env (docs/deploy.md); DEBUG stays off
# even when make run's .env turns it on.
serve: $(VENV)/.installed
	@[ -n "$$DJANGO_SECRET_KEY" ] || grep -qs '^DJANGO_SECRET_KEY=.' .env || { \
	  echo "make serve: DJANGO_SECRET_KEY is not set. Set it in the environment or in .env, e.g.:"; \
	  echo "  echo DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') >> .env"; \
	  exit 1; }
	DJANGO_DEBUG=false $(PY) manage.py collectstatic --noinput -v 0
	DJANGO_DEBUG=false $(PY) manage.py migrate --noinput -v 0
	DJANGO_DEBUG=false GUNICORN_BIND=$${GUNICORN_BIND:-127.0.0.1:$(PORT)} $(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py clinic_site.wsgi

# Debian's Chromium for the browser tests (Playwright never downloads a browser here).
chromium:
	@command -v chromium >/dev/null || [ -x /usr/bin/chromium ] || { \
	  command -v apt-get >/dev/null && $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; } || \
	  echo "Chromium could not be installed: browser tests will be skipped (they fail under CI=true)."

# axe-core for the accessibility checks in the browser tests, pinned by package-lock.json.
node_modules/.package-lock.json: package-lock.json
	@command -v npm >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq npm; }
	npm ci --no-audit --no-fund --ignore-scripts

# nginx for the deployed-tier tests (deploy/nginx.conf.template) and the benchmark.
nginx:
	@[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx; }

# Java runs the Nu HTML Checker (vnu.jar from npm, package.json) in the tests.
java:
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless; }

# The test client and live_server speak plain http on loopback. make run's .env says
# DJANGO_DEBUG=true and settings.py reads it (real variables win), so the tests say false.
TEST_ENV := DJANGO_DEBUG=false DJANGO_SECRET_KEY=test-only-not-secret DJANGO_SECURE_SSL_REDIRECT=false

# Every test, browser tests included.
test: $(VENV)/.installed-test chromium java nginx node_modules/.package-lock.json
	$(TEST_ENV) $(PY) -m pytest

# The quick loop while coding: everything but the browser.
test-fast: $(VENV)/.installed-test java node_modules/.package-lock.json
	$(TEST_ENV) $(PY) -m pytest -m "not browser"

# Speed against the static-file ceiling (not part of `make test`; about 12 minutes):
# wrk and nginx from Debian, Lighthouse from npm (bench/package-lock.json). Writes
# bench/results/results.{json,md,png}. BENCH_ROUNDS, BENCH_SECONDS and BENCH_LIGHTHOUSE=0
# shorten it.
bench: $(VENV)/.installed chromium nginx bench/node_modules/.package-lock.json
	@command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk; }
	$(PY) bench/run.py

# Phone (390 px) and desktop (1280 px) pictures of every public page type, with the demo
# content, in docs/screenshots/ (Debian's Chromium, as in the browser tests).
screenshots: $(VENV)/.installed-test chromium
	$(PY) tools/screenshots.py

bench/node_modules/.package-lock.json: bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund

clean:
	rm -rf $(VENV) staticfiles .pytest_cache node_modules bench/node_modules
