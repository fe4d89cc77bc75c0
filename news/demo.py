"""Demo news: the news index, the photo library, articles in English and French, and photos.

`load(context)` is idempotent: photos are found again by title, pages by slug under their
parent, so a second run creates nothing. The photos are drawn with Pillow (gradients and a
large motif, no text) from a fixed seed, so every run draws the same pictures.
"""

import datetime
import hashlib
import io
import math
import random

from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from taggit.models import Tag
from wagtail.models import Collection
from wagtail.rich_text import RichText

from core.demo.pages import add_translated_page
from nations.models import Nation

from .models import (
    ArticleGalleryImage,
    ArticlePage,
    ArticleTag,
    NewsIndexPage,
    Photo,
    PhotoLibraryPage,
)
from .renditions import GALLERY_SPECS, generate_article_renditions, generate_renditions

PHOTO_SIZE = (1600, 1000)
PHOTO_CREDIT = "CIOR Public Affairs"


def paragraph(html):
    return ("paragraph", RichText(html))


def quote(text, attribution):
    return ("quote", {"text": text, "attribution": attribution})


# Each photo: title (its key), alt text, captions, credit, date, event, nations, drawing.
PHOTOS = [
    {
        "title": "MWM 2025 – opening plenary",
        "description": "Delegates seated in rows in a conference hall, national flags behind the "
        "speakers' table.",
        "caption_en": "Opening plenary of the 2025 Mid-Winter Meeting at NATO Headquarters, "
        "Brussels.",
        "caption_fr": "Séance plénière d'ouverture de la réunion d'hiver 2025 au siège de "
        "l'OTAN, à Bruxelles.",
        "taken_on": datetime.date(2025, 2, 5),
        "event_name": "Mid-Winter Meeting 2025",
        "nations": ["BEL", "NOR", "POL"],
        "motif": "flags",
        "palette": ("#1d3557", "#457b9d", "#f1faee", "#22313f"),
    },
    {
        "title": "MWM 2025 – Council session",
        "description": "Heads of delegation around a horseshoe-shaped table, raising voting cards.",
        "caption_en": "The CIOR Council adopts the 2025 budget.",
        "caption_fr": "Le Conseil de la CIOR adopte le budget 2025.",
        "taken_on": datetime.date(2025, 2, 6),
        "event_name": "Mid-Winter Meeting 2025",
        "nations": ["NOR", "DEU", "FRA"],
        "motif": "table",
        "palette": ("#2b2d42", "#8d99ae", "#edf2f4", "#3d405b"),
    },
    {
        "title": "MWM 2025 – flag line",
        "description": "A line of flagpoles with the flags of member nations under a winter sky.",
        "caption_en": "The flags of the member nations outside NATO Headquarters.",
        "caption_fr": "Les drapeaux des nations membres devant le siège de l'OTAN.",
        "taken_on": datetime.date(2025, 2, 7),
        "event_name": "Mid-Winter Meeting 2025",
        "nations": ["BEL"],
        "motif": "flags",
        "palette": ("#adb5bd", "#dee2e6", "#003049", "#6c757d"),
    },
    {
        "title": "CIMEX 2025 – syndicate at the map table",
        "description": "Officers leaning over a large map spread on a table, pointing at a "
        "coastal region.",
        "caption_en": "A multinational syndicate plans its response during CIMEX 2025.",
        "caption_fr": "Un syndicat multinational prépare sa réponse pendant le CIMEX 2025.",
        "taken_on": datetime.date(2025, 7, 26),
        "event_name": "CIMEX 2025",
        "nations": ["NLD", "CZE", "ROU"],
        "motif": "compass",
        "palette": ("#264653", "#2a9d8f", "#e9c46a", "#1b3a4b"),
    },
    {
        "title": "MILCOMP 2025 – land obstacle course",
        "description": "A competitor in combat uniform climbing over a high wooden wall.",
        "caption_en": "MILCOMP 2025: the land obstacle course, 500 metres and 20 obstacles.",
        "caption_fr": "MILCOMP 2025 : la piste d'obstacles terrestre, 500 mètres et 20 obstacles.",
        "taken_on": datetime.date(2025, 7, 30),
        "event_name": "Summer Congress 2025",
        "nations": ["EST", "FIN"],
        "motif": "wall",
        "palette": ("#8ecae6", "#219ebc", "#fb8500", "#606c38"),
    },
    {
        "title": "MILCOMP 2025 – rifle range",
        "description": "Competitors lying prone at the firing line, targets in the distance.",
        "caption_en": "The 200-metre rifle series at MILCOMP 2025.",
        "caption_fr": "L'épreuve de tir au fusil à 200 mètres de la MILCOMP 2025.",
        "taken_on": datetime.date(2025, 7, 29),
        "event_name": "Summer Congress 2025",
        "nations": ["DEU", "USA"],
        "motif": "targets",
        "palette": ("#a8dadc", "#f1faee", "#e63946", "#6b705c"),
    },
    {
        "title": "MILCOMP 2025 – water obstacle course",
        "description": "Swimmers in a pool lane passing under a floating obstacle.",
        "caption_en": "The 50-metre water obstacle course.",
        "caption_fr": "La piste d'obstacles nautique de 50 mètres.",
        "taken_on": datetime.date(2025, 7, 31),
        "event_name": "Summer Congress 2025",
        "nations": ["GBR", "NOR"],
        "motif": "waves",
        "palette": ("#caf0f8", "#48cae4", "#023e8a", "#0077b6"),
    },
    {
        "title": "MILCOMP 2025 – team podium",
        "description": "Three teams on a podium, the winners in the middle, holding medals.",
        "caption_en": "Team awards at the MILCOMP 2025 closing ceremony.",
        "caption_fr": "Remise des prix par équipes lors de la cérémonie de clôture de la "
        "MILCOMP 2025.",
        "taken_on": datetime.date(2025, 8, 1),
        "event_name": "Summer Congress 2025",
        "nations": ["EST", "POL", "DNK"],
        "motif": "podium",
        "palette": ("#003566", "#001d3d", "#ffc300", "#000814"),
    },
    {
        "title": "Summer Congress 2025 – opening ceremony",
        "description": "A military band playing in front of delegations standing in formation.",
        "caption_en": "Opening ceremony of the 2025 Summer Congress: the band plays "
        "“Comrades all”.",
        "caption_fr": "Cérémonie d'ouverture du congrès d'été 2025 : la musique joue "
        "« Comrades all ».",
        "taken_on": datetime.date(2025, 7, 28),
        "event_name": "Summer Congress 2025",
        "nations": ["NOR", "BEL", "FRA", "USA"],
        "motif": "flags",
        "palette": ("#ffb703", "#fb8500", "#023047", "#386641"),
    },
    {
        "title": "YRO Workshop 2025 – syndicate work",
        "description": "Young officers seated around a table covered with papers, one of them "
        "taking notes.",
        "caption_en": "Syndicate work at the 2025 Young Reserve Officers Workshop.",
        "caption_fr": "Travail en syndicat lors de l'atelier des jeunes officiers de réserve 2025.",
        "taken_on": datetime.date(2025, 7, 29),
        "event_name": "YRO Workshop 2025",
        "nations": ["CZE", "LVA", "ESP"],
        "motif": "table",
        "palette": ("#f4a261", "#e76f51", "#264653", "#5c3d2e"),
    },
    {
        "title": "Language Academy 2025 – graduation",
        "description": "Graduates standing in a row in front of a lecture hall, holding their "
        "certificates.",
        "caption_en": "Graduation day of the 2025 CIOR Language Academy.",
        "caption_fr": "Remise des diplômes de l'Académie linguistique de la CIOR 2025.",
        "taken_on": datetime.date(2025, 8, 15),
        "event_name": "Language Academy 2025",
        "nations": ["HUN", "GEO", "ITA"],
        "motif": "books",
        "palette": ("#cdb4db", "#ffc8dd", "#3a0ca3", "#6d597a"),
    },
    {
        "title": "Language Academy 2025 – French class",
        "description": "Students at desks facing a teacher who writes on a whiteboard.",
        "caption_en": "A level 2 French class at the Language Academy.",
        "caption_fr": "Un cours de français de niveau 2 à l'Académie linguistique.",
        "taken_on": datetime.date(2025, 8, 6),
        "event_name": "Language Academy 2025",
        "nations": ["HUN", "SVK"],
        "motif": "books",
        "palette": ("#fefae0", "#e9edc9", "#bc6c25", "#dda15e"),
    },
    {
        "title": "Estonian winter navigation 2026",
        "description": "Reservists on skis crossing a snowy clearing at the edge of a pine forest.",
        "caption_en": "Reservists on the winter navigation course in southern Estonia.",
        "caption_fr": "Des réservistes sur le parcours de navigation hivernale dans le sud de "
        "l'Estonie.",
        "taken_on": datetime.date(2026, 1, 24),
        "event_name": "Estonian winter navigation 2026",
        "nations": ["EST"],
        "motif": "snow",
        "palette": ("#cfd8dc", "#eceff1", "#1b4332", "#f8f9fa"),
    },
    {
        "title": "CIOR archives – photographs",
        "description": "Old black-and-white photographs spread on a table, next to a magnifying "
        "glass.",
        "caption_en": "Photographs from the CIOR archives, now being catalogued.",
        "caption_fr": "Des photographies des archives de la CIOR, en cours de catalogage.",
        "taken_on": datetime.date(2026, 2, 20),
        "event_name": "",
        "nations": [],
        "motif": "frames",
        "palette": ("#6b705c", "#a5a58d", "#ffe8d6", "#3f4238"),
    },
    {
        "title": "MWM 2026 – panel on reserve readiness",
        "description": "Four speakers seated on a stage before an audience, a screen behind them.",
        "caption_en": "Panel on reserve readiness at the 2026 Mid-Winter Meeting.",
        "caption_fr": "Table ronde sur la disponibilité opérationnelle des réserves lors de la "
        "réunion d'hiver 2026.",
        "taken_on": datetime.date(2026, 2, 4),
        "event_name": "Mid-Winter Meeting 2026",
        "nations": ["NOR", "SWE", "FIN"],
        "motif": "compass",
        "palette": ("#0b132b", "#1c2541", "#5bc0be", "#3a506b"),
    },
    {
        # Not cleared: the people shown have not agreed to publication.
        "title": "MILCOMP 2025 – first aid station",
        "description": "Medics treating a competitor lying on a stretcher.",
        "caption_en": "The first aid station on the orienteering march.",
        "caption_fr": "Le poste de secours sur la marche d'orientation.",
        "taken_on": datetime.date(2025, 7, 31),
        "event_name": "Summer Congress 2025",
        "nations": ["DNK"],
        "motif": "compass",
        "palette": ("#ffffff", "#e5e5e5", "#d00000", "#9d0208"),
        "publication_cleared": False,
        "people_shown": "Two medics of the host nation; a competitor",
    },
]


