import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Organization, OrganizationKind


class PartnerFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind of organization"), choices=OrganizationKind.choices
    )

    class Meta:
        model = Organization
        fields = ["kind"]
