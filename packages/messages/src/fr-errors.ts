// French sentences of the domain's refusals, key for key like en-errors.ts. Typography as in
// fr.ts: \u00a0 before : ; ! ? and inside « ». A channel is « compte », a post « publication ».
export const frErrors = {
  posts: {
    /** « une publication <statut> » : chaque statut, accordé au féminin. */
    statuses: {
      draft: 'à l’état de brouillon',
      in_review: 'en relecture',
      changes_requested: 'renvoyée pour retouches',
      approved: 'approuvée',
      scheduled: 'programmée',
      publishing: 'en cours de publication',
      published: 'publiée',
      partially_published: 'publiée en partie',
      failed: 'en échec',
      cancelled: 'annulée',
    },
    /** « Impossible de <action> » : chaque action, à l’infinitif. */
    actions: {
      edit: 'modifier',
      submit: 'envoyer en relecture',
      approve: 'approuver',
      request_changes: 'renvoyer pour retouches',
      schedule: 'programmer',
      reschedule: 'déplacer',
      unschedule: 'déprogrammer',
      cancel: 'annuler',
    },
    wrongStatus:
      'Impossible de $t(errors.posts.actions.{{action}}) une publication $t(errors.posts.statuses.{{status}})',
    needsApproval_one:
      'Cette publication doit recevoir {{count, number}} approbation avant d’être programmée',
    needsApproval_many:
      'Cette publication doit recevoir {{count, number}} approbations avant d’être programmée',
    needsApproval_other:
      'Cette publication doit recevoir {{count, number}} approbations avant d’être programmée',
    deleteNeedsRole:
      'Supprimer cette publication demande le rôle responsable, ou d’en être le rédacteur tant qu’elle est un brouillon',
    deleteSent:
      'Cette publication a été envoyée (ou est en cours d’envoi) à un réseau\u00a0: annulez-la au lieu de la supprimer',
    editorCannotDelete:
      'Un rédacteur ne peut pas supprimer une publication $t(errors.posts.statuses.{{status}})',
    scheduledMoves:
      'Une publication programmée se déplace (reschedule) ou se retire du calendrier (unschedule)',
    otherRevision:
      'Vous avez approuvé la version {{approved}}, mais la publication en est à la version {{current}}\u00a0: relisez-la',
    approvedTwice: 'Vous avez déjà approuvé cette version\u00a0; un autre responsable doit l’approuver',
    mediaNotInLibrary: 'Ce média n’est pas dans la médiathèque de cet espace de travail',
    changedSinceRead:
      'Cette publication a changé depuis votre lecture (version {{expected}}, maintenant {{current}})\u00a0: rechargez-la',
    nonexistentLocalTime:
      '{{local}} n’existe pas dans le fuseau {{timezone}}\u00a0: ce jour-là, les horloges passent de {{from}} à {{to}}',
    unknownPillar: 'La charte n’a pas de pilier «\u00a0{{pillar}}\u00a0»',
  },
  charterVersions: {
    moved:
      'La charte en est à la version {{current}}, pas {{base}}\u00a0: rechargez-la et refaites vos changements',
  },
  workspaces: {
    ownerOnlyPolicy: 'Seul un propriétaire peut changer la règle d’approbation',
    alreadySetUp: 'Cadence est déjà installé\u00a0; connectez-vous',
  },
  limits: {
    ownedWorkspaces: 'Une personne peut posséder au plus {{max, number}} espaces de travail',
    openInvitations: 'Un espace de travail compte au plus {{max, number}} invitations en attente',
    webhooks: 'Un espace de travail compte au plus {{max, number}} webhooks',
    savedReplies: 'Un espace de travail compte au plus {{max, number}} réponses enregistrées',
    liveItems:
      'Vous pouvez avoir au plus {{max, number}} $t(errors.limits.things.{{cap}}) actifs dans un espace de travail\u00a0; révoquez-en un d’abord',
    things: { api_tokens: 'jetons d’API', ics_feeds: 'flux d’agenda' },
    attempts: 'Trop de tentatives depuis cette adresse\u00a0; patientez une minute',
    fromAddress: 'Trop de requêtes depuis cette adresse, ralentissez',
    exportsRunning:
      'Des exports de cet espace de travail sont déjà en cours\u00a0: attendez qu’ils finissent',
  },
  tokens: { higherRole: 'Un jeton ne peut pas avoir un rôle plus élevé que le vôtre' },
  notifications: { personOnly: 'Les notifications appartiennent à une personne' },
  publishing: {
    /** « celle-ci est <statut> » : chaque statut d’une destination. */
    targetStatuses: {
      pending: 'en attente de la programmation de sa publication',
      scheduled: 'programmée',
      claimed: 'sur le point de partir',
      sending: 'en cours d’envoi',
      published: 'publiée',
      failed: 'en échec',
      unknown: 'd’issue inconnue',
      held: 'retenue',
      missed: 'manquée',
      cancelled: 'annulée',
    },
    nothingToRetry:
      'Rien à relancer\u00a0: aucune destination de cette publication n’a échoué, n’a été manquée ni retenue',
    confirmOnlyUnknown:
      'Seule une destination d’issue inconnue peut être confirmée\u00a0; celle-ci est $t(errors.publishing.targetStatuses.{{status}})',
    targetChanged: 'Cette destination a changé pendant votre confirmation\u00a0: rechargez-la',
  },
  queue: {
    searchExhausted:
      'Trouver un créneau libre dans la file prend trop de temps ici\u00a0: choisissez une heure ou simplifiez les créneaux',
    noSlots:
      'Certains comptes de cette publication n’ont pas de créneaux de file\u00a0: configurez-les ou choisissez une heure',
    noCommonSlot:
      'Aucun créneau n’est libre sur tous les comptes de cette publication dans les {{days, number}} prochains jours',
  },
  importExport: {
    csvUnreadable: 'Le CSV est illisible\u00a0: la ligne {{line, number}} n’est pas du CSV valide',
    csvEmpty: 'Le fichier est vide\u00a0: une ligne d’en-tête est obligatoire',
    rowProblems_one: '{{count, number}} ligne pose problème\u00a0; rien n’a été importé',
    rowProblems_many: '{{count, number}} lignes posent problème\u00a0; rien n’a été importé',
    rowProblems_other: '{{count, number}} lignes posent problème\u00a0; rien n’a été importé',
    exportGrew: 'L’export a dépassé sa taille maximale\u00a0: resserrez les dates',
  },
  invitations: {
    invalid: 'Ce lien d’invitation n’est plus valable',
    otherAddress: 'Cette invitation a été envoyée à une autre adresse\u00a0; connectez-vous avec celle-ci',
    accountExists: 'Un compte utilise déjà cette adresse\u00a0: connectez-vous pour accepter',
  },
  owners: {
    makeOwner: 'Seul un propriétaire peut nommer un propriétaire',
    changeOwner: 'Seul un propriétaire peut changer le rôle d’un propriétaire',
    removeOwner: 'Seul un propriétaire peut retirer un propriétaire',
  },
  inbox: {
    alreadyReviewed: 'Cette réponse a déjà été relue',
    ownReply: 'Vous ne pouvez pas relire votre propre réponse',
    replyBreaksCharter: 'La réponse enfreint la charte\u00a0; rien n’a été envoyé',
    savedReplyBreaksCharter: 'La réponse enregistrée enfreint la charte\u00a0; elle n’a pas été enregistrée',
    savedReplyChanged:
      'Quelqu’un a modifié cette réponse enregistrée depuis son ouverture\u00a0: rechargez-la et refaites vos changements',
    cannotReplyHere: 'Cadence ne sait pas encore répondre sur ce réseau',
    channelNotConnected: 'Ce compte doit être reconnecté avant de répondre',
    channelNotConnectedToLike: 'Ce compte doit être reconnecté avant d’aimer un message',
    likeNotInApi:
      '{{network, network}} ne permet pas aux applications d’aimer un message\u00a0: son API ne le prévoit pas',
    likeNotRead: 'Cadence ne sait pas encore aimer les messages sur {{network, network}}',
    channelNotConnectedToHide: 'Ce compte doit être reconnecté avant de masquer ou d’afficher un message',
    hideNotInApi:
      '{{network, network}} ne permet pas à un compte de masquer ce que d’autres écrivent sous ses publications',
    hideNotRead: 'Cadence ne sait pas encore masquer les messages sur {{network, network}}',
    hideNotOurPost: 'Seule une réponse sous l’une de nos publications peut être masquée',
    hideNestedReply:
      'Sur ce réseau, seules les réponses faites directement sous notre publication peuvent être masquées : masquez la réponse à laquelle celle-ci répond, ce qui la masque aussi',
  },
  resetLink: { invalid: 'Ce lien de réinitialisation du mot de passe n’est plus valable' },
  campaigns: {
    hasPosts_one: 'Cette campagne a {{count, number}} publication\u00a0: archivez-la plutôt',
    hasPosts_many: 'Cette campagne a {{count, number}} publications\u00a0: archivez-la plutôt',
    hasPosts_other: 'Cette campagne a {{count, number}} publications\u00a0: archivez-la plutôt',
  },
  connect: {
    startedBySomeoneElse: 'Cette connexion a été commencée par quelqu’un d’autre',
    requestExpired: 'Cette demande de connexion est inconnue, déjà utilisée ou expirée\u00a0: recommencez',
    networkDenied:
      'Le réseau n’a pas autorisé Cadence. Réponse du réseau, dans sa langue\u00a0: «\u00a0{{words}}\u00a0»',
    noCode: 'Le réseau n’a envoyé aucun code d’autorisation',
    managerRole: 'Connecter des comptes demande le rôle responsable',
    notOAuth: '{{network, network}} ne se connecte pas par une page de connexion',
    mastodonForgotUs: 'Cadence n’est plus enregistré sur cette instance Mastodon\u00a0: recommencez',
    notSetUp: '{{network, network}} n’est pas configuré sur ce serveur Cadence',
    notSetUpKeys:
      '{{network, network}} n’est pas configuré sur ce serveur Cadence\u00a0: l’identifiant et le secret de son application OAuth manquent',
    personOnly: 'Connecter un compte demande une personne connectée',
    instanceMissing: 'Indiquez l’adresse de l’instance Mastodon, par exemple mastodon.social',
    wrongNetwork: 'Ce compte est un compte {{channelNetwork, network}}, pas {{network, network}}',
    networkSaid: 'Le réseau a refusé. Réponse du réseau, dans sa langue\u00a0: «\u00a0{{words}}\u00a0»',
    networkSaidRetry:
      'Le réseau n’a pas pu répondre\u00a0; réessayez dans un instant. Réponse du réseau, dans sa langue\u00a0: «\u00a0{{words}}\u00a0»',
    oauthRequired: 'Un compte {{network, network}} se connecte par sa page de connexion',
    webhookUrlRequired: 'Un compte webhook a besoin de l’URL où livrer',
    weakSecret: 'Un secret de webhook compte au moins {{min, number}} caractères',
    blueskyCredentials: 'Un compte Bluesky a besoin d’un identifiant et d’un mot de passe d’application',
  },
  media: {
    bad_file_name:
      'Le nom du fichier est vide, trop long, ou contient un chemin ou des caractères de contrôle',
    upload_interrupted: 'L’envoi s’est arrêté avant la fin du fichier',
    empty_file: 'Le fichier est vide (0 octet)',
    file_too_large: 'Le fichier est plus gros que ce que ce serveur accepte',
    quota_exceeded: 'Le quota de médias de l’espace de travail serait dépassé',
    type_not_supported:
      'Ce type de fichier n’est pas accepté\u00a0: JPEG, PNG, WebP, GIF, MP4 ou MOV seulement',
    svg_not_accepted:
      'Les fichiers SVG ne sont pas acceptés (ils peuvent contenir des scripts)\u00a0: exportez un PNG',
    polyglot_file: 'Cette image cache un autre fichier (une archive)',
    too_many_pixels: 'L’image a trop de pixels pour être traitée sans risque',
    unreadable_file: 'Le fichier est abîmé ou tronqué et ne peut pas être lu',
    not_multipart: 'Envoyez le fichier en multipart/form-data dans un champ nommé «\u00a0file\u00a0»',
    no_file:
      'Aucun fichier dans l’envoi\u00a0: envoyez une partie nommée «\u00a0file\u00a0» avec un nom de fichier',
    inUse_one: 'Ce média est utilisé par {{count, number}} publication pas encore parue',
    inUse_many: 'Ce média est utilisé par {{count, number}} publications pas encore parues',
    inUse_other: 'Ce média est utilisé par {{count, number}} publications pas encore parues',
    fixTooLarge: 'L’original est trop gros pour être corrigé ici',
    fixCannotShrink: 'Cette image ne peut pas être assez réduite',
    fixStillOnly: 'Seules les images fixes peuvent être corrigées automatiquement',
    linkExpired: 'Ce lien de média a expiré',
    linkInvalid: 'Ce lien de média n’est pas valable',
  },
};

