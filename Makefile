# The two commands: `make run` and `make test`. Everything they need is installed from here.
SHELL := /bin/bash
# The first Python 3.13 that actually runs (a pyenv shim may exist without 3.13 selected).
PYTHON ?= $(shell for p in python3.13 $$HOME/.pyenv/versions/3.13*/bin/python3.13 /usr/local/bin/python3.13 /usr/bin/python3.13; do \
	$$p -c 'import sys; assert sys.version_info[:2] == (3, 13)' 2>/dev/null && { $$p -c 'import sys; print(sys.executable)'; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# `make test` owns these: pytest creates and drops test_<name> (test_<name>_gw0 … with workers) and empties
# the RQ queues of this Redis db. Keep them apart from the database and Redis db of `make run`.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/pydotorg_test
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
# Test processes in parallel (pytest-xdist; one database per worker); PYTEST_ARGS="-n 0" runs serially.
PYTEST_WORKERS ?= auto

.PHONY: run test test-database lint format requirements worker scheduler bench system-deps clean varnish varnish-stop web bench-deps

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "Python 3.13 is required (python3.13 not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps: reinstall only when the pinned requirements change.
$(VENV)/.base-installed: requirements/base.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/base.txt
	touch $@

$(VENV)/.dev-installed: requirements/dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	touch $@ $(VENV)/.base-installed

# The Site's address (sitemap, feeds, purge URLs) follows WAGTAILADMIN_BASE_URL: where this serves.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: $(VENV)/.base-installed
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_data --if-empty
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Debian's Chromium for the browser tests (Playwright cannot download browsers here), GnuPG for
# release-file signature checks, Pango for WeasyPrint (sponsorship contract PDFs) and Varnish with xkey
# (varnish-modules) for the HTTP cache tests; installed only when missing.
system-deps:
	@missing=""; command -v chromium >/dev/null 2>&1 || missing="chromium fonts-dejavu-core"; \
	command -v gpg >/dev/null 2>&1 || missing="$$missing gnupg"; \
	/sbin/ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0 || missing="$$missing libpango-1.0-0 libpangoft2-1.0-0"; \
	command -v varnishd >/dev/null 2>&1 || command -v /usr/sbin/varnishd >/dev/null 2>&1 || missing="$$missing varnish"; \
	ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || missing="$$missing varnish-modules"; \
	if [ -n "$$missing" ]; then \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# The checks below look at a real database: create it when missing (PostgreSQL URLs only).
test-database: $(VENV)/.dev-installed
	@case "$(TEST_DATABASE_URL)" in postgres*) $(BIN)/python -c 'import sys, psycopg; from psycopg import sql; \
		base, name = sys.argv[1].rsplit("/", 1); db = psycopg.connect(base + "/postgres", autocommit=True); \
		db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() \
		or db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))' "$(TEST_DATABASE_URL)";; esac

test: $(VENV)/.dev-installed system-deps test-database
	DJANGO_SETTINGS_MODULE=pydotorg.settings.test DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		$(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=pydotorg.settings.test DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) \
		$(BIN)/python manage.py makemigrations --check --dry-run
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest -n $(PYTEST_WORKERS) --dist load \
		--ignore=tests/varnish --ignore=tests/fuzz/test_api_schema.py $(PYTEST_ARGS)
	# In one process, after the rest: the API fuzz (its closing report counts every case it ran) and the HTTP
	# cache round trips, which time real gunicorn and Varnish processes.
	DATABASE_URL=$(TEST_DATABASE_URL) REDIS_URL=$(TEST_REDIS_URL) $(BIN)/pytest -n 0 tests/fuzz/test_api_schema.py tests/varnish

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/djhtml --check templates

format: $(VENV)/.dev-installed
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .
	$(BIN)/djhtml templates

requirements: $(BIN)/python
	$(BIN)/python -m pip install --quiet uv
	cd requirements && ../$(BIN)/uv pip compile --python-version 3.13 -q base.in -o base.txt \
		&& ../$(BIN)/uv pip compile --python-version 3.13 -q production.in -o production.txt \
		&& ../$(BIN)/uv pip compile --python-version 3.13 -q dev.in -o dev.txt

worker: $(VENV)/.base-installed
	$(BIN)/python manage.py rqworker --with-scheduler --job-class django_tasks_rq.Job default mail

scheduler: $(VENV)/.base-installed
	$(BIN)/python manage.py rqcron pydotorg.cron

bench: $(VENV)/.dev-installed bench-deps
	$(BIN)/python bench/run.py
	$(BIN)/python bench/speed.py

# wrk and Debian's nginx (the static-file yardstick of bench/speed.py); installed only when missing.
bench-deps: system-deps
	@missing=""; command -v wrk >/dev/null 2>&1 || missing="wrk"; \
	command -v nginx >/dev/null 2>&1 || command -v /usr/sbin/nginx >/dev/null 2>&1 || missing="$$missing nginx-light"; \
	if [ -n "$$missing" ]; then \
		SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
		$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

# Varnish (docker/varnish/default.vcl) on VARNISH_PORT in front of VARNISH_BACKEND (host:port), e.g.
# `make web` in one shell, `make varnish` in another; `make varnish-stop` stops it.
VARNISH_PORT ?= 6081
VARNISH_ADMIN_PORT ?= 6082
VARNISH_BACKEND ?= $(HOST):$(PORT)
VARNISH_DIR ?= /tmp/pydotorg-varnish-$(VARNISH_PORT)
VARNISHD := $(shell command -v varnishd 2>/dev/null || echo /usr/sbin/varnishd)

varnish: system-deps varnish-stop
	@mkdir -p $(VARNISH_DIR)
	@sed -e 's/@HOST@/$(firstword $(subst :, ,$(VARNISH_BACKEND)))/' -e 's/@PORT@/$(lastword $(subst :, ,$(VARNISH_BACKEND)))/' \
		docker/varnish/local-backend.vcl.in > $(VARNISH_DIR)/backend.vcl
	$(VARNISHD) -a 127.0.0.1:$(VARNISH_PORT) -T 127.0.0.1:$(VARNISH_ADMIN_PORT) -n $(VARNISH_DIR) \
		-p vcl_path=$(VARNISH_DIR):$(CURDIR)/docker/varnish -f $(CURDIR)/docker/varnish/default.vcl \
		-s malloc,256m -P $(VARNISH_DIR)/varnishd.pid
	@echo "Varnish on http://127.0.0.1:$(VARNISH_PORT)/ in front of $(VARNISH_BACKEND)"

varnish-stop:
	@if [ -f $(VARNISH_DIR)/varnishd.pid ]; then kill $$(cat $(VARNISH_DIR)/varnishd.pid) 2>/dev/null || true; \
		for i in 1 2 3 4 5 6 7 8 9 10; do kill -0 $$(cat $(VARNISH_DIR)/varnishd.pid) 2>/dev/null || break; sleep 0.3; done; \
		rm -f $(VARNISH_DIR)/varnishd.pid; fi

# gunicorn as in production (2 workers, persistent connections), purging the local Varnish.
web: $(VENV)/.base-installed
	$(BIN)/python manage.py collectstatic --noinput -v0
	VARNISH_URL=http://127.0.0.1:$(VARNISH_PORT) $(BIN)/gunicorn pydotorg.wsgi:application --bind $(HOST):$(PORT) \
		--workers $${WEB_CONCURRENCY:-2} --access-logfile -

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles tests/artifacts
