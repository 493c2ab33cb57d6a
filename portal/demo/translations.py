"""Translations of the demo content into the portal's other five languages, as plain data.

Written by hand (not machine output) from the English texts of `portal/demo/data.py` and of the
clusters' seed migration (`clusters/migrations/0003_seed_seven_clusters.py`). The loader does not
read this module yet: it waits for the content models to carry one value per language.

Shape::

    TRANSLATIONS[model label][key][language][field] = text

- model label: `app_label.model_name`, as in `Model._meta.label_lower`;
- key: the slug of the row, or for a project's milestones and updates
  `"<project slug>:<English title>"` (the loader finds those rows by project and title);
- language: a code of `settings.LANGUAGES` other than English (see `LANGUAGES`);
- field: one of `TRANSLATED_FIELDS[model label]`. A field is present exactly when its English
  source is non-empty: the seed gives the clusters no description and the four real training
  series no final requirement, so those have no translation either.

Conventions: UN terminology in each language (South-South cooperation, disaster risk reduction,
the names of UN entities and their acronyms); the names of the partners with no official name in
a language keep their acronym (NDRCC, CNRS). The Markdown of bodies and descriptions keeps the
English structure: same paragraphs, headings, list items and bold spans.
"""

from portal.demo import data

LANGUAGES = ("fr", "es", "ar", "zh-hans", "ru")

TRANSLATED_FIELDS = {
    "clusters.cluster": ("name", "summary", "description"),
    "cities.city": ("name", "summary"),
    "projects.project": ("title", "summary", "body"),
    "projects.milestone": ("title", "description"),
    "projects.projectupdate": ("title", "body"),
    "resources.resource": ("title", "summary", "body"),
    "events.trainingseries": ("title", "summary", "description", "final_requirement"),
    "clusters.topic": ("name",),
}


def child_key(project_slug: str, english_title: str) -> str:
    """The key of a milestone or update: the loader knows them by project and title."""
    return f"{project_slug}:{english_title}"


# --- Clusters ---------------------------------------------------------------------------------

CLUSTERS = {
    data.COVID: {
        "fr": {
            "name": "Riposte à la COVID-19 et santé publique",
            "summary": (
                "Les villes comparent la manière dont elles se sont préparées aux urgences "
                "sanitaires, y ont fait face et s'en sont relevées."
            ),
        },
        "es": {
            "name": "Respuesta a la COVID-19 y salud pública",
            "summary": (
                "Las ciudades comparan cómo se prepararon para las emergencias sanitarias, cómo "
                "les hicieron frente y cómo se recuperaron de ellas."
            ),
        },
        "ar": {
            "name": "التصدي لجائحة كوفيد-19 والصحة العامة",
            "summary": (
                "تقارن المدن كيف استعدّت لحالات الطوارئ الصحية وكيف تصدّت لها ثم تعافت منها."
            ),
        },
        "zh-hans": {
            "name": "2019冠状病毒病应对与公共卫生",
            "summary": "各城市交流比较在突发卫生事件发生前如何防范、发生时如何应对、发生后如何恢复。",
        },
        "ru": {
            "name": "Реагирование на COVID-19 и общественное здравоохранение",
            "summary": (
                "Города сравнивают, как они готовились к чрезвычайным ситуациям в области "
                "здравоохранения, как реагировали на них и как восстанавливались после них."
            ),
        },
    },
    data.DRR: {
        "fr": {
            "name": (
                "Réduction des risques de catastrophe et atténuation dans les villes résilientes"
            ),
            "summary": (
                "Les autorités locales partagent leur savoir-faire en matière d'alerte précoce, "
                "de gouvernance des risques et de préparation."
            ),
        },
        "es": {
            "name": "Reducción del riesgo de desastres y mitigación en ciudades resilientes",
            "summary": (
                "Las autoridades locales comparten sus conocimientos prácticos sobre alerta "
                "temprana, gobernanza del riesgo y preparación."
            ),
        },
        "ar": {
            "name": "الحد من مخاطر الكوارث والتخفيف من آثارها في المدن القادرة على الصمود",
            "summary": (
                "تتبادل السلطات المحلية خبراتها العملية في الإنذار المبكر وحوكمة المخاطر والتأهب."
            ),
        },
        "zh-hans": {
            "name": "韧性城市减少灾害风险与减轻灾害影响",
            "summary": "地方政府分享在预警、风险治理和备灾方面的经验与做法。",
        },
        "ru": {
            "name": "Снижение риска бедствий и смягчение их последствий в жизнестойких городах",
            "summary": (
                "Местные органы власти делятся опытом в области раннего предупреждения, "
                "управления рисками и обеспечения готовности."
            ),
        },
    },
    data.TOURISM: {
        "fr": {
            "name": "Tourisme durable, protection du patrimoine et économie créative",
            "summary": (
                "Protéger le patrimoine tandis que le tourisme et les métiers de la création "
                "apportent des emplois à la ville."
            ),
        },
        "es": {
            "name": "Turismo sostenible, protección del patrimonio y economía creativa",
            "summary": (
                "Proteger el patrimonio mientras el turismo y el trabajo creativo traen empleo a "
                "la ciudad."
            ),
        },
        "ar": {
            "name": "السياحة المستدامة وحماية التراث والاقتصاد الإبداعي",
            "summary": (
                "حماية التراث في الوقت الذي تجلب فيه السياحة والأعمال الإبداعية فرص العمل إلى "
                "المدينة."
            ),
        },
        "zh-hans": {
            "name": "可持续旅游、遗产保护与创意经济",
            "summary": "在旅游业和创意产业为城市带来就业的同时，保护好文化遗产。",
        },
        "ru": {
            "name": "Устойчивый туризм, охрана наследия и креативная экономика",
            "summary": (
                "Как сохранить наследие, когда туризм и творческие профессии приносят городу "
                "рабочие места."
            ),
        },
    },
    data.AGRICULTURE: {
        "fr": {
            "name": "Développement de chaînes de valeur agricoles durables",
            "summary": (
                "Des fermes urbaines aux marchés : des chaînes de valeur qui nourrissent les "
                "villes et rémunèrent équitablement les agriculteurs."
            ),
        },
        "es": {
            "name": "Desarrollo de cadenas de valor agrícolas sostenibles",
            "summary": (
                "De los huertos urbanos a los mercados: cadenas de valor que alimentan a las "
                "ciudades y pagan un precio justo a los agricultores."
            ),
        },
        "ar": {
            "name": "تطوير سلاسل القيمة الزراعية المستدامة",
            "summary": (
                "من المزارع الحضرية إلى الأسواق: سلاسل قيمة تُطعم المدن وتمنح المزارعين أجراً عادلاً."
            ),
        },
        "zh-hans": {
            "name": "可持续农业价值链发展",
            "summary": "从城市农场到市场：打造既能供养城市、又能让农民获得公平收入的价值链。",
        },
        "ru": {
            "name": "Развитие устойчивых цепочек создания стоимости в сельском хозяйстве",
            "summary": (
                "От городских ферм до рынков: цепочки создания стоимости, которые кормят города "
                "и обеспечивают фермерам справедливый доход."
            ),
        },
    },
    data.DIGITAL: {
        "fr": {
            "name": "Commerce électronique, numérisation et villes intelligentes",
            "summary": (
                "Services publics numériques, plateformes de données et commerce électronique "
                "pour les petites entreprises."
            ),
        },
        "es": {
            "name": "Comercio electrónico, digitalización y ciudades inteligentes",
            "summary": (
                "Servicios públicos digitales, plataformas de datos y comercio electrónico para "
                "las pequeñas empresas."
            ),
        },
        "ar": {
            "name": "التجارة الإلكترونية والرقمنة والمدن الذكية",
            "summary": "خدمات عامة رقمية ومنصات بيانات وتجارة إلكترونية للمنشآت الصغيرة.",
        },
        "zh-hans": {
            "name": "电子商务、数字化与智慧城市",
            "summary": "数字化公共服务、数据平台以及面向小企业的电子商务。",
        },
        "ru": {
            "name": "Электронная торговля, цифровизация и умные города",
            "summary": (
                "Цифровые государственные и муниципальные услуги, платформы данных и "
                "электронная торговля для малого бизнеса."
            ),
        },
    },
    data.TRANSPORT: {
        "fr": {
            "name": "Transport durable et qualité de l'air",
            "summary": "Des bus plus propres, des rues plus sûres et un air mesuré et amélioré.",
        },
        "es": {
            "name": "Transporte sostenible y calidad del aire",
            "summary": (
                "Autobuses más limpios, calles más seguras y un aire que se mide y se mejora."
            ),
        },
        "ar": {
            "name": "النقل المستدام وجودة الهواء",
            "summary": "حافلات أنظف، وشوارع أكثر أماناً، وهواء تُقاس جودته وتُحسَّن.",
        },
        "zh-hans": {
            "name": "可持续交通与空气质量",
            "summary": "更清洁的公交车、更安全的街道，以及经过监测并不断改善的空气。",
        },
        "ru": {
            "name": "Устойчивый транспорт и качество воздуха",
            "summary": (
                "Более чистые автобусы, более безопасные улицы и воздух, качество которого "
                "измеряют и улучшают."
            ),
        },
    },
    data.WASTE: {
        "fr": {
            "name": "Gestion des déchets, villes vertes et énergies renouvelables",
            "summary": (
                "Des systèmes circulaires de gestion des déchets, des espaces publics verts et "
                "une électricité renouvelable pour les villes."
            ),
        },
        "es": {
            "name": "Gestión de residuos, ciudades verdes y energías renovables",
            "summary": (
                "Sistemas circulares de gestión de residuos, espacios públicos verdes y "
                "electricidad renovable para las ciudades."
            ),
        },
        "ar": {
            "name": "إدارة النفايات والمدن الخضراء والطاقة المتجددة",
            "summary": (
                "نظم دائرية لإدارة النفايات، ومساحات عامة خضراء، وكهرباء من مصادر متجددة للمدن."
            ),
        },
        "zh-hans": {
            "name": "废弃物管理、绿色城市与可再生能源",
            "summary": "循环型废弃物管理体系、绿色公共空间以及城市可再生电力。",
        },
        "ru": {
            "name": "Обращение с отходами, зеленые города и возобновляемая энергетика",
            "summary": (
                "Замкнутые системы обращения с отходами, зеленые общественные пространства и "
                "возобновляемая электроэнергия для городов."
            ),
        },
    },
}


# --- Cities -----------------------------------------------------------------------------------
# Names are the established exonyms (the Spanish ones follow the list of the RAE's Ortografía,
# hence Tiflis and Biskek); French and Spanish keep the English spelling where they share it.