export const frFieldReasons = {
  unknown_timezone: 'Le champ «\u00a0{{field}}\u00a0» n’est pas un fuseau horaire IANA (comme Europe/Paris).',
  local_time_needed: 'Le champ «\u00a0{{field}}\u00a0» est obligatoire, sauf si publishNow vaut true.',
  invalid_local_time:
    'Le champ «\u00a0{{field}}\u00a0» n’est pas une date et heure locales entre les années 1900 et 9999 (comme 2026-03-29T09:30).',
  invalid_date_or_datetime:
    'Le champ «\u00a0{{field}}\u00a0» n’est pas une date, ou date et heure, entre les années 1900 et 9999.',
  must_be_after: 'Le champ «\u00a0{{field}}\u00a0» doit être après «\u00a0{{other}}\u00a0».',
  range_too_long: 'Le champ «\u00a0{{field}}\u00a0» rend la période plus longue que {{max, number}} jours.',
  version_required: 'Le champ «\u00a0{{field}}\u00a0» est obligatoire (ou l’en-tête If-Match).',
  version_unknown: 'Le champ «\u00a0{{field}}\u00a0» n’est pas une version émise par cette API (comme "3").',
  version_disagrees: 'Le champ «\u00a0{{field}}\u00a0» diffère de l’en-tête If-Match.',
  cursor_unknown: 'Le champ «\u00a0{{field}}\u00a0» n’est pas un curseur émis par cette API.',
  must_be_future: 'Le champ «\u00a0{{field}}\u00a0» doit être dans le futur.',
  within_a_year: 'Le champ «\u00a0{{field}}\u00a0» doit être dans moins d’un an.',
  not_an_answerer:
    'Le champ «\u00a0{{field}}\u00a0» n’est pas un membre de cet espace de travail qui peut répondre (rédacteur ou plus).',
  not_a_member: 'Le champ «\u00a0{{field}}\u00a0» n’est pas un membre de cet espace de travail.',
  ends_before_start: 'Le champ «\u00a0{{field}}\u00a0» doit être le jour du début ou après.',
  starts_after_end: 'Le champ «\u00a0{{field}}\u00a0» doit être le jour de la fin ou avant.',
  working_day_order: 'Le champ «\u00a0{{field}}\u00a0» doit finir après le début de la journée de travail.',
  current_password_wrong: 'Le champ «\u00a0{{field}}\u00a0» n’est pas votre mot de passe actuel.',
  too_many_rows:
    'Le champ «\u00a0{{field}}\u00a0» compte plus de {{max, number}} lignes\u00a0: importez-en au plus {{max, number}} à la fois.',
  export_over_rows:
    'Le champ «\u00a0{{field}}\u00a0» donne une période de plus de {{max, number}} destinations\u00a0: resserrez-la.',
  export_over_size:
    'Le champ «\u00a0{{field}}\u00a0» donne une période de plus de {{max, number}} Mio de publications\u00a0: resserrez-la.',
  not_csv: 'Le champ «\u00a0{{field}}\u00a0» doit valoir text/csv\u00a0: envoyez le fichier en CSV.',
  not_a_url: 'Le champ «\u00a0{{field}}\u00a0» n’est pas une URL.',
  not_http: 'Le champ «\u00a0{{field}}\u00a0» doit être une adresse https.',
  needs_https:
    'Le champ «\u00a0{{field}}\u00a0» doit être une adresse https (en http, le jeton ou le mot de passe circuleraient en clair).',
  private_address:
    'Le champ «\u00a0{{field}}\u00a0» désigne une adresse de réseau privée ou réservée, que Cadence n’appelle pas.',
};
