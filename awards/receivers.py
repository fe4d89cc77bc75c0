"""The Council's vote decides a nomination: governance sends `motion_closed`, awards listens
(governance never imports awards)."""

from django.dispatch import receiver

from governance.signals import motion_closed


@receiver(motion_closed, dispatch_uid="awards.record_medal_vote")
def record_medal_vote(sender, motion, by=None, **kwargs):
    """Move the nomination carried by `motion`, if any, to awarded, refused or recommended."""
    # Imported here: this module loads in AppConfig.ready, before modeltranslation has added
    # the per-language fields that accounts.services reads at import.
    from . import services
    from .models import Nomination

    nomination = Nomination.objects.filter(motion=motion).first()
    if nomination is not None:
        services.record_outcome(nomination, by=by)
