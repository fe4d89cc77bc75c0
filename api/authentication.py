"""Nation API tokens in the `Authorization: Bearer <key>` header.

A token acts as the head of delegation who created it, within its own nation only: the views
of views/nation.py read `request.auth.nation`, and every write asks the same rules as the web
pages (`user.has_perm`), so a token stops working when its creator's role ends.
"""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from . import services
from .models import ApiToken, digest


class NationTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Send the token as: Bearer <key>."))
        try:
            key = header[1].decode("ascii")
        except UnicodeDecodeError as error:
            raise exceptions.AuthenticationFailed(_("This token is not valid.")) from error
        token = (
            ApiToken.objects.select_related("nation", "created_by__person")
            .filter(key_digest=digest(key))
            .first()
        )
        if token is None:
            raise exceptions.AuthenticationFailed(_("This token is not valid."))
        if token.revoked_at is not None:
            raise exceptions.AuthenticationFailed(_("This token has been revoked."))
        if not token.is_usable():
            raise exceptions.AuthenticationFailed(_("This token has expired."))
        if not token.created_by.is_active:
            raise exceptions.AuthenticationFailed(_("This token is not valid."))
        services.note_use(token)
        return token.created_by, token

    def authenticate_header(self, request):
        return self.keyword
