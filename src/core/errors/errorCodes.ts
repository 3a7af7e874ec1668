/**
 * The error codes documented on the Microsoft Defender for Endpoint docs page
 * "Handling REST API errors" (English and French editions), with guidance.
 *
 * Pure data and helpers: no dependency on `vscode` or the language server.
 *
 * Conventions:
 * - `code` is the exact identifier the API sends in `error.code`. It is never translated, even
 *   where the French page translates or misspells it.
 * - `message` is the documented message template. Placeholders keep the braces and the exact names
 *   each edition of the page uses, so the English template is recognizable from the English page and
 *   the French template from the French page.
 * - `cause` and `action` are our own guidance, written from the page.
 * - English text uses the straight apostrophe, like the English page. French text uses the
 *   typographic apostrophe (’), like the French page, and a plain space before ':', ';' and '?'.
 */
import type { Localized } from '../catalog/types';
import type { FindingCode } from '../findings';

/** 4xx: the client sent an invalid request. 5xx: the server failed temporarily. */
export type ErrorClass = 'client' | 'server';

/** A documented message template and its named placeholders, in order of appearance. */
export interface MessageTemplate {
  readonly text: Localized;
  /** Named placeholders in order, e.g. `['the invalid hash']` in English. */
  readonly placeholders: {
    readonly en: readonly string[];
    readonly fr: readonly string[];
  };
}

/** Our body diagnostics that can pre-empt a server error before the request is sent. */
export type RelatedDiagnostic = FindingCode;

export interface ErrorCodeInfo {
  /** Exact API identifier, e.g. `InvalidHashValue`. */
  readonly code: string;
  /** HTTP status code, e.g. 400. The error class is derived with {@link errorClassOf}. */
  readonly status: number;
  /** HTTP reason phrase as IETF spells it, e.g. `Bad Request`. */
  readonly reason: string;
  /** The documented message template, placeholders kept in braces as each page names them. */
  readonly message: Localized;
  /** What typically causes the error. */
  readonly cause: Localized;
  /** What to do about it. */
  readonly action: Localized;
  /** Codes of our body diagnostics that pre-empt this error. */
  readonly relatedDiagnostics?: readonly RelatedDiagnostic[];
}

/**
 * Notes that apply to every error response. The message-is-free-text reminder lives here rather
 * than in each entry.
 */
export const errorResponseNotes: {
  readonly messageIsFreeText: Localized;
  readonly correlationId: Localized;
  readonly caseSensitiveBody: Localized;
} = {
  messageIsFreeText: {
    en: 'The error message is free text that Microsoft can change at any time. Use it to understand the problem, but make scripts and automation react to the error code only.',
    fr: 'Le message d’erreur est un texte libre que Microsoft peut modifier à tout moment. Servez-vous-en pour comprendre le problème, mais faites réagir vos scripts et automatisations uniquement au code d’erreur.',
  },
  correlationId: {
    en: 'Every error response carries a unique tracking ID in its "target" property. Log it, and include it when you contact Microsoft support about the error.',
    fr: 'Chaque réponse d’erreur contient un identifiant de suivi unique dans sa propriété « target ». Journalisez-le et joignez-le lorsque vous contactez le support Microsoft au sujet de l’erreur.',
  },
  caseSensitiveBody: {
    en: "Body parameter names are case-sensitive: a name with the wrong capitalization is not recognized, which typically surfaces as InvalidRequestBody or MissingRequiredParameter. Compare the names with the operation's docs page; this extension flags wrong casing in the editor.",
    fr: 'Les noms des paramètres du corps respectent la casse : un nom dont les majuscules ou minuscules diffèrent n’est pas reconnu, ce qui se traduit généralement par InvalidRequestBody ou MissingRequiredParameter. Comparez les noms avec la page de documentation de l’opération ; cette extension signale les erreurs de casse dans l’éditeur.',
  },
};

