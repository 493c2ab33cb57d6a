"""The demo content as plain data, so the loader stays short and the facts stay reviewable.

Every value is fixed (no "now"): a rerun must find exactly what the first run wrote. Events up to
November 2026 are past; the ones from December 2026 to June 2027 are upcoming.

The actors, the Lebanon pilot, the 2020-2023 training series, the September 2023 event and the
October 2023 visit come from the seed article, told in our own words. The other pilots, events,
resources and partner organizations are illustrative and flagged `is_demo` like everything else.
"""

import datetime as dt
import zoneinfo
from decimal import Decimal

from core.roles import CITY_OFFICIAL, PARTNER, UN_STAFF

# Published in the command help on purpose: these accounts exist only on demo sites.
DEMO_PASSWORD = "demo-password-2026"  # noqa: S105

# Cluster slugs as the seed migration (clusters/0003) creates them.
COVID = "covid-19-response-public-health"
DRR = "disaster-risk-reduction"
TOURISM = "sustainable-tourism-heritage-creative-economy"
AGRICULTURE = "sustainable-agriculture-value-chains"
DIGITAL = "e-commerce-digitization-smart-cities"
TRANSPORT = "sustainable-transport-air-quality"
WASTE = "waste-management-green-cities-renewable-energy"
ALL_CLUSTERS = (COVID, DRR, TOURISM, AGRICULTURE, DIGITAL, TRANSPORT, WASTE)

PROGRAMME = "unossc-cities-project"
LEBANON_PILOT = "lebanon-disaster-risk-governance"
SEPTEMBER_2023_EVENT = "china-lebanon-drr-knowledge-sharing-2023"
# The training that follows up the September 2023 event (illustrative, upcoming).
FOLLOW_UP_TRAINING = "early-warning-emergency-operations-follow-up-2027"
NDRCC_VISIT_NEWS = "unossc-director-visits-ndrcc-2023"
REAL_TRAINING_SERIES = (
    "resilient-cities-training-2020",
    "resilient-cities-training-2021",
    "resilient-cities-training-2022",
    "resilient-cities-training-2023",
)