CITIES = {
    # Arab States
    "tripoli-lebanon": {
        "fr": {
            "name": "Tripoli",
            "summary": (
                "Deuxième ville du Liban, qui s'inspire de Shenzhen pour organiser la "
                "gouvernance des risques de catastrophe."
            ),
        },
        "es": {
            "name": "Trípoli",
            "summary": (
                "Segunda ciudad del Líbano, que aprende de Shenzhen cómo gobernar el riesgo de "
                "desastres."
            ),
        },
        "ar": {
            "name": "طرابلس",
            "summary": "ثاني أكبر مدن لبنان، تتعلّم من شنتشن كيفية حوكمة مخاطر الكوارث.",
        },
        "zh-hans": {
            "name": "的黎波里",
            "summary": "黎巴嫩第二大城市，正向深圳学习灾害风险治理。",
        },
        "ru": {
            "name": "Триполи",
            "summary": (
                "Второй по величине город Ливана, перенимающий у Шэньчжэня опыт управления "
                "рисками бедствий."
            ),
        },
    },
    "beirut": {
        "fr": {
            "name": "Beyrouth",
            "summary": (
                "Capitale du Liban, qui reconstruit ses services de santé et de secours après "
                "l'explosion du port en 2020."
            ),
        },
        "es": {
            "name": "Beirut",
            "summary": (
                "Capital del Líbano, que reconstruye sus servicios de salud y de emergencia tras "
                "la explosión del puerto en 2020."
            ),
        },
        "ar": {
            "name": "بيروت",
            "summary": (
                "عاصمة لبنان، تعيد بناء خدماتها الصحية وخدمات الطوارئ بعد انفجار المرفأ عام 2020."
            ),
        },
        "zh-hans": {
            "name": "贝鲁特",
            "summary": "黎巴嫩首都，正在2020年港口大爆炸后重建卫生和应急服务。",
        },
        "ru": {
            "name": "Бейрут",
            "summary": (
                "Столица Ливана, которая восстанавливает службы здравоохранения и экстренного "
                "реагирования после взрыва в порту в 2020 году."
            ),
        },
    },
    "amman": {
        "fr": {
            "name": "Amman",
            "summary": (
                "Capitale de la Jordanie, au service d'une population en forte croissance qui "
                "compte de nombreux réfugiés."
            ),
        },
        "es": {
            "name": "Amán",
            "summary": (
                "Capital de Jordania, que atiende a una población en rápido crecimiento con "
                "muchas personas refugiadas."
            ),
        },
        "ar": {
            "name": "عمّان",
            "summary": (
                "عاصمة الأردن، تقدّم خدماتها لعدد من السكان يتزايد بسرعة ويضم كثيراً من اللاجئين."
            ),
        },
        "zh-hans": {
            "name": "安曼",
            "summary": "约旦首都，为快速增长、包括大量难民在内的人口提供服务。",
        },
        "ru": {
            "name": "Амман",
            "summary": (
                "Столица Иордании, обслуживающая быстро растущее население, среди которого много "
                "беженцев."
            ),
        },
    },
    "tunis": {
        "fr": {
            "name": "Tunis",
            "summary": (
                "Capitale de la Tunisie, connue pour sa médina inscrite au patrimoine mondial "
                "de l'UNESCO."
            ),
        },
        "es": {
            "name": "Túnez",
            "summary": (
                "Capital de Túnez, conocida por su medina, inscrita en la Lista del Patrimonio "
                "Mundial de la UNESCO."
            ),
        },
        "ar": {
            "name": "تونس",
            "summary": (
                "عاصمة تونس، تشتهر بمدينتها العتيقة المدرجة في قائمة اليونسكو للتراث العالمي."
            ),
        },
        "zh-hans": {
            "name": "突尼斯",
            "summary": "突尼斯共和国首都，以列入联合国教科文组织《世界遗产名录》的麦地那老城闻名。",
        },
        "ru": {
            "name": "Тунис",
            "summary": (
                "Столица Туниса, известная своей мединой, внесенной в Список всемирного "
                "наследия ЮНЕСКО."
            ),
        },
    },
    "casablanca": {
        "fr": {
            "name": "Casablanca",
            "summary": (
                "Capitale économique du Maroc, qui investit dans le tramway et les services "
                "municipaux numériques."
            ),
        },
        "es": {
            "name": "Casablanca",
            "summary": (
                "Capital económica de Marruecos, que invierte en tranvías y en servicios "
                "municipales digitales."
            ),
        },
        "ar": {
            "name": "الدار البيضاء",
            "summary": (
                "العاصمة الاقتصادية للمغرب، تستثمر في الترامواي وفي الخدمات البلدية الرقمية."
            ),
        },
        "zh-hans": {
            "name": "卡萨布兰卡",
            "summary": "摩洛哥的经济中心，正投资建设有轨电车和数字化城市服务。",
        },
        "ru": {
            "name": "Касабланка",
            "summary": (
                "Экономическая столица Марокко, которая вкладывает средства в трамвай и "
                "цифровые городские услуги."
            ),
        },
    },
    "alexandria": {
        "fr": {
            "name": "Alexandrie",
            "summary": (
                "Port égyptien de la Méditerranée, où l'élévation du niveau de la mer met à "
                "l'épreuve un riche patrimoine."
            ),
        },
        "es": {
            "name": "Alejandría",
            "summary": (
                "Puerto egipcio del Mediterráneo, donde la subida del nivel del mar pone a "
                "prueba un rico patrimonio."
            ),
        },
        "ar": {
            "name": "الإسكندرية",
            "summary": "ميناء مصر على البحر المتوسط، حيث يهدد ارتفاع منسوب سطح البحر تراثاً غنياً.",
        },
        "zh-hans": {
            "name": "亚历山大",
            "summary": "埃及的地中海港口城市，海平面上升正威胁着这里丰富的历史遗产。",
        },
        "ru": {
            "name": "Александрия",
            "summary": (
                "Средиземноморский порт Египта, богатому наследию которого угрожает подъем "
                "уровня моря."
            ),
        },
    },
    # Africa
    "nairobi": {
        "fr": {
            "name": "Nairobi",
            "summary": "Capitale du Kenya et carrefour des services numériques en Afrique de l'Est.",
        },
        "es": {
            "name": "Nairobi",
            "summary": "Capital de Kenya y centro de servicios digitales de África Oriental.",
        },
        "ar": {
            "name": "نيروبي",
            "summary": "عاصمة كينيا ومركز للخدمات الرقمية في شرق أفريقيا.",
        },
        "zh-hans": {
            "name": "内罗毕",
            "summary": "肯尼亚首都，东非的数字服务中心。",
        },
        "ru": {
            "name": "Найроби",
            "summary": "Столица Кении и центр цифровых услуг в Восточной Африке.",
        },
    },
    "lagos": {
        "fr": {
            "name": "Lagos",
            "summary": "Plus grande ville du Nigéria, où le commerce en ligne est en plein essor.",
        },
        "es": {
            "name": "Lagos",
            "summary": "La mayor ciudad de Nigeria, con un comercio en línea en pleno auge.",
        },
        "ar": {
            "name": "لاغوس",
            "summary": "أكبر مدن نيجيريا، وتشهد ازدهاراً كبيراً في التجارة عبر الإنترنت.",
        },
        "zh-hans": {
            "name": "拉各斯",
            "summary": "尼日利亚最大城市，网上交易市场蓬勃发展。",
        },
        "ru": {
            "name": "Лагос",
            "summary": "Крупнейший город Нигерии с бурно растущей онлайн-торговлей.",
        },
    },
    "accra": {
        "fr": {
            "name": "Accra",
            "summary": (
                "Capitale du Ghana, qui s'appuie sur les récupérateurs informels de déchets "
                "pour assainir la ville."
            ),
        },
        "es": {
            "name": "Acra",
            "summary": (
                "Capital de Ghana, que trabaja con recicladores informales para limpiar la ciudad."
            ),
        },
        "ar": {
            "name": "أكرا",
            "summary": "عاصمة غانا، تعمل مع جامعي النفايات غير النظاميين على تنظيف المدينة.",
        },
        "zh-hans": {
            "name": "阿克拉",
            "summary": "加纳首都，正与非正规拾荒者合作清洁城市。",
        },
        "ru": {
            "name": "Аккра",
            "summary": (
                "Столица Ганы, которая привлекает неформальных сборщиков отходов к очистке города."
            ),
        },
    },
    "addis-ababa": {
        "fr": {
            "name": "Addis-Abeba",
            "summary": (
                "Capitale de l'Éthiopie sur les hauts plateaux, qui construit un réseau de "
                "transport rapide et mesure la qualité de son air."
            ),
        },
        "es": {
            "name": "Adís Abeba",
            "summary": (
                "Capital de Etiopía en el altiplano, que construye transporte rápido y mide la "
                "calidad de su aire."
            ),
        },
        "ar": {
            "name": "أديس أبابا",
            "summary": "عاصمة إثيوبيا في المرتفعات، تبني شبكة نقل سريع وتقيس جودة هوائها.",
        },
        "zh-hans": {
            "name": "亚的斯亚贝巴",
            "summary": "埃塞俄比亚的高原首都，正在建设快速公交并监测空气质量。",
        },
        "ru": {
            "name": "Аддис-Абеба",
            "summary": (
                "Высокогорная столица Эфиопии, которая строит скоростной транспорт и измеряет "
                "качество воздуха."
            ),
        },
    },
    "dakar": {
        "fr": {
            "name": "Dakar",
            "summary": "Capitale du Sénégal, à la pointe la plus occidentale de l'Afrique.",
        },
        "es": {
            "name": "Dakar",
            "summary": "Capital del Senegal, en el extremo más occidental de África.",
        },
        "ar": {
            "name": "داكار",
            "summary": "عاصمة السنغال، في أقصى غرب القارة الأفريقية.",
        },
        "zh-hans": {
            "name": "达喀尔",
            "summary": "塞内加尔首都，位于非洲大陆最西端。",
        },
        "ru": {
            "name": "Дакар",
            "summary": "Столица Сенегала на самой западной оконечности Африки.",
        },
    },
    "kigali": {
        "fr": {
            "name": "Kigali",
            "summary": "Capitale du Rwanda, pionnière des services publics en ligne.",
        },
        "es": {
            "name": "Kigali",
            "summary": "Capital de Rwanda, pionera en servicios públicos en línea.",
        },
        "ar": {
            "name": "كيغالي",
            "summary": "عاصمة رواندا، ورائدة في تقديم الخدمات العامة عبر الإنترنت.",
        },
        "zh-hans": {
            "name": "基加利",
            "summary": "卢旺达首都，在线公共服务的先行者。",
        },
        "ru": {
            "name": "Кигали",
            "summary": "Столица Руанды, один из первопроходцев государственных онлайн-услуг.",
        },
    },
    "dar-es-salaam": {
        "fr": {
            "name": "Dar es Salaam",
            "summary": "Plus grande ville de Tanzanie, en pleine croissance sur une côte basse.",
        },
        "es": {
            "name": "Dar es-Salam",
            "summary": "La mayor ciudad de Tanzania, que crece rápidamente en una costa baja.",
        },
        "ar": {
            "name": "دار السلام",
            "summary": "أكبر مدن تنزانيا، تنمو بسرعة على ساحل منخفض.",
        },
        "zh-hans": {
            "name": "达累斯萨拉姆",
            "summary": "坦桑尼亚最大城市，在低洼海岸上快速扩张。",
        },
        "ru": {
            "name": "Дар-эс-Салам",
            "summary": "Крупнейший город Танзании, быстро растущий на низменном побережье.",
        },
    },
    "maputo": {
        "fr": {
            "name": "Maputo",
            "summary": (
                "Capitale du Mozambique sur l'océan Indien, exposée aux cyclones tropicaux."
            ),
        },
        "es": {
            "name": "Maputo",
            "summary": (
                "Capital de Mozambique a orillas del océano Índico, expuesta a los ciclones "
                "tropicales."
            ),
        },
        "ar": {
            "name": "مابوتو",
            "summary": "عاصمة موزمبيق على المحيط الهندي، وهي معرّضة للأعاصير المدارية.",
        },
        "zh-hans": {
            "name": "马普托",
            "summary": "莫桑比克首都，濒临印度洋，易受热带气旋影响。",
        },
        "ru": {
            "name": "Мапуту",
            "summary": (
                "Столица Мозамбика на берегу Индийского океана, подверженная тропическим циклонам."
            ),
        },
    },
    "kampala": {
        "fr": {
            "name": "Kampala",
            "summary": (
                "Capitale de l'Ouganda, où l'agriculture urbaine nourrit de nombreux ménages."
            ),
        },
        "es": {
            "name": "Kampala",
            "summary": "Capital de Uganda, donde la agricultura urbana alimenta a muchos hogares.",
        },
        "ar": {
            "name": "كمبالا",
            "summary": "عاصمة أوغندا، حيث تؤمّن الزراعة الحضرية الغذاء لكثير من الأسر.",
        },
        "zh-hans": {
            "name": "坎帕拉",
            "summary": "乌干达首都，城市农业养活了许多家庭。",
        },
        "ru": {
            "name": "Кампала",
            "summary": "Столица Уганды, где городское сельское хозяйство кормит многие семьи.",
        },
    },
    # Asia and the Pacific
    "shenzhen": {
        "fr": {
            "name": "Shenzhen",
            "summary": (
                "Jeune mégapole du sud de la Chine, qui partage son expérience de la réduction "
                "des risques de catastrophe."
            ),
        },
        "es": {
            "name": "Shenzhen",
            "summary": (
                "Joven megaciudad del sur de China, que comparte su práctica en reducción del "
                "riesgo de desastres."
            ),
        },
        "ar": {
            "name": "شنتشن",
            "summary": (
                "مدينة ضخمة حديثة العهد في جنوب الصين، تشارك ممارساتها في مجال الحد من مخاطر "
                "الكوارث."
            ),
        },
        "zh-hans": {
            "name": "深圳",
            "summary": "中国南方一座年轻的超大城市，正在分享其减少灾害风险的实践经验。",
        },
        "ru": {
            "name": "Шэньчжэнь",
            "summary": (
                "Молодой мегаполис на юге Китая, который делится своей практикой снижения риска "
                "бедствий."
            ),
        },
    },
    "chengdu": {
        "fr": {
            "name": "Chengdu",
            "summary": "Capitale du Sichuan, entourée de terres agricoles fertiles.",
        },
        "es": {
            "name": "Chengdu",
            "summary": "Capital de Sichuan, rodeada de fértiles tierras de cultivo.",
        },
        "ar": {
            "name": "تشنغدو",
            "summary": "عاصمة مقاطعة سيتشوان، تحيط بها أراضٍ زراعية خصبة.",
        },
        "zh-hans": {
            "name": "成都",
            "summary": "四川省省会，四周是肥沃的农田。",
        },
        "ru": {
            "name": "Чэнду",
            "summary": (
                "Столица провинции Сычуань, окруженная плодородными сельскохозяйственными угодьями."
            ),
        },
    },
    "dhaka": {
        "fr": {
            "name": "Dacca",
            "summary": (
                "Capitale du Bangladesh, l'une des villes les plus densément peuplées de la "
                "planète."
            ),
        },
        "es": {
            "name": "Daca",
            "summary": (
                "Capital de Bangladesh, una de las ciudades más densamente pobladas del planeta."
            ),
        },
        "ar": {
            "name": "دكا",
            "summary": "عاصمة بنغلاديش، وإحدى أكثر مدن العالم كثافةً بالسكان.",
        },
        "zh-hans": {
            "name": "达卡",
            "summary": "孟加拉国首都，世界上人口最稠密的城市之一。",
        },
        "ru": {
            "name": "Дакка",
            "summary": "Столица Бангладеш, один из самых густонаселенных городов мира.",
        },
    },
    "surabaya": {
        "fr": {
            "name": "Surabaya",
            "summary": (
                "Deuxième ville d'Indonésie, connue pour ses banques de déchets communautaires "
                "et ses parcs verdoyants."
            ),
        },
        "es": {
            "name": "Surabaya",
            "summary": (
                "Segunda ciudad de Indonesia, conocida por sus bancos comunitarios de residuos y "
                "sus parques."
            ),
        },
        "ar": {
            "name": "سورابايا",
            "summary": (
                "ثاني أكبر مدن إندونيسيا، تشتهر ببنوك النفايات المجتمعية وحدائقها الخضراء."
            ),
        },
        "zh-hans": {
            "name": "泗水",
            "summary": "印度尼西亚第二大城市，以社区垃圾银行和绿色公园著称。",
        },
        "ru": {
            "name": "Сурабая",
            "summary": (
                "Второй по величине город Индонезии, известный общественными «банками отходов» "
                "и зелеными парками."
            ),
        },
    },
    "da-nang": {
        "fr": {
            "name": "Da Nang",
            "summary": (
                "Ville côtière du centre du Viet Nam, qui concilie tourisme balnéaire et risque "
                "de tempêtes."
            ),
        },
        "es": {
            "name": "Da Nang",
            "summary": (
                "Ciudad costera del centro de Viet Nam, que busca el equilibrio entre el turismo "
                "de playa y el riesgo de tormentas."
            ),
        },
        "ar": {
            "name": "دا نانغ",
            "summary": "مدينة ساحلية في وسط فييت نام، توازن بين سياحة الشواطئ ومخاطر العواصف.",
        },
        "zh-hans": {
            "name": "岘港",
            "summary": "越南中部沿海城市，在海滨旅游与风暴风险之间寻求平衡。",
        },
        "ru": {
            "name": "Дананг",
            "summary": (
                "Прибрежный город в центральной части Вьетнама, которому приходится совмещать "
                "пляжный туризм и защиту от штормов."
            ),
        },
    },
    "pune": {
        "fr": {
            "name": "Pune",
            "summary": (
                "Ville universitaire et industrielle de l'ouest de l'Inde, qui développe ses "
                "transports publics."
            ),
        },
        "es": {
            "name": "Pune",
            "summary": (
                "Ciudad universitaria e industrial del oeste de la India, que amplía su "
                "transporte público."
            ),
        },
        "ar": {
            "name": "بونه",
            "summary": "مدينة جامعية وصناعية في غرب الهند، توسّع شبكة نقلها العام.",
        },
        "zh-hans": {
            "name": "浦那",
            "summary": "印度西部的大学城和工业城市，正在扩展公共交通。",
        },
        "ru": {
            "name": "Пуна",
            "summary": (
                "Университетский и промышленный город на западе Индии, развивающий "
                "общественный транспорт."
            ),
        },
    },
    "colombo": {
        "fr": {
            "name": "Colombo",
            "summary": (
                "Capitale commerciale du Sri Lanka, forte d'une solide tradition de santé publique."
            ),
        },
        "es": {
            "name": "Colombo",
            "summary": (
                "Capital comercial de Sri Lanka, con una sólida tradición de salud pública."
            ),
        },
        "ar": {
            "name": "كولومبو",
            "summary": "العاصمة التجارية لسري لانكا، ولها تقاليد راسخة في مجال الصحة العامة.",
        },
        "zh-hans": {
            "name": "科伦坡",
            "summary": "斯里兰卡的商业首都，拥有深厚的公共卫生传统。",
        },
        "ru": {
            "name": "Коломбо",
            "summary": (
                "Торговая столица Шри-Ланки с сильными традициями общественного здравоохранения."
            ),
        },
    },
    "kathmandu": {
        "fr": {
            "name": "Katmandou",
            "summary": (
                "Capitale du Népal, qui reconstruit son patrimoine et ses écoles pour résister "
                "aux séismes."
            ),
        },
        "es": {
            "name": "Katmandú",
            "summary": (
                "Capital de Nepal, que reconstruye su patrimonio y sus escuelas para que "
                "resistan los terremotos."
            ),
        },
        "ar": {
            "name": "كاتماندو",
            "summary": "عاصمة نيبال، تعيد بناء معالمها التراثية ومدارسها لتصمد أمام الزلازل.",
        },
        "zh-hans": {
            "name": "加德满都",
            "summary": "尼泊尔首都，正在重建文化遗产和学校，使其能够抵御地震。",
        },
        "ru": {
            "name": "Катманду",
            "summary": (
                "Столица Непала, которая восстанавливает памятники и школы так, чтобы они "
                "выдерживали землетрясения."
            ),
        },
    },
    "iloilo-city": {
        "fr": {
            "name": "Iloilo",
            "summary": (
                "Ville fluviale des Philippines qui a fait de ses ouvrages contre les crues un "
                "espace public."
            ),
        },
        "es": {
            "name": "Iloílo",
            "summary": (
                "Ciudad ribereña de Filipinas que convirtió sus obras de control de inundaciones "
                "en espacio público."
            ),
        },
        "ar": {
            "name": "مدينة إيلويلو",
            "summary": "مدينة نهرية في الفلبين حوّلت منشآت مكافحة الفيضانات إلى فضاءات عامة.",
        },
        "zh-hans": {
            "name": "伊洛伊洛市",
            "summary": "菲律宾一座沿河城市，把防洪工程变成了公共空间。",
        },
        "ru": {
            "name": "Илоило",
            "summary": (
                "Речной город на Филиппинах, превративший противопаводковые сооружения в "
                "общественные пространства."
            ),
        },
    },
    "suva": {
        "fr": {
            "name": "Suva",
            "summary": (
                "Capitale des Fidji, ville insulaire du Pacifique confrontée aux cyclones et à "
                "la montée des eaux."
            ),
        },
        "es": {
            "name": "Suva",
            "summary": (
                "Capital de Fiji, ciudad insular del Pacífico que se enfrenta a los ciclones y "
                "a la subida del nivel del mar."
            ),
        },
        "ar": {
            "name": "سوفا",
            "summary": (
                "عاصمة فيجي، مدينة جزرية في المحيط الهادئ تواجه الأعاصير وارتفاع منسوب سطح البحر."
            ),
        },
        "zh-hans": {
            "name": "苏瓦",
            "summary": "斐济首都，一座面临热带气旋和海平面上升威胁的太平洋岛屿城市。",
        },
        "ru": {
            "name": "Сува",
            "summary": (
                "Столица Фиджи, островной город в Тихом океане, которому угрожают циклоны и "
                "подъем уровня моря."
            ),
        },
    },
    # Latin America and the Caribbean
    "medellin": {
        "fr": {
            "name": "Medellín",
            "summary": (
                "Deuxième ville de Colombie, où des téléphériques relient au métro les "
                "quartiers à flanc de colline."
            ),
        },
        "es": {
            "name": "Medellín",
            "summary": (
                "Segunda ciudad de Colombia, donde el Metrocable conecta los barrios de ladera "
                "con el metro."
            ),
        },
        "ar": {
            "name": "ميديلين",
            "summary": (
                "ثاني أكبر مدن كولومبيا، حيث تربط العربات المعلقة أحياء التلال بشبكة المترو."
            ),
        },
        "zh-hans": {
            "name": "麦德林",
            "summary": "哥伦比亚第二大城市，缆车把山坡上的街区与地铁连接起来。",
        },
        "ru": {
            "name": "Медельин",
            "summary": (
                "Второй по величине город Колумбии, где канатные дороги связывают районы на "
                "склонах холмов с метро."
            ),
        },
    },
    "curitiba": {
        "fr": {
            "name": "Curitiba",
            "summary": "Ville du sud du Brésil qui a inventé le bus à haut niveau de service.",
        },
        "es": {
            "name": "Curitiba",
            "summary": (
                "Ciudad del sur del Brasil que inventó el sistema de autobuses de tránsito rápido."
            ),
        },
        "ar": {
            "name": "كوريتيبا",
            "summary": "مدينة في جنوب البرازيل ابتكرت نظام الحافلات ذات المسارات السريعة.",
        },
        "zh-hans": {
            "name": "库里蒂巴",
            "summary": "巴西南部城市，快速公交系统（BRT）的发源地。",
        },
        "ru": {
            "name": "Куритиба",
            "summary": (
                "Город на юге Бразилии, где была изобретена система скоростного автобусного "
                "транспорта."
            ),
        },
    },
    "quito": {
        "fr": {
            "name": "Quito",
            "summary": (
                "Capitale de l'Équateur perchée en altitude, avec son centre historique et ses "
                "jardins urbains."
            ),
        },
        "es": {
            "name": "Quito",
            "summary": (
                "Capital del Ecuador situada a gran altitud, con un centro histórico y huertos "
                "urbanos."
            ),
        },
        "ar": {
            "name": "كيتو",
            "summary": "عاصمة الإكوادور المرتفعة، بمركزها التاريخي وحدائقها الحضرية.",
        },
        "zh-hans": {
            "name": "基多",
            "summary": "厄瓜多尔的高海拔首都，拥有历史中心和城市菜园。",
        },
        "ru": {
            "name": "Кито",
            "summary": (
                "Высокогорная столица Эквадора с историческим центром и городскими огородами."
            ),
        },
    },
    "lima": {
        "fr": {
            "name": "Lima",
            "summary": (
                "Capitale désertique du Pérou, qui nourrit dix millions d'habitants grâce à ses "
                "vallées."
            ),
        },
        "es": {
            "name": "Lima",
            "summary": (
                "Capital desértica del Perú, que alimenta a diez millones de personas con lo "
                "que producen sus valles."
            ),
        },
        "ar": {
            "name": "ليما",
            "summary": "عاصمة بيرو الصحراوية، تُطعم عشرة ملايين نسمة من خيرات أوديتها.",
        },
        "zh-hans": {
            "name": "利马",
            "summary": "秘鲁的沙漠首都，依靠周边河谷养活一千万人口。",
        },
        "ru": {
            "name": "Лима",
            "summary": (
                "Столица Перу посреди пустыни, которая кормит десять миллионов жителей урожаем "
                "окрестных долин."
            ),
        },
    },
    "mexico-city": {
        "fr": {
            "name": "Mexico",
            "summary": (
                "Capitale du Mexique, où la qualité de l'air s'est améliorée en trois décennies."
            ),
        },
        "es": {
            "name": "Ciudad de México",
            "summary": (
                "Capital de México, donde la calidad del aire ha mejorado a lo largo de tres "
                "décadas."
            ),
        },
        "ar": {
            "name": "مدينة مكسيكو",
            "summary": "عاصمة المكسيك، حيث تحسّنت جودة الهواء على مدى ثلاثة عقود.",
        },
        "zh-hans": {
            "name": "墨西哥城",
            "summary": "墨西哥首都，空气质量在三十年间持续改善。",
        },
        "ru": {
            "name": "Мехико",
            "summary": "Столица Мексики, где за три десятилетия улучшилось качество воздуха.",
        },
    },
    "kingston": {
        "fr": {
            "name": "Kingston",
            "summary": (
                "Capitale de la Jamaïque, qui se prépare aux ouragans et accueille les "
                "croisiéristes."
            ),
        },
        "es": {
            "name": "Kingston",
            "summary": (
                "Capital de Jamaica, que se prepara para los huracanes y recibe a los pasajeros "
                "de cruceros."
            ),
        },
        "ar": {
            "name": "كينغستون",
            "summary": "عاصمة جامايكا، تستعد للأعاصير وتستقبل ركاب السفن السياحية.",
        },
        "zh-hans": {
            "name": "金斯敦",
            "summary": "牙买加首都，一边防范飓风，一边接待邮轮游客。",
        },
        "ru": {
            "name": "Кингстон",
            "summary": (
                "Столица Ямайки, которая готовится к ураганам и принимает туристов с круизных "
                "лайнеров."
            ),
        },
    },
    "havana": {
        "fr": {
            "name": "La Havane",
            "summary": (
                "Capitale de Cuba, où les soins de santé primaires sont organisés à l'échelle du "
                "quartier."
            ),
        },
        "es": {
            "name": "La Habana",
            "summary": "Capital de Cuba, con una atención primaria de salud organizada por barrios.",
        },
        "ar": {
            "name": "هافانا",
            "summary": "عاصمة كوبا، حيث تُقدَّم الرعاية الصحية الأولية على مستوى الأحياء.",
        },
        "zh-hans": {
            "name": "哈瓦那",
            "summary": "古巴首都，实行以社区为基础的初级卫生保健。",
        },
        "ru": {
            "name": "Гавана",
            "summary": (
                "Столица Кубы, где первичная медико-санитарная помощь организована по месту "
                "жительства."
            ),
        },
    },
    # Europe and Central Asia
    "almaty": {
        "fr": {
            "name": "Almaty",
            "summary": (
                "Plus grande ville du Kazakhstan, où le smog hivernal pousse à développer des "
                "transports propres."
            ),
        },
        "es": {
            "name": "Almaty",
            "summary": (
                "La mayor ciudad de Kazajstán, donde el esmog invernal impulsa la apuesta por un "
                "transporte limpio."
            ),
        },
        "ar": {
            "name": "ألماتي",
            "summary": (
                "أكبر مدن كازاخستان، يدفعها الضباب الدخاني في الشتاء إلى التوجه نحو النقل النظيف."
            ),
        },
        "zh-hans": {
            "name": "阿拉木图",
            "summary": "哈萨克斯坦最大城市，冬季雾霾促使其大力推动清洁交通。",
        },
        "ru": {
            "name": "Алматы",
            "summary": (
                "Крупнейший город Казахстана, где зимний смог подталкивает к переходу на чистый "
                "транспорт."
            ),
        },
    },
    "tashkent": {
        "fr": {
            "name": "Tachkent",
            "summary": (
                "Capitale de l'Ouzbékistan, ville de la route de la soie aux bazars animés."
            ),
        },
        "es": {
            "name": "Taskent",
            "summary": (
                "Capital de Uzbekistán, ciudad de la Ruta de la Seda con bulliciosos bazares."
            ),
        },
        "ar": {
            "name": "طشقند",
            "summary": "عاصمة أوزبكستان، مدينة على طريق الحرير تعجّ أسواقها بالحركة.",
        },
        "zh-hans": {
            "name": "塔什干",
            "summary": "乌兹别克斯坦首都，丝绸之路上的古城，集市熙熙攘攘。",
        },
        "ru": {
            "name": "Ташкент",
            "summary": "Столица Узбекистана, город на Шелковом пути с оживленными базарами.",
        },
    },
    "tbilisi": {
        "fr": {
            "name": "Tbilissi",
            "summary": (
                "Capitale de la Géorgie, avec ses portails de données ouvertes et sa vieille "
                "ville historique."
            ),
        },
        "es": {
            "name": "Tiflis",
            "summary": (
                "Capital de Georgia, con portales de datos abiertos y un casco antiguo histórico."
            ),
        },
        "ar": {
            "name": "تبليسي",
            "summary": "عاصمة جورجيا، بمنصات بياناتها المفتوحة وبلدتها القديمة التاريخية.",
        },
        "zh-hans": {
            "name": "第比利斯",
            "summary": "格鲁吉亚首都，拥有开放数据门户和历史悠久的老城。",
        },
        "ru": {
            "name": "Тбилиси",
            "summary": "Столица Грузии с порталами открытых данных и историческим старым городом.",
        },
    },
    "bishkek": {
        "fr": {
            "name": "Bichkek",
            "summary": (
                "Capitale du Kirghizistan, où les produits frais descendent des vallées de "
                "montagne."
            ),
        },
        "es": {
            "name": "Biskek",
            "summary": (
                "Capital de Kirguistán, adonde los productos frescos bajan de los valles de "
                "montaña."
            ),
        },
        "ar": {
            "name": "بشكيك",
            "summary": "عاصمة قيرغيزستان، تصلها المنتجات الطازجة من الوديان الجبلية.",
        },
        "zh-hans": {
            "name": "比什凯克",
            "summary": "吉尔吉斯斯坦首都，新鲜农产品从山谷运抵这里。",
        },
        "ru": {
            "name": "Бишкек",
            "summary": "Столица Кыргызстана, куда свежие продукты привозят из горных долин.",
        },
    },
}


