"""The five pages every public site owes its visitors, as first written for this portal.

The data migration `portal/migrations/0002_seed_site_pages.py` creates them, so a fresh site has
them after a plain `migrate`; `load_demo` and a flushed test database put back any that are
missing. Neither ever overwrites a page that exists: once there, the text is UN staff's to edit
(`/pages/<slug>/edit/`). Plain data, importable from a migration: no model is imported here.
"""

from portal.site_contact import CONTACT_EMAIL

ABOUT = "about"
CONTACT = "contact"
PRIVACY = "privacy"
TERMS = "terms"
ACCESSIBILITY = "accessibility"

# In the order the footer lists them.
SLUGS = (ABOUT, CONTACT, PRIVACY, TERMS, ACCESSIBILITY)

SITE_PAGES = [
    {
        "slug": ABOUT,
        "title": "About the South-South Cities Clusters",
        "summary": (
            "A knowledge-exchange portal run by the United Nations Office for South-South "
            "Cooperation, where cities of the Global South learn from each other in seven "
            "thematic clusters."
        ),
        "body": """\
The South-South Cities Clusters portal is run by the **United Nations Office for South-South
Cooperation (UNOSSC)**. It brings together cities of the Global South that want to learn from
one another: what worked, what did not, and what it cost.

## Seven clusters

Member cities meet in seven thematic clusters, from disaster risk reduction and public health to
heritage, food systems, digital services, mobility and waste. Each cluster has its lead cities,
its pilots, its events and its library of good practices.

## Pilots between cities

A pilot pairs a city that shares its experience with a city that adapts it. The first pilot
paired **Tripoli (Lebanon)** with **Shenzhen (China)** on disaster risk governance, with the
**National Disaster Reduction Center of China (NDRCC)** as technical partner. Its September 2023
knowledge-sharing event and the NDRCC's October 2023 visit are in the library.

## Training

Four certified training series have run since 2020. A participant who attends the required
sessions receives a certificate that anyone can check on this portal.

## Who can take part

Anyone can read the portal and follow a cluster, a city or a pilot. City officials keep their
city's profile up to date and propose good practices; partner organizations request
collaboration; UNOSSC staff edit and publish. See [Contact](/pages/contact/) to join.
""",
    },
    {
        "slug": CONTACT,
        "title": "Contact",
        "summary": "How to reach the UNOSSC team that runs the South-South Cities Clusters portal.",
        "body": f"""\
The portal is run by the Cities team of the **United Nations Office for South-South Cooperation
(UNOSSC)**. We read every message and answer within five working days, in any of the six UN
languages.

## Write to us

- **Email:** [{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL})
- **A city or an organization that wants to work with another:** sign in and use
  [Request collaboration](/collaborate/); your request is tracked and you see each step.
- **A city official who needs edit rights for their city:** sign in and ask for the role on your
  [profile](/accounts/profile/).

## Something wrong on the portal?

A broken link, a wrong figure, a page that is hard to use with your device or assistive
technology: write to the address above and say which page it was. For accessibility problems,
see also our [accessibility statement](/pages/accessibility/).

## Personal data

To ask what we hold about you, to correct it or to have it erased, see the
[privacy notice](/pages/privacy/).
""",
    },
    {
        "slug": PRIVACY,
        "title": "Privacy notice",
        "summary": (
            "What personal data the South-South Cities Clusters portal holds, why, for how long, "
            "and how to download or erase it."
        ),
        "body": f"""\
The South-South Cities Clusters portal is run by the **United Nations Office for South-South
Cooperation (UNOSSC)**, which decides what personal data the portal holds and why. UNOSSC
processes personal data under the United Nations' own data protection and privacy principles.

## Reading without an account

You can read everything public without an account. The portal then keeps no personal data about
you: it sets a cookie for the language you choose and one for your time zone, and its server
logs keep the address of each request for security for a short time.

## What an account holds

- your **email address**, **name**, **organization** and, for a city official, **city**;
- your **preferred language**, **time zone** and how often you want **digests**;
- the **events** you register for, your attendance and the **certificates** you earn;
- what you **follow**, the **notifications** you receive and the emails sent to you;
- the **collaboration requests** you send, with their messages and attachments;
- the **roles** you ask for and the personal **API tokens** you create.

We use these to run your account, to send you what you asked for, to issue and verify
certificates, and to report to our partners in figures that name no one.

## How long we keep it

Copies of sent emails go after 30 days and read notifications after 180 days. Everything else
stays while your account exists. Anything you wrote for publication stays after you leave,
credited to your organization rather than to you.

## Your rights

- **Download** everything the portal holds about you from your profile (*Download my data*).
- **Correct** your name, language, time zone and digests on your profile at any time.
- **Erase** your account from your profile (*Delete my account*): your personal data goes at
  once.

For any other question, write to [{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL}).
""",
    },
    {
        "slug": TERMS,
        "title": "Terms of use",
        "summary": "The terms on which the South-South Cities Clusters portal and its API are offered.",
        "body": f"""\
The South-South Cities Clusters portal is offered by the **United Nations Office for South-South
Cooperation (UNOSSC)** to cities, their partners and the public. By using it you accept these
terms.

## Using the content

Unless a page says otherwise, you may quote, share and reuse what is published here, including
through the open data API, provided you name the portal and link to the page you used. Photos
and documents by third parties keep their own licences, stated with them.

## Your account

Keep your password and API tokens to yourself; what is done with them is done in your name.
Roles (city official, partner) are granted by UNOSSC staff and may be withdrawn when they are no
longer needed.

## What you publish or send

What you propose, request or write on the portal must be yours to share and must not harm anyone.
UNOSSC staff review what is published and may edit or withdraw it. Do not send personal data of
others without their consent.

## The API

The API is free to use within its published rate limits. Do not try to get round them, to reach
what you are not allowed to, or to disrupt the service.

## No warranty

UNOSSC keeps the portal accurate and available with care, but gives no warranty that it is
complete or always online. Nothing on this portal waives the privileges and immunities of the
United Nations.

Questions: [{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL}).
""",
    },
    {
        "slug": ACCESSIBILITY,
        "title": "Accessibility statement",
        "summary": (
            "How accessible the South-South Cities Clusters portal is, against WCAG 2.1 level AA, "
            "and how to report a problem."
        ),
        "body": f"""\
The **United Nations Office for South-South Cooperation (UNOSSC)** wants everyone to be able to
use the South-South Cities Clusters portal, whatever their device, language or disability.

## The standard we aim for

The portal aims to meet the **Web Content Accessibility Guidelines (WCAG) 2.1 at level AA**. In
particular:

- every page works without JavaScript, with a keyboard alone, and at 200% zoom;
- the portal speaks the six UN languages, and Arabic reads right to left;
- forms say what is wrong next to the field and sum up the problems at the top;
- every map and chart has a table or list that says the same;
- every page type is checked automatically for accessibility problems before each release.

## What we know is not yet right

- Documents uploaded by partners (PDF reports, presentations) may not be accessible; ask us for
  an accessible version and we will provide one.
- Pilots, events and documents are written by cities, partners and staff in one language; until
  one is translated, its page shows it in the language it was written in.

## Report a problem

If something on the portal is hard or impossible for you to use, write to
[{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL}) and tell us the page, what you were trying to do and
what device or assistive technology you use. We answer within five working days and tell you
when it is fixed.

This statement was prepared from our own testing and is reviewed at least once a year.
""",
    },
]


