"""Provision, stage and region codes of the library (PA-X's), with Arabic and English labels.

Filters accept a code (``Ce``), an English or Arabic label (``ceasefire``,
``وقف إطلاق النار``) or a family name (``power sharing`` = the four PA-X
power-sharing columns). The PA-X file this project reads has no transitional
justice columns, so that family is absent rather than faked.
"""

from __future__ import annotations

from wiqaya.language.arabic import normalise

# code -> (English, Arabic)
PROVISIONS: dict[str, tuple[str, str]] = {
    "GCh": ("children", "الأطفال"),
    "GDis": ("persons with disabilities", "ذوو الإعاقة"),
    "GAge": ("older and younger people", "الفئات العمرية"),
    "GMig": ("migrant workers", "العمال المهاجرون"),
    "GRa": ("racial and ethnic groups", "الجماعات العرقية"),
    "GRe": ("religious groups", "الجماعات الدينية"),
    "GInd": ("indigenous peoples", "الشعوب الأصلية"),
    "GOth": ("other groups", "فئات أخرى"),
    "GRef": ("refugees and displaced persons", "اللاجئون والنازحون"),
    "GSoc": ("social class", "الطبقة الاجتماعية"),
    "GeWom": ("women and gender", "المرأة والنوع الاجتماعي"),
    "GeMe": ("men and boys", "الرجال والفتيان"),
    "GeSo": ("sexual orientation and gender identity", "الميول والهوية الجنسية"),
    "GeFa": ("family", "الأسرة"),
    "StDef": ("state definition", "تعريف الدولة"),
    "Pol": ("political institutions", "المؤسسات السياسية"),
    "ConRen": ("constitutional reform", "الإصلاح الدستوري"),
    "Cons": ("constitution", "الدستور"),
    "Ele": ("elections", "الانتخابات"),
    "ElecComm": ("electoral commission", "مفوضية الانتخابات"),
    "PolPar": ("political parties", "الأحزاب السياسية"),
    "Civso": ("civil society", "المجتمع المدني"),
    "Tral": ("traditional and religious law", "القانون العرفي والديني"),
    "Pubad": ("public administration", "الإدارة العامة"),
    "Polps": ("political power sharing", "تقاسم السلطة السياسية"),
    "Terps": ("territorial power sharing", "تقاسم السلطة الإقليمية"),
    "Eps": ("economic power sharing", "تقاسم الثروة"),
    "Mps": ("military power sharing", "تقاسم السلطة العسكرية"),
    "HrGen": ("human rights", "حقوق الإنسان"),
    "EqGen": ("equality", "المساواة"),
    "HrDem": ("democracy", "الديمقراطية"),
    "Prot": ("protection measures", "تدابير الحماية"),
    "HrFra": ("human rights framework", "إطار حقوق الإنسان"),
    "HrCp": ("civil and political rights", "الحقوق المدنية والسياسية"),
    "HrSec": ("socio-economic rights", "الحقوق الاقتصادية والاجتماعية"),
    "HrNi": ("national human rights institution", "المؤسسة الوطنية لحقوق الإنسان"),
    "HrIi": ("international human rights oversight", "الرقابة الدولية على حقوق الإنسان"),
    "HrMob": ("freedom of movement", "حرية التنقل"),
    "HrDet": ("detention and prisoners", "الاحتجاز والأسرى"),
    "Med": ("media", "الإعلام"),
    "HrCit": ("citizenship", "المواطنة"),
    "Dev": ("development and reconstruction", "التنمية وإعادة الإعمار"),
    "LaEn": ("land, property and environment", "الأرض والملكية والبيئة"),
    "SsrGua": ("security guarantees", "الضمانات الأمنية"),
    "Ce": ("ceasefire", "وقف إطلاق النار"),
    "SsrPol": ("police", "الشرطة"),
    "SsrArm": ("armed forces", "القوات المسلحة"),
    "SsrDdr": (
        "disarmament, demobilisation and reintegration",
        "نزع السلاح والتسريح وإعادة الإدماج",
    ),
    "SsrInt": ("intelligence services", "أجهزة الاستخبارات"),
    "SsrPsf": ("parastatal forces", "القوات شبه الحكومية"),
    "SsrFf": ("withdrawal of foreign forces", "انسحاب القوات الأجنبية"),
    "Cor": ("corruption", "الفساد"),
    "SsrCrOcr": ("crime and organised crime", "الجريمة المنظمة"),
    "SsrDrugs": ("drugs", "المخدرات"),
    "Terr": ("terrorism", "الإرهاب"),
}

# Families people ask for by one name.
PROVISION_FAMILIES: dict[str, tuple[str, ...]] = {
    "power sharing": ("Polps", "Terps", "Eps", "Mps"),
    "تقاسم السلطة": ("Polps", "Terps", "Eps", "Mps"),
    "ddr": ("SsrDdr",),
    "disarmament": ("SsrDdr",),
    "نزع السلاح": ("SsrDdr",),
    "women": ("GeWom",),
    "gender": ("GeWom",),
    "المرأة": ("GeWom",),
    "territory": ("Terps", "StDef", "LaEn"),
    "الأرض": ("Terps", "StDef", "LaEn"),
    "security sector reform": ("SsrPol", "SsrArm", "SsrInt", "SsrPsf"),
    "refugees": ("GRef",),
    "prisoners": ("HrDet",),
    "constitution": ("Cons", "ConRen"),
}

STAGES: dict[str, tuple[str, str]] = {
    "Pre": ("pre-negotiation and process", "ما قبل التفاوض والعملية"),
    "SubPar": ("framework or partial substantive", "اتفاق إطاري أو جزئي"),
    "SubComp": ("comprehensive substantive", "اتفاق شامل"),
    "Cea": ("ceasefire", "وقف إطلاق النار"),
    "Imp": ("implementation and renegotiation", "التنفيذ وإعادة التفاوض"),
    "Ren": ("renewal", "التجديد"),
    "Oth": ("other", "أخرى"),
}

REGIONS: dict[str, tuple[str, str]] = {
    "Middle East and North Africa": ("Middle East and North Africa", "الشرق الأوسط وشمال أفريقيا"),
    "Africa (excl MENA)": ("Africa (excluding MENA)", "أفريقيا (عدا الشرق الأوسط وشمالها)"),
    "Europe and Eurasia": ("Europe and Eurasia", "أوروبا وأوراسيا"),
    "Asia and Pacific": ("Asia and Pacific", "آسيا والمحيط الهادئ"),
    "Americas": ("Americas", "الأمريكتان"),
    "Cross-regional": ("Cross-regional", "عابر للأقاليم"),
}
_REGION_ALIASES = {"mena": "Middle East and North Africa", "africa": "Africa (excl MENA)"}


def _lookup(value: str, table: dict[str, tuple[str, str]]) -> str | None:
    key = normalise(value)
    for code, (en, ar) in table.items():
        if key in (normalise(code), normalise(en), normalise(ar)):
            return code
    return None


def provision_codes(value: str) -> tuple[str, ...] | None:
    """Codes a provision filter value stands for; ``None`` when it means nothing."""
    code = _lookup(value, PROVISIONS)
    if code:
        return (code,)
    key = normalise(value).replace("-", " ").replace("_", " ")
    for name, codes in PROVISION_FAMILIES.items():
        if normalise(name) == key:
            return codes
    return None


def stage_code(value: str) -> str | None:
    return _lookup(value, STAGES)


def region_name(value: str) -> str | None:
    alias = _REGION_ALIASES.get(value.strip().lower())
    return alias or _lookup(value, REGIONS)
