/**
 * Alert operations of the Defender for Endpoint API that take a JSON body.
 * Source: MicrosoftDocs/defender-docs, defender-endpoint/api/{update-alert,batch-update-alerts,
 * create-alert-by-reference,alerts}.md. Descriptions are written for this catalog.
 */
import type { AlternateSpelling, OperationSpec, ParameterSpec } from '../types';

const DOCS = 'https://learn.microsoft.com/defender-endpoint/api/';

const CLASSIFICATION_VALUES = ['TruePositive', 'InformationalExpectedActivity', 'FalsePositive'] as const;

const DETERMINATION_VALUES = [
  // True positive
  'MultiStagedAttack',
  'MaliciousUserActivity',
  'CompromisedUser',
  'Malware',
  'Phishing',
  'UnwantedSoftware',
  // Informational, expected activity
  'SecurityTesting',
  'LineOfBusinessApplication',
  'ConfirmedUserActivity',
  // False positive
  'Clean',
  'InsufficientData',
  // Any classification
  'Other',
] as const;

const classificationAlternates: readonly AlternateSpelling[] = [
  {
    spelling: 'Informational, expected activity',
    kind: 'value',
    canonical: 'InformationalExpectedActivity',
    requestPages: ['batch-update-alerts'],
    conflict: {
      en: "update-alert lists the value as 'InformationalExpectedActivity'; batch-update-alerts and the alert resource page (alerts.md) list 'Informational, expected activity', which is the portal label (with a comma and spaces) rather than an enum identifier. No request example uses this value. 'InformationalExpectedActivity' wins: it is the only identifier-shaped spelling and matches the informationalExpectedActivity member of the same alert classification in the Microsoft Graph security API. The label is tolerated only by Batch update alerts, whose own table writes it; for Update alert it is an invalid value.",
      fr: "update-alert indique la valeur sous la forme « InformationalExpectedActivity » ; batch-update-alerts et la page de la ressource alerte (alerts.md) indiquent « Informational, expected activity », qui est le libellé du portail (avec une virgule et des espaces) et non un identifiant d'énumération. Aucun exemple de requête n'utilise cette valeur. « InformationalExpectedActivity » l'emporte : c'est la seule graphie en forme d'identifiant, et elle correspond au membre informationalExpectedActivity de la même classification d'alerte dans l'API de sécurité Microsoft Graph. Le libellé n'est toléré que par Batch update alerts, dont le propre tableau l'écrit ; pour Update alert, c'est une valeur non valide.",
    },
  },
];

const determinationAlternates: readonly AlternateSpelling[] = [
  {
    spelling: 'ConfirmedActivity',
    kind: 'value',
    canonical: 'ConfirmedUserActivity',
    requestPages: ['update-alert'],
    conflict: {
      en: "update-alert gives the enum of 'Confirmed activity' as 'ConfirmedActivity'; batch-update-alerts and the alert resource page (alerts.md) give 'ConfirmedUserActivity'. 'ConfirmedUserActivity' wins: two pages against one, the pages' own note ('consider changing the enum name in public API') only makes sense when the enum differs from the label, and integrations of this API use ConfirmedUserActivity. No request example uses either value. 'ConfirmedActivity' is tolerated only by Update alert, whose own table writes it; for Batch update alerts it is an invalid value.",
      fr: "update-alert donne pour « Confirmed activity » la valeur d'énumération « ConfirmedActivity » ; batch-update-alerts et la page de la ressource alerte (alerts.md) donnent « ConfirmedUserActivity ». « ConfirmedUserActivity » l'emporte : deux pages contre une, la note de ces pages elles-mêmes (« consider changing the enum name in public API ») n'a de sens que si l'énumération diffère du libellé, et les intégrations de cette API utilisent ConfirmedUserActivity. Aucun exemple de requête n'utilise l'une ou l'autre de ces valeurs. « ConfirmedActivity » n'est toléré que par Update alert, dont le propre tableau l'écrit ; pour Batch update alerts, c'est une valeur non valide.",
    },
  },
  {
    spelling: 'NotMalicious',
    kind: 'value',
    canonical: 'Clean',
    requestPages: ['update-alert'],
    conflict: {
      en: "update-alert gives the enum of 'Not malicious' as 'NotMalicious'; batch-update-alerts and the alert resource page (alerts.md) give 'Clean'. 'Clean' wins: two pages against one, the pages' own note ('consider changing the enum name in public API') only makes sense when the enum differs from the label, and integrations of this API use Clean. No request example uses either value. 'NotMalicious' is tolerated only by Update alert, whose own table writes it; for Batch update alerts it is an invalid value.",
      fr: "update-alert donne pour « Not malicious » la valeur d'énumération « NotMalicious » ; batch-update-alerts et la page de la ressource alerte (alerts.md) donnent « Clean ». « Clean » l'emporte : deux pages contre une, la note de ces pages elles-mêmes (« consider changing the enum name in public API ») n'a de sens que si l'énumération diffère du libellé, et les intégrations de cette API utilisent Clean. Aucun exemple de requête n'utilise l'une ou l'autre de ces valeurs. « NotMalicious » n'est toléré que par Update alert, dont le propre tableau l'écrit ; pour Batch update alerts, c'est une valeur non valide.",
    },
  },
];

