"""Help texts of the kinds' parameters in French (the form's « ? »), one per parameter
of every kind's service; ``kind.name`` where a parameter means something else in a kind.
The figures and sources are those of the parameters' descriptions in the schemas
(``footprint schema``); a test fails when a parameter has no help here or in English."""

HELP = {
    # -- every kind ------------------------------------------------------------------------
    "kind": "Le type de service : il détermine les paramètres demandés et la façon dont "
            "ils deviennent des flux (électricité, données, fabrication des équipements).",
    "name": "Le nom du service, tel qu'il apparaîtra dans les résultats et les exports.",
    "description": "Une description libre du service (facultative), reprise dans les "
                   "exports.",
    "audience_country": "Pays où se trouve le public de ce service, s'il diffère de celui "
                        "du projet.",
    "hosting_country": "Pays où se trouvent les serveurs de ce service, s'il diffère de "
                       "celui du projet.",
    "venue_country": "Pays où fonctionne le matériel sur place de ce service, s'il diffère "
                     "de celui du projet.",
    "network_country": "Pays dont les réseaux transportent les données de ce service (leur "
                       "électricité), s'il diffère du pays réseau du projet ou de celui du "
                       "public.",
    "schedule": "Quand le service fonctionne : son électricité est alors évaluée à ces "
                "heures-là, lorsqu'une série horaire d'intensité couvre sa région.",
    "device_power": "Puissances des terminaux [W] qui remplacent celles des jeux de "
                    "données.",
    "device_lifetime": "Durées de vie des terminaux [années] qui remplacent celles des jeux "
                       "de données.",
    "device_daily_use": "Heures d'utilisation par jour des terminaux [h/j] qui remplacent "
                        "celles des jeux de données.",
    "network_model": "par Go : facteurs de cycle de vie par Go de l'ADEME (box incluse) ; "
                     "par temps de connexion : modèle de puissance (puissance de la box × "
                     "heures + kWh/Go du Carbon Trust pour l'accès et le cœur de réseau), "
                     "phase d'usage plus la fabrication de la box.",
    "box_power": "Puissance de la box internet pour le modèle par temps de connexion ; par "
                 "défaut network.box.power (Arcep 2024, 9,9 W).",
    # -- ai_assistant ------------------------------------------------------------------------
    "provider": "Identifiant du fournisseur dans EcoLogits : 'mistralai', 'openai', "
                "'anthropic', 'google_genai', 'cohere' ou 'huggingface_hub' (modèles à poids "
                "ouverts).",
    "model": "Nom du modèle tel que dans le répertoire de modèles d'EcoLogits, par exemple "
             "'mistral-small-latest', 'gpt-4o-mini'.",
    "ai_assistant.requests": "Requêtes (questions auxquelles l'assistant répond) ; ou "
                             "indiquez « conversations » et « requêtes par conversation ». "
                             "Total sur la période couverte, tel que saisi (non ramené à "
                             "sa durée).",
    "conversations": "Conversations, au lieu des « requêtes ». Total sur la période "
                     "couverte, tel que saisi (non ramené à sa durée).",
    "requests_per_conversation": "Requêtes dans une conversation moyenne (avec "
                                 "« conversations »).",
    "output_tokens": "Jetons générés par réponse. Par défaut (estimation) : une réponse "
                     "courte d'environ 190 mots ; 250 jetons est la longueur de réponse des "
                     "exemples d'EcoLogits (factors.md §9.2 ; l'ACV 2025 de Mistral AI "
                     "retient 400 jetons pour une réponse du Chat).",
    "request_latency": "Temps de réponse mesuré d'une requête ; EcoLogits plafonne le "
                       "temps de génération avec lui. Par défaut : pas de plafond, comme "
                       "compute_llm_impacts d'EcoLogits sans latence mesurée.",
    "cached_answer_share": "Part des requêtes servies depuis un cache de réponses "
                           "antérieures, sans faire tourner le modèle (le terminal et le "
                           "réseau comptent toujours). Par défaut 0 : chaque requête fait "
                           "tourner le modèle.",
    "self_hosted": "Le modèle tourne dans le centre de données du projet : son électricité "
                   "est celle du pays d'hébergement du projet et son PUE le « dc.pue » du "
                   "jeu de données pour ce pays. Par défaut : non, les centres de données "
                   "du fournisseur (lieu et PUE d'EcoLogits).",
    "data_per_request": "Données échangées avec l'utilisateur par requête (question et "
                        "réponse). Par défaut (estimation) : 50 ko, une réponse de 250 "
                        "jetons diffusée en événements serveur d'environ 200 octets plus "
                        "la question et le protocole ; le chargement de la page de "
                        "discussion n'est pas compté.",
    "device_time_per_request": "Temps passé sur le terminal par requête. Par défaut "
                               "(estimation) : 60 s, pour taper une courte question "
                               "(~10 s) et lire une réponse de 250 jetons (~190 mots à "
                               "~240 mots/min ≈ 50 s).",
    "ai_assistant.device_mix": "Part des requêtes par type de terminal, de somme 1. Par "
                               "défaut (estimation) : moitié smartphones, moitié "
                               "ordinateurs portables (aucune répartition publiée pour "
                               "l'usage des assistants n'a été trouvée).",
    "ai_assistant.network_mix": "Part des données par type de réseau, de somme 1. Par "
                                "défaut (estimation) : 80 % réseau fixe (Wi-Fi à domicile "
                                "ou sur le lieu compris), 20 % mobile.",
    # -- audio_streaming -----------------------------------------------------------------------
    "listens": "Nombre d'écoutes (lectures) (saisi). Total sur la période couverte, tel "
               "que saisi (non ramené à sa durée).",
    "average_listen_duration": "Durée moyenne écoutée par écoute (saisie), par exemple "
                               "« 25 min ».",
    "bitrate": "Débit audio ; par défaut 96 kbit/s (débit des podcasts de Spotify ; "
               "musique 96 à 320).",
    "delivery": "streaming : données = temps d'écoute × débit ; téléchargement : le "
                "fichier entier à chaque téléchargement.",
    "downloads": "Fichiers téléchargés (téléchargement seulement) ; par défaut un par "
                 "écoute. Pour les téléchargements automatiques d'un flux : abonnés × "
                 "épisodes. Total sur la période couverte, tel que saisi (non ramené à sa "
                 "durée).",
    "episode_duration": "Durée d'un fichier téléchargé (téléchargement seulement) ; par "
                        "défaut la durée moyenne d'écoute.",
    "background_power": "Puissance du smartphone pendant la lecture audio écran éteint ; "
                        "par défaut device.smartphone.background_power (estimation).",
    "screen_off_share": "Part des heures d'écoute sur smartphone écran éteint ou "
                        "application en arrière-plan ; par défaut "
                        "device.smartphone.screen_off_share (estimation).",
    "audio_streaming.device_mix": "Part des heures d'écoute par terminal ; par défaut "
                                  "tout sur smartphone.",
    "audio_streaming.network_mix": "Part des données sur réseaux fixes et mobiles ; par "
                                   "défaut moitié-moitié (estimation : écoute sur "
                                   "smartphone à domicile en Wi-Fi et en déplacement ; "
                                   "aucune enquête française trouvée).",
    "streaming.serving_energy": "Électricité des centres de données et du CDN par Go "
                                "livré, bâtiment compris ; par défaut dc.video.energy "
                                "(ADEME, d'après Netflix 2019).",
    # -- custom --------------------------------------------------------------------------------
    "components": "Les composants du service, une ligne par activité : le facteur "
                  "d'émission (code), la quantité et son unité, le tiers et la région. "
                  "Les lignes d'un même composant et d'un même tiers forment un composant.",
    # -- digitisation_campaign -----------------------------------------------------------------
    "items": "Les lots d'originaux numérisés : type, nombre, dimensions et résolution, "
             "format du master et fichiers dérivés.",
    "capture": "Le poste de prise de vue ou de numérisation : appareil, puissance, durée "
               "de vie et usage quotidien.",
    "processing": "Les traitements après capture : OCR, fichiers dérivés, photogrammétrie, "
                  "et où ils tournent (centre de données ou sur place).",
    "storage": "La conservation des fichiers : copies et leurs supports, années de "
               "conservation, croissance annuelle du volume, redondance et taux de "
               "remplissage des disques.",
    "dissemination": "La diffusion en ligne des fichiers (facultative) : consultations par "
                     "an, données et temps d'écran par consultation, terminaux et réseaux.",
    # -- live_event ------------------------------------------------------------------------------
    "event_duration": "Durée de l'événement diffusé (saisie), par exemple « 2 h 45 min » "
                      "soit 2,75 ; l'événement a lieu une fois dans la période couverte.",
    "live_viewers": "Spectateurs simultanés moyens pendant l'événement (saisi), ou "
                    "spectateurs uniques avec la part de l'événement vue.",
    "live_watch_share": "Part de l'événement que regarde le spectateur moyen : 1 pour une "
                        "audience simultanée moyenne (par défaut) ; moins de 1 quand le "
                        "nombre de spectateurs compte des spectateurs uniques.",
    "replay_hours_viewed": "Heures de rediffusion à la demande regardées après "
                           "l'événement (saisi). Total sur la période couverte, tel que "
                           "saisi (non ramené à sa durée).",
    "production_hours": "Heures de fonctionnement du matériel de captation ; par défaut "
                        "durée de l'événement + 2 h (estimation : installation et "
                        "balances).",
    "production_equipment": "Matériel de captation sur place ; par défaut (estimation) "
                            "3 caméras, un PC encodeur et un PC de mélange vidéo "
                            "(desktop_pro comme approximation).",
    "contribution_bitrate": "Débit du flux envoyé depuis le lieu ; par défaut 10 Mbit/s "
                            "(YouTube direct 1080p30 H.264).",
    "transcoding_server_hours": "Heures-serveur de transcodage ; par défaut nombre de "
                                "qualités × durée de l'événement. Total sur la période "
                                "couverte, tel que saisi (non ramené à sa durée).",
    "renditions": "Échelons de l'échelle de débits, chacun compté comme un équivalent "
                  "serveur (estimation : 1080p, 720p, 480p, 360p ; un majorant quand une "
                  "seule machine les encode tous).",
    "transcoding_power": "Puissance d'un serveur de transcodage ; par défaut "
                         "device.server.power (ADEME).",
    "transcoding_pue": "PUE du centre de données de transcodage ; par défaut dc.pue du pays "
                       "d'hébergement.",
    "lighting_power": "Puissance électrique de l'éclairage scénique utilisé pour la "
                      "captation, comptée pendant les heures de captation dans le pays du "
                      "lieu (saisie ; pas de valeur par défaut : de quelques kW à des "
                      "centaines). La fabrication des projecteurs n'est pas comptée.",
    "generator_fuel": "Gazole brûlé par un groupe électrogène pour la captation pendant "
                      "l'événement (saisi). Par défaut 0 : alimentation par le réseau.",
    "ob_van_km": "Distance parcourue par un car régie pour aller au lieu et en revenir "
                 "(saisie) ; gazole selon vehicle.ob_van.fuel (40 L aux 100 km, Euromedia "
                 "France via SVG Europe). Par défaut 0 : pas de car régie.",
    "quality_mix": "Part des heures par qualité ; par défaut tout en HD (qualité par "
                   "défaut de l'ADEME).",
    "gb_per_hour": "Go par heure pour chaque qualité : ADEME publicodes-acv-numerique 2.1.0 "
                   "« facteur qualité » (SD 0,7, HD 3, UHD 7 Go/h) ; Carbon Trust 2021, "
                   "tableau 3 (Full HD 3 Go/h).",
    "autoplay": "Les vidéos démarrent d'elles-mêmes (RGESN 2024, critère 4.1). Désactivée : "
                "la part de lecture automatique du temps de visionnage n'est pas regardée.",
    "autoplay_share": "Part du temps de visionnage saisi que la lecture automatique lance et "
                      "que les spectateurs n'auraient pas lancée eux-mêmes (saisie ; par "
                      "défaut 0 : chaque heure est choisie). Comptée tant que la lecture "
                      "automatique est active.",
    "audio_only_share": "Part du temps de visionnage en mode audio seul (RGESN 2024, "
                        "critère 5.5) : ses données au débit audio par heure au lieu de "
                        "celui de l'image ; les écrans comptés comme pour la vidéo. Par "
                        "défaut 0 (pas de mode audio seul).",
    "audio_gb_per_hour": "Données par heure en mode audio seul : ADEME "
                         "publicodes-acv-numerique 2.1.0 « visio . qualité . facteur "
                         "qualité », audio 168 Mio/h = 0,164 Go/h.",
    "set_top_box_share": "Part des heures de TV regardées via un boîtier TV ou une clé de "
                         "streaming (device.set_top_box) ; le modèle de l'ADEME n'en a "
                         "pas.",
    "streaming.device_mix": "Part des heures par écran ; par défaut la répartition moyenne "
                            "de l'ADEME (règle « streaming . appareil . moyenne "
                            "utilisation » : 70 % TV, 15 % ordinateur portable, 10 % "
                            "tablette, 5 % smartphone).",
    "streaming.network_mix": "Part des données sur lignes fixes et réseaux mobiles ; par "
                             "défaut tout en fixe (réseau par défaut de l'ADEME « fixe "
                             "FR »).",
    # -- measured --------------------------------------------------------------------------------
    "measurements": "Les mesures d'énergie (CodeCarbon ou un autre outil) : énergie CPU, "
                    "GPU et RAM ou totale d'une exécution, nombre d'exécutions sur la "
                    "période, pays et tiers où le travail a tourné.",
    # -- onsite_screens ----------------------------------------------------------------------------
    "equipment": "Les groupes d'écrans et d'appareils du lieu : appareil, nombre, heures "
                 "allumées par jour d'ouverture, puissances en marche et en veille, "
                 "durée de vie.",
    "days_open_per_year": "Jours d'ouverture du lieu dans l'année. Par an : multiplié par "
                          "la durée de la période couverte en années (un an quand le projet "
                          "n'indique pas de période).",
    # -- video_conference --------------------------------------------------------------------------
    "sessions": "Nombre de réunions tenues (saisi). Total sur la période couverte, tel que "
                "saisi (non ramené à sa durée).",
    "duration": "Durée d'une réunion, par exemple « 90 min ».",
    "participants": "Terminaux connectés par réunion, organisateurs et intervenants "
                    "compris (« emplacements » de l'ADEME ; sa valeur par défaut est 2).",
    "quality": "audio seul, ou la qualité vidéo ; par défaut SD (valeur par défaut de "
               "l'ADEME pour la visioconférence).",
    "video_conference.gb_per_hour": "Données par heure de connexion, à la place de la "
                                    "valeur de la qualité (ADEME publicodes-acv-numerique "
                                    "2.1.0 « visio . qualité . facteur qualité » : audio "
                                    "168/1024, SD 0,7, HD 3, UHD 7 Go/h).",
    "video_conference.device_mix": "Part des heures de connexion par terminal ; par défaut "
                                   "tout en ordinateurs portables (valeur « moyenne » de "
                                   "l'ADEME pour la visio : 100 % ordinateur portable).",
    "video_conference.network_mix": "Part des données sur réseaux fixes et mobiles ; par "
                                    "défaut tout en fixe (valeur par défaut de l'ADEME "
                                    "« fixe FR »).",
    "video_conference.serving_energy": "Électricité des serveurs par Go du flux de la "
                                       "réunion, bâtiment compris ; par défaut "
                                       "dc.video.energy (la visio de l'ADEME reprend son "
                                       "chiffre du streaming).",
    # -- video_streaming ---------------------------------------------------------------------------
    "hours_viewed": "Temps de visionnage du public (saisi ; ou indiquez les vues et la "
                    "durée moyenne de visionnage). Total sur la période couverte, tel que "
                    "saisi (non ramené à sa durée).",
    "views": "Nombre de vues (lectures), avec la durée moyenne de visionnage (saisi). "
             "Total sur la période couverte, tel que saisi (non ramené à sa durée).",
    "average_view_duration": "Durée moyenne regardée par vue (saisie), par exemple "
                             "« 7 min ».",
    # -- vr_experience -----------------------------------------------------------------------------
    "setting": "Où se vit l'expérience : sur place (casques et postes du lieu) ou à "
               "domicile (téléchargée par le public).",
    "onsite": "L'expérience sur place : casques (sessions, durée, recharge, réserve), "
              "postes PC, équipements annexes, jours et heures d'ouverture, mises à jour "
              "du contenu.",
    "at_home": "L'expérience à domicile : type d'équipement du public, taille d'un "
               "téléchargement, nombre de téléchargements et heures de jeu par "
               "téléchargement.",
    # -- website -----------------------------------------------------------------------------------
    "visits_per_year": "Visites (sessions) par an, d'après la mesure d'audience du site. "
                       "Par an : multiplié par la durée de la période couverte en années "
                       "(un an quand le projet n'indique pas de période).",
    "pages_per_visit": "Pages vues par visite. Par défaut 3 : estimation (utilisez votre "
                       "mesure d'audience).",
    "page_weight": "Poids moyen transféré d'une page, par exemple « 2,4 Mo ». Par défaut : "
                   "médiane d'Ecoindex, 2 420 ko (population HTTP Archive).",
    "pages": "Profils de pages avec leur part des pages vues, au lieu d'un seul poids de "
             "page.",
    "time_on_page": "Temps moyen passé sur une page. Par défaut 54 s : Contentsquare 2021 "
                    "Digital Experience Benchmark, tous secteurs (source secondaire).",
    "cached_share": "Part des données d'une page déjà en cache lors d'une visite de "
                    "retour. Par défaut 0,98 : SWD v3 (2 % rechargés).",
    "return_visit_share": "Part des visites faites par des visiteurs qui reviennent. Par "
                          "défaut 0,25 : SWD v3 (CO2.js 0.19.0).",
    "green_share": "Part renouvelable de l'électricité de l'hébergeur (utilisée par SWD ; "
                   "le chiffre calé sur la France est en approche « location-based »).",
    "hosting": "mutualisé ou cloud : part des serveurs au prorata des Go ; dédié : des "
               "serveurs entiers qui tournent 8 760 h par an. Par an : multiplié par la "
               "durée de la période couverte en années (un an quand le projet n'indique "
               "pas de période).",
    "servers": "Hébergement dédié seulement : nombre de serveurs (1 par défaut).",
    "server_power": "Hébergement dédié seulement : puissance moyenne d'un serveur. Par "
                    "défaut : device.server.power (ADEME).",
    "pue": "Hébergement dédié seulement : indicateur d'efficacité énergétique (PUE) du "
           "centre de données. Par défaut : dc.pue du pays d'hébergement (Arcep pour la "
           "France).",
    "nodes": "Nœuds DOM par page (Ecoindex). Par défaut : médiane d'Ecoindex, 693.",
    "website.autoplay": "Les médias démarrent d'eux-mêmes (RGESN 2024, critère 4.1). "
                        "Désactivée : autoplay_kb quitte le poids de chaque page.",
    "website.autoplay_kb": "Poids transféré par page vue des médias qui se lancent d'eux-mêmes "
                           "(une vidéo d'accueil en lecture automatique…), compris dans le "
                           "poids de la page (saisi ; par défaut 0). Compté tant que la "
                           "lecture automatique est active.",
    "website.requests": "Requêtes HTTP par page (Ecoindex). Par défaut : médiane "
                        "d'Ecoindex, 78.",
    "website.device_mix": "Part des pages vues par terminal. Par défaut : StatCounter, "
                          "France, début 2024 (via avcaesar.com) : ordinateurs 49,55 %, "
                          "mobiles 47,99 %, tablettes environ 2,5 % ; estimation : "
                          "ordinateurs répartis 60 % portables / 40 % fixes.",
    "website.network_mix": "Part des données par réseau. Par défaut (estimation) : environ "
                           "40 % des pages vues sur smartphone passent par un réseau "
                           "mobile, le reste par des lignes fixes et le Wi-Fi.",
    "website.serving_energy": "Hébergement mutualisé ou cloud : électricité par Go servi, "
                              "serveurs et bâtiment compris (pas de PUE en plus). Par "
                              "défaut : dc.web.energy (Sustainable Web Design v4, "
                              "55 Wh/Go).",
    # -- project settings (the Describe page's « Réglages du projet ») -----------------------
    "project.name": "Le nom du projet, repris dans les résultats, les exports et la liste "
                    "des projets enregistrés.",
    "project.organisation": "L'établissement ou le service qui porte le projet "
                            "(facultatif), repris dans les exports.",
    "project.description": "Une description libre du projet (facultative), reprise dans les "
                           "exports.",
    "project.reporting_period": "La période couverte par le bilan : les quantités « par "
                                "an » y sont ramenées ; sans période, un an.",
    "project.reporting_period.start": "Premier jour de la période (AAAA-MM-JJ).",
    "project.reporting_period.end": "Dernier jour de la période (inclus).",
    "project.audience_country": "Où se trouve le public (électricité des terminaux et des "
                                "réseaux).",
    "project.hosting_country": "Où se trouvent les serveurs (électricité des centres de "
                               "données).",
    "project.venue_country": "Où fonctionne le matériel du lieu (écrans, caméras, casques) ; "
                             "par défaut le pays du public.",
    "project.network_country": "Où circulent les données sur les réseaux (leur électricité) ; "
                               "par défaut le pays du public de chaque service.",
    "project.functional_unit": "L'unité rendue par le projet (une heure de spectacle vue, "
                               "une visite…) : les résultats sont aussi donnés par unité.",
    "project.functional_unit.name": "Le nom de l'unité, par exemple « heure de spectacle "
                                    "vue ».",
    "project.functional_unit.quantity": "Combien d'unités le projet rend (au moins 0,001 : "
                                        "un total divisé par moins donnerait un chiffre "
                                        "absurde).",
    "project.options": "Les conventions de calcul du projet.",
    "project.options.allocation": "Comment la fabrication d'un terminal est partagée entre "
                                  "ses usages : au prorata des heures d'usage sur sa durée de "
                                  "vie (convention de l'ADEME) ou du temps calendaire (celle "
                                  "de Boavizta).",
    "project.options.grid_basis": "Facteurs de l'électricité : « reference » prend la "
                                  "référence embarquée de chaque pays (mix de consommation "
                                  "ADEME Base Empreinte 2024 pour la France, mix de "
                                  "production d'Ember ailleurs) et les facteurs réseau par "
                                  "Go publiés par l'ADEME là où un pays en a ; « ember » "
                                  "prend le mix de production d'Ember pour tous les pays, "
                                  "France comprise, et le modèle énergétique des réseaux "
                                  "partout, pour comparer des pays sur une même base.",
    "project.reporting": "Comment les résultats se rangent dans un bilan carbone BEGES v5 / "
                         "GHG Protocol (facultatif).",
    "project.reporting.audience_device_manufacture": "La part de fabrication des terminaux "
                                                     "du public : sur une ligne "
                                                     "d'information hors totaux (par "
                                                     "défaut), ou dans le poste BEGES 5.1 "
                                                     "/ scope 3 catégorie 11.",
    "project.reporting.mapping": "Des exceptions à la correspondance par défaut, appliquées "
                                 "dans l'ordre (la dernière qui s'applique l'emporte).",
    "project.reporting.purchases": "Les équipements achetés dans la période, comptés en "
                                   "entier pour le GHG Protocol (l'année de l'achat) : service, "
                                   "composant, nombre d'appareils.",
    "project.scenarios": "Des variantes du projet à comparer avec lui (page Scénarios, "
                         "footprint compare).",
}
