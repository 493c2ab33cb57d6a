"""Horizontal bar charts drawn on the server as SVG, with the same figures as a table and a CSV.

One builder for every chart of the portal (the public statistics, an event's or a series'
participation). A chart is rows (a region, a country, a year...) by series (one measure, or
several: pilots by phase, trainings and participants). Each row's label sits on its own line
above its bars, across the full width, so long names (countries, organizations) stay readable on
a phone and need no label column; every value is written just past the end of its bar, in the
page's ink on the chart's white background, never on a bar. Bars are sized in percent of the
SVG's width (no viewBox), so text keeps its real size at 390 px as at 1280 px. In a right-to-left
interface the chart is drawn mirrored: labels on the right, bars growing leftwards.

The SVG is hidden from assistive technology (`aria-hidden`): the table built from the same rows
is the accessible version, and the template shows it to screen readers in the chart's place.
"""

import csv
import io
import unicodedata
from dataclasses import dataclass, field

from django.http import HttpResponse
from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext

INK = "#1b1f24"  # the site's --ink, on the chart's white background
BACKGROUND = "#ffffff"
# Bar colours: each at least 3:1 against white (WCAG non-text contrast) and told apart in the
# legend. Values are never written on a bar, so no label sits on these.
PALETTE = ("#0b5cad", "#b35c00", "#1d7a3a", "#6a3d9a", "#a4262c", "#4f5b66")

FONT_SIZE = 14
LABEL_LINE = 20  # the row label's line, above its bars
BAR_HEIGHT = 16
BAR_STEP = 20  # one bar and the space under it
ROW_GAP = 12
# The longest bar takes this share of the width: the rest holds its value.
BAR_SHARE = 78.0
VALUE_OFFSET = 6  # pixels between a bar's end and its value
STUB_WIDTH = 3  # a zero's mark, in pixels: the value is written just past it
# What surely fits on a 358 px wide phone column in bold 14 px: 36 narrow characters; wide (CJK)
# characters count twice. Longer labels wrap onto more lines, and what still does not fit is
# cut with an ellipsis (the table and the CSV have every label whole). Three lines: a cluster's
# name runs to 79 characters in French and 73 in Russian, cut short on two.
LABEL_UNITS = 36
LABEL_LINES = 3
# First-strong isolation: a Latin name in the Arabic interface keeps its ellipsis at its end.
ISOLATE, POP_ISOLATE = "\u2068", "\u2069"
# A cell starting with one of these runs as a formula in a spreadsheet.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Series:
    key: str
    label: str


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[int, ...]
    key: str = ""

    @property
    def total(self) -> int:
        return sum(self.values)


