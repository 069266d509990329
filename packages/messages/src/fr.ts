// The French catalogue, key for key like en.ts (catalogue.test.ts fails on a missing key). French
// typography: a no-break space (\u00a0) before : ; ! ? and inside « guillemets », written as escapes
// because it is invisible in an editor. French plurals need _one, _many (1 000 000) and _other.
// A channel is « compte » in French, never « canal ».
import { frErrors, frFieldReasons } from './fr-errors';

export const fr = {
  errors: {
    ...frErrors,
    code: {
      bad_request: 'La requête n’est pas valide.',
      validation_failed: 'Certains champs de la requête ne sont pas valides.',
      unauthenticated: 'Connectez-vous ou envoyez un jeton d’API.',
      forbidden: 'Votre rôle ne permet pas de faire cela.',
      not_found: 'Introuvable.',
      conflict: 'Cela contredit l’état actuel\u00a0: rechargez et réessayez.',
      precondition_required: 'Indiquez la version que vous avez lue (If-Match ou body.version).',
      unprocessable: 'La requête ne peut pas être exécutée telle quelle.',
      limit_reached: 'Une limite est atteinte.',
      rate_limited: 'Trop de requêtes, ralentissez.',
      payload_too_large: 'La requête est trop volumineuse.',
      shutting_down: 'Le serveur redémarre\u00a0: réessayez dans un instant.',
      internal: 'Erreur interne',
      unsupported_media_type: 'Ce type de contenu n’est pas accepté.',
      uri_too_long: 'L’adresse est trop longue.',
      method_not_allowed: 'Cette méthode n’est pas permise ici.',
      not_acceptable: 'Aucune réponse dans un format acceptable.',
      request_timeout: 'La requête a mis trop de temps à arriver.',
      headers_too_large: 'Les en-têtes de la requête sont trop volumineux.',
    },
    notFound: {
      account: 'Compte utilisateur introuvable',
      api_token: 'Jeton d’API introuvable',
      campaign: 'Campagne introuvable',
      channel: 'Compte introuvable',
      charter_version: 'Version de la charte introuvable',
      delivery: 'Envoi introuvable',
      feed: 'Flux introuvable',
      ics_feed: 'Flux ICS introuvable',
      inbox_item: 'Message de la boîte de réception introuvable',
      invitation: 'Invitation introuvable',
      media_item: 'Média introuvable',
      media_thumbnail: 'Miniature introuvable',
      member: 'Membre introuvable',
      post: 'Publication introuvable',
      reply: 'Réponse introuvable',
      revision: 'Version de la publication introuvable',
      route: 'Aucune route {{method}} {{path}}',
      saved_reply: 'Réponse enregistrée introuvable',
      target: 'Destination de publication introuvable',
      webhook: 'Webhook introuvable',
      workspace: 'Espace de travail introuvable',
    },
    auth: {
      signInFirst: 'Connectez-vous d’abord',
      signInOrToken: 'Connectez-vous ou envoyez un jeton d’API',
      bearerFormat: 'L’en-tête Authorization doit être «\u00a0Bearer <jeton>\u00a0»',
      tokenInvalid: 'Le jeton d’API est invalide ou révoqué',
      csrf: 'En-tête X-CSRF-Token absent ou erroné',
      peopleOnly: 'Cette route est réservée aux personnes, pas aux jetons d’API',
      noTokens: 'Un jeton d’API ne peut pas faire cela\u00a0; connectez-vous en personne',
      roleTooLow: 'Il faut le rôle $t(roles.{{requiredRole}}) ou plus\u00a0; vous êtes $t(roles.{{role}})',
      wrongPassword: 'Adresse e-mail ou mot de passe erroné',
      currentPasswordWrong: 'Le mot de passe actuel est erroné',
    },
    workflow: {
      ownContent: 'Vous avez écrit une partie de ce contenu\u00a0: quelqu’un d’autre doit l’approuver',
      tokensCannotApprove: 'Les approbations viennent de personnes, pas de jetons d’API',
      charterBlocks: 'La charte bloque cette action\u00a0: corrigez d’abord les infractions',
      inThePast:
        '{{local}} ({{timezone}}) est dans le passé\u00a0: choisissez une heure plus tardive ou publiez maintenant',
      changedWhileSaving: 'Cette publication a changé pendant l’enregistrement\u00a0: rechargez-la',
      publishingStarted: 'La publication a commencé\u00a0: elle ne peut plus être modifiée',
    },
    members: {
      lastOwner: 'Un espace de travail a besoin d’au moins un propriétaire',
      alreadyMember: 'Cette personne est déjà membre',
    },
    rateLimited: 'Trop de requêtes, ralentissez',
    alreadyExists: 'Cela existe déjà',
    valueMalformed: 'Une valeur de la requête est hors limites ou mal formée',
  },
  roles: { owner: 'propriétaire', manager: 'responsable', editor: 'rédacteur', viewer: 'lecteur' },
  validation: {
    required: 'Le champ «\u00a0{{field}}\u00a0» est obligatoire.',
    invalid_type: 'Le champ «\u00a0{{field}}\u00a0» n’a pas le bon type (attendu\u00a0: {{expected}}).',
    invalid_uuid: 'Le champ «\u00a0{{field}}\u00a0» n’est pas un identifiant valide (UUID).',
    invalid_email: 'Le champ «\u00a0{{field}}\u00a0» n’est pas une adresse e-mail valide.',
    invalid_url: 'Le champ «\u00a0{{field}}\u00a0» n’est pas une URL valide.',
    invalid_datetime:
      'Le champ «\u00a0{{field}}\u00a0» n’est pas une date et heure ISO 8601 (2026-05-01T09:30:00Z).',
    invalid_date: 'Le champ «\u00a0{{field}}\u00a0» n’est pas une date ISO 8601 (2026-05-01).',
    invalid_format: 'Le champ «\u00a0{{field}}\u00a0» n’a pas le format attendu.',
    too_short_one: 'Le champ «\u00a0{{field}}\u00a0» demande au moins {{count, number}} caractère.',
    too_short_many: 'Le champ «\u00a0{{field}}\u00a0» demande au moins {{count, number}} caractères.',
    too_short_other: 'Le champ «\u00a0{{field}}\u00a0» demande au moins {{count, number}} caractères.',
    too_long_one: 'Le champ «\u00a0{{field}}\u00a0» compte au plus {{count, number}} caractère.',
    too_long_many: 'Le champ «\u00a0{{field}}\u00a0» compte au plus {{count, number}} caractères.',
    too_long_other: 'Le champ «\u00a0{{field}}\u00a0» compte au plus {{count, number}} caractères.',
    too_few_one: 'Le champ «\u00a0{{field}}\u00a0» demande au moins {{count, number}} élément.',
    too_few_many: 'Le champ «\u00a0{{field}}\u00a0» demande au moins {{count, number}} éléments.',
    too_few_other: 'Le champ «\u00a0{{field}}\u00a0» demande au moins {{count, number}} éléments.',
    too_many_one: 'Le champ «\u00a0{{field}}\u00a0» accepte au plus {{count, number}} élément.',
    too_many_many: 'Le champ «\u00a0{{field}}\u00a0» accepte au plus {{count, number}} éléments.',
    too_many_other: 'Le champ «\u00a0{{field}}\u00a0» accepte au plus {{count, number}} éléments.',
    too_small: 'Le champ «\u00a0{{field}}\u00a0» vaut au moins {{limit, number}}.',
    too_big: 'Le champ «\u00a0{{field}}\u00a0» vaut au plus {{limit, number}}.',
    not_one_of: 'Le champ «\u00a0{{field}}\u00a0» doit valoir {{values, list(type: disjunction)}}.',
    unknown_field: 'Le champ «\u00a0{{field}}\u00a0» n’est pas un champ connu.',
    invalid: 'Le champ «\u00a0{{field}}\u00a0» n’est pas valide.',
    // The detail is a sentence of the API's own rules, in English only: French readers do without.
    invalid_because: 'Le champ «\u00a0{{field}}\u00a0» n’est pas valide.',
    body_too_large: 'Le corps de la requête est trop volumineux pour ce serveur.',
    body_not_json: 'Le corps de la requête doit être envoyé en application/json.',
    body_empty: 'Le corps de la requête est vide\u00a0; un corps JSON est obligatoire.',
    body_invalid_json: 'Le corps de la requête n’est pas du JSON valide.',
    content_length: 'L’en-tête Content-Length ne correspond pas au corps.',
    param_too_long: 'Un segment du chemin dépasse 100 caractères.',
    bad_url: 'L’adresse n’est pas une URL valide (encodage en pourcentage erroné).',
    ...frFieldReasons,
  },
  charter: {
    rules: {
      bannedPhrases: 'Expressions interdites',
      requiredHashtags: 'Hashtags obligatoires',
      forbiddenHashtags: 'Hashtags interdits',
      maxHashtags: 'Nombre maximal de hashtags',
      maxMentions: 'Nombre maximal de mentions',
      maxEmoji: 'Nombre maximal d’émojis',
      maxLength: 'Longueur maximale',
      link: 'Liens',
      postingWindows: 'Créneaux de publication',
      blackoutDates: 'Périodes sans publication',
      maxPostsPerDay: 'Publications par jour',
      maxPostsPerWeek: 'Publications par semaine',
      minSpacingMinutes: 'Écart entre publications',
      altText: 'Descriptions des médias',
      campaign: {
        bannedPhrases: 'Expressions interdites par la campagne',
        requiredHashtags: 'Hashtags de la campagne',
        link: 'Liens de la campagne',
      },
      network: {
        maxLength: 'Longueur maximale du réseau',
        maxBytes: 'Taille maximale du réseau',
        maxHashtags: 'Hashtags autorisés par le réseau',
        maxMentions: 'Mentions autorisées par le réseau',
        maxLinks: 'Liens autorisés par le réseau',
        mediaRequired: 'Média exigé par le réseau',
        maxMedia: 'Pièces jointes autorisées par le réseau',
        mediaKind: 'Types de médias acceptés par le réseau',
        videoAlone: 'Vidéo seule',
        mediaBytes: 'Poids maximal des fichiers du réseau',
        mediaAspect: 'Proportions d’image du réseau',
        videoLength: 'Durée de vidéo du réseau',
      },
      schedule: { timezone: 'Fuseau horaire de l’espace de travail', invalidDate: 'Heure de publication' },
      checker: { tooCostly: 'Vérification trop coûteuse', failed: 'Vérification impossible' },
    },
    sources: { charter: 'la charte', campaign: 'la campagne' },
    kinds: { image: 'les images', video: 'les vidéos', gif: 'les GIF' },
    things: { hashtags: 'hashtags', mentions: 'mentions', links: 'liens', emoji: 'émojis' },
    checkTooCostly:
      'Ces textes sont trop longs pour être vérifiés ensemble\u00a0; raccourcissez-les ou utilisez moins de versions différentes.',
    checkFailed: 'Ce message n’a pas pu être vérifié\u00a0; réessayez ou contactez le support.',
    networkLength_one:
      'Ce message fait {{count, number}} caractère sur {{network, network}}, au-delà de sa limite de {{max, number}}.',
    networkLength_many:
      'Ce message fait {{count, number}} caractères sur {{network, network}}, au-delà de sa limite de {{max, number}}.',
    networkLength_other:
      'Ce message fait {{count, number}} caractères sur {{network, network}}, au-delà de sa limite de {{max, number}}.',
    networkBytes_one:
      'Ce message occupe {{count, number}} octet sur {{network, network}}, au-delà de sa limite de {{max, number}}\u00a0; utilisez moins d’émojis.',
    networkBytes_many:
      'Ce message occupe {{count, number}} octets sur {{network, network}}, au-delà de sa limite de {{max, number}}\u00a0; utilisez moins d’émojis.',
    networkBytes_other:
      'Ce message occupe {{count, number}} octets sur {{network, network}}, au-delà de sa limite de {{max, number}}\u00a0; utilisez moins d’émojis.',
    mediaRequired: '{{network, network}} exige au moins une image ou une vidéo.',
    mediaCount_one:
      '{{network, network}} accepte au plus {{max, number}} pièces jointes\u00a0; ce message en a {{count, number}}.',
    mediaCount_many:
      '{{network, network}} accepte au plus {{max, number}} pièces jointes\u00a0; ce message en a {{count, number}}.',
    mediaCount_other:
      '{{network, network}} accepte au plus {{max, number}} pièces jointes\u00a0; ce message en a {{count, number}}.',
    mediaKind: '{{network, network}} n’accepte pas $t(charter.kinds.{{kind}}).',
    mediaBytes:
      'Trop lourd pour {{network, network}} ({{bytes, megabytes}}\u00a0Mo > {{max, megabytes}}\u00a0Mo).',
    mediaAspect:
      '{{network, network}} exige des images entre {{min, ratio}} et {{max, ratio}} (largeur sur hauteur).',
    videoLength_one:
      '{{network, network}} accepte des vidéos de {{max, number}}\u00a0s au plus\u00a0; celle-ci dure {{count, number}}\u00a0s.',
    videoLength_many:
      '{{network, network}} accepte des vidéos de {{max, number}}\u00a0s au plus\u00a0; celle-ci dure {{count, number}}\u00a0s.',
    videoLength_other:
      '{{network, network}} accepte des vidéos de {{max, number}}\u00a0s au plus\u00a0; celle-ci dure {{count, number}}\u00a0s.',
    altTextMissing: 'Cette pièce jointe n’a pas de description (texte alternatif).',
    videoAlone: 'Sur {{network, network}}, une vidéo ou un GIF doit être la seule pièce jointe.',
    networkCount_one:
      '{{network, network}} accepte au plus {{max, number}} $t(charter.things.{{what}}) par message\u00a0; celui-ci en a {{count, number}}.',
    networkCount_many:
      '{{network, network}} accepte au plus {{max, number}} $t(charter.things.{{what}}) par message\u00a0; celui-ci en a {{count, number}}.',
    networkCount_other:
      '{{network, network}} accepte au plus {{max, number}} $t(charter.things.{{what}}) par message\u00a0; celui-ci en a {{count, number}}.',
    bannedPhrase:
      '«\u00a0{{phrase}}\u00a0» fait partie des expressions interdites par $t(charter.sources.{{source}}).',
    missingHashtags:
      'Ajoutez les hashtags qu’exige $t(charter.sources.{{source}})\u00a0: {{tags, hashtags}}.',
    missingOneOfHashtags:
      'Ajoutez l’un des hashtags que demande $t(charter.sources.{{source}})\u00a0: {{tags, hashtags(type: disjunction)}}.',
    forbiddenHashtag: 'La charte interdit le hashtag #{{tag}}.',
    tooMany_one:
      'Ce message contient {{count, number}} $t(charter.things.{{what}})\u00a0; la charte en autorise {{max, number}}.',
    tooMany_many:
      'Ce message contient {{count, number}} $t(charter.things.{{what}})\u00a0; la charte en autorise {{max, number}}.',
    tooMany_other:
      'Ce message contient {{count, number}} $t(charter.things.{{what}})\u00a0; la charte en autorise {{max, number}}.',
    charterLength_one:
      'Ce message fait {{count, number}} caractère\u00a0; la charte en autorise {{max, number}} sur {{network, network}}.',
    charterLength_many:
      'Ce message fait {{count, number}} caractères\u00a0; la charte en autorise {{max, number}} sur {{network, network}}.',
    charterLength_other:
      'Ce message fait {{count, number}} caractères\u00a0; la charte en autorise {{max, number}} sur {{network, network}}.',
    linkRequired: 'Ajoutez un lien\u00a0: $t(charter.sources.{{source}}) l’exige.',
    linkForbidden: 'Retirez ce lien\u00a0: $t(charter.sources.{{source}}) interdit les liens.',
    linkDomain:
      'Ce lien mène à {{host}}\u00a0; $t(charter.sources.{{source}}) n’autorise que {{domains, list(type: disjunction)}}.',
    linkUtm:
      'Il manque à ce lien les paramètres de suivi qu’exige $t(charter.sources.{{source}})\u00a0: {{missing, list}}.',
    noPostingOnDay: 'La charte n’autorise aucune publication le {{weekday, weekday}}.',
    outsideWindows:
      'Programmé le {{weekday, weekday}} à {{time}}, hors des créneaux de publication ({{windows, list}}).',
    blackout: 'Le {{day, day}} tombe pendant une période sans publication.',
    blackoutWithReason: 'Le {{day, day}} tombe pendant une période sans publication ({{reason}}).',
    perDay_one:
      'Ce compte aurait {{count, number}} publication le {{day, day}}\u00a0; la charte en autorise {{max, number}} par jour.',
    perDay_many:
      'Ce compte aurait {{count, number}} publications le {{day, day}}\u00a0; la charte en autorise {{max, number}} par jour.',
    perDay_other:
      'Ce compte aurait {{count, number}} publications le {{day, day}}\u00a0; la charte en autorise {{max, number}} par jour.',
    perWeek_one:
      'Ce compte aurait {{count, number}} publication la semaine {{week}} de {{weekYear}}\u00a0; la charte en autorise {{max, number}} par semaine.',
    perWeek_many:
      'Ce compte aurait {{count, number}} publications la semaine {{week}} de {{weekYear}}\u00a0; la charte en autorise {{max, number}} par semaine.',
    perWeek_other:
      'Ce compte aurait {{count, number}} publications la semaine {{week}} de {{weekYear}}\u00a0; la charte en autorise {{max, number}} par semaine.',
    spacing_one:
      'Une autre publication de ce compte est à {{count, number}} minute\u00a0; la charte demande au moins {{min, number}}.',
    spacing_many:
      'Une autre publication de ce compte est à {{count, number}} minutes\u00a0; la charte demande au moins {{min, number}}.',
    spacing_other:
      'Une autre publication de ce compte est à {{count, number}} minutes\u00a0; la charte demande au moins {{min, number}}.',
    invalidDate: 'L’heure de publication n’est pas une date valide.',
    invalidTimezone: 'Le fuseau horaire de l’espace de travail «\u00a0{{zone}}\u00a0» est inconnu.',
  },
};
