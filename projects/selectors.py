from django.db import connection
from django.db.models import Count, F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber

from cities.selectors import city_name_columns
from clusters.models import Cluster
from core.api import visible_to
from core.content_language import shown_text_order
from core.roles import is_editor
from core.selectors import among
from core.sql_names import among_sql, column, table
from core.visibility import public, public_prefetch

from .models import CollaborationRequest, Project, ProjectCity, ProjectKind, ProjectPartner

# What a pilot card shows ({% pilot_card %}; its cities come from a prefetch): a list
# reads these alone, not each pilot's body in every language.
PILOT_CARD_FIELDS = ("original_language", "slug", "title", "summary", "kind", "phase", "start_date")
# Where a list of pilot cards keeps each pilot's cities ({% pilot_card %}).
CARD_CITY_LINKS = "card_city_links"


def _card_city_links() -> QuerySet[ProjectCity]:
    """Pilots' cities with their roles as a card names them: the cities' names alone, by role,
    then by the name they show (a city not translated yet by its own name)."""
    return (
        ProjectCity.objects.select_related("city")
        .only("role", "project", "city", *city_name_columns(path="city__"))
        .order_by("role", shown_text_order("name", path="city__"))
    )


def pilot_card_city_links(*, to_attr: str = CARD_CITY_LINKS) -> Prefetch:
    """A pilot card's cities with their roles, for `prefetch_related`, as a plain list under
    `to_attr` on each pilot (the cards read CARD_CITY_LINKS; the map reads its own name).

    A plain list, not the related manager's cache: Django then builds no filtered queryset per
    pilot to hold its rows, a copy of the query's conditions each (the map's 50 pilots and 50
    cities as lists: 2.5-5 ms of its miss).
    """
    return Prefetch("city_links", queryset=_card_city_links(), to_attr=to_attr)


def pilot_card_cities(project: Project) -> list[ProjectCity]:
    """The cities a pilot's card names: those its list prefetched (under CARD_CITY_LINKS), else,
    for a pilot read on its own, the same rows in the same order in one query."""
    links = getattr(project, CARD_CITY_LINKS, None)
    if links is None:
        links = list(_card_city_links().filter(project=project))
    return links


# A programme names its first pilots and links to the rest on the pilots page, filtered by
# programme (`?parent=`): naming every one, a programme of 20,000 pilots made its card on the
# pilots page 3 MB and its own page 8 MB, each taking over a second.
PROGRAMME_CARD_PILOTS = 5
PROGRAMME_PAGE_PILOTS = 20


def programme_pilots_attach(projects, *, limit: int) -> None:
    """Give each programme among `projects` its first `limit` published pilots, by the title
    they show, as a list (`published_pilots`), and how many it has (`published_pilot_count`);
    a pilot gets none.

    One query whatever the projects are, so that a page's queries do not depend on its rows
    (`core.selectors.among`); each pilot read carries its programme's count (a window function).
    Only several programmes need their pilots ranked per programme as well (2 ms more, as a
    prefetch cut per programme, on every pilots page); a page of pilots alone, as the pilots page
    mostly is, or one programme's page, reads them without it.
    """
    programmes = {project.pk for project in projects if project.kind == ProjectKind.PROGRAMME}
    order = (shown_text_order("title"), "pk")
    pilots = (
        public(Project.objects.pilots())
        .filter(among(programmes, of="parent"))
        # What the programme's card and page show of a pilot: the window reads every one.
        .only(*PILOT_CARD_FIELDS, "parent")
        .annotate(pilots_in_programme=Window(Count("pk"), partition_by=F("parent")))
    )
    if len(programmes) > 1:
        rank = Window(RowNumber(), partition_by=F("parent"), order_by=order)
        pilots = pilots.annotate(rank_in_programme=rank).filter(rank_in_programme__lte=limit)
    pilots = pilots.order_by(*order)
    if len(programmes) == 1:
        pilots = pilots[:limit]
    by_programme: dict[int, list[Project]] = {}
    for pilot in pilots:
        by_programme.setdefault(pilot.parent_id, []).append(pilot)
    for project in projects:
        project.published_pilots = by_programme.get(project.pk, [])
        project.published_pilot_count = (
            project.published_pilots[0].pilots_in_programme if project.published_pilots else 0
        )


def project_list() -> QuerySet[Project]:
    """Published programmes and pilots with what a list item shows, in a fixed number of queries.

    The programme, the clusters and a programme's pilots go through the visibility rule: an
    item never names a draft programme or pilot, nor an inactive cluster.
    """
    return (
        Project.objects.published()
        .prefetch_related(
            public_prefetch("parent", Project),
            # Lists per item (`listed_clusters`, `listed_city_links`): no filtered queryset
            # built per item to hold them.
            public_prefetch("clusters", Cluster, to_attr="listed_clusters"),
            Prefetch(
                "city_links",
                queryset=ProjectCity.objects.select_related("city"),
                to_attr="listed_city_links",
            ),
        )
        .order_by("kind", "-start_date", "title")
    )


def project_list_for_api(*, user) -> QuerySet[Project]:
    """Projects with their clusters, cities, partners and tags; drafts too for UN staff.

    Related items follow the reader's visibility (core.visibility): UN staff see a draft
    programme and inactive clusters, everyone else reads them as absent (parent null).
    """
    queryset = Project.objects.prefetch_related(
        public_prefetch("parent", Project, viewer=user),
        public_prefetch("clusters", Cluster.objects.only("id", "slug"), viewer=user),
        Prefetch("city_links", queryset=ProjectCity.objects.select_related("city")),
        Prefetch("partner_links", queryset=ProjectPartner.objects.select_related("organization")),
        "tags",
    )
    return visible_to(user, queryset)


def collaboration_request_list_for_api(*, user) -> QuerySet[CollaborationRequest]:
    """Every request for UN staff; a partner's own requests for a partner."""
    queryset = CollaborationRequest.objects.select_related(
        "project", "cluster", "city", "organization", "requester"
    )
    if is_editor(user):
        return queryset
    # A partner sees what they asked for, not what colleagues of other organizations did.
    return queryset.filter(requester=user)


def partner_cluster_pairs(*, organization_ids=None) -> list[tuple[int, int]]:
    """(organization id, cluster id) for each cluster that a partner's projects sit in, once per
    pair, whatever the project's or the cluster's state (the caller decides what to show); with
    `organization_ids`, for those partners only.

    The two link tables are joined on the project id they share, without reading the projects:
    the ORM's path (partner link -> project -> project's clusters) visits every project row
    through its primary key, 36 ms for 20,000 links against 10 ms here.
    """
    placed = Project.clusters.through
    sql = (
        f"SELECT DISTINCT {column(ProjectPartner, 'organization')}, {column(placed, 'cluster')}"  # noqa: S608 (quoted model names from core.sql_names; the only value goes as a parameter)
        f" FROM {table(ProjectPartner)} INNER JOIN {table(placed)}"
        f" ON {column(placed, 'project')} = {column(ProjectPartner, 'project')}"
    )
    params = []
    if organization_ids is not None:
        where, params = among_sql(
            column(ProjectPartner, "organization"), organization_ids, vendor=connection.vendor
        )
        sql += f" WHERE {where}"
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
