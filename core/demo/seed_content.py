"""The public site's seed content in English and French (from the client's text)."""

# A translated string is a dict {"en": ..., "fr": ...}.
# A body is a list of blocks, each a tuple (block_type, value) where block_type is one of:
#   "heading"   value: str (an h2)
#   "paragraph" value: HTML str using only <p>, <ul>, <ol>, <li>, <strong>, <em>, <a href="...">
#   "quote"     value: {"text": str, "attribution": str}
#   "figures"   value: list of {"value": str, "label": str}   (key figures row)
# Bodies are given per language: {"en": [blocks], "fr": [blocks]}; both lists have the same
# block types in the same order.
#
# The English follows the client's text (seed/cior-about.txt), with its typos corrected.
# Plain text (titles, intros, headings, summaries) is escaped by the templates; only the
# "paragraph" values and the HTML descriptions are markup, so "&" is written "&amp;" there.

TAGLINE = {
    "en": "World's largest military reserve officer organization",
    "fr": "La plus grande organisation d'officiers de réserve au monde",
}

INTRO = {
    "en": (
        "The Interallied Confederation of Reserve Officers, commonly referred to by its French "
        "acronym CIOR, represents the interests of approximately 1.3 million reservists across 34 "
        "participating nations within and beyond NATO."
    ),
    "fr": (
        "La Confédération interalliée des officiers de réserve, couramment désignée par son "
        "acronyme français CIOR, représente les intérêts d'environ 1,3 million de réservistes de "
        "34 nations participantes, membres de l'OTAN et au-delà."
    ),
}

FIGURES = {
    "en": [
        {"value": "1948", "label": "Founded"},
        {"value": "1.3 million", "label": "Reservists"},
        {"value": "34", "label": "Participating nations"},
        {"value": "28", "label": "Full members"},
        {"value": "6", "label": "Associate members"},
    ],
    "fr": [
        {"value": "1948", "label": "Année de fondation"},
        {"value": "1,3 million", "label": "Réservistes"},
        {"value": "34", "label": "Nations participantes"},
        {"value": "28", "label": "Membres de plein droit"},
        {"value": "6", "label": "Membres associés"},
    ],
}

AIMS_HEADING = {"en": "Our aims", "fr": "Nos objectifs"}

AIMS = {
    "en": [
        "Support the policies of NATO and assist in the achievement of the Alliance's objectives.",
        "Promote the role and importance of reserves in NATO and at national level.",
        "Foster the professional development of reserve officers.",
    ],
    "fr": [
        (
            "Soutenir les politiques de l'OTAN et contribuer à la réalisation des objectifs de "
            "l'Alliance."
        ),
        (
            "Promouvoir le rôle et l'importance des réserves au sein de l'OTAN et à l'échelon "
            "national."
        ),
        "Favoriser le développement professionnel des officiers de réserve.",
    ],
}

QUOTE = {
    "text": {
        "en": "The reservist is twice the citizen.",
        "fr": "Le réserviste est deux fois citoyen.",
    },
    "attribution": {"en": "Sir Winston Churchill", "fr": "Sir Winston Churchill"},
}

HOME = {
    "title": {
        "en": "Interallied Confederation of Reserve Officers",
        "fr": "Confédération interalliée des officiers de réserve",
    },
    "tagline": TAGLINE,
    "intro": INTRO,
    "figures": FIGURES,
    "aims_heading": AIMS_HEADING,
    "aims": AIMS,
    "quote": QUOTE,
}


def _html_list(items, tag="ul"):
    """Return items as an HTML list."""
    return f"<{tag}>" + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>"


