"""(stub: being written)"""

from django.http import Http404


def all_events_feed(request, *args, **kwargs):
    raise Http404


def kind_feed(request, *args, **kwargs):
    raise Http404


def personal_feed(request, *args, **kwargs):
    raise Http404
