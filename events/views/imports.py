"""(stub: being written)"""

from django.http import Http404


def upload(request, *args, **kwargs):
    raise Http404


def template(request, *args, **kwargs):
    raise Http404
