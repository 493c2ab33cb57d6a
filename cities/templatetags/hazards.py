"""`{{ hazard.name|hazard_label }}`: a hazard tag in the reader's language (cities.hazards)."""

from django import template

from cities.hazards import hazard_label

register = template.Library()
register.filter("hazard_label", hazard_label)
