"""The seeded topics (0010) get their names in French, Spanish, Arabic, Russian and Chinese.

Until now only the disaster-risk topics were translated, and only by the demo loader: on the
French or Arabic opportunities page most topic options read in English. Each name is written
only where its column is empty, so a name an editor wrote is never replaced; a name another
topic of the same cluster already has in that language is left out too (a cluster's names are
unique in each language). Undoing the migration changes nothing.

The disaster-risk names are the demo's (portal/demo/translations.py), word for word.
"""

from django.db import DEFAULT_DB_ALIAS, migrations
from django.db.models import Q

# The per-language column of `name` (django-modeltranslation) for each language written here.
COLUMNS = {
    "fr": "name_fr",
    "es": "name_es",
    "ar": "name_ar",
    "ru": "name_ru",
    "zh-hans": "name_zh_hans",
}

# Topic slug (0010_seed_topics) -> language -> name, in the clusters' order.
TOPIC_NAMES = {
    # COVID-19 Response and Public Health
    "disease-surveillance": {
        "fr": "Surveillance des maladies",
        "es": "Vigilancia de enfermedades",
        "ar": "مراقبة الأمراض",
        "ru": "Эпидемиологический надзор",
        "zh-hans": "疾病监测",
    },
    "emergency-health-services": {
        "fr": "Services de santé d'urgence",
        "es": "Servicios de salud de emergencia",
        "ar": "الخدمات الصحية في حالات الطوارئ",
        "ru": "Службы экстренной медицинской помощи",
        "zh-hans": "紧急卫生服务",
    },
    "community-health-workers": {
        "fr": "Agents de santé communautaires",
        "es": "Agentes de salud comunitarios",
        "ar": "العاملون الصحيون المجتمعيون",
        "ru": "Общинные медико-санитарные работники",
        "zh-hans": "社区卫生工作者",
    },
    "vaccination-campaigns": {
        "fr": "Campagnes de vaccination",
        "es": "Campañas de vacunación",
        "ar": "حملات التطعيم",
        "ru": "Кампании вакцинации",
        "zh-hans": "疫苗接种运动",
    },
    "public-health-communication": {
        "fr": "Communication en santé publique",
        "es": "Comunicación en salud pública",
        "ar": "التواصل في مجال الصحة العامة",
        "ru": "Коммуникация в сфере общественного здравоохранения",
        "zh-hans": "公共卫生沟通",
    },
    "health-data-systems": {
        "fr": "Systèmes de données de santé",
        "es": "Sistemas de datos sanitarios",
        "ar": "نظم البيانات الصحية",
        "ru": "Системы данных здравоохранения",
        "zh-hans": "卫生数据系统",
    },
    # Disaster Risk Reduction and Mitigation in Resilient Cities (as the demo has them)
    "early-warning-systems": {
        "fr": "Systèmes d'alerte précoce",
        "es": "Sistemas de alerta temprana",
        "ar": "نظم الإنذار المبكر",
        "ru": "Системы раннего оповещения",
        "zh-hans": "预警系统",
    },
    "risk-governance": {
        "fr": "Gouvernance des risques",
        "es": "Gobernanza del riesgo",
        "ar": "حوكمة المخاطر",
        "ru": "Управление рисками",
        "zh-hans": "风险治理",
    },
    "flood-modelling": {
        "fr": "Modélisation des inondations",
        "es": "Modelización de inundaciones",
        "ar": "نمذجة الفيضانات",
        "ru": "Моделирование наводнений",
        "zh-hans": "洪水建模",
    },
    "building-codes": {
        "fr": "Normes de construction",
        "es": "Códigos de construcción",
        "ar": "كودات البناء",
        "ru": "Строительные нормы",
        "zh-hans": "建筑规范",
    },
    "emergency-operations": {
        "fr": "Opérations d'urgence",
        "es": "Operaciones de emergencia",
        "ar": "عمليات الطوارئ",
        "ru": "Действия в чрезвычайных ситуациях",
        "zh-hans": "应急行动",
    },
    "recovery-planning": {
        "fr": "Planification du relèvement",
        "es": "Planificación de la recuperación",
        "ar": "التخطيط للتعافي",
        "ru": "Планирование восстановления",
        "zh-hans": "恢复规划",
    },
    # Sustainable Tourism, Heritage Protection and Creative Economy
    "heritage-conservation": {
        "fr": "Conservation du patrimoine",
        "es": "Conservación del patrimonio",
        "ar": "صون التراث",
        "ru": "Сохранение наследия",
        "zh-hans": "遗产保护",
    },
    "visitor-management": {
        "fr": "Gestion des visiteurs",
        "es": "Gestión de visitantes",
        "ar": "إدارة الزوار",
        "ru": "Управление потоками посетителей",
        "zh-hans": "游客管理",
    },
    "creative-industries": {
        "fr": "Industries créatives",
        "es": "Industrias creativas",
        "ar": "الصناعات الإبداعية",
        "ru": "Креативные индустрии",
        "zh-hans": "创意产业",
    },
    "community-based-tourism": {
        "fr": "Tourisme communautaire",
        "es": "Turismo comunitario",
        "ar": "السياحة المجتمعية",
        "ru": "Туризм на базе местных сообществ",
        "zh-hans": "社区旅游",
    },
    "historic-urban-landscapes": {
        "fr": "Paysages urbains historiques",
        "es": "Paisajes urbanos históricos",
        "ar": "المناظر الحضرية التاريخية",
        "ru": "Исторические городские ландшафты",
        "zh-hans": "历史性城镇景观",
    },
    # Sustainable Agriculture Value Chain Development
    "urban-farming": {
        "fr": "Agriculture urbaine",
        "es": "Agricultura urbana",
        "ar": "الزراعة الحضرية",
        "ru": "Городское сельское хозяйство",
        "zh-hans": "都市农业",
    },
    "short-food-supply-chains": {
        "fr": "Circuits courts alimentaires",
        "es": "Cadenas cortas de suministro de alimentos",
        "ar": "سلاسل الإمداد الغذائي القصيرة",
        "ru": "Короткие цепочки поставок продовольствия",
        "zh-hans": "短食物供应链",
    },
    "cold-chains-and-storage": {
        "fr": "Chaînes du froid et entreposage",
        "es": "Cadenas de frío y almacenamiento",
        "ar": "سلاسل التبريد والتخزين",
        "ru": "Холодовые цепи и хранение",
        "zh-hans": "冷链与仓储",
    },
    "farmer-cooperatives": {
        "fr": "Coopératives agricoles",
        "es": "Cooperativas agrícolas",
        "ar": "التعاونيات الزراعية",
        "ru": "Сельскохозяйственные кооперативы",
        "zh-hans": "农民合作社",
    },
    "food-markets": {
        "fr": "Marchés alimentaires",
        "es": "Mercados de alimentos",
        "ar": "أسواق الأغذية",
        "ru": "Продовольственные рынки",
        "zh-hans": "食品市场",
    },
    # E-Commerce, Digitization and Smart Cities
    "digital-public-services": {
        "fr": "Services publics numériques",
        "es": "Servicios públicos digitales",
        "ar": "الخدمات العامة الرقمية",
        "ru": "Цифровые государственные услуги",
        "zh-hans": "数字公共服务",
    },
    "open-data": {
        "fr": "Données ouvertes",
        "es": "Datos abiertos",
        "ar": "البيانات المفتوحة",
        "ru": "Открытые данные",
        "zh-hans": "开放数据",
    },
    "e-commerce-for-small-businesses": {
        "fr": "Commerce électronique pour les petites entreprises",
        "es": "Comercio electrónico para pequeñas empresas",
        "ar": "التجارة الإلكترونية للمؤسسات الصغيرة",
        "ru": "Электронная торговля для малого бизнеса",
        "zh-hans": "小企业电子商务",
    },
    "smart-city-platforms": {
        "fr": "Plateformes de ville intelligente",
        "es": "Plataformas de ciudad inteligente",
        "ar": "منصات المدن الذكية",
        "ru": "Платформы «умного города»",
        "zh-hans": "智慧城市平台",
    },
    "digital-skills": {
        "fr": "Compétences numériques",
        "es": "Competencias digitales",
        "ar": "المهارات الرقمية",
        "ru": "Цифровые навыки",
        "zh-hans": "数字技能",
    },
    # Sustainable Transport and Air Quality
    "bus-rapid-transit": {
        "fr": "Bus à haut niveau de service",
        "es": "Autobuses de tránsito rápido",
        "ar": "النقل السريع بالحافلات",
        "ru": "Скоростной автобусный транспорт",
        "zh-hans": "快速公交系统",
    },
    "air-quality-monitoring": {
        "fr": "Surveillance de la qualité de l'air",
        "es": "Vigilancia de la calidad del aire",
        "ar": "رصد جودة الهواء",
        "ru": "Мониторинг качества воздуха",
        "zh-hans": "空气质量监测",
    },
    "walking-and-cycling": {
        "fr": "Marche et vélo",
        "es": "Movilidad a pie y en bicicleta",
        "ar": "المشي وركوب الدراجات",
        "ru": "Пешеходное и велосипедное движение",
        "zh-hans": "步行与骑行",
    },
    "electric-mobility": {
        "fr": "Mobilité électrique",
        "es": "Movilidad eléctrica",
        "ar": "التنقل الكهربائي",
        "ru": "Электромобильность",
        "zh-hans": "电动出行",
    },
    "transport-planning": {
        "fr": "Planification des transports",
        "es": "Planificación del transporte",
        "ar": "تخطيط النقل",
        "ru": "Транспортное планирование",
        "zh-hans": "交通规划",
    },
    # Waste Management, Green Cities and Renewable Energy
    "waste-collection": {
        "fr": "Collecte des déchets",
        "es": "Recolección de residuos",
        "ar": "جمع النفايات",
        "ru": "Сбор отходов",
        "zh-hans": "废物收集",
    },
    "recycling-and-waste-banks": {
        "fr": "Recyclage et banques de déchets",
        "es": "Reciclaje y bancos de residuos",
        "ar": "إعادة التدوير وبنوك النفايات",
        "ru": "Вторичная переработка и банки отходов",
        "zh-hans": "回收利用与垃圾银行",
    },
    "solar-energy": {
        "fr": "Énergie solaire",
        "es": "Energía solar",
        "ar": "الطاقة الشمسية",
        "ru": "Солнечная энергетика",
        "zh-hans": "太阳能",
    },
    "energy-efficiency": {
        "fr": "Efficacité énergétique",
        "es": "Eficiencia energética",
        "ar": "كفاءة استخدام الطاقة",
        "ru": "Энергоэффективность",
        "zh-hans": "能效",
    },
    "urban-green-space": {
        "fr": "Espaces verts urbains",
        "es": "Espacios verdes urbanos",
        "ar": "المساحات الخضراء الحضرية",
        "ru": "Городские зеленые зоны",
        "zh-hans": "城市绿地",
    },
}


def fill_topic_names(apps, schema_editor):
    """Write each seeded topic's missing names; `schema_editor` may be None (called outside a
    migration, as clusters.apps does with the seeds after a flush)."""
    Topic = apps.get_model("clusters", "Topic")
    using = schema_editor.connection.alias if schema_editor is not None else DEFAULT_DB_ALIAS
    topics = Topic._base_manager.using(using)
    for topic in topics.filter(slug__in=TOPIC_NAMES):
        for language, text in TOPIC_NAMES[topic.slug].items():
            column = COLUMNS[language]
            empty = Q(**{f"{column}__isnull": True}) | Q(**{column: ""})
            taken = topics.filter(cluster_id=topic.cluster_id, **{column: text})
            if taken.exclude(pk=topic.pk).exists():
                continue
            topics.filter(empty, pk=topic.pk).update(**{column: text})


class Migration(migrations.Migration):
    dependencies = [("clusters", "0011_topic_names_in_six_languages")]

    operations = [migrations.RunPython(fill_topic_names, migrations.RunPython.noop)]
