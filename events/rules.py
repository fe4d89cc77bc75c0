"""Who may register whom, see which registrations, and manage events.

A head of delegation and national staff register the own nations' people and see the own
nations' registrations; the presidency registers anyone, confirms and rejects, and manages the
events; a participant sees the own registrations. Time windows (registration closed) are checked
by the services, which know the event.
"""

import rules

from accounts.rules import is_presidency, manages_person


@rules.predicate
def is_own_registration(user, registration):
    person_id = getattr(user, "person_id", None)
    return bool(registration is not None and person_id and registration.person_id == person_id)


@rules.predicate
def is_published_event(user, event):
    """True for an event the public may see: anything but a draft."""
    return event is not None and event.is_public


# The same scope as managing people: the presidency everywhere, a delegation for its nations.
registers_for = manages_person

# obj: a Nation (or anything with nation_id); without an object: "for some nation".
rules.add_perm("events.register_for_nation", registers_for)
rules.add_perm("events.export_registrations", registers_for)
# obj: a Registration.
rules.add_perm("events.view_registration", registers_for | is_own_registration)
rules.add_perm("events.change_registration", registers_for)
rules.add_perm("events.manage_registrations", is_presidency)
# obj: an Event. Its exports and documents (badges, letters, certificates) exist once it is
# published; a draft's only for the presidency, who prepares it.
rules.add_perm("events.issue_documents", is_presidency | is_published_event)

for model in ("event", "registrationtype", "quota", "discountcode", "programmeitem"):
    for action in ("view", "add", "change", "delete"):
        rules.add_perm(f"events.{action}_{model}", is_presidency)
rules.add_perm("events.add_registration", registers_for)
rules.add_perm("events.delete_registration", is_presidency)
# The background tasks that failed (Reports → Failed tasks): the presidency's to read.
rules.add_perm("django_tasks_database.view_dbtaskresult", is_presidency)