PAGES = [
    {
        "key": "about",
        "parent": None,
        "slug": {"en": "about", "fr": "a-propos"},
        "title": {"en": "About CIOR", "fr": "À propos de la CIOR"},
        "menu": True,
        "intro": {
            "en": (
                "The world's largest military reserve officer organization, founded in 1948 and "
                "officially recognised by NATO."
            ),
            "fr": (
                "La plus grande organisation d'officiers de réserve au monde, fondée en 1948 et "
                "officiellement reconnue par l'OTAN."
            ),
        },
        "search_description": {
            "en": (
                "CIOR, the Interallied Confederation of Reserve Officers, represents about 1.3 "
                "million reservists from 34 nations within and beyond NATO."
            ),
            "fr": (
                "La CIOR, Confédération interalliée des officiers de réserve, représente environ "
                "1,3 million de réservistes de 34 nations, membres de l'OTAN et au-delà."
            ),
        },
        "body": {
            "en": [
                ("heading", TAGLINE["en"]),
                ("paragraph", f"<p>{INTRO['en']}</p>"),
                ("figures", FIGURES["en"]),
                ("heading", AIMS_HEADING["en"]),
                ("paragraph", _html_list(AIMS["en"])),
                ("heading", "Founded in 1948"),
                (
                    "paragraph",
                    (
                        "<p>CIOR was founded in 1948 by the reserve officer associations of "
                        "Belgium, France and the Netherlands. Today it brings together the "
                        "national reserve officer associations of 28 full member nations and 6 "
                        "associate member nations, and it is officially recognised by NATO's "
                        "Military Committee.</p>"
                    ),
                ),
            ],
            "fr": [
                ("heading", TAGLINE["fr"]),
                ("paragraph", f"<p>{INTRO['fr']}</p>"),
                ("figures", FIGURES["fr"]),
                ("heading", AIMS_HEADING["fr"]),
                ("paragraph", _html_list(AIMS["fr"])),
                ("heading", "Fondée en 1948"),
                (
                    "paragraph",
                    (
                        "<p>La CIOR a été fondée en 1948 par les associations d'officiers de "
                        "réserve de Belgique, de France et des Pays-Bas. Elle réunit aujourd'hui "
                        "les associations nationales d'officiers de réserve de 28 nations membres "
                        "de plein droit et de 6 nations membres associées, et elle est "
                        "officiellement reconnue par le Comité militaire de l'OTAN.</p>"
                    ),
                ),
            ],
        },
    },
    {
        "key": "history",
        "parent": "about",
        "slug": {"en": "history", "fr": "historique"},
        "title": {"en": "History", "fr": "Historique"},
        "menu": False,
        "intro": {
            "en": (
                "CIOR was born of the determination of reserve officers who had fought in the "
                "Armed Forces and the Resistance."
            ),
            "fr": (
                "La CIOR est née de la détermination d'officiers de réserve qui avaient combattu "
                "dans les forces armées et dans la Résistance."
            ),
        },
        "search_description": {
            "en": (
                "How the reserve officer associations of Belgium, France and the Netherlands "
                "founded CIOR in 1948 to strengthen collective security."
            ),
            "fr": (
                "Comment les associations d'officiers de réserve de Belgique, de France et des "
                "Pays-Bas ont fondé la CIOR en 1948 au service de la sécurité collective."
            ),
        },
        "body": {
            "en": [
                ("heading", "CIOR was founded in 1948"),
                (
                    "paragraph",
                    (
                        "<p>CIOR, an organization that emerged from the determination of Reserve "
                        "Officers who had fought in the Armed Forces and Resistance, aimed to use "
                        "their experience to enhance collective security and pass down their "
                        "values to future generations. This initiative was prompted by the "
                        "alarming reduction of American, Canadian, and British military presence "
                        "in Western Europe, which left France, Belgium, and the Netherlands "
                        "vulnerable due to their insufficient armed forces.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>In this uncertainty about the future and with a deep appreciation for "
                        "the relationships forged between 1935 and 1937, as well as during the "
                        "war, the leaders of the Reserve Officer Associations from Belgium, "
                        "France, and the Netherlands convened in Brussels, Paris, and Amsterdam in "
                        "the course of 1947, founded the Interallied Committee of Reserve Officers "
                        "and laid the groundwork for a congress and a program of activities.</p>"
                    ),
                ),
                ("quote", {"text": QUOTE["text"]["en"], "attribution": QUOTE["attribution"]["en"]}),
            ],
            "fr": [
                ("heading", "La CIOR a été fondée en 1948"),
                (
                    "paragraph",
                    (
                        "<p>Née de la détermination d'officiers de réserve qui avaient combattu "
                        "dans les forces armées et dans la Résistance, la CIOR avait pour ambition "
                        "de mettre leur expérience au service de la sécurité collective et de "
                        "transmettre leurs valeurs aux générations futures. Cette initiative fut "
                        "motivée par la réduction alarmante de la présence militaire américaine, "
                        "canadienne et britannique en Europe occidentale, qui laissait la France, "
                        "la Belgique et les Pays-Bas vulnérables en raison de l'insuffisance de "
                        "leurs forces armées.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Face à cet avenir incertain, et profondément attachés aux liens noués "
                        "entre 1935 et 1937 ainsi que pendant la guerre, les dirigeants des "
                        "associations d'officiers de réserve de Belgique, de France et des "
                        "Pays-Bas se réunirent à Bruxelles, à Paris et à Amsterdam au cours de "
                        "l'année 1947. Ils fondèrent le Comité interallié des officiers de réserve "
                        "et jetèrent les bases d'un congrès et d'un programme d'activités.</p>"
                    ),
                ),
                ("quote", {"text": QUOTE["text"]["fr"], "attribution": QUOTE["attribution"]["fr"]}),
            ],
        },
    },
    {
        "key": "vision",
        "parent": "about",
        "slug": {"en": "vision", "fr": "vision"},
        "title": {"en": "Vision and purpose", "fr": "Vision et mission"},
        "menu": False,
        "intro": {
            "en": "CIOR is recognised as the spokesman for the reserve service in NATO.",
            "fr": (
                "La CIOR est reconnue comme le porte-parole du service de réserve au sein de "
                "l'OTAN."
            ),
        },
        "search_description": {
            "en": (
                "CIOR's vision and purpose: aligning with NATO, supporting the training of reserve "
                "leaders and sharing best practices on reserve service."
            ),
            "fr": (
                "La vision et la mission de la CIOR : s'aligner sur l'OTAN, soutenir la formation "
                "des cadres de réserve et partager les bonnes pratiques."
            ),
        },
        "body": {
            "en": [
                ("heading", "Our vision"),
                (
                    "paragraph",
                    (
                        "<p>The CIOR vision is to align and affiliate in the strongest way with "
                        "NATO and its subordinate structures, stakeholder nations and reservists "
                        "with a positive, forward-looking contribution to the Reserves' component "
                        "of future operations and the development of the culture of Reserve "
                        "service.</p>"
                    ),
                ),
                ("heading", "CIOR's purpose"),
                (
                    "paragraph",
                    (
                        "<p>CIOR has a major role to play, especially in introducing the reserve "
                        "service in NATO countries, supporting the training of reserve leaders, "
                        "and collecting and sharing best practices, especially developing "
                        "skillsets. CIOR is recognised as the spokesman for the reserve service in "
                        "NATO with the aim to support the policies of NATO to assist in the "
                        "achievement of the Alliance's objectives.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>CIOR provides advice on Reserve matters and CIOR has the ability to "
                        "co-ordinate quick responses on reservist matters to member nations and "
                        "more widely to partners.</p>"
                    ),
                ),
            ],
            "fr": [
                ("heading", "Notre vision"),
                (
                    "paragraph",
                    (
                        "<p>La vision de la CIOR est de s'aligner et de s'associer le plus "
                        "étroitement possible avec l'OTAN et ses structures subordonnées, les "
                        "nations parties prenantes et les réservistes, en apportant une "
                        "contribution positive et tournée vers l'avenir à la composante de réserve "
                        "des opérations futures et au développement de la culture du service dans "
                        "la réserve.</p>"
                    ),
                ),
                ("heading", "La mission de la CIOR"),
                (
                    "paragraph",
                    (
                        "<p>La CIOR a un rôle majeur à jouer, notamment pour faire connaître le "
                        "service de réserve dans les pays de l'OTAN, soutenir la formation des "
                        "cadres de réserve, et recueillir et partager les bonnes pratiques, en "
                        "particulier en matière de développement des compétences. La CIOR est "
                        "reconnue comme le porte-parole du service de réserve au sein de l'OTAN ; "
                        "elle a pour but de soutenir les politiques de l'OTAN afin de contribuer à "
                        "la réalisation des objectifs de l'Alliance.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>La CIOR fournit des avis sur les questions relatives aux réserves et "
                        "elle est en mesure de coordonner des réponses rapides sur les questions "
                        "concernant les réservistes à l'intention des nations membres et, plus "
                        "largement, des partenaires.</p>"
                    ),
                ),
            ],
        },
    },
    {
        "key": "reservists",
        "parent": "about",
        "slug": {"en": "reservists", "fr": "reservistes"},
        "title": {"en": "Reservists", "fr": "Les réservistes"},
        "menu": False,
        "intro": {
            "en": "Linking civilian expertise with military capabilities.",
            "fr": "Mettre l'expertise civile au service des capacités militaires.",
        },
        "search_description": {
            "en": (
                "Reserve officers are active civilians and professionals: they bring civilian "
                "expertise to the challenges facing reserve forces at NATO."
            ),
            "fr": (
                "Les officiers de réserve sont aussi des civils et des professionnels en activité "
                ": ils apportent leur expertise civile aux forces de réserve de l'OTAN."
            ),
        },
        "body": {
            "en": [
                (
                    "paragraph",
                    (
                        "<p>A growing number of nations use the niche capabilities of reserves, "
                        "often building on the individual or even collective experience of the "
                        "individual.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>These individuals are active civilians and professionals, in addition "
                        "to their role as reserve officers. This dual role allows them to "
                        "contribute to a better understanding of security and defence issues "
                        "within their national populations, as well as bringing civilian expertise "
                        "and experiences to the challenges facing reserve forces at NATO.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>By raising awareness of contemporary reserve issues and promoting "
                        "interoperability and cooperation while respecting national traditions, "
                        "CIOR develops individual reservists to serve national and international "
                        "interests.</p>"
                    ),
                ),
            ],
            "fr": [
                (
                    "paragraph",
                    (
                        "<p>Un nombre croissant de nations font appel aux capacités de niche des "
                        "réserves, en s'appuyant souvent sur l'expérience individuelle, voire "
                        "collective, de chacun.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Outre leur rôle d'officiers de réserve, ces femmes et ces hommes sont "
                        "des civils et des professionnels en activité. Ce double rôle leur permet "
                        "de contribuer à une meilleure compréhension des questions de sécurité et "
                        "de défense au sein de leur population nationale, tout en apportant leur "
                        "expertise et leur expérience civiles pour relever les défis auxquels sont "
                        "confrontées les forces de réserve à l'OTAN.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>En sensibilisant aux enjeux actuels des réserves et en promouvant "
                        "l'interopérabilité et la coopération dans le respect des traditions "
                        "nationales, la CIOR accompagne le développement de chaque réserviste au "
                        "service des intérêts nationaux et internationaux.</p>"
                    ),
                ),
            ],
        },
    },
    {
        "key": "anthem",
        "parent": "about",
        "slug": {"en": "anthem", "fr": "hymne"},
        "title": {"en": "CIOR anthem", "fr": "Hymne de la CIOR"},
        "menu": False,
        "intro": {
            "en": "“Comrades all”, the anthem of CIOR since 2004.",
            "fr": "« Comrades all », hymne de la CIOR depuis 2004.",
        },
        "search_description": {
            "en": (
                "Listen to “Comrades all”, the CIOR anthem since 2004, played at every Summer "
                "Congress opening ceremony, and download its music sheet."
            ),
            "fr": (
                "Écoutez « Comrades all », hymne de la CIOR depuis 2004, joué à chaque ouverture "
                "du Congrès d'été, et téléchargez sa partition."
            ),
        },
        "body": {
            "en": [
                (
                    "paragraph",
                    (
                        "<p>“Comrades all” was adopted as the anthem of CIOR in 2004 and has been "
                        "played in every Summer Congress opening ceremony ever since.</p>"
                    ),
                ),
                ("heading", "Listen to “Comrades all”"),
                ("heading", "Music sheet"),
            ],
            "fr": [
                (
                    "paragraph",
                    (
                        "<p>Adopté en 2004 comme hymne de la CIOR, « Comrades all » est joué "
                        "depuis lors à chaque cérémonie d'ouverture du Congrès d'été.</p>"
                    ),
                ),
                ("heading", "Écouter « Comrades all »"),
                ("heading", "Partition"),
            ],
        },
    },
    {
        "key": "coat-of-arms",
        "parent": "about",
        "slug": {"en": "coat-of-arms", "fr": "armoiries"},
        "title": {"en": "CIOR Coat of Arms", "fr": "Armoiries de la CIOR"},
        "menu": False,
        "intro": {
            "en": "A symbol of unity, of common values and of affiliation to NATO.",
            "fr": "Un symbole d'unité, de valeurs communes et d'affiliation à l'OTAN.",
        },
        "search_description": {
            "en": (
                "The CIOR Coat of Arms: a symbol of the unity and common values of the Member "
                "Nations and of their affiliation to NATO."
            ),
            "fr": (
                "Les armoiries de la CIOR : un symbole de l'unité et des valeurs communes des "
                "nations membres et de leur affiliation à l'OTAN."
            ),
        },
        "body": {
            "en": [
                (
                    "paragraph",
                    (
                        "<p>CIOR Coat of Arms is a symbol of unity and common values of the Member "
                        "Nations and affiliation to NATO.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>It stands for all the national reserve officer associations that make "
                        "up the Confederation: the 28 full members, whose membership follows that "
                        "of NATO, and the 6 associate members from partner nations. It is the "
                        "emblem of an organisation founded in 1948 and officially recognised by "
                        "NATO's Military Committee.</p>"
                    ),
                ),
            ],
            "fr": [
                (
                    "paragraph",
                    (
                        "<p>Les armoiries de la CIOR sont un symbole de l'unité et des valeurs "
                        "communes des nations membres ainsi que de leur affiliation à l'OTAN.</p>"
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Elles représentent l'ensemble des associations nationales d'officiers "
                        "de réserve qui composent la Confédération : les 28 membres de plein "
                        "droit, dont l'adhésion découle de l'appartenance à l'OTAN, et les 6 "
                        "membres associés issus des nations partenaires. Elles sont l'emblème "
                        "d'une organisation fondée en 1948 et officiellement reconnue par le "
                        "Comité militaire de l'OTAN.</p>"
                    ),
                ),
            ],
        },
    },
    {
        "key": "medal-of-merit",
        "parent": "about",
        "slug": {"en": "medal-of-merit", "fr": "medaille-du-merite"},
        "title": {"en": "CIOR Medal of Merit", "fr": "Médaille du mérite de la CIOR"},
        "menu": False,
        "intro": {
            "en": (
                "CIOR's distinction for outstanding merits for CIOR and/or NATO in reserve matters."
            ),
            "fr": (
                "La distinction de la CIOR pour services exceptionnels rendus à la CIOR et/ou à "
                "l'OTAN dans le domaine des réserves."
            ),
        },
        "search_description": {
            "en": (
                "The CIOR Medal of Merit rewards outstanding merits for CIOR and/or NATO in "
                "reserve matters: how a nomination is made, reviewed and voted."
            ),
            "fr": (
                "La Médaille du mérite de la CIOR récompense des services exceptionnels dans le "
                "domaine des réserves : proposition, examen et vote."
            ),
        },
        "body": {
            "en": [
                (
                    "paragraph",
                    (
                        "<p>Awarded to individuals who have outstanding merits for CIOR and/or "
                        "NATO in reserve matters.</p>"
                    ),
                ),
                ("heading", "Nomination and award"),
                (
                    "paragraph",
                    _html_list(
                        [
                            (
                                "A head of delegation (national Vice-President) or the Presidency "
                                "nominates a candidate, with a citation in English and French and "
                                "the grounds for the award."
                            ),
                            "The Presidency reviews the nomination and recommends or declines it.",
                            "The Council votes on the award by a qualified majority.",
                            (
                                "The medal is presented at a CIOR congress or at the Mid-Winter "
                                "Meeting, with a bilingual diploma."
                            ),
                        ],
                        tag="ol",
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>A nomination remains confidential until the medal is awarded. The roll "
                        "of the Medal of Merit lists the recipients with their rank, nation, year "
                        "and citation.</p>"
                    ),
                ),
            ],
            "fr": [
                (
                    "paragraph",
                    (
                        "<p>Décernée aux personnes qui ont rendu des services exceptionnels à la "
                        "CIOR et/ou à l'OTAN dans le domaine des réserves.</p>"
                    ),
                ),
                ("heading", "Proposition et attribution"),
                (
                    "paragraph",
                    _html_list(
                        [
                            (
                                "Un chef de délégation (Vice-Président national) ou la Présidence "
                                "propose un candidat, avec une citation en anglais et en français "
                                "et l'exposé des motifs."
                            ),
                            (
                                "La Présidence examine la proposition et émet un avis favorable ou "
                                "défavorable."
                            ),
                            "Le Conseil se prononce sur l'attribution à la majorité qualifiée.",
                            (
                                "La médaille est remise lors d'un congrès de la CIOR ou de la "
                                "Réunion de mi-hiver, accompagnée d'un diplôme bilingue."
                            ),
                        ],
                        tag="ol",
                    ),
                ),
                (
                    "paragraph",
                    (
                        "<p>Une proposition reste confidentielle jusqu'à l'attribution de la "
                        "médaille. Le tableau d'honneur de la Médaille du mérite mentionne les "
                        "récipiendaires avec leur grade, leur nation, l'année et la citation.</p>"
                    ),
                ),
            ],
        },
    },
    {
        "key": "structure",
        "parent": None,
        "slug": {"en": "structure", "fr": "structure"},
        "title": {"en": "Structure", "fr": "Structure"},
        "menu": True,
        "intro": {
            "en": (
                "A constitution, a rotating Presidency, an Executive Council and eight standing "
                "committees."
            ),
            "fr": (
                "Des statuts, une présidence tournante, un Conseil exécutif et huit comités "
                "permanents."
            ),
        },
        "search_description": {
            "en": (
                "How CIOR is organised: its constitution, rotating Presidency, 28 full and 6 "
                "associate members, Honorary Delegates and 8 standing committees."
            ),
            "fr": (
                "L'organisation de la CIOR : statuts, présidence tournante, 28 membres de plein "
                "droit et 6 associés, délégués honoraires et 8 comités permanents."
            ),
        },
        "body": {
            "en": [
                ("heading", "CIOR is structured around a constitution"),
                (
                    "paragraph",
                    (
                        "<p>The Constitution provides for a rotating Presidency, an Executive "
                        "Council and key committees. CIOR has 28 full members and 6 associates who "
                        "contribute to the Executive Council with Vice-Presidents and Assistant "
                        "Secretaries General.</p>"
                    ),
                ),
                ("heading", "The presidential team"),
                (
                    "paragraph",
                    (
                        "<p>The presidential team is provided by one of the 28 CIOR full member "
                        "nations that consists of the elected President and Secretary General, and "
                        "a number of Assistant Secretaries General who serve for a two-year term. "
                        "Past Presidents and Past Secretaries General of CIOR are Honorary "
                        "Delegates and have access to Council meetings in an advisory capacity.</p>"
                    ),
                ),
                ("heading", "Legal status and financing"),
                (
                    "paragraph",
                    (
                        "<p>CIOR is a non-profit legal entity under Belgian law, registered "
                        "according to the Belgian Code of Companies and Associations. The "
                        "Confederation is financed by annual subscriptions from its component "
                        "national associations.</p>"
                    ),
                ),
                ("heading", "Annual events and standing committees"),
                (
                    "paragraph",
                    (
                        "<p>CIOR has several annual events that promote training, education and "
                        "professional development. CIOR currently has 8 standing committees that "
                        "combined stage 8 activities.</p>"
                    ),
                ),
            ],
            "fr": [
                ("heading", "La CIOR est organisée autour de ses statuts"),
                (
                    "paragraph",
                    (
                        "<p>Les statuts prévoient une présidence tournante, un Conseil exécutif et "
                        "des comités clés. La CIOR compte 28 membres de plein droit et 6 membres "
                        "associés, qui participent au Conseil exécutif par l'intermédiaire de "
                        "Vice-Présidents et de Secrétaires généraux adjoints.</p>"
                    ),
                ),
                ("heading", "L'équipe présidentielle"),
                (
                    "paragraph",
                    (
                        "<p>L'équipe présidentielle est issue de l'une des 28 nations membres de "
                        "plein droit de la CIOR ; elle se compose du Président et du Secrétaire "
                        "général élus ainsi que de plusieurs Secrétaires généraux adjoints, pour "
                        "un mandat de deux ans. Les anciens Présidents et anciens Secrétaires "
                        "généraux de la CIOR sont délégués honoraires et ont accès aux réunions du "
                        "Conseil à titre consultatif.</p>"
                    ),
                ),
                ("heading", "Statut juridique et financement"),
                (
                    "paragraph",
                    (
                        "<p>La CIOR est une personne morale sans but lucratif de droit belge, "
                        "enregistrée conformément au Code belge des sociétés et des associations. "
                        "La Confédération est financée par les cotisations annuelles des "
                        "associations nationales qui la composent.</p>"
                    ),
                ),
                ("heading", "Activités annuelles et comités permanents"),
                (
                    "paragraph",
                    (
                        "<p>La CIOR organise chaque année plusieurs activités qui favorisent "
                        "l'entraînement, la formation et le perfectionnement professionnel. Elle "
                        "compte actuellement 8 comités permanents, qui organisent ensemble 8 "
                        "activités.</p>"
                    ),
                ),
            ],
        },
    },
    {
        "key": "meetings",
        "parent": "structure",
        "slug": {"en": "meetings", "fr": "reunions"},
        "title": {"en": "Annual meetings", "fr": "Réunions annuelles"},
        "menu": False,
        "intro": {
            "en": (
                "Four meetings a year bring together the CIOR Council, Presidency and Committees."
            ),
            "fr": (
                "Quatre réunions par an rassemblent le Conseil, la Présidence et les comités de la "
                "CIOR."
            ),
        },
        "search_description": {
            "en": (
                "CIOR's four yearly meetings: the Mid-Winter Meeting at NATO Headquarters, the "
                "Summer Congress and the Fall and Spring In-Between Meetings."
            ),
            "fr": (
                "Les quatre réunions annuelles de la CIOR : Réunion de mi-hiver au QG de l'OTAN, "
                "Congrès d'été et Réunions intermédiaires d'automne et de printemps."
            ),
        },
        "body": {
            "en": [
                (
                    "paragraph",
                    (
                        "<p>The CIOR Council, Presidency and Committees meet 4 times a year: at "
                        "two meetings held jointly with CIOMR, the Mid-Winter Meeting and the "
                        "Summer Congress, and at two In-Between Meetings devoted to executive "
                        "planning.</p>"
                    ),
                ),
                ("heading", "CIOR/CIOMR Mid-Winter Meeting (MWM)"),
                ("paragraph", "<p>Usually held in February at NATO Headquarters in Brussels.</p>"),
                ("heading", "CIOR/CIOMR Summer Congress"),
                (
                    "paragraph",
                    (
                        "<p>A CIOR affiliate hosts this event in their nation on a rotating basis, "
                        "usually in July or August. The congress brings together 500 to 1,000 "
                        "participants from more than 30 nations; besides the Council, it includes "
                        "the Military Competition (MILCOMP), the Civil-Military Exercise (CIMEX), "
                        "the Language Academy, the YRO Workshop and the Symposium. The CIOR flag "
                        "passes to the incoming Presidency at the Summer Congress.</p>"
                    ),
                ),
                ("heading", "Fall In-Between Meeting"),
                (
                    "paragraph",
                    (
                        "<p>An additional 2-3 day executive planning meeting, usually in April or "
                        "May.</p>"
                    ),
                ),
                ("heading", "Spring In-Between Meeting"),
                (
                    "paragraph",
                    "<p>An additional 2-3 day executive planning meeting, usually in November.</p>",
                ),
            ],
            "fr": [
                (
                    "paragraph",
                    (
                        "<p>Le Conseil, la Présidence et les comités de la CIOR se réunissent "
                        "quatre fois par an : lors de deux réunions tenues conjointement avec la "
                        "CIOMR, la Réunion de mi-hiver et le Congrès d'été, et lors de deux "
                        "réunions intermédiaires consacrées à la planification de l'exécutif.</p>"
                    ),
                ),
                ("heading", "Réunion de mi-hiver CIOR/CIOMR (MWM)"),
                (
                    "paragraph",
                    (
                        "<p>Elle se tient généralement en février au Quartier général de l'OTAN, à "
                        "Bruxelles.</p>"
                    ),
                ),
                ("heading", "Congrès d'été CIOR/CIOMR"),
                (
                    "paragraph",
                    (
                        "<p>Une association membre de la CIOR accueille cet événement dans son "
                        "pays, selon un principe de rotation, généralement en juillet ou en août. "
                        "Le congrès réunit de 500 à 1 000 participants venus de plus de 30 nations "
                        "; outre le Conseil, il comprend la Compétition militaire (MILCOMP), "
                        "l'exercice civilo-militaire (CIMEX), l'Académie de langues, l'atelier YRO "
                        "et le Symposium. Le drapeau de la CIOR est transmis à la nouvelle "
                        "Présidence lors du Congrès d'été.</p>"
                    ),
                ),
                ("heading", "Réunion intermédiaire d'automne"),
                (
                    "paragraph",
                    (
                        "<p>Réunion supplémentaire de planification de l'exécutif, d'une durée de "
                        "deux à trois jours, généralement en avril ou en mai.</p>"
                    ),
                ),
                ("heading", "Réunion intermédiaire de printemps"),
                (
                    "paragraph",
                    (
                        "<p>Réunion supplémentaire de planification de l'exécutif, d'une durée de "
                        "deux à trois jours, généralement en novembre.</p>"
                    ),
                ),
            ],
        },
    },
    {
        "key": "nato",
        "parent": "structure",
        "slug": {"en": "nato", "fr": "otan"},
        "title": {"en": "CIOR and NATO", "fr": "La CIOR et l'OTAN"},
        "menu": False,
        "intro": {
            "en": (
                "CIOR is officially recognised by NATO's Military Committee and represented at "
                "NATO Headquarters by its Permanent Representative."
            ),
            "fr": (
                "La CIOR est officiellement reconnue par le Comité militaire de l'OTAN et "
                "représentée au Quartier général de l'OTAN par son Représentant permanent."
            ),
        },
        "search_description": {
            "en": (
                "CIOR's recognition by NATO's Military Committee (MC 0441/2, MC 0248/2) and its "
                "Permanent Representative in the International Military Staff."
            ),
            "fr": (
                "La reconnaissance de la CIOR par le Comité militaire de l'OTAN (MC 0441/2, MC "
                "0248/2) et son Représentant permanent à l'État-major militaire international."
            ),
        },
        "body": {
            "en": [
                ("heading", "CIOR is officially recognised by NATO"),
                (
                    "paragraph",
                    (
                        "<p>CIOR is the only organisation next to NRFC recognised by the Military "
                        "Committee with documents MC 0441/2 “NATO Framework Policy on Reserves” "
                        "and MC 0248/2 “The Relationship between NATO and the Interallied "
                        "Confederation of Reserve Officers (CIOR)”.</p>"
                    ),
                ),
                ("heading", "Permanent Representative of CIOR to NATO"),
                (
                    "paragraph",
                    (
                        "<p>CIOR is represented in the International Military Staff (IMS) in the "
                        "Policy and Capabilities Division (P&amp;C Div) by the Permanent "
                        "Representative of CIOR to NATO (Perm Rep). The Perm Rep is visible in IMS "
                        "and NATO HQ, playing a role as a point of contact for all CIOR members, "
                        "associates and others to create a good relationship with all offices that "
                        "support our engagement as reservists in NATO. The Permanent "
                        "Representative of CIOR to NATO is provided by Belgium with no "
                        "predetermined term.</p>"
                    ),
                ),
            ],
            "fr": [
                ("heading", "La CIOR est officiellement reconnue par l'OTAN"),
                (
                    "paragraph",
                    (
                        "<p>Avec le NRFC, la CIOR est la seule organisation reconnue par le Comité "
                        "militaire, au titre des documents MC 0441/2 « Politique-cadre de l'OTAN "
                        "relative aux réserves » et MC 0248/2 « Relations entre l'OTAN et la "
                        "Confédération interalliée des officiers de réserve (CIOR) ».</p>"
                    ),
                ),
                ("heading", "Représentant permanent de la CIOR auprès de l'OTAN"),
                (
                    "paragraph",
                    (
                        "<p>La CIOR est représentée au sein de l'État-major militaire "
                        "international (EMI), à la Division Politique et capacités (P&amp;C), par "
                        "le Représentant permanent de la CIOR auprès de l'OTAN. Présent et visible "
                        "à l'EMI et au Quartier général de l'OTAN, le Représentant permanent sert "
                        "de point de contact à l'ensemble des membres et associés de la CIOR ainsi "
                        "qu'à ses autres interlocuteurs, afin d'entretenir de bonnes relations "
                        "avec tous les services qui soutiennent notre engagement de réservistes au "
                        "sein de l'OTAN. Le Représentant permanent de la CIOR auprès de l'OTAN est "
                        "désigné par la Belgique, sans durée de mandat prédéterminée.</p>"
                    ),
                ),
            ],
        },
    },
]

