"""Catalogue français (langue par défaut)."""

MESSAGES: dict[str, str] = {
    # -- mesurer ---------------------------------------------------------------------------
    "measure_intro": "Mesurez ce que consomment réellement vos propres traitements (un lot "
                     "d'OCR, un transcodage vidéo, une photogrammétrie) avec CodeCarbon, hors "
                     "ligne, et ajoutez les exécutions à un service du projet ouvert. Les "
                     "valeurs mesurées restent distinctes des valeurs modélisées dans les "
                     "résultats.",
    "measure_upload_tab": "Importer emissions.csv", "measure_job_tab": "Mesurer un traitement",
    "measure_upload": "Le fichier emissions.csv de CodeCarbon (une ligne par exécution)",
    "measure_command": "Commande à mesurer",
    "measure_command_help": "Exécutée sur ce serveur, sans shell, pendant que CodeCarbon "
                            "mesure la machine.",
    "measure_per_item": "Éléments traités (0 : pas par élément)",
    "measure_run": "Exécuter et mesurer", "measure_running": "Mesure en cours…",
    "measure_failed": "La commande s'est terminée avec le code {code} : rien n'a été mesuré.",
    "measure_job_disabled": "Lancer une commande depuis le navigateur l'exécuterait sur le "
                            "serveur : c'est désactivé ici ({env}=1 pour une application sur "
                            "votre propre poste). Mesurez le traitement sur sa machine en "
                            "ligne de commande, puis importez le fichier emissions.csv produit :",
    "measure_runs": "Exécutions à ajouter ({n})",
    "measure_estimate_note": "Estimation : sans compteurs d'énergie (RAPL, NVML), CodeCarbon "
                             "modélise la puissance à partir du TDP et de la charge du "
                             "processeur, et modélise toujours la mémoire vive ; un fichier "
                             "importé ne dit pas lequel des deux.",
    "measure_service": "Service mesuré (créé s'il n'existe pas)",
    "measure_tier": "Où tourne le traitement",
    "measure_items_per_run": "Éléments par exécution (0 : pas par élément)",
    "measure_items": "Éléments sur la période (0 : comme mesuré)",
    "measure_repeat": "Exécutions sur la période",
    "measure_attach": "Ajouter au projet",
    "measure_attached": "{n} exécution(s) ajoutée(s) à « {service} » et enregistrée(s).",
    "measure_note": "{n} exécution(s) mesurée(s) ajoutée(s) à {service}",
    "measure_default_service": "Traitements mesurés",
    "measure_col_name": "Exécution", "measure_col_energy": "Énergie (Wh)",
    "measure_col_cpu": "Processeur (Wh)", "measure_col_gpu": "GPU (Wh)",
    "measure_col_ram": "Mémoire vive (Wh)", "measure_col_duration": "Durée (s)",
    "measure_col_method": "Mode de mesure", "measure_col_tool": "Outil",
    "measure_col_run": "Identifiant",
    "measure_method_hardware": "compteurs matériels", "measure_method_estimate": "estimation",
    "measure_method_not_recorded": "non indiqué",
    # -- navigation ------------------------------------------------------------------------
    "nav_home": "Accueil", "nav_describe": "Décrire", "nav_results": "Résultats",
    "nav_scenarios": "Scénarios", "nav_ecodesign": "Écoconception",
    "nav_factors": "Facteurs d'émission", "nav_export": "Exporter", "nav_measure": "Mesurer",
    "language": "English", "language_help": "Switch to English",
    "current_project": "Projet ouvert", "no_project": "Aucun projet ouvert",
    "saved_as": "Enregistré (version {version})", "not_saved": "Non enregistré",
    "next_step": "Étape suivante",
    # -- home ------------------------------------------------------------------------------
    "app_title": "Empreinte environnementale des services numériques culturels",
    "intro": "Pour les équipes des musées, théâtres, archives et bibliothèques : décrivez "
             "un service numérique (diffusion d'un concert, site web, visite en réalité "
             "virtuelle, numérisation…) et voyez son empreinte sur tout son cycle de vie, "
             "des terminaux aux centres de données. Comparez des variantes, suivez les "
             "pistes d'écoconception et repartez avec un export où chaque chiffre cite sa "
             "source.",
    "start": "Commencer", "new_project": "Nouveau projet",
    "new_from": "Partir de", "from_scratch": "Un modèle vierge du type choisi",
    "new_kind": "Type de service", "new_name": "Nom du projet",
    "new_name_default": "Mon projet", "create": "Créer le projet",
    "open_sample": "Ouvrir un projet exemple", "open": "Ouvrir",
    "upload_tab": "Importer un fichier", "upload": "Importer un fichier projet (YAML ou JSON, 5 Mo au plus)",
    "upload_done": "Fichier « {name} » importé et enregistré.",
    "upload_error": "Le fichier « {name} » n'a pas été importé ; le projet ouvert est "
                    "inchangé.",
    "reopen": "Rouvrir un projet enregistré", "no_saved": "Aucun projet enregistré pour "
    "l'instant : un projet créé, importé ou modifié est enregistré automatiquement.",
    "saved_list": "Projet", "saved_at": "Enregistré le", "versions": "Versions",
    "workspace_unavailable": "L'espace de travail ({url}) est inaccessible : rien ne peut "
                             "être enregistré pour l'instant. {error}",
    "summary": "En bref", "go_describe": "Décrire ou modifier le service",
    "go_results": "Voir les résultats détaillés",
    "save_copy": "Enregistrer une copie dans mon espace",
    "saved": "Enregistré : version {version}.",
    "download_project": "Télécharger le fichier projet (YAML)",
    "version_pick": "Version", "open_version": "Ouvrir cette version",
    "sample_title": "Exemple : {title}",
    # -- samples (titles in both languages) --------------------------------------------------
    "sample_archive_digitisation": "Numérisation d'un fonds notarial et conservation 10 ans",
    "sample_collections_database_custom": "Base des collections et portail des chercheurs",
    "sample_museum_chatbot": "Agent conversationnel d'un musée",
    "sample_museum_video_series": "« Les coulisses », série vidéo en ligne",
    "sample_museum_website": "Sites web d'un musée national",
    "sample_online_workshops": "Programme éducatif en ligne (ateliers en visio)",
    "sample_opera_live_replay": "La Traviata, en direct et en différé",
    "sample_podcast_series": "« Objets migrateurs », podcast",
    "sample_venue_screens": "Écrans et bornes des salles d'un musée",
    "sample_vr_heritage_site": "Abbaye en réalité virtuelle",
    # -- kinds ---------------------------------------------------------------------------------
    "video_streaming": "Vidéo à la demande", "live_event": "Événement diffusé en direct",
    "audio_streaming": "Audio, podcast", "website": "Site web, collections en ligne",
    "vr_experience": "Réalité virtuelle", "digitisation_campaign": "Campagne de numérisation",
    "ai_assistant": "Assistant conversationnel (IA)", "onsite_screens": "Écrans sur site",
    "custom": "Composants sur mesure", "measured": "Énergie mesurée",
    "video_conference": "Visioconférence, atelier en ligne",
    # -- ids -----------------------------------------------------------------------------------
    "manufacturing": "Fabrication", "distribution": "Distribution", "use": "Usage",
    "end_of_life": "Fin de vie",
    "user_devices": "Terminaux", "networks": "Réseaux", "data_centres": "Centres de données",
    "onsite": "Équipements sur site",
    "climate_change": "Changement climatique", "primary_energy": "Énergie primaire",
    "abiotic_depletion": "Épuisement des ressources abiotiques", "water": "Eau",
    "resource_use_fossils": "Épuisement des ressources fossiles",
    "acidification": "Acidification", "particulate_matter": "Particules fines",
    "ionising_radiation": "Rayonnements ionisants",
    "stage": "Étape", "tier": "Tiers", "service": "Service",
    "use_time": "au prorata des heures d'usage (ADEME)",
    "calendar_time": "au prorata du temps calendaire (Boavizta)",
    # -- results -------------------------------------------------------------------------------
    "total": "Changement climatique", "electricity": "Électricité consommée",
    "band": "Intervalle à 90 % (P5 – P95, Monte Carlo) : {low} – {high} {unit}",
    "band_help": "{draws} tirages Monte Carlo (graine {seed}) de chaque facteur d'émission "
                 "et paramètre des jeux de données dans sa plage : 90 % d'entre eux "
                 "tombent dans l'intervalle affiché. Les bornes extrêmes sont dans le "
                 "tableau de tous les indicateurs.",
    "computing_band": "Calcul de l'incertitude (Monte Carlo)…",
    "per_fu": "Par {unit}", "range_help": "Bornes extrêmes : {low} – {high} {unit} (tous "
    "les facteurs à leur borne basse, puis haute : pas un intervalle de confiance)",
    "incomplete": "Total incomplet : {n} partie(s) sans facteur pour cet indicateur ne sont "
                  "pas comptées (voir « Ce qui n'est pas couvert »).",
    "complete": "Toutes les parties du projet ont un facteur pour cet indicateur.",
    "by_stage_tier": "Par étape du cycle de vie et par tiers",
    "by_tier": "Par tiers", "by_stage": "Par étape du cycle de vie",
    "by_service": "Par service",
    "data_table": "Les données du graphique", "not_covered": "non couvert",
    "in_manufacturing": "inclus dans la fabrication (hors usage)",
    "indicator": "Indicateur", "value": "Valeur", "unit": "Unité",
    "range": "Bornes extrêmes (chaque facteur à son extrémité)", "parts_not_covered": "Parties non couvertes",
    "totals_title": "Tous les indicateurs", "coverage": "Couverture",
    "status_complete": "complet", "status_partial": "partiel",
    "status_incomplete": "INCOMPLET", "status_empty": "rien (0)",
    "incomplete_total": "Total incomplet : {missing} non couvert (part manquante estimée : "
                        "{share}). Voir « À lire ».",
    "not_covered_detail": "Ce qui n'est pas couvert (parties sans facteur : non comptées, "
                          "pas zéro)",
    "details": "Détail traçable (facteur, jeu de données, source)",
    "sources": "Sources et licences des données",
    "warnings": "À lire", "error": "Le projet n'est pas valide",
    "allocation": "Partage de la fabrication des terminaux",
    "allocation_help": "Comment la fabrication d'un appareil est répartie entre ses usages.",
    "network_model": "Modèle des réseaux",
    "network_model_help": "Par Go transféré (facteurs ADEME) ou par temps de connexion "
                          "(modèle de puissance).",
    "as_described": "comme décrit (par service)", "per_gb": "par Go transféré (ADEME)", "per_time": "par temps de connexion (puissance)",
    "network_model_mixed": "Le modèle des réseaux se règle par service dans « Décrire » ; "
                           "ce projet n'a pas de service vidéo ou audio.",
    "equivalences": "Pour se représenter ce chiffre",
    "equiv_smartphones": "fabrications de smartphones",
    "equiv_smartphones_per": "{per} kgCO2e par smartphone : fabrication, distribution et fin "
                             "de vie, hors usage",
    "equiv_electricity_fr": "kWh d'électricité du réseau français",
    "equiv_electricity_fr_per": "{per} kgCO2e par kWh (mix de consommation français, cycle "
                                "de vie)",
    "equiv_streaming_hours": "heures de vidéo HD en streaming",
    "equiv_streaming_hours_per": "{per} kgCO2e par heure regardée chez soi en France (HD, "
                                 "réseau fixe, parc d'écrans moyen de l'ADEME)",
    "equiv_source": "Sources : {source}",
    "web_methods": "Sites web : nos chiffres et les méthodes publiées",
    "web_methods_help": "Les chiffres SWD v4, SWD v3 et Ecoindex sont montrés à côté des "
                        "nôtres, jamais ajoutés.",
    "quantity": "Grandeur", "source": "Source",
    "period_basis": "Période : {period}",
    "no_fu": "Aucune unité fonctionnelle : ajoutez-en une dans « Décrire » pour un chiffre "
             "par heure vue, par visite…",
    "project_settings": "Réglages du projet",
}