def utc(year, month, day, hour=9, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


def local(time_zone, year, month, day, hour, minute=0) -> dt.datetime:
    return dt.datetime(year, month, day, hour, minute, tzinfo=zoneinfo.ZoneInfo(time_zone))


# --- Organizations ----------------------------------------------------------------------------

ORGANIZATIONS = [
    {
        "slug": "unossc",
        "name": "United Nations Office for South-South Cooperation",
        "acronym": "UNOSSC",
        "kind": "un_entity",
        "country": "US",
        "website": "https://www.unsouthsouth.org/",
        "description": (
            "The UN office that promotes and coordinates cooperation among countries of the "
            "Global South. It runs the **Cities Project**, which brings South-South and "
            "triangular cooperation down to the level of cities and local authorities."
        ),
    },
    {
        "slug": "undp",
        "name": "United Nations Development Programme",
        "acronym": "UNDP",
        "kind": "un_entity",
        "country": "US",
        "website": "https://www.undp.org/",
        "description": (
            "The UN development network. In Lebanon it implements the disaster risk governance "
            "pilot that links Tripoli with Shenzhen."
        ),
    },
    {
        "slug": "ndrcc",
        "name": "National Disaster Reduction Center of China",
        "acronym": "NDRCC",
        "kind": "national_agency",
        "country": "CN",
        "website": "",
        "description": (
            "China's national centre for disaster reduction. It brings technical expertise to "
            "the Lebanon pilot and co-hosted the China–Lebanon knowledge-sharing event of "
            "September 2023."
        ),
    },
    {
        "slug": "cnrs-lebanon",
        "name": "National Council for Scientific Research of Lebanon",
        "acronym": "CNRS",
        "kind": "research",
        "country": "LB",
        "website": "",
        "description": (
            "Lebanon's public research council. Its scientists contribute hazard and risk "
            "knowledge to the disaster risk governance pilot."
        ),
    },
    {
        "slug": "undrr-geti",
        "name": "UNDRR Global Education and Training Institute",
        "acronym": "UNDRR-GETI",
        "kind": "un_entity",
        "country": "KR",
        "website": "https://www.undrr.org/",
        "description": (
            "The training arm of the UN Office for Disaster Risk Reduction. It co-organized the "
            "certified online training series for resilient cities from 2020 to 2023."
        ),
    },
    {
        "slug": "paho-who",
        "name": "Pan American Health Organization / World Health Organization",
        "acronym": "PAHO/WHO",
        "kind": "un_entity",
        "country": "US",
        "website": "https://www.paho.org/",
        "description": (
            "WHO's regional office for the Americas. It co-organized the health-emergency "
            "sessions of the 2020–2023 training series."
        ),
    },
    {
        "slug": "who",
        "name": "World Health Organization",
        "acronym": "WHO",
        "kind": "un_entity",
        "country": "CH",
        "website": "https://www.who.int/",
        "description": (
            "The UN agency for health. It co-organized the 2020–2023 training series on health "
            "emergencies and disaster risk in cities."
        ),
    },
    # Illustrative partners: they make the partner pages and collaboration requests concrete.
    {
        "slug": "tripoli-municipality",
        "name": "Municipality of Tripoli",
        "acronym": "",
        "kind": "local_government",
        "country": "LB",
        "website": "",
        "description": "The city government of Tripoli, in northern Lebanon.",
    },
    {
        "slug": "kampala-capital-city-authority",
        "name": "Kampala Capital City Authority",
        "acronym": "KCCA",
        "kind": "local_government",
        "country": "UG",
        "website": "",
        "description": "The authority that governs Uganda's capital city.",
    },
    {
        "slug": "urban-resilience-action-network",
        "name": "Urban Resilience Action Network",
        "acronym": "URAN",
        "kind": "ngo",
        "country": "KE",
        "website": "",
        "description": (
            "A (fictional) network of community groups in African coastal and river cities "
            "that train neighbourhood volunteers for floods and heatwaves."
        ),
    },
    {
        "slug": "institute-for-southern-urban-studies",
        "name": "Institute for Southern Urban Studies",
        "acronym": "ISUS",
        "kind": "academia",
        "country": "ZA",
        "website": "",
        "description": (
            "A (fictional) university institute that documents what works in cities of the "
            "Global South and helps pilots measure their results."
        ),
    },
    {
        "slug": "greenloop-circular-solutions",
        "name": "Greenloop Circular Solutions",
        "acronym": "",
        "kind": "private",
        "country": "ID",
        "website": "",
        "description": (
            "A (fictional) social enterprise that builds sorting and recycling services with "
            "municipal waste banks."
        ),
    },
]


# --- Cities -----------------------------------------------------------------------------------

AFRICA = "africa"
ARAB_STATES = "arab_states"
ASIA_PACIFIC = "asia_pacific"
EUROPE_CENTRAL_ASIA = "europe_central_asia"
LATIN_AMERICA_CARIBBEAN = "latin_america_caribbean"

MEMBER = "member"
LEAD = "lead"


def _city(
    slug,
    name,
    country,
    region,
    latitude,
    longitude,
    population,
    joined_on,
    summary,
    description,
    hazards,
    clusters,
):
    return {
        "slug": slug,
        "name": name,
        "country": country,
        "region": region,
        "latitude": Decimal(latitude),
        "longitude": Decimal(longitude),
        "population": population,
        "joined_on": joined_on,
        "summary": summary,
        "description": description,
        "hazards": hazards,
        "clusters": clusters,
    }


CITIES = [
    # Arab States
    _city(
        "tripoli-lebanon",
        "Tripoli",
        "LB",
        ARAB_STATES,
        "34.43667",
        "35.84972",
        230_000,
        dt.date(2022, 10, 1),
        "Lebanon's second city, learning from Shenzhen how to govern disaster risk.",
        "A Mediterranean port with a dense old town and souks. Its local authorities are the "
        "**learning city** of the Tripoli–Shenzhen pilot on disaster risk governance.\n\n"
        "- Priorities: preparedness plans, risk data, coordination with national agencies\n"
        "- Also exploring heritage-led revival of the old town",
        ["earthquake", "flood", "fire", "heatwave"],
        [(DRR, MEMBER), (TOURISM, MEMBER)],
    ),
    _city(
        "beirut",
        "Beirut",
        "LB",
        ARAB_STATES,
        "33.89332",
        "35.50157",
        361_366,
        dt.date(2021, 3, 15),
        "Capital of Lebanon, rebuilding health and emergency services after the 2020 port blast.",
        "Beirut brings first-hand experience of mass-casualty response and of keeping "
        "hospitals running through crises.",
        ["earthquake", "industrial accident", "heatwave"],
        [(DRR, MEMBER), (COVID, MEMBER)],
    ),
    _city(
        "amman",
        "Amman",
        "JO",
        ARAB_STATES,
        "31.95522",
        "35.94503",
        4_061_150,
        dt.date(2020, 9, 1),
        "Jordan's capital, serving a fast-growing population that includes many refugees.",
        "Amman shares how it extended primary health care to newcomers and is putting "
        "rooftop solar on public buildings.",
        ["drought", "heatwave", "flash flood"],
        [(COVID, LEAD), (WASTE, MEMBER)],
    ),
    _city(
        "tunis",
        "Tunis",
        "TN",
        ARAB_STATES,
        "36.81897",
        "10.16579",
        638_845,
        dt.date(2021, 6, 1),
        "Capital of Tunisia, known for its UNESCO-listed medina.",
        "Tunis is the **sharing city** of the *Living medinas* pilot: its craft workshops and "
        "restoration rules show how an old town can stay lived-in.",
        ["flood", "heatwave"],
        [(TOURISM, MEMBER), (DIGITAL, MEMBER)],
    ),
    _city(
        "casablanca",
        "Casablanca",
        "MA",
        ARAB_STATES,
        "33.58831",
        "-7.61138",
        3_359_818,
        dt.date(2022, 2, 1),
        "Morocco's economic capital, investing in tramways and digital city services.",
        "Casablanca's tram network grew from one line to several in a decade; the city shares "
        "how it planned the routes around where people work.",
        ["flood", "coastal erosion", "heatwave"],
        [(TRANSPORT, MEMBER), (DIGITAL, MEMBER)],
    ),
    _city(
        "alexandria",
        "Alexandria",
        "EG",
        ARAB_STATES,
        "31.20176",
        "29.91582",
        5_200_000,
        dt.date(2021, 11, 10),
        "Egypt's Mediterranean port, where rising seas meet a rich heritage.",
        "Alexandria works on protecting its historic waterfront from storms and sea-level "
        "rise while keeping it open to visitors.",
        ["sea-level rise", "flood", "storm surge"],
        [(DRR, MEMBER), (TOURISM, MEMBER)],
    ),
    # Africa
    _city(
        "nairobi",
        "Nairobi",
        "KE",
        AFRICA,
        "-1.28639",
        "36.81722",
        4_397_073,
        dt.date(2020, 7, 1),
        "Kenya's capital and a hub for digital services in East Africa.",
        "Nairobi combines a lively tech scene with informal settlements that flood every rainy "
        "season; it works on both sides of that story.",
        ["flood", "drought"],
        [(DIGITAL, MEMBER), (TRANSPORT, MEMBER), (WASTE, MEMBER)],
    ),
    _city(
        "lagos",
        "Lagos",
        "NG",
        AFRICA,
        "6.45407",
        "3.39467",
        15_388_000,
        dt.date(2021, 1, 20),
        "Nigeria's largest city, with a booming online market place.",
        "Lagos is a **learning city** of the digital one-stop-shop pilot and shares how its "
        "small traders moved online.",
        ["flood", "coastal erosion", "heatwave"],
        [(DIGITAL, MEMBER), (WASTE, MEMBER)],
    ),
    _city(
        "accra",
        "Accra",
        "GH",
        AFRICA,
        "5.55602",
        "-0.1969",
        2_557_000,
        dt.date(2021, 4, 12),
        "Ghana's capital, working with informal waste pickers to clean up the city.",
        "Accra learns from Surabaya's community waste banks and shares its own experience of "
        "bringing waste pickers into the formal collection system.",
        ["flood", "heatwave"],
        [(WASTE, MEMBER), (AGRICULTURE, MEMBER)],
    ),
    _city(
        "addis-ababa",
        "Addis Ababa",
        "ET",
        AFRICA,
        "9.02497",
        "38.74689",
        3_860_000,
        dt.date(2020, 11, 5),
        "Ethiopia's highland capital, building rapid transit and measuring its air.",
        "Addis Ababa learned from Curitiba how to plan bus rapid transit corridors and set up "
        "a network of low-cost air quality sensors.",
        ["flood", "drought", "landslide"],
        [(TRANSPORT, MEMBER), (COVID, MEMBER)],
    ),
    _city(
        "dakar",
        "Dakar",
        "SN",
        AFRICA,
        "14.6937",
        "-17.44406",
        1_146_053,
        dt.date(2021, 2, 8),
        "Senegal's capital at the westernmost tip of Africa.",
        "Dakar shares how community health workers reached informal neighbourhoods during the "
        "pandemic, and how its music and craft scene draws visitors.",
        ["flood", "coastal erosion", "heatwave"],
        [(COVID, MEMBER), (TOURISM, MEMBER)],
    ),
    _city(
        "kigali",
        "Kigali",
        "RW",
        AFRICA,
        "-1.94995",
        "30.05885",
        1_745_555,
        dt.date(2020, 10, 20),
        "Rwanda's capital, a pioneer of online public services.",
        "Kigali is the **sharing city** of the digital one-stop-shop pilot: most permits can "
        "be requested and paid for online.",
        ["landslide", "flood"],
        [(DIGITAL, LEAD), (WASTE, MEMBER)],
    ),
    _city(
        "dar-es-salaam",
        "Dar es Salaam",
        "TZ",
        AFRICA,
        "-6.82349",
        "39.26951",
        5_383_728,
        dt.date(2022, 5, 2),
        "Tanzania's largest city, growing fast on a low-lying coast.",
        "Dar es Salaam will learn coastal flood early warning from Iloilo City in a pilot "
        "that starts in 2027.",
        ["flood", "sea-level rise", "cyclone"],
        [(DRR, MEMBER), (TRANSPORT, MEMBER)],
    ),
    _city(
        "maputo",
        "Maputo",
        "MZ",
        AFRICA,
        "-25.96553",
        "32.58322",
        1_120_000,
        dt.date(2022, 5, 2),
        "Mozambique's capital on the Indian Ocean, exposed to tropical cyclones.",
        "Maputo joins the coastal flood early-warning pilot to connect weather alerts with "
        "neighbourhood leaders.",
        ["cyclone", "flood", "drought"],
        [(DRR, MEMBER)],
    ),
    _city(
        "kampala",
        "Kampala",
        "UG",
        AFRICA,
        "0.31628",
        "32.58219",
        1_680_600,
        dt.date(2020, 8, 17),
        "Uganda's capital, where urban farming feeds many households.",
        "Kampala leads the agriculture cluster and learns from Chengdu how farmer "
        "cooperatives can sell straight to city markets.",
        ["flood", "drought"],
        [(AGRICULTURE, LEAD), (WASTE, MEMBER)],
    ),
    # Asia and the Pacific
    _city(
        "shenzhen",
        "Shenzhen",
        "CN",
        ASIA_PACIFIC,
        "22.54554",
        "114.0683",
        17_494_398,
        dt.date(2022, 10, 1),
        "A young megacity in southern China, sharing its disaster risk reduction practice.",
        "Shenzhen is the **sharing city** of the Tripoli–Shenzhen pilot. It brings experience "
        "of typhoon preparedness, early warning and emergency coordination in a dense city.",
        ["typhoon", "flood", "heatwave"],
        [(DRR, LEAD), (DIGITAL, MEMBER)],
    ),
    _city(
        "chengdu",
        "Chengdu",
        "CN",
        ASIA_PACIFIC,
        "30.66667",
        "104.06667",
        20_937_757,
        dt.date(2021, 9, 9),
        "Capital of Sichuan, surrounded by productive farmland.",
        "Chengdu shares how farmer cooperatives on the city's edge supply fresh food to urban "
        "markets, and how it promotes its food culture to visitors.",
        ["earthquake", "flood"],
        [(AGRICULTURE, MEMBER), (TOURISM, MEMBER)],
    ),
    _city(
        "dhaka",
        "Dhaka",
        "BD",
        ASIA_PACIFIC,
        "23.7104",
        "90.40744",
        10_200_000,
        dt.date(2020, 12, 1),
        "Bangladesh's capital, one of the most densely populated cities on Earth.",
        "Dhaka learned from Colombo how to run a city health emergency operations centre and "
        "works on flood and heat preparedness.",
        ["flood", "cyclone", "heatwave", "earthquake"],
        [(DRR, MEMBER), (COVID, MEMBER)],
    ),
    _city(
        "surabaya",
        "Surabaya",
        "ID",
        ASIA_PACIFIC,
        "-7.24917",
        "112.75083",
        2_874_314,
        dt.date(2020, 9, 1),
        "Indonesia's second city, known for community waste banks and green parks.",
        "Surabaya leads the waste cluster: residents trade sorted plastic for bus rides and "
        "savings. It hosts the community waste bank pilot and shares its model there.",
        ["flood", "heatwave"],
        [(WASTE, LEAD), (DRR, MEMBER)],
    ),
    _city(
        "da-nang",
        "Da Nang",
        "VN",
        ASIA_PACIFIC,
        "16.06778",
        "108.22083",
        1_220_000,
        dt.date(2021, 5, 20),
        "A coastal city in central Viet Nam, balancing beach tourism and storm risk.",
        "Da Nang leads the tourism cluster and shares how it limits visitor numbers on fragile "
        "stretches of coast.",
        ["typhoon", "flood", "storm surge"],
        [(TOURISM, LEAD), (DRR, MEMBER)],
    ),
    _city(
        "pune",
        "Pune",
        "IN",
        ASIA_PACIFIC,
        "18.51957",
        "73.85535",
        3_124_458,
        dt.date(2021, 7, 14),
        "A university and industry city in western India, expanding public transport.",
        "Pune learned bus rapid transit planning from Curitiba and publishes air quality "
        "readings for every ward.",
        ["flood", "heatwave"],
        [(TRANSPORT, MEMBER), (DIGITAL, MEMBER)],
    ),
    _city(
        "colombo",
        "Colombo",
        "LK",
        ASIA_PACIFIC,
        "6.93548",
        "79.84868",
        752_993,
        dt.date(2020, 8, 3),
        "Sri Lanka's commercial capital, with a strong public health tradition.",
        "Colombo is the **sharing city** of the health emergency operations centre pilot and "
        "works on flood warnings for its canals.",
        ["flood", "tsunami", "dengue"],
        [(COVID, MEMBER), (DRR, MEMBER)],
    ),
    _city(
        "kathmandu",
        "Kathmandu",
        "NP",
        ASIA_PACIFIC,
        "27.70169",
        "85.3206",
        845_767,
        dt.date(2021, 4, 25),
        "Nepal's capital, rebuilding heritage and schools to withstand earthquakes.",
        "Kathmandu shares school earthquake drills and the lessons of rebuilding temples and "
        "squares after 2015.",
        ["earthquake", "landslide", "flood"],
        [(DRR, MEMBER), (TOURISM, MEMBER)],
    ),
    _city(
        "iloilo-city",
        "Iloilo City",
        "PH",
        ASIA_PACIFIC,
        "10.69694",
        "122.56444",
        457_626,
        dt.date(2022, 3, 1),
        "A river city in the Philippines that turned flood control into public space.",
        "Iloilo City is the **sharing city** of the coastal flood early-warning pilot and "
        "connects farmers around the city with its markets.",
        ["typhoon", "flood", "storm surge"],
        [(DRR, MEMBER), (AGRICULTURE, MEMBER)],
    ),
    _city(
        "suva",
        "Suva",
        "FJ",
        ASIA_PACIFIC,
        "-18.14161",
        "178.44149",
        93_970,
        dt.date(2023, 2, 14),
        "Fiji's capital, a Pacific island city facing cyclones and rising seas.",
        "Suva learns community waste banks from Surabaya; on a small island, every tonne "
        "kept out of landfill counts.",
        ["cyclone", "sea-level rise", "flood"],
        [(DRR, MEMBER), (WASTE, MEMBER)],
    ),
    # Latin America and the Caribbean
    _city(
        "medellin",
        "Medellín",
        "CO",
        LATIN_AMERICA_CARIBBEAN,
        "6.25184",
        "-75.56359",
        2_427_129,
        dt.date(2020, 10, 1),
        "Colombia's second city, where cable cars link hillside neighbourhoods to the metro.",
        "Medellín shares how transport, libraries and parks were built together to reconnect "
        "its poorest districts.",
        ["landslide", "flood"],
        [(TRANSPORT, MEMBER), (DIGITAL, MEMBER)],
    ),
    _city(
        "curitiba",
        "Curitiba",
        "BR",
        LATIN_AMERICA_CARIBBEAN,
        "-25.42778",
        "-49.27306",
        1_773_718,
        dt.date(2020, 7, 15),
        "The southern Brazilian city that invented bus rapid transit.",
        "Curitiba leads the transport cluster and was the **sharing city** of the bus rapid "
        "transit and clean air pilot with Addis Ababa and Pune.",
        ["flood", "cold wave"],
        [(TRANSPORT, LEAD), (WASTE, MEMBER)],
    ),
    _city(
        "quito",
        "Quito",
        "EC",
        LATIN_AMERICA_CARIBBEAN,
        "-0.22985",
        "-78.52495",
        2_679_722,
        dt.date(2021, 8, 30),
        "Ecuador's high-altitude capital with a historic centre and urban gardens.",
        "Quito shares its urban and peri-urban gardens programme and how its colonial centre "
        "is looked after.",
        ["earthquake", "volcanic eruption", "landslide"],
        [(TOURISM, MEMBER), (AGRICULTURE, MEMBER)],
    ),
    _city(
        "lima",
        "Lima",
        "PE",
        LATIN_AMERICA_CARIBBEAN,
        "-12.04318",
        "-77.02824",
        9_943_800,
        dt.date(2021, 3, 1),
        "Peru's desert capital, feeding ten million people from its valleys.",
        "Lima learned how to run a health emergency operations centre and works on short food "
        "supply chains from the valleys around it.",
        ["earthquake", "tsunami", "drought"],
        [(COVID, MEMBER), (AGRICULTURE, MEMBER)],
    ),
    _city(
        "mexico-city",
        "Mexico City",
        "MX",
        LATIN_AMERICA_CARIBBEAN,
        "19.42847",
        "-99.12766",
        9_209_944,
        dt.date(2020, 11, 20),
        "Mexico's capital, where air quality has improved over three decades.",
        "Mexico City shares its air monitoring network and the health arguments that won "
        "support for cleaner buses.",
        ["earthquake", "flood", "air pollution"],
        [(TRANSPORT, MEMBER), (COVID, MEMBER)],
    ),
    _city(
        "kingston",
        "Kingston",
        "JM",
        LATIN_AMERICA_CARIBBEAN,
        "17.99702",
        "-76.79358",
        662_426,
        dt.date(2022, 6, 1),
        "Jamaica's capital, preparing for hurricanes and welcoming cruise visitors.",
        "Kingston works on hurricane shelters and on spreading tourism income to the city's "
        "music and craft neighbourhoods.",
        ["hurricane", "earthquake", "flood"],
        [(DRR, MEMBER), (TOURISM, MEMBER)],
    ),
    _city(
        "havana",
        "Havana",
        "CU",
        LATIN_AMERICA_CARIBBEAN,
        "23.13302",
        "-82.38304",
        2_137_847,
        dt.date(2020, 12, 10),
        "Cuba's capital, with neighbourhood-based primary health care.",
        "Havana shares how family doctors and neighbourhood volunteers follow up every "
        "household during an epidemic.",
        ["hurricane", "flood", "heatwave"],
        [(COVID, MEMBER), (TOURISM, MEMBER)],
    ),
    # Europe and Central Asia
    _city(
        "almaty",
        "Almaty",
        "KZ",
        EUROPE_CENTRAL_ASIA,
        "43.25654",
        "76.92848",
        2_228_000,
        dt.date(2022, 9, 1),
        "Kazakhstan's largest city, whose winter smog drives a push for clean transport.",
        "Almaty is electrifying its bus fleet and sharing what it learns about winter air "
        "pollution.",
        ["earthquake", "mudflow", "air pollution"],
        [(TRANSPORT, MEMBER)],
    ),
    _city(
        "tashkent",
        "Tashkent",
        "UZ",
        EUROPE_CENTRAL_ASIA,
        "41.26465",
        "69.21627",
        2_956_384,
        dt.date(2023, 4, 3),
        "Uzbekistan's capital, a Silk Road city with busy bazaars.",
        "Tashkent works on cold chains for its bazaars and on heritage routes for visitors.",
        ["earthquake", "heatwave", "drought"],
        [(AGRICULTURE, MEMBER), (TOURISM, MEMBER)],
    ),
    _city(
        "tbilisi",
        "Tbilisi",
        "GE",
        EUROPE_CENTRAL_ASIA,
        "41.69411",
        "44.83368",
        1_202_731,
        dt.date(2023, 4, 3),
        "Georgia's capital, with open data portals and a historic old town.",
        "Tbilisi shares its open data portal and how small shops in the old town sell online.",
        ["earthquake", "flash flood", "landslide"],
        [(DIGITAL, MEMBER), (TOURISM, MEMBER)],
    ),
    _city(
        "bishkek",
        "Bishkek",
        "KG",
        EUROPE_CENTRAL_ASIA,
        "42.87",
        "74.59",
        1_145_000,
        dt.date(2024, 1, 15),
        "Kyrgyzstan's capital, where fresh produce comes down from mountain valleys.",
        "Bishkek learns from Chengdu how cooperatives can supply city markets reliably.",
        ["earthquake", "mudflow", "cold wave"],
        [(AGRICULTURE, MEMBER)],
    ),
]


# --- Programme and pilots ---------------------------------------------------------------------

IMPLEMENTING = "implementing"
SUPPORTING = "supporting"
TECHNICAL = "technical"
COORDINATING = "coordinating"

LEARNING = "learning"
SHARING = "sharing"
HOST = "host"

PROJECTS = [
    {
        "slug": PROGRAMME,
        "kind": "programme",
        "parent": None,
        "title": "UNOSSC Cities Project",
        "summary": (
            "UNOSSC's programme for South-South and triangular cooperation between cities and "
            "local authorities, home of the South-South Cities Clusters."
        ),
        "body": (
            "The Cities Project takes South-South cooperation to the level where people live: "
            "cities and their local authorities.\n\n"
            "It runs the seven thematic **clusters** of this portal, supports city-to-city "
            "**pilots** such as the Tripoli–Shenzhen pilot on disaster risk governance, and "
            "has organized certified online **training series** with UN partners since 2020."
        ),
        "phase": "active",
        "start_date": dt.date(2020, 1, 1),
        "end_date": None,
        "published_at": utc(2020, 6, 1),
        "clusters": list(ALL_CLUSTERS),
        "cities": [],
        "partners": [
            ("unossc", COORDINATING),
            ("undrr-geti", SUPPORTING),
            ("paho-who", SUPPORTING),
            ("who", SUPPORTING),
        ],
        "tags": ["south-south cooperation", "triangular cooperation", "cities"],
        "milestones": [],
        "updates": [],
    },
    {
        "slug": LEBANON_PILOT,
        "kind": "pilot",
        "parent": PROGRAMME,
        "title": (
            "South-South and Triangular Cooperation for Sustainable Disaster Risk Governance "
            "in Lebanon"
        ),
        "summary": (
            "Tripoli's local authorities learn disaster risk governance from Shenzhen, with "
            "UNDP implementing and NDRCC and CNRS contributing technical expertise."
        ),
        "body": (
            "Launched in October 2022 and implemented by **UNDP** with support from the UNOSSC "
            "Cities Project, this pilot pairs **Tripoli** (Lebanon) with **Shenzhen** (China).\n\n"
            "National and local actors take part: the city's authorities, the National "
            "Disaster Reduction Center of China (NDRCC) and Lebanon's National Council for "
            "Scientific Research (CNRS).\n\n"
            "## What the pilot works on\n\n"
            "- how the city organizes itself before, during and after a disaster\n"
            "- risk information that local decision makers can use\n"
            "- exchanges of people, tools and practice between China and Lebanon\n\n"
            "What works in Tripoli is meant to travel: Shenzhen and other Chinese cities plan "
            "to open their practice to more developing countries through training, fellowships "
            "and joint projects."
        ),
        "phase": "active",
        "start_date": dt.date(2022, 10, 1),
        "end_date": None,
        "published_at": utc(2022, 10, 15),
        "clusters": [DRR],
        "cities": [("tripoli-lebanon", LEARNING), ("shenzhen", SHARING)],
        "partners": [
            ("undp", IMPLEMENTING),
            ("unossc", SUPPORTING),
            ("ndrcc", TECHNICAL),
            ("cnrs-lebanon", TECHNICAL),
        ],
        "tags": ["disaster risk governance", "south-south cooperation", "china", "lebanon"],
        "milestones": [
            (
                "Pilot launched",
                "Partners agree the work plan and the Tripoli–Shenzhen pairing.",
                dt.date(2022, 10, 1),
                dt.date(2022, 10, 1),
            ),
            (
                "China–Lebanon capacity-development and knowledge-sharing event",
                "Two days of exchange on technologies and practice, co-hosted by NDRCC.",
                dt.date(2023, 9, 13),
                dt.date(2023, 9, 13),
            ),
            (
                "UNOSSC Director visits NDRCC",
                "The two institutions take stock of the pilot and discuss what comes next.",
                dt.date(2023, 10, 17),
                dt.date(2023, 10, 17),
            ),
            (
                "Open Shenzhen's practice to more developing countries",
                "Training, fellowships and joint projects for cities beyond Tripoli.",
                dt.date(2027, 6, 30),
                None,
            ),
        ],
        "updates": [
            (
                "Tripoli and Shenzhen start working together",
                "The pilot is under way. UNDP leads implementation in Lebanon; NDRCC and CNRS "
                "bring the technical side; the Cities Project connects the two cities.",
                utc(2022, 10, 20),
            ),
            (
                "Two days of China–Lebanon exchange on disaster risk",
                "Officials from Tripoli met Chinese experts to compare early warning, "
                "emergency coordination and preparedness practice. NDRCC co-hosted.",
                utc(2023, 9, 20),
            ),
            (
                "From one pilot to more cities",
                "After the UNOSSC Director's visit to NDRCC, both sides want the lessons of "
                "the pilot to reach more developing countries.",
                utc(2023, 10, 18, 12),
            ),
        ],
    },
    {
        "slug": "city-health-emergency-centres",
        "kind": "pilot",
        "parent": PROGRAMME,
        "title": "City health emergency operations centres",
        "summary": (
            "Colombo showed Dhaka and Lima how a city-run operations centre coordinates "
            "clinics, volunteers and data during an epidemic."
        ),
        "body": (
            "During the pandemic, Colombo's operations centre brought together the health "
            "department, hospitals and neighbourhood volunteers around one daily picture.\n\n"
            "The pilot helped **Dhaka** and **Lima** set up similar centres, adapted to their "
            "size and institutions. It closed in mid-2023 with a shared handbook."
        ),
        "phase": "completed",
        "start_date": dt.date(2021, 4, 1),
        "end_date": dt.date(2023, 6, 30),
        "published_at": utc(2021, 4, 20),
        "clusters": [COVID],
        "cities": [("colombo", SHARING), ("dhaka", LEARNING), ("lima", LEARNING)],
        "partners": [
            ("unossc", COORDINATING),
            ("institute-for-southern-urban-studies", TECHNICAL),
        ],
        "tags": ["health emergencies", "coordination", "data"],
        "milestones": [
            ("Study visit to Colombo", "", dt.date(2021, 9, 15), dt.date(2021, 9, 17)),
            ("Dhaka centre operational", "", dt.date(2022, 3, 31), dt.date(2022, 4, 12)),
            ("Handbook published", "", dt.date(2023, 6, 30), dt.date(2023, 6, 28)),
        ],
        "updates": [
            (
                "Dhaka opens its city health operations centre",
                "Two staff rotations trained in Colombo now run the centre around the clock.",
                utc(2022, 4, 14),
            ),
            (
                "Pilot closes with a shared handbook",
                "The three cities wrote down what they would do again, and what they would not.",
                utc(2023, 7, 3),
            ),
        ],
    },
    {
        "slug": "coastal-flood-early-warning",
        "kind": "pilot",
        "parent": PROGRAMME,
        "title": "Coastal flood early warning for African port cities",
        "summary": (
            "Iloilo City will share its flood warning and river management practice with Dar "
            "es Salaam and Maputo."
        ),
        "body": (
            "Warnings save lives only when they reach people in time and people know what to "
            "do. This pilot links **Iloilo City**'s river and coastal warning practice with two "
            "fast-growing African ports.\n\n"
            "Work starts in March 2027 with a joint risk mapping of the most exposed "
            "neighbourhoods."
        ),
        "phase": "planned",
        "start_date": dt.date(2027, 3, 1),
        "end_date": dt.date(2029, 2, 28),
        "published_at": utc(2026, 9, 15),
        "clusters": [DRR],
        "cities": [("iloilo-city", SHARING), ("dar-es-salaam", LEARNING), ("maputo", LEARNING)],
        "partners": [
            ("unossc", COORDINATING),
            ("institute-for-southern-urban-studies", TECHNICAL),
        ],
        "tags": ["early warning", "flood", "coastal cities"],
        "milestones": [
            ("Kick-off workshop", "", dt.date(2027, 4, 14), None),
            ("Joint risk mapping completed", "", dt.date(2027, 9, 30), None),
        ],
        "updates": [
            (
                "A new pilot for coastal flood warnings",
                "Three cities, two continents, one question: how do you warn a neighbourhood "
                "before the water arrives?",
                utc(2026, 9, 15),
            ),
        ],
    },
    {
        "slug": "living-medinas",
        "kind": "pilot",
        "parent": PROGRAMME,
        "title": "Living medinas: heritage-led revival of old towns",
        "summary": (
            "Tunis shares with Tripoli how craft workshops and careful restoration keep an old "
            "town lived-in and attractive to visitors."
        ),
        "body": (
            "Old towns lose residents when houses decay and shops close. **Tunis** has "
            "restored streets around its medina while keeping artisans in place.\n\n"
            "**Tripoli**'s old souks face the same pressures; the pilot adapts Tunis's rules and "
            "small grants to them."
        ),
        "phase": "active",
        "start_date": dt.date(2024, 3, 1),
        "end_date": None,
        "published_at": utc(2024, 3, 10),
        "clusters": [TOURISM],
        "cities": [("tunis", SHARING), ("tripoli-lebanon", LEARNING)],
        "partners": [
            ("tripoli-municipality", IMPLEMENTING),
            ("unossc", COORDINATING),
            ("institute-for-southern-urban-studies", TECHNICAL),
        ],
        "tags": ["heritage", "old towns", "crafts"],
        "milestones": [
            (
                "Inventory of Tripoli's souk workshops",
                "",
                dt.date(2024, 9, 30),
                dt.date(2024, 10, 8),
            ),
            ("First small grants to artisans", "", dt.date(2025, 6, 30), dt.date(2025, 6, 20)),
            ("Restoration guidelines adopted", "", dt.date(2027, 3, 31), None),
        ],
        "updates": [
            (
                "Twenty workshops mapped in Tripoli's souks",
                "The inventory shows which trades are still practised and which buildings need "
                "urgent repair.",
                utc(2024, 10, 15),
            ),
        ],
    },
    {
        "slug": "urban-farms-to-city-markets",
        "kind": "pilot",
        "parent": PROGRAMME,
        "title": "From urban farms to city markets",
        "summary": (
            "Chengdu's farmer cooperatives show Kampala and Bishkek how to supply city markets "
            "with fresh produce at fair prices."
        ),
        "body": (
            "Around **Chengdu**, cooperatives pool harvests, grade them and deliver to city "
            "markets on a schedule.\n\n"
            "**Kampala** and **Bishkek** are testing the model with a few cooperatives each, "
            "starting with shared cold storage."
        ),
        "phase": "active",
        "start_date": dt.date(2025, 2, 1),
        "end_date": None,
        "published_at": utc(2025, 2, 10),
        "clusters": [AGRICULTURE],
        "cities": [("chengdu", SHARING), ("kampala", LEARNING), ("bishkek", LEARNING)],
        "partners": [
            ("kampala-capital-city-authority", IMPLEMENTING),
            ("unossc", COORDINATING),
            ("institute-for-southern-urban-studies", TECHNICAL),
        ],
        "tags": ["value chains", "cooperatives", "food markets"],
        "milestones": [
            ("Study visit to Chengdu", "", dt.date(2025, 5, 20), dt.date(2025, 5, 23)),
            ("Shared cold store opens in Kampala", "", dt.date(2026, 6, 30), dt.date(2026, 8, 4)),
            ("First season of direct sales reviewed", "", dt.date(2027, 2, 28), None),
        ],
        "updates": [
            (
                "Kampala's first shared cold store is open",
                "Five cooperatives now keep produce fresh for three more days before market.",
                utc(2026, 8, 10),
            ),
        ],
    },
    {
        "slug": "digital-one-stop-city-services",
        "kind": "pilot",
        "parent": PROGRAMME,
        "title": "A digital one-stop shop for city services",
        "summary": ("Kigali helps Lagos and Tunis put permits and payments online in one place."),
        "body": (
            "In **Kigali**, most permits can be requested, tracked and paid online. The pilot "
            "works with **Lagos** and **Tunis** on the first three services each city chooses "
            "to move online, and on the back-office changes that make them work."
        ),
        "phase": "active",
        "start_date": dt.date(2025, 9, 1),
        "end_date": None,
        "published_at": utc(2025, 9, 5),
        "clusters": [DIGITAL],
        "cities": [("kigali", SHARING), ("lagos", LEARNING), ("tunis", LEARNING)],
        "partners": [
            ("unossc", COORDINATING),
            ("institute-for-southern-urban-studies", TECHNICAL),
        ],
        "tags": ["e-government", "permits", "digital services"],
        "milestones": [
            ("Design sprint in Kigali", "", dt.date(2025, 9, 25), dt.date(2025, 9, 25)),
            ("First services online in Lagos and Tunis", "", dt.date(2027, 1, 31), None),
        ],
        "updates": [
            (
                "Design sprint picks the first six services",
                "Business permits and market stall licences come first in both cities.",
                utc(2025, 10, 2),
            ),
        ],
    },
    {
        "slug": "bus-rapid-transit-clean-air",
        "kind": "pilot",
        "parent": PROGRAMME,
        "title": "Bus rapid transit and clean air",
        "summary": (
            "Curitiba shared its bus rapid transit know-how with Addis Ababa and Pune, paired "
            "with low-cost air quality monitoring."
        ),
        "body": (
            "**Curitiba** built the first bus rapid transit system in the 1970s. In this pilot "
            "its planners worked with **Addis Ababa** and **Pune** on corridor design, "
            "and each city installed low-cost sensors to see the effect on air quality."
        ),
        "phase": "completed",
        "start_date": dt.date(2022, 1, 15),
        "end_date": dt.date(2024, 12, 20),
        "published_at": utc(2022, 2, 1),
        "clusters": [TRANSPORT],
        "cities": [("curitiba", SHARING), ("addis-ababa", LEARNING), ("pune", LEARNING)],
        "partners": [
            ("unossc", COORDINATING),
            ("institute-for-southern-urban-studies", TECHNICAL),
        ],
        "tags": ["bus rapid transit", "air quality", "sensors"],
        "milestones": [
            ("Corridor design reviewed", "", dt.date(2022, 9, 30), dt.date(2022, 10, 5)),
            ("Sensor networks online", "", dt.date(2023, 6, 30), dt.date(2023, 6, 14)),
            ("Final results shared", "", dt.date(2024, 12, 20), dt.date(2024, 12, 18)),
        ],
        "updates": [
            (
                "Sixty sensors now report air quality in Addis Ababa and Pune",
                "Readings are published every hour and compared with the reference stations.",
                utc(2023, 6, 20),
            ),
            (
                "Pilot results: what changed along the new corridors",
                "Travel times fell and roadside particulate levels dropped on the busiest "
                "stretches.",
                utc(2024, 12, 19),
            ),
        ],
    },
    {
        "slug": "community-waste-banks",
        "kind": "pilot",
        "parent": PROGRAMME,
        "title": "Community waste banks",
        "summary": (
            "Surabaya's neighbourhood waste banks, where sorted waste becomes savings, are "
            "being adapted in Accra and Suva."
        ),
        "body": (
            "In **Surabaya**, residents bring sorted recyclables to a neighbourhood waste bank "
            "and are credited for them. **Accra** and **Suva** have each opened pilot banks "
            "with community groups; Surabaya hosts the yearly review."
        ),
        "phase": "active",
        "start_date": dt.date(2024, 7, 1),
        "end_date": None,
        "published_at": utc(2024, 7, 8),
        "clusters": [WASTE],
        "cities": [("surabaya", HOST), ("accra", LEARNING), ("suva", LEARNING)],
        "partners": [
            ("urban-resilience-action-network", IMPLEMENTING),
            ("greenloop-circular-solutions", TECHNICAL),
            ("unossc", COORDINATING),
        ],
        "tags": ["recycling", "waste banks", "circular economy"],
        "milestones": [
            (
                "First waste banks open in Accra and Suva",
                "",
                dt.date(2025, 3, 31),
                dt.date(2025, 4, 7),
            ),
            ("Yearly review in Surabaya", "", dt.date(2026, 12, 15), None),
        ],
        "updates": [
            (
                "Accra and Suva open their first waste banks",
                "Eight neighbourhood banks now take plastic, paper and metal.",
                utc(2025, 4, 10),
            ),
        ],
    },
]


# --- Training series and events ---------------------------------------------------------------

ORGANIZER = "organizer"
CO_HOST = "co_host"
TECHNICAL_PARTNER = "technical"

TRAINING_ORGANIZERS = ["unossc", "undrr-geti", "paho-who", "who"]

TRAINING_SERIES = [
    {
        "slug": "resilient-cities-training-2020",
        "title": "Cities facing COVID-19: South-South learning for health emergencies",
        "summary": (
            "The first certified online series of the Cities Project, run as the pandemic "
            "reached cities of the Global South."
        ),
        "description": (
            "City officials compared how they kept services running, protected health workers "
            "and reached vulnerable neighbourhoods in the first months of the pandemic.\n\n"
            "Organized jointly by UNOSSC, UNDRR-GETI, PAHO/WHO and WHO. Attend **two of the "
            "three** sessions to receive a certificate."
        ),
        "clusters": [COVID, DRR],
        "organizers": TRAINING_ORGANIZERS,
        "is_certified": True,
        "sessions_required_for_certificate": 2,
        "start_year": 2020,
        "end_year": 2020,
        "published_at": utc(2020, 8, 20),
        "time_zone": "UTC",
        "languages": ["en"],
        "sessions": [
            (dt.date(2020, 9, 16), "Keeping city services running during lockdowns"),
            (dt.date(2020, 9, 30), "Protecting informal settlements and their residents"),
            (dt.date(2020, 10, 14), "Risk communication that people trust"),
        ],
    },
    {
        "slug": "resilient-cities-training-2021",
        "title": "Recovering better: health and disaster risk in cities",
        "summary": "A certified online series on joining health emergency and disaster planning.",
        "description": (
            "The second series asked how cities can plan once for epidemics, floods and "
            "earthquakes instead of three times.\n\n"
            "Organized jointly by UNOSSC, UNDRR-GETI, PAHO/WHO and WHO. Attend **three of the "
            "four** sessions to receive a certificate."
        ),
        "clusters": [DRR, COVID],
        "organizers": TRAINING_ORGANIZERS,
        "is_certified": True,
        "sessions_required_for_certificate": 3,
        "start_year": 2021,
        "end_year": 2021,
        "published_at": utc(2021, 5, 3),
        "time_zone": "America/New_York",
        "languages": ["en", "es"],
        "sessions": [
            (dt.date(2021, 6, 9), "One plan for many hazards"),
            (dt.date(2021, 6, 23), "Hospitals and clinics that stay open"),
            (dt.date(2021, 7, 7), "Financing local recovery"),
            (dt.date(2021, 7, 21), "Learning from the Americas"),
        ],
    },
    {
        "slug": "resilient-cities-training-2022",
        "title": "South-South and triangular cooperation for resilient cities",
        "summary": "A certified online series on how cities learn from each other on resilience.",
        "description": (
            "Cities that had worked together presented what their partnerships produced, and "
            "what made them last.\n\n"
            "Organized jointly by UNOSSC, UNDRR-GETI, PAHO/WHO and WHO. Attend **two of the "
            "three** sessions to receive a certificate."
        ),
        "clusters": [DRR, COVID],
        "organizers": TRAINING_ORGANIZERS,
        "is_certified": True,
        "sessions_required_for_certificate": 2,
        "start_year": 2022,
        "end_year": 2022,
        "published_at": utc(2022, 4, 25),
        "time_zone": "Asia/Seoul",
        "languages": ["en"],
        "sessions": [
            (dt.date(2022, 5, 18), "What makes a city-to-city partnership work"),
            (dt.date(2022, 6, 1), "Scorecards for local resilience"),
            (dt.date(2022, 6, 15), "Bringing health into local resilience plans"),
        ],
    },
    {
        "slug": "resilient-cities-training-2023",
        "title": "From preparedness to recovery: integrated risk management for cities",
        "summary": (
            "The fourth certified online series, on managing disaster and health risks "
            "together from preparedness to recovery."
        ),
        "description": (
            "The last series of the 2020–2023 cycle followed a crisis from first warning to "
            "recovery, with city officials presenting their own cases.\n\n"
            "Organized jointly by UNOSSC, UNDRR-GETI, PAHO/WHO and WHO. Attend **three of the "
            "four** sessions to receive a certificate."
        ),
        "clusters": [DRR, COVID],
        "organizers": TRAINING_ORGANIZERS,
        "is_certified": True,
        "sessions_required_for_certificate": 3,
        "start_year": 2023,
        "end_year": 2023,
        "published_at": utc(2023, 4, 10),
        "time_zone": "Europe/Zurich",
        "languages": ["en", "fr"],
        "sessions": [
            (dt.date(2023, 5, 10), "Early warning that reaches the last mile"),
            (dt.date(2023, 5, 24), "Emergency operations at city level"),
            (dt.date(2023, 6, 7), "Health systems under multiple hazards"),
            (dt.date(2023, 6, 21), "Recovery plans that reduce future risk"),
        ],
    },
    # Illustrative: an upcoming series so the registration pages have something to offer.
    {
        "slug": "cities-clusters-learning-series-2027",
        "title": "Cities Clusters learning series 2027: heat, floods and health",
        "summary": "Three online sessions on how cities prepare for hotter, wetter years.",
        "description": (
            "Short, practical sessions led by cities of the clusters. Attend **two of the "
            "three** sessions and share your city's action plan with the trainers to receive a "
            "certificate."
        ),
        "clusters": [DRR, COVID],
        "organizers": ["unossc"],
        "is_certified": True,
        "sessions_required_for_certificate": 2,
        # Illustrative, like the series: the seed says nothing of end-of-course requirements,
        # so none is attributed to the real 2020-2023 series.
        "final_requirement": (
            "Submit a heat or flood action plan for your city, reviewed by the trainers"
        ),
        "start_year": 2027,
        "end_year": 2027,
        "published_at": utc(2026, 11, 2),
        "time_zone": "UTC",
        "languages": ["en", "fr", "es"],
        "sessions": [
            (dt.date(2027, 2, 24), "Heat action plans for city neighbourhoods"),
            (dt.date(2027, 3, 24), "Flash floods: warning, evacuating, returning"),
            (dt.date(2027, 4, 28), "Keeping clinics running in extreme weather"),
        ],
    },
]


def session_slug(series_slug: str, number: int) -> str:
    return f"{series_slug}-session-{number}"


def session_slugs() -> list[str]:
    return [
        session_slug(series["slug"], number)
        for series in TRAINING_SERIES
        for number in range(1, len(series["sessions"]) + 1)
    ]


# Sessions are two hours from 13:00 in the series' time zone: a slot that suits most regions.
SESSION_START_HOUR = 13
SESSION_HOURS = 2


def _window(opens: dt.datetime, closes: dt.datetime) -> dict:
    return {"registration_opens_at": opens, "registration_closes_at": closes}


EVENTS = [
    {
        "slug": SEPTEMBER_2023_EVENT,
        "title": "China–Lebanon knowledge sharing on disaster risk governance",
        "kind": "capacity_development",
        "format": "hybrid",
        "summary": (
            "Two days of exchange between Chinese and Lebanese experts and Tripoli's local "
            "authorities on disaster risk reduction, co-hosted by NDRCC."
        ),
        "description": (
            "A capacity-development and knowledge-sharing event of the Tripoli–Shenzhen pilot. "
            "Chinese specialists presented technologies and practice in early warning, "
            "emergency coordination and preparedness; Tripoli's authorities worked on how to "
            "apply them to the risks their city faces.\n\n"
            "Co-hosted by the National Disaster Reduction Center of China with UNOSSC and UNDP."
        ),
        "starts_at": local("Asia/Shanghai", 2023, 9, 12, 9),
        "ends_at": local("Asia/Shanghai", 2023, 9, 13, 17),
        "time_zone": "Asia/Shanghai",
        "city": None,
        "venue": "China, with participants joining online from Lebanon",
        "online_url": "",
        "cohosts": [("ndrcc", CO_HOST), ("unossc", CO_HOST), ("undp", ORGANIZER)],
        "clusters": [DRR],
        "projects": [LEBANON_PILOT],
        "capacity": 60,
        **_window(utc(2023, 8, 1), utc(2023, 9, 8)),
        "languages": ["en", "ar", "zh-hans"],
        "published_at": utc(2023, 8, 1),
    },
    # Illustrative: what the September 2023 event asked for next.
    {
        "slug": FOLLOW_UP_TRAINING,
        "title": "Follow-up training: early warning and emergency operations for city teams",
        "kind": "training_session",
        "format": "online",
        "summary": (
            "Three half-days that take up where the China–Lebanon exchange of September 2023 "
            "stopped: warning the last street, and running the city's emergency room."
        ),
        "description": (
            "Participants of the 2023 knowledge-sharing event asked for practice, not more "
            "presentations. NDRCC trainers walk city teams through an early-warning chain from "
            "forecast to siren, then through a simulated night in an emergency operations "
            "centre.\n\nOpen to officials of every member city; Arabic and Chinese "
            "interpretation."
        ),
        "starts_at": local("Asia/Shanghai", 2027, 3, 9, 15),
        "ends_at": local("Asia/Shanghai", 2027, 3, 11, 18),
        "time_zone": "Asia/Shanghai",
        "city": None,
        "venue": "",
        "online_url": "https://events.example.org/early-warning-follow-up",
        "cohosts": [("ndrcc", ORGANIZER), ("unossc", CO_HOST)],
        "clusters": [DRR],
        "projects": [LEBANON_PILOT],
        "capacity": 80,
        **_window(utc(2026, 11, 20), utc(2027, 3, 5)),
        "languages": ["en", "ar", "zh-hans"],
        "published_at": utc(2026, 11, 20),
    },
    # Past, illustrative
    {
        "slug": "community-health-workers-informal-settlements-2024",
        "title": "Community health workers in informal settlements",
        "kind": "webinar",
        "format": "online",
        "summary": "Dakar and Havana on reaching every household when clinics are far away.",
        "description": "Speakers from **Dakar** and **Havana**, with questions from the cluster.",
        "starts_at": local("Africa/Dakar", 2024, 5, 15, 14),
        "ends_at": local("Africa/Dakar", 2024, 5, 15, 15, 30),
        "time_zone": "Africa/Dakar",
        "city": "dakar",
        "venue": "",
        "online_url": "https://events.example.org/chw-informal-settlements",
        "cohosts": [("unossc", ORGANIZER)],
        "clusters": [COVID],
        "projects": [],
        "capacity": 500,
        **_window(utc(2024, 4, 15), utc(2024, 5, 15, 12)),
        "languages": ["fr", "en"],
        "published_at": utc(2024, 4, 15),
    },
    {
        "slug": "coastal-heritage-carrying-capacity-2024",
        "title": "Coastal heritage and how many visitors it can take",
        "kind": "workshop",
        "format": "in_person",
        "summary": "A workshop in Da Nang on visitor limits, zoning and income for residents.",
        "description": (
            "Site visits along the coast in the morning, working groups in the afternoon."
        ),
        "starts_at": local("Asia/Ho_Chi_Minh", 2024, 10, 9, 9),
        "ends_at": local("Asia/Ho_Chi_Minh", 2024, 10, 10, 16),
        "time_zone": "Asia/Ho_Chi_Minh",
        "city": "da-nang",
        "venue": "Da Nang city conference centre",
        "online_url": "",
        "cohosts": [
            ("unossc", ORGANIZER),
            ("institute-for-southern-urban-studies", TECHNICAL_PARTNER),
        ],
        "clusters": [TOURISM],
        "projects": [],
        "capacity": 45,
        **_window(utc(2024, 8, 15), utc(2024, 9, 25)),
        "languages": ["en", "vi"],
        "published_at": utc(2024, 8, 15),
    },
    {
        "slug": "short-food-supply-chains-2025",
        "title": "Short food supply chains from peri-urban farms",
        "kind": "webinar",
        "format": "online",
        "summary": "Chengdu's cooperatives explain how they deliver to city markets every day.",
        "description": "A first look at the model behind the *From urban farms to city markets* pilot.",
        "starts_at": local("Asia/Shanghai", 2025, 3, 26, 15),
        "ends_at": local("Asia/Shanghai", 2025, 3, 26, 16, 30),
        "time_zone": "Asia/Shanghai",
        "city": "chengdu",
        "venue": "",
        "online_url": "https://events.example.org/short-supply-chains",
        "cohosts": [("unossc", ORGANIZER)],
        "clusters": [AGRICULTURE],
        "projects": ["urban-farms-to-city-markets"],
        "capacity": None,
        **_window(utc(2025, 3, 1), utc(2025, 3, 26, 6)),
        "languages": ["en", "zh-hans"],
        "published_at": utc(2025, 3, 1),
    },
    {
        "slug": "medellin-cable-cars-field-visit-2025",
        "title": "Field visit: cable cars and inclusive mobility in Medellín",
        "kind": "field_visit",
        "format": "in_person",
        "summary": "Ride the Metrocable lines and meet the planners who connected the hillsides.",
        "description": "A day on the network with transport and social planners.",
        "starts_at": local("America/Bogota", 2025, 6, 17, 8),
        "ends_at": local("America/Bogota", 2025, 6, 17, 17),
        "time_zone": "America/Bogota",
        "city": "medellin",
        "venue": "Metro de Medellín, San Javier station",
        "online_url": "",
        "cohosts": [("unossc", ORGANIZER)],
        "clusters": [TRANSPORT],
        "projects": [],
        "capacity": 25,
        **_window(utc(2025, 4, 1), utc(2025, 6, 1)),
        "languages": ["es", "en"],
        "published_at": utc(2025, 4, 1),
    },
    {
        "slug": "digital-one-stop-shop-design-sprint-2025",
        "title": "Design sprint: a digital one-stop shop for city services",
        "kind": "workshop",
        "format": "hybrid",
        "summary": "Lagos and Tunis teams pick their first services to move online, with Kigali.",
        "description": "Opening day of the digital one-stop-shop pilot.",
        "starts_at": local("Africa/Kigali", 2025, 9, 24, 9),
        "ends_at": local("Africa/Kigali", 2025, 9, 25, 17),
        "time_zone": "Africa/Kigali",
        "city": "kigali",
        "venue": "Kigali City Hall",
        "online_url": "https://events.example.org/one-stop-shop-sprint",
        "cohosts": [
            ("unossc", ORGANIZER),
            ("institute-for-southern-urban-studies", TECHNICAL_PARTNER),
        ],
        "clusters": [DIGITAL],
        "projects": ["digital-one-stop-city-services"],
        "capacity": 40,
        **_window(utc(2025, 8, 1), utc(2025, 9, 15)),
        "languages": ["en", "fr"],
        "published_at": utc(2025, 8, 1),
    },
    {
        "slug": "waste-pickers-in-city-systems-2026",
        "title": "Waste pickers in city systems",
        "kind": "webinar",
        "format": "online",
        "summary": "How Accra and other cities contract informal collectors and what it changed.",
        "description": "With representatives of waste pickers' associations.",
        "starts_at": local("Africa/Accra", 2026, 4, 22, 14),
        "ends_at": local("Africa/Accra", 2026, 4, 22, 15, 30),
        "time_zone": "Africa/Accra",
        "city": "accra",
        "venue": "",
        "online_url": "https://events.example.org/waste-pickers",
        "cohosts": [("unossc", ORGANIZER), ("urban-resilience-action-network", CO_HOST)],
        "clusters": [WASTE],
        "projects": [],
        "capacity": 300,
        **_window(utc(2026, 3, 20), utc(2026, 4, 22, 12)),
        "languages": ["en"],
        "published_at": utc(2026, 3, 20),
    },
    {
        "slug": "earthquake-preparedness-heritage-cities-2026",
        "title": "Earthquake preparedness for heritage cities",
        "kind": "conference",
        "format": "hybrid",
        "summary": "Kathmandu hosts cities that must protect both people and monuments.",
        "description": "Two days on retrofitting, drills and rebuilding heritage after earthquakes.",
        "starts_at": local("Asia/Kathmandu", 2026, 10, 14, 9),
        "ends_at": local("Asia/Kathmandu", 2026, 10, 15, 17),
        "time_zone": "Asia/Kathmandu",
        "city": "kathmandu",
        "venue": "Kathmandu, Patan Durbar Square area",
        "online_url": "https://events.example.org/heritage-earthquakes",
        "cohosts": [("unossc", ORGANIZER)],
        "clusters": [DRR, TOURISM],
        "projects": [],
        "capacity": 150,
        **_window(utc(2026, 8, 1), utc(2026, 10, 7)),
        "languages": ["en", "ne"],
        "published_at": utc(2026, 8, 1),
    },
    # Upcoming, illustrative
    {
        "slug": "city-heat-health-action-plans-2026",
        "title": "Heat and health: early-action plans for cities",
        "kind": "webinar",
        "format": "online",
        "summary": "Colombo and Amman on warning residents and adapting clinics before a heatwave.",
        "description": "Bring your city's plan: the second half is a clinic on real cases.",
        "starts_at": local("Asia/Colombo", 2026, 12, 8, 15),
        "ends_at": local("Asia/Colombo", 2026, 12, 8, 16, 30),
        "time_zone": "Asia/Colombo",
        "city": None,
        "venue": "",
        "online_url": "https://events.example.org/heat-health",
        "cohosts": [("unossc", ORGANIZER)],
        "clusters": [COVID],
        "projects": [],
        "capacity": 300,
        **_window(utc(2026, 11, 1), utc(2026, 12, 7)),
        "languages": ["en"],
        "published_at": utc(2026, 11, 1),
    },
    {
        "slug": "waste-banks-review-surabaya-2026",
        "title": "Community waste banks: yearly review in Surabaya",
        "kind": "workshop",
        "format": "in_person",
        "summary": "Accra and Suva report on their first banks; Surabaya shows what comes next.",
        "description": "Includes a visit to two neighbourhood waste banks.",
        "starts_at": local("Asia/Jakarta", 2026, 12, 15, 9),
        "ends_at": local("Asia/Jakarta", 2026, 12, 16, 16),
        "time_zone": "Asia/Jakarta",
        "city": "surabaya",
        "venue": "Surabaya city hall",
        "online_url": "",
        "cohosts": [
            ("unossc", ORGANIZER),
            ("greenloop-circular-solutions", CO_HOST),
            ("urban-resilience-action-network", TECHNICAL_PARTNER),
        ],
        "clusters": [WASTE],
        "projects": ["community-waste-banks"],
        "capacity": 40,
        **_window(utc(2026, 10, 15), utc(2026, 12, 5)),
        "languages": ["en", "id"],
        "published_at": utc(2026, 10, 15),
    },
    {
        "slug": "open-data-for-city-services-2027",
        "title": "Open data for city services",
        "kind": "webinar",
        "format": "online",
        "summary": "Tbilisi and Kigali on publishing city data people actually use.",
        "description": "What to publish first, in which format, and how to keep it current.",
        "starts_at": local("Africa/Kigali", 2027, 1, 20, 14),
        "ends_at": local("Africa/Kigali", 2027, 1, 20, 15, 30),
        "time_zone": "Africa/Kigali",
        "city": None,
        "venue": "",
        "online_url": "https://events.example.org/open-data",
        "cohosts": [("unossc", ORGANIZER)],
        "clusters": [DIGITAL],
        "projects": [],
        "capacity": None,
        **_window(utc(2026, 11, 20), utc(2027, 1, 19)),
        "languages": ["en", "fr"],
        "published_at": utc(2026, 11, 20),
    },
    {
        "slug": "living-heritage-forum-tunis-2027",
        "title": "Living heritage forum",
        "kind": "conference",
        "format": "hybrid",
        "summary": "Old towns that stay lived-in: crafts, housing and visitors, in the Tunis medina.",
        "description": "Hosted in the medina with sessions streamed for the whole cluster.",
        "starts_at": local("Africa/Tunis", 2027, 2, 10, 9),
        "ends_at": local("Africa/Tunis", 2027, 2, 11, 17),
        "time_zone": "Africa/Tunis",
        "city": "tunis",
        "venue": "Medina of Tunis",
        "online_url": "https://events.example.org/living-heritage",
        "cohosts": [("unossc", ORGANIZER), ("tripoli-municipality", CO_HOST)],
        "clusters": [TOURISM],
        "projects": ["living-medinas"],
        "capacity": 120,
        **_window(utc(2026, 11, 15), utc(2027, 2, 1)),
        "languages": ["ar", "fr", "en"],
        "published_at": utc(2026, 11, 15),
    },
    {
        "slug": "curitiba-brt-field-visit-2027",
        "title": "Field visit: Curitiba's bus rapid transit",
        "kind": "field_visit",
        "format": "in_person",
        "summary": "See the tube stations, the control centre and the newest electric buses.",
        "description": "For transport planners of cluster cities; places are limited.",
        "starts_at": local("America/Sao_Paulo", 2027, 3, 3, 8),
        "ends_at": local("America/Sao_Paulo", 2027, 3, 3, 18),
        "time_zone": "America/Sao_Paulo",
        "city": "curitiba",
        "venue": "Curitiba, Rua XV de Novembro",
        "online_url": "",
        "cohosts": [("unossc", ORGANIZER)],
        "clusters": [TRANSPORT],
        "projects": [],
        "capacity": 25,
        **_window(utc(2026, 11, 10), utc(2027, 2, 1)),
        "languages": ["pt", "es", "en"],
        "published_at": utc(2026, 11, 10),
    },
    {
        "slug": "cooperatives-and-cold-chains-kampala-2027",
        "title": "Cooperatives and cold chains",
        "kind": "workshop",
        "format": "hybrid",
        "summary": "Kampala shares its first season of direct sales; Chengdu comments.",
        "description": "Morning at the shared cold store, afternoon in working groups.",
        "starts_at": local("Africa/Kampala", 2027, 3, 18, 9),
        "ends_at": local("Africa/Kampala", 2027, 3, 18, 17),
        "time_zone": "Africa/Kampala",
        "city": "kampala",
        "venue": "Kampala, Nakasero market",
        "online_url": "https://events.example.org/cold-chains",
        "cohosts": [("kampala-capital-city-authority", CO_HOST), ("unossc", ORGANIZER)],
        "clusters": [AGRICULTURE],
        "projects": ["urban-farms-to-city-markets"],
        "capacity": 60,
        **_window(utc(2026, 11, 25), utc(2027, 3, 10)),
        "languages": ["en"],
        "published_at": utc(2026, 11, 25),
    },
    {
        "slug": "coastal-flood-early-warning-kickoff-2027",
        "title": "Coastal flood early warning: kick-off",
        "kind": "capacity_development",
        "format": "hybrid",
        "summary": "Iloilo City, Dar es Salaam and Maputo start their joint work on flood warnings.",
        "description": "Opening workshop of the coastal flood early-warning pilot.",
        "starts_at": local("Africa/Dar_es_Salaam", 2027, 4, 14, 9),
        "ends_at": local("Africa/Dar_es_Salaam", 2027, 4, 15, 16),
        "time_zone": "Africa/Dar_es_Salaam",
        "city": "dar-es-salaam",
        "venue": "Dar es Salaam city council",
        "online_url": "https://events.example.org/flood-warning-kickoff",
        "cohosts": [
            ("unossc", ORGANIZER),
            ("institute-for-southern-urban-studies", TECHNICAL_PARTNER),
        ],
        "clusters": [DRR],
        "projects": ["coastal-flood-early-warning"],
        "capacity": 50,
        **_window(utc(2026, 11, 20), utc(2027, 4, 1)),
        "languages": ["en", "sw", "pt"],
        "published_at": utc(2026, 11, 20),
    },
    {
        "slug": "clean-air-and-health-2027",
        "title": "Clean air and health",
        "kind": "webinar",
        "format": "online",
        "summary": "Mexico City's air monitoring network and the health case for cleaner buses.",
        "description": "Joint session of the transport and public health clusters.",
        "starts_at": local("America/Mexico_City", 2027, 5, 12, 10),
        "ends_at": local("America/Mexico_City", 2027, 5, 12, 11, 30),
        "time_zone": "America/Mexico_City",
        "city": None,
        "venue": "",
        "online_url": "https://events.example.org/clean-air-health",
        "cohosts": [("unossc", ORGANIZER)],
        "clusters": [TRANSPORT, COVID],
        "projects": [],
        "capacity": 500,
        **_window(utc(2026, 11, 25), utc(2027, 5, 11)),
        "languages": ["es", "en"],
        "published_at": utc(2026, 11, 25),
    },
    {
        "slug": "south-south-cities-forum-2027",
        "title": "South-South Cities Forum 2027",
        "kind": "conference",
        "format": "hybrid",
        "summary": "The seven clusters meet in Nairobi to review their pilots and plan the next.",
        "description": (
            "Three days, one track per cluster in the afternoons, and a marketplace where "
            "cities and partners propose new pilots."
        ),
        "starts_at": local("Africa/Nairobi", 2027, 6, 8, 9),
        "ends_at": local("Africa/Nairobi", 2027, 6, 10, 17),
        "time_zone": "Africa/Nairobi",
        "city": "nairobi",
        "venue": "Nairobi, UN complex in Gigiri",
        "online_url": "https://events.example.org/cities-forum-2027",
        "cohosts": [("unossc", ORGANIZER), ("urban-resilience-action-network", CO_HOST)],
        "clusters": list(ALL_CLUSTERS),
        "projects": [],
        "capacity": 400,
        **_window(utc(2026, 11, 25), utc(2027, 5, 31)),
        "languages": ["en", "fr", "ar", "es"],
        "published_at": utc(2026, 11, 25),
    },
]


# --- Knowledge resources ----------------------------------------------------------------------


def _resource(slug, kind, title, summary, body, published_at, clusters, **links):
    return {
        "slug": slug,
        "kind": kind,
        "title": title,
        "summary": summary,
        "body": body,
        "published_at": published_at,
        "clusters": clusters,
        "cities": links.get("cities", []),
        "organizations": links.get("organizations", []),
        "projects": links.get("projects", []),
        "tags": links.get("tags", []),
        "language": links.get("language", "en"),
        "external_url": links.get("external_url", ""),
        "status": links.get("status", "published"),
    }


RESOURCES = [
    _resource(
        NDRCC_VISIT_NEWS,
        "news",
        "UNOSSC Director meets NDRCC in China on disaster risk cooperation",
        (
            "On 17 October 2023 Ms. Dima Al-Khatib, Director of UNOSSC, went to the National "
            "Disaster Reduction Center of China and met its Head, Mr. WEI Zhenkuan."
        ),
        "During a mission to China on **17 October 2023**, the Director of the UN Office for "
        "South-South Cooperation, Ms. Dima Al-Khatib, visited the National Disaster Reduction "
        "Center of China (NDRCC), where she met its Head, Mr. WEI Zhenkuan.\n\n"
        "The talks were about working more closely together on disaster risk reduction "
        "through South-South and triangular cooperation. Ms. Al-Khatib presented what UNOSSC "
        "does at global, regional and national level, including the Cities Project, whose "
        "four certified online training series (2020–2023) were run with UNDRR-GETI, PAHO/WHO "
        "and WHO.\n\n"
        "Both sides looked at the Lebanon pilot, launched in October 2022 and implemented by "
        "UNDP, which links Tripoli's local authorities with Shenzhen and draws on NDRCC and "
        "Lebanon's CNRS for technical expertise. NDRCC had co-hosted a two-day China–Lebanon "
        "capacity-development event the month before.\n\n"
        "**Next:** the experience of Shenzhen and other Chinese cities is to be offered to "
        "more developing countries, through training, fellowships and joint projects.",
        utc(2023, 10, 18, 9),
        [DRR],
        cities=["tripoli-lebanon", "shenzhen"],
        organizations=["unossc", "ndrcc"],
        projects=[LEBANON_PILOT],
        tags=["disaster risk reduction", "south-south cooperation", "china", "lebanon"],
    ),
    # Disaster risk reduction
    _resource(
        "tripoli-shenzhen-pilot-case-study",
        "case_study",
        "Tripoli and Shenzhen: anatomy of a city-to-city pilot",
        "Who does what in the Lebanon disaster risk governance pilot, and why it is set up so.",
        "## The partners\n\n"
        "- **Tripoli** learns; **Shenzhen** shares\n"
        "- **UNDP** implements in Lebanon, with support from the **UNOSSC** Cities Project\n"
        "- **NDRCC** and **CNRS** bring technical expertise\n\n"
        "## Lessons so far\n\n"
        "National and local levels need to sit at the same table: the city acts, but the "
        "national agencies hold much of the data and the mandates.",
        utc(2024, 2, 5),
        [DRR],
        cities=["tripoli-lebanon", "shenzhen"],
        organizations=["undp", "unossc", "ndrcc", "cnrs-lebanon"],
        projects=[LEBANON_PILOT],
        tags=["disaster risk governance", "city-to-city", "case study"],
    ),
    _resource(
        "flash-flood-warning-message-templates",
        "toolkit",
        "Flash flood warning messages: templates for cities",
        "Short, tested wording for text messages, radio and loudspeakers, in three alert levels.",
        "Each template says **what** is coming, **where**, **when** and **what to do now**. "
        "Adapt the place names and keep messages under 160 characters.",
        utc(2025, 11, 3),
        [DRR],
        cities=["colombo", "dar-es-salaam"],
        tags=["early warning", "flood", "communication"],
    ),
    _resource(
        "kathmandu-school-earthquake-drills",
        "good_practice",
        "School earthquake drills in Kathmandu",
        "Twice-yearly drills, safe-spot maps and retrofitted classrooms.",
        "Since 2015 every public school holds two drills a year. Children practise *drop, "
        "cover and hold* and walk to a mapped open space; parents know where to collect them.",
        utc(2025, 4, 25),
        [DRR],
        cities=["kathmandu"],
        tags=["earthquake", "schools", "preparedness"],
    ),
    _resource(
        "resilient-cities-training-2020-2023-report",
        "report",
        "Four years of training for resilient cities, 2020–2023",
        "What the four certified online series covered and who took part.",
        "A summary of the sessions, speakers and participating cities of the training "
        "series that UNOSSC, UNDRR-GETI, PAHO/WHO and WHO organized together.",
        utc(2024, 1, 22),
        [DRR, COVID],
        organizations=["unossc", "undrr-geti", "paho-who", "who"],
        tags=["training", "resilience", "health emergencies"],
    ),
    # COVID-19 response and public health
    _resource(
        "havana-neighbourhood-health-volunteers",
        "good_practice",
        "Neighbourhood health volunteers",
        "Family doctors and volunteers who check on every household during an epidemic.",
        "Students and volunteers visit homes daily in pairs, report symptoms to the family "
        "doctor and bring medicines to people who cannot go out.",
        utc(2021, 2, 15),
        [COVID],
        cities=["havana"],
        tags=["primary health care", "volunteers"],
    ),
    _resource(
        "colombo-health-operations-centre",
        "case_study",
        "Running a city health operations centre",
        "How Colombo coordinated clinics, hospitals and volunteers from one room.",
        "One daily briefing, one shared map, one phone number. The case study follows the "
        "centre through its first hundred days.",
        utc(2022, 9, 12),
        [COVID],
        cities=["colombo", "dhaka", "lima"],
        projects=["city-health-emergency-centres"],
        tags=["health emergencies", "coordination"],
    ),
    _resource(
        "safe-markets-during-outbreaks",
        "toolkit",
        "Keeping markets open safely during an outbreak",
        "A checklist for market managers: layout, water points, hours and communication.",
        "- One-way aisles and wider spacing\n- Hand-washing points at every entrance\n"
        "- Staggered opening hours for older shoppers\n- Clear signs in local languages",
        utc(2021, 6, 1),
        [COVID, AGRICULTURE],
        cities=["lima", "dakar"],
        tags=["markets", "public health", "checklist"],
    ),
    _resource(
        "community-health-workers-webinar-recording",
        "video",
        "Community health workers in informal settlements (recording)",
        "The full recording of the May 2024 webinar with Dakar and Havana.",
        "Ninety minutes, with French and English audio.",
        utc(2024, 5, 20),
        [COVID],
        cities=["dakar", "havana"],
        tags=["community health", "webinar"],
        external_url="https://media.example.org/chw-informal-settlements",
    ),
    # Sustainable tourism, heritage protection and creative economy
    _resource(
        "tunis-medina-craft-workshops",
        "good_practice",
        "Keeping craft workshops in the medina",
        "Low rents and small repair grants that keep artisans working in the old town.",
        "The city rents restored ground floors to artisans below market price, on condition "
        "that the workshop stays open to visitors.",
        utc(2024, 6, 3),
        [TOURISM],
        cities=["tunis"],
        projects=["living-medinas"],
        tags=["heritage", "crafts", "old towns"],
        language="fr",
    ),
    _resource(
        "da-nang-visitor-limits",
        "case_study",
        "Managing visitor numbers on a fragile coast",
        "Da Nang's zoning and booking rules for its most visited beaches and islands.",
        "Daily caps, timed entry and a share of fees paid to the fishing villages nearby.",
        utc(2024, 11, 4),
        [TOURISM],
        cities=["da-nang"],
        tags=["tourism", "carrying capacity", "coast"],
    ),
    _resource(
        "creative-economy-jobs-report",
        "report",
        "Creative jobs after the pandemic: ten city profiles",
        "How music, crafts, design and food businesses recovered in ten cluster cities.",
        "Profiles of Dakar, Havana, Kingston, Tunis, Quito and five more, with the support "
        "measures each city used.",
        utc(2025, 7, 14),
        [TOURISM],
        cities=["dakar", "havana", "kingston", "tunis", "quito"],
        tags=["creative economy", "jobs", "recovery"],
    ),
    _resource(
        "tripoli-old-souks-video",
        "video",
        "Walking the old souks of Tripoli",
        "A short film on the trades and buildings the Living medinas pilot works to keep.",
        "Twelve minutes, Arabic with English subtitles.",
        utc(2025, 1, 20),
        [TOURISM],
        cities=["tripoli-lebanon"],
        projects=["living-medinas"],
        tags=["heritage", "video", "souks"],
        language="ar",
        external_url="https://media.example.org/tripoli-souks",
    ),
    # Sustainable agriculture value chain development
    _resource(
        "chengdu-farmer-cooperatives",
        "good_practice",
        "Farmer cooperatives that sell straight to city markets",
        "Pooling, grading and scheduled delivery from Chengdu's peri-urban farms.",
        "Cooperatives agree delivery slots with markets a week ahead, so farmers harvest what "
        "will sell and waste less.",
        utc(2025, 3, 28),
        [AGRICULTURE],
        cities=["chengdu"],
        projects=["urban-farms-to-city-markets"],
        tags=["cooperatives", "value chains", "food markets"],
    ),
    _resource(
        "cold-storage-buyers-guide",
        "toolkit",
        "Cold storage for small vendors: a buyer's guide",
        "Solar-powered cold rooms compared: size, cost, maintenance and shared use.",
        "Includes a simple sheet to split running costs between cooperatives.",
        utc(2026, 2, 9),
        [AGRICULTURE],
        cities=["kampala", "bishkek"],
        organizations=["kampala-capital-city-authority"],
        tags=["cold chain", "solar", "markets"],
    ),
    _resource(
        "quito-urban-gardens",
        "case_study",
        "Urban and peri-urban gardens on the slopes of Quito",
        "Thousands of small gardens, organic certification and weekly fairs.",
        "The case follows gardeners from training to selling at the city's organic fairs.",
        utc(2023, 11, 6),
        [AGRICULTURE],
        cities=["quito"],
        tags=["urban agriculture", "organic", "food security"],
        language="es",
    ),
    # E-commerce, digitization and smart cities
    _resource(
        "kigali-online-permits",
        "case_study",
        "One window for permits: Kigali's online services",
        "How Kigali moved construction and business permits online, and what it took.",
        "Digitising forms was the easy part; agreeing deadlines between departments took longer.",
        utc(2025, 10, 6),
        [DIGITAL],
        cities=["kigali"],
        projects=["digital-one-stop-city-services"],
        tags=["e-government", "permits"],
    ),
    _resource(
        "open-data-starter-kit",
        "toolkit",
        "Open data starter kit for municipalities",
        "Which ten datasets to publish first, licences, formats and a publishing calendar.",
        "Start with budgets, bus stops, markets, schools and clinics.",
        utc(2026, 5, 18),
        [DIGITAL],
        cities=["tbilisi"],
        tags=["open data", "transparency"],
    ),
    _resource(
        "small-shops-online-report",
        "report",
        "Small shops online: e-commerce in five cities",
        "Survey of micro-businesses in Lagos, Nairobi, Tunis, Tbilisi and Casablanca.",
        "Mobile payments, delivery costs and trust were the three barriers named most often.",
        utc(2024, 9, 9),
        [DIGITAL],
        cities=["lagos", "nairobi", "tunis", "tbilisi", "casablanca"],
        tags=["e-commerce", "small business", "survey"],
    ),
    # Sustainable transport and air quality
    _resource(
        "curitiba-brt-model",
        "good_practice",
        "Bus rapid transit corridors: the Curitiba model",
        "Dedicated lanes, level boarding and land use planned around the corridors.",
        "Curitiba planned its corridors together with zoning: dense buildings along the "
        "lines, quieter streets behind them.",
        utc(2022, 3, 7),
        [TRANSPORT],
        cities=["curitiba"],
        projects=["bus-rapid-transit-clean-air"],
        tags=["bus rapid transit", "urban planning"],
    ),
    _resource(
        "medellin-cable-cars",
        "case_study",
        "Cable cars that reconnect hillside neighbourhoods",
        "Medellín's Metrocable lines and the libraries and parks built around the stations.",
        "Travel to the centre went from two hours to under forty minutes for many residents.",
        utc(2025, 6, 24),
        [TRANSPORT],
        cities=["medellin"],
        tags=["cable cars", "inclusive mobility"],
        language="es",
    ),
    _resource(
        "low-cost-air-sensors-field-guide",
        "toolkit",
        "Low-cost air quality sensors: a field guide",
        "Siting, calibration against reference stations, and publishing the readings.",
        "Written from the sensor networks set up in Addis Ababa and Pune.",
        utc(2023, 8, 1),
        [TRANSPORT],
        cities=["addis-ababa", "pune"],
        projects=["bus-rapid-transit-clean-air"],
        tags=["air quality", "sensors", "data"],
    ),
    _resource(
        "bus-rapid-transit-pilot-results",
        "news",
        "Bus rapid transit pilot ends with faster trips and cleaner air",
        "Addis Ababa and Pune report their results at the close of the pilot with Curitiba.",
        "Both cities will keep their sensor networks running and publish yearly reports.",
        utc(2024, 12, 19, 14),
        [TRANSPORT],
        cities=["curitiba", "addis-ababa", "pune"],
        projects=["bus-rapid-transit-clean-air"],
        tags=["bus rapid transit", "air quality"],
    ),
    # Waste management, green cities and renewable energy
    _resource(
        "surabaya-plastic-bus-fares",
        "good_practice",
        "Paying the bus fare with plastic bottles",
        "Surabaya lets riders pay with sorted plastic, which the city then recycles.",
        "Riders hand over bottles or cups at terminals in exchange for a ticket; the plastic "
        "goes to the city's recycling partners.",
        utc(2024, 7, 15),
        [WASTE, TRANSPORT],
        cities=["surabaya"],
        tags=["recycling", "plastic", "public transport"],
    ),
    _resource(
        "accra-waste-pickers",
        "case_study",
        "Bringing waste pickers into the city's collection system",
        "Contracts, protective equipment and fair prices for informal collectors in Accra.",
        "Registered collectors now serve neighbourhoods the trucks cannot reach.",
        utc(2026, 4, 27),
        [WASTE],
        cities=["accra"],
        organizations=["urban-resilience-action-network"],
        tags=["informal sector", "waste collection"],
    ),
    _resource(
        "rooftop-solar-public-buildings",
        "toolkit",
        "Rooftop solar for public buildings: a procurement guide",
        "From roof survey to tender and maintenance contract, with sample clauses.",
        "Based on schools and clinics fitted with panels in Amman.",
        utc(2025, 12, 1),
        [WASTE],
        cities=["amman"],
        tags=["renewable energy", "solar", "procurement"],
    ),
    _resource(
        "first-waste-banks-accra-suva",
        "news",
        "Accra and Suva open their first community waste banks",
        "Eight neighbourhood banks now collect plastic, paper and metal.",
        "The banks are run by community groups with support from Surabaya's team.",
        utc(2025, 4, 10, 12),
        [WASTE],
        cities=["accra", "suva", "surabaya"],
        organizations=["urban-resilience-action-network", "greenloop-circular-solutions"],
        projects=["community-waste-banks"],
        tags=["waste banks", "recycling"],
    ),
    # A draft, so editors see one in their lists.
    _resource(
        "heat-action-plan-template",
        "toolkit",
        "Heat action plan template (draft)",
        "A template to adapt before the next hot season.",
        "Sections: triggers, who is warned, cooling centres, clinics, follow-up.",
        None,
        [COVID, DRR],
        tags=["heatwave", "planning"],
        status="draft",
    ),
]


# --- People -----------------------------------------------------------------------------------

UN_STAFF_EMAIL = "editor@example.org"
CITY_OFFICIAL_EMAIL = "official@example.org"
PARTNER_EMAIL = "partner@example.org"

USERS = [
    {
        "email": UN_STAFF_EMAIL,
        "name": "Amara Okafor",
        "role": UN_STAFF,
        "organization": "unossc",
        "city": None,
        "time_zone": "America/New_York",
        "preferred_language": "en",
        "digest_frequency": "daily",
    },
    {
        "email": CITY_OFFICIAL_EMAIL,
        "name": "Rana Haddad",
        "role": CITY_OFFICIAL,
        "organization": "tripoli-municipality",
        "city": "tripoli-lebanon",
        "time_zone": "Asia/Beirut",
        "preferred_language": "ar",
        "digest_frequency": "weekly",
    },
    {
        "email": PARTNER_EMAIL,
        "name": "Daniel Otieno",
        "role": PARTNER,
        "organization": "urban-resilience-action-network",
        "city": None,
        "time_zone": "Africa/Nairobi",
        "preferred_language": "en",
        "digest_frequency": "weekly",
    },
]

# (email, event slug, status)
REGISTRATIONS = [
    (CITY_OFFICIAL_EMAIL, "resilient-cities-training-2023-session-1", "attended"),
    (CITY_OFFICIAL_EMAIL, "resilient-cities-training-2023-session-2", "attended"),
    (CITY_OFFICIAL_EMAIL, "resilient-cities-training-2023-session-4", "attended"),
    (CITY_OFFICIAL_EMAIL, SEPTEMBER_2023_EVENT, "attended"),
    (CITY_OFFICIAL_EMAIL, "cities-clusters-learning-series-2027-session-1", "registered"),
    (CITY_OFFICIAL_EMAIL, "living-heritage-forum-tunis-2027", "registered"),
    (PARTNER_EMAIL, "waste-banks-review-surabaya-2026", "registered"),
    (PARTNER_EMAIL, "coastal-flood-early-warning-kickoff-2027", "registered"),
]

# (email, series slug, issued on, verification code); the code is fixed so reruns keep it.
CERTIFICATES = [
    (
        CITY_OFFICIAL_EMAIL,
        "resilient-cities-training-2023",
        dt.date(2023, 7, 5),
        "demo-tripoli-2023-series",
    ),
]

# (email, target kind, target slug)
SUBSCRIPTIONS = [
    (CITY_OFFICIAL_EMAIL, "cluster", DRR),
    (CITY_OFFICIAL_EMAIL, "city", "tripoli-lebanon"),
    (CITY_OFFICIAL_EMAIL, "project", LEBANON_PILOT),
    (PARTNER_EMAIL, "cluster", WASTE),
    (PARTNER_EMAIL, "project", "coastal-flood-early-warning"),
    (UN_STAFF_EMAIL, "cluster", DRR),
]

COLLABORATION_REQUESTS = [
    {
        "requester": PARTNER_EMAIL,
        "organization": "urban-resilience-action-network",
        "kind": "join_pilot",
        "project": "community-waste-banks",
        "message": (
            "Our member groups in Accra and Suva already collect recyclables door to door. We "
            "would like to run the first community waste banks with them."
        ),
        "contact_preferences": "Email; calls on weekdays, East Africa time.",
        "status": "accepted",
        "sent_at": utc(2024, 7, 22, 8),
        "decided_at": utc(2024, 8, 20, 10),
        # (from status, to status, who, when, note): what the request pages show as its history.
        "history": [
            ("", "submitted", PARTNER_EMAIL, utc(2024, 7, 22, 8), ""),
            ("submitted", "under_review", UN_STAFF_EMAIL, utc(2024, 7, 25, 14), ""),
            (
                "under_review",
                "accepted",
                UN_STAFF_EMAIL,
                utc(2024, 8, 20, 10),
                "Welcome: the Accra and Suva groups run the first waste banks.",
            ),
        ],
    },
    {
        "requester": PARTNER_EMAIL,
        "organization": "urban-resilience-action-network",
        "kind": "technical_expertise",
        "project": "coastal-flood-early-warning",
        "message": (
            "We train neighbourhood flood volunteers in Mombasa and Dar es Salaam and can help "
            "make sure warnings reach households in the learning cities."
        ),
        "contact_preferences": "Email first, please.",
        "status": "under_review",
        "sent_at": utc(2026, 10, 19, 7),
        "decided_at": None,
        "history": [
            ("", "submitted", PARTNER_EMAIL, utc(2026, 10, 19, 7), ""),
            ("submitted", "under_review", UN_STAFF_EMAIL, utc(2026, 10, 21, 13), ""),
        ],
    },
]


# --- Matchmaking ------------------------------------------------------------------------------
# What cities need and offer, as topics of the clusters' vocabulary (clusters/0009): city slug ->
# lists of (topic slug, note, contact role). Tripoli needs what Shenzhen and NDRCC offer.

NEEDS = {
    "tripoli-lebanon": [
        ("risk-governance", "Who decides what, before and during a disaster.", "Mayor's office"),
        (
            "early-warning-systems",
            "Warnings that reach the old city and the port.",
            "Head of civil defence",
        ),
        ("emergency-operations", "A room, a roster and a plan for the first 72 hours.", ""),
        ("heritage-conservation", "Protecting the Mamluk old city from decay.", ""),
    ],
    "beirut": [
        ("building-codes", "Retrofitting after the 2020 port explosion.", "City engineer"),
        ("recovery-planning", "", ""),
    ],
    "dar-es-salaam": [
        ("flood-modelling", "Flash floods in the river valleys.", ""),
        ("early-warning-systems", "", ""),
    ],
    "maputo": [("early-warning-systems", "Cyclone warnings in Portuguese.", "")],
    "kathmandu": [
        ("building-codes", "Enforcing the code in fast-growing wards.", ""),
        ("emergency-operations", "", ""),
    ],
    "accra": [("recycling-and-waste-banks", "", ""), ("waste-collection", "", "")],
    "lagos": [("air-quality-monitoring", "", ""), ("digital-public-services", "", "")],
    "dhaka": [("disease-surveillance", "", ""), ("air-quality-monitoring", "", "")],
    "bishkek": [("cold-chains-and-storage", "", ""), ("food-markets", "", "")],
    "lima": [("open-data", "", ""), ("transport-planning", "", "")],
    "suva": [("solar-energy", "", "")],
    "kingston": [("solar-energy", "", ""), ("recovery-planning", "", "")],
}
OFFERS = {
    "shenzhen": [
        (
            "early-warning-systems",
            "Targeted alerts by district, from the meteorological bureau to every phone.",
            "Emergency management bureau",
        ),
        ("emergency-operations", "A city-wide emergency command centre, open to visits.", ""),
        ("risk-governance", "", ""),
        ("smart-city-platforms", "", ""),
    ],
    "chengdu": [
        ("building-codes", "Seismic retrofitting after 2008.", ""),
        ("cold-chains-and-storage", "", ""),
        ("food-markets", "", ""),
    ],
    "iloilo-city": [("flood-modelling", "", ""), ("recovery-planning", "", "")],
    "tunis": [("heritage-conservation", "The medina's rehabilitation programme.", "")],
    "surabaya": [("recycling-and-waste-banks", "Neighbourhood waste banks.", "")],
    "kigali": [("digital-public-services", "", ""), ("open-data", "", "")],
    "curitiba": [("transport-planning", "", "")],
    "colombo": [("disease-surveillance", "", "")],
}
ORGANIZATION_OFFERS = {
    "ndrcc": [
        ("early-warning-systems", "Satellite and ground data for warnings.", ""),
        ("emergency-operations", "Training for emergency operations centres.", ""),
        ("risk-governance", "", ""),
    ],
    "undrr-geti": [("risk-governance", "", ""), ("recovery-planning", "", "")],
    "greenloop-circular-solutions": [("recycling-and-waste-banks", "", "")],
}
# What pilots and events work on: cities that need these topics are told.
PROJECT_TOPICS = {
    LEBANON_PILOT: ["risk-governance"],
    "coastal-flood-early-warning": ["early-warning-systems", "flood-modelling"],
    "city-health-emergency-centres": ["emergency-health-services", "disease-surveillance"],
    "living-medinas": ["heritage-conservation", "visitor-management"],
    "urban-farms-to-city-markets": ["urban-farming", "short-food-supply-chains", "food-markets"],
    "digital-one-stop-city-services": ["digital-public-services"],
    "bus-rapid-transit-clean-air": ["bus-rapid-transit", "air-quality-monitoring"],
    "community-waste-banks": ["recycling-and-waste-banks", "waste-collection"],
}
EVENT_TOPICS = {
    SEPTEMBER_2023_EVENT: ["early-warning-systems", "emergency-operations", "risk-governance"],
    FOLLOW_UP_TRAINING: ["early-warning-systems", "emergency-operations"],
    "coastal-flood-early-warning-kickoff-2027": ["early-warning-systems", "flood-modelling"],
    "clean-air-and-health-2027": ["air-quality-monitoring"],
}
