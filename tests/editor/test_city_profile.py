"""The acceptance case: Tripoli's official updates Tripoli, not Shenzhen; history says who."""

from django.urls import reverse
from django.utils import translation


def _profile(**changes):
    return {
        "summary": "Lebanon's second city.",
        "description": "A **port** city.",
        "website": "https://tripoli.example.org",
        "population": "730000",
        "hazards": "flood, earthquake",
        # Where the city is: shown in the form and sent back with it.
        "latitude": "34.43670",
        "longitude": "35.84970",
        # The needs and offers lists, empty.
        **{f"{p}-{n}": "0" for p in ("needs", "offers") for n in ("TOTAL_FORMS", "INITIAL_FORMS")},
        **changes,
    }


def test_it_lets_tripolis_official_update_tripoli(client_for, tripoli):
    client = client_for("official_here")

    response = client.post(reverse("cities:edit", kwargs={"slug": "tripoli"}), _profile())

    tripoli.refresh_from_db()
    assert response.status_code == 302
    assert tripoli.summary == "Lebanon's second city."
    assert tripoli.population == 730000
    assert set(tripoli.hazards.names()) == {"flood", "earthquake"}
    page = client.get(tripoli.get_absolute_url()).content.decode()
    assert "<strong>port</strong>" in page


def test_it_refuses_shenzhen_to_tripolis_official(client_for, shenzhen):
    client = client_for("official_here")
    url = reverse("cities:edit", kwargs={"slug": "shenzhen"})

    assert client.get(url).status_code == 403
    assert client.post(url, _profile()).status_code == 403
    shenzhen.refresh_from_db()
    assert shenzhen.summary == "Shenzhen summary"


def test_it_records_who_changed_the_profile_in_its_history(client_for, tripoli):
    client_for("official_here").post(reverse("cities:edit", kwargs={"slug": "tripoli"}), _profile())

    history = client_for("editor").get(reverse("cities:history", kwargs={"slug": "tripoli"}))

    page = history.content.decode()
    assert history.status_code == 200
    assert "Person" in page or "official@example.org" in page
    assert "Old summary" in page and "Lebanon&#x27;s second city." in page
    assert tripoli.history.latest().history_user.email == "official@example.org"


def test_the_history_reads_in_the_readers_language(client_for, tripoli):
    # It showed "(profile changed)" and column names such as "summary_ar" on the French page.
    from cities.models import City

    City.objects.filter(pk=tripoli.pk).update(summary_ar="")
    tripoli.refresh_from_db()
    tripoli.summary_ar = "ثاني مدن لبنان."
    tripoli._change_reason = "profile changed"
    tripoli.save()
    client = client_for("editor")

    with translation.override("fr"):
        url = reverse("cities:history", kwargs={"slug": "tripoli"})
    page = client.get(url).content.decode()

    assert "(profil modifié)" in page
    assert "profile changed" not in page
    assert "<td>Résumé (Arabe)</td>" in page
    assert "summary_ar" not in page
