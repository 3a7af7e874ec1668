/**
 * Operations with a request body that are neither machine actions, machine, indicator nor alert
 * operations: advanced hunting, live response library upload, authenticated scans, and the
 * start-investigation call of the automated investigation API.
 * Source: MicrosoftDocs/defender-docs, defender-endpoint/api/{run-advanced-query-api,upload-library,
 * add-a-new-scan-definition,get-authenticated-scan-properties,get-all-scan-definitions,
 * Get-scan-history-by-definition,Get-scan-history-by-session,initiate-autoir-investigation}.md.
 * Descriptions are written for this catalog.
 */
import type { AlternateSpelling, Localized, OperationSpec, ParameterSpec } from '../types';

const DOCS = 'https://learn.microsoft.com/defender-endpoint/api/';

/** Conflict text for a field of scanAuthenticationParams written in PascalCase by the properties table. */
function authParamCase(pascal: string, seenIn: Localized): AlternateSpelling[] {
  return [
    {
      spelling: pascal,
      kind: 'name',
      // The request table of add-a-new-scan-definition only links to that resource table and never writes these.
      requestPages: [],
      conflict: {
        en: `The authentication-parameters table of get-authenticated-scan-properties writes '${pascal}'; ${seenIn.en}. camelCase wins because the request examples of add-a-new-scan-definition send this object in camelCase (username, domain, isGmsaUser) and the API returns it in camelCase. That table describes the scan definition resource and the request page never writes '${pascal}', so in a request it is a wrong letter case.`,
        fr: `Le tableau des paramètres d'authentification de get-authenticated-scan-properties écrit « ${pascal} » ; ${seenIn.fr}. Le camelCase l'emporte, car les exemples de requête de la page add-a-new-scan-definition envoient cet objet en camelCase (username, domain, isGmsaUser) et l'API le renvoie en camelCase. Ce tableau décrit la ressource de définition d'analyse et la page de la requête n'écrit jamais « ${pascal} » : dans une requête, c'est une erreur de casse.`,
      },
    },
  ];
}

/** Where an example shows the camelCase spelling `camel` of a scanAuthenticationParams field. */
const seenInAddExample = (camel: string): Localized => ({
  en: `the add and update request examples of add-a-new-scan-definition send it as '${camel}'`,
  fr: `les exemples de requête d'ajout et de mise à jour de la page add-a-new-scan-definition l'envoient sous la forme « ${camel} »`,
});
const seenInListResponse = (camel: string): Localized => ({
  en: `the response example of get-all-scan-definitions returns it as '${camel}'`,
  fr: `l'exemple de réponse de get-all-scan-definitions le renvoie sous la forme « ${camel} »`,
});
const NOT_SEEN: Localized = {
  en: 'no example shows this field, so the camelCase form is inferred from its sibling fields',
  fr: 'aucun exemple ne montre ce champ, la forme camelCase est donc déduite de celle des champs voisins',
};

