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


# --- Documents in every language (the `*_search_in_every_language` migration) ---------------
# Each language's columns go through that language's text-search configuration, with unaccent in
# front so "sante" finds "santé"; Chinese has no stemmer and no spaces, so its text becomes
# overlapping character pairs ("深圳市" -> "深圳 圳市") read by 'simple'. The base column (the
# original text) is read only when the original language's own column is empty, so no text is
# counted twice. portal/search.py parses a query with every configuration.

LANGUAGE_CONFIGS = {
    "en": ("search_en", "english", "english_stem"),
    "fr": ("search_fr", "french", "french_stem"),
    "es": ("search_es", "spanish", "spanish_stem"),
    "ar": ("search_ar", "arabic", "arabic_stem"),
    "zh-hans": ("search_zh", "simple", "simple"),
    "ru": ("search_ru", "russian", "russian_stem"),
}
CJK = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
WORD_SEPARATORS = r"[\s[:punct:]\u2013\u2014\u060c\u061b\u3001\u3002\uff0c\u00b7]+"


def configuration_sql() -> list[str]:
    """The text-search configurations and the Chinese pairs function (after the extensions)."""
    statements = []
    for name, source, stemmer in LANGUAGE_CONFIGS.values():
        statements.append(
            f"""DO $$ BEGIN
IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
    CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source});
    ALTER TEXT SEARCH CONFIGURATION {name}
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {stemmer};
END IF;
END $$"""
        )
    statements.append(
        f"""CREATE OR REPLACE FUNCTION search_cjk_pairs(t text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    result text := '';
    run text := '';
    c text;
    j int;
BEGIN
    IF t IS NULL OR t !~ '{CJK}' THEN
        RETURN t;
    END IF;
    FOR c IN SELECT regexp_split_to_table(t || ' ', '') LOOP
        IF c ~ '{CJK}' THEN
            run := run || c;
            CONTINUE;
        END IF;
        IF length(run) = 1 THEN
            result := result || ' ' || run || ' ';
        ELSIF length(run) > 1 THEN
            FOR j IN 1 .. length(run) - 1 LOOP
                result := result || ' ' || substr(run, j, 2);
            END LOOP;
            result := result || ' ';
        END IF;
        run := '';
        result := result || c;
    END LOOP;
    RETURN rtrim(result);
END
$$"""
    )
    return statements


def configuration_backward_sql() -> list[str]:
    return [
        "DROP FUNCTION IF EXISTS search_cjk_pairs(text)",
        *(
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}"
            for name, _source, _stemmer in LANGUAGE_CONFIGS.values()
        ),
    ]


def _column(field, language):
    return f"{field}_{language.replace('-', '_')}"


def _language_text(field, language):
    text = (
        f"COALESCE(NEW.{_column(field, language)}, "
        f"CASE WHEN NEW.original_language = '{language}' THEN NEW.{field} END, '')"
    )
    return f"search_cjk_pairs({text})" if language == "zh-hans" else text


def _weighted_languages(fields, untranslated):
    parts = [
        f"setweight(to_tsvector('{config}'::regconfig, {_language_text(field, language)}), "
        f"'{weight}')"
        for language, (config, _source, _stemmer) in LANGUAGE_CONFIGS.items()
        for field, weight in fields
        if field not in untranslated
    ]
    # A field written once for every language (an acronym, a partner's name): words as written.
    parts += [
        f"setweight(to_tsvector('search_zh'::regconfig, "
        f"search_cjk_pairs(COALESCE(NEW.{field}, ''))), '{weight}')"
        for field, weight in fields
        if field in untranslated
    ]
    return "\n        || ".join(parts)