# --- The programme and the Tripoli-Shenzhen pilot ---------------------------------------------

PROJECTS = {
    data.PROGRAMME: {
        "fr": {
            "title": "Projet Villes de l'UNOSSC",
            "summary": (
                "Le programme de l'UNOSSC consacré à la coopération Sud-Sud et triangulaire "
                "entre villes et autorités locales, qui accueille les Pôles de villes Sud-Sud."
            ),
            "body": (
                "Le Projet Villes porte la coopération Sud-Sud au niveau où vivent les gens : "
                "les villes et leurs autorités locales.\n\n"
                "Il anime les sept **pôles** thématiques de ce portail, soutient des **projets "
                "pilotes** de ville à ville, comme le projet pilote Tripoli–Shenzhen sur la "
                "gouvernance des risques de catastrophe, et organise depuis 2020, avec des "
                "partenaires des Nations Unies, des **cycles de formation** en ligne "
                "certifiants."
            ),
        },
        "es": {
            "title": "Proyecto Ciudades de la UNOSSC",
            "summary": (
                "El programa de la UNOSSC para la cooperación Sur-Sur y triangular entre "
                "ciudades y autoridades locales, que acoge los Clústeres de Ciudades Sur-Sur."
            ),
            "body": (
                "El Proyecto Ciudades lleva la cooperación Sur-Sur al nivel en el que vive la "
                "gente: las ciudades y sus autoridades locales.\n\n"
                "Gestiona los siete **clústeres** temáticos de este portal, apoya **proyectos "
                "piloto** entre ciudades, como el proyecto piloto Trípoli–Shenzhen sobre "
                "gobernanza del riesgo de desastres, y desde 2020 organiza con socios de las "
                "Naciones Unidas **series de formación** en línea con certificado."
            ),
        },
        "ar": {
            "title": "مشروع المدن التابع لمكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب",
            "summary": (
                "برنامج يديره مكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب لتعزيز التعاون "
                "فيما بين بلدان الجنوب والتعاون الثلاثي على مستوى المدن والسلطات المحلية، "
                "وتنضوي تحته مجموعات مدن الجنوب."
            ),
            "body": (
                "يحمل مشروع المدن التعاونَ فيما بين بلدان الجنوب إلى حيث يعيش الناس: إلى المدن "
                "وسلطاتها المحلية.\n\n"
                "ويدير المشروع **المجموعات** المواضيعية السبع في هذه البوابة، ويدعم **مشاريع "
                "تجريبية** بين المدن، مثل المشروع التجريبي بين طرابلس وشنتشن بشأن حوكمة مخاطر "
                "الكوارث، وينظّم منذ عام 2020، بالتعاون مع شركاء من الأمم المتحدة، **سلاسل "
                "تدريبية** معتمدة عبر الإنترنت."
            ),
        },
        "zh-hans": {
            "title": "联合国南南合作办公室城市项目",
            "summary": (
                "联合国南南合作办公室面向城市和地方政府的南南合作与三方合作项目，"
                "南南城市集群即依托于此。"
            ),
            "body": (
                "城市项目把南南合作带到人们生活的层面——城市及其地方政府。\n\n"
                "该项目负责运行本门户的七个专题**集群**，支持城市间的**试点项目**"
                "（例如的黎波里—深圳灾害风险治理试点项目），并自2020年起与联合国伙伴合作，"
                "举办经认证的在线**培训系列**。"
            ),
        },
        "ru": {
            "title": "Проект УСЮС «Города»",
            "summary": (
                "Программа УСЮС по развитию сотрудничества Юг-Юг и трехстороннего "
                "сотрудничества между городами и местными органами власти, в рамках которой "
                "работают Кластеры городов Юг–Юг."
            ),
            "body": (
                "Проект «Города» переносит сотрудничество Юг-Юг на тот уровень, где живут "
                "люди, — на уровень городов и их местных органов власти.\n\n"
                "Он ведет семь тематических **кластеров** этого портала, поддерживает "
                "**пилотные проекты** между городами, такие как пилотный проект Триполи — "
                "Шэньчжэнь по управлению рисками бедствий, и с 2020 года вместе с партнерами "
                "из системы ООН проводит сертифицированные **учебные курсы** в онлайн-формате."
            ),
        },
    },
    data.LEBANON_PILOT: {
        "fr": {
            "title": (
                "Coopération Sud-Sud et triangulaire pour une gouvernance durable des risques "
                "de catastrophe au Liban"
            ),
            "summary": (
                "Les autorités locales de Tripoli apprennent de Shenzhen la gouvernance des "
                "risques de catastrophe ; le PNUD met en œuvre le projet, le NDRCC et le CNRS "
                "apportent leur expertise technique."
            ),
            "body": (
                "Lancé en octobre 2022 et mis en œuvre par le **PNUD** avec l'appui du Projet "
                "Villes de l'UNOSSC, ce projet pilote associe **Tripoli** (Liban) à "
                "**Shenzhen** (Chine).\n\n"
                "Des acteurs nationaux et locaux y participent : les autorités de la ville, le "
                "Centre national de réduction des catastrophes de Chine (NDRCC) et le Conseil "
                "national de la recherche scientifique du Liban (CNRS).\n\n"
                "## Les axes de travail du projet pilote\n\n"
                "- l'organisation de la ville avant, pendant et après une catastrophe\n"
                "- des informations sur les risques dont les décideurs locaux peuvent se servir\n"
                "- des échanges de personnes, d'outils et de pratiques entre la Chine et le "
                "Liban\n\n"
                "Ce qui fonctionne à Tripoli a vocation à essaimer : Shenzhen et d'autres villes "
                "chinoises prévoient d'ouvrir leur expérience à davantage de pays en "
                "développement, au moyen de formations, de bourses et de projets communs."
            ),
        },
        "es": {
            "title": (
                "Cooperación Sur-Sur y triangular para una gobernanza sostenible del riesgo de "
                "desastres en el Líbano"
            ),
            "summary": (
                "Las autoridades locales de Trípoli aprenden de Shenzhen la gobernanza del "
                "riesgo de desastres; el PNUD ejecuta el proyecto y el NDRCC y el CNRS aportan "
                "conocimientos técnicos."
            ),
            "body": (
                "Puesto en marcha en octubre de 2022 y ejecutado por el **PNUD** con el apoyo "
                "del Proyecto Ciudades de la UNOSSC, este proyecto piloto une a **Trípoli** "
                "(Líbano) con **Shenzhen** (China).\n\n"
                "Participan actores nacionales y locales: las autoridades de la ciudad, el "
                "Centro Nacional de Reducción de Desastres de China (NDRCC) y el Consejo "
                "Nacional de Investigación Científica del Líbano (CNRS).\n\n"
                "## En qué trabaja el proyecto piloto\n\n"
                "- cómo se organiza la ciudad antes, durante y después de un desastre\n"
                "- información sobre riesgos que los responsables locales puedan utilizar\n"
                "- intercambios de personas, herramientas y prácticas entre China y el Líbano\n\n"
                "Lo que funcione en Trípoli está pensado para llegar más lejos: Shenzhen y otras "
                "ciudades chinas prevén abrir su experiencia a más países en desarrollo mediante "
                "formación, becas y proyectos conjuntos."
            ),
        },
        "ar": {
            "title": (
                "التعاون فيما بين بلدان الجنوب والتعاون الثلاثي من أجل حوكمة مستدامة لمخاطر "
                "الكوارث في لبنان"
            ),
            "summary": (
                "تتعلّم السلطات المحلية في طرابلس حوكمة مخاطر الكوارث من شنتشن، ويتولى برنامج "
                "الأمم المتحدة الإنمائي التنفيذ، فيما يقدّم المركز الوطني للحد من الكوارث في "
                "الصين والمجلس الوطني للبحوث العلمية في لبنان الخبرة التقنية."
            ),
            "body": (
                "أُطلق هذا المشروع التجريبي في تشرين الأول/أكتوبر 2022، ويتولى تنفيذه **برنامج "
                "الأمم المتحدة الإنمائي** بدعم من مشروع المدن التابع لمكتب الأمم المتحدة للتعاون "
                "فيما بين بلدان الجنوب، وهو يجمع بين مدينة **طرابلس** (لبنان) ومدينة **شنتشن** "
                "(الصين).\n\n"
                "ويشارك فيه فاعلون وطنيون ومحليون: سلطات المدينة، والمركز الوطني للحد من الكوارث "
                "في الصين، والمجلس الوطني للبحوث العلمية في لبنان.\n\n"
                "## محاور عمل المشروع التجريبي\n\n"
                "- كيف تنظّم المدينة نفسها قبل الكارثة وأثناءها وبعدها\n"
                "- معلومات عن المخاطر يستطيع صانعو القرار المحليون الاستفادة منها\n"
                "- تبادل الأشخاص والأدوات والممارسات بين الصين ولبنان\n\n"
                "وما ينجح في طرابلس يُراد له أن ينتقل إلى أماكن أخرى: إذ تعتزم شنتشن ومدن صينية "
                "أخرى إتاحة خبراتها لمزيد من البلدان النامية من خلال التدريب والزمالات والمشاريع "
                "المشتركة."
            ),
        },
        "zh-hans": {
            "title": "促进黎巴嫩可持续灾害风险治理的南南合作与三方合作",
            "summary": (
                "的黎波里地方政府向深圳学习灾害风险治理，由联合国开发计划署负责实施，"
                "国家减灾中心和黎巴嫩国家科学研究委员会提供技术支持。"
            ),
            "body": (
                "本试点项目于2022年10月启动，由**联合国开发计划署**在联合国南南合作办公室"
                "城市项目的支持下实施，将**的黎波里**（黎巴嫩）与**深圳**（中国）结成对子。\n\n"
                "参与方既有国家层面的，也有地方层面的：的黎波里市政当局、国家减灾中心"
                "（NDRCC）以及黎巴嫩国家科学研究委员会（CNRS）。\n\n"
                "## 试点项目的工作重点\n\n"
                "- 城市在灾前、灾中和灾后如何组织应对\n"
                "- 地方决策者用得上的风险信息\n"
                "- 中黎两国之间的人员、工具和实践交流\n\n"
                "在的黎波里行之有效的做法还将推广到更多地方：深圳和其他中国城市计划通过培训、"
                "进修项目和联合项目，向更多发展中国家分享其实践经验。"
            ),
        },
        "ru": {
            "title": (
                "Сотрудничество Юг-Юг и трехстороннее сотрудничество в интересах устойчивого "
                "управления рисками бедствий в Ливане"
            ),
            "summary": (
                "Местные органы власти Триполи перенимают у Шэньчжэня опыт управления рисками "
                "бедствий; проект осуществляет ПРООН, а техническую экспертизу обеспечивают "
                "NDRCC и CNRS."
            ),
            "body": (
                "Пилотный проект, запущенный в октябре 2022 года, осуществляется **ПРООН** при "
                "поддержке Проекта УСЮС «Города» и объединяет в пару **Триполи** (Ливан) и "
                "**Шэньчжэнь** (Китай).\n\n"
                "В нем участвуют национальные и местные структуры: органы власти города, "
                "Национальный центр Китая по уменьшению опасности бедствий (NDRCC) и "
                "Национальный совет по научным исследованиям Ливана (CNRS).\n\n"
                "## Над чем работает пилотный проект\n\n"
                "- как город организует свою работу до, во время и после бедствия\n"
                "- информация о рисках, которой могут пользоваться местные руководители\n"
                "- обмен специалистами, инструментами и практиками между Китаем и Ливаном\n\n"
                "То, что работает в Триполи, должно распространиться дальше: Шэньчжэнь и "
                "другие китайские города планируют открыть свой опыт для большего числа "
                "развивающихся стран через обучение, стажировки и совместные проекты."
            ),
        },
    },
}

