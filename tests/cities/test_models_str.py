import pytest
from django.utils import translation

from tests.factories import CityFactory


@pytest.mark.django_db
def test_it_names_a_city_with_its_country():
    assert str(CityFactory(name="Shenzhen", country="CN")) == "Shenzhen, China"


@pytest.mark.django_db
def test_it_separates_city_and_country_as_the_readers_language_does():
    city = CityFactory(name="Tripoli", country="LB")
    city.name_ar = "طرابلس"
    city.save()

    with translation.override("ar"):
        assert str(city) == "طرابلس، لبنان"


@pytest.mark.django_db
def test_it_names_a_city_once_where_its_country_has_the_same_name(client):
    # Tunis, Tunisia: "突尼斯, 突尼斯" in Chinese, "Тунис, Тунис" in Russian.
    tunis = CityFactory(name="Tunis", country="TN")
    tunis.name_zh_hans = "突尼斯"
    tunis.save()
    partner = CityFactory(name="Tripoli", country="LB")
    from projects.models import ProjectCityRole
    from tests.factories import ProjectCityFactory, ProjectFactory

    project = ProjectFactory()
    ProjectCityFactory(project=project, city=tunis, role=ProjectCityRole.SHARING)
    ProjectCityFactory(project=project, city=partner, role=ProjectCityRole.LEARNING)

    with translation.override("zh-hans"):
        assert str(tunis) == "突尼斯"
    with translation.override("fr"):
        assert str(tunis) == "Tunis, Tunisie"
    page = client.get(f"/zh-hans/cities/{partner.slug}/").content.decode()
    assert "突尼斯</a> —" in page
