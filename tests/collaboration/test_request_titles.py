"""A request's title joins its kind and its target with the reader's own colon (the full-width
one in Chinese, " : " in French), not an English ": "."""

import pytest

from tests.factories import CollaborationRequestFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("prefix", "colon"), [("/zh-hans", "："), ("/fr", " : "), ("", ": ")])
def test_a_requests_title_uses_the_readers_colon(cast, prefix, colon):
    request = CollaborationRequestFactory(requester=cast.partner)

    html = cast.client_for("partner").get(f"{prefix}/collaborate/mine/").content.decode()

    assert f"{colon}<bdi>{request.target}</bdi>" in html
