"""Settings for the South-South Cities Clusters portal.

Everything comes from the environment (or a `.env` file beside manage.py). A fresh checkout needs no
configuration at all: it runs on SQLite under var/, runs Celery tasks in-process and writes email
to var/mail/. Production (`DJANGO_ENV=production`) refuses to start without a real SECRET_KEY or
with DEBUG on.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from config.security import map_tile_sources
from core.logging import logging_config, sentry_init
from core.media_storage_config import bucket_config, storages_for

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
# A developer may keep local overrides in .env; production passes real environment variables.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DJANGO_ENV = env.str("DJANGO_ENV", default="development")
if DJANGO_ENV not in {"development", "production"}:
    raise ImproperlyConfigured(
        f"DJANGO_ENV must be 'development' or 'production', not {DJANGO_ENV!r}."
    )
IS_PRODUCTION = DJANGO_ENV == "production"

DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
DEBUG = env.bool("DEBUG", default=not IS_PRODUCTION)

if IS_PRODUCTION:
    # The same bar as Django's own deploy check (security.W009), so `check --deploy` stays quiet.
    if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "Production needs SECRET_KEY set to a random value of at least 50 characters, e.g. "
            "the output of `python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
        )
    if DEBUG:
        raise ImproperlyConfigured("Production refuses to run with DEBUG on; set DEBUG=false.")

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=[] if IS_PRODUCTION else ["127.0.0.1", "localhost", "testserver"]
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Per-language columns of the content fields (each app's translation.py); before the admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Serve static files through whitenoise in `runserver` too, so dev behaves like production.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # The form renderer (core.forms) finds Django's widget templates through the template engine.
    "django.forms",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "taggit",
    "django_countries",
    "allauth",
    "allauth.account",
    # Two-factor authentication (TOTP and recovery codes); superusers must use it.
    "allauth.mfa",
    "csp",
    "simple_history",
    "core",
    "accounts",
    "cities",
    "clusters",
    "projects",
    "events",
    "notifications",
    "resources",
    "matchmaking",
    "opportunities",
    "portal",
]

MIDDLEWARE = [
    # First, so every log line of the request (and the slow-request warning) carries its id.
    "core.middleware_security.RequestIdMiddleware",
    # Before anything reads the database: may this request read from a replica?
    "core.db_routing.ReplicaReadMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "core.middleware_security.PermissionsPolicyMiddleware",
    "core.middleware_security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETag and 304s for GET; placed outside the middleware below so it hashes the final page.
    "django.middleware.http.ConditionalGetMiddleware",
    # Serves anonymous pages kept by the one below; inside ConditionalGet so 304s still work.
    "core.page_cache.AnonymousPageCacheMiddleware",
    # Pages and API answers gzipped for a client that accepts it: a 43 KB list page travels as
    # 7 KB, for readers on slow connections. Inside the page cache, so a kept page is kept
    # compressed (its key says whether the client accepts gzip) and a hit compresses nothing;
    # static files come compressed from WhiteNoise; uploads are not compressed again.
    "core.middleware.TextGZipMiddleware",
    "core.middleware.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # A page's language is the one in its address (/fr/...), English without a prefix.
    "django.middleware.locale.LocaleMiddleware",
    # The API's language: ?lang=, else Accept-Language (core.i18n); the admin's: the cookie.
    "core.middleware.ApiLanguageMiddleware",
    "core.middleware.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.middleware.VisitorTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After authentication: a superuser without two-factor authentication is sent to set it up.
    "accounts.mfa_enforcement.SuperuserMFAMiddleware",
    "core.db_instrumentation.SlowQueryMiddleware",
    # Records who made each change in the editorial history (after authentication).
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

# One form design everywhere: labels above fields, hints, errors tied to their field (core.forms).
FORM_RENDERER = "core.forms.PortalFormRenderer"

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
                "django.template.context_processors.i18n",
                "django.template.context_processors.tz",
                "core.context_processors.site",
                "notifications.context_processors.unread_notifications",
                # Last: a body shared by signed-in readers carries a placeholder CSRF token.
                "core.shared_pages.csrf_placeholder",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite under var/ is the zero-configuration default; CI and production set DATABASE_URL.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite cannot create the folder its file lives in.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # A few indexes carry extra columns so that PostgreSQL answers from the index alone
    # (Index(include=...)); SQLite builds them without those columns, which is all it needs, and
    # `make run` need not warn about it.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]
# How long a connection is reused between requests. A new one costs the request that opens it
# 5-11 ms at scale (the connection, the server's catalog caches of a new backend, the prepared
# statements of core.sql_names): at 60 s every web process paid it each minute, and a worker
# that reconnected made its next page-cache miss a third slower. Health checks drop a connection
# the server has closed, whatever its age.
CONN_MAX_AGE_SECONDS = env.int("CONN_MAX_AGE", default=600)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Reuse connections between requests; health checks drop ones the server has closed.
    DATABASES["default"]["CONN_MAX_AGE"] = CONN_MAX_AGE_SECONDS
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# Read replicas (core/db_routing.py): safe requests (GET/HEAD pages, API, feeds, calendars,
# search) read from one; writes, other requests and Celery tasks use the primary. Someone who has
# just written reads from the primary for REPLICA_READ_YOUR_WRITES_SECONDS.
DATABASE_REPLICAS = []
for _number, _url in enumerate(env.list("DATABASE_REPLICA_URLS", default=[])):
    _alias = f"replica_{_number}"
    DATABASES[_alias] = {
        **env.db_url_config(_url),
        "CONN_MAX_AGE": CONN_MAX_AGE_SECONDS,
        "CONN_HEALTH_CHECKS": True,
        # A replica that does not answer is skipped quickly (its reads go to the primary).
        "OPTIONS": {"connect_timeout": 2},
        # Tests read the primary's test database through it rather than create one on it.
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_REPLICAS.append(_alias)
DATABASE_ROUTERS = ["core.db_routing.ReplicaRouter"]
REPLICA_READ_YOUR_WRITES_SECONDS = env.int("REPLICA_READ_YOUR_WRITES_SECONDS", default=5)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and Redis ------------------------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Redis' own backend, but a Redis restart means cache misses, not 500s.
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            # An unreachable Redis must not hold a request for long.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A signed-in request reads its session from the shared cache, not the database; writes go to
# both, so a Redis restart signs nobody out. A per-process cache could keep a signed-out
# session alive on another process, so without Redis sessions stay in the database only.
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)

# --- Celery ---------------------------------------------------------------------------------
# With no broker configured, tasks run eagerly in-process so `make run` needs no server.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL) or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not bool(REDIS_URL or env.str("CELERY_BROKER_URL", default=""))
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True  # a task a crashed worker was running is delivered again
# ...and when the pool process dies mid-task (OOM, SIGKILL) the message is requeued, not dropped.
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# One message at a time per process: a slow SMTP batch must not sit on prefetched work that an
# idle worker could take, and fewer unacknowledged messages wait on a worker that crashes.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A hung SMTP server or query must not block a worker forever: the soft limit raises inside the
# task (it can release its claim), the hard limit kills the process.
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
# Redis redelivers an unacknowledged message after this long; it must exceed the time limit and
# the longest retry countdown, or a running task would be handed to a second worker.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 2 * 3600}
# Publishing while Redis is down fails fast (about a second) instead of hanging the request; the
# outbox row is committed already and the sweeper enqueues it when the broker is back.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.3,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A worker that loses the broker cancels what it was running: those messages come back anyway
# (acks_late), and the outbox claim makes the second run skip what already went out.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
# Queues by urgency, so a 100k-reader digest run cannot delay a registration confirmation.
# Production starts a worker per queue (`make worker QUEUES=transactional`, docker-compose.yml);
# `make worker` alone consumes them all. This table is the one place a task gets its queue
# (tests/config/test_celery_queues.py checks every task is in it).
CELERY_TASK_QUEUES = {
    # One person waits for it: registrations, decisions, account confirmation, password reset.
    "transactional": {},
    # Many people are told of one thing: new content to followers, series sessions, reminders.
    "notifications": {},
    # Digests and housekeeping: large, and fine to run minutes later.
    "bulk": {},
}
CELERY_TASK_DEFAULT_QUEUE = "bulk"
CELERY_TASK_ROUTES = {
    "notifications.tasks.send_outbox_batch": {"queue": "transactional"},
    "accounts.tasks.send_account_email": {"queue": "transactional"},
    "notifications.tasks.send_fanout_outbox_batch": {"queue": "notifications"},
    "events.tasks.send_event_reminders": {"queue": "notifications"},
    "opportunities.tasks.send_deadline_reminders": {"queue": "notifications"},
    # The sweeper only re-enqueues: cheap, and it must not wait behind a digest run.
    "notifications.tasks.sweep_outbox": {"queue": "notifications"},
    "notifications.tasks.send_digests": {"queue": "bulk"},
    "notifications.tasks.send_digest_batch": {"queue": "bulk"},
    "notifications.tasks.send_bulk_outbox_batch": {"queue": "bulk"},
    "notifications.retention.retention_cleanup_task": {"queue": "bulk"},
    "matchmaking.tasks.refresh_matches": {"queue": "bulk"},
    "matchmaking.tasks.refresh_all_matches": {"queue": "bulk"},
}
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
# Periodic work, defined here so every deployment runs the same schedule (`make beat`). Exactly one
# beat may run: a second would send every digest twice. The scheduler holds a lock in Redis and
# a second beat exits at start (config/beat.py).
CELERY_BEAT_SCHEDULER = "config.beat.SingleBeatScheduler"
CELERY_BEAT_SCHEDULE = {
    "daily-digest": {
        "task": "notifications.tasks.send_digests",
        "schedule": crontab(hour=6, minute=0),
        "args": ("daily",),
    },
    "weekly-digest": {
        "task": "notifications.tasks.send_digests",
        "schedule": crontab(day_of_week="mon", hour=6, minute=30),
        "args": ("weekly",),
    },
    # Hourly: each reminder has an idempotency key, so overlapping windows never repeat one.
    "event-reminders": {
        "task": "events.tasks.send_event_reminders",
        "schedule": crontab(minute=5),
    },
    # Hourly: a deadline reminder stage is recorded once per opportunity and deadline.
    "opportunity-deadline-reminders": {
        "task": "opportunities.tasks.send_deadline_reminders",
        "schedule": crontab(minute=20),
    },
    "outbox-sweeper": {"task": "notifications.tasks.sweep_outbox", "schedule": 120.0},
    # Data retention: sent outbox rows and read notifications past their keep-for (below).
    "retention-cleanup": {
        "task": "notifications.retention.retention_cleanup_task",
        "schedule": crontab(hour=3, minute=15),
    },
    # Suggestions follow needs, offers, pilots and events as they change; nightly, they also
    # catch what changes by itself (an event's date coming close, a pilot's hazards, clusters).
    "matchmaking-refresh": {
        "task": "matchmaking.tasks.refresh_all_matches",
        "schedule": crontab(hour=2, minute=30),
    },
}
# Personal data kept no longer than needed: a sent email's copy (address, body) and a read
# notification go after these many days; pending or failed mail and unread notifications stay.
RETENTION_SENT_OUTBOX_DAYS = env.int("RETENTION_SENT_OUTBOX_DAYS", default=30)
RETENTION_READ_NOTIFICATIONS_DAYS = env.int("RETENTION_READ_NOTIFICATIONS_DAYS", default=180)
# The sweeper re-enqueues outbox rows pending this long (the broker was down, a task was lost)...
NOTIFICATIONS_OUTBOX_PENDING_AFTER = env.int("NOTIFICATIONS_OUTBOX_PENDING_AFTER", default=300)
# ...and hands back rows a dead worker claimed ("sending") this long ago. Above the time limit.
NOTIFICATIONS_OUTBOX_SENDING_TIMEOUT = env.int("NOTIFICATIONS_OUTBOX_SENDING_TIMEOUT", default=900)
# Links in emails need the public address; requests are not there to tell it.
SITE_URL = env.str("SITE_URL", default="http://localhost:8000")

# --- Authentication -------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "account_login"
# Signing in leads to My portal, where each person's work is (a partner's requests, an
# official's city, the staff's queues); a new account first to its profile, to set its name,
# language and time zone.
LOGIN_REDIRECT_URL = "portal:me"
ACCOUNT_SIGNUP_REDIRECT_URL = "accounts:profile"
AUTHENTICATION_BACKENDS = [
    # The admin's login form; allauth's backend below serves the site's sign-in.
    "core.user_cache.ModelBackend",
    "core.user_cache.AuthenticationBackend",
]
# django-allauth: people sign in with their email address; there is no username.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# The link in the email proves the address; signing in again right after would only annoy.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
# Changing the password ends every other session (Django's session hash changes); the session
# that made the change stays signed in.
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[South-South Cities Clusters] "
# Confirmation and reset links in emails must not send a password-setting page over plain HTTP.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if IS_PRODUCTION else "http"
# Brute-force throttling, counted in the cache (per process without REDIS_URL): five wrong
# passwords for one address within five minutes lock that address until the window passes, and
# one IP address gets twenty failures a minute across all addresses.
ACCOUNT_RATE_LIMITS = {"login_failed": "20/m/ip,5/300s/key"}
# Two-factor authentication: an authenticator app (TOTP) with recovery codes as the fallback.
# Staff may turn it on from their profile; superusers are made to (accounts/mfa_enforcement.py).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "South-South Cities Clusters"
MFA_REQUIRED_FOR_SUPERUSERS = env.bool("MFA_REQUIRED_FOR_SUPERUSERS", default=True)
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation: the six UN languages ---------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Formats Django's locales lack (Arabic dates with times); the rest are Django's own.
FORMAT_MODULE_PATH = ["config.formats"]
# Content in the six languages: one column per language beside each translated field (`name_fr`),
# registered in each app's translation.py. Reading `name` gives the active language's text, else
# the first language that has one (core.translation wraps such a fallback in its own lang/dir).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = MODELTRANSLATION_LANGUAGES
# Machine-assisted translation suggestions (a LibreTranslate-compatible API, self-hosted); none
# is ever called when unset.
MACHINE_TRANSLATION_URL = env.str("MACHINE_TRANSLATION_URL", default="")
MACHINE_TRANSLATION_API_KEY = env.str("MACHINE_TRANSLATION_API_KEY", default="")
MACHINE_TRANSLATION_TIMEOUT_SECONDS = env.float("MACHINE_TRANSLATION_TIMEOUT_SECONDS", default=10)
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True
# Tags typed with the comma of the writer's script ("فيضان، زلزال", "洪水、地震") are separate tags,
# in every tag field: a city's hazards, a pilot's and a resource's tags (core.tags).
# django-countries names two member countries wrongly in Chinese ("尼珀尔" for Nepal, "吉尔吉斯" for
# Kyrgyzstan): these two names come from the portal's own catalogue, in every language.
COUNTRIES_OVERRIDE = {"NP": _("Nepal"), "KG": _("Kyrgyzstan")}
TAGGIT_TAGS_FROM_STRING = "core.tags.parse_tags"
TAGGIT_STRING_FROM_TAGS = "core.tags.edit_string_for_tags"

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    # Redoc's bundle without the logo it would fetch from a CDN (see portal/api_docs.py).
    "core.api_docs.RedocWithoutThirdPartyLogoFinder",
]
# whitenoise warns on every request when STATIC_ROOT is missing; collectstatic fills it later.
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
MEDIA_URL = "/media/"
# Uploaded files (core/media_storage_config.py): on this disk unless a bucket is configured.
# Public ones (resource documents, images) under MEDIA_ROOT; private ones (collaboration
# attachments) under PRIVATE_MEDIA_ROOT, which no URL serves: the portal streams them after its
# permission check.
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private-media")
# An S3-compatible bucket instead: public files under public/ (served by the bucket or a CDN),
# private ones under private/, handed out as signed addresses valid this many seconds.
MEDIA_BUCKET = bucket_config(
    {
        "MEDIA_STORAGE_URL": env.str("MEDIA_STORAGE_URL", default=""),
        "AWS_STORAGE_BUCKET_NAME": env.str("AWS_STORAGE_BUCKET_NAME", default=""),
        "AWS_S3_ENDPOINT_URL": env.str("AWS_S3_ENDPOINT_URL", default=""),
        "AWS_S3_REGION_NAME": env.str("AWS_S3_REGION_NAME", default=""),
        "AWS_S3_CUSTOM_DOMAIN": env.str("AWS_S3_CUSTOM_DOMAIN", default=""),
        "AWS_S3_ADDRESSING_STYLE": env.str("AWS_S3_ADDRESSING_STYLE", default=""),
        "MEDIA_PUBLIC_ACL": env.str("MEDIA_PUBLIC_ACL", default="public-read"),
    }
)
MEDIA_PRIVATE_URL_SECONDS = env.int("MEDIA_PRIVATE_URL_SECONDS", default=60)
# Largest file an editor or city official may upload (resource documents and images).
MAX_UPLOAD_MB = env.int("MAX_UPLOAD_MB", default=10)
# A supporting document sent with an application to an opportunity (PDF or .docx).
OPPORTUNITY_DOCUMENT_MAX_MB = env.int("OPPORTUNITY_DOCUMENT_MAX_MB", default=5)
STORAGES = {
    **storages_for(MEDIA_BUCKET, private_url_seconds=MEDIA_PRIVATE_URL_SECONDS),
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if IS_PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

# --- Email ----------------------------------------------------------------------------------
# Development writes each message to a file under var/mail/ so nothing leaves the machine.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="filemail://")
if EMAIL_CONFIG["EMAIL_BACKEND"] == "django.core.mail.backends.filebased.EmailBackend":
    EMAIL_CONFIG["EMAIL_FILE_PATH"] = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))
# Django's SMTP backend, pipelining the envelope when the server offers it (core.smtp).
if EMAIL_CONFIG["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
    EMAIL_CONFIG["EMAIL_BACKEND"] = "core.smtp.EmailBackend"
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="South-South Cities Clusters <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- REST framework -------------------------------------------------------------------------
REST_FRAMEWORK = {
    # Adds the shared error responses and anonymous read access to every operation's schema.
    "DEFAULT_SCHEMA_CLASS": "core.api.ApiAutoSchema",
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_PAGINATION_CLASS": "core.api_defaults.StandardPagination",
    "PAGE_SIZE": 20,
    # Token first: its WWW-Authenticate header is what turns an anonymous refusal into a 401.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_THROTTLE_CLASSES": [
        "core.api_defaults.AnonThrottle",
        "core.api_defaults.UserThrottle",
        "core.api_defaults.WriteThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env.str("API_THROTTLE_ANON", default="120/minute"),
        "user": env.str("API_THROTTLE_USER", default="600/minute"),
        "write": env.str("API_THROTTLE_WRITE", default="60/minute"),
    },
    "EXCEPTION_HANDLER": "core.api.api_exception_handler",
    # JSON in, so the schema promises one body format and nested lists mean what they say.
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "South-South Cities Clusters API",
    "DESCRIPTION": "Public read access to clusters, cities, pilots, events and knowledge resources.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI and Redoc assets come from the sidecar package: no CDN at run time.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Request bodies get their own components so read-only fields are not asked for.
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "PublicationStatusEnum": "core.models.PublicationStatus",
        "ProjectKindEnum": "projects.models.ProjectKind",
        "ProjectPhaseEnum": "projects.models.ProjectPhase",
        "ProjectCityRoleEnum": "projects.models.ProjectCityRole",
        "ProjectPartnerRoleEnum": "projects.models.ProjectPartnerRole",
        "CollaborationKindEnum": "projects.models.CollaborationKind",
        "CollaborationStatusEnum": "projects.models.CollaborationStatus",
        "EventKindEnum": "events.models.EventKind",
        "EventFormatEnum": "events.models.EventFormat",
        "CoHostRoleEnum": "events.models.CoHostRole",
        "RegistrationStatusEnum": "events.models.RegistrationStatus",
        "ResourceKindEnum": "resources.models.ResourceKind",
        "MembershipRoleEnum": "clusters.models.MembershipRole",
        "OrganizationKindEnum": "accounts.models.OrganizationKind",
        "DigestFrequencyEnum": "notifications.models.DigestFrequency",
        "DeliveryEnum": "notifications.models.DeliveryChoice",
        "RegionEnum": "cities.models.Region",
    },
}

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_SECURE = IS_PRODUCTION
CSRF_COOKIE_SECURE = IS_PRODUCTION
LANGUAGE_COOKIE_SECURE = IS_PRODUCTION
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF token from the cookie: forms carry it, and the API docs get it from
# the page (Swagger UI's request interceptor).
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
if IS_PRODUCTION:
    # __Host- cookies are refused by browsers unless Secure, Path=/ and without Domain: a
    # sibling subdomain or a plain-HTTP response cannot plant or overwrite them.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"
    LANGUAGE_COOKIE_NAME = "__Host-django_language"
    MFA_TRUST_COOKIE_NAME = "__Host-mfa_trusted"
    MFA_TRUST_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Browser features no page of the portal uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    "camera": [],
    "microphone": [],
    "geolocation": [],
    "payment": [],
    "usb": [],
    "magnetometer": [],
    "gyroscope": [],
    "accelerometer": [],
    "display-capture": [],
}
if IS_PRODUCTION:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # Load balancers and container probes call /healthz over plain HTTP; a redirect would fail them.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    if env.bool("BEHIND_TLS_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SITE_NAME = "South-South Cities Clusters"

# `make bench` measures every page against a bare view at /bench/baseline; off everywhere else.
BENCH_BASELINE_ENABLED = env.bool("BENCH_BASELINE_ENABLED", default=False)

# --- Map ------------------------------------------------------------------------------------
# Empty by default: the map then draws markers and pilot links on a plain background, so it works
# offline and fetches nothing from a third party. Set e.g. an OpenStreetMap-compatible template
# ("https://tile.example.org/{z}/{x}/{y}.png") and its attribution to show a base map.
MAP_TILE_URL = env.str("MAP_TILE_URL", default="")
MAP_TILE_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="")

# --- Content-Security-Policy (django-csp) -----------------------------------------------------
# No inline script anywhere: every script is a file under /static/, so no nonce is needed and
# cached pages stay byte-identical (a per-response nonce would defeat the ETags).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # Cluster colours come from a generated stylesheet (portal/cluster_styles.py), not from
        # style attributes. The API docs pages relax this for styles only (see the middleware).
        "style-src": [SELF],
        # Uploaded images come from the bucket (or its CDN) when files are in object storage.
        "img-src": [
            SELF,
            "data:",
            *map_tile_sources(MAP_TILE_URL),
            *(MEDIA_BUCKET.public_origins() if MEDIA_BUCKET else []),
        ],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "manifest-src": [SELF],
        "worker-src": [SELF],
    },
}

# --- Logging --------------------------------------------------------------------------------
# JSON lines in production (one object per record, for the log collector), readable text in
# development; both carry the request id (portal/middleware_security.py).
LOG_FORMAT = env.str("LOG_FORMAT", default="json" if IS_PRODUCTION else "text")
# Requests and queries slower than these are logged as warnings (0 turns the warning off).
SLOW_REQUEST_MS = env.int("SLOW_REQUEST_MS", default=500)
SLOW_QUERY_MS = env.int("SLOW_QUERY_MS", default=100)
# Anonymous pages kept rendered in the cache this long (portal/page_cache.py); 0 turns it off.
# Off outside production so tests and development always render afresh.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60 if IS_PRODUCTION else 0)
# Signed-in pages rendered once per audience, their personal parts filled in per request
# (core/shared_pages.py); publishing forgets them at once. 0 turns it off (outside production).
SHARED_PAGE_SECONDS = env.int("SHARED_PAGE_SECONDS", default=60 if IS_PRODUCTION else 0)
# The signed-in user and their roles kept in the shared cache (core/user_cache.py); saving the
# user or changing their roles forgets them. Only with Redis: a per-process cache would not hear
# another process's saves. 0 turns it off.
USER_CACHE_SECONDS = env.int(
    "USER_CACHE_SECONDS", default=300 if IS_PRODUCTION and REDIS_URL else 0
)
# A signed-in reader's follows and unread count kept in the shared cache
# (notifications.selectors.reader_state); following, a new notification or marking one read
# forgets them. Only with Redis, as above. 0 turns it off.
READER_STATE_SECONDS = env.int(
    "READER_STATE_SECONDS", default=60 if IS_PRODUCTION and REDIS_URL else 0
)
LOGGING = logging_config(fmt=LOG_FORMAT, level=env.str("LOG_LEVEL", default="INFO"))

# Error reporting, only when a DSN is configured (`pip install '.[sentry]'`).
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    sentry_init(
        dsn=SENTRY_DSN,
        environment=DJANGO_ENV,
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