def site_pages_create_missing(model, *, using: str = "default") -> list[str]:
    """Create each of the five pages that `model` (SitePage, or its migration state) lacks.

    Returns the slugs created. A page that exists is never touched: staff own its text.
    """
    existing = set(model.objects.using(using).filter(slug__in=SLUGS).values_list("slug", flat=True))
    missing = [page for page in SITE_PAGES if page["slug"] not in existing]
    # Stored as a form would save them (no trailing newline), so an unchanged save changes nothing.
    model.objects.using(using).bulk_create(
        [model(**{name: value.strip() for name, value in page.items()}) for page in missing]
    )
    return [page["slug"] for page in missing]


def site_pages_translations_fill(model, *, using: str = "default", slugs=SLUGS) -> list[str]:
    """Write the first translations of the pages `slugs` (portal/site_page_texts) into each of
    their language columns that is empty (`title_fr`, `body_ar`, ...). Returns "slug:language"
    for each page and language filled.

    A translation is written only beside the English it translates: a field whose English staff
    have changed gets none (a French privacy notice must not say what the English one no longer
    does), and neither does a field whose translation staff wrote or emptied on purpose, since
    callers fill only pages just created (apps.py, load_demo) or, once, every page (a migration).
    Rows are updated in place, not saved: no history entry, no "last updated" change.
    """
    from portal.site_page_texts import site_page_translations

    english = {page["slug"]: page for page in SITE_PAGES}
    stored = {page.slug: page for page in model.objects.using(using).filter(slug__in=slugs)}
    filled = []
    for language, pages in site_page_translations().items():
        suffix = language.replace("-", "_")
        for slug, texts in pages.items():
            page = stored.get(slug)
            if page is None:
                continue
            changes = {
                f"{field}_{suffix}": text.strip()
                for field, text in texts.items()
                if not getattr(page, f"{field}_{suffix}", None)
                and (getattr(page, f"{field}_en", None) or "") == english[slug][field].strip()
            }
            if changes:
                model.objects.using(using).filter(pk=page.pk).update(**changes)
                filled.append(f"{slug}:{language}")
    return filled
