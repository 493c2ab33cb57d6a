"""The portal's five site pages in French, as first written for it (portal/site_pages.py has the
English). Plain data, importable from a migration."""

from portal.site_contact import CONTACT_EMAIL

PAGES = {
    "about": {
        "title": "À propos du portail Pôles de villes Sud-Sud",
        "summary": (
            "Un portail d'échange de connaissances géré par le Bureau des Nations Unies pour la "
            "coopération Sud-Sud, où les villes du Sud global apprennent les unes des autres au "
            "sein de sept pôles thématiques."
        ),
        "body": """\
Le portail Pôles de villes Sud-Sud est géré par le **Bureau des Nations Unies pour la
coopération Sud-Sud (UNOSSC)**. Il rassemble des villes du Sud global qui souhaitent apprendre
les unes des autres : ce qui a fonctionné, ce qui n'a pas fonctionné et ce que cela a coûté.

## Sept pôles

Les villes membres se retrouvent au sein de sept pôles thématiques, de la réduction des risques
de catastrophe et de la santé publique au patrimoine, aux systèmes alimentaires, aux services
numériques, à la mobilité et aux déchets. Chaque pôle a ses villes chefs de file, ses projets
pilotes, ses événements et sa bibliothèque de bonnes pratiques.

## Projets pilotes entre villes

Un projet pilote associe une ville qui partage son expérience à une ville qui l'adapte. Le
premier projet pilote a associé **Tripoli (Liban)** à **Shenzhen (Chine)** sur la gouvernance
des risques de catastrophe, avec le **Centre national de réduction des catastrophes de Chine
(NDRCC)** comme partenaire technique. L'événement de partage de connaissances de septembre 2023
et la visite du NDRCC en octobre 2023 figurent dans la bibliothèque.

## Formation

Quatre cycles de formation certifiants se sont déroulés depuis 2020. Les participants qui
assistent aux séances requises reçoivent un certificat que chacun peut vérifier sur ce portail.

## Qui peut participer

Tout le monde peut consulter le portail et suivre un pôle, une ville ou un projet pilote. Les
responsables municipaux tiennent à jour le profil de leur ville et proposent des bonnes
pratiques ; les organisations partenaires demandent une collaboration ; le personnel de l'UNOSSC
révise et publie les contenus. Pour nous rejoindre, consultez la page
[Contact](/fr/pages/contact/).
""",
    },
    "contact": {
        "title": "Contact",
        "summary": (
            "Comment joindre l'équipe de l'UNOSSC qui gère le portail Pôles de villes Sud-Sud."
        ),
        "body": f"""\
Le portail est géré par l'équipe Villes du **Bureau des Nations Unies pour la coopération
Sud-Sud (UNOSSC)**. Nous lisons chaque message et y répondons dans un délai de cinq jours
ouvrables, dans n'importe laquelle des six langues officielles de l'ONU.

## Nous écrire

- **Courriel :** [{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL})
- **Une ville ou une organisation qui souhaite travailler avec une autre :** connectez-vous et
  utilisez [Demander une collaboration](/fr/collaborate/) ; votre demande fait l'objet d'un
  suivi et vous en voyez chaque étape.
- **Un responsable municipal qui a besoin de droits de modification pour sa ville :**
  connectez-vous et demandez ce rôle depuis votre [profil](/fr/accounts/profile/).

## Un problème sur le portail ?

Un lien brisé, un chiffre erroné, une page difficile à utiliser avec votre appareil ou votre
technologie d'assistance : écrivez à l'adresse ci-dessus en précisant de quelle page il s'agit.
Pour les problèmes d'accessibilité, consultez également notre
[déclaration d'accessibilité](/fr/pages/accessibility/).

## Données personnelles

Pour savoir quelles données nous détenons à votre sujet, pour les faire corriger ou pour les
faire effacer, consultez l'[avis de confidentialité](/fr/pages/privacy/).
""",
    },
    "privacy": {
        "title": "Avis de confidentialité",
        "summary": (
            "Quelles données personnelles le portail Pôles de villes Sud-Sud détient, "
            "pourquoi, pendant combien de temps, et comment les télécharger ou les effacer."
        ),
        "body": f"""\
Le portail Pôles de villes Sud-Sud est géré par le **Bureau des Nations Unies pour la
coopération Sud-Sud (UNOSSC)**, qui détermine quelles données personnelles le portail détient et
à quelles fins. L'UNOSSC traite les données personnelles conformément aux principes propres à
l'Organisation des Nations Unies en matière de protection des données personnelles et de la vie
privée.

## Consulter le portail sans compte

Vous pouvez consulter tout le contenu public sans compte. Le portail ne conserve alors aucune
donnée personnelle vous concernant : il dépose un cookie pour la langue que vous choisissez et un
autre pour votre fuseau horaire, et ses journaux de serveur conservent l'adresse de chaque
requête pendant une courte durée, à des fins de sécurité.

## Ce que contient un compte

- votre **adresse électronique**, votre **nom**, votre **organisation** et, pour un responsable
  municipal, votre **ville** ;
- votre **langue préférée**, votre **fuseau horaire** et la fréquence à laquelle vous souhaitez
  recevoir des **résumés** ;
- les **événements** auxquels vous vous inscrivez, votre participation et les **certificats**
  que vous obtenez ;
- ce que vous **suivez**, les **notifications** que vous recevez et les courriels qui vous sont
  envoyés ;
- les **demandes de collaboration** que vous envoyez, avec leurs messages et pièces jointes ;
- les **rôles** que vous demandez et les **jetons d'API** personnels que vous créez.

Nous utilisons ces données pour gérer votre compte, vous envoyer ce que vous avez demandé,
délivrer et vérifier les certificats, et rendre compte à nos partenaires au moyen de chiffres
qui ne nomment personne.

## Durée de conservation

Les copies des courriels envoyés sont supprimées au bout de 30 jours, et les notifications lues
au bout de 180 jours. Tout le reste est conservé tant que votre compte existe. Ce que vous avez
rédigé en vue d'une publication reste en ligne après votre départ, attribué à votre organisation
et non à vous.

## Vos droits

- **Télécharger** tout ce que le portail détient à votre sujet depuis votre profil
  (*Télécharger mes données*).
- **Corriger** à tout moment votre nom, votre langue, votre fuseau horaire et vos résumés depuis
  votre profil.
- **Effacer** votre compte depuis votre profil (*Supprimer mon compte*) : vos données
  personnelles sont supprimées immédiatement.

Pour toute autre question, écrivez à [{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL}).
""",
    },
    "terms": {
        "title": "Conditions d'utilisation",
        "summary": (
            "Les conditions dans lesquelles le portail Pôles de villes Sud-Sud et son API "
            "sont proposés."
        ),
        "body": f"""\
Le portail Pôles de villes Sud-Sud est proposé par le **Bureau des Nations Unies pour la
coopération Sud-Sud (UNOSSC)** aux villes, à leurs partenaires et au public. En l'utilisant,
vous acceptez les présentes conditions.

## Utilisation du contenu

Sauf indication contraire sur une page, vous pouvez citer, partager et réutiliser ce qui est
publié ici, y compris au moyen de l'API de données ouvertes, à condition de mentionner le portail
et d'indiquer un lien vers la page utilisée. Les photos et documents de tiers restent soumis à
leurs propres licences, indiquées avec eux.

## Votre compte

Ne communiquez à personne votre mot de passe ni vos jetons d'API : tout ce qui est fait avec eux
l'est en votre nom. Les rôles (responsable municipal, partenaire) sont attribués par le
personnel de l'UNOSSC et peuvent être retirés lorsqu'ils ne sont plus nécessaires.

## Ce que vous publiez ou envoyez

Vous devez avoir le droit de partager ce que vous proposez, demandez ou rédigez sur le portail,
et cela ne doit nuire à personne. Le personnel de l'UNOSSC examine ce qui est publié et peut le
modifier ou le retirer. N'envoyez pas de données personnelles concernant d'autres personnes sans
leur consentement.

## L'API

L'API est d'utilisation gratuite dans le respect des limites de débit publiées. N'essayez pas de
les contourner, d'accéder à ce à quoi vous n'êtes pas autorisé à accéder, ni de perturber le
service.

## Absence de garantie

L'UNOSSC veille avec soin à l'exactitude et à la disponibilité du portail, mais ne garantit pas
qu'il soit complet ni toujours en ligne. Aucun élément du présent portail ne constitue une
renonciation aux privilèges et immunités de l'Organisation des Nations Unies.

Questions : [{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL}).
""",
    },
    "accessibility": {
        "title": "Déclaration d'accessibilité",
        "summary": (
            "Le niveau d'accessibilité du portail Pôles de villes Sud-Sud au regard des "
            "WCAG 2.1, niveau AA, et la manière de signaler un problème."
        ),
        "body": f"""\
Le **Bureau des Nations Unies pour la coopération Sud-Sud (UNOSSC)** souhaite que chacun puisse
utiliser le portail Pôles de villes Sud-Sud, quels que soient son appareil, sa langue ou son
handicap.

## La norme que nous visons

Le portail vise à satisfaire aux **Règles pour l'accessibilité des contenus Web (WCAG) 2.1,
niveau AA**. En particulier :

- chaque page fonctionne sans JavaScript, au clavier seul et avec un zoom de 200 % ;
- le portail est disponible dans les six langues officielles de l'ONU, et l'arabe s'y lit de
  droite à gauche ;
- les formulaires indiquent l'erreur à côté du champ concerné et récapitulent les problèmes en
  haut de la page ;
- chaque carte et chaque graphique est accompagné d'un tableau ou d'une liste qui présente les
  mêmes informations ;
- chaque type de page fait l'objet d'une vérification automatique des problèmes d'accessibilité
  avant chaque nouvelle version.

## Problèmes connus

- Les documents téléversés par les partenaires (rapports PDF, présentations) peuvent ne pas être
  accessibles ; demandez-nous une version accessible et nous vous la fournirons.
- Les projets pilotes, les événements et les documents sont rédigés dans une seule langue par
  les villes, les partenaires et le personnel ; tant qu'ils ne sont pas traduits, leur page les
  affiche dans leur langue d'origine.

## Signaler un problème

Si un élément du portail vous est difficile ou impossible à utiliser, écrivez à
[{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL}) en nous indiquant la page, ce que vous essayiez de
faire et l'appareil ou la technologie d'assistance que vous utilisez. Nous répondons dans un
délai de cinq jours ouvrables et vous informons lorsque le problème est résolu.

La présente déclaration a été établie sur la base de nos propres tests et fait l'objet d'un
réexamen au moins une fois par an.
""",
    },
}
