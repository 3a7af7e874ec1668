/**
 * Machine action operations of the Defender for Endpoint API (response actions on one device).
 *
 * Facts (names, casing, types, values, permissions, limits) come from the
 * MicrosoftDocs/defender-docs repository, folder `defender-endpoint/api`, cross-checked against
 * the later published Learn pages of the same files. Every description is our own wording.
 */
import type { OperationSpec, ParameterSpec, RateLimit } from '../types';

const DOCS = 'https://learn.microsoft.com/defender-endpoint/api/';

/** "100 calls per minute and 1500 calls per hour", shared by most machine actions. */
const STANDARD_RATE: readonly RateLimit[] = [
  { calls: 100, perSeconds: 60 },
  { calls: 1500, perSeconds: 3600 },
];

/** The mandatory `Comment` of a machine action. */
function requiredComment(en: string, fr: string): ParameterSpec {
  return {
    name: 'Comment',
    type: 'string',
    required: true,
    description: { en, fr },
  };
}

export const machineActionOperations: readonly OperationSpec[] = [
  {
    id: 'isolateMachine',
    title: { en: 'Isolate machine', fr: 'Isoler un appareil' },
    method: 'POST',
    path: '/api/machines/{id}/isolate',
    permissions: { application: ['Machine.Isolate'], delegated: ['Machine.Isolate'] },
    rateLimits: STANDARD_RATE,
    limits: {
      en:
        'With IsolationType "UnManagedDevice" the call contains an unmanaged device instead of isolating it: onboarded devices block traffic to and from it. ' +
        'Microsoft recommends keeping at most 100 devices contained at the same time.',
      fr:
        'Avec IsolationType « UnManagedDevice », l\'appel confine un appareil non géré au lieu de l\'isoler : les appareils intégrés bloquent le trafic vers et depuis cet appareil. ' +
        'Microsoft recommande de ne pas confiner plus de 100 appareils à la fois.',
    },
    bodyKind: 'json',
    body: [
      requiredComment(
        'Free-text reason recorded with the isolation action.',
        'Motif en texte libre enregistré avec l\'action d\'isolement.',
      ),
      {
        name: 'IsolationType',
        type: 'string',
        required: false,
        values: ['Full', 'Selective', 'UnManagedDevice'],
        description: {
          en:
            'Kind of isolation. "Full" cuts a managed device off the network (Windows 10 1703 or later, Windows 11, supported Linux). ' +
            '"Selective" still lets a limited set of applications reach the network (Windows 10 1709 or later, Windows 11). ' +
            '"UnManagedDevice" is for devices that are not onboarded and triggers device containment.',
          fr:
            'Type d\'isolement. « Full » coupe un appareil géré du réseau (Windows 10 1703 ou ultérieur, Windows 11, Linux pris en charge). ' +
            '« Selective » laisse un ensemble restreint d\'applications accéder au réseau (Windows 10 1709 ou ultérieur, Windows 11). ' +
            '« UnManagedDevice » vise les appareils non intégrés et déclenche leur confinement.',
        },
      },
    ],
    docs: `${DOCS}isolate-machine`,
    docConflicts: [
      'Older revisions of isolate-machine.md (for example the 09/26/2024 one) allow only "Full" or "Selective" for IsolationType; "UnManagedDevice" appears from the 03/12/2025 revision on, and the published page of November 2025 keeps it. ' +
        'machineaction.md still describes the action scope as "Full" or "Selective" only. The current page wins; all three values are kept.',
      'The request-body table does not mark IsolationType as required and no default is documented; it is therefore treated as optional.',
    ],
  },
  {
    id: 'unisolateMachine',
    title: { en: 'Release machine from isolation', fr: 'Lever l\'isolement d\'un appareil' },
    method: 'POST',
    path: '/api/machines/{id}/unisolate',
    permissions: { application: ['Machine.Isolate'], delegated: ['Machine.Isolate'] },
    rateLimits: STANDARD_RATE,
    limits: {
      en: 'Sending the request again while a release is pending returns HTTP 400 "Action is already in progress".',
      fr: 'Renvoyer la requête alors qu\'une levée d\'isolement est en attente renvoie HTTP 400 « Action is already in progress ».',
    },
    bodyKind: 'json',
    body: [
      requiredComment(
        'Free-text reason recorded with the release from isolation.',
        'Motif en texte libre enregistré avec la levée de l\'isolement.',
      ),
    ],
    docs: `${DOCS}unisolate-machine`,
  },
  {
    id: 'restrictCodeExecution',
    title: { en: 'Restrict app execution', fr: 'Restreindre l\'exécution des applications' },
    method: 'POST',
    path: '/api/machines/{id}/restrictCodeExecution',
    permissions: {
      application: ['Machine.RestrictExecution'],
      delegated: ['Machine.RestrictExecution'],
    },
    rateLimits: STANDARD_RATE,
    limits: {
      en:
        'Requires Windows 10 1709 or later or Windows 11 with Microsoft Defender Antivirus. ' +
        'Sending the request again while the action is pending returns HTTP 400 "Action is already in progress".',
      fr:
        'Nécessite Windows 10 1709 ou ultérieur, ou Windows 11, avec l\'Antivirus Microsoft Defender. ' +
        'Renvoyer la requête alors que l\'action est en attente renvoie HTTP 400 « Action is already in progress ».',
    },
    bodyKind: 'json',
    body: [
      requiredComment(
        'Free-text reason recorded with the restriction.',
        'Motif en texte libre enregistré avec la restriction.',
      ),
    ],
    docs: `${DOCS}restrict-code-execution`,
  },
  {
    id: 'unrestrictCodeExecution',
    title: { en: 'Remove app restriction', fr: 'Lever la restriction d\'exécution des applications' },
    method: 'POST',
    path: '/api/machines/{id}/unrestrictCodeExecution',
    permissions: {
      application: ['Machine.RestrictExecution'],
      delegated: ['Machine.RestrictExecution'],
    },
    rateLimits: STANDARD_RATE,
    limits: {
      en: 'Sending the request again while the action is pending returns HTTP 400 "Action is already in progress".',
      fr: 'Renvoyer la requête alors que l\'action est en attente renvoie HTTP 400 « Action is already in progress ».',
    },
    bodyKind: 'json',
    body: [
      requiredComment(
        'Free-text reason recorded when the restriction is lifted.',
        'Motif en texte libre enregistré lors de la levée de la restriction.',
      ),
    ],
    docs: `${DOCS}unrestrict-code-execution`,
  },
  {
    id: 'runAntiVirusScan',
    title: { en: 'Run antivirus scan', fr: 'Lancer une analyse antivirus' },
    method: 'POST',
    path: '/api/machines/{id}/runAntiVirusScan',
    permissions: { application: ['Machine.Scan'], delegated: ['Machine.Scan'] },
    rateLimits: STANDARD_RATE,
    limits: {
      en: 'Sending the request again while a scan is pending returns HTTP 400 "Action is already in progress".',
      fr: 'Renvoyer la requête alors qu\'une analyse est en attente renvoie HTTP 400 « Action is already in progress ».',
    },
    bodyKind: 'json',
    body: [
      requiredComment(
        'Free-text reason recorded with the scan request.',
        'Motif en texte libre enregistré avec la demande d\'analyse.',
      ),
      {
        name: 'ScanType',
        type: 'string',
        required: true,
        values: ['Quick', 'Full'],
        description: {
          en: 'Scan depth: "Quick" for a quick scan, "Full" for a full scan of the device.',
          fr: 'Profondeur de l\'analyse : « Quick » pour une analyse rapide, « Full » pour une analyse complète de l\'appareil.',
        },
      },
    ],
    docs: `${DOCS}run-av-scan`,
  },
  {
    id: 'collectInvestigationPackage',
    title: { en: 'Collect investigation package', fr: 'Collecter le package d\'investigation' },
    method: 'POST',
    path: '/api/machines/{id}/collectInvestigationPackage',
    permissions: {
      application: ['Machine.CollectForensics'],
      delegated: ['Machine.CollectForensics'],
    },
    rateLimits: STANDARD_RATE,
    limits: {
      en: 'Only one collection can run at a time on a device; another request meanwhile returns HTTP 400.',
      fr: 'Une seule collecte peut s\'exécuter à la fois sur un appareil ; une autre requête entre-temps renvoie HTTP 400.',
    },
    bodyKind: 'json',
    body: [
      requiredComment(
        'Free-text reason recorded with the forensic collection.',
        'Motif en texte libre enregistré avec la collecte d\'éléments d\'investigation.',
      ),
    ],
    docs: `${DOCS}collect-investigation-package`,
  },
  {
    id: 'offboardMachine',
    title: { en: 'Offboard machine', fr: 'Désintégrer un appareil' },
    method: 'POST',
    path: '/api/machines/{id}/offboard',
    permissions: { application: ['Machine.Offboard'], delegated: ['Machine.Offboard'] },
    rateLimits: STANDARD_RATE,
    limits: {
      en:
        'On Windows the call only stops the sensor service; unlike the offboarding script it leaves the onboarding information in the registry. ' +
        'A request without a Comment fails with HTTP 400.',
      fr:
        'Sous Windows, l\'appel arrête seulement le service du capteur ; contrairement au script de désintégration, il laisse les informations d\'intégration dans le registre. ' +
        'Une requête sans Comment échoue avec HTTP 400.',
    },
    bodyKind: 'json',
    body: [
      requiredComment(
        'Free-text reason recorded with the offboarding; omitting it makes the call fail.',
        'Motif en texte libre enregistré avec la désintégration ; l\'omettre fait échouer l\'appel.',
      ),
    ],
    docs: `${DOCS}offboard-machine-api`,
    docConflicts: [
      'The page says a successful call returns "200 - Created", while every sibling machine action returns 201 Created; the status code is left unchecked.',
      'The repository revision says the API is not supported on macOS or Linux; the published page of August 2026 lists macOS 14 and later and supported Linux distributions. Platform support is not validated here.',
    ],
  },
  {
    id: 'stopAndQuarantineFile',
    title: { en: 'Stop and quarantine file', fr: 'Arrêter et mettre en quarantaine un fichier' },
    method: 'POST',
    path: '/api/machines/{id}/StopAndQuarantineFile',
    permissions: {
      application: ['Machine.StopAndQuarantine', 'Machine.ReadWrite.All'],
      delegated: ['Machine.StopAndQuarantine'],
    },
    rateLimits: STANDARD_RATE,
    limits: {
      en:
        'Only on Windows 10 1703 or later or Windows 11, with Microsoft Defender Antivirus at least in passive mode, and only for files that are neither signed by Microsoft nor from a trusted third-party publisher.',
      fr:
        'Uniquement sous Windows 10 1703 ou ultérieur, ou Windows 11, avec l\'Antivirus Microsoft Defender au moins en mode passif, et seulement pour des fichiers ni signés par Microsoft ni issus d\'un éditeur tiers approuvé.',
    },
    bodyKind: 'json',
    body: [
      requiredComment(
        'Free-text reason recorded with the action.',
        'Motif en texte libre enregistré avec l\'action.',
      ),
      {
        name: 'Sha1',
        type: 'string',
        required: true,
        format: 'sha1',
        description: {
          en: 'SHA-1 hash of the file to stop and quarantine on the device.',
          fr: 'Empreinte SHA-1 du fichier à arrêter et à mettre en quarantaine sur l\'appareil.',
        },
      },
    ],
    docs: `${DOCS}stop-and-quarantine-file`,
    docConflicts: [
      'The repository revision of stop-and-quarantine-file.md lists three application permissions (Machine.StopAndQuarantine, Machine.Read.All, Machine.ReadWrite.All); the published page of November 2025 drops Machine.Read.All. ' +
        'The newer list is kept, since a read-only permission granting a remediation action is most likely the error.',
    ],
  },
  {
    id: 'runLiveResponse',
    title: {
      en: 'Run live response commands',
      fr: 'Exécuter des commandes de réponse en direct',
    },
    method: 'POST',
    path: '/api/machines/{machine_id}/runliveresponse',
    permissions: {
      application: ['Machine.LiveResponse'],
      delegated: ['Machine.LiveResponse'],
    },
    rateLimits: [{ calls: 10, perSeconds: 60 }],
    limits: {
      en:
        'Commands run one at a time, in the order given; if one fails, the following ones are skipped. ' +
        'The docs list the types as "PutFile, RunScript, GetFile (must be in this order with no limit on repetitions)" without saying more about the ordering rule. ' +
        'RunScript times out after 10 minutes. Only one live response session per device: a second request while one runs gets HTTP 400 ActiveRequestAlreadyExists. ' +
        'At most 50 sessions may run concurrently across the tenant (25 in the older repository revision); more get HTTP 429. ' +
        'An unavailable device keeps the session queued for up to 2 hours (three days in the older revision). ' +
        'The device group must have at least a minimal automated remediation level.',
      fr:
        'Les commandes s\'exécutent une par une, dans l\'ordre donné ; si l\'une échoue, les suivantes ne sont pas lancées. ' +
        'La documentation indique les types « PutFile, RunScript, GetFile » à utiliser « dans cet ordre », répétables sans limite, sans préciser davantage cette règle d\'ordre. ' +
        'RunScript expire au bout de 10 minutes. Une seule session de réponse en direct par appareil : une seconde requête pendant qu\'une session tourne reçoit HTTP 400 ActiveRequestAlreadyExists. ' +
        'Au plus 50 sessions simultanées sur le locataire (25 dans l\'ancienne révision du dépôt) ; au-delà, HTTP 429. ' +
        'Si l\'appareil est indisponible, la session reste en file d\'attente jusqu\'à 2 heures (trois jours dans l\'ancienne révision). ' +
        'Le groupe d\'appareils doit avoir au moins un niveau minimal de correction automatisée.',
    },
    bodyKind: 'json',
    body: [
      {
        name: 'Commands',
        type: 'array',
        required: true,
        description: {
          en: 'Ordered list of live response commands to run on the device. Allowed command types: PutFile, RunScript, GetFile.',
          fr: 'Liste ordonnée des commandes de réponse en direct à exécuter sur l\'appareil. Types de commande autorisés : PutFile, RunScript, GetFile.',
        },
        alternateSpellings: [
          {
            spelling: 'commands',
            kind: 'name',
            requestPages: [],
            conflict: {
              en: 'run-live-response.md spells the key "Commands" in both its request-body table and its request example; lower-case "commands" appears only in the returned entity, in the machineAction resource (machineaction.md) and in the response example. The request spelling wins, and "commands" in a request is a wrong letter case.',
              fr: 'run-live-response.md écrit la clé « Commands » à la fois dans son tableau du corps de requête et dans son exemple de requête ; « commands » en minuscules n\'apparaît que dans l\'entité renvoyée, dans la ressource machineAction (machineaction.md) et dans l\'exemple de réponse. La graphie de la requête l\'emporte, et « commands » dans une requête est une erreur de casse.',
            },
          },
        ],
        items: {
          type: 'object',
          properties: [
            {
              name: 'type',
              type: 'string',
              required: true,
              values: ['PutFile', 'RunScript', 'GetFile'],
              description: {
                en:
                  'Command to run. PutFile copies a library file to the device (no result is returned); RunScript runs a library script; GetFile collects a file from the device.',
                fr:
                  'Commande à exécuter. PutFile copie un fichier de la bibliothèque sur l\'appareil (sans résultat renvoyé) ; RunScript exécute un script de la bibliothèque ; GetFile récupère un fichier de l\'appareil.',
              },
            },
            {
              name: 'params',
              type: 'array',
              required: true,
              description: {
                en:
                  'Key/value arguments of the command. PutFile takes FileName; RunScript takes ScriptName and optionally Args; GetFile takes Path.',
                fr:
                  'Arguments clé/valeur de la commande. PutFile prend FileName ; RunScript prend ScriptName et éventuellement Args ; GetFile prend Path.',
              },
              items: {
                type: 'object',
                properties: [
                  {
                    name: 'key',
                    type: 'string',
                    required: true,
                    values: ['FileName', 'ScriptName', 'Args', 'Path'],
                    description: {
                      en:
                        'Argument name: FileName (PutFile, a file from the library), ScriptName (RunScript, a script from the library), Args (RunScript, arguments passed to the script) or Path (GetFile, path of the file on the device).',
                      fr:
                        'Nom de l\'argument : FileName (PutFile, fichier de la bibliothèque), ScriptName (RunScript, script de la bibliothèque), Args (RunScript, arguments transmis au script) ou Path (GetFile, chemin du fichier sur l\'appareil).',
                    },
                    alternateSpellings: [
                      {
                        spelling: 'Key',
                        kind: 'name',
                        requestPages: ['run-live-response'],
                        conflict: {
                          en: 'The Commands table of run-live-response.md writes the pairs as "Key: … Value: …" with capitals, while the request example (and the response example) use lower-case "key". The example wins.',
                          fr: 'Le tableau Commands de run-live-response.md écrit les paires sous la forme « Key: … Value: … », avec des majuscules, alors que l\'exemple de requête (et l\'exemple de réponse) utilisent « key » en minuscules. L\'exemple l\'emporte.',
                        },
                      },
                    ],
                  },
                  {
                    name: 'value',
                    type: 'string',
                    required: true,
                    description: {
                      en:
                        'Argument value. In a GetFile path, backslashes must be escaped in JSON (C:\\\\Windows\\\\…).',
                      fr:
                        'Valeur de l\'argument. Dans un chemin GetFile, les barres obliques inverses doivent être échappées en JSON (C:\\\\Windows\\\\…).',
                    },
                    alternateSpellings: [
                      {
                        spelling: 'Value',
                        kind: 'name',
                        requestPages: ['run-live-response'],
                        conflict: {
                          en: 'The Commands table of run-live-response.md writes the pairs as "Key: … Value: …" with capitals, while the request example (and the response example) use lower-case "value". The example wins.',
                          fr: 'Le tableau Commands de run-live-response.md écrit les paires sous la forme « Key: … Value: … », avec des majuscules, alors que l\'exemple de requête (et l\'exemple de réponse) utilisent « value » en minuscules. L\'exemple l\'emporte.',
                        },
                      },
                    ],
                  },
                ],
              },
            },
          ],
        },
      },
      {
        name: 'Comment',
        type: 'string',
        required: false,
        description: {
          en: 'Free-text comment recorded with the live response action.',
          fr: 'Commentaire en texte libre enregistré avec l\'action de réponse en direct.',
        },
      },
    ],
    docs: `${DOCS}run-live-response`,
    docConflicts: [
      'The HTTP request line writes the path as "/API/machines/{machine_id}/runliveresponse" (upper-case API) while the request example uses "/api/machines/…/runliveresponse"; the lower-case form is kept.',
      'The request-body table marks neither Comment nor Commands as required (every other machine action marks Comment as required). Commands is treated as required because the action has nothing to run without it; Comment is left optional.',
      'The repository revision (ms.date 04/18/2023) allows 25 concurrent sessions and queues a session for up to three days; the published page of December 2025 says 50 sessions and 2 hours. The newer figures are used.',
      'The repository revision shows "HTTP/1.1 200 Ok" in the response example while the text says 201 Created; the newer published page shows 201 Created.',
    ],
  },
  {
    id: 'cancelMachineAction',
    title: { en: 'Cancel machine action', fr: 'Annuler une action sur un appareil' },
    method: 'POST',
    path: '/api/machineactions/{machineactionid}/cancel',
    permissions: {
      application: [
        'Machine.CollectForensics',
        'Machine.Isolate',
        'Machine.RestrictExecution',
        'Machine.Scan',
        'Machine.Offboard',
        'Machine.StopAndQuarantine',
        'Machine.LiveResponse',
      ],
      delegated: [
        'Machine.CollectForensics',
        'Machine.Isolate',
        'Machine.RestrictExecution',
        'Machine.Scan',
        'Machine.Offboard',
        'Machine.StopAndQuarantine',
        'Machine.LiveResponse',
      ],
    },
    rateLimits: STANDARD_RATE,
    limits: {
      en: 'Only actions that have not reached a final state (completed, canceled or failed) can be canceled.',
      fr: 'Seules les actions qui n\'ont pas atteint un état final (terminée, annulée ou en échec) peuvent être annulées.',
    },
    bodyKind: 'json',
    body: [
      {
        name: 'Comment',
        type: 'string',
        required: false,
        description: {
          en: 'Free-text reason recorded with the cancellation.',
          fr: 'Motif en texte libre enregistré avec l\'annulation.',
        },
      },
    ],
    docs: `${DOCS}cancel-machine-action`,
    docConflicts: [
      'The delegated permission cell runs two names together as "Machine.StopAndQuarantineMachine.LiveResponse"; the application cell and the display names show they are Machine.StopAndQuarantine and Machine.LiveResponse, so both are listed.',
      'The path placeholder is written "<machineactionid>" instead of braces; it is rendered here as {machineactionid}.',
      'The request-body table does not mark Comment as required (unlike the other machine actions); it is treated as optional.',
    ],
  },
  {
    id: 'startInvestigation',
    title: { en: 'Start automated investigation', fr: 'Lancer une investigation automatisée' },
    method: 'POST',
    path: '/api/machines/{id}/startInvestigation',
    permissions: { application: ['Alert.ReadWrite.All'], delegated: ['Alert.ReadWrite'] },
    rateLimits: [{ calls: 50, perSeconds: 3600 }],
    limits: {
      en:
        'Automated investigation supports Windows 11, Windows 10 1709 or later (with the listed updates), Windows Server 2019 and later, and Azure Stack HCI OS 23H2 and later. The call returns an Investigation, not a machine action.',
      fr:
        'L\'investigation automatisée prend en charge Windows 11, Windows 10 1709 ou ultérieur (avec les mises à jour indiquées), Windows Server 2019 et ultérieur, ainsi qu\'Azure Stack HCI OS 23H2 et ultérieur. L\'appel renvoie une Investigation, pas une action sur l\'appareil.',
    },
    bodyKind: 'json',
    body: [
      requiredComment(
        'Free-text reason recorded with the investigation.',
        'Motif en texte libre enregistré avec l\'investigation.',
      ),
    ],
    docs: `${DOCS}initiate-autoir-investigation`,
  },
];
