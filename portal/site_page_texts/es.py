"""The portal's five site pages in Spanish, as first written for it (portal/site_pages.py has the
English). Plain data, importable from a migration."""

from portal.site_contact import CONTACT_EMAIL

PAGES = {
    "about": {
        "title": "Acerca del portal Clústeres de Ciudades Sur-Sur",
        "summary": (
            "Un portal de intercambio de conocimientos gestionado por la Oficina de las Naciones "
            "Unidas para la Cooperación Sur-Sur, donde las ciudades del Sur Global aprenden unas "
            "de otras en siete clústeres temáticos."
        ),
        "body": """\
El portal Clústeres de Ciudades Sur-Sur está gestionado por la **Oficina de las Naciones Unidas
para la Cooperación Sur-Sur (UNOSSC)**. Reúne a ciudades del Sur Global que desean aprender unas
de otras: qué funcionó, qué no y cuánto costó.

## Siete clústeres

Las ciudades miembro se reúnen en siete clústeres temáticos, que abarcan desde la reducción del
riesgo de desastres y la salud pública hasta el patrimonio, los sistemas alimentarios, los
servicios digitales, la movilidad y los residuos. Cada clúster cuenta con sus ciudades líderes,
sus proyectos piloto, sus eventos y su biblioteca de buenas prácticas.

## Proyectos piloto entre ciudades

Un proyecto piloto une a una ciudad que comparte su experiencia con otra que la adapta. El
primer proyecto piloto unió a **Trípoli (Líbano)** con **Shenzhen (China)** en materia de
gobernanza del riesgo de desastres, con el **Centro Nacional de Reducción de Desastres de China
(NDRCC)** como socio técnico. El evento de intercambio de conocimientos de septiembre de 2023 y
la visita del NDRCC en octubre de 2023 pueden consultarse en la biblioteca.

## Formación

Desde 2020 se han impartido cuatro series de formación certificadas. Quien asiste a las sesiones
requeridas recibe un certificado que cualquier persona puede verificar en este portal.

## Quién puede participar

Cualquier persona puede consultar el portal y seguir un clúster, una ciudad o un proyecto
piloto. Los funcionarios municipales mantienen al día el perfil de su ciudad y proponen buenas
prácticas; las organizaciones asociadas solicitan colaboración; el personal de la UNOSSC edita y
publica los contenidos. Para sumarse, consulte la página [Contacto](/es/pages/contact/).
""",
    },
    "contact": {
        "title": "Contacto",
        "summary": (
            "Cómo ponerse en contacto con el equipo de la UNOSSC que gestiona el portal "
            "Clústeres de Ciudades Sur-Sur."
        ),
        "body": f"""\
El portal está gestionado por el equipo de Ciudades de la **Oficina de las Naciones Unidas para
la Cooperación Sur-Sur (UNOSSC)**. Leemos todos los mensajes y respondemos en un plazo de cinco
días hábiles, en cualquiera de los seis idiomas oficiales de las Naciones Unidas.

## Escríbanos

- **Correo electrónico:** [{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL})
- **Una ciudad u organización que desea trabajar con otra:** inicie sesión y utilice
  [Solicitar una colaboración](/es/collaborate/); su solicitud queda registrada y podrá seguir
  cada etapa.
- **Un funcionario municipal que necesita permisos de edición para su ciudad:** inicie sesión y
  solicite el rol desde su [perfil](/es/accounts/profile/).

## ¿Algo no funciona en el portal?

Un enlace roto, una cifra incorrecta, una página difícil de usar con su dispositivo o tecnología
de apoyo: escriba a la dirección indicada arriba y díganos de qué página se trata. Para
problemas de accesibilidad, consulte también nuestra
[declaración de accesibilidad](/es/pages/accessibility/).

## Datos personales

Para saber qué datos tenemos sobre usted, corregirlos o pedir que se supriman, consulte el
[aviso de privacidad](/es/pages/privacy/).
""",
    },
    "privacy": {
        "title": "Aviso de privacidad",
        "summary": (
            "Qué datos personales conserva el portal Clústeres de Ciudades Sur-Sur, con qué fin, "
            "durante cuánto tiempo y cómo descargarlos o eliminarlos."
        ),
        "body": f"""\
El portal Clústeres de Ciudades Sur-Sur está gestionado por la **Oficina de las Naciones Unidas
para la Cooperación Sur-Sur (UNOSSC)**, que decide qué datos personales conserva el portal y con
qué fin. La UNOSSC trata los datos personales conforme a los principios propios de las Naciones
Unidas en materia de protección de datos personales y privacidad.

## Consultar el portal sin una cuenta

Puede consultar todo el contenido público sin una cuenta. En ese caso, el portal no conserva
ningún dato personal sobre usted: instala una cookie para el idioma que elija y otra para su
zona horaria, y los registros del servidor conservan la dirección de cada solicitud durante un
breve período por motivos de seguridad.

## Qué contiene una cuenta

- su **dirección de correo electrónico**, su **nombre**, su **organización** y, en el caso de un
  funcionario municipal, su **ciudad**;
- su **idioma preferido**, su **zona horaria** y la frecuencia con la que desea recibir
  **resúmenes**;
- los **eventos** en los que se inscribe, su asistencia y los **certificados** que obtiene;
- lo que **sigue**, las **notificaciones** que recibe y los correos electrónicos que se le envían;
- las **solicitudes de colaboración** que envía, con sus mensajes y archivos adjuntos;
- los **roles** que solicita y los **tokens de API** personales que crea.

Utilizamos estos datos para gestionar su cuenta, enviarle lo que ha solicitado, expedir y
verificar certificados, e informar a nuestros socios mediante cifras que no identifican a nadie.

## Cuánto tiempo los conservamos

Las copias de los correos electrónicos enviados se eliminan a los 30 días, y las notificaciones
leídas, a los 180 días. Todo lo demás se conserva mientras exista su cuenta. Lo que haya escrito
para su publicación permanece después de que usted deje el portal, atribuido a su organización y no a
usted.

## Sus derechos

- **Descargar** todo lo que el portal conserva sobre usted desde su perfil
  (*Descargar mis datos*).
- **Corregir** en cualquier momento su nombre, idioma, zona horaria y resúmenes desde su perfil.
- **Eliminar** su cuenta desde su perfil (*Eliminar mi cuenta*): sus datos personales se
  suprimen de inmediato.

Para cualquier otra pregunta, escriba a [{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL}).
""",
    },
    "terms": {
        "title": "Condiciones de uso",
        "summary": (
            "Las condiciones en las que se ofrecen el portal Clústeres de Ciudades Sur-Sur y su API."
        ),
        "body": f"""\
La **Oficina de las Naciones Unidas para la Cooperación Sur-Sur (UNOSSC)** ofrece el portal
Clústeres de Ciudades Sur-Sur a las ciudades, a sus socios y al público. Al utilizarlo, usted
acepta estas condiciones.

## Uso del contenido

Salvo que una página indique lo contrario, puede citar, compartir y reutilizar lo que se publica
aquí, incluso a través de la API de datos abiertos, siempre que mencione el portal y enlace a la
página utilizada. Las fotografías y los documentos de terceros conservan sus propias licencias,
que se indican junto a ellos.

## Su cuenta

No comparta su contraseña ni sus tokens de API: lo que se haga con ellos se hará en su nombre.
Los roles (funcionario municipal, socio) los concede el personal de la UNOSSC y pueden retirarse
cuando dejen de ser necesarios.

## Lo que publica o envía

Debe tener derecho a compartir lo que propone, solicita o escribe en el portal, y ello no debe
perjudicar a nadie. El personal de la UNOSSC revisa lo que se publica y puede modificarlo o
retirarlo. No envíe datos personales de otras personas sin su consentimiento.

## La API

El uso de la API es gratuito dentro de los límites de frecuencia publicados. No intente
eludirlos, acceder a aquello para lo que no tiene autorización ni perturbar el servicio.

## Exención de garantías

La UNOSSC procura con esmero que el portal sea exacto y esté disponible, pero no garantiza que
esté completo ni que esté siempre en línea. Nada de lo contenido en este portal constituye una
renuncia a los prerrogativas e inmunidades de las Naciones Unidas.

Preguntas: [{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL}).
""",
    },
    "accessibility": {
        "title": "Declaración de accesibilidad",
        "summary": (
            "Grado de accesibilidad del portal Clústeres de Ciudades Sur-Sur con respecto a las "
            "WCAG 2.1, nivel AA, y cómo notificar un problema."
        ),
        "body": f"""\
La **Oficina de las Naciones Unidas para la Cooperación Sur-Sur (UNOSSC)** quiere que todas las
personas puedan utilizar el portal Clústeres de Ciudades Sur-Sur, sean cuales sean su dispositivo,
su idioma o su discapacidad.

## La norma a la que aspiramos

El portal aspira a cumplir las **Pautas de Accesibilidad para el Contenido Web (WCAG) 2.1, nivel
AA**. En particular:

- todas las páginas funcionan sin JavaScript, solo con el teclado y con un zoom del 200 %;
- el portal está disponible en los seis idiomas oficiales de las Naciones Unidas, y el árabe se
  lee de derecha a izquierda;
- los formularios indican el error junto al campo correspondiente y resumen los problemas en la
  parte superior;
- cada mapa y cada gráfico van acompañados de una tabla o una lista con la misma información;
- todos los tipos de página se someten a una comprobación automática de problemas de
  accesibilidad antes de cada nueva versión.

## Lo que sabemos que aún no está bien

- Es posible que los documentos subidos por los socios (informes en PDF, presentaciones) no sean
  accesibles; solicítenos una versión accesible y se la proporcionaremos.
- Los proyectos piloto, los eventos y los documentos los redactan en un solo idioma las
  ciudades, los socios y el personal; hasta que se traduzcan, su página los muestra en el idioma
  en que se escribieron.

## Notificar un problema

Si le resulta difícil o imposible utilizar algún elemento del portal, escriba a
[{CONTACT_EMAIL}](mailto:{CONTACT_EMAIL}) e indíquenos la página, lo que intentaba hacer y el
dispositivo o la tecnología de apoyo que utiliza. Respondemos en un plazo de cinco días hábiles
y le avisamos cuando el problema se haya resuelto.

Esta declaración se ha elaborado a partir de nuestras propias pruebas y se revisa al menos una
vez al año.
""",
    },
}
