"""Quoted table and column names for the few statements written as SQL, from the models.

Statements that run on every signed-in request (notifications.selectors.reader_state,
portal.my_portal.my_portal_version) or once per email sent (notifications.delivery's sent mark)
are written as SQL because building their ORM queries cost more than running them; one join the
ORM cannot write without a table in between (projects.selectors.partner_cluster_pairs) is too.
Their names still come from the models, never from input.
"""

from django.db import connection


def table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def bare_column(model, field_name: str) -> str:
    """`"column"` of a model's field, unqualified (as an UPDATE's SET clause needs it)."""
    return connection.ops.quote_name(model._meta.get_field(field_name).column)


def column(model, field_name: str) -> str:
    """`"table"."column"` of a model's field (a foreign key's `_id` column for a relation)."""
    return f"{table(model)}.{bare_column(model, field_name)}"