@dataclass
class Chart:
    """`stacked`: the series add up (pilots by phase) and one bar per row shows their parts;
    otherwise each series gets its own bar (trainings and participants by year)."""

    slug: str
    title: str
    category: str  # what the rows are: "Region", "Country", "Year"...
    series: list[Series]
    rows: list[Row]
    stacked: bool = False
    note: str = ""
    csv_url: str = ""
    colours: tuple[str, ...] = field(default=PALETTE)

    @property
    def multi_series(self) -> bool:
        return len(self.series) > 1

    @property
    def legend(self) -> list[tuple[str, str]]:
        return [(s.label, self.colour(i)) for i, s in enumerate(self.series)]

    @property
    def show_total(self) -> bool:
        return self.stacked and self.multi_series

    def colour(self, index: int) -> str:
        return self.colours[index % len(self.colours)]

    def table_header(self) -> list[str]:
        header = [self.category, *(s.label for s in self.series)]
        if self.show_total:
            header.append(_total_label())
        return header

    def table_rows(self) -> list[tuple[str, list[int]]]:
        return [
            (row.label, [*row.values, row.total] if self.show_total else list(row.values))
            for row in self.rows
        ]

    def svg(self, *, rtl: bool = False) -> SafeString:
        return chart_svg(self, rtl=rtl)

    def csv_text(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow([spreadsheet_safe(heading) for heading in self.table_header()])
        for label, values in self.table_rows():
            writer.writerow([spreadsheet_safe(label), *values])
        return buffer.getvalue()

    def csv_response(self, *, filename: str | None = None) -> HttpResponse:
        # A byte-order mark so spreadsheet programs read the UTF-8 names (Arabic, Chinese) right.
        response = HttpResponse("\ufeff" + self.csv_text(), content_type="text/csv; charset=utf-8")
        name = filename or f"{slugify(self.slug) or 'chart'}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def as_data(self) -> dict:
        """The chart's figures for the API: plain values, no drawing."""
        return {
            "slug": self.slug,
            "title": self.title,
            "category": self.category,
            "stacked": self.stacked,
            "series": [{"key": s.key, "label": s.label} for s in self.series],
            "rows": [
                {
                    "key": row.key,
                    "label": row.label,
                    "values": dict(zip((s.key for s in self.series), row.values, strict=True)),
                    "total": row.total,
                }
                for row in self.rows
            ],
        }


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet shows as typed: a leading quote keeps a formula from running."""
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def _total_label() -> str:
    return gettext("Total")


def _units(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1


def label_fit(label: str, units: int = LABEL_UNITS) -> str:
    """`label`, cut with an ellipsis where it would run past a phone's width."""
    if sum(_units(c) for c in label) <= units:
        return label
    used, kept = 1, []  # the ellipsis takes one unit
    for character in label:
        used += _units(character)
        if used > units:
            break
        kept.append(character)
    return "".join(kept).rstrip() + "…"


def label_lines(label: str, units: int = LABEL_UNITS, lines: int = LABEL_LINES) -> list[str]:
    """`label` wrapped at spaces onto at most `lines` lines; the last one cut if need be."""
    result: list[str] = []
    rest = label.strip()
    while rest and len(result) < lines - 1:
        if sum(_units(c) for c in rest) <= units:
            break
        line, used, last_space = [], 0, None
        for index, character in enumerate(rest):
            used += _units(character)
            if used > units:
                break
            line.append(character)
            if character == " ":
                last_space = index
        cut = last_space if last_space else len(line)  # no space: break inside the word
        result.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        result.append(label_fit(rest, units))
    return result or [""]


def _pct(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".") + "%"


def chart_height(chart: Chart) -> int:
    bars_per_row = 1 if chart.stacked or not chart.multi_series else len(chart.series)
    height = sum(
        len(label_lines(row.label)) * LABEL_LINE + bars_per_row * BAR_STEP + ROW_GAP
        for row in chart.rows
    )
    return max(height, LABEL_LINE)


def chart_svg(chart: Chart, *, rtl: bool = False) -> SafeString:
    """The chart as inline SVG, mirrored for a right-to-left page."""
    height = chart_height(chart)
    largest = max(
        (row.total if chart.stacked else max(row.values, default=0) for row in chart.rows),
        default=0,
    )
    scale = BAR_SHARE / largest if largest else 0.0
    direction = "rtl" if rtl else "ltr"
    # Where text starts: the left edge, or the right edge in a right-to-left page ("start" is
    # the right end of right-to-left text).
    start_x = "100%" if rtl else "0"

    def bar(start: float, length: float, colour: str, y: int) -> str:
        x = 100.0 - start - length if rtl else start
        return (
            f'<rect x="{_pct(x)}" y="{y}" width="{_pct(length)}" height="{BAR_HEIGHT}" '
            f'fill="{colour}"/>'
        )

    def stub(colour: str, y: int) -> str:
        shift = f' transform="translate(-{STUB_WIDTH} 0)"' if rtl else ""
        return (
            f'<rect class="chart-stub" x="{start_x}" y="{y}" width="{STUB_WIDTH}" '
            f'height="{BAR_HEIGHT}" fill="{colour}"{shift}/>'
        )

    def value_text(end: float, value: int, y: int) -> str:
        x = 100.0 - end if rtl else end
        dx = -VALUE_OFFSET if rtl else VALUE_OFFSET
        return (
            f'<text class="chart-value" x="{_pct(x)}" dx="{dx}" y="{y + BAR_HEIGHT - 3}" '
            # Grouped as the language groups thousands: 19,988 in English, 19 988 in French.
            f'fill="{INK}">{escape(number_format(value, force_grouping=True))}</text>'
        )

    parts = [
        f'<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" width="100%" '
        f'height="{height}" aria-hidden="true" focusable="false" direction="{direction}" '
        f'font-size="{FONT_SIZE}" font-family="inherit">',
        f'<rect class="chart-background" x="0" y="0" width="100%" height="100%" '
        f'fill="{BACKGROUND}"/>',
    ]
    y = 0
    for row in chart.rows:
        parts.append("<g>")
        parts.append(f"<title>{escape(row.label)}</title>")
        for line in label_lines(row.label):
            parts.append(
                f'<text class="chart-label" x="{start_x}" y="{y + LABEL_LINE - 5}" '
                f'fill="{INK}" font-weight="600">{ISOLATE}{escape(line)}{POP_ISOLATE}</text>'
            )
            y += LABEL_LINE
        if chart.stacked or not chart.multi_series:
            offset = 0.0
            for index, value in enumerate(row.values):
                length = value * scale
                if length:
                    parts.append(bar(offset, length, chart.colour(index), y))
                offset += length
            parts.append(value_text(offset, row.total, y))
            y += BAR_STEP
        else:
            for index, value in enumerate(row.values):
                length = value * scale
                if length:
                    parts.append(bar(0.0, length, chart.colour(index), y))
                else:  # a stub in the series' colour tells whose zero it is
                    parts.append(stub(chart.colour(index), y))
                parts.append(value_text(length, value, y))
                y += BAR_STEP
        y += ROW_GAP
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every label above is escaped


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two "#rrggbb" colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