# French captions of the pictures the loader adds to these pages (the English is the title).
IMAGE_CAPTIONS_FR = {
    "coat-of-arms": "Armoiries de la CIOR",
    "medal-of-merit": "Médaille du mérite de la CIOR",
}

# Pages the loader builds from records (presidency team, committees, partners, news, photos).
RECORD_PAGES = {
    "presidency": {
        "slug": {"en": "presidency", "fr": "presidence"},
        "title": {"en": "Presidency", "fr": "Présidence"},
        "intro": {
            "en": (
                "The presidential team is provided by one of the 28 CIOR full member nations for a "
                "two-year term."
            ),
            "fr": (
                "L'équipe présidentielle est issue de l'une des 28 nations membres de plein droit "
                "de la CIOR, pour un mandat de deux ans."
            ),
        },
    },
    "committees": {
        "slug": {"en": "committees", "fr": "comites"},
        "title": {"en": "Committees", "fr": "Comités"},
        "intro": {
            "en": (
                "CIOR's 8 standing committees stage its annual activities, from the YRO Workshop "
                "to the Military Competition."
            ),
            "fr": (
                "Les 8 comités permanents de la CIOR organisent ses activités annuelles, de "
                "l'atelier YRO à la Compétition militaire."
            ),
        },
    },
    "partners": {
        "slug": {"en": "partners", "fr": "partenaires"},
        "title": {"en": "Partners", "fr": "Partenaires"},
        "intro": {
            "en": (
                "The NATO committee, sister confederations and partner institution that CIOR works "
                "alongside."
            ),
            "fr": (
                "Le comité de l'OTAN, les confédérations sœurs et l'institution partenaire aux "
                "côtés desquels travaille la CIOR."
            ),
        },
    },
    "news": {
        "slug": {"en": "news", "fr": "actualites"},
        "title": {"en": "News", "fr": "Actualités"},
        "intro": {
            "en": "News from CIOR, its committees and its member nations.",
            "fr": "Les actualités de la CIOR, de ses comités et de ses nations membres.",
        },
    },
    "photos": {
        "slug": {"en": "photos", "fr": "photos"},
        "title": {"en": "Photos", "fr": "Photos"},
        "intro": {
            "en": "Photos from CIOR meetings, congresses and activities.",
            "fr": "Les photos des réunions, des congrès et des activités de la CIOR.",
        },
    },
}