const scanAuthenticationParams: readonly ParameterSpec[] = [
  {
    name: '@odata.type',
    type: 'string',
    required: true,
    values: ['#microsoft.windowsDefenderATP.api.SnmpAuthParams', '#microsoft.windowsDefenderATP.api.WindowsAuthParams'],
    description: {
      en: 'Kind of credentials: SnmpAuthParams for a Network scan, WindowsAuthParams for a Windows scan.',
      fr: "Type d'informations d'identification : SnmpAuthParams pour une analyse Network, WindowsAuthParams pour une analyse Windows.",
    },
  },
  {
    name: 'type',
    type: 'string',
    required: true,
    values: ['CommunityString', 'NoAuthNoPriv', 'AuthNoPriv', 'AuthPriv', 'Kerberos', 'Negotiate'],
    description: {
      en: 'Authentication method. With SnmpAuthParams: CommunityString, NoAuthNoPriv, AuthNoPriv or AuthPriv. With WindowsAuthParams: Kerberos or Negotiate.',
      fr: "Méthode d'authentification. Avec SnmpAuthParams : CommunityString, NoAuthNoPriv, AuthNoPriv ou AuthPriv. Avec WindowsAuthParams : Kerberos ou Negotiate.",
    },
  },
  {
    name: 'keyVaultUrl',
    type: 'string',
    required: false,
    format: 'url',
    description: {
      en: 'Key Vault from which the scanner reads the credentials; when set, no user name or password is needed.',
      fr: "Coffre Key Vault dans lequel le scanneur lit les informations d'identification ; s'il est indiqué, aucun nom d'utilisateur ni mot de passe n'est nécessaire.",
    },
    alternateSpellings: authParamCase('KeyVaultUrl', NOT_SEEN),
  },
  {
    name: 'keyVaultSecretName',
    type: 'string',
    required: false,
    description: {
      en: 'Name of the Key Vault secret that holds the credentials; when set, no user name or password is needed.',
      fr: "Nom du secret Key Vault contenant les informations d'identification ; s'il est indiqué, aucun nom d'utilisateur ni mot de passe n'est nécessaire.",
    },
    alternateSpellings: authParamCase('KeyVaultSecretName', NOT_SEEN),
  },
  {
    name: 'domain',
    type: 'string',
    required: false,
    description: {
      en: 'Domain name, for WindowsAuthParams.',
      fr: 'Nom de domaine, pour WindowsAuthParams.',
    },
    alternateSpellings: authParamCase('Domain', seenInAddExample('domain')),
  },
  {
    name: 'username',
    type: 'string',
    required: false,
    description: {
      en: 'User name, for WindowsAuthParams, or for SnmpAuthParams with any type other than CommunityString.',
      fr: "Nom d'utilisateur, pour WindowsAuthParams, ou pour SnmpAuthParams avec tout type autre que CommunityString.",
    },
    alternateSpellings: authParamCase('Username', seenInAddExample('username')),
  },
  {
    name: 'isGmsaUser',
    type: 'boolean',
    required: false,
    description: {
      en: 'Must be true with WindowsAuthParams (the account is a group managed service account).',
      fr: 'Doit valoir true avec WindowsAuthParams (le compte est un compte de service administré de groupe).',
    },
    alternateSpellings: authParamCase('IsGMSAUser', seenInAddExample('isGmsaUser')),
  },
  {
    name: 'communityString',
    type: 'string',
    required: false,
    description: {
      en: 'SNMP community string, for SnmpAuthParams with the CommunityString type.',
      fr: 'Chaîne de communauté SNMP, pour SnmpAuthParams avec le type CommunityString.',
    },
    alternateSpellings: authParamCase('CommunityString', seenInListResponse('communityString')),
  },
  {
    name: 'authProtocol',
    type: 'string',
    required: false,
    values: ['MD5', 'SHA1'],
    description: {
      en: 'SNMP authentication protocol, for SnmpAuthParams with AuthNoPriv or AuthPriv.',
      fr: "Protocole d'authentification SNMP, pour SnmpAuthParams avec AuthNoPriv ou AuthPriv.",
    },
    alternateSpellings: authParamCase('AuthProtocol', seenInListResponse('authProtocol')),
  },
  {
    name: 'authPassword',
    type: 'string',
    required: false,
    description: {
      en: 'SNMP authentication password, for SnmpAuthParams with AuthNoPriv or AuthPriv.',
      fr: "Mot de passe d'authentification SNMP, pour SnmpAuthParams avec AuthNoPriv ou AuthPriv.",
    },
    alternateSpellings: authParamCase('AuthPassword', seenInListResponse('authPassword')),
  },
  {
    name: 'privProtocol',
    type: 'string',
    required: false,
    values: ['DES', '3DES', 'AES'],
    description: {
      en: 'SNMP privacy (encryption) protocol, for SnmpAuthParams with AuthPriv.',
      fr: 'Protocole de confidentialité (chiffrement) SNMP, pour SnmpAuthParams avec AuthPriv.',
    },
    alternateSpellings: authParamCase('PrivProtocol', seenInListResponse('privProtocol')),
  },
  {
    name: 'privPassword',
    type: 'string',
    required: false,
    description: {
      en: 'SNMP privacy password, for SnmpAuthParams with AuthPriv.',
      fr: 'Mot de passe de confidentialité SNMP, pour SnmpAuthParams avec AuthPriv.',
    },
    alternateSpellings: authParamCase('PrivPassword', seenInListResponse('privPassword')),
  },
];

