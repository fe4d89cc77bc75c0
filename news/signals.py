"""Make the renditions of news photos when they are saved or published, not on a first visit."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import ArticlePage, Photo
from .renditions import LIBRARY_SPECS, generate_article_renditions, generate_renditions


@receiver(page_published, sender=ArticlePage, dispatch_uid="news_article_renditions")
def make_article_renditions(sender, instance, **kwargs):
    """Once the publication is committed, make the renditions of the article's photos."""
    transaction.on_commit(lambda: generate_article_renditions(instance))


@receiver(post_save, sender=Photo, dispatch_uid="news_photo_renditions")
def make_photo_library_renditions(sender, instance, raw=False, **kwargs):
    """Once a cleared photo is saved, make the renditions the photo library shows."""
    if raw or not instance.publication_cleared:
        return
    transaction.on_commit(lambda: generate_renditions([instance], LIBRARY_SPECS))
