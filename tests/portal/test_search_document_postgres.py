"""On PostgreSQL each searched row carries a stored search document that a trigger keeps right,
however the row is written, and quoted phrases are found through the word pairs it holds."""

import pytest
from django.db import connection
from django.urls import reverse

from portal import search
from portal.search_phrases import MARKER
from resources.models import Resource
from tests.factories import EventFactory, ProjectFactory, ResourceFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _document(model, pk) -> str:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT search_document::text FROM {model._meta.db_table} WHERE id = %s",
            [pk],
        )
        return cursor.fetchone()[0]


def _resource_titles(client, query) -> list[str]:
    response = client.get(reverse("portal:search"), {"q": query, "type": "resource"})
    assert response.status_code == 200
    return [result.title for result in response.context["outcome"].groups[0].results]


def test_it_writes_the_weighted_words_and_their_pairs_on_insert():
    resource = ResourceFactory(title="Flood maps", summary="For mayors.", body="Early warning.")

    document = _document(Resource, resource.pk)

    # English text through the English stemmer: "mayors" is kept as 'mayor', "warning" as 'warn'.
    assert "'flood':1A" in document
    assert "'mayor':4B" in document
    assert "'warn':6C" in document
    assert "'earli warn'" in document
    assert "'flood map'" in document


def test_it_rewrites_the_document_when_a_text_changes():
    resource = ResourceFactory(title="Flood maps", body="")

    resource.title = "Drought maps"
    resource.save()
    after_save = _document(Resource, resource.pk)
    Resource.objects.filter(pk=resource.pk).update(body="Cyclone shelters")
    after_update = _document(Resource, resource.pk)

    assert "'drought map'" in after_save
    assert "flood" not in after_save
    assert "'cyclon shelter'" in after_update


def test_it_writes_documents_for_bulk_created_rows():
    created = Resource.objects.bulk_create(
        ResourceFactory.build_batch(3, title="Heatwave bulletin", body="")
    )

    assert all("'heatwav bulletin'" in _document(Resource, row.pk) for row in created)


def test_it_does_not_let_the_document_be_written_directly():
    resource = ResourceFactory(title="Flood maps", body="")

    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE clusters_resource SET search_document = to_tsvector('simple', 'forged') "
            "WHERE id = %s",
            [resource.pk],
        )

    assert "forged" not in _document(Resource, resource.pk)
    assert "'flood map'" in _document(Resource, resource.pk)


def test_it_finds_a_phrase_in_the_body_and_not_the_same_words_apart(client):
    ResourceFactory(title="Toolkit", body="A guide to early warning for coastal towns.")
    ResourceFactory(title="Seasons", body="Warning signs come early in the monsoon.")

    assert _resource_titles(client, '"early warning"') == ["Toolkit"]
    assert sorted(_resource_titles(client, "early warning")) == ["Seasons", "Toolkit"]
    assert _resource_titles(client, '-"early warning" warning') == ["Seasons"]


def test_it_finds_phrases_of_every_type_through_the_pairs():
    ProjectFactory(title="Early warning pilot")
    EventFactory(title="Early warning webinar")
    EventFactory(title="Warning: early registration closes")

    outcome = search.search_run(query='"early warning"', filters=search.SearchFilters())

    counts = {group.key: group.count for group in outcome.groups}
    assert counts["project"] == 1
    assert counts["event"] == 1


def test_it_still_finds_phrases_in_a_document_too_long_for_its_pairs(client):
    # 16,000 distinct 40-character words: the words fit PostgreSQL's 1 MB tsvector limit, the
    # words and their pairs would not, so the row keeps a marker and is checked the slow way.
    words = [f"w{number:039d}" for number in range(16000)]
    long_one = ResourceFactory(title="Archive", body=" ".join(words))
    ResourceFactory(title="Other", body=f"{words[6]} {words[5]}")

    assert MARKER in _document(Resource, long_one.pk)
    assert _resource_titles(client, f'"{words[5]} {words[6]}"') == ["Archive"]


def _rank_document(model, pk) -> str:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT search_rank::text FROM {model._meta.db_table} WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.mark.parametrize("factory", [ResourceFactory, EventFactory, ProjectFactory])
def test_the_ranking_document_holds_the_title_and_summary_words_and_follows_edits(factory):
    item = factory(title="Flood maps", summary="For mayors.")
    model = type(item)
    item.title = "Drought maps"
    item.save()

    ranking = _rank_document(model, item.pk)

    # What ranking weighs (A and B), without the body, the word pairs or the old title.
    assert "'drought':1A" in ranking
    assert "'mayor':4B" in ranking
    assert "flood" not in ranking
    assert "'drought map'" not in ranking
    assert len(ranking) < len(_document(model, item.pk))


def test_a_title_match_still_ranks_above_a_body_match():
    ResourceFactory(title="Annual report", summary="", body="Cyclone shelters in the delta.")
    ResourceFactory(title="Cyclone shelters", summary="", body="Annual figures.")

    assert _resource_titles_client_free("cyclone") == ["Cyclone shelters", "Annual report"]


def _resource_titles_client_free(query) -> list[str]:
    outcome = search.search_run(query=query, filters=search.SearchFilters(type="resource"))
    return [result.title for result in outcome.groups[0].results]
