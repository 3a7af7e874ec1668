/**
 * Indicator (custom threat intelligence) operations of the Defender for Endpoint API.
 * Source: MicrosoftDocs/defender-docs, defender-endpoint/api/{post-ti-indicator,import-ti-indicators,
 * batch-delete-ti-indicators,ti-indicator}.md, and defender-endpoint/indicator-manage.md for the
 * fields that only the portal CSV import documents. Descriptions are written for this catalog.
 */
import type { OperationSpec, ParameterSpec } from '../types';

const DOCS = 'https://learn.microsoft.com/defender-endpoint/api/';
const INDICATOR_MANAGE_DOCS = 'https://learn.microsoft.com/defender-endpoint/indicator-manage';

const INDICATOR_PERMISSIONS = {
  application: ['Ti.ReadWrite', 'Ti.ReadWrite.All'],
  delegated: ['Ti.ReadWrite'],
} as const;

/** The fields of one indicator, shared by the submit call and each element of the import call. */
const indicatorFields: readonly ParameterSpec[] = [
  {
    name: 'indicatorValue',
    type: 'string',
    required: true,
    format: 'indicatorValue',
    description: {
      en: 'The value to match: a file hash, certificate thumbprint, IP address, domain or URL, whose expected form is set by indicatorType. CIDR ranges are not accepted for IP addresses.',
      fr: 'La valeur à détecter : empreinte de fichier, empreinte de certificat, adresse IP, domaine ou URL, dont la forme attendue dépend de indicatorType. Les plages CIDR ne sont pas acceptées pour les adresses IP.',
    },
  },
  {
    name: 'indicatorType',
    type: 'string',
    required: true,
    values: ['FileSha1', 'FileMd5', 'CertificateThumbprint', 'FileSha256', 'IpAddress', 'DomainName', 'Url'],
    description: {
      en: 'The kind of entity the indicator describes; it decides how indicatorValue is checked.',
      fr: "Le type d'entité décrit par l'indicateur ; il détermine la façon dont indicatorValue est vérifiée.",
    },
  },
  {
    name: 'action',
    type: 'string',
    required: true,
    values: ['Alert', 'Warn', 'Block', 'Audit', 'BlockAndRemediate', 'AlertAndBlock', 'Allowed'],
    description: {
      en: 'What Defender for Endpoint does when the indicator is seen in the organization. With Audit, generateAlert must be true. The resource page calls Alert and AlertAndBlock legacy actions (announced as supported only until January 2022), and the portal import page says network indicators do not accept BlockAndRemediate.',
      fr: "Ce que fait Defender for Endpoint lorsque l'indicateur est observé dans l'organisation. Avec Audit, generateAlert doit valoir true. La page de la ressource qualifie Alert et AlertAndBlock d'actions héritées (annoncées comme prises en charge jusqu'en janvier 2022 seulement), et la page d'import du portail indique que les indicateurs réseau n'acceptent pas BlockAndRemediate.",
    },
  },
  {
    name: 'application',
    type: 'string',
    required: false,
    description: {
      en: 'The application linked to the indicator. Only taken into account when the indicator is created; an update leaves the stored value unchanged.',
      fr: "L'application associée à l'indicateur. Prise en compte uniquement à la création ; une mise à jour ne modifie pas la valeur enregistrée.",
    },
  },
  {
    name: 'title',
    type: 'string',
    required: true,
    description: {
      en: 'Title of the alert raised by the indicator.',
      fr: "Titre de l'alerte déclenchée par l'indicateur.",
    },
  },
  {
    name: 'description',
    type: 'string',
    required: true,
    description: {
      en: 'Free-text description of the indicator.',
      fr: "Description libre de l'indicateur.",
    },
  },
  {
    name: 'expirationTime',
    type: 'string',
    required: false,
    format: 'dateTime',
    description: {
      en: 'When the indicator expires (DateTimeOffset, e.g. 2020-12-12T00:00:00Z). Once this time has passed the indicator is removed.',
      fr: "Date et heure d'expiration de l'indicateur (DateTimeOffset, par ex. 2020-12-12T00:00:00Z). Passé ce moment, l'indicateur est supprimé.",
    },
  },
  {
    name: 'severity',
    type: 'string',
    required: false,
    values: ['Informational', 'Low', 'Medium', 'High'],
    description: {
      en: 'Severity given to the indicator and to the alerts it raises.',
      fr: "Gravité attribuée à l'indicateur et aux alertes qu'il déclenche.",
    },
  },
  {
    name: 'recommendedActions',
    type: 'string',
    required: false,
    description: {
      en: 'Actions suggested to analysts in the alert raised by the indicator.',
      fr: "Actions proposées aux analystes dans l'alerte déclenchée par l'indicateur.",
    },
  },
  {
    name: 'rbacGroupNames',
    type: 'array',
    required: false,
    items: { type: 'string' },
    description: {
      en: 'Names of the device groups (RBAC) the indicator applies to. An empty list applies it to every device.',
      fr: "Noms des groupes d'appareils (RBAC) auxquels l'indicateur s'applique. Une liste vide l'applique à tous les appareils.",
    },
  },
  {
    name: 'educateUrl',
    type: 'string',
    required: false,
    format: 'url',
    description: {
      en: 'Custom notification or support URL shown to users. Only supported for URL indicators with the Block or Warn action.',
      fr: "URL de notification ou d'assistance personnalisée présentée aux utilisateurs. Prise en charge uniquement pour les indicateurs d'URL avec l'action Block ou Warn.",
    },
  },
  {
    name: 'generateAlert',
    type: 'boolean',
    required: false,
    description: {
      en: 'true to raise an alert when the indicator matches, false otherwise. Must be true when action is Audit.',
      fr: "true pour déclencher une alerte lorsque l'indicateur correspond, false sinon. Doit valoir true si action vaut Audit.",
    },
    alternateSpellings: [
      {
        spelling: 'GenerateAlert',
        kind: 'name',
        requestPages: ['post-ti-indicator'],
        conflict: {
          en: "The request-body table of post-ti-indicator names the field 'generateAlert', in the same camelCase as every other field of the body; the description of 'action' on that page and the portal import table (indicator-manage) write 'GenerateAlert'. The table spelling wins because it is the parameter's own entry and matches the casing of the whole body. The Import indicators page (import-ti-indicators) never writes 'GenerateAlert', so in its Indicators that spelling is a wrong letter case.",
          fr: "Le tableau du corps de requête de post-ti-indicator nomme le champ « generateAlert », dans le même camelCase que tous les autres champs du corps ; la description de « action » sur cette page et le tableau d'importation du portail (indicator-manage) écrivent « GenerateAlert ». La graphie du tableau l'emporte, car c'est l'entrée propre du paramètre et elle suit la casse de l'ensemble du corps. La page Import indicators (import-ti-indicators) n'écrit jamais « GenerateAlert » : dans ses Indicators, cette graphie est une erreur de casse.",
        },
      },
    ],
  },
  {
    name: 'category',
    type: 'string',
    required: false,
    description: {
      en: 'Alert category, for example Execution or CredentialAccess. Documented only for the portal import of indicators, not on the REST reference page.',
      fr: "Catégorie de l'alerte, par exemple Execution ou CredentialAccess. Documentée uniquement pour l'import d'indicateurs dans le portail, pas sur la page de référence REST.",
    },
  },
  {
    name: 'mitretechniques',
    type: 'string',
    required: false,
    description: {
      en: 'Comma-separated MITRE ATT&CK technique IDs (e.g. T1059). Setting category as well is recommended. Documented only for the portal import of indicators, not on the REST reference page.',
      fr: "Identifiants de techniques MITRE ATT&CK séparés par des virgules (par ex. T1059). Il est recommandé de renseigner aussi category. Documenté uniquement pour l'import d'indicateurs dans le portail, pas sur la page de référence REST.",
    },
    alternateSpellings: [
      {
        spelling: 'mitreTechniques',
        kind: 'name',
        requestPages: [],
        conflict: {
          en: "The portal import table (indicator-manage) spells the field 'mitretechniques' in lower case; the alert resource page (alerts.md) spells the corresponding alert property 'mitreTechniques'. The indicator page's own spelling is kept as canonical because it is the only one documented for indicators; 'mitreTechniques' belongs to a returned alert, so in a request it is a wrong letter case.",
          fr: "Le tableau d'importation du portail (indicator-manage) écrit le champ « mitretechniques » en minuscules ; la page de la ressource alerte (alerts.md) écrit la propriété d'alerte correspondante « mitreTechniques ». La graphie de la page des indicateurs est retenue comme canonique, car c'est la seule documentée pour les indicateurs ; « mitreTechniques » appartient à une alerte renvoyée, et dans une requête c'est une erreur de casse.",
        },
      },
    ],
  },
];

