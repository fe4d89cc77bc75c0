from django import template

from accounts import audit_display

register = template.Library()


@register.simple_tag
def audit_changes(log_entry):
    """Return the changes an audit entry recorded, readable (see accounts.audit_display)."""
    return audit_display.entry_changes(log_entry)


@register.simple_tag
def audit_reason(log_entry):
    return audit_display.entry_reason(log_entry)
