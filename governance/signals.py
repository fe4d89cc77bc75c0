"""Signals other apps listen to, so that governance never imports them."""

from django.dispatch import Signal

# Sent by services.close_voting inside its transaction, once the outcome is frozen:
# sender=Motion, motion=<the closed Motion>, by=<the user who closed it, or None>.
# A receiver that raises rolls the close back (awards moves its nomination here).
motion_closed = Signal()
