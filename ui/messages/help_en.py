"""Help texts in English of the kinds' parameters whose schema has no description (the
groups and the fields every kind shares); the others' English help is their schema
description (``footprint schema``), so the two never drift apart."""

HELP = {
    "kind": "The kind of service: it decides which parameters are asked and how they "
            "become flows (electricity, data, equipment manufacture).",
    "name": "The service's name, as results and exports show it.",
    "description": "A free description of the service (optional), carried into the "
                   "exports.",
    "components": "The service's components, one row per activity: the emission factor "
                  "(code), the amount and its unit, the tier and the region. Rows of the "
                  "same component and tier form one component.",
    "items": "The groups of originals digitised: type, count, size and resolution, master "
             "format and derived files.",
    "capture": "The capture station: device, power, lifetime and daily use.",
    "processing": "Processing after capture: OCR, derived files, photogrammetry, and where "
                  "it runs (a data centre or on site).",
    "storage": "Keeping the files: copies and their media, years kept, yearly growth of "
               "the volume, disk redundancy and fill rate.",
    "dissemination": "Putting the files online (optional): views per year, data and screen "
                     "time per view, devices and networks.",
    "measurements": "Energy measurements (CodeCarbon or another tool): CPU, GPU and RAM or "
                    "total energy of a run, runs over the period, country and tier where "
                    "the work ran.",
    "equipment": "The venue's groups of screens and devices: device, count, hours on per "
                 "opening day, power on and in standby, lifetime.",
    "setting": "Where the experience happens: on site (the venue's headsets and stations) "
               "or at home (downloaded by the audience).",
    "onsite": "The on-site experience: headsets (sessions, length, charging, spares), PC "
              "stations, support equipment, opening days and hours, content updates.",
    "at_home": "The at-home experience: the audience's equipment, size of a download, "
               "downloads and hours of play per download.",
    # -- project settings with no description in the schema --------------------------------
    "project.name": "The project's name, as results, exports and the saved projects show "
                    "it.",
    "project.organisation": "The institution or department behind the project (optional), "
                            "carried into the exports.",
    "project.description": "A free description of the project (optional), carried into "
                           "the exports.",
    "project.reporting_period": "The period the assessment covers: quantities given per "
                                "year are scaled to it; without a period, one year.",
    "project.reporting_period.start": "First day of the period (YYYY-MM-DD).",
    "project.functional_unit": "The unit the project delivers (an hour of performance "
                               "viewed, a visit…): results are also given per unit.",
    "project.functional_unit.name": "The unit's name, e.g. 'hour of performance viewed'.",
    "project.options": "The project's calculation conventions.",
    "project.reporting.purchases": "Equipment bought in the period, counted whole for the "
                                   "GHG Protocol (in the purchase year): service, "
                                   "component, number of devices.",
}
