"""Playwright driving the system Chromium against pytest-django's live server.

Chromium comes from Debian (`apt-get install chromium`); Playwright never downloads a browser.
Every page is watched: a request to any host but the live server is aborted and fails the test
(the portal must work offline and leak nothing to third parties), and so does a console error or
a same-site request that fails.
"""

import io
import os
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.management import call_command, get_commands

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "test-output" / "screenshots"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "[::1]"}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-gpu",
    "--disable-component-update",
    "--no-first-run",
]

# Playwright must use the system Chromium, never fetch its own.
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
# Playwright's sync API keeps an event loop running in the test thread; the database work the
# tests do there is still synchronous, so Django's guard against async contexts does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def demo_site(live_server, settings):
    """The live server with the demo content (Tripoli, Shenzhen, the Lebanon pilot...)."""
    # The demo accounts' passwords need not be expensive to hash here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if "load_demo" in get_commands():
        call_command("load_demo", stdout=io.StringIO())
    return live_server


class PageWatch:
    def __init__(self):
        self.external_requests: list[str] = []
        self.console_errors: list[str] = []
        self.failed_requests: list[str] = []

    def problems(self) -> list[str]:
        return (
            [f"request to an external host: {url}" for url in self.external_requests]
            + [f"console error: {text}" for text in self.console_errors]
            + [f"failed request: {text}" for text in self.failed_requests]
        )


def _is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in {"data", "blob", "about"} or parsed.hostname in LOCAL_HOSTS


def _cut_short_by_navigation(request) -> bool:
    """A request the browser dropped because the page moved on (a form was sent before a deferred
    script had arrived): nothing a visitor would notice. A missing file is a 404, not a failure."""
    return request.failure == "net::ERR_ABORTED"


def new_watched_page(browser, **context_options):
    """A page in a fresh context (empty cache, no cookies) with its problems recorded."""
    options = {
        "locale": "en-GB",
        "timezone_id": "UTC",
        "viewport": {"width": 1280, "height": 900},
        "service_workers": "block",
        "accept_downloads": True,
        **context_options,
    }
    context = browser.new_context(**options)
    watch = PageWatch()

    def guard(route):
        if _is_local(route.request.url):
            route.continue_()
        else:
            watch.external_requests.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on(
        "console",
        lambda message: (
            watch.console_errors.append(f"{message.text} at {page.url}")
            if message.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda error: watch.console_errors.append(f"{error} at {page.url}"))
    page.on(
        "requestfailed",
        lambda request: (
            watch.failed_requests.append(f"{request.url} ({request.failure})")
            if _is_local(request.url) and not _cut_short_by_navigation(request)
            else None
        ),
    )
    page.watch = watch
    return context, page


@pytest.fixture
def page(browser, demo_site):
    context, page = new_watched_page(browser)
    yield page
    context.close()
    problems = page.watch.problems()
    assert not problems, "The browser saw problems:\n" + "\n".join(problems)


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