/** Fields of a scan definition; `creating` marks the ones the add call requires. */
function scanDefinitionFields(creating: boolean): ParameterSpec[] {
  return [
    {
      name: 'scanType',
      type: 'string',
      required: creating,
      values: ['Windows', 'Network'],
      description: {
        en: 'Kind of authenticated scan.',
        fr: "Type d'analyse authentifiée.",
      },
    },
    {
      name: 'scanName',
      type: 'string',
      required: creating,
      description: {
        en: 'Display name of the scan.',
        fr: "Nom d'affichage de l'analyse.",
      },
    },
    {
      name: 'isActive',
      type: 'boolean',
      required: creating,
      description: {
        en: 'Whether the scan is enabled and runs on its schedule.',
        fr: "Indique si l'analyse est activée et s'exécute selon sa planification.",
      },
    },
    {
      name: 'target',
      type: 'string',
      required: creating,
      description: {
        en: 'Comma-separated list of targets to scan: IP addresses or host names (e.g. 127.0.0.2,127.0.0.3).',
        fr: "Liste de cibles à analyser, séparées par des virgules : adresses IP ou noms d'hôte (par ex. 127.0.0.2,127.0.0.3).",
      },
    },
    {
      name: 'intervalInHours',
      type: 'integer',
      required: creating,
      description: {
        en: 'Interval between two runs of the scan, in hours.',
        fr: "Intervalle entre deux exécutions de l'analyse, en heures.",
      },
    },
    {
      name: 'targetType',
      type: 'string',
      required: creating,
      values: ['Ip', 'Hostname'],
      description: {
        en: 'What the entries of target are: IP addresses (Ip, the default) or host names (Hostname).',
        fr: "Nature des entrées de target : adresses IP (Ip, valeur par défaut) ou noms d'hôte (Hostname).",
      },
      alternateSpellings: [
        {
          spelling: 'IP Address',
          kind: 'value',
          canonical: 'Ip',
          requestPages: ['add-a-new-scan-definition'],
          conflict: {
            en: "The request-body table of add-a-new-scan-definition (and the properties table of get-authenticated-scan-properties) give the values 'IP Address' or 'Hostname', but the page's add and update request examples send 'Ip', and the responses of add-a-new-scan-definition and get-all-scan-definitions return 'Ip'. 'Ip' wins because it is what the examples send; 'Hostname' is kept from the table since no example contradicts it.",
            fr: "Le tableau du corps de requête de la page add-a-new-scan-definition (et le tableau des propriétés de get-authenticated-scan-properties) donnent les valeurs « IP Address » ou « Hostname », mais les exemples de requête d'ajout et de mise à jour de cette page envoient « Ip », et les réponses des pages add-a-new-scan-definition et get-all-scan-definitions renvoient « Ip ». « Ip » l'emporte, car c'est ce qu'envoient les exemples ; « Hostname » est conservé d'après le tableau, puisqu'aucun exemple ne le contredit.",
          },
        },
      ],
    },
    {
      name: 'scannerAgent',
      type: 'object',
      required: creating,
      properties: [
        {
          name: 'machineId',
          type: 'string',
          required: true,
          description: {
            en: 'Device ID of the machine that runs the scanner.',
            fr: "Identifiant de l'appareil qui exécute le scanneur.",
          },
        },
      ],
      description: {
        en: 'The scanning device, given by its machine ID.',
        fr: "L'appareil qui effectue l'analyse, désigné par son identifiant.",
      },
    },
    {
      name: 'scanAuthenticationParams',
      type: 'object',
      required: creating,
      properties: scanAuthenticationParams,
      description: {
        en: creating
          ? 'Credentials the scanner uses. Required when creating a scan.'
          : 'Credentials the scanner uses. Optional when updating a scan.',
        fr: creating
          ? "Informations d'identification utilisées par le scanneur. Obligatoire à la création d'une analyse."
          : "Informations d'identification utilisées par le scanneur. Facultatif lors de la mise à jour d'une analyse.",
      },
    },
  ];
}

const SCAN_WRITE_PERMISSIONS = {
  application: ['Machine.ReadWrite.All'],
  delegated: ['Machine.Read.Write'],
} as const;

const SCAN_READ_PERMISSIONS = {
  application: ['Machine.Read.All'],
  delegated: ['Machine.Read.All'],
} as const;

const STANDARD_RATE = [
  { calls: 100, perSeconds: 60 },
  { calls: 1500, perSeconds: 3600 },
] as const;

