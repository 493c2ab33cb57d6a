# Every target that needs Python depends on the virtualenv, so a fresh clone needs nothing else.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: screenshots run test lint fmt migrate demo worker beat venv collectstatic serve clean bench backup restore soak messages

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test]'
	touch $(INSTALLED)

venv: $(INSTALLED)

migrate: venv
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	$(PY) manage.py runserver $(HOST):$(PORT)

# What the web container runs: gunicorn on collected static files.
serve: migrate collectstatic
	$(VENV)/bin/gunicorn config.wsgi:application --bind $(HOST):$(PORT) --workers $${WEB_CONCURRENCY:-2}

collectstatic: venv
	$(PY) manage.py collectstatic --noinput

# A worker per queue in production (`make worker QUEUES=transactional`, see docs/deployment.md);
# by default one worker consumes them all.
QUEUES ?= transactional,notifications,bulk
worker: venv
	$(VENV)/bin/celery -A config worker -Q $(QUEUES) --loglevel=INFO

# Exactly one per deployment: a second beat finds the lock in Redis taken and exits (config/beat.py).
beat: venv
	$(VENV)/bin/celery -A config beat --loglevel=INFO --schedule var/celerybeat-schedule

# No .pytest_cache: the SQLite and PostgreSQL passes in CI must not share state, and a clone stays clean.
# One pytest-xdist worker per core (TEST_WORKERS=0 runs in one process, for a debugger); a test
# file stays on one worker, so its module-wide data is built once. Each worker has its own test
# database (pytest-django) and Redis database (config/settings.py).
TEST_WORKERS ?= auto
test: venv
	$(PY) -m pytest -p no:cacheprovider -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# Every page type at 390 and 1280 px, in English and Arabic, into var/screenshots/ (the layout
# test takes them while it checks each page; it needs Chromium at /usr/bin/chromium).
screenshots: venv
	rm -rf var/screenshots
	SCREENSHOTS_DIR=var/screenshots $(PY) -m pytest -p no:cacheprovider -q tests/browser/test_layout.py; \
		status=$$?; echo "Screenshots: var/screenshots/ ($$(ls var/screenshots | wc -l) pictures)"; exit $$status

# Pages, API, search and digests at scale on PostgreSQL and Redis db 13 (see docs/benchmarks.md).
# BENCH_SCALE=small runs a tenth of the data in a few minutes.
BENCH_SCALE ?= full
bench: venv
	$(VENV)/bin/pip install --quiet -e '.[test,bench]'
	command -v wrk >/dev/null || (apt-get update -q && apt-get install -y -q wrk)
	BENCH_SCALE=$(BENCH_SCALE) $(PY) bench/run.py

# pg_dump of DATABASE_URL's database plus a tar of the uploaded files (MEDIA_ROOT and
# PRIVATE_MEDIA_ROOT, or the bucket of MEDIA_STORAGE_URL) into var/backups/<timestamp>/.
backup: venv
	$(PY) ops/backup.py

# make restore BACKUP=var/backups/<timestamp>: pg_restore --clean into DATABASE_URL, files back
# to the disk or the bucket the settings name now.
restore: venv
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=var/backups/<timestamp>" >&2; exit 2)
	$(PY) ops/restore.py "$(BACKUP)"

# Load and faults against gunicorn + PostgreSQL + Redis + Celery for SOAK_SECONDS (see docs/deployment.md).
SOAK_SECONDS ?= 60
soak: venv
	SOAK_SECONDS=$(SOAK_SECONDS) $(PY) soak/run.py

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports

# Refresh the catalogues with the strings the code uses now, fill in the translations delivered
# as translations/*.json (ops/merge_translations.py), and compile. One line per location keeps
# the diffs to what changed.
LANGS := fr es ar zh_Hans ru
messages: venv
	$(PY) manage.py makemessages $(foreach l,$(LANGS),-l $(l)) --no-obsolete --no-wrap --add-location file \
		-i var -i node_modules -i static/vendor -i tests -i bench -i soak -i ops -i build -i .venv
	for po in locale/*/LC_MESSAGES/django.po; do msgcat --width=100000 "$$po" -o "$$po"; done
	$(PY) ops/merge_translations.py
	$(PY) manage.py compilemessages --ignore=.venv --ignore=var --ignore=node_modules --ignore=static

fmt: venv
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

clean:
	rm -rf $(VENV) var
