"""Demo loader: the 34 member nations (domain §3) and the public "Member nations" page."""

from core.demo.pages import add_translated_page

from .models import Nation, NationsPage

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


def load(context):
    """Create or update the demo nations by code; add the member nations page under "structure"."""
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
