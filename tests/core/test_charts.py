"""The shared SVG bar chart: readable text (contrast, never on a bar), mirrored for Arabic,
long labels cut to fit a phone, and the same figures in its table and CSV."""

import csv
import io
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from core.charts import (
    BACKGROUND,
    PALETTE,
    VALUE_OFFSET,
    Chart,
    Row,
    Series,
    contrast_ratio,
    label_fit,
    label_lines,
)

SVG = "{http://www.w3.org/2000/svg}"


def _chart(**kwargs) -> Chart:
    defaults = {
        "slug": "pilots",
        "title": "Pilots by cluster and phase",
        "category": "Cluster",
        "series": [Series("planned", "Planned"), Series("active", "Active")],
        "rows": [
            Row("Disaster risk reduction", (2, 5)),
            Row("Sustainable urban water management and sanitation systems", (0, 1)),
            Row("Empty", (0, 0)),
        ],
        "stacked": True,
    }
    return Chart(**{**defaults, **kwargs})


def _parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def _pct(value: str) -> float:
    return float(value.rstrip("%"))


def _background(root: ET.Element) -> str:
    rect = root.find(f"{SVG}rect")
    assert rect.get("class") == "chart-background" and rect.get("width") == "100%"
    return rect.get("fill")


@pytest.mark.parametrize("stacked", [True, False])
@pytest.mark.parametrize("rtl", [False, True])
def test_every_text_passes_aa_contrast_on_the_charts_background(stacked, rtl):
    root = _parse(_chart(stacked=stacked).svg(rtl=rtl))
    background = _background(root)
    texts = root.iter(f"{SVG}text")

    for text in texts:
        assert contrast_ratio(text.get("fill"), background) >= 4.5, text.text


def test_bars_stand_out_from_the_background():
    # WCAG 1.4.11: graphical objects at 3:1 at least.
    for colour in PALETTE:
        assert contrast_ratio(colour, BACKGROUND) >= 3


def _boxes(root):
    """Each bar's [start, end] in percent and its top, and each value text's x, dx and y."""
    bars = [
        (_pct(r.get("x")), _pct(r.get("x")) + _pct(r.get("width")), int(r.get("y")))
        for r in root.iter(f"{SVG}rect")
        if r.get("class") not in ("chart-background", "chart-stub")
    ]
    values = [
        (_pct(t.get("x")), int(t.get("dx")), int(t.get("y")), t.text)
        for t in root.iter(f"{SVG}text")
        if t.get("class") == "chart-value"
    ]
    return bars, values


@pytest.mark.parametrize("stacked", [True, False])
def test_no_text_is_written_on_a_bar(stacked):
    root = _parse(_chart(stacked=stacked).svg())
    bars, values = _boxes(root)
    labels = [int(t.get("y")) for t in root.iter(f"{SVG}text") if t.get("class") == "chart-label"]

    for x, dx, y, _text in values:
        assert dx > 0
        for start, end, top in bars:
            if top <= y <= top + 16:  # the bar on the value's line: the value starts past it
                assert x >= end - 0.01
    for y in labels:  # row labels sit on their own line, above the bars
        assert not any(top <= y <= top + 16 for _s, _e, top in bars)


def test_values_are_the_rows_totals_when_stacked_and_each_value_otherwise():
    _bars, stacked_values = _boxes(_parse(_chart().svg()))
    _bars, grouped_values = _boxes(_parse(_chart(stacked=False).svg()))

    assert [v[3] for v in stacked_values] == ["7", "1", "0"]
    assert [v[3] for v in grouped_values] == ["2", "5", "0", "1", "0", "0"]


def test_a_zero_gets_a_stub_in_its_series_colour_and_its_value_past_it():
    root = _parse(_chart(stacked=False).svg())
    stubs = [r for r in root.iter(f"{SVG}rect") if r.get("class") == "chart-stub"]
    _bars, values = _boxes(root)

    # Rows (2, 5), (0, 1), (0, 0): three zeros.
    assert [stub.get("fill") for stub in stubs] == [PALETTE[0], PALETTE[0], PALETTE[1]]
    assert all(int(stub.get("width")) < VALUE_OFFSET for stub in stubs)
    assert [v for v in values if v[3] == "0"] and all(v[1] == VALUE_OFFSET for v in values)


