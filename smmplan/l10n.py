"""The calendar's language in the outputs people read: dates, names, direction and labels.

Dates, weekday and month names and the text direction come from CLDR through Babel. The few
labels of the plan (headings, field names, statuses) are kept here, per language; a language
without them gets English labels around localized dates.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

FALLBACK = "en"

# The labels of the Markdown and HTML plans. Keys are the English texts' names; "{name}" and
# "{date}" are filled in by the caller.
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "plan_title": "{name}: content plan",
        "window": "Window",
        "summary": "Summary",
        "channel": "Channel",
        "total": "Total",
        "no_posts": "No posts in this window.",
        "week_of": "Week of {date}",
        "theme": "Theme",
        "holiday": "Holiday",
        "observance": "Observance",
        "blackout": "Blackout",
        "status": "Status",
        "owner": "Owner",
        "format": "Format",
        "budget": "Budget",
        "hashtags": "Hashtags",
        "media": "Media",
        "link": "Link",
        "all_posts": "All posts",
        "planned": "planned",
        "idea": "idea",
        "draft": "draft",
        "review": "review",
        "approved": "approved",
        "scheduled": "scheduled",
        "published": "published",
    },
    "ca": {
        "plan_title": "{name}: pla de continguts",
        "window": "Període",
        "summary": "Resum",
        "channel": "Canal",
        "total": "Total",
        "no_posts": "No hi ha publicacions en aquest període.",
        "week_of": "Setmana del {date}",
        "theme": "Tema",
        "holiday": "Festiu",
        "observance": "Dia assenyalat",
        "blackout": "Sense publicacions",
        "status": "Estat",
        "owner": "Responsable",
        "format": "Format",
        "budget": "Pressupost",
        "hashtags": "Etiquetes",
        "media": "Fitxers",
        "link": "Enllaç",
        "all_posts": "Totes les publicacions",
        "planned": "previst",
        "idea": "idea",
        "draft": "esborrany",
        "review": "en revisió",
        "approved": "aprovat",
        "scheduled": "programat",
        "published": "publicat",
    },
    "es": {
        "plan_title": "{name}: plan de contenidos",
        "window": "Periodo",
        "summary": "Resumen",
        "channel": "Canal",
        "total": "Total",
        "no_posts": "No hay publicaciones en este periodo.",
        "week_of": "Semana del {date}",
        "theme": "Tema",
        "holiday": "Festivo",
        "observance": "Día señalado",
        "blackout": "Sin publicaciones",
        "status": "Estado",
        "owner": "Responsable",
        "format": "Formato",
        "budget": "Presupuesto",
        "hashtags": "Etiquetas",
        "media": "Archivos",
        "link": "Enlace",
        "all_posts": "Todas las publicaciones",
        "planned": "previsto",
        "idea": "idea",
        "draft": "borrador",
        "review": "en revisión",
        "approved": "aprobado",
        "scheduled": "programado",
        "published": "publicado",
    },
    "fr": {
        "plan_title": "{name} : planning éditorial",
        "window": "Période",
        "summary": "Résumé",
        "channel": "Canal",
        "total": "Total",
        "no_posts": "Aucune publication sur cette période.",
        "week_of": "Semaine du {date}",
        "theme": "Thème",
        "holiday": "Jour férié",
        "observance": "Journée",
        "blackout": "Sans publication",
        "status": "Statut",
        "owner": "Responsable",
        "format": "Format",
        "budget": "Budget",
        "hashtags": "Hashtags",
        "media": "Médias",
        "link": "Lien",
        "all_posts": "Toutes les publications",
        "planned": "prévu",
        "idea": "idée",
        "draft": "brouillon",
        "review": "en relecture",
        "approved": "validé",
        "scheduled": "programmé",
        "published": "publié",
    },
    "de": {
        "plan_title": "{name}: Redaktionsplan",
        "window": "Zeitraum",
        "summary": "Übersicht",
        "channel": "Kanal",
        "total": "Gesamt",
        "no_posts": "Keine Beiträge in diesem Zeitraum.",
        "week_of": "Woche ab {date}",
        "theme": "Thema",
        "holiday": "Feiertag",
        "observance": "Aktionstag",
        "blackout": "Keine Beiträge",
        "status": "Status",
        "owner": "Verantwortlich",
        "format": "Format",
        "budget": "Budget",
        "hashtags": "Hashtags",
        "media": "Medien",
        "link": "Link",
        "all_posts": "Alle Beiträge",
        "planned": "geplant",
        "idea": "Idee",
        "draft": "Entwurf",
        "review": "in Prüfung",
        "approved": "freigegeben",
        "scheduled": "eingeplant",
        "published": "veröffentlicht",
    },
    "nl": {
        "plan_title": "{name}: contentplanning",
        "window": "Periode",
        "summary": "Overzicht",
        "channel": "Kanaal",
        "total": "Totaal",
        "no_posts": "Geen berichten in deze periode.",
        "week_of": "Week van {date}",
        "theme": "Thema",
        "holiday": "Feestdag",
        "observance": "Themadag",
        "blackout": "Geen berichten",
        "status": "Status",
        "owner": "Eigenaar",
        "format": "Vorm",
        "budget": "Budget",
        "hashtags": "Hashtags",
        "media": "Media",
        "link": "Link",
        "all_posts": "Alle berichten",
        "planned": "gepland",
        "idea": "idee",
        "draft": "concept",
        "review": "ter controle",
        "approved": "goedgekeurd",
        "scheduled": "ingepland",
        "published": "gepubliceerd",
    },
    "el": {
        "plan_title": "{name}: πρόγραμμα περιεχομένου",
        "window": "Περίοδος",
        "summary": "Σύνοψη",
        "channel": "Κανάλι",
        "total": "Σύνολο",
        "no_posts": "Δεν υπάρχουν αναρτήσεις σε αυτή την περίοδο.",
        "week_of": "Εβδομάδα από {date}",
        "theme": "Θέμα",
        "holiday": "Αργία",
        "observance": "Παγκόσμια ημέρα",
        "blackout": "Χωρίς αναρτήσεις",
        "status": "Κατάσταση",
        "owner": "Υπεύθυνος",
        "format": "Μορφή",
        "budget": "Προϋπολογισμός",
        "hashtags": "Hashtags",
        "media": "Πολυμέσα",
        "link": "Σύνδεσμος",
        "all_posts": "Όλες οι αναρτήσεις",
        "planned": "προγραμματισμένη",
        "idea": "ιδέα",
        "draft": "πρόχειρο",
        "review": "υπό έλεγχο",
        "approved": "εγκεκριμένη",
        "scheduled": "χρονοπρογραμματισμένη",
        "published": "δημοσιευμένη",
    },
    "hi": {
        "plan_title": "{name}: कंटेंट योजना",
        "window": "अवधि",
        "summary": "सारांश",
        "channel": "चैनल",
        "total": "कुल",
        "no_posts": "इस अवधि में कोई पोस्ट नहीं।",
        "week_of": "{date} से शुरू सप्ताह",
        "theme": "थीम",
        "holiday": "छुट्टी",
        "observance": "विशेष दिवस",
        "blackout": "कोई पोस्ट नहीं",
        "status": "स्थिति",
        "owner": "ज़िम्मेदार",
        "format": "फ़ॉर्मेट",
        "budget": "बजट",
        "hashtags": "हैशटैग",
        "media": "मीडिया",
        "link": "लिंक",
        "all_posts": "सभी पोस्ट",
        "planned": "नियोजित",
        "idea": "विचार",
        "draft": "मसौदा",
        "review": "समीक्षा में",
        "approved": "स्वीकृत",
        "scheduled": "शेड्यूल्ड",
        "published": "प्रकाशित",
    },
    "zh_Hant": {
        "plan_title": "{name}：內容企劃",
        "window": "期間",
        "summary": "摘要",
        "channel": "頻道",
        "total": "合計",
        "no_posts": "此期間沒有貼文。",
        "week_of": "{date} 當週",
        "theme": "主題",
        "holiday": "假日",
        "observance": "紀念日",
        "blackout": "暫停發文",
        "status": "狀態",
        "owner": "負責人",
        "format": "形式",
        "budget": "預算",
        "hashtags": "主題標籤",
        "media": "媒體",
        "link": "連結",
        "all_posts": "所有貼文",
        "planned": "已規劃",
        "idea": "構想",
        "draft": "草稿",
        "review": "審閱中",
        "approved": "已核准",
        "scheduled": "已排程",
        "published": "已發布",
    },
    "zh_Hans": {
        "plan_title": "{name}：内容计划",
        "window": "期间",
        "summary": "摘要",
        "channel": "频道",
        "total": "合计",
        "no_posts": "此期间没有帖子。",
        "week_of": "{date} 当周",
        "theme": "主题",
        "holiday": "假日",
        "observance": "纪念日",
        "blackout": "暂停发帖",
        "status": "状态",
        "owner": "负责人",
        "format": "形式",
        "budget": "预算",
        "hashtags": "话题标签",
        "media": "媒体",
        "link": "链接",
        "all_posts": "所有帖子",
        "planned": "已计划",
        "idea": "想法",
        "draft": "草稿",
        "review": "审阅中",
        "approved": "已批准",
        "scheduled": "已排期",
        "published": "已发布",
    },
    "ar": {
        "plan_title": "{name}: خطة المحتوى",
        "window": "الفترة",
        "summary": "ملخص",
        "channel": "القناة",
        "total": "المجموع",
        "no_posts": "لا توجد منشورات في هذه الفترة.",
        "week_of": "أسبوع {date}",
        "theme": "الموضوع",
        "holiday": "عطلة",
        "observance": "يوم دولي",
        "blackout": "بدون منشورات",
        "status": "الحالة",
        "owner": "المسؤول",
        "format": "الشكل",
        "budget": "الميزانية",
        "hashtags": "الوسوم",
        "media": "الوسائط",
        "link": "الرابط",
        "all_posts": "كل المنشورات",
        "planned": "مخطط",
        "idea": "فكرة",
        "draft": "مسودة",
        "review": "قيد المراجعة",
        "approved": "معتمد",
        "scheduled": "مجدول",
        "published": "منشور",
    },
    "he": {
        "plan_title": "{name}: תוכנית תוכן",
        "window": "תקופה",
        "summary": "סיכום",
        "channel": "ערוץ",
        "total": "סה״כ",
        "no_posts": "אין פוסטים בתקופה זו.",
        "week_of": "שבוע של {date}",
        "theme": "נושא",
        "holiday": "חג",
        "observance": "יום מיוחד",
        "blackout": "ללא פוסטים",
        "status": "סטטוס",
        "owner": "אחראי",
        "format": "פורמט",
        "budget": "תקציב",
        "hashtags": "האשטאגים",
        "media": "מדיה",
        "link": "קישור",
        "all_posts": "כל הפוסטים",
        "planned": "מתוכנן",
        "idea": "רעיון",
        "draft": "טיוטה",
        "review": "בבדיקה",
        "approved": "מאושר",
        "scheduled": "מתוזמן",
        "published": "פורסם",
    },
}


@dataclass(frozen=True, slots=True)
class Language:
    """A calendar's language, resolved: the Babel locale and what the outputs need of it."""

    locale: str  # Babel's name, e.g. "zh_Hant", "pt_BR"
    tag: str  # BCP 47 for HTML's lang attribute, e.g. "zh-Hant"
    direction: str  # "ltr" or "rtl"

    def label(self, key: str, **values: str) -> str:
        """A plan label in this language (English when the language has none)."""
        text = _labels(self.locale).get(key) or LABELS[FALLBACK][key]
        return text.format(**values) if values else text

    def weekdays(self, width: str = "abbreviated") -> list[str]:
        """Weekday names, Monday first, as they stand alone (column headings)."""
        from babel import Locale

        names = Locale.parse(self.locale).days["stand-alone"][width]
        return [str(names[index]) for index in range(7)]

    def month_title(self, day: date) -> str:
        """The month and year as a calendar page is headed ("desembre del 2026")."""
        from babel.dates import format_skeleton

        return str(format_skeleton("yMMMM", day, locale=self.locale))

    def date_text(self, day: date, width: str = "long") -> str:
        """`day` as CLDR writes it: short, medium, long or full (with the weekday)."""
        from babel.dates import format_date

        return str(format_date(day, width, locale=self.locale))


