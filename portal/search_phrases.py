"""Phrase searches served from the index: each quoted phrase also asks for its word pairs.

A GIN index over a `tsvector` keeps which words a row holds, not where: for `"early warning"`
PostgreSQL finds every row holding both words and then reads each row's document to check that
they are adjacent. With common words that is most of the table, and it took seconds at 200k
resources. So the stored search documents (see the `*_search_document` migrations) also hold every
pair of adjacent words as one lexeme, `'early warning'`, and a phrase here is rewritten to require
its pairs as well:

    'early' <-> 'warning'     becomes   'early warning' | ( MARKER & ( 'early' <-> 'warning' ) )
    'a' <-> 'b' <-> 'c'       becomes   ( ( 'a b' & 'b c' ) | MARKER ) & ( 'a' <-> 'b' <-> 'c' )

The index answers a two-word phrase by itself, and for a longer one only the rows holding every
pair are checked. The rewrite never changes what matches: the pairs are taken from the same word
positions that the phrase operator checks, so a row holds a pair exactly when it holds the
two-word phrase. A document too long to keep its pairs within PostgreSQL's 1 MB tsvector limit
holds MARKER instead of them, and is then checked the slow way.

The query is rewritten as PostgreSQL wrote it (`websearch_to_tsquery(...)::text`), so words are
split exactly as the documents' words are. Lexemes made by the text parser never contain a space,
so a pair, and the marker with its two spaces, can never be confused with a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

MARKER = "word pairs missing"

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<lexeme>'(?:[^'\\]|''|\\.)*')(?::(?P<suffix>[*A-Da-d]+))?
      | (?P<phrase><(?:-|\d+)>)
      | (?P<op>[!&|()])
    )""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Lexeme:
    text: str
    suffix: str = ""  # prefix match ('*') or weights; such operands are left as they are


@dataclass(frozen=True)
class Not:
    operand: object


@dataclass(frozen=True)
class Binary:
    operator: str  # '&', '|', or a phrase operator: '<->', '<2>'...
    left: object
    right: object


class TsQuerySyntaxError(ValueError):
    pass


def _unquote(quoted: str) -> str:
    return re.sub(
        r"''|\\(.)", lambda m: m.group(1) if m.group(1) is not None else "'", quoted[1:-1]
    )


def quote(text: str) -> str:
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def _tokens(text: str) -> list[tuple[str, str, str]]:
    tokens, position = [], 0
    text = text.rstrip()
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:
            raise TsQuerySyntaxError(f"unexpected text at {position}: {text[position:]!r}")
        position = match.end()
        if match.group("lexeme"):
            tokens.append(("lexeme", _unquote(match.group("lexeme")), match.group("suffix") or ""))
        elif match.group("phrase"):
            tokens.append(("phrase", match.group("phrase"), ""))
        else:
            tokens.append(("op", match.group("op"), ""))
    return tokens


class _Parser:
    """PostgreSQL's precedence: ! binds tightest, then the phrase operators, then &, then |."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.index = 0

    def peek(self):
        return self.tokens[self.index] if self.index < len(self.tokens) else (None, None, None)

    def take(self):
        token = self.peek()
        self.index += 1
        return token

    def parse(self):
        node = self.or_expression()
        if self.index != len(self.tokens):
            raise TsQuerySyntaxError(f"unexpected {self.peek()[1]!r}")
        return node

    def or_expression(self):
        node = self.and_expression()
        while self.peek()[:2] == ("op", "|"):
            self.take()
            node = Binary("|", node, self.and_expression())
        return node

    def and_expression(self):
        node = self.phrase_expression()
        while self.peek()[:2] == ("op", "&"):
            self.take()
            node = Binary("&", node, self.phrase_expression())
        return node

    def phrase_expression(self):
        node = self.unary()
        while self.peek()[0] == "phrase":
            operator = self.take()[1]
            node = Binary(operator, node, self.unary())
        return node

    def unary(self):
        kind, value, suffix = self.take()
        if kind == "lexeme":
            return Lexeme(value, suffix)
        if (kind, value) == ("op", "!"):
            return Not(self.unary())
        if (kind, value) == ("op", "("):
            node = self.or_expression()
            if self.take()[:2] != ("op", ")"):
                raise TsQuerySyntaxError("missing )")
            return node
        raise TsQuerySyntaxError(f"unexpected {value!r}")


