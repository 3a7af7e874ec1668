/**
 * Machine (device) operations of the Defender for Endpoint API that take a JSON body.
 *
 * Facts (names, casing, types, values, permissions, limits) come from the
 * MicrosoftDocs/defender-docs repository, folder `defender-endpoint/api`, cross-checked against
 * the later published Learn pages of the same files. Every description is our own wording.
 * GET-only machine operations (find by IP, find by internal IP, find by tag, …) take no body
 * and are not listed.
 */
import type { OperationSpec, ParameterSpec, RateLimit } from '../types';

const DOCS = 'https://learn.microsoft.com/defender-endpoint/api/';

/** "100 calls per minute and 1500 calls per hour". */
const STANDARD_RATE: readonly RateLimit[] = [
  { calls: 100, perSeconds: 60 },
  { calls: 1500, perSeconds: 3600 },
];

const DEVICE_VALUES: readonly string[] = ['Normal', 'Low', 'High'];

/** `Value` and `Action` shared by the single-machine and multi-machine tag operations. */
const TAG_VALUE: ParameterSpec = {
  name: 'Value',
  type: 'string',
  required: true,
  description: {
    en: 'Name of the tag to add or remove.',
    fr: 'Nom de l\'étiquette à ajouter ou à retirer.',
  },
};

const TAG_ACTION: ParameterSpec = {
  name: 'Action',
  type: 'string',
  required: true,
  values: ['Add', 'Remove'],
  description: {
    en: 'Whether to add the tag ("Add") or remove it ("Remove").',
    fr: 'Indique s\'il faut ajouter l\'étiquette (« Add ») ou la retirer (« Remove »).',
  },
};