MILESTONES = {
    child_key(data.LEBANON_PILOT, "Pilot launched"): {
        "fr": {
            "title": "Lancement du projet pilote",
            "description": (
                "Les partenaires valident le plan de travail et l'association de Tripoli et de "
                "Shenzhen."
            ),
        },
        "es": {
            "title": "Puesta en marcha del proyecto piloto",
            "description": (
                "Los socios acuerdan el plan de trabajo y el emparejamiento de Trípoli con "
                "Shenzhen."
            ),
        },
        "ar": {
            "title": "إطلاق المشروع التجريبي",
            "description": "يتفق الشركاء على خطة العمل وعلى الربط بين طرابلس وشنتشن.",
        },
        "zh-hans": {
            "title": "试点项目启动",
            "description": "各合作伙伴商定工作计划以及的黎波里与深圳的结对安排。",
        },
        "ru": {
            "title": "Запуск пилотного проекта",
            "description": (
                "Партнеры согласовывают план работы и объединение Триполи и Шэньчжэня в пару."
            ),
        },
    },
    child_key(
        data.LEBANON_PILOT, "China–Lebanon capacity-development and knowledge-sharing event"
    ): {
        "fr": {
            "title": (
                "Rencontre sino-libanaise de renforcement des capacités et de partage des "
                "connaissances"
            ),
            "description": (
                "Deux jours d'échanges sur les technologies et les pratiques, coorganisés par le "
                "NDRCC."
            ),
        },
        "es": {
            "title": (
                "Encuentro chino-libanés de desarrollo de capacidades e intercambio de "
                "conocimientos"
            ),
            "description": (
                "Dos días de intercambio sobre tecnologías y prácticas, coorganizados por el NDRCC."
            ),
        },
        "ar": {
            "title": "فعالية صينية لبنانية لتنمية القدرات وتبادل المعارف",
            "description": (
                "يومان من تبادل الخبرات بشأن التكنولوجيات والممارسات، شارك في استضافتهما المركز "
                "الوطني للحد من الكوارث في الصين."
            ),
        },
        "zh-hans": {
            "title": "中黎能力建设与知识分享活动",
            "description": "为期两天的技术与实践交流，由国家减灾中心联合主办。",
        },
        "ru": {
            "title": "Китайско-ливанское мероприятие по развитию потенциала и обмену знаниями",
            "description": (
                "Два дня обмена технологиями и практическим опытом; одним из организаторов "
                "выступил NDRCC."
            ),
        },
    },
    child_key(data.LEBANON_PILOT, "UNOSSC Director visits NDRCC"): {
        "fr": {
            "title": "La Directrice de l'UNOSSC se rend au NDRCC",
            "description": (
                "Les deux institutions font le point sur le projet pilote et discutent de la suite."
            ),
        },
        "es": {
            "title": "La Directora de la UNOSSC visita el NDRCC",
            "description": (
                "Las dos instituciones hacen balance del proyecto piloto y debaten los próximos "
                "pasos."
            ),
        },
        "ar": {
            "title": (
                "مديرة مكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب تزور المركز الوطني للحد "
                "من الكوارث في الصين"
            ),
            "description": "تقيّم المؤسستان ما أحرزه المشروع التجريبي وتناقشان الخطوات التالية.",
        },
        "zh-hans": {
            "title": "联合国南南合作办公室主任访问国家减灾中心",
            "description": "双方机构总结试点项目进展，并商讨下一步工作。",
        },
        "ru": {
            "title": "Директор УСЮС посещает NDRCC",
            "description": (
                "Две организации подводят итоги пилотного проекта и обсуждают дальнейшие шаги."
            ),
        },
    },
    child_key(data.LEBANON_PILOT, "Open Shenzhen's practice to more developing countries"): {
        "fr": {
            "title": "Ouvrir l'expérience de Shenzhen à davantage de pays en développement",
            "description": (
                "Des formations, des bourses et des projets communs pour d'autres villes que "
                "Tripoli."
            ),
        },
        "es": {
            "title": "Abrir la experiencia de Shenzhen a más países en desarrollo",
            "description": (
                "Formación, becas y proyectos conjuntos para ciudades más allá de Trípoli."
            ),
        },
        "ar": {
            "title": "إتاحة خبرات شنتشن لمزيد من البلدان النامية",
            "description": "تدريب وزمالات ومشاريع مشتركة لمدن أخرى غير طرابلس.",
        },
        "zh-hans": {
            "title": "向更多发展中国家分享深圳经验",
            "description": "面向的黎波里以外城市的培训、进修项目和联合项目。",
        },
        "ru": {
            "title": "Открыть опыт Шэньчжэня для большего числа развивающихся стран",
            "description": "Обучение, стажировки и совместные проекты для городов помимо Триполи.",
        },
    },
}

