from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture
def demo_content(settings):
    """The demo's content and people (portal.demo), with a quick password hasher for sign-ins."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("load_demo", stdout=StringIO())


@pytest.fixture
def kept_pages(settings):
    """Signed-in pages kept (core.shared_pages), on a cache emptied before and after."""
    settings.SHARED_PAGE_SECONDS = 60
    cache.clear()
    yield settings
    cache.clear()