/**
 * The updatable alert fields. `pascalTable` records the PascalCase names used by the
 * update-alert table (its example, like batch-update-alerts, uses camelCase).
 */
function alertUpdateFields(pascalTable: boolean, plural: boolean): ParameterSpec[] {
  const pascal = (name: string, pascalName: string): { alternateSpellings?: readonly AlternateSpelling[] } =>
    pascalTable
      ? {
          alternateSpellings: [
            {
              spelling: pascalName,
              kind: 'name',
              requestPages: ['update-alert'],
              conflict: {
                en: `The request-body table of update-alert writes '${pascalName}', but the page's own request example sends '${name}', as do the table and example of batch-update-alerts. The example spelling wins because it is the one shown working against the live API.`,
                fr: `Le tableau du corps de requête de la page update-alert écrit « ${pascalName} », mais l'exemple de requête de cette même page envoie « ${name} », tout comme le tableau et l'exemple de batch-update-alerts. La graphie de l'exemple l'emporte, car c'est celle dont le fonctionnement est montré face à l'API réelle.`,
              },
            },
          ],
        }
      : {};
  const target = plural ? { en: 'the specified alerts', fr: 'des alertes indiquées' } : { en: 'the alert', fr: "de l'alerte" };
  return [
    {
      name: 'status',
      type: 'string',
      required: false,
      values: ['New', 'InProgress', 'Resolved'],
      description: {
        en: `New status of ${target.en}.`,
        fr: `Nouveau statut ${target.fr}.`,
      },
      ...pascal('status', 'Status'),
    },
    {
      name: 'assignedTo',
      type: 'string',
      required: false,
      description: {
        en: `Owner of ${target.en}, typically a user principal name such as secop2@contoso.com.`,
        fr: `Propriétaire ${target.fr}, en général un nom d'utilisateur principal tel que secop2@contoso.com.`,
      },
    },
    {
      name: 'classification',
      type: 'string',
      required: false,
      values: CLASSIFICATION_VALUES,
      description: {
        en: `Whether ${target.en} is a true positive, expected informational activity, or a false positive.`,
        fr: `Indique si ${plural ? 'les alertes indiquées sont' : "l'alerte est"} un vrai positif, une activité informative attendue ou un faux positif.`,
      },
      alternateSpellings: [
        ...(pascal('classification', 'Classification').alternateSpellings ?? []),
        ...classificationAlternates,
      ],
    },
    {
      name: 'determination',
      type: 'string',
      required: false,
      values: DETERMINATION_VALUES,
      description: {
        en: 'Finer verdict that goes with the classification. True positive: MultiStagedAttack, MaliciousUserActivity, CompromisedUser, Malware, Phishing, UnwantedSoftware. Informational, expected activity: SecurityTesting, LineOfBusinessApplication, ConfirmedUserActivity. False positive: Clean, InsufficientData. Other fits every classification. The former values Apt and SecurityPersonnel were withdrawn from the API around August 29, 2022.',
        fr: "Verdict plus précis qui accompagne la classification. Vrai positif : MultiStagedAttack, MaliciousUserActivity, CompromisedUser, Malware, Phishing, UnwantedSoftware. Activité informative attendue : SecurityTesting, LineOfBusinessApplication, ConfirmedUserActivity. Faux positif : Clean, InsufficientData. Other convient à toutes les classifications. Les anciennes valeurs Apt et SecurityPersonnel ont été retirées de l'API vers le 29 août 2022.",
      },
      alternateSpellings: [
        ...(pascal('determination', 'Determination').alternateSpellings ?? []),
        ...determinationAlternates,
      ],
    },
    {
      name: 'comment',
      type: 'string',
      required: false,
      description: {
        en: `Comment to add to ${target.en}; it can be sent alone or together with property changes.`,
        fr: `Commentaire à ajouter ${plural ? 'aux alertes indiquées' : "à l'alerte"} ; il peut être envoyé seul ou avec des modifications de propriétés.`,
      },
      ...pascal('comment', 'Comment'),
    },
  ];
}