# Each article: category, date, byline, cover and gallery (photo titles), tags, and the
# fields of each language.
ARTICLES = [
    {
        "category": ArticlePage.Category.CIOR,
        "date": datetime.date(2025, 2, 7),
        "byline": "Anna Kowalska, Major (R), Poland / CIOR Public Affairs",
        "cover": "MWM 2025 – opening plenary",
        "gallery": ["MWM 2025 – Council session", "MWM 2025 – flag line"],
        "tags": ["Mid-Winter Meeting", "NATO", "Council"],
        "tags_fr": ["Réunion d'hiver", "OTAN", "Conseil"],
        "en": {
            "title": "Mid-Winter Meeting 2025 brings the confederation to NATO Headquarters",
            "slug": "mid-winter-meeting-2025",
            "lead": "Heads of delegation, the Presidency and the committees met in Brussels for "
            "three days of Council work and talks with NATO staff on the part reserves play in "
            "deterrence.",
            "body": [
                paragraph(
                    "<p>The Mid-Winter Meeting is the working session of the confederation's "
                    "year. From 5 to 7 February the heads of delegation, the Presidency led by "
                    "Norway and the chairs of the eight standing committees gathered at NATO "
                    "Headquarters, alongside the delegates of CIOMR, the medical reserve "
                    "officers.</p>"
                ),
                paragraph(
                    "<p>The Council approved the accounts of the past year, adopted the 2025 "
                    "budget and reviewed the preparations for the Summer Congress. The "
                    "committees presented their programmes, from the Young Reserve Officers "
                    "Workshop to the military competition.</p>"
                ),
                ("heading", "Reserves and deterrence"),
                paragraph(
                    "<p>In a session with the International Military Staff, delegates discussed "
                    "how reservists can be trained, equipped and mobilised faster, and how "
                    "employers can be brought on board. Several nations shared lessons from "
                    "their latest mobilisation exercises.</p>"
                ),
                quote(
                    "Reservists bring to the armed forces the skills they use every day in "
                    "their civilian careers. Our task is to make those skills available when "
                    "they are needed.",
                    "The President of CIOR",
                ),
            ],
        },
        "fr": {
            "title": "La réunion d'hiver 2025 réunit la confédération au siège de l'OTAN",
            "slug": "reunion-hiver-2025",
            "lead": "Chefs de délégation, présidence et commissions se sont retrouvés à Bruxelles "
            "pour trois jours de travaux du Conseil et d'échanges avec l'état-major de l'OTAN sur "
            "le rôle des réserves dans la dissuasion.",
            "body": [
                paragraph(
                    "<p>La réunion d'hiver est la séance de travail de l'année de la "
                    "confédération. Du 5 au 7 février, les chefs de délégation, la présidence "
                    "assurée par la Norvège et les présidents des huit commissions permanentes se "
                    "sont réunis au siège de l'OTAN, aux côtés des délégués de la CIOMR, les "
                    "officiers de réserve du service de santé.</p>"
                ),
                paragraph(
                    "<p>Le Conseil a approuvé les comptes de l'exercice écoulé, adopté le budget "
                    "2025 et fait le point sur la préparation du congrès d'été. Les commissions "
                    "ont présenté leurs programmes, de l'atelier des jeunes officiers de réserve "
                    "à la compétition militaire.</p>"
                ),
                ("heading", "Les réserves et la dissuasion"),
                paragraph(
                    "<p>Lors d'une séance avec l'état-major militaire international, les délégués "
                    "ont débattu des moyens de former, d'équiper et de mobiliser plus vite les "
                    "réservistes, et d'associer les employeurs. Plusieurs nations ont partagé les "
                    "enseignements de leurs derniers exercices de mobilisation.</p>"
                ),
                quote(
                    "Les réservistes apportent aux armées les compétences qu'ils exercent chaque "
                    "jour dans leur vie civile. Notre rôle est de rendre ces compétences "
                    "disponibles lorsqu'on en a besoin.",
                    "Le président de la CIOR",
                ),
            ],
        },
    },
    {
        "category": ArticlePage.Category.CIOR,
        "date": datetime.date(2025, 7, 28),
        "byline": "Pieter van Dijk, Captain (R), Netherlands / CIOR Public Affairs",
        "cover": "CIMEX 2025 – syndicate at the map table",
        "gallery": [],
        "tags": ["CIMEX", "CIMIC"],
        "tags_fr": ["CIMEX", "CIMIC"],
        "en": {
            "title": "CIMEX 2025: multinational syndicates face a crisis on paper",
            "slug": "cimex-2025",
            "lead": "Before the Summer Congress opened, about fifty reserve officers spent three "
            "days in the civil-military table-top exercise, working in mixed syndicates of six to "
            "eight.",
            "body": [
                paragraph(
                    "<p>The scenario placed a fictional Alliance nation under hybrid pressure: "
                    "cyber-attacks on its ports, disinformation aimed at its population and a "
                    "flood that stretched its civil protection. Each syndicate advised a "
                    "regional commander on how to employ reservists alongside the civil "
                    "authorities.</p>"
                ),
                paragraph(
                    "<p>Working in English and French, participants had to agree on priorities "
                    "with colleagues from other nations and services, under the eye of mentors "
                    "from the Civil-Military Cooperation committee, which runs the exercise.</p>"
                ),
                paragraph(
                    "<p>On the last morning the syndicates briefed their plans. The mentors "
                    "praised their realism, and the speed with which officers who had never met "
                    "before built a common picture of the crisis.</p>"
                ),
            ],
        },
        "fr": {
            "title": "CIMEX 2025 : des syndicats multinationaux face à une crise sur table",
            "slug": "cimex-2025",
            "lead": "Avant l'ouverture du congrès d'été, une cinquantaine d'officiers de réserve "
            "ont participé pendant trois jours à l'exercice civilo-militaire sur table, répartis "
            "en syndicats mixtes de six à huit personnes.",
            "body": [
                paragraph(
                    "<p>Le scénario plaçait une nation fictive de l'Alliance sous pression "
                    "hybride : cyberattaques contre ses ports, désinformation visant sa "
                    "population et inondation mettant à rude épreuve sa protection civile. Chaque "
                    "syndicat conseillait un commandant régional sur l'emploi des réservistes aux "
                    "côtés des autorités civiles.</p>"
                ),
                paragraph(
                    "<p>En anglais comme en français, les participants devaient s'accorder sur "
                    "les priorités avec des camarades d'autres nations et d'autres armées, sous "
                    "le regard des mentors de la commission de coopération civilo-militaire, qui "
                    "organise l'exercice.</p>"
                ),
                paragraph(
                    "<p>Le dernier matin, les syndicats ont présenté leurs plans. Les mentors en "
                    "ont salué le réalisme, ainsi que la rapidité avec laquelle des officiers qui "
                    "ne se connaissaient pas ont construit une vision commune de la crise.</p>"
                ),
            ],
        },
    },
    {
        "category": ArticlePage.Category.CIOR,
        "date": datetime.date(2025, 7, 31),
        "byline": "Tomas Novak, First Lieutenant (R), Czech Republic / CIOR Public Affairs",
        "cover": "YRO Workshop 2025 – syndicate work",
        "gallery": [],
        "tags": ["YRO", "LOAC"],
        "tags_fr": ["YRO", "Droit des conflits armés"],
        "en": {
            "title": "Young Reserve Officers Workshop: five days, one exam, new friendships",
            "slug": "yro-workshop-2025",
            "lead": "Some sixty officers up to the rank of captain met for the YRO Workshop, "
            "with lectures, syndicate work and the law of armed conflict exam.",
            "body": [
                paragraph(
                    "<p>The Young Reserve Officers Workshop is often a reservist's first contact "
                    "with CIOR. This year's participants came from more than twenty nations; "
                    "for many of them it was the first time they worked in English or French "
                    "with officers of other armies.</p>"
                ),
                paragraph(
                    "<p>Lectures on NATO's structure and on the reserves of the member nations "
                    "alternated with syndicate work on a peace-support scenario. On the fourth "
                    "day, every participant sat the written exam on the law of armed conflict; "
                    "those who passed received their certificate at the closing ceremony.</p>"
                ),
                quote(
                    "I came for the training and I leave with friends in twelve countries.",
                    "A participant from Latvia",
                ),
            ],
        },
        "fr": {
            "title": "Atelier des jeunes officiers de réserve : cinq jours, un examen, "
            "de nouvelles amitiés",
            "slug": "atelier-jeunes-officiers-2025",
            "lead": "Une soixantaine d'officiers jusqu'au grade de capitaine se sont réunis pour "
            "l'atelier YRO : conférences, travail en syndicat et examen de droit des conflits "
            "armés.",
            "body": [
                paragraph(
                    "<p>L'atelier des jeunes officiers de réserve est souvent le premier contact "
                    "d'un réserviste avec la CIOR. Les participants de cette année venaient de "
                    "plus de vingt nations ; pour beaucoup, c'était la première fois qu'ils "
                    "travaillaient en anglais ou en français avec des officiers d'autres "
                    "armées.</p>"
                ),
                paragraph(
                    "<p>Des conférences sur la structure de l'OTAN et sur les réserves des "
                    "nations membres ont alterné avec un travail en syndicat sur un scénario de "
                    "soutien à la paix. Le quatrième jour, chaque participant a passé l'examen "
                    "écrit de droit des conflits armés ; les lauréats ont reçu leur certificat "
                    "lors de la cérémonie de clôture.</p>"
                ),
                quote(
                    "Je suis venu pour la formation et je repars avec des amis dans douze pays.",
                    "Un participant letton",
                ),
            ],
        },
    },
    {
        "category": ArticlePage.Category.CIOR,
        "date": datetime.date(2025, 8, 2),
        "byline": "Sophie Laurent, Lieutenant-Colonel (R), France / CIOR Public Affairs",
        "cover": "MILCOMP 2025 – land obstacle course",
        "gallery": [
            "Summer Congress 2025 – opening ceremony",
            "MILCOMP 2025 – rifle range",
            "MILCOMP 2025 – water obstacle course",
            "MILCOMP 2025 – team podium",
        ],
        "tags": ["Summer Congress", "MILCOMP"],
        "tags_fr": ["Congrès d'été", "MILCOMP"],
        "en": {
            "title": "Summer Congress 2025: MILCOMP teams put body and mind to the test",
            "slug": "summer-congress-milcomp-2025",
            "lead": "For three days teams of reserve officers from across the Alliance shot, ran, "
            "swam and navigated, while the Council met for its summer session.",
            "body": [
                paragraph(
                    "<p>The congress opened, as every year since 2004, with “Comrades all”, the "
                    "anthem of CIOR, played before the assembled delegations. Over the following "
                    "days the Council, the committees and the sister organisations met while "
                    "the competitors took to the ranges.</p>"
                ),
                ("heading", "The military competition"),
                paragraph(
                    "<p>Held every summer since 1957, MILCOMP asks teams of three to complete "
                    "every event together: pistol and rifle shooting, a 500-metre land obstacle "
                    "course, a 50-metre water obstacle course, an orienteering march with range "
                    "estimation and grenade throwing, first aid and a written test on the law "
                    "of armed conflict.</p>"
                ),
                paragraph(
                    "<p>Novice teams competed alongside veterans with more than four "
                    "participations, and international teams brought together officers from "
                    "several nations. The results, provisional during each discipline and "
                    "declared official by the technical jury, were followed live by the "
                    "delegations.</p>"
                ),
            ],
        },
        "fr": {
            "title": "Congrès d'été 2025 : les équipes de la MILCOMP à l'épreuve",
            "slug": "congres-ete-milcomp-2025",
            "lead": "Pendant trois jours, des équipes d'officiers de réserve venues de toute "
            "l'Alliance ont tiré, couru, nagé et navigué, tandis que le Conseil tenait sa "
            "session d'été.",
            "body": [
                paragraph(
                    "<p>Le congrès s'est ouvert, comme chaque année depuis 2004, sur "
                    "« Comrades all », l'hymne de la CIOR, joué devant les délégations "
                    "rassemblées. Les jours suivants, le Conseil, les commissions et les "
                    "organisations sœurs se sont réunis pendant que les compétiteurs gagnaient "
                    "les pas de tir.</p>"
                ),
                ("heading", "La compétition militaire"),
                paragraph(
                    "<p>Organisée chaque été depuis 1957, la MILCOMP demande à des équipes de "
                    "trois d'accomplir ensemble toutes les épreuves : tir au pistolet et au "
                    "fusil, piste d'obstacles terrestre de 500 mètres, piste d'obstacles "
                    "nautique de 50 mètres, marche d'orientation avec estimation des distances "
                    "et lancer de grenade, secourisme et épreuve écrite de droit des conflits "
                    "armés.</p>"
                ),
                paragraph(
                    "<p>Des équipes novices ont concouru aux côtés de vétérans comptant plus de "
                    "quatre participations, et des équipes internationales ont réuni des "
                    "officiers de plusieurs nations. Les résultats, provisoires pendant chaque "
                    "épreuve puis déclarés officiels par le jury technique, ont été suivis en "
                    "direct par les délégations.</p>"
                ),
            ],
        },
    },
    {
        "category": ArticlePage.Category.CIOR,
        "date": datetime.date(2025, 8, 16),
        "byline": "Claire Dubois, Captain (R), Belgium / CIOR Public Affairs",
        "cover": "Language Academy 2025 – graduation",
        "gallery": ["Language Academy 2025 – French class"],
        "tags": ["Language Academy", "STANAG 6001"],
        "tags_fr": ["Académie linguistique", "STANAG 6001"],
        "en": {
            "title": "Language Academy 2025: a hundred graduates in English and French",
            "slug": "language-academy-2025",
            "lead": "After two intensive weeks, the students of the CIOR Language Academy received "
            "their certificates, each at the STANAG 6001 level of their class.",
            "body": [
                paragraph(
                    "<p>The Language Academy teaches NATO's two official languages to reserve "
                    "officers and senior non-commissioned officers, with the military lexicon "
                    "they need in multinational headquarters. A placement test on the first "
                    "day sorted the students into classes of three levels.</p>"
                ),
                paragraph(
                    "<p>Mornings were spent in class, afternoons in briefings, role play and "
                    "visits, always in the language being learned. Teachers and students alike "
                    "praised the evening tandems, where English and French speakers helped each "
                    "other.</p>"
                ),
            ],
        },
        "fr": {
            "title": "Académie linguistique 2025 : une centaine de diplômés en anglais et en "
            "français",
            "slug": "academie-linguistique-2025",
            "lead": "Après deux semaines intensives, les stagiaires de l'Académie linguistique de "
            "la CIOR ont reçu leur certificat, chacun au niveau STANAG 6001 de sa classe.",
            "body": [
                paragraph(
                    "<p>L'Académie linguistique enseigne les deux langues officielles de l'OTAN "
                    "à des officiers de réserve et à des sous-officiers supérieurs, avec le "
                    "lexique militaire dont ils ont besoin dans les états-majors multinationaux. "
                    "Un test de placement, le premier jour, a réparti les stagiaires en classes "
                    "de trois niveaux.</p>"
                ),
                paragraph(
                    "<p>Les matinées étaient consacrées aux cours, les après-midi aux exposés, "
                    "aux mises en situation et aux visites, toujours dans la langue étudiée. "
                    "Enseignants et stagiaires ont salué les tandems du soir, où anglophones et "
                    "francophones s'entraidaient.</p>"
                ),
            ],
        },
    },
    {
        "category": ArticlePage.Category.NATIONAL,
        "date": datetime.date(2026, 1, 30),
        "byline": "Mart Tamm, Major (R), Estonia / CIOR Public Affairs",
        "cover": "Estonian winter navigation 2026",
        "gallery": [],
        "tags": ["Estonia", "Training"],
        "tags_fr": ["Estonie", "Entraînement"],
        "en": {
            "title": "Estonian reservists navigate through the winter forest",
            "slug": "estonia-winter-navigation-2026",
            "lead": "The Estonian reserve officers' association held its winter navigation "
            "competition, a useful rehearsal for the MILCOMP orienteering march.",
            "body": [
                paragraph(
                    "<p>Teams of three covered about fifteen kilometres on skis and on foot in "
                    "the forests of southern Estonia, finding their control posts with map and "
                    "compass at temperatures well below zero.</p>"
                ),
                paragraph(
                    "<p>Along the route they estimated distances and treated a simulated casualty, "
                    "as in the international competition. Guests from Latvia and Finland took "
                    "part, and several teams plan to compete at the next Summer Congress.</p>"
                ),
            ],
        },
        "fr": {
            "title": "Les réservistes estoniens s'orientent dans la forêt hivernale",
            "slug": "estonie-navigation-hivernale-2026",
            "lead": "L'association estonienne des officiers de réserve a organisé sa compétition "
            "de navigation hivernale, une répétition utile avant la marche d'orientation de la "
            "MILCOMP.",
            "body": [
                paragraph(
                    "<p>Des équipes de trois ont parcouru une quinzaine de kilomètres à ski et à "
                    "pied dans les forêts du sud de l'Estonie, cherchant leurs postes de contrôle "
                    "à la carte et à la boussole par des températures bien inférieures à "
                    "zéro.</p>"
                ),
                paragraph(
                    "<p>Sur le parcours, elles ont estimé des distances et pris en charge un "
                    "blessé simulé, comme lors de la compétition internationale. Des invités "
                    "lettons et finlandais y ont participé, et plusieurs équipes comptent "
                    "concourir au prochain congrès d'été.</p>"
                ),
            ],
        },
    },
    {
        "category": ArticlePage.Category.CIOR,
        "date": datetime.date(2026, 2, 6),
        "byline": "Pieter van Dijk, Captain (R), Netherlands / CIOR Public Affairs",
        "cover": "MWM 2026 – panel on reserve readiness",
        "gallery": [],
        "tags": ["Mid-Winter Meeting", "NATO"],
        "tags_fr": ["Réunion d'hiver", "OTAN"],
        "en": {
            "title": "Mid-Winter Meeting 2026 puts reserve readiness on the agenda",
            "slug": "mid-winter-meeting-2026",
            "lead": "Back at NATO Headquarters, the Council prepared the year's congress and a "
            "panel asked how quickly the Alliance's reserves can be ready.",
            "body": [
                paragraph(
                    "<p>Speakers from the Nordic nations, from the International Military Staff "
                    "and from national reserve commands compared how their reservists are "
                    "called up, trained and kept ready, and what employers and families need "
                    "to know.</p>"
                ),
                paragraph(
                    "<p>The Council heard the reports of the committees and of the host of the "
                    "next Summer Congress, and agreed the calendar of the year's activities, "
                    "from the In-Between Meetings to the Language Academy.</p>"
                ),
            ],
        },
        "fr": {
            "title": "La réunion d'hiver 2026 met la disponibilité des réserves à l'ordre du jour",
            "slug": "reunion-hiver-2026",
            "lead": "De retour au siège de l'OTAN, le Conseil a préparé le congrès de l'année et "
            "une table ronde s'est demandé en combien de temps les réserves de l'Alliance peuvent "
            "être prêtes.",
            "body": [
                paragraph(
                    "<p>Des intervenants des pays nordiques, de l'état-major militaire "
                    "international et des commandements nationaux des réserves ont comparé la "
                    "manière dont leurs réservistes sont rappelés, entraînés et maintenus en "
                    "condition, et ce que les employeurs et les familles doivent savoir.</p>"
                ),
                paragraph(
                    "<p>Le Conseil a entendu les rapports des commissions et de l'hôte du "
                    "prochain congrès d'été, et arrêté le calendrier des activités de l'année, "
                    "des réunions intermédiaires à l'Académie linguistique.</p>"
                ),
            ],
        },
    },
    {
        "category": ArticlePage.Category.OTHER,
        "date": datetime.date(2026, 3, 10),
        "byline": "Anna Kowalska, Major (R), Poland / CIOR Public Affairs",
        "cover": "CIOR archives – photographs",
        "gallery": [],
        "tags": ["Photo library", "History"],
        "tags_fr": ["Photothèque", "Histoire"],
        "en": {
            "title": "Share your photographs: the CIOR photo library opens",
            "slug": "photo-library-opens",
            "lead": "The new photo library gathers the pictures of congresses, competitions and "
            "meetings, with captions in English and French. Nations are invited to contribute.",
            "body": [
                paragraph(
                    "<p>Every photograph is described, credited and dated, and tagged with the "
                    "event and the nations it shows, so that it can be found by anyone preparing "
                    "an article, a presentation or an anniversary.</p>"
                ),
                paragraph(
                    "<p>A photo appears in the public library only once its publication has "
                    "been cleared. National associations with pictures of past congresses are "
                    "asked to send them to the Strategy and Communication committee.</p>"
                ),
            ],
        },
        "fr": {
            "title": "Partagez vos photos : la photothèque de la CIOR ouvre ses portes",
            "slug": "ouverture-phototheque",
            "lead": "La nouvelle photothèque rassemble les images des congrès, des compétitions et "
            "des réunions, légendées en anglais et en français. Les nations sont invitées à y "
            "contribuer.",
            "body": [
                paragraph(
                    "<p>Chaque photographie est décrite, créditée et datée, et rattachée à "
                    "l'événement et aux nations qu'elle montre, afin que chacun puisse la "
                    "retrouver pour préparer un article, une présentation ou un "
                    "anniversaire.</p>"
                ),
                paragraph(
                    "<p>Une photo n'apparaît dans la photothèque publique qu'une fois sa "
                    "publication autorisée. Les associations nationales qui possèdent des images "
                    "de congrès passés sont priées de les adresser à la commission Stratégie et "
                    "communication.</p>"
                ),
            ],
        },
    },
]


