"""(stub: being written)"""

from django.http import Http404


def home(request, *args, **kwargs):
    raise Http404


def event_overview(request, *args, **kwargs):
    raise Http404


def event_nation(request, *args, **kwargs):
    raise Http404


def register(request, *args, **kwargs):
    raise Http404


def registration(request, *args, **kwargs):
    raise Http404


def cancel(request, *args, **kwargs):
    raise Http404


def substitute(request, *args, **kwargs):
    raise Http404


def confirm(request, *args, **kwargs):
    raise Http404


def reject(request, *args, **kwargs):
    raise Http404