PROJECT_UPDATES = {
    child_key(data.LEBANON_PILOT, "Tripoli and Shenzhen start working together"): {
        "fr": {
            "title": "Tripoli et Shenzhen commencent à travailler ensemble",
            "body": (
                "Le projet pilote est lancé. Le PNUD conduit la mise en œuvre au Liban ; le "
                "NDRCC et le CNRS apportent le volet technique ; le Projet Villes met les deux "
                "villes en relation."
            ),
        },
        "es": {
            "title": "Trípoli y Shenzhen empiezan a trabajar juntas",
            "body": (
                "El proyecto piloto está en marcha. El PNUD dirige la ejecución en el Líbano; el "
                "NDRCC y el CNRS aportan la parte técnica; el Proyecto Ciudades pone en contacto "
                "a las dos ciudades."
            ),
        },
        "ar": {
            "title": "طرابلس وشنتشن تبدآن العمل معاً",
            "body": (
                "انطلق المشروع التجريبي. يقود برنامج الأمم المتحدة الإنمائي التنفيذ في لبنان، "
                "ويتولى المركز الوطني للحد من الكوارث في الصين والمجلس الوطني للبحوث العلمية في "
                "لبنان الجانب التقني، فيما يصل مشروع المدن بين المدينتين."
            ),
        },
        "zh-hans": {
            "title": "的黎波里与深圳开始合作",
            "body": (
                "试点项目已正式启动。联合国开发计划署牵头在黎巴嫩的实施工作，国家减灾中心和"
                "黎巴嫩国家科学研究委员会负责技术支持，城市项目则为两座城市牵线搭桥。"
            ),
        },
        "ru": {
            "title": "Триполи и Шэньчжэнь начинают совместную работу",
            "body": (
                "Пилотный проект стартовал. ПРООН руководит его реализацией в Ливане, NDRCC и "
                "CNRS отвечают за техническую часть, а Проект «Города» связывает два города."
            ),
        },
    },
    child_key(data.LEBANON_PILOT, "Two days of China–Lebanon exchange on disaster risk"): {
        "fr": {
            "title": "Deux jours d'échanges sino-libanais sur les risques de catastrophe",
            "body": (
                "Des responsables de Tripoli ont rencontré des experts chinois pour comparer "
                "leurs pratiques d'alerte précoce, de coordination des secours et de "
                "préparation. Le NDRCC comptait parmi les coorganisateurs."
            ),
        },
        "es": {
            "title": "Dos días de intercambio entre China y el Líbano sobre el riesgo de desastres",
            "body": (
                "Funcionarios de Trípoli se reunieron con expertos chinos para comparar "
                "prácticas de alerta temprana, coordinación de emergencias y preparación. El "
                "NDRCC fue uno de los coorganizadores."
            ),
        },
        "ar": {
            "title": "يومان من التبادل الصيني اللبناني بشأن مخاطر الكوارث",
            "body": (
                "التقى مسؤولون من طرابلس خبراء صينيين لمقارنة الممارسات في مجالات الإنذار المبكر "
                "وتنسيق الاستجابة للطوارئ والتأهب. وشارك المركز الوطني للحد من الكوارث في الصين "
                "في استضافة اللقاء."
            ),
        },
        "zh-hans": {
            "title": "中黎两国就灾害风险开展为期两天的交流",
            "body": (
                "的黎波里官员与中国专家会面，就预警、应急协调和备灾实践进行比较交流。"
                "国家减灾中心为联合主办方之一。"
            ),
        },
        "ru": {
            "title": "Два дня китайско-ливанского обмена опытом по рискам бедствий",
            "body": (
                "Представители Триполи встретились с китайскими экспертами, чтобы сравнить "
                "практику раннего предупреждения, координации действий в чрезвычайных ситуациях "
                "и обеспечения готовности. Одним из организаторов выступил NDRCC."
            ),
        },
    },
    child_key(data.LEBANON_PILOT, "From one pilot to more cities"): {
        "fr": {
            "title": "D'un projet pilote à davantage de villes",
            "body": (
                "Après la visite de la Directrice de l'UNOSSC au NDRCC, les deux parties "
                "souhaitent que les enseignements du projet pilote profitent à davantage de pays "
                "en développement."
            ),
        },
        "es": {
            "title": "De un proyecto piloto a más ciudades",
            "body": (
                "Tras la visita de la Directora de la UNOSSC al NDRCC, ambas partes quieren que "
                "las lecciones del proyecto piloto lleguen a más países en desarrollo."
            ),
        },
        "ar": {
            "title": "من مشروع تجريبي واحد إلى مزيد من المدن",
            "body": (
                "بعد زيارة مديرة مكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب إلى المركز "
                "الوطني للحد من الكوارث في الصين، يريد الجانبان أن تصل الدروس المستفادة من "
                "المشروع التجريبي إلى مزيد من البلدان النامية."
            ),
        },
        "zh-hans": {
            "title": "从一个试点走向更多城市",
            "body": (
                "联合国南南合作办公室主任访问国家减灾中心后，双方都希望将试点项目的经验"
                "推广到更多发展中国家。"
            ),
        },
        "ru": {
            "title": "От одного пилотного проекта — к новым городам",
            "body": (
                "После визита Директора УСЮС в NDRCC обе стороны хотят, чтобы уроки пилотного "
                "проекта стали доступны большему числу развивающихся стран."
            ),
        },
    },
}


