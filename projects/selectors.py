from django.db.models import Prefetch, QuerySet

from .models import Project, ProjectCity


def _published_pilots():
    return Project.objects.published().pilots().order_by("title")


def project_list() -> QuerySet[Project]:
    """Published programmes and pilots with what a list item shows, in a fixed number of queries."""
    return (
        Project.objects.published()
        .select_related("parent")
        .prefetch_related(
            "clusters",
            Prefetch("city_links", queryset=ProjectCity.objects.select_related("city")),
            Prefetch("pilots", queryset=_published_pilots(), to_attr="published_pilots"),
        )
        .order_by("kind", "-start_date", "title")
    )
