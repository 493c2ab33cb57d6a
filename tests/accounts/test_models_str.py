import pytest

from tests.factories import OrganizationFactory, UserFactory


@pytest.mark.django_db
def test_it_names_a_user_by_name_or_else_email():
    assert str(UserFactory(name="Rania Haddad", email="rania@x.org")) == "Rania Haddad"
    assert str(UserFactory(name="", email="nameless@x.org")) == "nameless@x.org"


@pytest.mark.django_db
def test_it_names_an_organization_by_its_acronym_when_it_has_one():
    undp = OrganizationFactory(name="United Nations Development Programme", acronym="UNDP")
    plain = OrganizationFactory(name="Tripoli Chamber of Commerce", acronym="")

    assert str(undp) == "UNDP"
    assert undp.display_name == "United Nations Development Programme (UNDP)"
    assert str(plain) == "Tripoli Chamber of Commerce"