COMMITTEES = [
    {
        "acronym": "YRO-C",
        "slug": "yro-c",
        "name": {
            "en": "Young Reserve Officers Committee",
            "fr": "Comité des jeunes officiers de réserve",
        },
        "formed": None,
        "summary": {
            "en": (
                "Trains more than 100 young officers from 14-16 countries every year at the YRO "
                "Workshop and the YRO Seminar."
            ),
            "fr": (
                "Forme chaque année plus de 100 jeunes officiers de 14 à 16 pays lors de l'atelier "
                "YRO et du séminaire YRO."
            ),
        },
        "description": {
            "en": (
                "<p>The Young Reserve Officers Committee (YRO-C) organises the training of more "
                "than 100 officers from 14-16 countries annually, within the framework of two "
                "annual events: the YRO Workshop and the YRO Seminar. The focus is on "
                "intercultural understanding, the personal and professional development of the "
                "participants as leaders and engagement in current security policy and military "
                "issues/topics amongst peers.</p>"
            ),
            "fr": (
                "<p>Le Comité des jeunes officiers de réserve (YRO-C) organise chaque année la "
                "formation de plus de 100 officiers venus de 14 à 16 pays, dans le cadre de deux "
                "activités annuelles : l'atelier YRO (YRO Workshop) et le séminaire YRO (YRO "
                "Seminar). L'accent est mis sur la compréhension interculturelle, le développement "
                "personnel et professionnel des participants en tant que chefs, ainsi que sur "
                "l'engagement entre pairs dans les questions actuelles de politique de sécurité et "
                "les questions militaires.</p>"
            ),
        },
        "main_product": {
            "en": "YRO Workshop and YRO Seminar",
            "fr": "Atelier YRO et séminaire YRO",
        },
    },
    {
        "acronym": "CLA-C",
        "slug": "cla-c",
        "name": {"en": "Language Academy Committee", "fr": "Comité de l'Académie de langues"},
        "formed": None,
        "summary": {
            "en": (
                "Plans and runs the annual CIOR Language Academy, which teaches NATO's two "
                "languages, English and French."
            ),
            "fr": (
                "Planifie et conduit l'Académie de langues annuelle de la CIOR, consacrée aux deux "
                "langues de l'OTAN, l'anglais et le français."
            ),
        },
        "description": {
            "en": (
                "<p>The CLA-C's task is to plan and execute the annual CIOR Language Academy and "
                "to provide Language Training in the two NATO languages: English and French. "
                "Ideally the committee members should come from the countries where the NATO "
                "official languages are used as mother tongue, and from the countries which should "
                "benefit most from the CIOR Language Academy (CLA). A background in education, "
                "either in teaching or in administration, should also be seen as positive to "
                "become a member of this committee. The Chair of the CLA-C is normally the "
                "Director of the CIOR Language Academy.</p>"
            ),
            "fr": (
                "<p>Le CLA-C a pour mission de planifier et de conduire l'Académie de langues "
                "annuelle de la CIOR et de dispenser une formation linguistique dans les deux "
                "langues de l'OTAN : l'anglais et le français. Idéalement, les membres du comité "
                "devraient venir des pays dont une langue officielle de l'OTAN est la langue "
                "maternelle, ainsi que des pays qui tirent le plus grand profit de l'Académie de "
                "langues de la CIOR (CLA). Une expérience dans l'enseignement, qu'il s'agisse de "
                "pédagogie ou d'administration, est également considérée comme un atout pour "
                "devenir membre de ce comité. Le président du CLA-C est normalement le directeur "
                "de l'Académie de langues de la CIOR.</p>"
            ),
        },
        "main_product": {
            "en": "CIOR Language Academy (CLA)",
            "fr": "Académie de langues de la CIOR (CLA)",
        },
    },
    {
        "acronym": "CIMIC-C",
        "slug": "cimic-c",
        "name": {
            "en": "Civil-Military Cooperation Committee",
            "fr": "Comité de coopération civilo-militaire",
        },
        "formed": "2012",
        "summary": {
            "en": (
                "CIOR's think tank on the use of reservists in civil-military cooperation, and "
                "organiser of the CIMEX exercise."
            ),
            "fr": (
                "Le groupe de réflexion de la CIOR sur l'emploi des réservistes dans la "
                "coopération civilo-militaire, organisateur de l'exercice CIMEX."
            ),
        },
        "description": {
            "en": (
                "<p>The CIMIC-C was formed in 2012 and must provide advice from CIOR's "
                "perspective, on the ideal utilization of reservists within the scope of CIMIC, "
                "and act as a think tank and forum for discussions regarding the intersection of "
                "Reserve and CIMIC matters. CIMIC-C acts as a group of subject matter experts and "
                "must be prepared to give advice to all relevant stakeholders and promote best "
                "practices within the international CIOR CIMIC community. The primary product of "
                "the CIMIC-C is the table-top Civil-Military Exercise (CIMEX), held prior to the "
                "annually held CIOR Summer Congress.</p>"
            ),
            "fr": (
                "<p>Créé en 2012, le CIMIC-C a pour mission de fournir des avis, du point de vue "
                "de la CIOR, sur l'emploi optimal des réservistes dans le domaine de la CIMIC, et "
                "de servir de groupe de réflexion et de forum de discussion sur les questions à la "
                "croisée des réserves et de la CIMIC. Le CIMIC-C agit en tant que groupe d'experts "
                "en la matière ; il doit être prêt à conseiller l'ensemble des parties prenantes "
                "concernées et à promouvoir les bonnes pratiques au sein de la communauté CIMIC "
                "internationale de la CIOR. Le principal produit du CIMIC-C est l'exercice "
                "civilo-militaire sur table (CIMEX), organisé avant le Congrès d'été annuel de la "
                "CIOR.</p>"
            ),
        },
        "main_product": {
            "en": "Civil-Military Exercise (CIMEX)",
            "fr": "Exercice civilo-militaire (CIMEX)",
        },
    },
    {
        "acronym": "MILCOMP-C",
        "slug": "milcomp-c",
        "name": {
            "en": "Military Competition Committee",
            "fr": "Comité de la compétition militaire",
        },
        "formed": None,
        "summary": {
            "en": (
                "Stages the annual CIOR Military Competition at the Summer Congress and issues its "
                "Permanent Regulations."
            ),
            "fr": (
                "Organise la Compétition militaire annuelle de la CIOR lors du Congrès d'été et en "
                "publie le Règlement permanent."
            ),
        },
        "description": {
            "en": (
                "<p>The MILCOMP-C provides advanced military skills training, leadership "
                "development, physical challenge, intercultural experience and international "
                "friendship by staging the annual CIOR Military Competition (MILCOMP) which is an "
                "integral part of the yearly Summer Congress. MILCOMP-C also issues the Permanent "
                "Regulations that are the binding regulations for planning, organisation and "
                "execution of the MILCOMP. They also liaise with the CISOR MILCOMP organisers to "
                "make best use of resources.</p>"
            ),
            "fr": (
                "<p>Le MILCOMP-C offre un entraînement avancé aux savoir-faire militaires, le "
                "développement des aptitudes au commandement, un défi physique, une expérience "
                "interculturelle et l'amitié internationale en organisant la Compétition militaire "
                "annuelle de la CIOR (MILCOMP), partie intégrante du Congrès d'été. Le MILCOMP-C "
                "publie également le Règlement permanent, qui fixe les règles contraignantes de "
                "planification, d'organisation et de conduite de la MILCOMP. Il assure en outre la "
                "liaison avec les organisateurs de la compétition militaire de la CISOR afin "
                "d'utiliser au mieux les ressources.</p>"
            ),
        },
        "main_product": {
            "en": "CIOR Military Competition (MILCOMP)",
            "fr": "Compétition militaire de la CIOR (MILCOMP)",
        },
    },
    {
        "acronym": "CR-C",
        "slug": "cr-c",
        "name": {"en": "Cyber Reserve Committee", "fr": "Comité de la réserve cyber"},
        "formed": "2022-08-01",
        "summary": {
            "en": (
                "A think tank of cyber practitioners for NATO's reserves, and organiser of the "
                "International Cyber Event."
            ),
            "fr": (
                "Un groupe de réflexion de praticiens du cyber au service des réserves de l'OTAN, "
                "organisateur de l'Événement cyber international (ICE)."
            ),
        },
        "description": {
            "en": (
                "<p>CR-C was formed on the 1st of August 2022 at the Athens Summer Congress. The "
                "Committee has deliberately set a high standard for delegates with the expectation "
                "that they will be a Cyber practitioner either in their civilian or military role "
                "and ideally in both. The CR-C has declared a clear and ambitious intent to act as "
                "a Cyber Reserve think tank for NATO and to be able to signpost to Reserve Cyber "
                "expertise. The primary product of the CR-C is the International Cyber Event "
                "(ICE).</p>"
            ),
            "fr": (
                "<p>Le CR-C a été créé le 1er août 2022, lors du Congrès d'été d'Athènes. Le "
                "comité a délibérément placé la barre haut pour ses délégués : ceux-ci doivent "
                "être des praticiens du cyber dans leur activité civile ou militaire, et "
                "idéalement dans les deux. Le CR-C a affiché l'intention claire et ambitieuse "
                "d'agir comme groupe de réflexion de la réserve cyber pour l'OTAN et d'être en "
                "mesure d'orienter vers l'expertise cyber disponible dans les réserves. Le "
                "principal produit du CR-C est l'Événement cyber international (ICE).</p>"
            ),
        },
        "main_product": {
            "en": "International Cyber Event (ICE)",
            "fr": "Événement cyber international (ICE)",
        },
    },
    {
        "acronym": "STRATCOM-C",
        "slug": "stratcom-c",
        "name": {
            "en": "Strategy and Communication Committee",
            "fr": "Comité de stratégie et de communication",
        },
        "formed": None,
        "summary": {
            "en": (
                "Presents CIOR to its audiences through the CIOR Seminar, the CIOR Symposium, the "
                "website and social media."
            ),
            "fr": (
                "Fait connaître la CIOR à ses publics par le Séminaire et le Symposium de la CIOR, "
                "le site web et les réseaux sociaux."
            ),
        },
        "description": {
            "en": (
                "<p>STRATCOM-C's main role is to introduce CIOR to target audiences both inside "
                "CIOR, national reserves' organisations, stakeholders and wider audiences "
                "externally such as NATO and NRFC. That is done through the CIOR Seminar, the CIOR "
                "Symposium and the media. STRATCOM-C edits articles published on the CIOR web "
                "page, photos and social media posts. It also maintains the CIOR articles and "
                "photos database.</p>"
            ),
            "fr": (
                "<p>Le STRATCOM-C a pour rôle principal de faire connaître la CIOR à ses publics "
                "cibles, tant au sein de la CIOR et des organisations nationales de réservistes "
                "qu'auprès des parties prenantes et de publics plus larges à l'extérieur, tels que "
                "l'OTAN et le NRFC. Il s'appuie pour cela sur le Séminaire de la CIOR, le "
                "Symposium de la CIOR et les médias. Le STRATCOM-C édite les articles publiés sur "
                "le site web de la CIOR, les photos et les publications sur les réseaux sociaux. "
                "Il gère également la base de données des articles et des photos de la CIOR.</p>"
            ),
        },
        "main_product": {
            "en": "CIOR Seminar and CIOR Symposium",
            "fr": "Séminaire et Symposium de la CIOR",
        },
    },
    {
        "acronym": "DEFSEC-C",
        "slug": "defsec-c",
        "name": {
            "en": "Defence Attitudes and Security Issues Committee",
            "fr": "Comité de l'esprit de défense et des questions de sécurité",
        },
        "formed": None,
        "summary": {
            "en": (
                "CIOR's think tank on current security issues and its “diplomatic arm”, which "
                "leads the outreach to new members and partners."
            ),
            "fr": (
                "Le groupe de réflexion de la CIOR sur les questions de sécurité actuelles et son "
                "« bras diplomatique », chargé du rayonnement vers de nouveaux membres et "
                "partenaires."
            ),
        },
        "description": {
            "en": (
                "<p>DEFSEC-C is a think-tank, addressing current security issues at a global level "
                "and CIOR's “diplomatic arm.” Research work includes issues surrounding reserves "
                "in international operations, the reserves' role in homeland defence, employer "
                "relations, mobilization, peace support, and in domestic defence attitudes. Its "
                "outreach programme strives to identify and vet new members and partners and to "
                "revitalize existing inactive memberships.</p>"
            ),
            "fr": (
                "<p>Le DEFSEC-C est un groupe de réflexion qui traite des questions de sécurité "
                "actuelles à l'échelle mondiale ; il est le « bras diplomatique » de la CIOR. Ses "
                "travaux de recherche portent notamment sur les réserves dans les opérations "
                "internationales, le rôle des réserves dans la défense du territoire, les "
                "relations avec les employeurs, la mobilisation, le soutien de la paix et l'esprit "
                "de défense au sein des populations nationales. Son programme de rayonnement vise "
                "à identifier et à évaluer de nouveaux membres et partenaires, ainsi qu'à "
                "redynamiser les adhésions devenues inactives.</p>"
            ),
        },
        "main_product": {
            "en": "Research on reserve issues and the outreach programme",
            "fr": "Travaux de recherche sur les réserves et programme de rayonnement",
        },
    },
    {
        "acronym": "LEGAL-C",
        "slug": "legal-c",
        "name": {"en": "Legal Affairs Committee", "fr": "Comité des affaires juridiques"},
        "formed": None,
        "summary": {
            "en": (
                "CIOR's legal think-tank of reserve officers who are judges, attorneys, "
                "prosecutors and university professors."
            ),
            "fr": (
                "Le groupe de réflexion juridique de la CIOR, composé d'officiers de réserve "
                "juges, avocats, procureurs et professeurs d'université."
            ),
        },
        "description": {
            "en": (
                "<p>LEGAL-C is the legal think-tank of CIOR, comprised of legally qualified or "
                "legally experienced Reserve Officers. Lawyers from all branches of the legal "
                "field are represented: judges, attorneys, prosecution officers and university "
                "professors. All share a common military background as Reservists from their "
                "respective nations. As a result, the LEGAL-C represents a unique international "
                "legal body of expert professional knowledge covering a wide range of legal "
                "aspects. LEGAL-C provides legal advice to Council, Presidency, Committees and "
                "supports CIOR activities and partners.</p>"
            ),
            "fr": (
                "<p>Le LEGAL-C est le groupe de réflexion juridique de la CIOR ; il réunit des "
                "officiers de réserve titulaires d'une qualification ou d'une expérience "
                "juridique. Toutes les branches du droit y sont représentées : juges, avocats, "
                "procureurs et professeurs d'université. Tous partagent une expérience militaire "
                "commune en tant que réservistes de leurs nations respectives. Le LEGAL-C "
                "constitue ainsi un organe juridique international unique, doté d'une expertise "
                "professionnelle couvrant un large éventail de domaines du droit. Le LEGAL-C "
                "conseille sur le plan juridique le Conseil, la Présidence et les comités, et "
                "soutient les activités et les partenaires de la CIOR.</p>"
            ),
        },
        "main_product": {
            "en": "Legal advice to the Council, Presidency and Committees",
            "fr": "Conseil juridique au Conseil, à la Présidence et aux comités",
        },
    },
]