# error and warning codes of the library, rendered with their parameters
MESSAGES.update({
    "err_missing": "champ obligatoire", "err_extra_forbidden": "champ inconnu (vérifiez "
    "son orthographe)",
    "err_greater_than_equal": "doit être supérieur ou égal à {ge}",
    "err_greater_than": "doit être strictement supérieur à {gt}",
    "err_less_than_equal": "doit être inférieur ou égal à {le}",
    "err_less_than": "doit être strictement inférieur à {lt}",
    "err_float_parsing": "un nombre est attendu", "err_float_type": "un nombre est attendu",
    "err_int_parsing": "un nombre entier est attendu",
    "err_int_from_float": "un nombre entier est attendu",
    "err_bool_parsing": "oui ou non est attendu",
    "err_literal_error": "valeur non admise ; valeurs possibles : {expected}",
    "err_string_too_short": "ne doit pas être vide",
    "err_too_short": "au moins {min_length} élément(s)",
    "err_too_long": "au plus {max_length} élément(s)",
    "err_string_too_long": "au plus {max_length} caractères",
    "err_date_from_datetime_parsing": "une date AAAA-MM-JJ est attendue",
    "err_date_parsing": "une date AAAA-MM-JJ est attendue",
    "err_unknown_factor": "facteur inconnu « {code} » ; proches : {matches}",
    "err_unknown_parameter": "paramètre inconnu « {code} » ; proches : {matches}",
    "err_not_utf8": "le fichier n'est pas un texte UTF-8 (octet {byte}) : enregistrez-le en "
                    "UTF-8 puis importez-le à nouveau",
    "warn_factor_region_substituted": "{code} : pas de facteur « {indicator} » pour {region} ;"
                                      " la valeur {used} est utilisée",
    "warn_parameter_region_substituted": "{code} : pas de valeur pour {region} ; la valeur "
                                         "{used} est utilisée",
    "field_problem": "{path} : {message}",
})