def _labels(locale: str) -> dict[str, str]:
    """Labels of the locale, its script variant or its language (pt_BR → pt)."""
    parts = locale.split("_")
    for size in range(len(parts), 0, -1):
        found = LABELS.get("_".join(parts[:size]))
        if found:
            return found
    if parts[0] == "zh":  # zh_TW/zh_HK write traditional characters, zh/zh_CN simplified
        return LABELS["zh_Hant" if any(p in ("TW", "HK", "MO") for p in parts) else "zh_Hans"]
    return LABELS[FALLBACK]


@lru_cache(maxsize=64)
def language(code: str | None) -> Language:
    """Resolve a calendar's `language:` ("zh-Hant", "pt_BR", "ca"); unknown or empty → English."""
    from babel import Locale, UnknownLocaleError

    # Calendars may write BCP 47 tags with '-'; Babel wants '_'.
    try:
        locale = Locale.parse((code or FALLBACK).strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        locale = Locale.parse(FALLBACK)
    name = str(locale)
    return Language(
        locale=name,
        tag=name.replace("_", "-"),
        direction="rtl" if locale.text_direction == "rtl" else "ltr",
    )


def script_to_territory(code: str) -> str | None:
    """A code with a script as language_TERRITORY, by CLDR's likely subtags: zh_Hant → zh_TW.

    Data such as holiday names is kept per territory (zh_TW, zh_CN), calendars often name the
    script instead (zh-Hant); None when `code` names no script or CLDR has no guess.
    """
    parts = code.replace("-", "_").split("_")
    if len(parts) < 2 or len(parts[1]) != 4:
        return None
    from babel.core import get_global

    script = parts[1].title()
    subtags = get_global("likely_subtags")
    # CLDR lists zh_Hant but not zh_Hans, which is what plain zh stands for.
    likely = subtags.get(f"{parts[0]}_{script}") or subtags.get(parts[0]) or ""
    found = likely.split("_")
    return f"{found[0]}_{found[2]}" if len(found) == 3 and found[1] == script else None
