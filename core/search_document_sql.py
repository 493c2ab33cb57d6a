"""SQL of the stored search documents (the `*_search_document` migrations).

PostgreSQL only (SQLite searches with a substring fallback). Each table gets a `search_document`
tsvector column that Django does not know about, so loading a row never carries it: a BEFORE
trigger writes it on every insert, and on every update that names one of the text columns, so
bulk_create, the admin, services and raw SQL all keep it right. The document is the weighted
words (A > B > C, the 'simple' configuration: see portal/search.py) plus every pair of adjacent
words as one lexeme, which lets the GIN index answer quoted phrases (see portal/search_phrases.py).
A document whose pairs would pass the 1 MB tsvector limit holds a marker instead of its pairs.

The GIN index moves to the column; the old expression indexes, which recomputed to_tsvector over
every candidate row's body to check a phrase, are dropped. Renaming or removing one of the text
columns must update the trigger function here, or inserts fail.

Migrations run this code: changing what it emits changes history. Add a new function for a new
shape of document, in a new migration.
"""

# The SQL is built from the migrations' own table and column names, never from input.
# ruff: noqa: S608

from django.db import migrations

CONFIG = "'simple'::regconfig"
PAIRS_MISSING = "word pairs missing"  # portal.search_phrases.MARKER
# PostgreSQL refuses a tsvector whose lexemes and positions take more than 1 MB.
TSVECTOR_LIMIT_BYTES = 1_000_000


def _weighted(fields, row=""):
    return "\n        || ".join(
        f"setweight(to_tsvector({CONFIG}, COALESCE({row}{column}, '')), '{weight}')"
        for column, weight in fields
    )


def forward_sql(table, fields, old_index):
    columns = ", ".join(column for column, _weight in fields)
    return [
        f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS search_document tsvector",
        f"""CREATE OR REPLACE FUNCTION {table}_search_document() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    words tsvector := {_weighted(fields, "NEW.")};
    pairs text[];
BEGIN
    WITH positioned AS MATERIALIZED (
        SELECT lexeme, unnest(positions) AS position FROM unnest(words)
    )
    SELECT array_agg(DISTINCT first.lexeme || ' ' || second.lexeme) INTO pairs
    FROM positioned AS first JOIN positioned AS second ON second.position = first.position + 1;
    IF pairs IS NULL THEN
        NEW.search_document := words;
    ELSIF pg_column_size(words) + (SELECT sum(octet_length(pair)) FROM unnest(pairs) AS pair)
            < {TSVECTOR_LIMIT_BYTES} THEN
        NEW.search_document := words || array_to_tsvector(pairs);
    ELSE
        NEW.search_document := words || array_to_tsvector(ARRAY['{PAIRS_MISSING}']);
    END IF;
    RETURN NEW;
END
$$""",
        f"DROP TRIGGER IF EXISTS {table}_search_document ON {table}",
        f"""CREATE TRIGGER {table}_search_document
BEFORE INSERT OR UPDATE OF {columns}, search_document ON {table}
FOR EACH ROW EXECUTE FUNCTION {table}_search_document()""",
        # Fires the trigger for every row. Each statement commits on its own (the migration is
        # not atomic), so readers are never locked out while the rows are rewritten.
        f"UPDATE {table} SET {fields[0][0]} = {fields[0][0]}",
        # Clears the old row versions: an index built over them would stay unused while any
        # transaction older than it runs. The index is built in one pass, after the rows.
        f"VACUUM (ANALYZE) {table}",
        f"CREATE INDEX IF NOT EXISTS {table}_search_document_idx ON {table} "
        "USING GIN (search_document)",
        # Last, so that search keeps its index until the new one is there.
        f"DROP INDEX IF EXISTS {old_index}",
    ]


def backward_sql(table, fields, old_index):
    return [
        f"DROP TRIGGER IF EXISTS {table}_search_document ON {table}",
        f"DROP FUNCTION IF EXISTS {table}_search_document()",
        f"DROP INDEX IF EXISTS {table}_search_document_idx",
        f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_document",
        f"CREATE INDEX IF NOT EXISTS {old_index} ON {table} USING GIN ((\n    "
        + _weighted(fields).replace("\n        ||", "\n    ||")
        + "\n))",
    ]


def search_document_operation(tables: dict) -> migrations.RunPython:
    """Add, fill and index the document of each table (PostgreSQL only); reversible.

    `tables` maps a table to {"fields": [(column, weight), ...], "old_index": name}.
    """

    def running(statements_of):
        def run(apps, schema_editor):
            if schema_editor.connection.vendor != "postgresql":
                return
            for table, spec in tables.items():
                for statement in statements_of(table, **spec):
                    schema_editor.execute(statement)

        return run

    return migrations.RunPython(running(forward_sql), running(backward_sql), elidable=False)