MESSAGES.update({
    "describe_intro": "Décrivez le projet puis chacun de ses services. Un champ laissé vide "
                      "prend sa valeur par défaut (indiquée dans le champ, sa source dans "
                      "l'aide (?)). Les quantités s'écrivent avec ou sans unité : « 2,75 h », "
                      "« 165 min », « 20 Mbit/s ».",
    "services": "Services", "remove_service": "Retirer ce service",
    "add_service_kind": "Ajouter un service de type", "add_service": "Ajouter",
    "form_errors": "{n} problème(s) à corriger : chaque message est sous son champ. Rien "
                   "de ce que vous avez saisi n'est perdu.",
    "save_assess": "Enregistrer et calculer", "yaml_view": "Avancé : le projet en YAML",
    "yaml_label": "Fichier projet (YAML)", "yaml_apply": "Appliquer le YAML",
    "service_countries": "Pays de ce service (si différents du projet)",
    "form_range": "Plage admise : {range}", "form_default": "défaut : {value}",
    "form_default_data": "défaut : valeur des jeux de données (source dans les résultats)",
    "form_include": "Inclure", "form_default_help": "défaut : voir l'aide (?)",
    "unit_year": "an", "unit_day": "j", "components": "Composants et activités",
    "col_component": "Composant", "col_activity": "Activité", "col_factor": "Facteur",
    "col_factor_help": "Code du facteur d'émission : tapez pour chercher (voir la page "
                       "Facteurs d'émission).",
    "col_amount": "Quantité", "col_unit_help": "kWh, GB, h, TB*year, device…",
    "col_region": "Région", "col_region_help": "Code pays (FR, DE…), EU27 ou GLO ; vide : "
                                               "celle du service.",
    "param_name": "Nom", "param_organisation": "Organisation", "param_description":
    "Description", "param_audience_country": "Pays du public",
    "param_hosting_country": "Pays d'hébergement", "param_venue_country": "Pays du lieu",
    "param_reporting_period": "Période couverte", "param_start": "Début (AAAA-MM-JJ)",
    "param_end": "Fin (AAAA-MM-JJ)", "param_functional_unit": "Unité fonctionnelle",
    "param_quantity": "Quantité", "param_options": "Options de méthode",
    "param_allocation": "Partage de la fabrication des terminaux",
    "param_event_duration": "Durée de l'événement", "param_live_viewers":
    "Spectateurs simultanés en direct", "param_live_watch_share": "Part de l'événement vue",
    "param_replay_hours_viewed": "Heures de rediffusion vues",
    "param_production_hours": "Heures de fonctionnement de la régie",
    "param_production_equipment": "Matériel de captation sur place",
    "param_contribution_bitrate": "Débit envoyé depuis le lieu",
    "param_transcoding_server_hours": "Heures-serveur de transcodage",
    "param_renditions": "Nombre de qualités (échelle de débits)",
    "param_transcoding_power": "Puissance d'un serveur de transcodage",
    "param_transcoding_pue": "PUE du centre de transcodage",
    "param_network_mix": "Réseaux (fixe / mobile)", "param_network_model": "Modèle des réseaux",
    "param_box_power": "Puissance de la box", "param_serving_energy":
    "Énergie des serveurs par Go", "param_device_power": "Puissances des terminaux",
    "param_background_power": "Puissance écran éteint",
    "param_cached_answer_share": "Part des réponses servies depuis un cache",
    "param_components": "Composants", "param_device_daily_use": "Usage quotidien des terminaux",
    "param_device_lifetime": "Durée de vie des terminaux", "param_duration": "Durée",
    "param_generator_fuel": "Gazole du groupe électrogène",
    "param_kind": "Type de service", "param_lighting_power": "Puissance de l'éclairage scénique",
    "param_measurements": "Mesures", "param_network_country": "Pays des réseaux",
    "param_ob_van_km": "Distance du car régie", "param_participants": "Participants connectés",
    "param_quality": "Qualité", "param_request_latency": "Temps de réponse mesuré",
    "param_schedule": "Horaires de fonctionnement",
    "param_screen_off_share": "Part d'écoute écran éteint", "param_sessions": "Nombre de séances",
    "param_reporting": "Bilan carbone (BEGES, GHG Protocol)",
    "param_grid_basis": "Base des facteurs de l'électricité",
    "param_audience_device_manufacture": "Fabrication des terminaux du public",
    "param_mapping": "Correspondance des postes", "param_purchases": "Achats d'équipements",
    "param_scenarios": "Scénarios", "param_overrides": "Valeurs changées",
    "sd": "SD", "hd": "HD", "full_hd": "Full HD", "uhd": "4K",
    "param_quality_mix": "Qualités vues", "param_gb_per_hour": "Go par heure selon la qualité",
    "param_autoplay": "Lecture automatique", "param_autoplay_kb": "Médias en lecture "
    "automatique par page", "param_autoplay_share": "Part du visionnage "
    "lancée par la lecture automatique", "param_audio_only_share": "Part du visionnage en "
    "mode audio seul", "param_audio_gb_per_hour": "Go par heure en mode audio seul",
    "param_device_mix": "Terminaux utilisés", "param_set_top_box_share":
    "Part des heures TV via un boîtier", "param_hours_viewed": "Heures vues",
    "param_views": "Vues", "param_average_view_duration": "Durée moyenne d'une vue",
    "param_visits_per_year": "Visites par an", "param_pages_per_visit": "Pages par visite",
    "param_page_weight": "Poids d'une page", "param_requests": "Requêtes",
    "param_nodes": "Éléments de la page (DOM)", "param_pages": "Profils de pages",
    "param_return_visit_share": "Part des visites de retour", "param_cached_share":
    "Part en cache", "param_hosting": "Hébergement", "param_servers": "Serveurs",
    "param_server_power": "Puissance d'un serveur", "param_pue": "PUE",
    "param_green_share": "Part d'électricité verte", "param_time_on_page": "Temps par page",
    "param_listens": "Écoutes", "param_average_listen_duration": "Durée moyenne d'écoute",
    "param_bitrate": "Débit", "param_delivery": "Diffusion", "param_downloads":
    "Téléchargements", "param_episode_duration": "Durée d'un épisode",
    "param_days_open_per_year": "Jours d'ouverture par an", "param_equipment": "Équipements",
    "param_count": "Nombre", "param_device": "Appareil", "param_hours": "Heures",
    "param_power": "Puissance", "param_setting": "Lieu de l'expérience",
    "param_onsite": "Sur place", "param_at_home": "À domicile", "param_items": "Documents",
    "param_capture": "Poste de capture", "param_processing": "Traitements",
    "param_storage": "Conservation", "param_dissemination": "Diffusion en ligne",
    "param_provider": "Fournisseur", "param_model": "Modèle", "param_self_hosted":
    "Auto-hébergé", "param_conversations": "Conversations",
    "param_requests_per_conversation": "Requêtes par conversation",
    "param_output_tokens": "Jetons produits par réponse",
    "param_device_time_per_request": "Temps d'écran par requête",
    "param_data_per_request": "Données par requête",
})