export const alertOperations: readonly OperationSpec[] = [
  {
    id: 'updateAlert',
    title: {
      en: 'Update alert',
      fr: 'Mettre à jour une alerte',
    },
    method: 'PATCH',
    path: '/api/alerts/{id}',
    permissions: {
      application: ['Alerts.ReadWrite.All'],
      delegated: ['Alert.ReadWrite'],
    },
    rateLimits: [
      { calls: 100, perSeconds: 60 },
      { calls: 1500, perSeconds: 3600 },
    ],
    limits: {
      en: 'Only alerts that the List alerts API returns can be updated. Send only the fields that change; omitted fields keep their values.',
      fr: "Seules les alertes renvoyées par l'API de liste des alertes peuvent être mises à jour. N'envoyez que les champs modifiés ; les champs omis conservent leur valeur.",
    },
    bodyKind: 'json',
    body: alertUpdateFields(true, false),
    docs: `${DOCS}update-alert`,
    docConflicts: [
      "The request-body table writes Status, Classification, Determination and Comment in PascalCase next to a camelCase assignedTo, while the page's request example uses camelCase for every field; camelCase is canonical.",
      "The application permission is written 'Alerts.ReadWrite.All' on this page, whereas batch-update-alerts, create-alert-by-reference and initiate-autoir-investigation write 'Alert.ReadWrite.All' for the same display name 'Read and write all alerts'. The page's spelling is recorded as documented; 'Alert.ReadWrite.All' is probably the real permission name.",
      'The classification and determination enums differ from batch-update-alerts and alerts.md (InformationalExpectedActivity vs "Informational, expected activity"; ConfirmedActivity/NotMalicious vs ConfirmedUserActivity/Clean); see the parameters.',
    ],
  },
  {
    id: 'batchUpdateAlerts',
    title: {
      en: 'Batch update alerts',
      fr: 'Mettre à jour des alertes par lot',
    },
    method: 'POST',
    path: '/api/alerts/batchUpdate',
    permissions: {
      application: ['Alert.ReadWrite.All'],
      delegated: ['Alert.ReadWrite'],
    },
    rateLimits: [
      { calls: 10, perSeconds: 60 },
      { calls: 500, perSeconds: 3600 },
    ],
    limits: {
      en: 'Only alerts that the List alerts API returns can be updated. The docs state no maximum number of alert IDs per call. Send only the fields that change.',
      fr: "Seules les alertes renvoyées par l'API de liste des alertes peuvent être mises à jour. La documentation n'indique pas de nombre maximal d'identifiants d'alertes par appel. N'envoyez que les champs modifiés.",
    },
    bodyKind: 'json',
    body: [
      {
        name: 'alertIds',
        type: 'array',
        required: true,
        items: { type: 'string' },
        description: {
          en: 'IDs of the alerts to update.',
          fr: 'Identifiants des alertes à mettre à jour.',
        },
      },
      ...alertUpdateFields(false, true),
    ],
    docs: `${DOCS}batch-update-alerts`,
  },
  {
    id: 'createAlertByReference',
    title: {
      en: 'Create alert from event',
      fr: "Créer une alerte à partir d'un événement",
    },
    method: 'POST',
    path: '/api/alerts/CreateAlertByReference',
    permissions: {
      application: ['Alert.ReadWrite.All'],
      delegated: ['Alert.ReadWrite'],
    },
    rateLimits: [{ calls: 15, perSeconds: 60 }],
    limits: {
      en: 'The event must exist (eventTime, reportId and machineId as found with advanced hunting), otherwise 404 is returned. An open alert with the same title on the same device absorbs the new one, and an automated investigation starts on created alerts.',
      fr: "L'événement doit exister (eventTime, reportId et machineId tels qu'obtenus par la chasse avancée), sinon 404 est renvoyé. Une alerte ouverte de même titre sur le même appareil absorbe la nouvelle, et une investigation automatisée démarre sur les alertes créées.",
    },
    bodyKind: 'json',
    body: [
      {
        name: 'eventTime',
        type: 'string',
        required: true,
        format: 'dateTime',
        description: {
          en: 'Exact UTC time of the event, as returned by advanced hunting (e.g. 2018-08-03T16:45:21.7115183Z).',
          fr: "Heure UTC exacte de l'événement, telle que renvoyée par la chasse avancée (par ex. 2018-08-03T16:45:21.7115183Z).",
        },
      },
      {
        name: 'reportId',
        type: 'string',
        required: true,
        description: {
          en: 'ReportId of the event, as returned by advanced hunting.',
          fr: "ReportId de l'événement, tel que renvoyé par la chasse avancée.",
        },
      },
      {
        name: 'machineId',
        type: 'string',
        required: true,
        description: {
          en: 'ID of the device on which the event occurred.',
          fr: "Identifiant de l'appareil sur lequel l'événement s'est produit.",
        },
      },
      {
        name: 'severity',
        type: 'string',
        required: true,
        values: ['Low', 'Medium', 'High'],
        description: {
          en: 'Severity of the new alert.',
          fr: 'Gravité de la nouvelle alerte.',
        },
      },
      {
        name: 'title',
        type: 'string',
        required: true,
        description: {
          en: 'Title of the new alert.',
          fr: 'Titre de la nouvelle alerte.',
        },
      },
      {
        name: 'description',
        type: 'string',
        required: true,
        description: {
          en: 'Description of the new alert.',
          fr: 'Description de la nouvelle alerte.',
        },
      },
      {
        name: 'recommendedAction',
        type: 'string',
        required: true,
        description: {
          en: 'Action the security analyst should take when reviewing the alert.',
          fr: "Action que l'analyste de sécurité doit entreprendre en examinant l'alerte.",
        },
      },
      {
        name: 'category',
        type: 'string',
        required: true,
        values: [
          'General',
          'CommandAndControl',
          'Collection',
          'CredentialAccess',
          'DefenseEvasion',
          'Discovery',
          'Exfiltration',
          'Exploit',
          'Execution',
          'InitialAccess',
          'LateralMovement',
          'Malware',
          'Persistence',
          'PrivilegeEscalation',
          'Ransomware',
          'SuspiciousActivity',
        ],
        description: {
          en: 'Category of the new alert.',
          fr: 'Catégorie de la nouvelle alerte.',
        },
      },
    ],
    docs: `${DOCS}create-alert-by-reference`,
  },
];
