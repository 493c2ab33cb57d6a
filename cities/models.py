from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from core.content_language import (
    OriginalLanguageModel,
    TranslatedQuerySet,
    column,
    shown_text_order,
)
from core.models import SlugPageModel, TimeStampedModel
from core.validators import plausible_date


class Region(models.TextChoices):
    """UN regional groupings as the UN development system reports on them."""

    AFRICA = "africa", _("Africa")
    ARAB_STATES = "arab_states", _("Arab States")
    ASIA_PACIFIC = "asia_pacific", _("Asia and the Pacific")
    EUROPE_CENTRAL_ASIA = "europe_central_asia", _("Europe and Central Asia")
    LATIN_AMERICA_CARIBBEAN = "latin_america_caribbean", _("Latin America and the Caribbean")


class CityQuerySet(TranslatedQuerySet):
    def in_region(self, region: str):
        return self.filter(region=region)


class TaggedHazard(TaggedItemBase):
    """Hazards a city faces (flood, earthquake, heatwave...), kept apart from free tags."""

    content_object = models.ForeignKey("City", on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("hazard")
        verbose_name_plural = _("hazards")


class City(OriginalLanguageModel, SlugPageModel, TimeStampedModel):
    detail_url_name = "cities:detail"

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    country = CountryField(_("country"))
    region = models.CharField(_("UN region"), max_length=30, choices=Region.choices)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    description = models.TextField(_("description (Markdown)"), blank=True)
    website = models.URLField(_("website"), blank=True)
    hazards = TaggableManager(
        verbose_name=_("hazards"), through=TaggedHazard, related_name="hazard_cities", blank=True
    )
    joined_on = models.DateField(
        _("joined the clusters on"), null=True, blank=True, validators=[plausible_date]
    )
    photo = models.ImageField(_("photo"), upload_to="cities/photos/%Y/", blank=True, max_length=200)
    photo_alt = models.CharField(
        _("photo description"),
        max_length=250,
        blank=True,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_role = models.CharField(_("contact's role"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Loaded by load_demo; safe to delete.")
    )

    objects = CityQuerySet.as_manager()
    # `history`: registered in translation.py, so it records every language's column.

    class Meta:
        ordering = ["name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        constraints = [
            models.UniqueConstraint(
                fields=["name", "country"], name="cities_city_name_country_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(latitude__gte=-90, latitude__lte=90),
                name="cities_city_latitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__gte=-180, longitude__lte=180),
                name="cities_city_longitude_range",
            ),
            models.CheckConstraint(
                condition=models.Q(photo="") | ~models.Q(photo_alt=""),
                name="cities_city_photo_has_description",
                violation_error_message=_("Describe what the photo shows."),
            ),
        ]
        indexes = [
            models.Index(fields=["region", "name"]),
            models.Index(fields=["country", "name"]),
            models.Index(fields=["joined_on"]),
            # A cluster's member cities are listed by the name they show: with the name in every
            # language beside the id, the sort reads this index instead of 5,000 whole rows,
            # each with its texts in six languages (4.3 -> 1.2 ms at scale).
            models.Index(
                fields=["id"],
                include=["name", *(column("name", code) for code, _language in settings.LANGUAGES)],
                name="cities_names_by_id",
            ),
            # The lists sort cities by the name they show in the page's language
            # (core.content_language.shown_text_order): one index per language reads the first
            # page's cities in that order instead of sorting all of them (3 -> 0.2 ms at 5,000).
            *(
                models.Index(
                    shown_text_order("name", code),
                    "id",
                    name=f"cities_shown_name_{code.replace('-', '_')}",
                )
                for code, _language in settings.LANGUAGES
            ),
        ]

    def __str__(self):
        # The list separator of the reader's language ("طرابلس، لبنان"), as Django translates it.
        # Tunis in Tunisia is "突尼斯" twice in Chinese, "تونس" twice in Arabic: said once.
        if not self.country or self.country.name == self.name:
            return self.name
        return f"{self.name}{gettext(', ')}{self.country.name}"


class CityTopic(models.Model):
    """A topic of the clusters' vocabulary a city needs or offers, with a short note."""

    topic = models.ForeignKey("clusters.Topic", verbose_name=_("topic"), on_delete=models.CASCADE)
    note = models.CharField(
        _("short note"),
        max_length=300,
        blank=True,
        help_text=_("What exactly, in a sentence."),
    )
    contact_role = models.CharField(
        _("contact role"),
        max_length=150,
        blank=True,
        help_text=_("Who to ask, by role (for example: head of civil protection)."),
    )

    class Meta:
        abstract = True
        ordering = ["topic__cluster__order", "topic__order", "topic__name"]
        # One row per city and topic: cities_cityneed_unique, cities_cityoffer_unique.
        constraints = [
            models.UniqueConstraint(
                fields=["city", "topic"], name="%(app_label)s_%(class)s_unique"
            ),
        ]
        indexes = [models.Index(fields=["topic", "city"])]

    def __str__(self):
        return f"{self.city.name}: {self.topic.name}"


class CityNeed(CityTopic):
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="needs")

    class Meta(CityTopic.Meta):
        verbose_name = _("need")
        verbose_name_plural = _("needs")
        default_related_name = "city_needs"


class CityOffer(CityTopic):
    city = models.ForeignKey(City, on_delete=models.CASCADE, related_name="offers")

    class Meta(CityTopic.Meta):
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        default_related_name = "city_offers"