def test_right_to_left_mirrors_the_bars_and_puts_values_before_them():
    ltr_bars, _ = _boxes(_parse(_chart(stacked=False).svg()))
    root = _parse(_chart(stacked=False).svg(rtl=True))
    rtl_bars, values = _boxes(root)

    assert root.get("direction") == "rtl"
    for (start, end, top), (mirror_start, mirror_end, mirror_top) in zip(
        ltr_bars, rtl_bars, strict=True
    ):
        assert top == mirror_top
        assert mirror_end == pytest.approx(100 - start) and mirror_start == pytest.approx(100 - end)
    for x, dx, y, _text in values:
        assert dx < 0  # written leftwards from the bar's left end
    labels = [t for t in root.iter(f"{SVG}text") if t.get("class") == "chart-label"]
    assert {t.get("x") for t in labels} == {"100%"}


def test_the_longest_bar_leaves_room_for_its_value():
    bars, _values = _boxes(_parse(_chart().svg()))
    assert max(end for _start, end, _top in bars) <= 80


def test_long_labels_wrap_onto_three_lines_then_are_cut_and_stay_whole_in_the_table():
    long_name = (
        "Sustainable urban water management and sanitation systems for coastal cities and "
        "their neighbouring towns and villages"
    )
    chart = _chart(rows=[Row("Lebanon", (1, 1)), Row(long_name, (0, 1))])
    root = _parse(chart.svg())
    labels = [
        t.text.strip("\u2068\u2069")
        for t in root.iter(f"{SVG}text")
        if t.get("class") == "chart-label"
    ]

    assert labels == [
        "Lebanon",
        "Sustainable urban water management",
        "and sanitation systems for coastal",
        "cities and their neighbouring towns…",
    ]
    assert all(len(label) <= 36 for label in labels)
    assert chart.table_rows()[1][0] == long_name
    # Wide characters count double; a name without spaces breaks inside.
    assert label_lines("城市" * 30) == ["城市" * 9, "城市" * 9, "城市" * 8 + "城…"]
    assert label_fit("Lebanon") == "Lebanon"


def test_a_french_or_russian_cluster_name_is_not_cut():
    # 79 and 73 characters: cut short on two lines, whole on three.
    for name in (
        "Réduction des risques de catastrophe et atténuation dans les villes résilientes",
        "Снижение риска бедствий и смягчение их последствий в жизнестойких городах",
    ):
        assert "".join(label_lines(name)).replace(" ", "") == name.replace(" ", "")


def test_rows_with_two_label_lines_get_the_room_for_them():
    one_line = _chart(rows=[Row("Lebanon", (1, 1))])
    two_lines = _chart(rows=[Row("Sustainable urban water management and sanitation", (1, 1))])
    assert (
        int(_parse(two_lines.svg()).get("height")) == int(_parse(one_line.svg()).get("height")) + 20
    )


def test_labels_are_escaped():
    svg = _chart(rows=[Row("<script>alert(1)</script>", (1, 1))]).svg()
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    _parse(svg)  # still well-formed


def test_the_drawing_is_hidden_from_assistive_technology():
    root = _parse(_chart().svg())
    assert root.get("aria-hidden") == "true" and root.get("focusable") == "false"
    assert re.search(r'width="100%"', _chart().svg())


def test_the_csv_and_the_table_hold_the_same_figures():
    chart = _chart()
    rows = list(csv.reader(io.StringIO(chart.csv_text())))

    assert rows[0] == ["Cluster", "Planned", "Active", "Total"]
    assert rows[1:] == [[label, *map(str, values)] for label, values in chart.table_rows()]
    assert rows[1] == ["Disaster risk reduction", "2", "5", "7"]


def test_an_empty_chart_draws_nothing_but_its_background():
    root = _parse(_chart(rows=[]).svg())
    assert [child.tag for child in root] == [f"{SVG}rect"]


@pytest.mark.parametrize(("language", "written"), [("en", "12,345"), ("fr", "12\xa0345")])
def test_values_in_the_thousands_are_grouped_as_the_language_groups_them(language, written):
    chart = _chart(rows=[Row("Disaster risk reduction", (12_000, 345))])
    with translation.override(language):
        _bars, values = _boxes(_parse(chart.svg()))

    assert values[0][3] == written
