import pytest
from django.contrib.auth import authenticate

from accounts.models import User


@pytest.mark.django_db
def test_it_creates_a_user_who_logs_in_with_an_email_address():
    user = User.objects.create_user(email="Rania@Tripoli.GOV.LB", password="s3cret-words")

    assert user.email == "Rania@tripoli.gov.lb"
    assert not user.is_staff
    assert not user.is_superuser
    assert user.check_password("s3cret-words")


@pytest.mark.django_db
def test_it_creates_a_superuser_with_an_email_login():
    user = User.objects.create_superuser(email="admin@unossc.org", password="s3cret-words")

    assert user.is_staff
    assert user.is_superuser
    assert authenticate(email="admin@unossc.org", password="s3cret-words") == user


@pytest.mark.django_db
def test_it_refuses_a_superuser_without_staff_access():
    with pytest.raises(ValueError):
        User.objects.create_superuser(email="admin@unossc.org", password="x", is_staff=False)


@pytest.mark.django_db
def test_it_refuses_a_user_without_an_email_address():
    with pytest.raises(ValueError):
        User.objects.create_user(email="", password="s3cret-words")


@pytest.mark.django_db
def test_it_authenticates_whatever_the_case_of_the_email_typed():
    user = User.objects.create_user(email="rania@tripoli.gov.lb", password="s3cret-words")

    assert authenticate(email="RANIA@Tripoli.gov.lb", password="s3cret-words") == user
    assert authenticate(email="rania@tripoli.gov.lb", password="wrong") is None