def load(context):
    """Create the news index, the photo library, the demo photos and articles, once."""
    homes = context.homes
    indexes = add_translated_page(
        context,
        "news_index",
        homes,
        NewsIndexPage,
        common={"show_in_menus": True},
        en={
            "title": "News",
            "slug": "news",
            "intro": "What the confederation, its committees and its member associations have "
            "been doing.",
        },
        fr={
            "title": "Actualités",
            "slug": "actualites",
            "intro": "Les activités de la confédération, de ses commissions et de ses "
            "associations membres.",
        },
    )
    add_translated_page(
        context,
        "photo_library",
        homes,
        PhotoLibraryPage,
        common={"show_in_menus": True},
        en={
            "title": "Photo library",
            "slug": "photos",
            "intro": "Photographs of CIOR congresses, competitions and meetings, cleared for "
            "publication. Please credit the photographer.",
        },
        fr={
            "title": "Photothèque",
            "slug": "photos",
            "intro": "Photographies des congrès, compétitions et réunions de la CIOR, autorisées "
            "à la publication. Merci de citer le photographe.",
        },
    )
    photos = {spec["title"]: demo_photo(context, seed, spec) for seed, spec in enumerate(PHOTOS)}
    generate_renditions(
        [photo for photo in photos.values() if photo.publication_cleared], GALLERY_SPECS
    )
    for number, spec in enumerate(ARTICLES):
        gallery = [ArticleGalleryImage(image=photos[title]) for title in spec["gallery"]]
        pages = add_translated_page(
            context,
            f"article_{number}",
            indexes,
            ArticlePage,
            common={
                "category": spec["category"],
                "date": spec["date"],
                "byline": spec["byline"],
                "cover": photos[spec["cover"]],
            },
            # The French page copies the gallery from the English one.
            en={**spec["en"], "gallery_images": gallery, "tagged_items": tagged(spec["tags"])},
            fr={**spec["fr"], "tagged_items": tagged(spec["tags_fr"])},
        )
        for page in pages.values():
            generate_article_renditions(page)