/** General guidance for each error class, for codes without an entry in the table. */
export const errorClassGuidance: Readonly<Record<ErrorClass, Localized>> = {
  client: {
    en: "Client error: the request is invalid or doesn't match the operation's definition. Sending it again unchanged gives the same error; fix the request first.",
    fr: 'Erreur du client : la requête n’est pas valide ou ne correspond pas à la définition de l’opération. La renvoyer telle quelle produit la même erreur ; corrigez d’abord la requête.',
  },
  server: {
    en: 'Server error: the service failed temporarily. Retry the request, waiting longer between attempts (exponential backoff) and giving up after a few tries.',
    fr: 'Erreur du serveur : le service a rencontré une défaillance temporaire. Renvoyez la requête en espaçant de plus en plus les tentatives (backoff exponentiel) et abandonnez après quelques essais.',
  },
};

const bodyCasingAction: Localized = {
  en: "Body parameters are case-sensitive, so compare each name, letter case included, with the request example on the operation's docs page. This extension validates request bodies and marks wrong casing in the editor before you send.",
  fr: 'Les paramètres du corps respectent la casse : comparez chaque nom, majuscules et minuscules comprises, avec l’exemple de requête de la page de documentation de l’opération. Cette extension valide les corps de requête et signale les erreurs de casse dans l’éditeur avant l’envoi.',
};

