"""(stub: being written)"""

from django.http import Http404


def verify(request, *args, **kwargs):
    raise Http404


def nation_badges(request, *args, **kwargs):
    raise Http404


def badge(request, *args, **kwargs):
    raise Http404


def visa_letter(request, *args, **kwargs):
    raise Http404


def certificate(request, *args, **kwargs):
    raise Http404