def parse(text: str):
    """The tree of a tsquery in PostgreSQL's text form; None for the empty query."""
    tokens = _tokens(text)
    return _Parser(tokens).parse() if tokens else None


def to_text(node) -> str:
    if isinstance(node, Lexeme):
        return quote(node.text) + (f":{node.suffix}" if node.suffix else "")
    if isinstance(node, Not):
        return f"!( {to_text(node.operand)} )"
    return f"( {to_text(node.left)} {node.operator} {to_text(node.right)} )"


def _chain(node) -> list[str] | None:
    """The words of `'a' <-> 'b' <-> 'c'` (as PostgreSQL nests it, leftmost deepest), else None."""
    if isinstance(node, Lexeme):
        return None if node.suffix else [node.text]
    if isinstance(node, Binary) and node.operator == "<->" and isinstance(node.right, Lexeme):
        left = _chain(node.left)
        if left is not None and not node.right.suffix:
            return [*left, node.right.text]
    return None


def _with_pairs(node):
    if isinstance(node, Not):
        return Not(_with_pairs(node.operand))
    if isinstance(node, Binary) and node.operator in {"&", "|"}:
        return Binary(node.operator, _with_pairs(node.left), _with_pairs(node.right))
    if isinstance(node, Binary):
        # A phrase: its operands are in phrase context, where & and | mean something else, so
        # only a plain chain of words is rewritten, and only as a whole.
        words = _chain(node)
        if words is None:
            return node
        pairs = [Lexeme(f"{first} {second}") for first, second in pairwise(words)]
        if len(pairs) == 1:
            # Holding the pair is the same as holding the phrase: the index alone answers it,
            # without reading the row's document to check positions.
            return Binary("|", pairs[0], Binary("&", Lexeme(MARKER), node))
        required = pairs[0]
        for pair in pairs[1:]:
            required = Binary("&", required, pair)
        return Binary("&", Binary("|", required, Lexeme(MARKER)), node)
    return node


def with_word_pairs(tsquery_text: str) -> str:
    """The same query in tsquery text form, with each phrase also requiring its word pairs."""
    tree = parse(tsquery_text)
    return "" if tree is None else to_text(_with_pairs(tree))


def _negations(node) -> list[Not]:
    if isinstance(node, Not):
        return [node]
    if isinstance(node, Binary):
        return _negations(node.left) + _negations(node.right)
    return []


def _any(nodes: list) -> object:
    distinct = list(dict.fromkeys(nodes))
    result = distinct[0]
    for node in distinct[1:]:
        result = Binary("|", result, node)
    return result


def _replace_negations(node, replacements: dict[int, object]):
    if isinstance(node, Not):
        return Not(replacements[id(node)])
    if isinstance(node, Binary):
        return Binary(
            node.operator,
            _replace_negations(node.left, replacements),
            _replace_negations(node.right, replacements),
        )
    return node


def with_shared_negations(variants: list[str]) -> list[str]:
    """The parses of one query by several languages, each leaving out what any of them leaves out.

    Joined with OR, `'flood' & !'drone'` (English) and `'flood' & !'drones'` (a language without
    that stem) would let the second find the English rows about drones. So the n-th negation of
    every parse becomes the negation of all the parses' n-th operands (all of them, should the
    parses have different numbers of negations).
    """
    trees = [parse(variant) for variant in variants]
    negations = [_negations(tree) for tree in trees]
    if not any(negations):
        return variants
    counts = {len(found) for found in negations}
    replacements = {}
    for found in negations:
        for index, negation in enumerate(found):
            if len(counts) == 1:
                operands = [other[index].operand for other in negations]
            else:
                operands = [other.operand for others in negations for other in others]
            replacements[id(negation)] = _any(operands)
    return [to_text(_replace_negations(tree, replacements)) for tree in trees]