def tagged(names):
    return [ArticleTag(tag=Tag.objects.get_or_create(name=name)[0]) for name in names]


def demo_photo(context, seed, spec):
    """Return the demo photo titled spec["title"], drawing and saving it the first time."""
    photo = Photo.objects.filter(title=spec["title"]).first()
    if photo is not None:
        return photo
    data = draw_photo(seed, spec["motif"], spec["palette"])
    photo = Photo(
        title=spec["title"],
        file=ImageFile(io.BytesIO(data), name=f"demo-{seed:02d}.jpg"),
        file_size=len(data),
        file_hash=hashlib.sha1(data).hexdigest(),
        collection=Collection.get_first_root_node(),
        description=spec["description"],
        caption_en=spec["caption_en"],
        caption_fr=spec["caption_fr"],
        credit=PHOTO_CREDIT,
        taken_on=spec["taken_on"],
        event_name=spec["event_name"],
        people_shown=spec.get("people_shown", ""),
        publication_cleared=spec.get("publication_cleared", True),
    )
    photo.save()
    photo.nations.set(Nation.objects.filter(code__in=spec["nations"]))
    context.log(f"photo {photo.title}")
    return photo


def draw_photo(seed, motif, palette, size=None):
    """Return the JPEG bytes of a picture: a sky gradient, the ground and a large motif."""
    width, height = size or PHOTO_SIZE
    sky_top, sky_bottom, accent, ground = palette
    rng = random.Random(seed)
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.composite(
        Image.new("RGB", (width, height), sky_bottom),
        Image.new("RGB", (width, height), sky_top),
        gradient,
    )
    # Soft out-of-focus lights, as in a photograph taken indoors or at dusk.
    lights = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(lights)
    for _ in range(14):
        x, y = rng.uniform(0, width), rng.uniform(0, height * 0.7)
        radius = rng.uniform(0.02, 0.07) * width
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=(255, 255, 255, 40))
    image = Image.alpha_composite(image.convert("RGBA"), lights).convert("RGB")
    draw = ImageDraw.Draw(image)
    horizon = int(height * 0.72)
    draw.rectangle((0, horizon, width, height), fill=ground)
    MOTIFS[motif](draw, rng, width, height, horizon, accent)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


