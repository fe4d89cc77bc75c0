from django import template

from nations.money import eur

register = template.Library()

register.filter("eur", eur)