def languages_forward_sql(table, fields, untranslated=()):
    """The trigger of `forward_sql`, reading every language's columns; the rows are rewritten.

    `untranslated` names the fields that have no per-language columns.
    """
    columns = ", ".join(
        [
            "original_language",
            *(field for field, _weight in fields),
            *(
                _column(field, language)
                for field, _weight in fields
                if field not in untranslated
                for language in LANGUAGE_CONFIGS
            ),
        ]
    )
    return [
        f"""CREATE OR REPLACE FUNCTION {table}_search_document() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    words tsvector := {_weighted_languages(fields, untranslated)};
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
        f"UPDATE {table} SET {fields[0][0]} = {fields[0][0]}",
        f"VACUUM (ANALYZE) {table}",
    ]


def languages_backward_sql(table, fields, untranslated=()):
    old = forward_sql(table, fields, old_index=f"{table}_search_idx")
    return [statement for statement in old if not statement.startswith("DROP INDEX")]


# The suggestions' dictionary: the words of the names of cities, clusters, pilots and tags in
# every language, a few thousand rows with a trigram index (never the 200k resources). A row
# trigger adds the words of each name written; words are never removed, and a suggestion is
# offered only when it finds something, so a word no longer used suggests nothing.
WORDS_TABLE = "search_word"


def words_forward_sql(name_columns: dict[str, list[str]]) -> list[str]:
    """`name_columns` maps a table to the columns whose words are suggested."""
    statements = [
        f"CREATE TABLE IF NOT EXISTS {WORDS_TABLE} (term text PRIMARY KEY, word text NOT NULL)",
        f"CREATE INDEX IF NOT EXISTS {WORDS_TABLE}_trgm_idx ON {WORDS_TABLE} "
        "USING GIN (term gin_trgm_ops)",
        f"""CREATE OR REPLACE FUNCTION search_words_add(names text[]) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO {WORDS_TABLE} (term, word)
    SELECT DISTINCT ON (lower(unaccent(w))) lower(unaccent(w)), w
    FROM unnest(names) AS n, regexp_split_to_table(n, '{WORD_SEPARATORS}') AS w
    WHERE char_length(w) >= 2 AND w !~ '^[0-9]+$'
    ON CONFLICT (term) DO NOTHING
$$""",
        """CREATE OR REPLACE FUNCTION search_words_of_row() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_words_add(ARRAY(
        SELECT value FROM jsonb_each_text(to_jsonb(NEW))
        WHERE key = ANY(TG_ARGV) AND value IS NOT NULL
    ));
    RETURN NULL;
END
$$""",
    ]
    for table, columns in name_columns.items():
        arguments = ", ".join(f"'{column}'" for column in columns)
        statements += [
            f"DROP TRIGGER IF EXISTS {table}_search_words ON {table}",
            f"""CREATE TRIGGER {table}_search_words
AFTER INSERT OR UPDATE OF {", ".join(columns)} ON {table}
FOR EACH ROW EXECUTE FUNCTION search_words_of_row({arguments})""",
            f"SELECT search_words_add(ARRAY(SELECT unnest(ARRAY[{', '.join(columns)}]) "
            f"FROM {table}))",
        ]
    return statements


def words_backward_sql(name_columns: dict[str, list[str]]) -> list[str]:
    return [
        *(f"DROP TRIGGER IF EXISTS {table}_search_words ON {table}" for table in name_columns),
        "DROP FUNCTION IF EXISTS search_words_of_row()",
        "DROP FUNCTION IF EXISTS search_words_add(text[])",
        f"DROP TABLE IF EXISTS {WORDS_TABLE}",
    ]


def every_language_operation(tables: dict, name_columns: dict) -> migrations.RunPython:
    """Documents in every language and the suggestions' dictionary (PostgreSQL only).

    `tables` maps a table to {"fields": [(field, weight), ...], "untranslated": (field, ...)};
    run after the extensions.
    """

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in configuration_sql():
            schema_editor.execute(statement)
        for table, spec in tables.items():
            for statement in languages_forward_sql(table, **spec):
                schema_editor.execute(statement)
        for statement in words_forward_sql(name_columns):
            schema_editor.execute(statement)

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in words_backward_sql(name_columns):
            schema_editor.execute(statement)
        for table, spec in tables.items():
            for statement in languages_backward_sql(table, **spec):
                schema_editor.execute(statement)
        for statement in configuration_backward_sql():
            schema_editor.execute(statement)

    return migrations.RunPython(forward, backward, elidable=False)


# --- The ranking documents (the `search_rank_documents` migration) ---------------------------
# Ranking weighs titles (A) and summaries (B) only, yet read each candidate's whole document:
# several kilobytes stored out of line with its words in six languages and its word pairs, so
# ranking 300 candidates of a common word cost more than finding them. `search_rank` keeps the A
# and B words alone (a few hundred bytes, stored in the row). PostgreSQL computes a generated
# column after BEFORE triggers, so it follows the document the trigger writes.
# Adding it rewrites the table under an exclusive lock (about a minute for 200k resources).
RANK_COLUMN = "search_rank"


def rank_document_operation(tables: list[str]) -> migrations.RunPython:
    def forward(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in tables:
            schema_editor.execute(
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {RANK_COLUMN} tsvector "
                "GENERATED ALWAYS AS (ts_filter(search_document, '{a,b}')) STORED"
            )
            # A rewritten table has no visibility map: index-only scans read the heap until vacuumed.
            schema_editor.execute(f"VACUUM (ANALYZE) {table}")

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in tables:
            schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {RANK_COLUMN}")

    return migrations.RunPython(forward, backward, elidable=False)
