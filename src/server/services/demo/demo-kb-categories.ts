/** A demo category: slug and names in the four languages (the list of seed 003's help centre). */
export interface DemoCategory {
  slug: string;
  fr: string;
  es: string;
  en: string;
  ru: string;
}

/** Seed 003's categories, in its order, named in the four languages. */
export const DEMO_KB_CATEGORIES: DemoCategory[] = [
  { slug: 'introduction', fr: 'Introduction', es: 'Introducción', en: 'Introduction', ru: 'Введение' },
  { slug: 'product-management', fr: 'Gestion des produits', es: 'Gestión de productos', en: 'Product management', ru: 'Управление товарами' },
  { slug: 'shop-setup', fr: 'Configuration de la boutique', es: 'Configuración de la tienda', en: 'Shop setup', ru: 'Настройка магазина' },
  { slug: 'account-settings', fr: 'Paramètres du compte et de la boutique', es: 'Ajustes de la cuenta y de la tienda', en: 'Account and shop settings', ru: 'Настройки учётной записи и магазина' },
  { slug: 'payment-methods', fr: 'Méthodes de paiement et prestataires de services de paiement', es: 'Métodos de pago y proveedores de servicios de pago', en: 'Payment methods and payment service providers', ru: 'Способы оплаты и платёжные провайдеры' },
  { slug: 'invoices-and-terms', fr: 'Factures et conditions générales', es: 'Facturas y condiciones generales', en: 'Invoices and terms and conditions', ru: 'Счета и общие условия' },
  { slug: 'shipping-costs', fr: "Définition des frais d'expédition", es: 'Definición de los gastos de envío', en: 'Setting shipping costs', ru: 'Настройка стоимости доставки' },
  { slug: 'discounts-and-surcharges', fr: 'Réductions et surtaxes', es: 'Descuentos y recargos', en: 'Discounts and surcharges', ru: 'Скидки и надбавки' },
  { slug: 'domain-names', fr: 'Enregistrement et transfert des noms de domaine', es: 'Registro y transferencia de nombres de dominio', en: 'Registering and transferring domain names', ru: 'Регистрация и перенос доменных имён' },
  { slug: 'multilingual-shop', fr: 'Boutique multilingue', es: 'Tienda multilingüe', en: 'Multilingual shop', ru: 'Многоязычный магазин' },
  { slug: 'other-platforms', fr: 'Connexion à d\'autres plateformes', es: 'Conexión con otras plataformas', en: 'Connecting to other platforms', ru: 'Подключение к другим платформам' },
  { slug: 'custom-web-addresses', fr: 'Adresses web personnalisées', es: 'Direcciones web personalizadas', en: 'Custom web addresses', ru: 'Собственные веб-адреса' },
  { slug: 'multishop', fr: 'Gestion de plusieurs boutiques en ligne (Multishop)', es: 'Gestión de varias tiendas en línea (Multishop)', en: 'Managing several online shops (Multishop)', ru: 'Управление несколькими интернет-магазинами (Multishop)' },
  { slug: 'automatic-emails', fr: "Envoi automatique d'e-mails aux clients", es: 'Envío automático de correos a los clientes', en: 'Automatic e-mails to customers', ru: 'Автоматическая рассылка писем клиентам' },
  { slug: 'layout-design', fr: 'Concevoir une belle mise en page', es: 'Diseñar una presentación atractiva', en: 'Designing a good-looking layout', ru: 'Оформление и макет' },
  { slug: 'order-management', fr: 'Gestion des commandes', es: 'Gestión de pedidos', en: 'Order management', ru: 'Управление заказами' },
  { slug: 'marketing', fr: 'Marketing', es: 'Marketing', en: 'Marketing', ru: 'Маркетинг' },
  { slug: 'modules', fr: 'Modules', es: 'Módulos', en: 'Modules', ru: 'Модули' },
  { slug: 'backups-and-export', fr: 'Sauvegardes et exportation des données', es: 'Copias de seguridad y exportación de datos', en: 'Backups and data export', ru: 'Резервные копии и экспорт данных' },
  { slug: 'email-and-webmail', fr: 'E-mail et messagerie web', es: 'Correo electrónico y webmail', en: 'E-mail and webmail', ru: 'Электронная почта и веб-почта' },
  { slug: 'administrator-accounts', fr: 'Comptes administrateur', es: 'Cuentas de administrador', en: 'Administrator accounts', ru: 'Учётные записи администраторов' },
  { slug: 'high-quality-photos', fr: 'Photos de haute qualité', es: 'Fotos de alta calidad', en: 'High-quality photos', ru: 'Фотографии высокого качества' },
  { slug: 'two-factor-authentication', fr: 'Authentification à deux facteurs', es: 'Autenticación de dos factores', en: 'Two-factor authentication', ru: 'Двухфакторная аутентификация' },
  { slug: 'labels', fr: 'Étiquettes', es: 'Etiquetas', en: 'Labels', ru: 'Метки' },
  { slug: 'meta-tags', fr: "Balises META - Vérification d'un site Internet", es: 'Etiquetas META - Verificación de un sitio web', en: 'META tags - Website verification', ru: 'Мета-теги — подтверждение сайта' },
  { slug: 'live-chat', fr: 'Chat en direct', es: 'Chat en directo', en: 'Live chat', ru: 'Онлайн-чат' },
  { slug: 'slideshow', fr: 'Diaporama', es: 'Presentación de diapositivas', en: 'Slideshow', ru: 'Слайд-шоу' },
  { slug: 'audience-analytics', fr: "Analyse d'audience - Google Analytics", es: 'Análisis de audiencia - Google Analytics', en: 'Audience analytics - Google Analytics', ru: 'Анализ аудитории — Google Analytics' },
  { slug: 'filters', fr: 'Filtres', es: 'Filtros', en: 'Filters', ru: 'Фильтры' },
  { slug: 'point-of-sale', fr: 'Point de Vente (PDV)', es: 'Punto de venta (TPV)', en: 'Point of sale (POS)', ru: 'Точка продаж (POS)' },
  { slug: 'form-fields', fr: 'Champs du formulaire', es: 'Campos del formulario', en: 'Form fields', ru: 'Поля формы' },
  { slug: 'digital-products', fr: 'Produits numériques ou virtuels', es: 'Productos digitales o virtuales', en: 'Digital or virtual products', ru: 'Цифровые и виртуальные товары' },
  { slug: 'booking-system', fr: 'Système de réservation (Symcalia)', es: 'Sistema de reservas (Symcalia)', en: 'Booking system (Symcalia)', ru: 'Система бронирования (Symcalia)' },
  { slug: 'guestbook', fr: "Livre d'or", es: 'Libro de visitas', en: 'Guestbook', ru: 'Гостевая книга' },
  { slug: 'contact-support', fr: "Contacter le service d'assistance", es: 'Contactar con el servicio de asistencia', en: 'Contacting support', ru: 'Обращение в службу поддержки' },
];
