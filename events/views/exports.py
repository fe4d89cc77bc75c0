"""(stub: being written)"""

from django.http import Http404


def participants(request, *args, **kwargs):
    raise Http404


def rooms(request, *args, **kwargs):
    raise Http404


def needs(request, *args, **kwargs):
    raise Http404
