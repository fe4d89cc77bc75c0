"""Public pages: the application form (no account), the e-mail confirmation link, and the
verification page of certificates (valid or not valid, nothing more)."""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_http_methods

from events.models import date_range

from .. import services, verification
from ..forms import PublicApplicationForm
from ..models import Application, LoacResult, Session
from . import add_errors


def _open_session(year) -> Session:
    session = get_object_or_404(
        Session.objects.select_related("event", "event__host_nation"), year=year
    )
    if session.event.status in ("draft", "cancelled"):
        raise Http404
    return session


def home(request):
    """The Language Academy sessions taking applications, and links to the user's pages."""
    today = timezone.localdate()
    sessions = Session.objects.accepting_applications(today).select_related(
        "event", "event__host_nation"
    )
    return render(request, "academy/home.html", {"sessions": sessions, "today": today})


@require_http_methods(["GET", "POST"])
def apply(request, year):
    """The public application form, in the visitor's language; the application counts once
    the e-mail address is confirmed through the mailed link."""
    session = _open_session(year)
    closed = timezone.localdate() > session.application_deadline
    form = PublicApplicationForm(request.POST or None)
    if request.method == "POST" and not closed and form.is_valid():
        data = form.cleaned_data
        try:
            services.apply(
                session,
                category=data["category"],
                date_of_birth=data["date_of_birth"],
                language=data["language"],
                motivation=data["motivation"],
                new_person=form.new_person(translation.get_language()),
                by=None,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            return redirect("academy_apply_sent", year=session.year)
    response = render(
        request,
        "academy/apply.html",
        {"session": session, "form": form, "closed": closed},
        status=400 if request.method == "POST" and form.errors else 200,
    )
    add_never_cache_headers(response)
    return response


def apply_sent(request, year):
    session = _open_session(year)
    return render(request, "academy/apply_sent.html", {"session": session})


def confirm(request, token):
    """Confirm an application's e-mail address from the link mailed to it."""
    try:
        application = services.confirm_email(token)
    except ValidationError as error:
        return render(
            request, "academy/confirm.html", {"error": " ".join(error.messages)}, status=400
        )
    return render(request, "academy/confirm.html", {"session": application.session})


def verify(request, token):
    """Say whether a certificate's token is genuine and the certificate still stands."""
    kind, pk = verification.read_token(token)
    context = {"valid": False}
    if kind == verification.GRADUATION:
        application = (
            Application.objects.select_related("session__event")
            .filter(pk=pk, certificate_issued_at__isnull=False)
            .exclude(state=Application.State.WITHDRAWN)
            .first()
        )
        if application is not None:
            event = application.session.event
            context = {"valid": True, "event": event}
    elif kind == verification.YRO:
        result = (
            LoacResult.objects.select_related("registration__event")
            .filter(pk=pk, certificate_issued_at__isnull=False)
            .first()
        )
        if result is not None:
            context = {"valid": True, "event": result.registration.event}
    if context["valid"]:
        event = context["event"]
        context.update(
            kind=verification.kind_label(kind), dates=date_range(event.starts_on, event.ends_on)
        )
    response = render(request, "events/verify.html", context)
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
