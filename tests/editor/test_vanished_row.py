"""A row removed by someone else while an editor had the form open: the save is refused with
words that say what happened, and what the editor typed stays on the page."""

import pytest

from core.editor import editor_urls
from tests.factories import ProjectCityFactory, ProjectFactory, StaffUserFactory
from tests.form_data import form_data

pytestmark = pytest.mark.django_db


def test_a_row_removed_meanwhile_is_named_in_the_error_summary(client):
    pilot = ProjectFactory(title="Flood early warning")
    link = ProjectCityFactory(project=pilot)
    client.force_login(StaffUserFactory())
    url = editor_urls(pilot)["edit"]
    sent = form_data(client.get(url).content.decode(), form_class="editor-form")
    sent["title"] = "Flood early warning for port cities"
    link.delete()  # another editor removed the city meanwhile

    response = client.post(url, sent)

    assert response.status_code == 400
    page = response.content.decode()
    assert "A row of this form is no longer there" in page
    assert 'value="Flood early warning for port cities"' in page
    pilot.refresh_from_db()
    assert pilot.title == "Flood early warning"