PARTNERS = [
    {
        "key": "nrfc",
        "acronym": "NRFC",
        "name": {
            "en": "NATO National Reserve Forces Committee",
            "fr": "Comité des forces de réserve nationales de l'OTAN",
        },
        "description": {
            "en": (
                "<p>The National Reserve Forces Committee is the Alliance's forum for reserve "
                "matters: founded in 1981, it was recognised as an advisory committee to NATO's "
                "Military Committee in 1996. It gives policy advice on reserve issues to the "
                "Military Committee and the member nations, and supports CIOR in its activities in "
                "support of the Alliance's goals. Whenever possible, the NRFC, CIOR and CIOMR meet "
                "at the same time and place.</p>"
            ),
            "fr": (
                "<p>Le Comité des forces de réserve nationales est le forum de l'Alliance consacré "
                "aux questions de réserve : créé en 1981, il a été reconnu en 1996 comme comité "
                "consultatif auprès du Comité militaire de l'OTAN. Il formule des avis de "
                "politique sur les questions de réserve à l'intention du Comité militaire et des "
                "nations membres, et soutient la CIOR dans ses activités au service des objectifs "
                "de l'Alliance. Dans la mesure du possible, le NRFC, la CIOR et la CIOMR se "
                "réunissent au même moment et au même endroit.</p>"
            ),
        },
        "url": "https://www.act.nato.int/nrfc",
    },
    {
        "key": "ciomr",
        "acronym": "CIOMR",
        "name": {
            "en": "Interallied Confederation of Medical Reserve Officers",
            "fr": "Confédération interalliée des officiers médicaux de réserve",
        },
        "description": {
            "en": (
                "<p>The Interallied Confederation of Medical Reserve Officers is CIOR's sister "
                "confederation for the medical reserve: physicians, dentists, pharmacists, "
                "veterinarians, nurses and medical service officers. Founded in Brussels by "
                "Belgium, France and the Netherlands, it brings together the national medical "
                "reserve associations of NATO nations and partners. CIOMR holds its Mid-Winter "
                "Meeting and its Summer Congress together with CIOR.</p>"
            ),
            "fr": (
                "<p>La Confédération interalliée des officiers médicaux de réserve est la "
                "confédération sœur de la CIOR pour la réserve médicale : médecins, dentistes, "
                "pharmaciens, vétérinaires, infirmiers et officiers du service de santé. Fondée à "
                "Bruxelles par la Belgique, la France et les Pays-Bas, elle réunit les "
                "associations nationales de réservistes du service de santé des nations de l'OTAN "
                "et des nations partenaires. La CIOMR tient sa Réunion de mi-hiver et son Congrès "
                "d'été conjointement avec la CIOR.</p>"
            ),
        },
        "url": "https://ciomr.org",
    },
    {
        "key": "cisor",
        "acronym": "CISOR",
        "name": {
            "en": "Interallied Confederation of Reserve Non-Commissioned Officers",
            "fr": "Confédération interalliée des sous-officiers de réserve",
        },
        "description": {
            "en": (
                "<p>The Interallied Confederation of Reserve Non-Commissioned Officers brings "
                "together one national reserve NCO association per member nation. Founded on 1 "
                "June 1963 in Toulon as the European Association of Reserve NCOs (AESOR), it took "
                "its present name in 2013. CISOR gives reserve NCOs professional development and "
                "military competitions in an international setting, and its competition organisers "
                "liaise with CIOR's MILCOMP-C.</p>"
            ),
            "fr": (
                "<p>La Confédération interalliée des sous-officiers de réserve réunit une "
                "association nationale de sous-officiers de réserve par nation membre. Fondée le "
                "1er juin 1963 à Toulon sous le nom d'Association européenne des sous-officiers de "
                "réserve (AESOR), elle a pris son nom actuel en 2013. La CISOR offre aux "
                "sous-officiers de réserve des activités de perfectionnement professionnel et des "
                "compétitions militaires dans un cadre international ; ses organisateurs de "
                "compétitions assurent la liaison avec le MILCOMP-C de la CIOR.</p>"
            ),
        },
        "url": "https://www.cisor.info",
    },
    {
        "key": "baltdefcol",
        "acronym": "BALTDEFCOL",
        "name": {"en": "Baltic Defence College", "fr": "Collège de défense balte"},
        "description": {
            "en": (
                "<p>The Baltic Defence College in Tartu, Estonia, is the multinational "
                "professional military education institution established in 1999 by Estonia, "
                "Latvia and Lithuania. It educates military officers and security-related civilian "
                "personnel of the three Baltic states, their allies and partners, and contributes "
                "to research in security and defence policy.</p>"
            ),
            "fr": (
                "<p>Le Collège de défense balte, à Tartu (Estonie), est l'établissement "
                "multinational d'enseignement militaire supérieur créé en 1999 par l'Estonie, la "
                "Lettonie et la Lituanie. Il forme des officiers et des personnels civils du "
                "domaine de la sécurité issus des trois États baltes, de leurs alliés et de leurs "
                "partenaires, et contribue à la recherche en matière de politique de sécurité et "
                "de défense.</p>"
            ),
        },
        "url": "https://www.baltdefcol.org",
    },
]

