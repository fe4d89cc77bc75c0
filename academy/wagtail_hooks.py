"""Back-office set-up of the Language Academy sessions (classes, fees, thresholds) and of the
YRO LOAC exams (pass mark), for the presidency. Applications, allocation, placement, results
and certificates are run on the programme pages (/<lang>/academy/), where the CLA director and
the YRO-C chair work. Wagtail records every create and edit in the object's history.
"""

from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from accounts import audit
from accounts.viewsets import ScopedSnippetViewSet
from accounts.wagtail_hooks import RulesPermissionPolicy

from .models import Session, YroExam


@hooks.register("register_log_actions")
def register_academy_log_actions(actions):
    audit.register_action(
        actions,
        "cior.academy",
        gettext_lazy("Language Academy / YRO"),
        gettext_lazy("Language Academy or YRO record changed"),
    )


class SessionViewSet(ScopedSnippetViewSet):
    model = Session
    icon = "group"
    menu_label = gettext_lazy("Language Academy")
    list_display = ["__str__", "event", "capacity", "application_deadline", "allocated_at"]
    ordering = ["-year"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("year"), FieldPanel("event")]),
            FieldRowPanel([FieldPanel("capacity"), FieldPanel("application_deadline")]),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("fee_reservist"), FieldPanel("fee_other")]),
                    FieldRowPanel([FieldPanel("age_limit"), FieldPanel("min_attendance_percent")]),
                ],
                heading=gettext_lazy("Rules"),
            ),
            InlinePanel(
                "classes",
                heading=gettext_lazy("Classes"),
                panels=[
                    FieldRowPanel(
                        [
                            FieldPanel("name"),
                            FieldPanel("language"),
                            FieldPanel("level"),
                            FieldPanel("capacity"),
                            FieldPanel("sort_order"),
                        ]
                    )
                ],
            ),
            InlinePanel(
                "thresholds",
                heading=gettext_lazy("Placement thresholds"),
                panels=[
                    FieldRowPanel(
                        [FieldPanel("language"), FieldPanel("level"), FieldPanel("min_score")]
                    )
                ],
            ),
        ]
    )

    @property
    def permission_policy(self):
        return RulesPermissionPolicy(self.model)


class YroExamViewSet(ScopedSnippetViewSet):
    model = YroExam
    icon = "doc-full"
    menu_label = gettext_lazy("LOAC exams")
    list_display = ["__str__", "pass_mark"]
    copy_view_enabled = False
    panels = [FieldPanel("event"), FieldPanel("pass_mark")]

    @property
    def permission_policy(self):
        return RulesPermissionPolicy(self.model)


class AcademyViewSetGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Academy and YRO")
    menu_icon = "group"
    items = (SessionViewSet, YroExamViewSet)


register_snippet(AcademyViewSetGroup)