/** All 20 error codes documented on the page, in the page's order. */
export const errorCodes: readonly ErrorCodeInfo[] = [
  {
    code: 'BadRequest',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: 'General Bad Request error message.',
      fr: 'Message d’erreur de demande incorrecte générale.',
    },
    cause: {
      en: 'The API rejected the request as malformed without giving a more specific code, for example because of an unexpected URL, header or content type.',
      fr: 'L’API a rejeté la requête comme mal formée sans fournir de code plus précis, par exemple à cause d’une URL, d’un en-tête ou d’un type de contenu inattendu.',
    },
    action: {
      en: "Compare the method, URL, headers and body with the operation's docs page, and read the error message for details. Send JSON bodies with `Content-Type: application/json`.",
      fr: 'Comparez la méthode, l’URL, les en-têtes et le corps avec la page de documentation de l’opération, et lisez le message d’erreur pour obtenir des précisions. Envoyez les corps JSON avec `Content-Type: application/json`.',
    },
  },
  {
    code: 'ODataError',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: 'Invalid OData URI query (the specific error is specified).',
      fr: 'Requête URI OData non valide (l’erreur spécifique est spécifiée).',
    },
    cause: {
      en: "An OData query option in the URL ($filter, $top, $skip, $select, $expand, $orderby) is malformed, or uses a property, operator or value the entity doesn't support.",
      fr: 'Une option de requête OData de l’URL ($filter, $top, $skip, $select, $expand, $orderby) est mal formée, ou utilise une propriété, un opérateur ou une valeur que l’entité ne prend pas en charge.',
    },
    action: {
      en: "Read the specific error in the message, then check the query against the operation's OData examples: only documented properties can be filtered, string literals go in single quotes, and the query string must be URL-encoded.",
      fr: 'Lisez l’erreur précise indiquée dans le message, puis comparez la requête avec les exemples OData de l’opération : seules les propriétés documentées peuvent être filtrées, les chaînes littérales s’écrivent entre apostrophes droites et la chaîne de requête doit être encodée pour l’URL.',
    },
  },
  {
    code: 'InvalidInput',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: 'Invalid input {the invalid input}.',
      fr: 'Entrée {l’entrée non valide}.',
    },
    cause: {
      en: "A value in the URL, the query string or the body has the wrong type or isn't one of the accepted values, such as an unknown enumeration value or a malformed ID.",
      fr: 'Une valeur de l’URL, de la chaîne de requête ou du corps n’a pas le bon type ou ne fait pas partie des valeurs acceptées, par exemple une valeur d’énumération inconnue ou un identifiant mal formé.',
    },
    action: {
      en: "Find the value named in the message and check it against the allowed values and types on the operation's docs page. In request bodies, this extension flags wrong types and unknown values in the editor.",
      fr: 'Repérez la valeur citée dans le message et vérifiez-la par rapport aux valeurs et types autorisés sur la page de documentation de l’opération. Dans les corps de requête, cette extension signale les types incorrects et les valeurs inconnues dans l’éditeur.',
    },
    relatedDiagnostics: ['invalid-value', 'wrong-type', 'invalid-format'],
  },
  {
    code: 'InvalidRequestBody',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: 'Invalid request body.',
      fr: 'Corps de la demande non valide.',
    },
    cause: {
      en: "The body isn't valid JSON or doesn't match the operation's definition. A frequent cause is a parameter name with the wrong capitalization, which the API doesn't recognize.",
      fr: 'Le corps n’est pas du JSON valide ou ne correspond pas à la définition de l’opération. Une cause fréquente est un nom de paramètre dont la casse est incorrecte, que l’API ne reconnaît pas.',
    },
    action: bodyCasingAction,
    relatedDiagnostics: [
      'wrong-case',
      'unknown-parameter',
      'invalid-json',
      'wrong-type',
      'invalid-value',
      'duplicate-key',
    ],
  },
  {
    code: 'InvalidHashValue',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: 'Hash value {the invalid hash} is invalid.',
      fr: 'La valeur de hachage {le hachage non valide} n’est pas valide.',
    },
    cause: {
      en: "The file hash has the wrong length, contains non-hexadecimal characters or spaces, or is of a hash type the operation doesn't accept (some actions take SHA-1 only).",
      fr: 'Le hachage de fichier n’a pas la bonne longueur, contient des caractères non hexadécimaux ou des espaces, ou est d’un type que l’opération n’accepte pas (certaines actions n’acceptent que SHA-1).',
    },
    action: {
      en: 'Send the bare hexadecimal digest: 40 characters for SHA-1, 64 for SHA-256, 32 for MD5 where accepted. This extension checks hash formats in request bodies.',
      fr: 'Envoyez uniquement l’empreinte hexadécimale : 40 caractères pour SHA-1, 64 pour SHA-256, 32 pour MD5 lorsqu’il est accepté. Cette extension vérifie le format des hachages dans les corps de requête.',
    },
    relatedDiagnostics: ['invalid-format'],
  },
  {
    code: 'InvalidDomainName',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: 'Domain name {the invalid domain} is invalid.',
      fr: 'Le nom de domaine {le domaine non valide} n’est pas valide.',
    },
    cause: {
      en: "The value isn't a valid domain name, typically because it includes a scheme, a path, a port, a wildcard or characters not allowed in host names.",
      fr: 'La valeur n’est pas un nom de domaine valide, généralement parce qu’elle contient un schéma, un chemin, un port, un caractère générique ou des caractères interdits dans un nom d’hôte.',
    },
    action: {
      en: 'Send the bare host name, such as `contoso.com`. For a full address with a path, use a URL instead. This extension checks domain formats in request bodies.',
      fr: 'Envoyez uniquement le nom d’hôte, par exemple `contoso.com`. Pour une adresse complète avec un chemin, utilisez plutôt une URL. Cette extension vérifie le format des domaines dans les corps de requête.',
    },
    relatedDiagnostics: ['invalid-format'],
  },
  {
    code: 'InvalidIpAddress',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: 'IP address {the invalid IP} is invalid.',
      fr: 'L’adresse IP {l’adresse IP non valide} n’est pas valide.',
    },
    cause: {
      en: "The value isn't a single valid IPv4 or IPv6 address, for example a CIDR block, a range, an address with a port, or a typo.",
      fr: 'La valeur n’est pas une adresse IPv4 ou IPv6 unique et valide : par exemple un bloc CIDR, une plage, une adresse suivie d’un port ou une faute de frappe.',
    },
    action: {
      en: 'Send one address per value, without prefix length or port; split ranges into individual addresses. This extension checks IP formats in request bodies.',
      fr: 'Envoyez une seule adresse par valeur, sans longueur de préfixe ni port ; décomposez les plages en adresses individuelles. Cette extension vérifie le format des adresses IP dans les corps de requête.',
    },
    relatedDiagnostics: ['invalid-format'],
  },
  {
    code: 'InvalidUrl',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: 'URL {the invalid URL} is invalid.',
      fr: 'L’URL {l’URL non valide} n’est pas valide.',
    },
    cause: {
      en: "The value isn't a well-formed URL, for example because of spaces, characters that should be percent-encoded, or a malformed host.",
      fr: 'La valeur n’est pas une URL bien formée, par exemple à cause d’espaces, de caractères qui devraient être encodés en pourcentage ou d’un hôte mal formé.',
    },
    action: {
      en: 'Send a well-formed URL such as `https://contoso.com/path`, percent-encoding special characters. For a bare host name, use a domain instead. This extension checks URL formats in request bodies.',
      fr: 'Envoyez une URL bien formée, par exemple `https://contoso.com/path`, en encodant les caractères spéciaux en pourcentage. Pour un simple nom d’hôte, utilisez plutôt un domaine. Cette extension vérifie le format des URL dans les corps de requête.',
    },
    relatedDiagnostics: ['invalid-format'],
  },
  {
    // The French page spells this code 'MaximumBatchSizeExceededed'; the API sends
    // 'MaximumBatchSizeExceeded', and codes are never translated.
    code: 'MaximumBatchSizeExceeded',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: 'Maximum batch size exceeded. Received: {batch size received}, allowed: {batch size allowed}.',
      fr: 'Taille de lot maximale dépassée. Reçu : {taille de lot reçue}, autorisé : {taille de lot autorisée}.',
    },
    cause: {
      en: 'A single request carries more items than the operation accepts, such as too many indicators or IDs in one batch call.',
      fr: 'Une seule requête contient plus d’éléments que l’opération n’en accepte, par exemple trop d’indicateurs ou d’identifiants dans un même appel par lot.',
    },
    action: {
      en: 'Split the items into several requests, each no larger than the allowed size stated in the message, and pace them to stay within the rate limits. This extension flags arrays longer than the documented maximum.',
      fr: 'Répartissez les éléments sur plusieurs requêtes, chacune ne dépassant pas la taille autorisée indiquée dans le message, et espacez-les pour respecter les limites de débit. Cette extension signale les tableaux plus longs que le maximum documenté.',
    },
    relatedDiagnostics: ['batch-too-large'],
  },
  {
    code: 'MissingRequiredParameter',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: 'Parameter {the missing parameter} is missing.',
      fr: 'Le paramètre {le paramètre manquant} est manquant.',
    },
    cause: {
      en: "A required parameter is absent. Often it is present but with different capitalization (for example `comment` where the docs spell `Comment`), and the API doesn't match it.",
      fr: 'Un paramètre obligatoire est absent. Souvent, il est bien présent mais avec une casse différente (par exemple `comment` alors que la documentation écrit `Comment`), et l’API ne le reconnaît pas.',
    },
    action: {
      en: 'Add the parameter named in the message, spelt exactly as documented. ' + bodyCasingAction.en,
      fr: 'Ajoutez le paramètre cité dans le message, orthographié exactement comme dans la documentation. ' + bodyCasingAction.fr,
    },
    relatedDiagnostics: ['missing-required', 'wrong-case', 'unknown-parameter'],
  },
  {
    code: 'OsPlatformNotSupported',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: "OS Platform {the client OS Platform} isn't supported for this action.",
      fr: 'La plateforme du système d’exploitation {la plateforme du système d’exploitation client} n’est pas prise en charge pour cette action.',
    },
    cause: {
      en: "The action isn't available on the target device's operating system or OS version; several response actions support only some platforms.",
      fr: 'L’action n’est pas disponible pour le système d’exploitation ou la version du système de l’appareil cible ; plusieurs actions de réponse ne prennent en charge que certaines plateformes.',
    },
    action: {
      en: "Check the device's `osPlatform` (GET the machine) against the supported platforms on the action's docs page. In automation, filter out unsupported devices or use another action for them.",
      fr: 'Comparez la propriété `osPlatform` de l’appareil (obtenue avec un GET sur la machine) avec les plateformes prises en charge indiquées sur la page de documentation de l’action. Dans vos automatisations, excluez les appareils non pris en charge ou utilisez une autre action pour eux.',
    },
  },
  {
    code: 'ClientVersionNotSupported',
    status: 400,
    reason: 'Bad Request',
    message: {
      en: '{The requested action} is supported on client version {supported client version} and above.',
      fr: '{L’action demandée} est prise en charge sur la version du client {version du client prise en charge} et les versions ultérieures.',
    },
    cause: {
      en: 'The Defender for Endpoint sensor on the device is older than the version the action requires.',
      fr: 'Le capteur Defender pour point de terminaison de l’appareil est plus ancien que la version requise par l’action.',
    },
    action: {
      en: "Update the device's Defender client to at least the version in the message; the machine's `agentVersion` shows the current one. Until then, exclude the device from the action.",
      fr: 'Mettez à jour le client Defender de l’appareil au moins vers la version indiquée dans le message ; la propriété `agentVersion` de la machine donne la version actuelle. En attendant, excluez l’appareil de l’action.',
    },
  },
  {
    // The French page translates this code as 'Non autorisé (Unauthorized)'; the API sends 'Unauthorized'.
    code: 'Unauthorized',
    status: 401,
    reason: 'Unauthorized',
    message: {
      en: 'Unauthorized (invalid or expired authorization header).',
      fr: 'Non autorisé (en-tête d’autorisation non valide ou expiré).',
    },
    cause: {
      en: 'The `Authorization` header is missing or malformed, the access token has expired, or the token was issued for another resource (audience) or tenant.',
      fr: 'L’en-tête `Authorization` est absent ou mal formé, le jeton d’accès a expiré, ou le jeton a été émis pour une autre ressource (audience) ou un autre locataire.',
    },
    action: {
      en: 'Acquire a fresh token for the Defender for Endpoint API (for example the `https://api.securitycenter.microsoft.com/.default` scope) and send it as `Authorization: Bearer <token>`. Decode the token to check its `aud`, `tid` and `exp` claims, and renew it before it expires.',
      fr: 'Obtenez un nouveau jeton pour l’API Defender pour point de terminaison (par exemple avec l’étendue `https://api.securitycenter.microsoft.com/.default`) et envoyez-le sous la forme `Authorization: Bearer <jeton>`. Décodez le jeton pour vérifier ses revendications `aud`, `tid` et `exp`, et renouvelez-le avant son expiration.',
    },
  },
  {
    // The French page translates this code as 'Interdit (Forbidden)'; the API sends 'Forbidden'.
    code: 'Forbidden',
    status: 403,
    reason: 'Forbidden',
    message: {
      en: 'Forbidden (valid token but insufficient permission for the action).',
      fr: 'Interdit (jeton valide mais autorisation insuffisante pour l’action).',
    },
    cause: {
      en: "The token is valid but doesn't carry the permission the operation requires: the API permission isn't granted to the app, admin consent is missing, or, with delegated access, the user lacks the matching role or access to the device's group.",
      fr: 'Le jeton est valide mais ne porte pas l’autorisation requise par l’opération : l’autorisation d’API n’est pas accordée à l’application, le consentement administrateur manque ou, en accès délégué, l’utilisateur n’a pas le rôle correspondant ou l’accès au groupe de l’appareil.',
    },
    action: {
      en: "Look up the permission in the operation's docs page, add it to the app registration's API permissions and grant admin consent. Then request a new token: permissions only appear in the `roles` (application) or `scp` (delegated) claim of tokens issued afterwards.",
      fr: 'Recherchez l’autorisation requise sur la page de documentation de l’opération, ajoutez-la aux autorisations d’API de l’inscription d’application et accordez le consentement administrateur. Demandez ensuite un nouveau jeton : les autorisations n’apparaissent dans la revendication `roles` (application) ou `scp` (délégué) que des jetons émis après.',
    },
  },
  {
    code: 'DisabledFeature',
    status: 403,
    reason: 'Forbidden',
    message: {
      en: "Tenant feature isn't enabled.",
      fr: 'La fonctionnalité de locataire n’est pas activée.',
    },
    cause: {
      en: 'The operation depends on a feature that is turned off for your tenant, such as live response or custom network indicators.',
      fr: 'L’opération dépend d’une fonctionnalité désactivée pour votre locataire, comme la réponse en direct ou les indicateurs réseau personnalisés.',
    },
    action: {
      en: 'Ask a security administrator to turn the feature on in the Microsoft Defender portal (Settings > Endpoints > Advanced features), and check that your license includes it. Retrying before that changes nothing.',
      fr: 'Demandez à un administrateur de la sécurité d’activer la fonctionnalité dans le portail Microsoft Defender (Paramètres > Points de terminaison > Fonctionnalités avancées) et vérifiez que votre licence l’inclut. Réessayer avant cela ne change rien.',
    },
  },
  {
    code: 'DisallowedOperation',
    status: 403,
    reason: 'Forbidden',
    message: {
      en: '{the disallowed operation and the reason}.',
      fr: '{l’opération non autorisée et la raison}.',
    },
    cause: {
      en: "The request is well formed and authorized, but the operation isn't allowed in the current state, for example because of a conflicting action already pending on the device.",
      fr: 'La requête est bien formée et autorisée, mais l’opération n’est pas permise dans l’état actuel, par exemple parce qu’une action concurrente est déjà en attente sur l’appareil.',
    },
    action: {
      en: "Read the reason in the message and resolve it first, for example wait for or cancel the pending machine action. Don't retry the same request blindly: it fails the same way until the situation changes.",
      fr: 'Lisez la raison indiquée dans le message et réglez-la d’abord, par exemple en attendant la fin de l’action en attente sur la machine ou en l’annulant. Ne renvoyez pas la même requête à l’aveugle : elle échouera de la même façon tant que la situation n’aura pas changé.',
    },
  },
  {
    code: 'NotFound',
    status: 404,
    reason: 'Not Found',
    message: {
      en: 'General Not Found error message.',
      // The French page capitalises "Général"; fixed here.
      fr: 'Message d’erreur général introuvable.',
    },
    cause: {
      en: "The URL doesn't match any endpoint: a typo in the path, a wrong base URL or regional host, or a method the path doesn't support.",
      fr: 'L’URL ne correspond à aucun point de terminaison : faute de frappe dans le chemin, URL de base ou hôte régional incorrect, ou méthode non prise en charge par ce chemin.',
    },
    action: {
      en: "Compare the method, base URL and path with the operation's docs page.",
      fr: 'Comparez la méthode, l’URL de base et le chemin avec la page de documentation de l’opération.',
    },
  },
  {
    code: 'ResourceNotFound',
    status: 404,
    reason: 'Not Found',
    message: {
      en: "Resource {the requested resource} wasn't found.",
      fr: 'La ressource {la ressource demandée} est introuvable.',
    },
    cause: {
      en: "The endpoint exists but the entity ID doesn't: it is mistyped, stale, belongs to another tenant, or isn't the kind of ID the API expects.",
      fr: 'Le point de terminaison existe mais pas l’identifiant de l’entité : il est mal saisi, obsolète, appartient à un autre locataire ou n’est pas le type d’identifiant attendu par l’API.',
    },
    action: {
      en: 'Check the ID, for example by listing the collection with a `$filter`. Machine IDs are Defender device IDs, not computer names or Microsoft Entra device IDs.',
      fr: 'Vérifiez l’identifiant, par exemple en listant la collection avec un `$filter`. Les identifiants de machine sont les identifiants d’appareil Defender, et non les noms d’ordinateur ni les identifiants d’appareil Microsoft Entra.',
    },
  },
  {
    code: 'TooManyRequests',
    status: 429,
    reason: 'Too Many Requests',
    message: {
      en: 'Response represents reaching quota limit either by number of requests or by CPU.',
      fr: 'La réponse représente l’atteinte de la limite de quota en fonction du nombre de demandes ou du processeur.',
    },
    cause: {
      en: 'You exceeded the quota of this API, which is counted per API either by the number of calls in a time window or by the CPU your requests consumed.',
      fr: 'Vous avez dépassé le quota de cette API, qui est compté par API, soit en nombre d’appels sur une période donnée, soit en temps processeur consommé par vos requêtes.',
    },
    action: {
      en: 'Wait the number of seconds given in the `Retry-After` response header before sending again; resubmitting earlier only returns more 429 responses and prolongs the throttling. Then pace your calls to stay within the rate limit.',
      fr: 'Attendez le nombre de secondes indiqué par l’en-tête de réponse `Retry-After` avant de renvoyer la requête ; un envoi anticipé ne produit que d’autres réponses 429 et prolonge la limitation. Espacez ensuite vos appels pour rester sous la limite de débit.',
    },
  },
  {
    code: 'InternalServerError',
    status: 500,
    reason: 'Internal Server Error',
    message: {
      en: '(No error message, retry the operation.)',
      fr: '(Aucun message d’erreur, réessayez l’opération.)',
    },
    cause: {
      en: 'The service failed temporarily while processing the request.',
      fr: 'Le service a rencontré une défaillance temporaire pendant le traitement de la requête.',
    },
    action: {
      en: 'Retry the request with exponential backoff and a limited number of attempts. If it keeps failing, contact Microsoft support with the ID from the "target" property of the response.',
      fr: 'Renvoyez la requête avec un backoff exponentiel et un nombre limité de tentatives. Si l’erreur persiste, contactez le support Microsoft en indiquant l’identifiant de la propriété « target » de la réponse.',
    },
  },
];