_LIEUTENANT_COLONEL = {"en": "Lieutenant Colonel", "fr": "Lieutenant-colonel"}
_LIEUTENANT_SENIOR_GRADE = {"en": "Lieutenant Senior Grade", "fr": "Lieutenant de vaisseau"}

# The Estonian presidency (2022-2024) as the client's text lists it; a record whose name the
# text does not give keeps its rank and role, with an empty name.
PRESIDENCY_TEAM = [
    {
        "first_name": "Toomas",
        "last_name": "Luman",
        "rank": _LIEUTENANT_COLONEL,
        "nato_code": "OF-4",
        "nation": "EST",
        "service": "army",
        "role": "president",
        "portfolio": "",
    },
    {
        "first_name": "",
        "last_name": "",
        "rank": {"en": "Major", "fr": "Commandant"},
        "nato_code": "OF-3",
        "nation": "EST",
        "service": "army",
        "role": "secretary_general",
        "portfolio": "",
    },
    {
        "first_name": "",
        "last_name": "",
        "rank": {"en": "Colonel", "fr": "Colonel"},
        "nato_code": "OF-5",
        "nation": "BEL",
        "service": "army",
        "role": "perm_rep",
        "portfolio": "",
    },
    {
        "first_name": "",
        "last_name": "",
        "rank": _LIEUTENANT_SENIOR_GRADE,
        "nato_code": "OF-2",
        "nation": "EST",
        "service": "navy",
        "role": "asg",
        "portfolio": "organization",
    },
    {
        "first_name": "Kaupo",
        "last_name": "Kiis",
        "rank": _LIEUTENANT_COLONEL,
        "nato_code": "OF-4",
        "nation": "EST",
        "service": "army",
        "role": "asg",
        "portfolio": "operations",
    },
    {
        "first_name": "",
        "last_name": "",
        "rank": _LIEUTENANT_COLONEL,
        "nato_code": "OF-4",
        "nation": "EST",
        "service": "army",
        "role": "asg",
        "portfolio": "plans",
    },
    {
        "first_name": "",
        "last_name": "",
        "rank": _LIEUTENANT_SENIOR_GRADE,
        "nato_code": "OF-2",
        "nation": "FIN",
        "service": "navy",
        "role": "asg",
        "portfolio": "international",
    },
]