# --- The October 2023 news item ---------------------------------------------------------------
# The Chinese text keeps Mr. WEI Zhenkuan's name in pinyin: the seed gives no characters for it.

RESOURCES = {
    data.NDRCC_VISIT_NEWS: {
        "fr": {
            "title": (
                "La Directrice de l'UNOSSC rencontre le NDRCC en Chine pour parler de "
                "coopération face aux risques de catastrophe"
            ),
            "summary": (
                "Le 17 octobre 2023, Mme Dima Al-Khatib, Directrice de l'UNOSSC, s'est rendue au "
                "Centre national de réduction des catastrophes de Chine, où elle a rencontré son "
                "directeur, M. WEI Zhenkuan."
            ),
            "body": (
                "Lors d'une mission en Chine, le **17 octobre 2023**, la Directrice du Bureau "
                "des Nations Unies pour la coopération Sud-Sud, Mme Dima Al-Khatib, s'est rendue "
                "au Centre national de réduction des catastrophes de Chine (NDRCC), où elle a "
                "rencontré son directeur, M. WEI Zhenkuan.\n\n"
                "Les entretiens ont porté sur une collaboration plus étroite en matière de "
                "réduction des risques de catastrophe dans le cadre de la coopération Sud-Sud et "
                "triangulaire. Mme Al-Khatib a présenté l'action de l'UNOSSC aux niveaux "
                "mondial, régional et national, notamment le Projet Villes, dont les quatre "
                "cycles de formation en ligne certifiants (2020–2023) ont été organisés avec "
                "l'UNDRR-GETI, l'OPS/OMS et l'OMS.\n\n"
                "Les deux parties ont fait le point sur le projet pilote libanais, lancé en "
                "octobre 2022 et mis en œuvre par le PNUD, qui relie les autorités locales de "
                "Tripoli à Shenzhen et s'appuie sur l'expertise technique du NDRCC et du CNRS "
                "libanais. Le mois précédent, le NDRCC avait coorganisé une rencontre "
                "sino-libanaise de deux jours consacrée au renforcement des capacités.\n\n"
                "**Prochaine étape :** l'expérience de Shenzhen et d'autres villes chinoises "
                "doit être proposée à davantage de pays en développement, au moyen de "
                "formations, de bourses et de projets communs."
            ),
        },
        "es": {
            "title": (
                "La Directora de la UNOSSC se reúne en China con el NDRCC para tratar la "
                "cooperación en materia de riesgo de desastres"
            ),
            "summary": (
                "El 17 de octubre de 2023, la Sra. Dima Al-Khatib, Directora de la UNOSSC, "
                "visitó el Centro Nacional de Reducción de Desastres de China y se reunió con su "
                "director, el Sr. WEI Zhenkuan."
            ),
            "body": (
                "Durante una misión en China, el **17 de octubre de 2023**, la Directora de la "
                "Oficina de las Naciones Unidas para la Cooperación Sur-Sur, la Sra. Dima "
                "Al-Khatib, visitó el Centro Nacional de Reducción de Desastres de China "
                "(NDRCC), donde se reunió con su director, el Sr. WEI Zhenkuan.\n\n"
                "Las conversaciones giraron en torno a una colaboración más estrecha en la "
                "reducción del riesgo de desastres mediante la cooperación Sur-Sur y "
                "triangular. La Sra. Al-Khatib presentó la labor de la UNOSSC a nivel mundial, "
                "regional y nacional, incluido el Proyecto Ciudades, cuyas cuatro series de "
                "formación en línea con certificado (2020–2023) se organizaron junto con el "
                "UNDRR-GETI, la OPS/OMS y la OMS.\n\n"
                "Ambas partes repasaron el proyecto piloto del Líbano, puesto en marcha en "
                "octubre de 2022 y ejecutado por el PNUD, que vincula a las autoridades locales "
                "de Trípoli con Shenzhen y cuenta con los conocimientos técnicos del NDRCC y del "
                "CNRS libanés. El mes anterior, el NDRCC había coorganizado un encuentro "
                "chino-libanés de dos días sobre desarrollo de capacidades.\n\n"
                "**Próximos pasos:** la experiencia de Shenzhen y de otras ciudades chinas se "
                "ofrecerá a más países en desarrollo mediante formación, becas y proyectos "
                "conjuntos."
            ),
        },
        "ar": {
            "title": (
                "مديرة مكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب تزور المركز الوطني "
                "للحد من الكوارث في الصين لبحث التعاون في مجال مخاطر الكوارث"
            ),
            "summary": (
                "في 17 تشرين الأول/أكتوبر 2023، زارت السيدة ديما الخطيب، مديرة مكتب الأمم "
                "المتحدة للتعاون فيما بين بلدان الجنوب، المركز الوطني للحد من الكوارث في الصين، "
                "والتقت رئيسه السيد وي تشنكوان."
            ),
            "body": (
                "خلال مهمة إلى الصين في **17 تشرين الأول/أكتوبر 2023**، زارت مديرة مكتب الأمم "
                "المتحدة للتعاون فيما بين بلدان الجنوب، السيدة ديما الخطيب، المركز الوطني للحد "
                "من الكوارث في الصين، حيث التقت رئيسه السيد وي تشنكوان.\n\n"
                "وتناولت المحادثات سبل تعزيز العمل المشترك في مجال الحد من مخاطر الكوارث من خلال "
                "التعاون فيما بين بلدان الجنوب والتعاون الثلاثي. وعرضت السيدة الخطيب عمل المكتب "
                "على الصعد العالمي والإقليمي والوطني، ومنه مشروع المدن الذي نُظّمت في إطاره أربع "
                "سلاسل تدريبية معتمدة عبر الإنترنت (2020–2023) بالتعاون مع المعهد العالمي للتعليم "
                "والتدريب التابع لمكتب الأمم المتحدة للحد من مخاطر الكوارث، ومنظمة الصحة للبلدان "
                "الأمريكية/منظمة الصحة العالمية، ومنظمة الصحة العالمية.\n\n"
                "واستعرض الجانبان المشروع التجريبي في لبنان، الذي أُطلق في تشرين الأول/أكتوبر "
                "2022 ويتولى تنفيذه برنامج الأمم المتحدة الإنمائي، والذي يربط السلطات المحلية في "
                "طرابلس بمدينة شنتشن ويستعين بالخبرة التقنية للمركز الوطني للحد من الكوارث في "
                "الصين وللمجلس الوطني للبحوث العلمية في لبنان. وكان المركز قد شارك في الشهر "
                "السابق في استضافة فعالية صينية لبنانية لتنمية القدرات استمرت يومين.\n\n"
                "**الخطوة التالية:** إتاحة تجربة شنتشن ومدن صينية أخرى لمزيد من البلدان النامية، "
                "من خلال التدريب والزمالات والمشاريع المشتركة."
            ),
        },
        "zh-hans": {
            "title": "联合国南南合作办公室主任在华走访国家减灾中心，商讨灾害风险领域合作",
            "summary": (
                "2023年10月17日，联合国南南合作办公室主任迪马·哈提卜女士走访国家减灾中心，"
                "与该中心主任Wei Zhenkuan先生会面。"
            ),
            "body": (
                "**2023年10月17日**，联合国南南合作办公室主任迪马·哈提卜女士在访华期间走访了"
                "国家减灾中心（NDRCC），并与该中心主任Wei Zhenkuan先生会面。\n\n"
                "双方围绕如何通过南南合作与三方合作加强减少灾害风险领域的合作进行了会谈。"
                "哈提卜女士介绍了联合国南南合作办公室在全球、区域和国家层面的工作，其中包括"
                "城市项目——该项目于2020至2023年间与联合国减少灾害风险办公室全球教育与培训学院"
                "（UNDRR-GETI）、泛美卫生组织/世界卫生组织和世界卫生组织合作，举办了四期经认证的"
                "在线培训系列。\n\n"
                "双方还回顾了黎巴嫩试点项目的进展。该项目于2022年10月启动，由联合国开发计划署"
                "实施，将的黎波里地方政府与深圳联系起来，并借助国家减灾中心和黎巴嫩国家科学"
                "研究委员会（CNRS）的技术专长。此前一个月，国家减灾中心刚刚联合主办了为期两天的"
                "中黎能力建设活动。\n\n"
                "**下一步：**深圳及其他中国城市的经验将通过培训、进修项目和联合项目，"
                "向更多发展中国家分享。"
            ),
        },
        "ru": {
            "title": (
                "Директор УСЮС провела в Китае встречу с NDRCC по вопросам сотрудничества в "
                "области рисков бедствий"
            ),
            "summary": (
                "17 октября 2023 года Директор УСЮС г-жа Дима аль-Хатиб посетила Национальный "
                "центр Китая по уменьшению опасности бедствий и встретилась с его руководителем "
                "г-ном Вэй Чжэнькуанем."
            ),
            "body": (
                "**17 октября 2023 года**, в ходе миссии в Китай, Директор Управления "
                "Организации Объединенных Наций по сотрудничеству Юг-Юг г-жа Дима аль-Хатиб "
                "посетила Национальный центр Китая по уменьшению опасности бедствий (NDRCC), "
                "где встретилась с его руководителем г-ном Вэй Чжэнькуанем.\n\n"
                "Стороны обсудили, как теснее взаимодействовать в области снижения риска "
                "бедствий на основе сотрудничества Юг-Юг и трехстороннего сотрудничества. "
                "Г-жа аль-Хатиб рассказала о работе УСЮС на глобальном, региональном и "
                "национальном уровнях, в том числе о Проекте «Города», в рамках которого "
                "совместно с UNDRR-GETI, ПАОЗ/ВОЗ и ВОЗ были проведены четыре сертифицированных "
                "онлайн-курса (2020–2023 годы).\n\n"
                "Стороны также рассмотрели ход ливанского пилотного проекта, который был "
                "запущен в октябре 2022 года и осуществляется ПРООН. Он связывает местные органы "
                "власти Триполи с Шэньчжэнем и опирается на техническую экспертизу NDRCC и "
                "ливанского CNRS. За месяц до визита NDRCC выступил одним из организаторов "
                "двухдневного китайско-ливанского мероприятия по развитию потенциала.\n\n"
                "**Дальнейшие шаги:** опыт Шэньчжэня и других китайских городов планируется "
                "предложить большему числу развивающихся стран через обучение, стажировки и "
                "совместные проекты."
            ),
        },
    },
}


