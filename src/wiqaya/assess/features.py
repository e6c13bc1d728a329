"""Human labels (Arabic, English) for the predictors a score can be explained by."""

from __future__ import annotations

EWP_LABELS: dict[str, tuple[str, str]] = {
    "widetargeting": ("استهداف واسع من النخبة الحاكمة", "Ruling elite targets wide groups"),
    "narrowtargeting": ("استهداف ضيق من النخبة الحاكمة", "Ruling elite targets narrow groups"),
    "v2csgender_binary": (
        "قيود على مشاركة النساء في المجتمع المدني",
        "Limits on women in civil society",
    ),
    "v2mecenefm_binary": ("رقابة حكومية على الإعلام", "Government media censorship"),
    "partyban.new.0": ("لا حظر على الأحزاب", "No party bans"),
    "partyban.new.1": ("حظر بعض الأحزاب", "Some parties banned"),
    "partyban.new.2": ("حظر واسع للأحزاب", "Wide party bans"),
    "minorityrule": ("حكم أقلية عرقية", "Ethnic minority rule"),
    "judicialreform": ("إصلاح قضائي", "Judicial reform"),
    "religiousfreedom": ("حرية الدين", "Religious freedom"),
    "pol_killing_approved": ("قتل سياسي تقرّه الدولة", "State-approved political killings"),
    "freediscussion": ("حرية النقاش", "Freedom of discussion"),
    "social_inequality": ("عدم المساواة الاجتماعية", "Social inequality"),
    "even_civilrights": ("تساوي الحقوق المدنية", "Even civil rights"),
    "repress_civilsoc": ("قمع المجتمع المدني", "Repression of civil society"),
    "social_power_dist": ("توزيع السلطة حسب الفئة الاجتماعية", "Power by social group"),
    "ses_power_dist": ("توزيع السلطة حسب الوضع الاقتصادي", "Power by socio-economic position"),
    "popsize.log2": ("حجم السكان", "Population size"),
    "gdppcgrowth": ("نمو الناتج للفرد", "GDP per capita growth"),
    "un_imr_sqrt": ("وفيات الرضع", "Infant mortality"),
    "efindex": ("التنوع العرقي", "Ethnic fractionalisation"),
    "discrimpop": ("السكان المميَّز ضدهم", "Population facing discrimination"),
    "reg.na": ("منطقة أمريكا الشمالية", "North America region"),
    "reg.eap": ("منطقة شرق آسيا والمحيط الهادئ", "East Asia and Pacific region"),
    "reg.sca": ("منطقة جنوب ووسط آسيا", "South and Central Asia region"),
    "reg.mna": ("منطقة الشرق الأوسط وشمال أفريقيا", "Middle East and North Africa region"),
    "reg.eur": ("منطقة أوروبا", "Europe region"),
    "ios.iccpr1": ("الانضمام إلى البروتوكول الاختياري للعهد الدولي", "ICCPR optional protocol"),
    "battledeaths.log2": ("وفيات المعارك", "Battle deaths"),
    "coup.try.5yr": ("محاولة انقلاب في السنوات الخمس الأخيرة", "Coup attempt in last five years"),
    "mk_ongoing_count_log2": ("قتل جماعي جارٍ", "Ongoing mass killing"),
    "mean_mk_onset_interaction": ("تفاعل بدايات القتل الجماعي", "Mass-killing onset interaction"),
    "mk_onset_prev_year": ("بداية قتل جماعي في العام السابق", "Mass-killing onset the year before"),
    "newcountry": ("دولة حديثة الاستقلال", "Newly independent country"),
    "mk_ever": ("قتل جماعي سابق", "Mass killing ever"),
    "year_sq": ("الاتجاه الزمني", "Time trend"),
    "countryage.new.log2": ("عمر الدولة", "Age of the state"),
    "includesnonstate": ("يشمل قتلاً من جهات غير حكومية", "Includes non-state killing"),
}

BD_LABELS: dict[str, tuple[str, str]] = {
    "last": ("وفيات المعارك في العام السابق", "Battle deaths in the previous year"),
    "max5": ("أعلى وفيات خلال خمس سنوات", "Highest battle deaths in five years"),
    "active10": ("سنوات نزاع خلال عشر سنوات", "Conflict years in the last ten"),
    "regime": ("فئة التاريخ القريب", "Recent-history class"),
}


def label(feature: str, table: dict[str, tuple[str, str]] | None = None) -> tuple[str, str]:
    """(Arabic, English) label of ``feature``; the raw name when none is known."""
    table = table if table is not None else EWP_LABELS
    if feature in table:
        return table[feature]
    if feature.startswith("events."):
        kind = feature.split(".", 1)[1]
        return (f"أحداث {kind}", f"{kind} events")
    if feature.startswith("indicators."):
        kind = feature.split(".", 1)[1]
        return (f"مؤشر {kind}", f"{kind} indicator")
    return (feature, feature)


def driver(feature: str, contribution: float, table: dict | None = None) -> dict[str, object]:
    ar, en = label(feature.split("@", 1)[0], table)
    return {
        "feature": feature,
        "label_ar": ar,
        "label_en": en,
        "contribution": round(float(contribution), 4),
    }
