"""Anonymous pages are kept rendered for a minute; signed-in visitors always get a fresh page."""

import django.utils.cache
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import CityFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def test_it_serves_the_second_anonymous_visit_without_touching_the_database(client):
    CityFactory(name="Tripoli")
    first = client.get("/cities/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/cities/")
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60"
    assert second.has_header("ETag")
    assert second.has_header("Content-Security-Policy") == first.has_header(
        "Content-Security-Policy"
    )


def test_it_still_answers_304_from_the_kept_page(client):
    first = client.get("/cities/")
    second = client.get("/cities/", headers={"if-none-match": first["ETag"]})
    assert second.status_code == 304


def test_a_kept_page_brings_the_etag_of_its_first_answer_without_hashing_again(client, calls_to):
    first = client.get("/cities/")
    # What ConditionalGetMiddleware hashes a page's body with.
    hashed = calls_to(django.utils.cache, "md5")
    second = client.get("/cities/")

    assert second["ETag"] == first["ETag"]
    assert hashed == []


def test_it_shows_a_signed_in_editor_their_change_at_once(client):
    client.get("/cities/")
    CityFactory(name="Newly Added Town")
    client.force_login(UserFactory())
    assert "Newly Added Town" in client.get("/cities/").content.decode()


def test_it_keeps_each_language_apart(client):
    english = client.get("/cities/")
    french = client.get("/fr/cities/")
    arabic = client.get("/ar/cities/")
    assert english["Content-Language"] == "en"
    assert french["Content-Language"] == "fr"
    assert '<html lang="fr" dir="ltr">' in french.text
    assert '<html lang="ar" dir="rtl">' in arabic.text
    # Each kept page answers its own language again.
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/fr/cities/")
    assert len(queries) == 0
    assert again.content == french.content
    assert '<html lang="en" dir="ltr">' in client.get("/cities/").text


def test_it_keeps_one_page_per_address_whatever_the_browser_language(client, settings):
    """The address names the language: a French browser asking for / gets the English page."""
    english = client.get("/cities/")
    with CaptureQueriesContext(connection) as queries:
        french_browser = client.get("/cities/", HTTP_ACCEPT_LANGUAGE="fr")
    assert len(queries) == 0
    assert french_browser.content == english.content
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert '<html lang="en"' in client.get("/cities/").text


def test_it_keeps_each_query_string_apart(client):
    CityFactory(name="Tripoli")
    client.get("/search/?q=zzzunknown")
    assert "Tripoli" in client.get("/search/?q=Tripoli").content.decode()


def test_it_is_off_when_the_setting_is_zero(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/cities/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/cities/")
    assert len(queries) > 0


def test_publishing_forgets_the_kept_pages_at_once(client, django_capture_on_commit_callbacks):
    from core.models import PublicationStatus
    from core.publication import publication_publish, publication_unpublish
    from tests.factories import ResourceFactory

    draft = ResourceFactory(title="Heat action plan", status=PublicationStatus.DRAFT)
    assert "Heat action plan" not in client.get("/resources/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        publication_publish(obj=draft, actor=None)
    assert "Heat action plan" in client.get("/resources/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        publication_unpublish(obj=draft, actor=None)
    assert "Heat action plan" not in client.get("/resources/").content.decode()


def _ungzipped(response) -> str:
    import gzip

    return gzip.decompress(response.content).decode()


def test_a_page_travels_gzipped_to_a_client_that_accepts_it_and_is_kept_so(client):
    """Readers on slow connections get a list page at a sixth of its size; the kept copy is the
    compressed one, and a client that does not accept gzip gets its own plain page."""
    CityFactory(name="Tripoli")
    gzip_client = {"accept-encoding": "gzip, deflate, br"}

    first = client.get("/cities/", headers=gzip_client)
    plain = client.get("/cities/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/cities/", headers=gzip_client)

    assert first["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in first["Vary"]
    assert "Tripoli" in _ungzipped(first)
    assert len(first.content) * 2 < len(_ungzipped(first).encode())
    # The plain page was not served from the compressed copy, nor the other way round.
    assert not plain.has_header("Content-Encoding")
    assert "Tripoli" in plain.content.decode()
    assert len(queries) == 0
    assert second["Content-Encoding"] == "gzip"
    assert second.content == first.content
    assert second["ETag"] != plain["ETag"]
    assert (
        client.get("/cities/", headers={**gzip_client, "if-none-match": second["ETag"]}).status_code
        == 304
    )


def test_signed_in_pages_and_the_api_travel_gzipped_too(client):
    CityFactory(name="Tripoli")
    gzip_client = {"accept-encoding": "gzip"}
    api = client.get("/api/v1/cities/", headers=gzip_client)
    client.force_login(UserFactory())
    page = client.get("/cities/", headers=gzip_client)

    assert api["Content-Encoding"] == "gzip"
    assert '"Tripoli"' in _ungzipped(api)
    assert page["Content-Encoding"] == "gzip"
    assert "Tripoli" in _ungzipped(page)


def test_an_upload_is_not_compressed_again():
    from django.http import HttpResponse
    from django.test import RequestFactory

    from core.middleware import TextGZipMiddleware

    photo = HttpResponse(b"\xff\xd8" + b"0" * 4000, content_type="image/jpeg")
    csv = HttpResponse(b"city,pilots\n" * 400, content_type="text/csv; charset=utf-8")
    request = RequestFactory().get("/media/photo.jpg", headers={"accept-encoding": "gzip"})
    middleware = TextGZipMiddleware(lambda request: None)

    assert not middleware.process_response(request, photo).has_header("Content-Encoding")
    assert middleware.process_response(request, csv)["Content-Encoding"] == "gzip"


def test_a_gzipped_answer_carries_a_name_of_random_length_against_breach():
    import gzip

    from core.middleware import gzipped

    page = b"<p>Tripoli</p>" * 200
    answers = [gzipped(page) for _ in range(30)]

    assert all(gzip.decompress(answer) == page for answer in answers)
    assert all(answer[3] & gzip.FNAME for answer in answers)
    # The same page compresses to answers of several lengths (Django's "Heal The Breach").
    assert len({len(answer) for answer in answers}) > 5


def test_a_compressed_pages_etag_outlives_its_kept_copy(client):
    """A browser revalidating after the kept page expired still gets a 304: the ETag comes from
    the plain page, not from compressed bytes that differ at each compression."""
    CityFactory(name="Tripoli")
    gzip_client = {"accept-encoding": "gzip"}
    first = client.get("/cities/", headers=gzip_client)
    cache.clear()  # the kept page expires; the next visit renders and compresses it again

    again = client.get("/cities/", headers={**gzip_client, "if-none-match": first["ETag"]})

    assert first["ETag"].startswith('W/"')
    assert again.status_code == 304