# --- The four certified training series, 2020-2023 --------------------------------------------
# Each description ends with the same two sentences in English (organizers, then attendance);
# they are written once per language here.

_ORGANIZED_JOINTLY = {
    "fr": "Organisé conjointement par l'UNOSSC, l'UNDRR-GETI, l'OPS/OMS et l'OMS.",
    "es": "Organizada conjuntamente por la UNOSSC, el UNDRR-GETI, la OPS/OMS y la OMS.",
    "ar": (
        "نظّمها بصورة مشتركة مكتب الأمم المتحدة للتعاون فيما بين بلدان الجنوب، والمعهد العالمي "
        "للتعليم والتدريب التابع لمكتب الأمم المتحدة للحد من مخاطر الكوارث، ومنظمة الصحة للبلدان "
        "الأمريكية/منظمة الصحة العالمية، ومنظمة الصحة العالمية."
    ),
    "zh-hans": (
        "由联合国南南合作办公室、联合国减少灾害风险办公室全球教育与培训学院、"
        "泛美卫生组织/世界卫生组织和世界卫生组织联合举办。"
    ),
    "ru": "Организаторы — УСЮС, UNDRR-GETI, ПАОЗ/ВОЗ и ВОЗ.",
}

_ATTEND_TWO_OF_THREE = {
    "fr": "Pour obtenir le certificat, il faut assister à **deux des trois** séances.",
    "es": "Para obtener el certificado hay que asistir a **dos de las tres** sesiones.",
    "ar": "يُشترط حضور **جلستين من الجلسات الثلاث** للحصول على الشهادة.",
    "zh-hans": "参加**三次课程中的任意两次**即可获得证书。",
    "ru": "Для получения сертификата нужно посетить **два из трех** занятий.",
}

_ATTEND_THREE_OF_FOUR = {
    "fr": "Pour obtenir le certificat, il faut assister à **trois des quatre** séances.",
    "es": "Para obtener el certificado hay que asistir a **tres de las cuatro** sesiones.",
    "ar": "يُشترط حضور **ثلاث جلسات من الجلسات الأربع** للحصول على الشهادة.",
    "zh-hans": "参加**四次课程中的任意三次**即可获得证书。",
    "ru": "Для получения сертификата нужно посетить **три из четырех** занятий.",
}


def _description(language: str, opening: str, attendance: dict[str, str]) -> str:
    # Chinese sentences run on without a space.
    space = "" if language == "zh-hans" else " "
    return f"{opening}\n\n{_ORGANIZED_JOINTLY[language]}{space}{attendance[language]}"


