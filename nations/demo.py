"""Demo loader: the 34 member nations (domain §3), their associations and subscriptions, and the
public "Member nations" page."""

import datetime
from decimal import Decimal

from django.utils import timezone

from core.demo.pages import add_translated_page

from . import services
from .models import Association, Invoice, Nation, NationsPage, SubscriptionRate

FULL, ASSOCIATE = Nation.Membership.FULL, Nation.Membership.ASSOCIATE

# code: (English name, French name, membership, joined year when known)
NATIONS = {
    "BEL": ("Belgium", "Belgique", FULL, 1948),
    "BGR": ("Bulgaria", "Bulgarie", FULL, None),
    "CAN": ("Canada", "Canada", FULL, None),
    "HRV": ("Croatia", "Croatie", FULL, None),
    "CZE": ("Czechia", "Tchéquie", FULL, None),
    "DNK": ("Denmark", "Danemark", FULL, None),
    "EST": ("Estonia", "Estonie", FULL, None),
    "FIN": ("Finland", "Finlande", FULL, None),
    "FRA": ("France", "France", FULL, 1948),
    "DEU": ("Germany", "Allemagne", FULL, None),
    "GRC": ("Greece", "Grèce", FULL, None),
    "HUN": ("Hungary", "Hongrie", FULL, None),
    "ITA": ("Italy", "Italie", FULL, None),
    "LVA": ("Latvia", "Lettonie", FULL, None),
    "LTU": ("Lithuania", "Lituanie", FULL, None),
    "LUX": ("Luxembourg", "Luxembourg", FULL, None),
    "NLD": ("Netherlands", "Pays-Bas", FULL, 1948),
    "MKD": ("North Macedonia", "Macédoine du Nord", FULL, None),
    "NOR": ("Norway", "Norvège", FULL, None),
    "POL": ("Poland", "Pologne", FULL, None),
    "PRT": ("Portugal", "Portugal", FULL, None),
    "ROU": ("Romania", "Roumanie", FULL, None),
    "SVK": ("Slovakia", "Slovaquie", FULL, None),
    "SVN": ("Slovenia", "Slovénie", FULL, None),
    "ESP": ("Spain", "Espagne", FULL, None),
    "SWE": ("Sweden", "Suède", FULL, None),
    "GBR": ("United Kingdom", "Royaume-Uni", FULL, None),
    "USA": ("United States", "États-Unis", FULL, None),
    "AUT": ("Austria", "Autriche", ASSOCIATE, None),
    "CHE": ("Switzerland", "Suisse", ASSOCIATE, None),
    "GEO": ("Georgia", "Géorgie", ASSOCIATE, None),
    "MDA": ("Moldova", "Moldavie", ASSOCIATE, None),
    "ZAF": ("South Africa", "Afrique du Sud", ASSOCIATE, None),
    "AUS": ("Australia", "Australie", ASSOCIATE, None),
}

PAGE = {
    "en": {
        "title": "Member nations",
        "slug": "nations",
        "intro": (
            "CIOR brings together the national reserve officers' associations of 34 nations: "
            "28 full members from NATO nations and 6 associates from partner nations."
        ),
    },
    "fr": {
        "title": "Nations membres",
        "slug": "nations-membres",
        "intro": (
            "La CIOR réunit les associations nationales d'officiers de réserve de 34 nations : "
            "28 membres de plein droit, issus des nations de l'OTAN, et 6 membres associés, "
            "issus de nations partenaires."
        ),
    },
}


# Associations whose name we know; the others get a generic name the Secretary General corrects.
# code: (English name, French name, website)
ASSOCIATIONS = {
    "BEL": (
        "Royal National Union of Reserve Officers",
        "Union Royale Nationale des Officiers de Réserve",
        "",
    ),
    "DEU": (
        "Association of the Reservists of the German Armed Forces",
        "Association des réservistes de la Bundeswehr",
        "https://www.reservistenverband.de/",
    ),
    "FRA": (
        "National Union of Reserve Officers and Reservist Organisations",
        "Union nationale des officiers de réserve et des organisations de réservistes",
        "",
    ),
    "NLD": (
        "Royal Association of Netherlands Reserve Officers",
        "Association royale des officiers de réserve néerlandais",
        "https://www.kvnro.nl/",
    ),
    "USA": (
        "Reserve Organization of America",
        "Reserve Organization of America",
        "https://www.roa.org/",
    ),
}

# Demo figures, not CIOR's real subscription (the treasurer enters those in the admin).
RATES = {Nation.Membership.FULL: Decimal("1500.00"), Nation.Membership.ASSOCIATE: Decimal("500.00")}
# Last year every nation paid but Greece (so Greece is in arrears); this year three have not paid
# yet (not arrears) and Italy paid half.
UNPAID_LAST_YEAR = {"GRC"}
UNPAID_THIS_YEAR = {"GRC", "PRT", "GEO", "MDA"}
PARTLY_PAID_THIS_YEAR = {"ITA": Decimal("750.00")}


def load(context):
    """Create or update the demo nations by code; add the member nations page under "structure";
    add what is missing of the associations, rates, invoices and payments."""
    for code, (name_en, name_fr, membership, joined_year) in NATIONS.items():
        defaults = {
            "name_en": name_en,
            "name_fr": name_fr,
            "membership": membership,
            "status": Nation.Status.ACTIVE,
        }
        if joined_year:  # Only the founders' year is known; leave the others to the SG.
            defaults["joined_year"] = joined_year
        _, created = Nation.objects.update_or_create(code=code, defaults=defaults)
        if created:
            context.log(f"nation {code}")
    add_translated_page(context, "nations", context.pages["structure"], NationsPage, **PAGE)
    _associations(context)
    _subscriptions(context)


def _associations(context):
    for nation in Nation.objects.filter(code__in=NATIONS, association__isnull=True):
        name_en, name_fr, website = ASSOCIATIONS.get(
            nation.code,
            (
                f"Reserve Officers Association of {nation.name_en}",
                f"Association des officiers de réserve – {nation.name_fr}",
                "",
            ),
        )
        Association.objects.create(
            nation=nation,
            name_en=name_en,
            name_fr=name_fr,
            website=website,
            contact_name="Treasurer (demo)",
            contact_email=f"cior-{nation.code.lower()}@example.org",
        )
        context.log(f"association {nation.code}")


def _subscriptions(context):
    """Rates, invoices and payments of last year and this year, through the services (audited).

    Payments are recorded only on the invoices this run issued: an invoice that existed already
    is the treasurer's, demo or not.
    """
    today = timezone.localdate()
    for year, unpaid, partly in [
        (today.year - 1, UNPAID_LAST_YEAR, {}),
        (today.year, UNPAID_THIS_YEAR, PARTLY_PAID_THIS_YEAR),
    ]:
        for membership, amount in RATES.items():
            _, created = SubscriptionRate.objects.get_or_create(
                year=year, membership=membership, defaults={"amount": amount}
            )
            if created:
                context.log(f"subscription rate {year} {membership}")
        issued_on = min(datetime.date(year, 1, 15), today)
        paid_on = min(datetime.date(year, 3, 1), today)
        created = services.issue_invoices(year, by=None, issued_on=issued_on)
        for invoice in Invoice.objects.filter(pk__in=[i.pk for i in created]).select_related(
            "nation"
        ):
            context.log(f"invoice {invoice.number} {invoice.nation.code}")
            code = invoice.nation.code
            if code in unpaid:
                continue
            amount = partly.get(code, invoice.amount)
            services.record_payment(
                invoice, amount=amount, paid_on=paid_on, reference=f"DEMO-{invoice.number}", by=None
            )