MEETINGS = [
    {
        "key": "mwm",
        "name": {
            "en": "CIOR/CIOMR Mid-Winter Meeting (MWM)",
            "fr": "Réunion de mi-hiver CIOR/CIOMR (MWM)",
        },
        "when": {"en": "Usually in February", "fr": "Généralement en février"},
        "where": {
            "en": "NATO Headquarters, Brussels",
            "fr": "Quartier général de l'OTAN, Bruxelles",
        },
        "description": {
            "en": (
                "The CIOR Council, Presidency and Committees meet with CIOMR at NATO Headquarters, "
                "usually in February."
            ),
            "fr": (
                "Le Conseil, la Présidence et les comités de la CIOR se réunissent avec la CIOMR "
                "au Quartier général de l'OTAN, généralement en février."
            ),
        },
    },
    {
        "key": "summer-congress",
        "name": {"en": "CIOR/CIOMR Summer Congress", "fr": "Congrès d'été CIOR/CIOMR"},
        "when": {"en": "Usually in July or August", "fr": "Généralement en juillet ou en août"},
        "where": {
            "en": "A host nation, on a rotating basis",
            "fr": "Une nation hôte, selon un principe de rotation",
        },
        "description": {
            "en": (
                "A CIOR affiliate hosts this event in their nation on a rotating basis, usually in "
                "July or August, with the Council, the Military Competition, CIMEX, the YRO "
                "Workshop and the Symposium."
            ),
            "fr": (
                "Une association membre de la CIOR accueille cet événement dans son pays, selon un "
                "principe de rotation, généralement en juillet ou en août, avec le Conseil, la "
                "Compétition militaire, le CIMEX, l'atelier YRO et le Symposium."
            ),
        },
    },
    {
        "key": "fall-ibm",
        "name": {"en": "Fall In-Between Meeting", "fr": "Réunion intermédiaire d'automne"},
        "when": {"en": "Usually in April or May", "fr": "Généralement en avril ou en mai"},
        "where": {"en": "Announced for each meeting", "fr": "Précisé pour chaque réunion"},
        "description": {
            "en": "An additional 2-3 day executive planning meeting, usually in April or May.",
            "fr": (
                "Réunion supplémentaire de planification de l'exécutif, d'une durée de deux à "
                "trois jours, généralement en avril ou en mai."
            ),
        },
    },
    {
        "key": "spring-ibm",
        "name": {"en": "Spring In-Between Meeting", "fr": "Réunion intermédiaire de printemps"},
        "when": {"en": "Usually in November", "fr": "Généralement en novembre"},
        "where": {"en": "Announced for each meeting", "fr": "Précisé pour chaque réunion"},
        "description": {
            "en": "An additional 2-3 day executive planning meeting, usually in November.",
            "fr": (
                "Réunion supplémentaire de planification de l'exécutif, d'une durée de deux à "
                "trois jours, généralement en novembre."
            ),
        },
    },
]