TRAINING_SERIES = {
    "resilient-cities-training-2020": {
        "fr": {
            "title": (
                "Les villes face à la COVID-19 : apprentissage Sud-Sud pour les urgences sanitaires"
            ),
            "summary": (
                "Le premier cycle de formation en ligne certifiant du Projet Villes, organisé au "
                "moment où la pandémie atteignait les villes des pays du Sud."
            ),
            "description": _description(
                "fr",
                "Des responsables municipaux ont comparé la manière dont ils ont maintenu les "
                "services, protégé les soignants et atteint les quartiers vulnérables au cours "
                "des premiers mois de la pandémie.",
                _ATTEND_TWO_OF_THREE,
            ),
        },
        "es": {
            "title": (
                "Las ciudades frente a la COVID-19: aprendizaje Sur-Sur para emergencias sanitarias"
            ),
            "summary": (
                "La primera serie de formación en línea con certificado del Proyecto Ciudades, "
                "impartida cuando la pandemia llegaba a las ciudades del Sur global."
            ),
            "description": _description(
                "es",
                "Funcionarios municipales compararon cómo mantuvieron los servicios en "
                "funcionamiento, protegieron al personal sanitario y llegaron a los barrios "
                "vulnerables en los primeros meses de la pandemia.",
                _ATTEND_TWO_OF_THREE,
            ),
        },
        "ar": {
            "title": (
                "المدن في مواجهة كوفيد-19: تعلّم متبادل بين بلدان الجنوب للتعامل مع حالات "
                "الطوارئ الصحية"
            ),
            "summary": (
                "أولى السلاسل التدريبية المعتمدة عبر الإنترنت التي نظّمها مشروع المدن، وقد عُقدت "
                "مع وصول الجائحة إلى مدن بلدان الجنوب."
            ),
            "description": _description(
                "ar",
                "قارن مسؤولو المدن كيف حافظوا على استمرار الخدمات، وحموا العاملين الصحيين، "
                "ووصلوا إلى الأحياء الضعيفة خلال الأشهر الأولى من الجائحة.",
                _ATTEND_TWO_OF_THREE,
            ),
        },
        "zh-hans": {
            "title": "城市应对2019冠状病毒病：面向突发卫生事件的南南互学互鉴",
            "summary": "城市项目首个经认证的在线培训系列，在疫情蔓延至全球南方城市之际举办。",
            "description": _description(
                "zh-hans",
                "各城市官员比较交流了疫情暴发最初几个月里如何维持公共服务运转、保护医护人员，"
                "以及如何把服务送到弱势社区。",
                _ATTEND_TWO_OF_THREE,
            ),
        },
        "ru": {
            "title": (
                "Города перед лицом COVID-19: обмен опытом по линии Юг-Юг на случай чрезвычайных "
                "ситуаций в области здравоохранения"
            ),
            "summary": (
                "Первый сертифицированный онлайн-курс Проекта «Города», проведенный в то время, "
                "когда пандемия добралась до городов глобального Юга."
            ),
            "description": _description(
                "ru",
                "Представители городских администраций сравнивали, как им удавалось "
                "поддерживать работу служб, защищать медицинских работников и помогать жителям "
                "уязвимых районов в первые месяцы пандемии.",
                _ATTEND_TWO_OF_THREE,
            ),
        },
    },
    "resilient-cities-training-2021": {
        "fr": {
            "title": "Mieux se relever : santé et risques de catastrophe dans les villes",
            "summary": (
                "Un cycle de formation en ligne certifiant sur l'articulation entre la "
                "planification des urgences sanitaires et celle des catastrophes."
            ),
            "description": _description(
                "fr",
                "Le deuxième cycle s'est demandé comment les villes peuvent planifier une seule "
                "fois pour les épidémies, les inondations et les séismes, au lieu de trois.",
                _ATTEND_THREE_OF_FOUR,
            ),
        },
        "es": {
            "title": "Recuperarse mejor: salud y riesgo de desastres en las ciudades",
            "summary": (
                "Una serie de formación en línea con certificado sobre cómo integrar la "
                "planificación de emergencias sanitarias y la de desastres."
            ),
            "description": _description(
                "es",
                "La segunda serie planteó cómo pueden las ciudades planificar una sola vez para "
                "epidemias, inundaciones y terremotos, en lugar de tres.",
                _ATTEND_THREE_OF_FOUR,
            ),
        },
        "ar": {
            "title": "التعافي على نحو أفضل: الصحة ومخاطر الكوارث في المدن",
            "summary": (
                "سلسلة تدريبية معتمدة عبر الإنترنت حول الربط بين التخطيط لحالات الطوارئ الصحية "
                "والتخطيط للكوارث."
            ),
            "description": _description(
                "ar",
                "طرحت السلسلة الثانية سؤالاً: كيف يمكن للمدن أن تضع خطة واحدة للأوبئة والفيضانات "
                "والزلازل بدلاً من ثلاث خطط؟",
                _ATTEND_THREE_OF_FOUR,
            ),
        },
        "zh-hans": {
            "title": "更好地恢复：城市中的卫生与灾害风险",
            "summary": "一个经认证的在线培训系列，探讨如何把突发卫生事件规划与灾害规划结合起来。",
            "description": _description(
                "zh-hans",
                "第二期培训系列探讨的问题是：城市如何针对流行病、洪水和地震只做一次规划，"
                "而不是分别做三次。",
                _ATTEND_THREE_OF_FOUR,
            ),
        },
        "ru": {
            "title": "Восстановиться лучше, чем было: здоровье и риски бедствий в городах",
            "summary": (
                "Сертифицированный онлайн-курс о том, как объединить планирование на случай "
                "чрезвычайных ситуаций в области здравоохранения и на случай бедствий."
            ),
            "description": _description(
                "ru",
                "Второй курс был посвящен тому, как городам составлять один план на случай "
                "эпидемий, наводнений и землетрясений вместо трех отдельных.",
                _ATTEND_THREE_OF_FOUR,
            ),
        },
    },
    "resilient-cities-training-2022": {
        "fr": {
            "title": "Coopération Sud-Sud et triangulaire pour des villes résilientes",
            "summary": (
                "Un cycle de formation en ligne certifiant sur la manière dont les villes "
                "apprennent les unes des autres en matière de résilience."
            ),
            "description": _description(
                "fr",
                "Des villes ayant travaillé ensemble ont présenté les fruits de leurs "
                "partenariats et ce qui les a rendus durables.",
                _ATTEND_TWO_OF_THREE,
            ),
        },
        "es": {
            "title": "Cooperación Sur-Sur y triangular para ciudades resilientes",
            "summary": (
                "Una serie de formación en línea con certificado sobre cómo las ciudades "
                "aprenden unas de otras en materia de resiliencia."
            ),
            "description": _description(
                "es",
                "Ciudades que habían trabajado juntas presentaron los frutos de sus alianzas y "
                "lo que las hizo perdurar.",
                _ATTEND_TWO_OF_THREE,
            ),
        },
        "ar": {
            "title": "التعاون فيما بين بلدان الجنوب والتعاون الثلاثي من أجل مدن قادرة على الصمود",
            "summary": (
                "سلسلة تدريبية معتمدة عبر الإنترنت حول كيفية تعلّم المدن بعضها من بعض في مجال "
                "القدرة على الصمود."
            ),
            "description": _description(
                "ar",
                "عرضت مدنٌ سبق أن عملت معاً ما أثمرته شراكاتها وما الذي جعلها تدوم.",
                _ATTEND_TWO_OF_THREE,
            ),
        },
        "zh-hans": {
            "title": "促进韧性城市建设的南南合作与三方合作",
            "summary": "一个经认证的在线培训系列，探讨城市之间如何在韧性建设方面相互学习。",
            "description": _description(
                "zh-hans",
                "曾经开展合作的城市介绍了各自伙伴关系取得的成果，以及合作得以持久的原因。",
                _ATTEND_TWO_OF_THREE,
            ),
        },
        "ru": {
            "title": (
                "Сотрудничество Юг-Юг и трехстороннее сотрудничество в интересах жизнестойких "
                "городов"
            ),
            "summary": (
                "Сертифицированный онлайн-курс о том, как города учатся друг у друга повышать "
                "жизнестойкость."
            ),
            "description": _description(
                "ru",
                "Города, уже работавшие вместе, рассказали, каких результатов добились их "
                "партнерства и благодаря чему они оказались долговечными.",
                _ATTEND_TWO_OF_THREE,
            ),
        },
    },
    "resilient-cities-training-2023": {
        "fr": {
            "title": (
                "De la préparation au relèvement : la gestion intégrée des risques pour les villes"
            ),
            "summary": (
                "Le quatrième cycle de formation en ligne certifiant, consacré à la gestion "
                "conjointe des risques de catastrophe et des risques sanitaires, de la "
                "préparation au relèvement."
            ),
            "description": _description(
                "fr",
                "Le dernier cycle de la période 2020–2023 a suivi une crise de la première "
                "alerte jusqu'au relèvement, des responsables municipaux présentant leurs "
                "propres cas.",
                _ATTEND_THREE_OF_FOUR,
            ),
        },
        "es": {
            "title": (
                "De la preparación a la recuperación: gestión integrada del riesgo para las "
                "ciudades"
            ),
            "summary": (
                "La cuarta serie de formación en línea con certificado, sobre la gestión "
                "conjunta de los riesgos de desastres y los riesgos sanitarios, desde la "
                "preparación hasta la recuperación."
            ),
            "description": _description(
                "es",
                "La última serie del ciclo 2020–2023 siguió una crisis desde la primera alerta "
                "hasta la recuperación, con funcionarios municipales que presentaron sus propios "
                "casos.",
                _ATTEND_THREE_OF_FOUR,
            ),
        },
        "ar": {
            "title": "من التأهب إلى التعافي: الإدارة المتكاملة للمخاطر في المدن",
            "summary": (
                "السلسلة التدريبية الرابعة المعتمدة عبر الإنترنت، وتتناول إدارة مخاطر الكوارث "
                "والمخاطر الصحية معاً من مرحلة التأهب إلى مرحلة التعافي."
            ),
            "description": _description(
                "ar",
                "تتبّعت السلسلة الأخيرة من دورة 2020–2023 مسار أزمة من الإنذار الأول حتى التعافي، "
                "وعرض فيها مسؤولو المدن حالات من مدنهم.",
                _ATTEND_THREE_OF_FOUR,
            ),
        },
        "zh-hans": {
            "title": "从备灾到恢复：城市综合风险管理",
            "summary": (
                "第四期经认证的在线培训系列，探讨从备灾到恢复的全过程中如何统筹管理灾害风险与"
                "卫生风险。"
            ),
            "description": _description(
                "zh-hans",
                "作为2020—2023年周期的最后一期，本系列追踪一场危机从首次预警到灾后恢复的全过程，"
                "并由城市官员介绍本市的亲身案例。",
                _ATTEND_THREE_OF_FOUR,
            ),
        },
        "ru": {
            "title": "От готовности к восстановлению: комплексное управление рисками в городах",
            "summary": (
                "Четвертый сертифицированный онлайн-курс — о совместном управлении рисками "
                "бедствий и рисками для здоровья на всех этапах, от обеспечения готовности до "
                "восстановления."
            ),
            "description": _description(
                "ru",
                "Последний курс цикла 2020–2023 годов проследил развитие кризиса от первого "
                "предупреждения до восстановления; представители городов рассказывали о "
                "собственном опыте.",
                _ATTEND_THREE_OF_FOUR,
            ),
        },
    },
}


# The disaster-risk cluster's topics (the Tripoli-Shenzhen story of the demo's suggestions).
TOPICS = {
    "early-warning-systems": {
        "fr": {"name": "Systèmes d'alerte précoce"},
        "es": {"name": "Sistemas de alerta temprana"},
        "ar": {"name": "نظم الإنذار المبكر"},
        "zh-hans": {"name": "预警系统"},
        "ru": {"name": "Системы раннего оповещения"},
    },
    "risk-governance": {
        "fr": {"name": "Gouvernance des risques"},
        "es": {"name": "Gobernanza del riesgo"},
        "ar": {"name": "حوكمة المخاطر"},
        "zh-hans": {"name": "风险治理"},
        "ru": {"name": "Управление рисками"},
    },
    "flood-modelling": {
        "fr": {"name": "Modélisation des inondations"},
        "es": {"name": "Modelización de inundaciones"},
        "ar": {"name": "نمذجة الفيضانات"},
        "zh-hans": {"name": "洪水建模"},
        "ru": {"name": "Моделирование наводнений"},
    },
    "building-codes": {
        "fr": {"name": "Normes de construction"},
        "es": {"name": "Códigos de construcción"},
        "ar": {"name": "كودات البناء"},
        "zh-hans": {"name": "建筑规范"},
        "ru": {"name": "Строительные нормы"},
    },
    "emergency-operations": {
        "fr": {"name": "Opérations d'urgence"},
        "es": {"name": "Operaciones de emergencia"},
        "ar": {"name": "عمليات الطوارئ"},
        "zh-hans": {"name": "应急行动"},
        "ru": {"name": "Действия в чрезвычайных ситуациях"},
    },
    "recovery-planning": {
        "fr": {"name": "Planification du relèvement"},
        "es": {"name": "Planificación de la recuperación"},
        "ar": {"name": "التخطيط للتعافي"},
        "zh-hans": {"name": "恢复规划"},
        "ru": {"name": "Планирование восстановления"},
    },
}


TRANSLATIONS = {
    "clusters.cluster": CLUSTERS,
    "cities.city": CITIES,
    "projects.project": PROJECTS,
    "projects.milestone": MILESTONES,
    "projects.projectupdate": PROJECT_UPDATES,
    "resources.resource": RESOURCES,
    "events.trainingseries": TRAINING_SERIES,
    "clusters.topic": TOPICS,
}