FLAG_COLOURS = ["#c8102e", "#003f87", "#ffffff", "#ffcd00", "#00843d", "#000000", "#ff8200"]


def _flags(draw, rng, width, height, horizon, accent):
    count = 7
    for index in range(count):
        x = width * (index + 1) / (count + 1)
        top = horizon - height * rng.uniform(0.45, 0.55)
        draw.line((x, horizon, x, top), fill=accent, width=max(1, width // 200))
        colours = rng.sample(FLAG_COLOURS, 3)
        flag_w, flag_h = width * 0.07, height * 0.09
        for stripe, colour in enumerate(colours):
            draw.rectangle(
                (x, top + stripe * flag_h / 3, x + flag_w, top + (stripe + 1) * flag_h / 3),
                fill=colour,
            )


def _table(draw, rng, width, height, horizon, accent):
    cx, cy = width / 2, horizon - height * 0.05
    rx, ry = width * 0.3, height * 0.12
    draw.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=accent)
    for index in range(10):
        angle = index / 10 * 6.283
        x = cx + (rx + width * 0.04) * math.cos(angle)
        y = cy + (ry + height * 0.06) * math.sin(angle)
        radius = width * 0.025
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill="#2f2f2f")


def _wall(draw, rng, width, height, horizon, accent):
    left, top = width * 0.35, horizon - height * 0.45
    draw.rectangle((left, top, width * 0.65, horizon), fill=accent)
    for plank in range(1, 6):
        y = top + plank * (horizon - top) / 6
        draw.line((left, y, width * 0.65, y), fill="#5a3e1b", width=max(1, width // 400))
    head = width * 0.025
    hx, hy = width * 0.5, top - head * 1.5
    draw.ellipse((hx - head, hy - head, hx + head, hy + head), fill="#3b3b2f")
    draw.line((hx, hy, hx + width * 0.05, top + height * 0.08), fill="#3b3b2f", width=int(head))


def _targets(draw, rng, width, height, horizon, accent):
    for index in range(3):
        cx = width * (0.25 + index * 0.25)
        cy = horizon - height * 0.25
        for ring in range(5, 0, -1):
            radius = width * 0.018 * ring
            colour = accent if ring % 2 else "#ffffff"
            draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=colour)


def _waves(draw, rng, width, height, horizon, accent):
    for lane in range(1, 6):
        y = height * lane / 6
        points = [
            (x, y + height * 0.02 * math.sin(x / width * 18 + lane)) for x in range(0, width, 8)
        ]
        draw.line(points, fill=accent, width=max(1, width // 150))


def _podium(draw, rng, width, height, horizon, accent):
    step = width * 0.16
    for place, (offset, level) in enumerate([(-1, 0.18), (0, 0.28), (1, 0.12)]):
        left = width / 2 + offset * step - step / 2
        draw.rectangle((left, horizon - height * level, left + step, horizon), fill=accent)
        colour = ["#c0c0c0", "#ffd700", "#cd7f32"][place]
        radius = width * 0.02
        cx, cy = left + step / 2, horizon - height * level - radius * 2
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=colour)


def _books(draw, rng, width, height, horizon, accent):
    bottom = horizon
    for _ in range(6):
        book_w = width * rng.uniform(0.25, 0.35)
        book_h = height * 0.06
        left = width / 2 - book_w / 2 + rng.uniform(-0.03, 0.03) * width
        draw.rectangle((left, bottom - book_h, left + book_w, bottom), fill=accent)
        draw.line((left, bottom - book_h / 2, left + book_w, bottom - book_h / 2), fill="#ffffff")
        bottom -= book_h
    cx, top = width / 2, bottom - height * 0.04
    draw.polygon(
        [
            (cx - width * 0.12, top),
            (cx, top - height * 0.06),
            (cx + width * 0.12, top),
            (cx, top + height * 0.06),
        ],
        fill="#1a1a1a",
    )


def _compass(draw, rng, width, height, horizon, accent):
    cx, cy = width / 2, height * 0.42
    outer, inner = height * 0.32, height * 0.07
    draw.ellipse(
        (cx - outer * 0.8, cy - outer * 0.8, cx + outer * 0.8, cy + outer * 0.8),
        outline=accent,
        width=max(1, width // 160),
    )
    for dx, dy in [(0, -1), (1, 0), (0, 1), (-1, 0)]:
        tip = (cx + dx * outer, cy + dy * outer)
        side_a = (cx + dy * inner, cy - dx * inner)
        side_b = (cx - dy * inner, cy + dx * inner)
        draw.polygon([tip, side_a, (cx, cy)], fill=accent)
        draw.polygon([tip, side_b, (cx, cy)], fill="#ffffff")


def _snow(draw, rng, width, height, horizon, accent):
    for index in range(9):
        x = width * (index + 0.5) / 9 + rng.uniform(-0.02, 0.02) * width
        tree_h = height * rng.uniform(0.25, 0.4)
        draw.polygon(
            [(x, horizon - tree_h), (x - width * 0.04, horizon), (x + width * 0.04, horizon)],
            fill=accent,
        )
    for _ in range(200):
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        radius = max(1, width // 400)
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill="#ffffff")


def _frames(draw, rng, width, height, horizon, accent):
    for _ in range(5):
        frame_w, frame_h = width * 0.22, height * 0.28
        left = rng.uniform(0.05, 0.7) * width
        top = rng.uniform(0.15, 0.55) * height
        draw.rectangle((left, top, left + frame_w, top + frame_h), fill=accent)
        margin = width * 0.01
        draw.rectangle(
            (left + margin, top + margin, left + frame_w - margin, top + frame_h - margin * 3),
            fill=rng.choice(["#4a4a4a", "#6b6b6b", "#8a8a8a"]),
        )


MOTIFS = {
    "flags": _flags,
    "table": _table,
    "wall": _wall,
    "targets": _targets,
    "waves": _waves,
    "podium": _podium,
    "books": _books,
    "compass": _compass,
    "snow": _snow,
    "frames": _frames,
}