export const machineOperations: readonly OperationSpec[] = [
  {
    id: 'addOrRemoveMachineTag',
    title: {
      en: 'Add or remove a machine tag',
      fr: 'Ajouter ou retirer une étiquette d\'un appareil',
    },
    method: 'POST',
    path: '/api/machines/{id}/tags',
    permissions: { application: ['Machine.ReadWrite.All'], delegated: ['Machine.ReadWrite'] },
    rateLimits: STANDARD_RATE,
    limits: {
      en: 'Only machines last seen within the configured data retention period can be updated. One tag per call.',
      fr: 'Seuls les appareils vus pour la dernière fois pendant la période de rétention configurée peuvent être modifiés. Une étiquette par appel.',
    },
    bodyKind: 'json',
    body: [TAG_VALUE, TAG_ACTION],
    docs: `${DOCS}add-or-remove-machine-tags`,
  },
  {
    id: 'addOrRemoveTagForMultipleMachines',
    title: {
      en: 'Add or remove a tag for multiple machines',
      fr: 'Ajouter ou retirer une étiquette sur plusieurs appareils',
    },
    method: 'POST',
    path: '/api/machines/AddOrRemoveTagForMultipleMachines',
    permissions: { application: ['Machine.ReadWrite.All'], delegated: ['Machine.ReadWrite'] },
    rateLimits: STANDARD_RATE,
    limits: {
      en:
        'Up to 500 machines per call. Only machines last seen within the configured data retention period can be updated.',
      fr:
        'Jusqu\'à 500 appareils par appel. Seuls les appareils vus pour la dernière fois pendant la période de rétention configurée peuvent être modifiés.',
    },
    bodyKind: 'json',
    body: [
      TAG_VALUE,
      TAG_ACTION,
      {
        name: 'MachineIds',
        type: 'array',
        required: true,
        maxItems: 500,
        items: { type: 'string' },
        description: {
          en: 'IDs of the machines to tag or untag (at most 500).',
          fr: 'Identifiants des appareils sur lesquels ajouter ou retirer l\'étiquette (500 au maximum).',
        },
      },
    ],
    docs: `${DOCS}add-or-remove-multiple-machine-tags`,
  },
  {
    id: 'setDeviceValue',
    title: { en: 'Set device value', fr: 'Définir la valeur d\'un appareil' },
    method: 'POST',
    path: '/api/machines/{machineId}/setDeviceValue',
    permissions: { application: ['Machine.ReadWrite.All'], delegated: ['Machine.ReadWrite'] },
    rateLimits: STANDARD_RATE,
    limits: {
      en: 'Only devices last seen within the configured data retention period can be updated.',
      fr: 'Seuls les appareils vus pour la dernière fois pendant la période de rétention configurée peuvent être modifiés.',
    },
    bodyKind: 'json',
    body: [
      {
        name: 'DeviceValue',
        type: 'string',
        required: true,
        values: DEVICE_VALUES,
        description: {
          en: 'Business value of the device, used by vulnerability management to weigh its exposure: "Normal", "Low" or "High".',
          fr: 'Valeur métier de l\'appareil, utilisée par la gestion des vulnérabilités pour pondérer son exposition : « Normal », « Low » ou « High ».',
        },
        alternateSpellings: [
          {
            spelling: 'deviceValue',
            kind: 'name',
            requestPages: ['update-machine-method'],
            conflict: {
              en: 'set-device-value.md uses "DeviceValue" in both its request-body table and its request example; the machine resource (machine.md) and the Update machine PATCH body (update-machine-method.md) spell the same property "deviceValue". The page\'s own example wins for this endpoint, and since the page never writes "deviceValue", that spelling is a wrong letter case here.',
              fr: 'set-device-value.md utilise « DeviceValue » à la fois dans son tableau du corps de requête et dans son exemple de requête ; la ressource machine (machine.md) et le corps PATCH de Update machine (update-machine-method.md) écrivent la même propriété « deviceValue ». Pour ce point de terminaison, c\'est l\'exemple de la page elle-même qui l\'emporte, et comme la page n\'écrit jamais « deviceValue », cette graphie est ici une erreur de casse.',
            },
          },
        ],
      },
    ],
    docs: `${DOCS}set-device-value`,
  },
  {
    id: 'updateMachine',
    title: { en: 'Update machine', fr: 'Mettre à jour un appareil' },
    method: 'PATCH',
    path: '/api/machines/{machineId}',
    permissions: { application: ['Machine.ReadWrite.All'], delegated: ['Machine.ReadWrite'] },
    rateLimits: STANDARD_RATE,
    limits: {
      en:
        'Only machineTags and deviceValue can be updated, on machines available in the API. Send only the properties that change; omitted ones keep their values. ' +
        'Include the existing tags in machineTags if they must be kept.',
      fr:
        'Seuls machineTags et deviceValue sont modifiables, sur les appareils disponibles dans l\'API. N\'envoyez que les propriétés qui changent ; celles omises gardent leur valeur. ' +
        'Incluez les étiquettes existantes dans machineTags si elles doivent être conservées.',
    },
    bodyKind: 'json',
    body: [
      {
        name: 'machineTags',
        type: 'array',
        required: false,
        items: { type: 'string' },
        description: {
          en: 'Tags of the machine. Existing tags missing from this list may be replaced, so list every tag to keep.',
          fr: 'Étiquettes de l\'appareil. Les étiquettes existantes absentes de cette liste peuvent être remplacées : listez toutes celles à conserver.',
        },
      },
      {
        name: 'deviceValue',
        type: 'string',
        required: false,
        values: DEVICE_VALUES,
        description: {
          en: 'Business value of the device: "Normal", "Low" or "High" (documented as a nullable enum).',
          fr: 'Valeur métier de l\'appareil : « Normal », « Low » ou « High » (documentée comme énumération pouvant être nulle).',
        },
        alternateSpellings: [
          {
            spelling: 'DeviceValue',
            kind: 'name',
            requestPages: ['set-device-value'],
            conflict: {
              en: 'update-machine-method.md and the machine resource (machine.md) spell the property "deviceValue" in the table and the example; the dedicated Set device value action (set-device-value.md) uses "DeviceValue". The PATCH page\'s own example wins for this endpoint, and since that page never writes "DeviceValue", that spelling is a wrong letter case here.',
              fr: 'update-machine-method.md et la ressource machine (machine.md) écrivent la propriété « deviceValue » dans le tableau et dans l\'exemple ; l\'action dédiée Set device value (set-device-value.md) utilise « DeviceValue ». Pour ce point de terminaison, c\'est l\'exemple de la page PATCH elle-même qui l\'emporte, et comme cette page n\'écrit jamais « DeviceValue », cette graphie est ici une erreur de casse.',
            },
          },
        ],
      },
    ],
    docs: `${DOCS}update-machine-method`,
    docConflicts: [
      'The limitations say an update only appends tags, while the response section says a machineTags list that omits existing tags replaces all of them; the safe reading (list every tag to keep) is given.',
      'The request example is not valid JSON: "Windows 10" "Windows11" lacks a comma between the two array items.',
      'machine.md describes Update machine as "Get the update status of a machine", which does not match this PATCH operation.',
    ],
  },
];
