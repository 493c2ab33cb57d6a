"""The demo opportunities, as plain data: an open fellowship hosted with NDRCC in Shenzhen for
officials of developing-country cities, and a closed expert exchange the Tripoli official was
accepted to (so "My applications" shows a decided application and the fellowship is open to
apply to). Every value is fixed, like the rest of the demo (portal/demo/data.py); topics are
named by their slug in the clusters' vocabulary."""

from portal.demo.data import CITY_OFFICIAL_EMAIL, DRR, UN_STAFF_EMAIL, local, utc

# Regions whose cities are developing-country cities in the demo's sense.
DEVELOPING_REGIONS = ["africa", "arab_states", "asia_pacific", "latin_america_caribbean"]

DRR_FELLOWSHIP = "shenzhen-drr-fellowship-2027"
EARLY_WARNING_EXCHANGE = "early-warning-expert-exchange-2025"

OPPORTUNITIES = [
    {
        "slug": DRR_FELLOWSHIP,
        "kind": "fellowship",
        "title": "Disaster risk reduction fellowship in Shenzhen, 2027",
        "summary": (
            "Eight weeks with Shenzhen's emergency management teams and NDRCC for officials of "
            "developing-country cities who run disaster risk reduction at home."
        ),
        "description": (
            "Fellows spend eight weeks in Shenzhen between May and July 2027. They work beside "
            "the city's emergency management bureau and the **National Disaster Reduction "
            "Center of China (NDRCC)** on how a megacity governs disaster risk: risk "
            "assessment, early warning, emergency operations and recovery planning.\n\n"
            "The fellowship builds on the Tripoli–Shenzhen disaster risk governance pilot and "
            "on the four certified training series the Cities Project ran with NDRCC from 2020 "
            "to 2023. Each fellow leaves with a plan to apply one practice in their own city, "
            "reviewed by their NDRCC mentor.\n\n"
            "- Travel, lodging and a daily allowance are covered.\n"
            "- Sessions are in English, with Arabic, French and Spanish interpretation."
        ),
        "host_organization": "ndrcc",
        "host_city": "shenzhen",
        "cluster": DRR,
        "topics": ["risk-governance", "early-warning-systems", "emergency-operations"],
        "eligible_regions": DEVELOPING_REGIONS,
        "eligible_countries": [],
        "deadline": local("Asia/Shanghai", 2027, 3, 31, 17),
        "places": 12,
        "how_to_apply": (
            "Apply through the portal with a short motivation: the disaster risk work you lead "
            "and the practice you want to bring home. Attach a CV or a letter from your city "
            "(PDF or Word). UNOSSC and NDRCC select the fellows by the end of April 2027."
        ),
        "published_at": utc(2026, 11, 16),
    },
    {
        "slug": EARLY_WARNING_EXCHANGE,
        "kind": "expert_exchange",
        "title": "Expert exchange on early warning for coastal cities, 2025",
        "summary": (
            "A two-week exchange of early-warning specialists between Shenzhen and coastal "
            "cities of the Disaster Risk Reduction cluster."
        ),
        "description": (
            "Following the September 2023 China–Lebanon knowledge-sharing event, NDRCC and "
            "UNOSSC paired early-warning specialists of coastal cities with Shenzhen's "
            "forecasters for two weeks of joint work on alerts that reach people in time."
        ),
        "host_organization": "ndrcc",
        "host_city": "shenzhen",
        "cluster": DRR,
        "topics": ["early-warning-systems"],
        "eligible_regions": DEVELOPING_REGIONS,
        "eligible_countries": [],
        "deadline": local("Asia/Shanghai", 2025, 9, 30, 17),
        "places": 6,
        "how_to_apply": "Applications are closed.",
        "published_at": utc(2025, 7, 1),
    },
]

# (applicant email, opportunity slug, city slug, motivation, decided at,
#  [(from status, to status, actor email, at, note)]); the first step's time is the sending.
APPLICATIONS = [
    (
        CITY_OFFICIAL_EMAIL,
        EARLY_WARNING_EXCHANGE,
        "tripoli-lebanon",
        "Tripoli's municipality is setting up flood and earthquake alerts with the pilot; two "
        "weeks with Shenzhen's forecasters would help us design alerts residents act on.",
        utc(2025, 10, 20),
        [
            ("", "submitted", CITY_OFFICIAL_EMAIL, utc(2025, 9, 12, 8, 30), ""),
            ("submitted", "under_review", UN_STAFF_EMAIL, utc(2025, 10, 6, 14), ""),
            (
                "under_review",
                "accepted",
                UN_STAFF_EMAIL,
                utc(2025, 10, 20, 10),
                "Welcome to the exchange: NDRCC will write to you about the dates.",
            ),
        ],
    ),
]