const SCAN_PERMISSION_CONFLICT =
  "The delegated permission is written 'Machine.Read.Write' on add-a-new-scan-definition; the usual Defender for Endpoint delegated permission is 'Machine.ReadWrite', so this is probably a typo. It is recorded as documented.";

export const otherOperations: readonly OperationSpec[] = [
  {
    id: 'runAdvancedQuery',
    title: {
      en: 'Run advanced hunting query',
      fr: 'Exécuter une requête de chasse avancée',
    },
    method: 'POST',
    path: '/api/advancedqueries/run',
    permissions: {
      application: ['AdvancedQuery.Read.All'],
      delegated: ['AdvancedQuery.Read'],
    },
    rateLimits: [
      { calls: 45, perSeconds: 60 },
      { calls: 1500, perSeconds: 3600 },
    ],
    limits: {
      en: 'Queries only see the last 30 days of data and return at most 100,000 rows and 124 MB. Each request may run for up to 200 seconds; a tenant gets 10 minutes of running time per hour and 3 hours per day. A 429 response means a call or CPU quota was reached.',
      fr: "Les requêtes ne portent que sur les 30 derniers jours et renvoient au plus 100 000 lignes et 124 Mo. Chaque requête peut durer jusqu'à 200 secondes ; un locataire dispose de 10 minutes d'exécution par heure et de 3 heures par jour. Une réponse 429 signale qu'un quota d'appels ou de CPU est atteint.",
    },
    bodyKind: 'json',
    body: [
      {
        name: 'Query',
        type: 'string',
        required: true,
        description: {
          en: 'The KQL query to run against the advanced hunting tables.',
          fr: 'La requête KQL à exécuter sur les tables de chasse avancée.',
        },
      },
    ],
    docs: `${DOCS}run-advanced-query-api`,
  },
  {
    id: 'uploadLibraryFile',
    title: {
      en: 'Upload file to live response library',
      fr: 'Charger un fichier dans la bibliothèque Live Response',
    },
    method: 'POST',
    path: '/api/libraryfiles',
    permissions: {
      application: ['Library.Manage'],
      delegated: ['Library.Manage'],
    },
    rateLimits: [
      { calls: 100, perSeconds: 60 },
      { calls: 1500, perSeconds: 3600 },
    ],
    limits: {
      en: 'The uploaded file may be at most 20 MB. The body is multipart/form-data with the fields File (required), Description, ParametersDescription and OverrideIfExists.',
      fr: 'Le fichier chargé ne doit pas dépasser 20 Mo. Le corps est en multipart/form-data avec les champs File (obligatoire), Description, ParametersDescription et OverrideIfExists.',
    },
    bodyKind: 'multipart',
    body: [],
    docs: `${DOCS}upload-library`,
    docConflicts: [
      "The form-field table names the file field 'File', but the page's curl example sends it as 'file'.",
      "The curl example also sends a 'HasParameters' field that the form-field table does not document.",
      "OverrideIfExists is typed Boolean, yet its default is described as an empty string.",
    ],
  },
  {
    id: 'addScanDefinition',
    title: {
      en: 'Add authenticated scan definition',
      fr: "Ajouter une définition d'analyse authentifiée",
    },
    method: 'POST',
    path: '/api/DeviceAuthenticatedScanDefinitions',
    permissions: SCAN_WRITE_PERMISSIONS,
    rateLimits: STANDARD_RATE,
    limits: {
      en: 'Only devices last seen within the configured data retention period can be used.',
      fr: 'Seuls les appareils vus pour la dernière fois pendant la période de rétention configurée peuvent être utilisés.',
    },
    bodyKind: 'json',
    body: scanDefinitionFields(true),
    docs: `${DOCS}add-a-new-scan-definition`,
    docConflicts: [
      SCAN_PERMISSION_CONFLICT,
      "The request example of add-a-new-scan-definition has a trailing comma after scannerAgent.machineId, so it is not valid JSON as printed.",
    ],
  },
  {
    id: 'updateScanDefinition',
    title: {
      en: 'Update authenticated scan definition',
      fr: "Mettre à jour une définition d'analyse authentifiée",
    },
    method: 'PATCH',
    path: '/api/DeviceAuthenticatedScanDefinitions/{id}',
    permissions: SCAN_WRITE_PERMISSIONS,
    rateLimits: STANDARD_RATE,
    limits: {
      en: 'Only devices last seen within the configured data retention period can be used.',
      fr: 'Seuls les appareils vus pour la dernière fois pendant la période de rétention configurée peuvent être utilisés.',
    },
    bodyKind: 'json',
    body: scanDefinitionFields(false),
    docs: `${DOCS}add-a-new-scan-definition`,
    docConflicts: [
      SCAN_PERMISSION_CONFLICT,
      "The page has one parameter table marking every field Required, shared by add and update; the update example omits scanType and scannerAgent and the table says scanAuthenticationParams is optional on update, so all fields are catalogued as optional for the PATCH.",
    ],
  },
  {
    id: 'batchDeleteScanDefinitions',
    title: {
      en: 'Delete authenticated scan definitions',
      fr: "Supprimer des définitions d'analyse authentifiée",
    },
    method: 'POST',
    path: '/api/DeviceAuthenticatedScanDefinitions/BatchDelete',
    permissions: SCAN_WRITE_PERMISSIONS,
    rateLimits: STANDARD_RATE,
    bodyKind: 'json',
    body: [
      {
        name: 'ScanDefinitionIds',
        type: 'array',
        required: true,
        items: { type: 'string' },
        description: {
          en: 'IDs of the scan definitions to delete.',
          fr: "Identifiants des définitions d'analyse à supprimer.",
        },
      },
    ],
    docs: `${DOCS}add-a-new-scan-definition`,
    docConflicts: [
      SCAN_PERMISSION_CONFLICT,
      "The delete call is documented only by a request example (no parameter table); its key ScanDefinitionIds is PascalCase, unlike the camelCase fields of the add and update calls. The example also has a trailing comma, so it is not valid JSON as printed. No maximum number of IDs is documented.",
    ],
  },
  {
    id: 'getScanHistoryByDefinition',
    title: {
      en: 'Get scan history by definition',
      fr: "Obtenir l'historique des analyses par définition",
    },
    method: 'POST',
    path: '/api/DeviceAuthenticatedScanDefinitions/GetScanHistoryByScanDefinitionId',
    permissions: SCAN_READ_PERMISSIONS,
    rateLimits: STANDARD_RATE,
    limits: {
      en: 'Supports the OData options $top (at most 4096) and $skip (default 0) in the query string.',
      fr: 'Prend en charge les options OData $top (4096 au maximum) et $skip (0 par défaut) dans la chaîne de requête.',
    },
    bodyKind: 'json',
    body: [
      {
        name: 'ScanDefinitionIds',
        type: 'array',
        required: true,
        items: { type: 'string' },
        description: {
          en: 'IDs of the scan definitions whose history is requested.',
          fr: "Identifiants des définitions d'analyse dont l'historique est demandé.",
        },
      },
    ],
    docs: `${DOCS}get-scan-history-by-definition`,
    docConflicts: [
      "The parameter table types ScanDefinitionIds as a String ('The scan Id'), but the page's request example sends a JSON array of IDs; the catalog follows the example.",
      "The HTTP request line is written 'POST api/DeviceAuthenticatedScanDefinitions/GetScanHistoryByScanDefinitionId' without the leading slash; the example URL confirms the /api/ path.",
    ],
  },
  {
    id: 'getScanHistoryBySession',
    title: {
      en: 'Get scan history by session',
      fr: "Obtenir l'historique des analyses par session",
    },
    method: 'POST',
    path: '/api/DeviceAuthenticatedScanDefinitions/GetScanHistoryBySessionId',
    permissions: SCAN_READ_PERMISSIONS,
    rateLimits: STANDARD_RATE,
    bodyKind: 'json',
    body: [
      {
        name: 'SessionIds',
        type: 'array',
        required: true,
        items: { type: 'string' },
        description: {
          en: 'IDs of the scan sessions whose history is requested.',
          fr: "Identifiants des sessions d'analyse dont l'historique est demandé.",
        },
      },
    ],
    docs: `${DOCS}get-scan-history-by-session`,
    docConflicts: [
      "The parameter table types SessionIds as a String ('The session Id'), but the page's request example sends a JSON array of IDs; the catalog follows the example.",
    ],
  },
];
