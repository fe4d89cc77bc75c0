"""The head of delegation's page of the nation's API tokens, under /<lang>/delegation/.

A new token's key shows once, in the answer to the POST that made it; only its digest is
kept. Revoking is a POST too. Another nation's tokens answer 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.rules import Role, nation_ids_for
from nations.models import Nation

from .. import services
from ..forms import TokenForm
from ..models import ApiToken


def _nations(user):
    return list(Nation.objects.filter(pk__in=nation_ids_for(user, Role.HEAD_OF_DELEGATION)))


@never_cache
@login_required
def tokens(request):
    """List the tokens of the nations the user heads; make one (its key shown once)."""
    nations = _nations(request.user)
    if not nations:
        raise Http404
    form = TokenForm(request.POST or None)
    if len(nations) > 1:
        form.fields["nation"] = _nation_field(nations)
    new_key = new_token = None
    if request.method == "POST" and form.is_valid():
        nation = form.cleaned_data.get("nation") or nations[0]
        try:
            new_token, new_key = services.create_token(
                nation,
                name=form.cleaned_data["name"],
                days=form.cleaned_data["days"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        except PermissionDenied as error:
            raise Http404 from error
        else:
            form = TokenForm()
            if len(nations) > 1:
                form.fields["nation"] = _nation_field(nations)
    listed = (
        ApiToken.objects.visible_to(request.user)
        .select_related("nation", "created_by__person", "revoked_by__person")
        .order_by("nation__code", "-created_at", "pk")
    )
    return TemplateResponse(
        request,
        "api/tokens.html",
        {
            "nations": nations,
            "tokens": listed,
            "form": form,
            "new_key": new_key,
            "new_token": new_token,
        },
    )


def _nation_field(nations):
    from django import forms

    return forms.ModelChoiceField(
        label=_("Nation"), queryset=Nation.objects.filter(pk__in=[n.pk for n in nations])
    )


@login_required
@require_POST
def revoke(request, pk):
    """Revoke one of the user's nations' tokens at once."""
    token = get_object_or_404(ApiToken.objects.visible_to(request.user), pk=pk)
    try:
        services.revoke_token(token, by=request.user)
    except PermissionDenied as error:
        raise Http404 from error
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("api_tokens")
