/** One realistic support conversation, used to fill the demo. */
export interface DemoScenario {
  subject: string;
  question: string;
  answer: string;
  followUp: string;
  closing: string;
  note: string;
}

/** Conversations per language about the demo vendor's two products (Atelier Studio, Gestio Compta). */
export const DEMO_SCENARIOS: Record<'fr' | 'es' | 'en' | 'ru', DemoScenario[]> = {
  fr: [
    {
      subject: "Atelier Studio 28 : plantage à l'ouverture du projet",
      question: "Bonjour,\n\nDepuis la mise à jour en version 28.0.412, Atelier Studio se ferme dès que j'ouvre notre projet principal. Cela arrive à chaque fois.\n\nÉtapes : lancer Atelier Studio, Fichier > Ouvrir, choisir Facturation.atp, le splash s'affiche puis l'application se ferme sans message.\n\nMerci de votre aide,\nMarie",
      answer: "Bonjour Marie,\n\nMerci pour la description précise. Pouvez-vous supprimer le dossier .cache du projet puis le rouvrir ? Si le problème persiste, envoyez-nous le fichier dump.log qui se trouve dans le dossier du projet.\n\nCordialement,\nCamille — Support technique",
      followUp: "Le dossier .cache supprimé, le projet s'ouvre de nouveau. Merci !",
      closing: "Parfait, je clôture la demande. N'hésitez pas à nous recontacter.",
      note: "Problème connu sur la 28.0.412 (cache d'index corrompu), corrigé en 28.0.420.",
    },
    {
      subject: 'Gestio Compta : écart de TVA sur la déclaration CA3',
      question: "Bonjour,\n\nLa déclaration CA3 de mars affiche une TVA collectée de 12 480 € alors que le grand livre indique 12 515 €. Cela arrive parfois, surtout avec les avoirs.\n\nVersion : Gestio Compta 11.2. Licence GC-11-0042.",
      answer: "Bonjour,\n\nL'écart de 35 € correspond probablement à un avoir saisi après la clôture de la période. Pouvez-vous nous envoyer une capture de l'écran Journal des ventes filtré sur mars ?",
      followUp: "Voici la capture. Il y a bien un avoir du 2 avril rattaché à mars.",
      closing: "C'est bien cela : l'avoir est daté d'avril mais imputé sur mars. Corrigez sa date d'imputation et relancez la déclaration.",
      note: "Client à former sur les avoirs ; proposer le webinaire de mai.",
    },
    {
      subject: "Impossible d'installer Atelier Studio sur Windows Server 2022",
      question: "Bonjour,\n\nL'installation s'arrête à 80 % avec l'erreur 0x80070643. Toujours au même endroit.\n\nServeur : Windows Server 2022, antivirus d'entreprise actif.",
      answer: "Bonjour,\n\nCette erreur vient en général de l'antivirus qui bloque l'enregistrement des services. Pouvez-vous ajouter une exclusion pour le dossier d'installation puis relancer l'installeur en administrateur ?",
      followUp: "Avec l'exclusion, l'installation est allée jusqu'au bout. Merci.",
      closing: "Très bien. Nous ajoutons ce cas à la FAQ d'installation.",
      note: "Ajouter l'erreur 0x80070643 à l'article FAQ « Installation sur serveur ».",
    },
    {
      subject: 'Question sur le renouvellement du contrat d’assistance',
      question: "Bonjour,\n\nNotre contrat d'assistance se termine le 30 juin. Le renouvellement couvre-t-il aussi la version 29 qui sort en septembre ?",
      answer: "Bonjour,\n\nOui : le contrat d'assistance et de mises à jour couvre toutes les versions publiées pendant sa durée, donc la 29 si le contrat est renouvelé avant septembre.",
      followUp: "Merci, nous renouvelons donc dès maintenant.",
      closing: "Parfait, le service commercial vous envoie le bon de commande.",
      note: 'Transmis au service commercial.',
    },
    {
      subject: "L'export PDF des factures coupe le pied de page",
      question: "Bonjour,\n\nDepuis hier, les factures exportées en PDF ont le pied de page coupé (mentions légales illisibles). Cela arrive toujours sur les factures de plus d'une page.",
      answer: "Bonjour,\n\nNous reproduisons le problème sur les factures de deux pages. Un correctif est prévu dans la prochaine mise à jour ; en attendant, réduisez la marge basse du modèle à 12 mm.",
      followUp: "La marge à 12 mm fonctionne, merci. Nous attendons le correctif.",
      closing: 'Le correctif est publié dans la 11.2.3 : vous pouvez rétablir la marge d’origine.',
      note: 'Anomalie 4821 ouverte chez les développeurs.',
    },
  ],
  es: [
    {
      subject: 'Gestio Compta no abre la empresa después de actualizar',
      question: "Hola:\n\nDespués de actualizar a la versión 11.2, al abrir la empresa «Ferretería Sol 2027» aparece el mensaje «Base de datos bloqueada». Ocurre siempre.\n\nLicencia GC-11-0107.",
      answer: "Hola Lucía:\n\nEste mensaje aparece cuando otro puesto mantiene la base abierta durante la actualización. Cierre Gestio Compta en todos los puestos y reinicie el servicio «Gestio Server».",
      followUp: 'Reiniciando el servicio ya se abre. ¡Gracias!',
      closing: 'Perfecto, cerramos la solicitud.',
      note: 'Tercer caso esta semana: documentar en la guía de actualización.',
    },
    {
      subject: 'Error al generar el informe de inventario',
      question: "Buenos días:\n\nEl informe de inventario valorado se queda en el 0 % y no termina. A veces funciona si filtro por un solo almacén.\n\nVersión 11.1.8.",
      answer: 'Buenos días:\n\n¿Podría enviarnos el número de artículos del catálogo y una captura de los filtros que usa? Con más de 50 000 artículos, el informe necesita el índice de stock reconstruido.',
      followUp: 'Tenemos 62 000 artículos. Adjunto la captura de los filtros.',
      closing: 'Reconstruya el índice desde Herramientas > Mantenimiento > Índices y el informe terminará en unos minutos.',
      note: 'Cliente con catálogo grande; valorar contrato de asistencia directa.',
    },
    {
      subject: '¿Cómo cambio el idioma de las facturas a inglés?',
      question: 'Hola:\n\nTenemos un cliente en Irlanda y necesitamos emitir sus facturas en inglés. ¿Se puede hacer sin cambiar el idioma de toda la aplicación?',
      answer: 'Hola:\n\nSí. En la ficha del cliente, pestaña «Documentos», elija el idioma «Inglés»: sus facturas usarán el modelo en inglés.',
      followUp: 'Funciona perfectamente, gracias.',
      closing: 'Nos alegra haberle ayudado.',
      note: 'Pregunta cubierta por el artículo «Documentos multilingües».',
    },
    {
      subject: 'Atelier Studio: el depurador no se detiene en los puntos de interrupción',
      question: 'Hola:\n\nEn Atelier Studio 28, el depurador ignora los puntos de interrupción de las clases de servicio. Ocurre siempre desde la última actualización.',
      answer: 'Hola:\n\n¿Está compilando en modo «Release»? Los puntos de interrupción solo se respetan en la configuración «Debug».',
      followUp: 'Era eso, estaba en Release. Disculpen.',
      closing: '¡No hay de qué! Cerramos la solicitud.',
      note: 'Respuesta en la documentación (capítulo Depuración).',
    },
  ],
  en: [
    {
      subject: 'Atelier Studio licence not recognised after hardware change',
      question: "Hello,\n\nWe replaced the build server's motherboard and Atelier Studio now says the licence AS-28-0311 is not valid for this machine. It happens on every start.",
      answer: 'Hello John,\n\nA hardware change resets the machine fingerprint. I have released the activation on our side: please run Help > Licence > Activate again.',
      followUp: 'Activated again, all good. Thanks for the quick answer.',
      closing: 'Great, closing this request.',
      note: 'Activation released manually (2 of 3 yearly resets used).',
    },
    {
      subject: 'Slow report generation since version 28',
      question: 'Hi,\n\nSince upgrading to 28.0.415 the monthly sales report takes 4 minutes instead of 20 seconds. It always happens, with any date range.',
      answer: 'Hi,\n\nWe can reproduce it: a query plan regression in 28.0.415. A fix is planned for the next update; meanwhile, you can enable "Legacy report engine" in the project options.',
      followUp: 'The legacy engine brings it back to 25 seconds. Looking forward to the fix.',
      closing: 'The fix shipped in 28.0.420; you can switch the legacy engine off again.',
      note: 'Linked to defect 4790.',
    },
    {
      subject: 'How do I export the chart of accounts to CSV?',
      question: "Hello,\n\nOur auditors ask for the chart of accounts as a CSV file. I can't find an export button in Gestio Compta.",
      answer: 'Hello,\n\nOpen Lists > Chart of accounts, then right-click the table and choose "Export > CSV".',
      followUp: 'Found it, thank you.',
      closing: 'You are welcome!',
      note: 'Answered by the documentation (article "Exporting lists").',
    },
  ],
  ru: [
    {
      subject: 'Ошибка при формировании отчёта по НДС',
      question: 'Здравствуйте!\n\nПри формировании отчёта по НДС за квартал Gestio Compta выдаёт ошибку «Недопустимая дата». Ошибка возникает всегда, начиная с версии 11.2.\n\nЛицензия GC-11-0288.',
      answer: 'Здравствуйте, Иван!\n\nПохоже, в одном из документов указана дата вне отчётного периода. Пришлите, пожалуйста, файл журнала ошибок из папки Logs.',
      followUp: 'Отправляю журнал. Действительно, нашли документ с датой 2207 года.',
      closing: 'Исправьте дату документа, и отчёт сформируется. Заявку закрываем.',
      note: 'Предложить разработчикам проверку дат при вводе документов.',
    },
    {
      subject: 'Не приходит письмо для восстановления пароля',
      question: 'Добрый день!\n\nПытаюсь восстановить пароль к порталу, но письмо не приходит уже второй день. Иногда письма от вас попадают в спам, но там тоже пусто.',
      answer: 'Добрый день!\n\nМы видим, что ваш почтовый сервер отклоняет наши письма. Попросите администратора добавить наш адрес в белый список.',
      followUp: 'Администратор добавил адрес, письмо пришло. Спасибо!',
      closing: 'Отлично, рады были помочь.',
      note: 'Почтовый сервер клиента отвечает 550 на наш домен.',
    },
    {
      subject: 'Atelier Studio: вопрос о переносе проекта на новую версию',
      question: 'Здравствуйте!\n\nПланируем перенести проект с версии 27 на 28. Нужно ли перекомпилировать все компоненты или достаточно открыть проект в новой версии?',
      answer: 'Здравствуйте!\n\nДостаточно открыть проект в версии 28: он будет преобразован автоматически. Перед этим сделайте резервную копию.',
      followUp: 'Проект перенесён без проблем, спасибо.',
      closing: 'Заявку закрываем. Хорошего дня!',
      note: 'Ответ есть в статье «Переход на новую версию».',
    },
  ],
};
