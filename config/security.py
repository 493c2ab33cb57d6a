"""Helpers the security settings are computed with (kept out of settings.py so they are tested)."""

from urllib.parse import urlsplit


def map_tile_sources(tile_url_template: str) -> list[str]:
    """The origin a Leaflet tile URL template loads images from, as a CSP source.

    "https://{s}.tile.example.org/{z}/{x}/{y}.png" -> ["https://*.tile.example.org"]: Leaflet
    fills {s} with a subdomain letter, so the policy allows any one label there.
    """
    if not tile_url_template:
        return []
    parts = urlsplit(tile_url_template.replace("{s}", "subdomain-placeholder"))
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        return []
    host = parts.netloc.replace("subdomain-placeholder", "*")
    return [f"{parts.scheme}://{host}"]
