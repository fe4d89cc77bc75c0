"""The developers' page (/en/developers/, /fr/developpeurs/): the API explained, with examples."""

from django.conf import settings
from django.shortcuts import render

from ..open_data import LICENCE


def developers(request):
    return render(
        request,
        "api/developers.html",
        {
            "base": request.build_absolute_uri("/api/v1/").rstrip("/"),
            "licence": LICENCE,
            "rate_limit": settings.API_RATE_LIMIT,
        },
    )
