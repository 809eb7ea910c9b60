from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _


class DeviceImportForm(forms.Form):
    time_zone = forms.CharField(
        help_text=mark_safe(_('Time zone (<a href="https://en.wikipedia.org/wiki/List_of_tz_database_time_zones">available zones</a>)')),
    )
    u_height = forms.DecimalField(
        help_text=mark_safe(_("Height in <em>rack units</em>")),
    )