const byCode: ReadonlyMap<string, ErrorCodeInfo> = new Map(errorCodes.map((e) => [e.code, e]));

/** The entry for an API error code, by exact (case-sensitive) match. */
export function findErrorCode(code: string): ErrorCodeInfo | undefined {
  return byCode.get(code);
}

/** `client` for 4xx, `server` for 5xx, `undefined` for anything else. */
export function errorClassOf(status: number): ErrorClass | undefined {
  if (!Number.isInteger(status)) {return undefined;}
  if (status >= 400 && status <= 499) {return 'client';}
  if (status >= 500 && status <= 599) {return 'server';}
  return undefined;
}

/**
 * Reason phrases for the statuses in the table and other common ones, so that an unknown code with
 * a known status can still be described. English follows RFC 9110 / RFC 6585.
 */
export const reasonPhrases: Readonly<Record<number, Localized>> = {
  400: { en: 'Bad Request', fr: 'Requête incorrecte' },
  401: { en: 'Unauthorized', fr: 'Non autorisé' },
  403: { en: 'Forbidden', fr: 'Interdit' },
  404: { en: 'Not Found', fr: 'Introuvable' },
  405: { en: 'Method Not Allowed', fr: 'Méthode non autorisée' },
  409: { en: 'Conflict', fr: 'Conflit' },
  413: { en: 'Content Too Large', fr: 'Contenu trop volumineux' },
  415: { en: 'Unsupported Media Type', fr: 'Type de média non pris en charge' },
  429: { en: 'Too Many Requests', fr: 'Trop de requêtes' },
  500: { en: 'Internal Server Error', fr: 'Erreur interne du serveur' },
  502: { en: 'Bad Gateway', fr: 'Passerelle incorrecte' },
  503: { en: 'Service Unavailable', fr: 'Service indisponible' },
  504: { en: 'Gateway Timeout', fr: 'Délai d’attente de la passerelle dépassé' },
};

/** The `{...}` placeholder names of a template, in order. */
export function placeholdersOf(template: string): string[] {
  return Array.from(template.matchAll(/\{([^{}]+)\}/g), (m) => m[1]);
}

/** The message template of an entry with its placeholders in both languages. */
export function messageTemplateOf(info: ErrorCodeInfo): MessageTemplate {
  return {
    text: info.message,
    placeholders: { en: placeholdersOf(info.message.en), fr: placeholdersOf(info.message.fr) },
  };
}
