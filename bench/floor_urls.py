"""The floor of a registration POST (bench/registrations.py --floor): the project's middleware
stack, a logged-in user, one row inserted in a transaction, a message and a redirect, and
nothing of the rules (no permission, no lock, no places counted, no audit, no mail). What any
way of registering people must spend at least; the project's own URLs follow it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail.signal_handlers import disable_reference_index_auto_update

from cior.urls import urlpatterns as project_urls
from events.models import Event, Registration
from nations.models import Nation


@login_required
@require_POST
def floor(request, event, nation):
    event_id = Event.objects.values_list("pk", flat=True).get(slug=event)
    nation_id = Nation.objects.values_list("pk", flat=True).get(code=nation)
    # Wagtail's reference index is left to the queue, as the registration service leaves it.
    with transaction.atomic(), disable_reference_index_auto_update():
        Registration.objects.create(
            event_id=event_id,
            registration_type_id=int(request.POST["registration_type"]),
            person_id=int(request.POST["person"]),
            nation_id=nation_id,
            state=Registration.State.WAITING,
            fee=0,
            submitted_at=timezone.now(),
        )
    messages.warning(request, "On the waiting list.")
    return redirect(f"/en/delegation/{event}/{nation}/")


urlpatterns = [path("floor/<slug:event>/<str:nation>/register/", floor), *project_urls]