export const indicatorOperations: readonly OperationSpec[] = [
  {
    id: 'submitIndicator',
    title: {
      en: 'Submit or update indicator',
      fr: 'Soumettre ou mettre à jour un indicateur',
    },
    method: 'POST',
    path: '/api/indicators',
    permissions: INDICATOR_PERMISSIONS,
    rateLimits: [
      { calls: 100, perSeconds: 60 },
      { calls: 1500, perSeconds: 3600 },
    ],
    limits: {
      en: 'A tenant can hold at most 15,000 active indicators. CIDR notation is not supported for IP addresses.',
      fr: "Un locataire peut avoir au plus 15 000 indicateurs actifs. La notation CIDR n'est pas prise en charge pour les adresses IP.",
    },
    bodyKind: 'json',
    body: indicatorFields,
    docs: `${DOCS}post-ti-indicator`,
    docConflicts: [
      "rbacGroupNames: the request-body table of post-ti-indicator types it as a String holding a comma-separated list, while the page's own request example (and the import example) send a JSON array of strings and the resource page (ti-indicator) types it as a list of strings. The catalog follows the example: an array of strings.",
      "generateAlert: the table types it as an Enum with the values True/False and the portal import table (indicator-manage) as a String 'True'/'False'; in a JSON body it is modelled as a boolean.",
      `category and mitretechniques are not in the request-body table of post-ti-indicator; they come from the portal CSV import table (${INDICATOR_MANAGE_DOCS}), which also names the group field 'rbacGroups' instead of 'rbacGroupNames'. They are catalogued as optional fields; their acceptance by the REST endpoint is not documented.`,
      "indicatorType: the portal import table lists only FileSha1, FileSha256, IpAddress, DomainName and Url, while the REST page also lists FileMd5 and CertificateThumbprint; the REST page's list is used.",
    ],
  },
  {
    id: 'importIndicators',
    title: {
      en: 'Import indicators (batch)',
      fr: "Importer des indicateurs (lot)",
    },
    method: 'POST',
    path: '/api/indicators/import',
    permissions: INDICATOR_PERMISSIONS,
    rateLimits: [{ calls: 30, perSeconds: 60 }],
    limits: {
      en: 'At most 500 indicators per call, and at most 15,000 active indicators per tenant. CIDR notation is not supported for IP addresses.',
      fr: "Au plus 500 indicateurs par appel, et au plus 15 000 indicateurs actifs par locataire. La notation CIDR n'est pas prise en charge pour les adresses IP.",
    },
    bodyKind: 'json',
    body: [
      {
        name: 'Indicators',
        type: 'array',
        required: true,
        maxItems: 500,
        items: { type: 'object', properties: indicatorFields },
        description: {
          en: 'The indicators to create or update, each with the same fields as a single submission. The response reports success or failure per indicator.',
          fr: "Les indicateurs à créer ou à mettre à jour, chacun avec les mêmes champs qu'une soumission unitaire. La réponse indique le succès ou l'échec de chaque indicateur.",
        },
      },
    ],
    docs: `${DOCS}import-ti-indicators`,
    docConflicts: [
      "The top-level key is PascalCase 'Indicators' (table and example agree), while the fields of each indicator are camelCase; the element fields and their conflicts are those of the submit-indicator page.",
    ],
  },
  {
    id: 'batchDeleteIndicators',
    title: {
      en: 'Batch delete indicators',
      fr: "Supprimer des indicateurs par lot",
    },
    method: 'POST',
    path: '/api/indicators/BatchDelete',
    permissions: {
      application: ['Ti.ReadWrite', 'Ti.ReadWrite.All'],
      delegated: [],
    },
    rateLimits: [
      { calls: 30, perSeconds: 60 },
      { calls: 1500, perSeconds: 3600 },
    ],
    limits: {
      en: 'At most 500 indicator IDs per call. An empty or oversized list, or any invalid ID, returns 400; any unknown ID returns 404.',
      fr: "Au plus 500 identifiants d'indicateurs par appel. Une liste vide ou trop longue, ou un identifiant invalide, renvoie 400 ; un identifiant inconnu renvoie 404.",
    },
    bodyKind: 'json',
    body: [
      {
        name: 'IndicatorIds',
        type: 'array',
        required: true,
        maxItems: 500,
        items: { type: 'string' },
        description: {
          en: 'IDs of the indicators to delete (as returned in the id field of an indicator). Must not be empty.',
          fr: "Identifiants des indicateurs à supprimer (tels que renvoyés dans le champ id d'un indicateur). Ne doit pas être vide.",
        },
      },
    ],
    docs: `${DOCS}batch-delete-ti-indicators`,
    docConflicts: [
      'The page documents application permissions only (Ti.ReadWrite, Ti.ReadWrite.All); no delegated permission is listed, unlike the other indicator write operations.',
    ],
  },
];
