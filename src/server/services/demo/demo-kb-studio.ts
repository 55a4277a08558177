/** One article of the demo in every language: category slug, kind, and title and Markdown body per language. */
export interface DemoArticle {
  key: string;
  category: string;
  kind: 'article' | 'faq';
  fr: { title: string; body: string };
  es: { title: string; body: string };
  en: { title: string; body: string };
  ru: { title: string; body: string };
}

/** Atelier Studio (the IDE) and support in general. */
export const DEMO_KB_STUDIO: DemoArticle[] = [
  {
    key: 'studio-getting-started',
    category: 'introduction',
    kind: 'article',
    fr: {
      title: 'Premiers pas avec Atelier Studio',
      body: "Atelier Studio est l'environnement de développement de vos projets `.atp`.\n\n1. Installez Atelier Studio depuis votre espace client (menu **Téléchargements**).\n2. Au premier lancement, saisissez votre numéro de licence (`AS-28-…`).\n3. Choisissez **Fichier > Nouveau projet** ou ouvrez un projet existant.\n\nLes mises à jour sont proposées automatiquement au démarrage tant que votre contrat d'assistance est actif.",
    },
    es: {
      title: 'Primeros pasos con Atelier Studio',
      body: 'Atelier Studio es el entorno de desarrollo de sus proyectos `.atp`.\n\n1. Instale Atelier Studio desde su portal de cliente (menú **Descargas**).\n2. En el primer arranque, introduzca su número de licencia (`AS-28-…`).\n3. Elija **Archivo > Nuevo proyecto** o abra un proyecto existente.\n\nLas actualizaciones se ofrecen automáticamente al iniciar mientras su contrato de soporte esté activo.',
    },
    en: {
      title: 'Getting started with Atelier Studio',
      body: 'Atelier Studio is the development environment for your `.atp` projects.\n\n1. Install Atelier Studio from your customer portal (**Downloads** menu).\n2. On first start, enter your licence number (`AS-28-…`).\n3. Choose **File > New project** or open an existing project.\n\nUpdates are offered automatically at start-up while your support contract is active.',
    },
    ru: {
      title: 'Начало работы с Atelier Studio',
      body: 'Atelier Studio — среда разработки для ваших проектов `.atp`.\n\n1. Установите Atelier Studio из личного кабинета (меню **Загрузки**).\n2. При первом запуске введите номер лицензии (`AS-28-…`).\n3. Выберите **Файл > Новый проект** или откройте существующий проект.\n\nПока действует договор на поддержку, обновления предлагаются автоматически при запуске.',
    },
  },
  {
    key: 'studio-crash-on-open',
    category: 'modules',
    kind: 'faq',
    fr: {
      title: "Atelier Studio se ferme à l'ouverture d'un projet",
      body: "Depuis la version 28.0.412, un cache d'index corrompu peut fermer Atelier Studio dès l'ouverture d'un projet, sans message.\n\n**Solution :** fermez Atelier Studio, supprimez le dossier `.cache` à la racine du projet, puis rouvrez le projet. L'index est reconstruit en quelques secondes.\n\nLe problème est corrigé dans la version 28.0.420. S'il persiste, envoyez-nous le fichier `dump.log` du dossier du projet.",
    },
    es: {
      title: 'Atelier Studio se cierra al abrir un proyecto',
      body: 'Desde la versión 28.0.412, una caché de índice dañada puede cerrar Atelier Studio al abrir un proyecto, sin ningún mensaje.\n\n**Solución:** cierre Atelier Studio, elimine la carpeta `.cache` en la raíz del proyecto y vuelva a abrirlo. El índice se reconstruye en unos segundos.\n\nEl problema está corregido en la versión 28.0.420. Si persiste, envíenos el archivo `dump.log` de la carpeta del proyecto.',
    },
    en: {
      title: 'Atelier Studio closes when a project is opened',
      body: 'Since version 28.0.412, a corrupted index cache can close Atelier Studio as soon as a project is opened, without any message.\n\n**Fix:** close Atelier Studio, delete the `.cache` folder at the root of the project, then open the project again. The index is rebuilt in a few seconds.\n\nThe problem is fixed in version 28.0.420. If it persists, send us the `dump.log` file from the project folder.',
    },
    ru: {
      title: 'Atelier Studio закрывается при открытии проекта',
      body: 'Начиная с версии 28.0.412 повреждённый кэш индекса может закрывать Atelier Studio сразу при открытии проекта, без сообщения об ошибке.\n\n**Решение:** закройте Atelier Studio, удалите папку `.cache` в корне проекта и снова откройте проект. Индекс будет перестроен за несколько секунд.\n\nОшибка исправлена в версии 28.0.420. Если проблема сохраняется, пришлите нам файл `dump.log` из папки проекта.',
    },
  },
  {
    key: 'studio-install-0x80070643',
    category: 'introduction',
    kind: 'faq',
    fr: {
      title: "L'installation s'arrête avec l'erreur 0x80070643 sur Windows Server",
      body: "Cette erreur apparaît quand un antivirus bloque l'enregistrement des services d'Atelier Studio pendant l'installation.\n\n- Ajoutez une exclusion pour le dossier `C:\\Program Files\\Atelier Studio`.\n- Relancez l'installeur avec **Exécuter en tant qu'administrateur**.\n\nSur Windows Server 2022, vérifiez aussi que .NET 8 Desktop Runtime est installé.",
    },
    es: {
      title: 'La instalación se detiene con el error 0x80070643 en Windows Server',
      body: 'Este error aparece cuando un antivirus bloquea el registro de los servicios de Atelier Studio durante la instalación.\n\n- Añada una exclusión para la carpeta `C:\\Program Files\\Atelier Studio`.\n- Vuelva a lanzar el instalador con **Ejecutar como administrador**.\n\nEn Windows Server 2022, compruebe también que .NET 8 Desktop Runtime está instalado.',
    },
    en: {
      title: 'Installation stops with error 0x80070643 on Windows Server',
      body: 'This error appears when an antivirus blocks the registration of the Atelier Studio services during installation.\n\n- Add an exclusion for the `C:\\Program Files\\Atelier Studio` folder.\n- Run the installer again with **Run as administrator**.\n\nOn Windows Server 2022, also check that the .NET 8 Desktop Runtime is installed.',
    },
    ru: {
      title: 'Установка прерывается с ошибкой 0x80070643 на Windows Server',
      body: 'Эта ошибка возникает, когда антивирус блокирует регистрацию служб Atelier Studio во время установки.\n\n- Добавьте исключение для папки `C:\\Program Files\\Atelier Studio`.\n- Запустите установщик снова через **Запуск от имени администратора**.\n\nНа Windows Server 2022 также проверьте, что установлен .NET 8 Desktop Runtime.',
    },
  },
  {
    key: 'studio-backup',
    category: 'backups-and-export',
    kind: 'article',
    fr: {
      title: 'Sauvegarder et restaurer un projet Atelier Studio',
      body: "Atelier Studio enregistre une sauvegarde automatique du projet toutes les 30 minutes dans le dossier `backups` du projet.\n\n## Sauvegarde manuelle\nChoisissez **Fichier > Exporter l'archive du projet** : vous obtenez un fichier `.atpz` qui contient les sources et les paramètres.\n\n## Restauration\nChoisissez **Fichier > Importer une archive**, sélectionnez le fichier `.atpz` et un dossier vide. Le cache est reconstruit à la première ouverture.",
    },
    es: {
      title: 'Hacer y restaurar una copia de seguridad de un proyecto de Atelier Studio',
      body: 'Atelier Studio guarda una copia de seguridad automática del proyecto cada 30 minutos en la carpeta `backups` del proyecto.\n\n## Copia manual\nElija **Archivo > Exportar archivo del proyecto**: obtendrá un archivo `.atpz` con las fuentes y la configuración.\n\n## Restauración\nElija **Archivo > Importar archivo**, seleccione el archivo `.atpz` y una carpeta vacía. La caché se reconstruye en la primera apertura.',
    },
    en: {
      title: 'Back up and restore an Atelier Studio project',
      body: 'Atelier Studio saves an automatic backup of the project every 30 minutes in the project\'s `backups` folder.\n\n## Manual backup\nChoose **File > Export project archive**: you get a `.atpz` file with the sources and the settings.\n\n## Restore\nChoose **File > Import archive**, select the `.atpz` file and an empty folder. The cache is rebuilt when the project is first opened.',
    },
    ru: {
      title: 'Резервное копирование и восстановление проекта Atelier Studio',
      body: 'Atelier Studio автоматически сохраняет резервную копию проекта каждые 30 минут в папку `backups` проекта.\n\n## Ручное копирование\nВыберите **Файл > Экспорт архива проекта**: вы получите файл `.atpz` с исходным кодом и настройками.\n\n## Восстановление\nВыберите **Файл > Импорт архива**, укажите файл `.atpz` и пустую папку. Кэш будет перестроен при первом открытии.',
    },
  },
  {
    key: 'two-factor',
    category: 'two-factor-authentication',
    kind: 'article',
    fr: {
      title: "Activer l'authentification à deux facteurs",
      body: "L'authentification à deux facteurs protège votre compte même si votre mot de passe est découvert.\n\n1. Ouvrez **Mon compte > Sécurité**.\n2. Cliquez sur **Activer la double authentification** et scannez le code QR avec une application (FreeOTP, Aegis, Google Authenticator).\n3. Saisissez le code à six chiffres affiché par l'application.\n\nConservez les codes de secours dans un endroit sûr : ils permettent de vous connecter si vous perdez votre téléphone.",
    },
    es: {
      title: 'Activar la autenticación de dos factores',
      body: 'La autenticación de dos factores protege su cuenta aunque alguien descubra su contraseña.\n\n1. Abra **Mi cuenta > Seguridad**.\n2. Pulse **Activar la doble autenticación** y escanee el código QR con una aplicación (FreeOTP, Aegis, Google Authenticator).\n3. Introduzca el código de seis cifras que muestra la aplicación.\n\nGuarde los códigos de recuperación en un lugar seguro: le permiten entrar si pierde el teléfono.',
    },
    en: {
      title: 'Turn on two-factor authentication',
      body: 'Two-factor authentication protects your account even if your password is discovered.\n\n1. Open **My account > Security**.\n2. Click **Turn on two-factor authentication** and scan the QR code with an app (FreeOTP, Aegis, Google Authenticator).\n3. Enter the six-digit code the app shows.\n\nKeep the recovery codes somewhere safe: they let you sign in if you lose your phone.',
    },
    ru: {
      title: 'Включение двухфакторной аутентификации',
      body: 'Двухфакторная аутентификация защищает учётную запись, даже если кто-то узнал ваш пароль.\n\n1. Откройте **Моя учётная запись > Безопасность**.\n2. Нажмите **Включить двухфакторную аутентификацию** и отсканируйте QR-код приложением (FreeOTP, Aegis, Google Authenticator).\n3. Введите шестизначный код из приложения.\n\nХраните резервные коды в надёжном месте: они позволят войти, если вы потеряете телефон.',
    },
  },
  {
    key: 'support-response-time',
    category: 'contact-support',
    kind: 'faq',
    fr: {
      title: "Dans quel délai le service d'assistance répond-il ?",
      body: "Le temps de réponse est généralement compris entre quelques minutes et quelques heures en semaine, selon l'affluence. Les demandes envoyées avant 16 heures reçoivent presque toujours une réponse le même jour ouvrable.\n\n- Les demandes standard sont traitées tous les jours ouvrables, y compris le samedi matin.\n- Les demandes prioritaires reçoivent aussi une réponse le dimanche et les jours fériés.",
    },
    es: {
      title: '¿En cuánto tiempo responde el servicio de asistencia?',
      body: 'El tiempo de respuesta suele ser de unos minutos a unas horas en días laborables, según la carga de trabajo. Las solicitudes enviadas antes de las 16:00 casi siempre reciben respuesta el mismo día laborable.\n\n- Las solicitudes estándar se atienden todos los días laborables, incluido el sábado por la mañana.\n- Las solicitudes prioritarias también se responden los domingos y festivos.',
    },
    en: {
      title: 'How quickly does support answer?',
      body: 'The response time is usually between a few minutes and a few hours on working days, depending on the load. Requests sent before 4 p.m. almost always get an answer the same working day.\n\n- Standard requests are handled every working day, including Saturday morning.\n- Priority requests are also answered on Sundays and public holidays.',
    },
    ru: {
      title: 'Как быстро отвечает служба поддержки?',
      body: 'Обычно ответ приходит в течение от нескольких минут до нескольких часов в рабочие дни, в зависимости от нагрузки. На обращения, отправленные до 16:00, почти всегда отвечают в тот же рабочий день.\n\n- Обычные обращения обрабатываются каждый рабочий день, включая утро субботы.\n- На приоритетные обращения отвечают также по воскресеньям и в праздничные дни.',
    },
  },
  {
    key: 'support-email',
    category: 'contact-support',
    kind: 'faq',
    fr: {
      title: 'Puis-je simplement envoyer un courrier électronique ?',
      body: "Oui : un e-mail à l'adresse de l'assistance ouvre une demande, et les réponses à nos e-mails s'ajoutent à la même demande. Le formulaire de l'espace client reste la voie la plus rapide : il demande d'emblée le produit, la version et les étapes pour reproduire le problème.\n\nPour joindre une capture d'écran ou un fichier, utilisez le formulaire ou joignez-le à votre e-mail (9 Mo au plus par fichier).",
    },
    es: {
      title: '¿Puedo enviar simplemente un correo electrónico?',
      body: 'Sí: un correo a la dirección de soporte abre una solicitud, y las respuestas a nuestros correos se añaden a la misma solicitud. El formulario del portal de cliente sigue siendo la vía más rápida: pide desde el principio el producto, la versión y los pasos para reproducir el problema.\n\nPara adjuntar una captura de pantalla o un archivo, use el formulario o adjúntelo al correo (9 MB como máximo por archivo).',
    },
    en: {
      title: 'Can I simply send an e-mail?',
      body: 'Yes: an e-mail to the support address opens a request, and replies to our e-mails are added to the same request. The form of the customer portal is still the fastest way: it asks straight away for the product, the version and the steps to reproduce the problem.\n\nTo attach a screenshot or a file, use the form or attach it to your e-mail (at most 9 MB per file).',
    },
    ru: {
      title: 'Можно ли просто отправить письмо по электронной почте?',
      body: 'Да: письмо на адрес поддержки открывает обращение, а ответы на наши письма добавляются в то же обращение. Форма в личном кабинете остаётся самым быстрым способом: она сразу спрашивает продукт, версию и шаги для воспроизведения проблемы.\n\nЧтобы приложить снимок экрана или файл, используйте форму или вложите его в письмо (не более 9 МБ на файл).',
    },
  },
  {
    key: 'support-contract-major',
    category: 'contact-support',
    kind: 'faq',
    fr: {
      title: "Le contrat d'assistance couvre-t-il la prochaine version majeure ?",
      body: "Oui. Le contrat d'assistance et de mises à jour couvre toutes les versions publiées pendant sa durée. Si votre contrat est renouvelé avant la sortie de la version 29, celle-ci est incluse.\n\nSans contrat actif, l'assistance standard couvre la version majeure en cours uniquement.",
    },
    es: {
      title: '¿El contrato de soporte cubre la próxima versión principal?',
      body: 'Sí. El contrato de soporte y actualizaciones cubre todas las versiones publicadas durante su vigencia. Si su contrato se renueva antes de la salida de la versión 29, esta queda incluida.\n\nSin contrato activo, el soporte estándar cubre solo la versión principal actual.',
    },
    en: {
      title: 'Does the support contract cover the next major version?',
      body: 'Yes. The support and updates contract covers every version released while it runs. If your contract is renewed before version 29 comes out, version 29 is included.\n\nWithout an active contract, standard support covers the current major version only.',
    },
    ru: {
      title: 'Распространяется ли договор поддержки на следующую основную версию?',
      body: 'Да. Договор на поддержку и обновления распространяется на все версии, выпущенные в период его действия. Если договор продлён до выхода версии 29, она тоже включена.\n\nБез действующего договора стандартная поддержка распространяется только на текущую основную версию.',
    },
  },
];
