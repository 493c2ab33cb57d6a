"""Form pieces every editorial form shares: slugs from titles, tag autocomplete, Markdown hints."""

from django import forms
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import gettext_lazy as _
from taggit.forms import TagField, TagWidget
from taggit.models import Tag

from core.content_language import listed_with_and
from core.editor import RESERVED_SLUGS, unique_slug

MARKDOWN_HELP = _("Markdown: **bold**, *italic*, [link](https://…), lists. HTML is removed.")
TAG_HELP = _("Separate tags with commas; existing tags are suggested as you type.")


def markdown_widget(rows: int = 10):
    # The field's help text says it is Markdown; Django ties it (and any error) to the textarea.
    return forms.Textarea(attrs={"rows": rows})


def tag_widget():
    """Tags as the names people typed ("flood, earthquake"), never as Tag objects' reprs.

    taggit's own widget writes the names back as they read, quoting a name with a comma in it,
    so a form saved unchanged keeps its tags exactly.
    """
    return TagWidget(
        attrs={"list": "tag-options", "data-tag-autocomplete": "", "autocomplete": "off"}
    )


class BoundedTagField(TagField):
    """taggit's field, refusing a tag longer than a tag's name can be (100 characters), which
    SQLite kept but PostgreSQL refused with a server error."""

    def clean(self, value):
        tags = super().clean(value)
        limit = Tag._meta.get_field("name").max_length
        too_long = [tag for tag in tags if len(tag) > limit]
        if too_long:
            raise forms.ValidationError(
                _("A tag can be %(limit)d characters long at most; shorten “%(tag)s…”."),
                params={"limit": limit, "tag": too_long[0][:40]},
                code="tag_too_long",
            )
        return tags


class SlugFromTitleMixin:
    """An empty slug is made from the title, kept unique with -2, -3...; a typed one is checked.

    On edit an emptied slug keeps the saved one: a title change never moves the page.
    """

    slug_source_field = "title"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_slug()

    def _setup_slug(self):
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = (
                _("Leave empty to keep the current address.")
                if self.instance.pk and self.instance.slug
                else _("Leave empty to make one from the title.")
            )

    def clean_slug(self):
        slug = self.cleaned_data.get("slug") or ""
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This word is reserved; choose another slug."))
        return slug

    def clean(self):
        cleaned_data = super().clean()
        source = cleaned_data.get(self.slug_source_field)
        if "slug" in self.fields and not cleaned_data.get("slug") and self.instance.slug:
            # A saved address never changes by itself: links to it and followers' emails use it.
            cleaned_data["slug"] = self.instance.slug
        elif "slug" in self.fields and not cleaned_data.get("slug") and source:
            slug = unique_slug(self._meta.model, source, exclude_pk=self.instance.pk)
            cleaned_data["slug"] = slug
            self.instance.slug = slug
        return cleaned_data


def local_datetime_widget():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def date_widget():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def image_widget():
    # Pillow decides what an image is; the browser's filter only narrows the picker.
    return forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"})


def checked_upload(upload, check):
    """A file uploaded now, passed through its check (core.uploads); a kept or cleared one as is."""
    if upload and hasattr(upload, "content_type"):
        return check(upload)
    return upload


class RowsFormSet(BaseInlineFormSet):
    """A list of rows edited with its item (a pilot's cities): each row can be removed."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this row")

    def get_unique_error_message(self, unique_check):
        # Django names the fields by their code names ("topic", untranslated on every page);
        # the reader knows them by their labels.
        labels = [
            str(self.form.base_fields[name].label or name)
            for name in unique_check
            if name in self.form.base_fields
        ]
        return _("Two rows have the same %(fields)s; keep one of them.") % {
            "fields": listed_with_and(label.lower() for label in labels)
        }


def rows_formset(parent_model, model, *, fields, extra=1, formset=RowsFormSet, **kwargs):
    """The formset of an item's rows of `model` (a pilot's cities), each of which can be removed."""
    return inlineformset_factory(
        parent_model, model, fields=fields, extra=extra, can_delete=True, formset=formset, **kwargs
    )
