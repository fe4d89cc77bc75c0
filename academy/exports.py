"""Class lists, fee lists and YRO results as sheets, written as XLSX or CSV by events.exports
(which neutralises text a spreadsheet would run as a formula). The caller loads the rows in
one query and scopes them (`visible_to`)."""

from django.utils.translation import gettext as _

from events.exports import Sheet, to_csv, to_xlsx

FORMATS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx),
    "csv": ("text/csv; charset=utf-8", lambda sheets, title="": to_csv(sheets)),
}


def _person(application):
    person = application.person
    return [application.nation.code, person.last_name, person.first_name, person.rank or ""]


def _person_headers():
    return [_("Nation"), _("Last name"), _("First name"), _("Rank")]


def class_lists(applications) -> list[Sheet]:
    """One sheet per class (placed students), then the unplaced holders of a place."""
    by_class, unplaced = {}, []
    for application in applications:
        if application.course_class_id is None:
            unplaced.append(application)
        else:
            by_class.setdefault(application.course_class, []).append(application)
    headers = [
        _("Reference"),
        *_person_headers(),
        _("Language"),
        _("Level"),
        _("Placement score"),
        _("E-mail"),
    ]

    def row(application):
        return [
            application.reference,
            *_person(application),
            application.get_language_display(),
            application.level,
            application.placement_score,
            application.email or application.person.email,
        ]

    sheets = [
        Sheet(course_class.name, headers, [row(a) for a in students])
        for course_class, students in sorted(
            by_class.items(), key=lambda item: (item[0].language, item[0].level, item[0].name)
        )
    ]
    if unplaced or not sheets:
        sheets.append(Sheet(_("Not placed yet"), headers, [row(a) for a in unplaced]))
    return sheets


def fee_list(applications) -> list[Sheet]:
    """The fees due: one row per application holding a place, with the category and fee."""
    headers = [_("Reference"), *_person_headers(), _("Status"), _("Fee (EUR)")]
    rows = [[a.reference, *_person(a), a.get_category_display(), a.fee] for a in applications]
    total = sum((a.fee for a in applications), start=0)
    rows.append(["", "", "", "", "", _("Total"), total])
    return [Sheet(_("Fees"), headers, rows)]


def loac_results(results) -> list[Sheet]:
    headers = [
        _("Nation"),
        _("Last name"),
        _("First name"),
        _("Rank"),
        _("NATO code"),
        _("Result (%)"),
        _("Passed"),
        _("Certificate"),
    ]
    rows = []
    for result in results:
        person = result.registration.person
        rows.append(
            [
                result.registration.nation.code,
                person.last_name,
                person.first_name,
                person.rank or "",
                person.nato_code,
                result.percent,
                _("yes") if result.passed else _("no"),
                _("issued") if result.certificate_issued_at else "",
            ]
        )
    return [Sheet(_("LOAC results"), headers, rows)]
