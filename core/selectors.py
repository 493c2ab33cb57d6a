"""Reads every app's selectors share."""

from django.db.models import Count, F, IntegerField, Lookup, OuterRef, Q, Subquery
from django.db.models.functions import Now

from core.models import PublicationStatus
from core.sql_names import among_sql


def published_through(path: str) -> Q:
    """Rows whose publishable item at `path` (a relation: "project_links__project") is public
    now: what `published()` says of the item itself, for counting across a relation."""
    return Q(
        **{f"{path}__status": PublicationStatus.PUBLISHED, f"{path}__published_at__lte": Now()}
    )


def published_count(path: str) -> Count:
    """How many distinct public items are at `path`, as an annotation."""
    return Count(path, filter=published_through(path), distinct=True)


def published_count_per_row(model, path: str) -> Subquery:
    """`published_count(path)` of each row of `model`, as a correlated subquery.

    A list page sorts and cuts its rows before PostgreSQL runs the subquery, so only the rows
    shown are counted; an aggregate in the list's own query joined and grouped every row's
    links first (the partners page: 23 ms over 20,000 pilot partnerships, for 24 rows shown),
    and the page's count of rows (`Paginator.count`) carried the same joins.
    """
    # Without the model's own ordering, which would add its column to the GROUP BY (on SQLite)
    # and an ORDER BY to a subquery of one row.
    one_row = model.objects.filter(pk=OuterRef("pk")).order_by()
    # Grouped by the key alone: grouping by the whole row had Django hash every column (each
    # text in six languages) to build the GROUP BY, on every page.
    return Subquery(
        one_row.values("pk").annotate(n=published_count(path)).values("n"),
        output_field=IntegerField(),
    )


def among(ids, *, of: str = "pk") -> Q:
    """`<of> IN ids` (the row's id, or the id of a row it points to), asked of the database even
    when there are no ids (Django answers an empty IN without a query), so that a page costs the
    same queries whatever it finds: a search whichever types match, a city's suggestions
    whichever kinds it has."""
    return Q(_IdAmong(F(of), list(ids)))


class _IdAmong(Lookup):
    """The id is one of the ids given, written by `core.sql_names.among_sql`."""

    lookup_name = "among"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        sql, params = among_sql(lhs, self.rhs, vendor=connection.vendor)
        return sql, (*lhs_params, *params)


def first_rows(queryset, limit: int):
    """The first `limit` rows of `queryset`, in its order, chosen by id before any row is read.

    A short list out of thousands (a cluster's next events, its member cities) was planned as
    one query that read every candidate's whole row, with its city's, before keeping the first
    few: the rows of a content type carry each text in six languages. Choosing the ids first
    sorts only what the ordering needs, often from an index alone; the chosen rows are then read
    by id. One query still: the ids are its subquery.
    """
    return ChosenById(queryset)[:limit]


class ChosenById:
    """A queryset to paginate whose pages are chosen by id first, as `first_rows` does.

    For a Paginator: it counts with the queryset, and each page is one query whose subquery
    picks the page's ids (from an index alone where one covers the filters and the ordering).
    Not for a DISTINCT queryset, whose ids could not be selected alone.
    """

    def __init__(self, queryset):
        self.queryset = queryset

    @property
    def ordered(self) -> bool:
        return self.queryset.ordered

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self.queryset[key]
        return self.queryset.filter(pk__in=self.queryset.values("pk")[key])
