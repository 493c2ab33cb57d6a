"""What a browser would send for a form on a page, read from the page's HTML.

Used by the round-trip tests: load a form, submit exactly what it shows, check nothing changed.
It follows the HTML rules for a form submission: checked boxes and radios only, the selected
options of a select (the first option when none is selected), a textarea's text without the one
leading newline the parser drops and with its line breaks as CRLF, no file inputs, no buttons
except the one pressed.
"""

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    def __init__(self, form_id: str | None, form_class: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id, self.form_class = form_id, form_class
        self.in_form = False
        self.done = False
        self.fields: list[tuple[str, str]] = []
        self._select = None  # (name, multiple, options: [(value, selected)])
        self._option = None  # [value or None, text, selected]
        self._textarea = None  # [name, text]

    def _is_target(self, attrs: dict) -> bool:
        if self.form_id is not None:
            return attrs.get("id") == self.form_id
        classes = (attrs.get("class") or "").split()
        return self.form_class in classes

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and not self.done and self._is_target(attrs):
            self.in_form = True
            return
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"}:
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
                return
            self.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = (name, "multiple" in attrs, [])
        elif tag == "option" and self._select is not None:
            self._option = [attrs.get("value"), "", "selected" in attrs]
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._option is not None:
            self._option[1] += data
        elif self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form, self.done = False, True
        elif tag == "option" and self._option is not None:
            value, text, selected = self._option
            self._select[2].append((text.strip() if value is None else value, selected))
            self._option = None
        elif tag == "select" and self._select is not None:
            name, multiple, options = self._select
            chosen = [value for value, selected in options if selected]
            if not chosen and not multiple and options:
                chosen = [options[0][0]]
            self.fields += [(name, value) for value in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            name, text = self._textarea
            # A browser sends every line break of a textarea as CRLF.
            text = text.removeprefix("\n").replace("\r\n", "\n").replace("\n", "\r\n")
            self.fields.append((name, text))
            self._textarea = None


def form_data(html: str, *, form_id: str | None = None, form_class: str | None = None) -> dict:
    """The submission of the form with this id (or class), as a dict for Django's test client:
    names that occur once map to their value, repeated names to the list of their values."""
    reader = _FormReader(form_id, form_class)
    reader.feed(html)
    assert reader.done, f"No form {form_id or form_class!r} in the page."
    data: dict[str, list[str]] = {}
    for name, value in reader.fields:
        data.setdefault(name, []).append(value)
    return {name: values if len(values) > 1 else values[0] for name, values in data.items()}
