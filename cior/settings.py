"""Settings for the CIOR platform, driven by environment variables (see README, Configuration)."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("CIOR_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    """Read a yes/no environment variable ("1", "true", "yes", "on" mean yes)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    """Read a comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("CIOR_ALLOW_INSECURE_KEY"):
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).")
    SECRET_KEY = "insecure-development-key-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL

INSTALLED_APPS = [
    # Ours, first so that their templates and translations win.
    "core",
    "accounts",
    "nations",
    "governance",
    "news",
    "events",
    "milcomp",
    "academy",
    "awards",
    "api",
    # Per-field translations of records; must come before the apps whose admin it patches.
    "modeltranslation",
    # Wagtail and its localisation.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "accounts.apps.UsersAppConfig",  # wagtail.users with the person on the user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "csp",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "rules.apps.AutodiscoverRulesConfig",
    # Background work: Django's task framework (backport) and its database queue.
    "django_tasks",
    "django_tasks_db",
    # Login accounts: e-mail and password, TOTP two-factor authentication.
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Django.
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",  # /api/ only (CORS_URLS_REGEX)
    "core.middleware.ServiceUnavailableMiddleware",  # database/disk fault: 503, Retry-After
    # Anonymous pages from the shared cache; outside the session, so a hit reads no session.
    "core.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",  # Django's, without redirecting admin 404s
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cior.urls"
WSGI_APPLICATION = "cior.wsgi.application"

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
                "wagtail.contrib.settings.context_processors.settings",
                "core.context_processors.fragments",
            ],
        },
    },
]

# Databases: SQLite (WAL, immediate transactions) unless DATABASE_URL names another.
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (several app servers), else a file cache shared by the
# worker processes of one machine. The cache is an optimisation: a Redis that refuses or hangs
# costs at most a short timeout per call, its errors are ignored (and logged), and pages are
# then rendered uncached. Nothing is kept per process.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_TIMEOUT_SECONDS = float(os.environ.get("CACHE_TIMEOUT_SECONDS", "0.25"))
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cior"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": CACHE_TIMEOUT_SECONDS,
                "SOCKET_TIMEOUT": CACHE_TIMEOUT_SECONDS,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": VAR_DIR / "cache",
            # Pages of both languages, their pagination and the menus: bounded, on disk.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# The API's rate-limit counters (api.throttling): one increment per request. In Redis with the
# rest; else in a file cache of their own, so that each increment does not list the 5,000
# files of the default one (Django's file cache does on every write).
CACHES["counters"] = (
    CACHES["default"]
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": VAR_DIR / "counters",
        "OPTIONS": {"MAX_ENTRIES": 1000},
    }
)
DJANGO_REDIS_IGNORE_EXCEPTIONS = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "core.cache"

# The page cache (core.cache.PageCacheMiddleware): anonymous GET pages under /en/ and /fr/
# are kept in the shared cache for CIOR_PAGE_CACHE_SECONDS (0 turns it off) and dropped at once
# when content changes (a generation key moved on commit). Responses kept say
# "Cache-Control: public, s-maxage=CIOR_EDGE_MAX_AGE" so that an edge cache may keep them too;
# the edge is purged through wagtail.contrib.frontend_cache when CIOR_EDGE_PURGE_URL is set.
CIOR_PAGE_CACHE_SECONDS = int(os.environ.get("CIOR_PAGE_CACHE_SECONDS", "600"))
CIOR_EDGE_MAX_AGE = int(os.environ.get("CIOR_EDGE_MAX_AGE", "60"))
# What a page rendered uncached reads from the shared cache under the same generation (the
# menu): on unless CIOR_FRAGMENT_CACHE=0.
CIOR_FRAGMENT_CACHE = env_bool("CIOR_FRAGMENT_CACHE", default=True)
# Paths below the language prefix that are never kept: personal, per-token or live pages.
CIOR_PAGE_CACHE_EXCLUDE = [
    "delegation/",
    "registration/",
    "milcomp/",
    "verify/",
    "feeds/my/",
    "_util/",
]
# The query parameters a kept page may have (any other: rendered, not kept), and the highest
# page number kept, so that ?page=N for any N cannot fill the cache.
CIOR_PAGE_CACHE_QUERY = {
    "page": r"[1-9][0-9]?",
    "category": r"[a-z_]{1,20}",
    "kind": r"[a-z_]{1,20}",
}

# Sessions: in the database, and with Redis read from the cache first (cached_db): a session
# made on one app server works on every other, and survives a restart of either store.
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# The records shown on public pages: any save or delete moves the page generation and purges
# the edge's copies of the pages of the listed types (their sub-pages included).
CIOR_PAGE_CACHE_RECORDS = {
    "wagtailcore.Site": [],
    "wagtailcore.Locale": [],
    "wagtailcore.PageViewRestriction": [],
    "news.Photo": ["news.NewsIndexPage", "news.PhotoLibraryPage"],
    "wagtaildocs.Document": [],
    "events.Event": ["events.EventIndexPage"],
    "events.ProgrammeItem": ["events.EventIndexPage"],
    "events.RegistrationType": ["events.EventIndexPage"],  # the fees on the event's page
    "nations.Nation": [
        "nations.NationsPage",
        "events.EventIndexPage",
        "governance.CommitteeIndexPage",
        "news.PhotoLibraryPage",
    ],
    "nations.Association": ["nations.NationsPage"],
    "accounts.Person": ["governance.PresidencyPage", "governance.CommitteeIndexPage"],
    "governance.PresidencyTerm": ["governance.PresidencyPage"],
    "governance.Appointment": ["governance.PresidencyPage"],
    "governance.Committee": ["governance.CommitteeIndexPage"],
    "governance.CommitteeMembership": ["governance.CommitteeIndexPage"],
    "core.Partner": ["core.PartnersPage"],
}
# The edge cache (deploy/): purged with PURGE requests to this address (nginx), e.g.
# http://127.0.0.1:8080; unset: no edge.
CIOR_EDGE_PURGE_URL = os.environ.get("CIOR_EDGE_PURGE_URL", "")
if CIOR_EDGE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "edge": {
            # Wagtail's HTTP backend, purging after the transaction commits (core.edge): a
            # purge inside the publish transaction would let the edge fetch the old page.
            "BACKEND": "core.edge.OnCommitHTTPBackend",
            "LOCATION": CIOR_EDGE_PURGE_URL,
            # PURGEs sent at once for one edit (each makes the edge fetch the page anew).
            "CONCURRENCY": int(os.environ.get("CIOR_EDGE_PURGE_CONCURRENCY", "4")),
        }
    }
# Each URL purged as given: the French pages have their own slugs, purged by their own URL.
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Everyone logs in through allauth (/accounts/), by e-mail; staff roles need TOTP two-factor
# authentication (accounts.middleware). Accounts are opened by staff: no self sign-up.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "role_home"
# The first page after login (accounts.home): where each role starts, and what a nation's
# home page shows, contributed by the apps without accounts importing them.
CIOR_START_PAGES = [
    "accounts.home.staff_start",
    "academy.home.director_start",
    "milcomp.home.judge_start",
]
# What the site search finds besides pages (core.queries.search_records), app by app.
CIOR_SEARCH_RECORDS = [
    "nations.search.records",
    "governance.search.records",
    "events.search.records",
    "milcomp.search.records",
]
CIOR_HOME_PANELS = ["events.home.panels", "nations.home.panels", "milcomp.home.panels"]
WAGTAILADMIN_LOGIN_URL = "account_login"
# A private page (a view restriction to logged-in users or groups) sends visitors there too:
# Wagtail's own front-end login knows no second factor (cior/urls.py redirects it).
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False  # allauth's reset, at /accounts/password/reset/
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_LOGIN_ON_PASSWORD_RESET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[CIOR] "
# Failed logins: at most 10 a minute from one address, and 5 in 5 minutes for one account from
# one address (accounts.adapter keys that limit by address and account together, so that a
# stranger elsewhere cannot lock an account out). The address is the client's, as the trusted
# proxies saw it (TRUSTED_PROXY_COUNT below).
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
# Who must activate TOTP before any other page answers (accounts.middleware): anyone holding
# one of these permissions (staff roles and superusers; MILCOMP judges and jury members).
CIOR_TWO_FACTOR_PERMISSIONS = [
    "accounts.use_two_factor",
    "milcomp.use_two_factor",
    "academy.use_two_factor",
]
MFA_TOTP_ISSUER = os.environ.get("MFA_TOTP_ISSUER", "CIOR")
# A code of the 30-second window before or after the current one is taken too (RFC 6238,
# section 5.2: one step of clock drift): a phone a few seconds off, or a code typed as its window
# turns, still logs in. Each code is still taken only once (allauth marks it used).
MFA_TOTP_TOLERANCE = 1

# Languages: English and French, NATO's two; English is the fallback everywhere.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
TIME_ZONE = "Europe/Brussels"
USE_I18N = True
FORMAT_MODULE_PATH = ["cior.formats"]
USE_TZ = True

# Static files and media.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns when it is missing
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Media on the local disk, or on S3-compatible storage (django-storages) when a bucket is named:
# the choice for more than one app server. Credentials: AWS_ACCESS_KEY_ID and
# AWS_SECRET_ACCESS_KEY, read by boto3 itself.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    MEDIA_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            # Public files (photos, documents) get plain URLs; Wagtail documents and private
            # files go through the app's own views.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH"),
            "file_overwrite": False,
        },
    }
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": MEDIA_STORAGE,
    # Finished batch documents (badge sheets, certificates, results PDFs): outside MEDIA_ROOT,
    # handed out only by the views that check who asks (PRIVATE_ROOT; default var/private).
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": Path(os.environ.get("PRIVATE_ROOT", VAR_DIR / "private"))},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Background work (django-tasks). The project's tasks (mails, batch documents, the results PDF,
# large imports, the passport erasure) go to the "background" backend: a queue in the database
# that `manage.py db_worker --backend background` works through (bin/run starts one). Wagtail's
# own small tasks (reference index, purges of the edge cache) stay on the immediate default, run
# in the request as before, so that a purge has reached the edge when a publish answers.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "background": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
# E-mail: printed on the console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "CIOR <no-reply@cior.net>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail.
WAGTAIL_SITE_NAME = "CIOR"
# No call from the admin to wagtail.org for new releases: the CSP and the network allow none;
# upgrades are the maintainers' decision (uv.lock).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILIMAGES_IMAGE_MODEL = "news.Photo"
# Upload forms that answer a full or read-only media store with a form error (core.forms).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.forms.DocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "mp3",
    "ogg",
    "wav",
    "webm",
    "mp4",
    "xlsx",
    "csv",
    "docx",
    "odt",
    "txt",
]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # No third-party requests from the admin: initials only.

# Security. A strict Content-Security-Policy: no inline script or style on public pages.
# The Wagtail admin is excluded because its editor relies on inline scripts.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# No page is framed, not even by the site itself (Wagtail's previews allow their own frame).
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Reverse proxies in front of the app that each append the address they saw to
# X-Forwarded-For: 0 means the app faces the Internet and REMOTE_ADDR is the client.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# X-Forwarded-Proto is believed only when a trusted proxy sets it (anyone can send the header).
if env_bool("SECURE_PROXY_SSL_HEADER", default=TRUSTED_PROXY_COUNT > 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD")

# One log line per failure: a database or disk fault is logged by core.middleware in one line;
# Django's own line (with the traceback) for that 503 is dropped.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "skip_logged_unavailable": {
            "()": "django.utils.log.CallbackFilter",
            "callback": "ext://core.middleware.skip_logged_unavailable",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "django.request": {"filters": ["skip_logged_unavailable"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# CIOR's own settings.
# Bank details printed on subscription invoices (several lines); empty prints a demo placeholder.
CIOR_BANK_DETAILS = os.environ.get("CIOR_BANK_DETAILS", "")

# The API (/api/v1/, the api app): Django REST framework, an OpenAPI 3 schema by drf-spectacular.
# Public reads need no authentication; nation-scoped endpoints take a nation's API token.
# "off" when a proxy in front limits the rate instead (nginx limit_req).
API_RATE_LIMIT = os.environ.get("API_RATE_LIMIT", "600/minute")
API_THROTTLES = (
    [] if API_RATE_LIMIT.lower() in ("", "off") else ["api.throttling.ClientRateThrottle"]
)
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["api.parsers.LimitedJSONParser"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "PAGE_SIZE": 50,
    "DEFAULT_THROTTLE_CLASSES": API_THROTTLES,
    "DEFAULT_THROTTLE_RATES": {"client": API_RATE_LIMIT},
    "EXCEPTION_HANDLER": "api.problems.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "CIOR API",
    "DESCRIPTION": (
        "Events, news, nations, committees, the presidency and MILCOMP results of CIOR, in "
        "English or French (`?lang=fr` or `Accept-Language`); nation-scoped registration with "
        "a nation's API token. Open data under CC BY 4.0."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "PREPROCESSING_HOOKS": ["api.schema.only_api_v1"],
    "ENUM_NAME_OVERRIDES": {
        "EventKindEnum": "events.models.Event.Kind",
        "EventStatusEnum": "events.models.Event.Status",
        "RegistrationKindEnum": "events.models.RegistrationType.Kind",
        "RegistrationStateEnum": "events.models.Registration.State",
        "CompetitionStatusEnum": "milcomp.models.Competition.Status",
        "NationStatusEnum": "nations.models.Nation.Status",
    },
    "LICENSE": {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"},
}
# Cross-origin reads of the API from any site (national associations' pages); nothing else.
CORS_URLS_REGEX = r"^/api/v1/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Content-Language", "Retry-After"]
# Seconds before each further attempt at a mail the server refused (then the task fails and
# the presidency sees it under Reports → Failed tasks): 1 minute, 10 minutes, 1 hour.
CIOR_MAIL_RETRY_DELAYS = [
    int(seconds) for seconds in env_list("CIOR_MAIL_RETRY_DELAYS", "60,600,3600")
]
