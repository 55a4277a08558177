import type { DemoArticle } from './demo-kb-studio.js';

/** Gestio Compta (the accounting software). */
export const DEMO_KB_COMPTA: DemoArticle[] = [
  {
    key: 'compta-vat-gap',
    category: 'invoices-and-terms',
    kind: 'faq',
    fr: {
      title: 'Écart de TVA entre la déclaration CA3 et le grand livre',
      body: "Un écart entre la TVA collectée de la déclaration CA3 et le grand livre vient presque toujours d'un avoir daté d'un mois mais imputé sur un autre.\n\n1. Ouvrez **Journal des ventes** filtré sur la période de la déclaration.\n2. Repérez les avoirs dont la date diffère de la période d'imputation.\n3. Corrigez la date d'imputation, puis relancez **Déclarations > CA3**.",
    },
    es: {
      title: 'Diferencia de IVA entre la declaración y el libro mayor',
      body: 'Una diferencia entre el IVA repercutido de la declaración y el libro mayor casi siempre viene de una factura rectificativa fechada en un mes pero imputada en otro.\n\n1. Abra el **Diario de ventas** filtrado por el periodo de la declaración.\n2. Localice las rectificativas cuya fecha no coincide con el periodo de imputación.\n3. Corrija la fecha de imputación y vuelva a generar la declaración.',
    },
    en: {
      title: 'VAT difference between the VAT return and the general ledger',
      body: 'A difference between the output VAT of the return and the general ledger almost always comes from a credit note dated in one month but posted to another.\n\n1. Open the **Sales journal** filtered on the period of the return.\n2. Find the credit notes whose date differs from the posting period.\n3. Correct the posting date, then run **Returns > VAT return** again.',
    },
    ru: {
      title: 'Расхождение НДС между декларацией и главной книгой',
      body: 'Расхождение между начисленным НДС в декларации и главной книгой почти всегда возникает из-за корректировочного счёта, датированного одним месяцем, но отнесённого к другому.\n\n1. Откройте **Журнал продаж** с фильтром по периоду декларации.\n2. Найдите корректировочные счета, дата которых не совпадает с периодом отнесения.\n3. Исправьте период отнесения и заново сформируйте декларацию.',
    },
  },
  {
    key: 'compta-pdf-footer',
    category: 'invoices-and-terms',
    kind: 'faq',
    fr: {
      title: "L'export PDF des factures coupe le pied de page",
      body: "Dans Gestio Compta 11.2.2, le pied de page (mentions légales) des factures de plus d'une page peut être coupé à l'export PDF.\n\n**Contournement :** dans **Paramètres > Modèles de facture**, réduisez la marge basse à 12 mm.\n\n**Correction :** installez la mise à jour 11.2.3, puis rétablissez la marge d'origine.",
    },
    es: {
      title: 'La exportación a PDF de las facturas corta el pie de página',
      body: 'En Gestio Compta 11.2.2, el pie de página (menciones legales) de las facturas de más de una página puede cortarse al exportar a PDF.\n\n**Solución provisional:** en **Ajustes > Plantillas de factura**, reduzca el margen inferior a 12 mm.\n\n**Corrección:** instale la actualización 11.2.3 y restablezca el margen original.',
    },
    en: {
      title: 'The PDF export of invoices cuts the footer',
      body: 'In Gestio Compta 11.2.2, the footer (legal notices) of invoices longer than one page can be cut in the PDF export.\n\n**Workaround:** in **Settings > Invoice templates**, reduce the bottom margin to 12 mm.\n\n**Fix:** install update 11.2.3, then restore the original margin.',
    },
    ru: {
      title: 'При экспорте счетов в PDF обрезается нижний колонтитул',
      body: 'В Gestio Compta 11.2.2 нижний колонтитул (юридические сведения) счетов длиннее одной страницы может обрезаться при экспорте в PDF.\n\n**Обходной путь:** в разделе **Настройки > Шаблоны счетов** уменьшите нижнее поле до 12 мм.\n\n**Исправление:** установите обновление 11.2.3 и верните исходное поле.',
    },
  },
  {
    key: 'compta-database-locked',
    category: 'account-settings',
    kind: 'faq',
    fr: {
      title: "« Base de données verrouillée » après une mise à jour de Gestio Compta",
      body: "Ce message apparaît quand un autre poste gardait la base ouverte pendant la mise à jour.\n\n1. Fermez Gestio Compta sur tous les postes.\n2. Sur le serveur, redémarrez le service **Gestio Server** (Services Windows).\n3. Rouvrez le dossier de l'entreprise.\n\nSi le message reste affiché, vérifiez qu'aucune sauvegarde n'est en cours sur le dossier.",
    },
    es: {
      title: '«Base de datos bloqueada» después de actualizar Gestio Compta',
      body: 'Este mensaje aparece cuando otro puesto mantenía la base abierta durante la actualización.\n\n1. Cierre Gestio Compta en todos los puestos.\n2. En el servidor, reinicie el servicio **Gestio Server** (Servicios de Windows).\n3. Vuelva a abrir la empresa.\n\nSi el mensaje sigue apareciendo, compruebe que no haya una copia de seguridad en curso sobre la carpeta.',
    },
    en: {
      title: '“Database locked” after updating Gestio Compta',
      body: 'This message appears when another workstation kept the database open during the update.\n\n1. Close Gestio Compta on every workstation.\n2. On the server, restart the **Gestio Server** service (Windows Services).\n3. Open the company file again.\n\nIf the message stays, check that no backup is running on the folder.',
    },
    ru: {
      title: '«База данных заблокирована» после обновления Gestio Compta',
      body: 'Это сообщение появляется, когда во время обновления база была открыта на другом рабочем месте.\n\n1. Закройте Gestio Compta на всех рабочих местах.\n2. На сервере перезапустите службу **Gestio Server** (Службы Windows).\n3. Снова откройте файл организации.\n\nЕсли сообщение не исчезает, проверьте, не выполняется ли резервное копирование папки.',
    },
  },
  {
    key: 'compta-fec-export',
    category: 'backups-and-export',
    kind: 'article',
    fr: {
      title: "Exporter vos écritures comptables (fichier FEC)",
      body: "Le fichier des écritures comptables (FEC) est exigé en cas de contrôle fiscal.\n\n1. Ouvrez **Exercices > Exporter le FEC**.\n2. Choisissez l'exercice clôturé et le dossier de destination.\n3. Gestio Compta vérifie le fichier (numérotation, équilibre des journaux) avant de l'écrire.\n\nLe nom du fichier suit la norme : `SIRENFECAAAAMMJJ.txt`.",
    },
    es: {
      title: 'Exportar los asientos contables',
      body: 'La exportación completa de los asientos contables se pide en caso de inspección fiscal.\n\n1. Abra **Ejercicios > Exportar asientos**.\n2. Elija el ejercicio cerrado y la carpeta de destino.\n3. Gestio Compta comprueba el archivo (numeración, cuadre de los diarios) antes de escribirlo.\n\nEl archivo se genera en formato de texto delimitado, legible en cualquier hoja de cálculo.',
    },
    en: {
      title: 'Export your accounting entries',
      body: 'A full export of the accounting entries is required in case of a tax audit.\n\n1. Open **Financial years > Export entries**.\n2. Choose the closed financial year and the destination folder.\n3. Gestio Compta checks the file (numbering, balanced journals) before writing it.\n\nThe file is delimited text that any spreadsheet can read.',
    },
    ru: {
      title: 'Экспорт бухгалтерских проводок',
      body: 'Полный экспорт бухгалтерских проводок требуется при налоговой проверке.\n\n1. Откройте **Финансовые годы > Экспорт проводок**.\n2. Выберите закрытый финансовый год и папку назначения.\n3. Перед записью Gestio Compta проверяет файл (нумерацию, сбалансированность журналов).\n\nФайл сохраняется в текстовом формате с разделителями и открывается в любой электронной таблице.',
    },
  },
  {
    key: 'compta-users-rights',
    category: 'administrator-accounts',
    kind: 'article',
    fr: {
      title: 'Ajouter un utilisateur et définir ses droits dans Gestio Compta',
      body: "Seul un administrateur du dossier peut ajouter des utilisateurs.\n\n1. Ouvrez **Dossier > Utilisateurs et droits**.\n2. Cliquez sur **Ajouter**, saisissez le nom et l'adresse e-mail.\n3. Choisissez un profil : *Saisie*, *Révision* ou *Administrateur*.\n\nUn utilisateur *Saisie* ne peut ni clôturer un exercice ni modifier le plan comptable.",
    },
    es: {
      title: 'Añadir un usuario y definir sus permisos en Gestio Compta',
      body: 'Solo un administrador de la empresa puede añadir usuarios.\n\n1. Abra **Empresa > Usuarios y permisos**.\n2. Pulse **Añadir** e introduzca el nombre y el correo electrónico.\n3. Elija un perfil: *Registro*, *Revisión* o *Administrador*.\n\nUn usuario *Registro* no puede cerrar un ejercicio ni modificar el plan contable.',
    },
    en: {
      title: 'Add a user and set their rights in Gestio Compta',
      body: 'Only an administrator of the company file can add users.\n\n1. Open **Company > Users and rights**.\n2. Click **Add**, enter the name and the e-mail address.\n3. Choose a profile: *Entry*, *Review* or *Administrator*.\n\nAn *Entry* user can neither close a financial year nor change the chart of accounts.',
    },
    ru: {
      title: 'Добавление пользователя и настройка его прав в Gestio Compta',
      body: 'Добавлять пользователей может только администратор файла организации.\n\n1. Откройте **Организация > Пользователи и права**.\n2. Нажмите **Добавить**, введите имя и адрес электронной почты.\n3. Выберите профиль: *Ввод*, *Проверка* или *Администратор*.\n\nПользователь с профилем *Ввод* не может закрыть финансовый год или изменить план счетов.',
    },
  },
  {
    key: 'compta-bank-import',
    category: 'other-platforms',
    kind: 'article',
    fr: {
      title: 'Importer les relevés bancaires (OFX, CAMT.053)',
      body: "Gestio Compta importe les relevés au format OFX et CAMT.053 téléchargés depuis votre banque.\n\n1. Ouvrez **Banque > Importer un relevé**.\n2. Sélectionnez le fichier et le compte bancaire concerné.\n3. Les lignes déjà importées sont ignorées ; les autres attendent le rapprochement.\n\nAstuce : enregistrez des règles d'affectation pour que les prélèvements récurrents soient imputés automatiquement.",
    },
    es: {
      title: 'Importar extractos bancarios (OFX, CAMT.053)',
      body: 'Gestio Compta importa extractos en formato OFX y CAMT.053 descargados de su banco.\n\n1. Abra **Banco > Importar extracto**.\n2. Seleccione el archivo y la cuenta bancaria correspondiente.\n3. Las líneas ya importadas se ignoran; las demás quedan pendientes de conciliación.\n\nConsejo: guarde reglas de asignación para que los cargos periódicos se contabilicen automáticamente.',
    },
    en: {
      title: 'Import bank statements (OFX, CAMT.053)',
      body: 'Gestio Compta imports statements in the OFX and CAMT.053 formats downloaded from your bank.\n\n1. Open **Bank > Import a statement**.\n2. Select the file and the bank account it belongs to.\n3. Lines already imported are skipped; the others wait for reconciliation.\n\nTip: save posting rules so that recurring direct debits are posted automatically.',
    },
    ru: {
      title: 'Импорт банковских выписок (OFX, CAMT.053)',
      body: 'Gestio Compta импортирует выписки в форматах OFX и CAMT.053, загруженные из вашего банка.\n\n1. Откройте **Банк > Импорт выписки**.\n2. Выберите файл и соответствующий банковский счёт.\n3. Уже импортированные строки пропускаются, остальные ожидают сверки.\n\nСовет: сохраните правила разнесения, чтобы регулярные списания проводились автоматически.',
    },
  },
];