MESSAGES.update({
    "factors_intro": "Tous les facteurs d'émission et paramètres embarqués, avec leur "
                     "fourchette, leur qualité (publié, dérivé ou estimation), leur source "
                     "et la licence de leur jeu de données.",
    "search": "Rechercher", "search_hint": "code, mot de la note ou de la source…",
    "all": "Tous", "factors_tab": "Facteurs", "parameters_tab": "Paramètres",
    "datasets_tab": "Jeux de données", "rows_shown": "{n} ligne(s) sur {total}",
    "quality": "Qualité", "quality_published": "publié", "quality_derived": "dérivé",
    "quality_estimate": "estimation", "licence": "Licence", "note": "Note (calcul)",
    "dataset": "Jeu de données",
})

MESSAGES.update({
    "computing": "Calcul en cours…",
    "scenarios_intro": "Un scénario change un ou plusieurs paramètres du projet. Chaque "
                       "scénario est comparé au projet de référence avec les mêmes tirages "
                       "aléatoires des facteurs (Monte Carlo), d'où la probabilité qu'il "
                       "soit plus bas.",
    "scenarios_list": "Scénarios du projet", "no_scenarios": "Aucun scénario pour l'instant.",
    "remove_scenario": "Supprimer ce scénario", "new_scenario": "Nouveau scénario",
    "scenario_name": "Nom du scénario", "parameter": "Paramètre", "new_value": "Nouvelle valeur",
    "current_value": "Valeur actuelle : {value}", "add_scenario": "Créer le scénario",
    "comparison": "Comparaison", "draws": "Tirages Monte Carlo", "scenario": "Scénario",
    "baseline": "Référence", "p_lower": "Probabilité d'être plus bas",
    "mc_note": "{draws} tirages (graine {seed}), mêmes tirages pour tous les scénarios ; "
               "p5 – p95 : 90 % des tirages.",
    "tornado": "Ce qui pèse le plus (tornade)",
    "tornado_help": "Chaque donnée d'entrée à sa borne basse puis haute, les autres à leur "
                    "valeur : les barres vont du total obtenu à l'une au total obtenu à "
                    "l'autre ; le trait est le total central.",
    "input": "Donnée d'entrée", "kind_of_input": "Type", "factor": "facteur",
    "total_low": "Total (borne basse)", "total_high": "Total (borne haute)",
    "swing_pct": "Écart (% du total)",
    "export_intro": "Téléchargez les résultats : chaque fichier porte ses sources et les "
                    "licences des données.",
    "export_with_extras": "Inclure les scénarios (comparaison)",
    "export_with_extras_help": "Ajoute la comparaison des scénarios quand le projet en a.",
    "export_xlsx": "Classeur Excel (XLSX)", "export_csv": "Tables CSV (zip)",
    "export_json": "JSON", "export_html": "Rapport (HTML)", "export_pdf": "Rapport (PDF)",
    "export_xlsx_help": "Toutes les tables : synthèse, étapes × tiers, services, BEGES, "
                        "GHG Protocol, détail traçable, facteurs, sources et licences.",
    "export_csv_help": "Les mêmes tables, une par fichier CSV, et les attributions.",
    "export_json_help": "Pour un autre outil : chiffres, unités, provenance (schéma publié).",
    "export_html_help": "Le rapport pour une direction (synthèse, bilan carbone, méthode et "
                        "sources), à ouvrir dans un navigateur.",
    "export_pdf_help": "Le même rapport en PDF, à imprimer ou joindre.",
})

MESSAGES.update({
    "ecodesign_intro": "Pistes d'écoconception pour ce projet, classées par le gain que le "
                       "moteur calcule (deux évaluations : avant, après), avec leurs "
                       "références au RGESN et l'effort estimé. Un clic en fait un scénario.",
    "no_suggestions": "Aucune piste ne s'applique à ce projet.",
    "already_scenario": "Déjà un scénario du projet.",
    "to_scenario": "En faire un scénario",
    "no_effect": "Pistes sans effet calculé sur ce projet ({n})",
    "saving": "Gain", "saving_help": "90 % des tirages entre {p5} et {p95} kgCO2e",
    "saving_pct": "Gain (% du total)", "effort": "Effort",
    "effort_low": "faible", "effort_medium": "moyen", "effort_high": "élevé",
    "rgesn_refs": "Référentiel (RGESN) : {refs}",
    "not_modelled": "Non compté dans le gain : {text}",
    "suggestion_estimate": "Gain fondé sur une estimation (voir les facteurs).",
})
