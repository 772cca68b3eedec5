"""English catalog (same keys as fr.py)."""

MESSAGES: dict[str, str] = {
    # -- measure ---------------------------------------------------------------------------
    "measure_intro": "Measure what your own jobs really consume (an OCR batch, a video "
                     "transcoding, a photogrammetry run) with CodeCarbon, offline, and add "
                     "the runs to a service of the open project. Measured figures stay "
                     "apart from modelled ones in the results.",
    "measure_upload_tab": "Import emissions.csv", "measure_job_tab": "Measure a job",
    "measure_upload": "CodeCarbon's emissions.csv (one row per run)",
    "measure_command": "Command to measure",
    "measure_command_help": "Run on this server, without a shell, while CodeCarbon measures "
                            "the machine.",
    "measure_per_item": "Items the job processes (0: not per item)",
    "measure_run": "Run and measure", "measure_running": "Measuring…",
    "measure_failed": "The command exited with status {code}: nothing was measured.",
    "measure_job_disabled": "Running a command from the browser would run it on the server, "
                            "so it is off here (set {env}=1 for an app on your own machine). "
                            "Measure the job on its machine with the command line, then "
                            "import the emissions.csv it writes:",
    "measure_runs": "Runs to add ({n})",
    "measure_estimate_note": "Estimate: without energy counters (RAPL, NVML) CodeCarbon "
                             "models the power from the processor's TDP and load, and always "
                             "models RAM; an imported file does not say which.",
    "measure_service": "Measured service (created if absent)",
    "measure_tier": "Where the job runs",
    "measure_items_per_run": "Items per run (0: not per item)",
    "measure_items": "Items over the period (0: as measured)",
    "measure_repeat": "Runs over the period",
    "measure_attach": "Add to the project",
    "measure_attached": "{n} run(s) added to “{service}” and saved.",
    "measure_note": "{n} measured run(s) added to {service}",
    "measure_default_service": "Measured jobs",
    "measure_col_name": "Run", "measure_col_energy": "Energy (Wh)", "measure_col_cpu": "CPU (Wh)",
    "measure_col_gpu": "GPU (Wh)", "measure_col_ram": "RAM (Wh)",
    "measure_col_duration": "Duration (s)", "measure_col_method": "How it was measured",
    "measure_col_tool": "Tool", "measure_col_run": "Run id",
    "measure_method_hardware": "hardware counters", "measure_method_estimate": "estimate",
    "measure_method_not_recorded": "not recorded",
    # -- navigation ------------------------------------------------------------------------
    "nav_home": "Home", "nav_describe": "Describe", "nav_results": "Results",
    "nav_scenarios": "Scenarios", "nav_ecodesign": "Eco-design",
    "nav_factors": "Emission factors", "nav_export": "Export", "nav_measure": "Measure",
    "language": "Français", "language_help": "Passer en français",
    "current_project": "Open project", "no_project": "No project open",
    "saved_as": "Saved (version {version})", "not_saved": "Not saved",
    "next_step": "Next step",
    # -- home ------------------------------------------------------------------------------
    "app_title": "Environmental footprint of digital cultural services",
    "intro": "For teams in museums, theatres, archives and libraries: describe a digital "
             "service (a streamed concert, a website, a VR visit, a digitisation…) and see "
             "its footprint over its whole life cycle, from users' devices to data centres. "
             "Compare variants, follow the eco-design leads and leave with an export where "
             "every figure cites its source.",
    "start": "Get started", "new_project": "New project",
    "new_from": "Start from", "from_scratch": "A blank template of the chosen kind",
    "new_kind": "Kind of service", "new_name": "Project name",
    "new_name_default": "My project", "create": "Create the project",
    "open_sample": "Open a sample project", "open": "Open",
    "upload_tab": "Upload a file", "upload": "Upload a project file (YAML or JSON, 5 MB at most)",
    "upload_done": "File “{name}” uploaded and saved.",
    "upload_error": "The file “{name}” was not uploaded; the open project is unchanged.",
    "reopen": "Reopen a saved project", "no_saved": "No saved project yet: a project you "
    "create, upload or change is saved automatically.",
    "saved_list": "Project", "saved_at": "Saved on", "versions": "Versions",
    "workspace_unavailable": "The workspace ({url}) cannot be reached: nothing can be saved "
                             "for now. {error}",
    "summary": "At a glance", "go_describe": "Describe or change the service",
    "go_results": "See the detailed results",
    "save_copy": "Save a copy in my workspace",
    "saved": "Saved: version {version}.",
    "download_project": "Download the project file (YAML)",
    "version_pick": "Version", "open_version": "Open this version",
    "sample_title": "Sample: {title}",
    # -- samples ---------------------------------------------------------------------------
    "sample_archive_digitisation": "Notarial fonds digitisation and ten-year preservation",
    "sample_collections_database_custom": "Collections database and researchers' portal",
    "sample_museum_chatbot": "Museum chatbot guide",
    "sample_museum_video_series": "“Les coulisses”, web video series",
    "sample_museum_website": "National museum websites",
    "sample_online_workshops": "Online education programme (video workshops)",
    "sample_opera_live_replay": "La Traviata, live stream and replay",
    "sample_podcast_series": "“Objets migrateurs”, podcast",
    "sample_venue_screens": "Museum galleries: screens and kiosks",
    "sample_vr_heritage_site": "Abbey in VR",
    # -- kinds -----------------------------------------------------------------------------
    "video_streaming": "On-demand video", "live_event": "Live-streamed event",
    "audio_streaming": "Audio, podcast", "website": "Website, online collection",
    "vr_experience": "Virtual reality", "digitisation_campaign": "Digitisation campaign",
    "ai_assistant": "Chatbot (AI)", "onsite_screens": "On-site screens",
    "custom": "Custom components", "measured": "Measured energy",
    "video_conference": "Video conference, online workshop",
    # -- ids -------------------------------------------------------------------------------
    "manufacturing": "Manufacturing", "distribution": "Distribution", "use": "Use",
    "end_of_life": "End of life",
    "user_devices": "User devices", "networks": "Networks", "data_centres": "Data centres",
    "onsite": "On-site equipment",
    "climate_change": "Climate change", "primary_energy": "Primary energy",
    "abiotic_depletion": "Abiotic depletion", "water": "Water",
    "resource_use_fossils": "Resource use, fossils",
    "acidification": "Acidification", "particulate_matter": "Particulate matter",
    "ionising_radiation": "Ionising radiation",
    "stage": "Stage", "tier": "Tier", "service": "Service",
    "use_time": "by hours of use (ADEME)", "calendar_time": "by calendar time (Boavizta)",
    # -- results ---------------------------------------------------------------------------
    "total": "Climate change", "electricity": "Electricity used",
    "band": "90 % interval (P5 – P95, Monte Carlo): {low} – {high} {unit}",
    "band_help": "{draws} Monte Carlo draws (seed {seed}) of every emission factor and "
                 "dataset parameter within its range: 90 % of them fall in the interval "
                 "shown. The extreme bounds are in the table of all indicators.",
    "computing_band": "Computing the uncertainty (Monte Carlo)…",
    "per_fu": "Per {unit}", "range_help": "Extreme bounds: {low} – {high} {unit} (every "
    "factor at its low end, then its high end: not a confidence interval)",
    "incomplete": "Incomplete total: {n} part(s) with no factor for this indicator are not "
                  "counted (see “What is not covered”).",
    "complete": "Every part of the project has a factor for this indicator.",
    "by_stage_tier": "By lifecycle stage and tier",
    "by_tier": "By tier", "by_stage": "By lifecycle stage", "by_service": "By service",
    "data_table": "The chart's data", "not_covered": "not covered",
    "in_manufacturing": "in manufacturing (non-use figure)",
    "indicator": "Indicator", "value": "Value", "unit": "Unit",
    "range": "Extreme bounds (every factor at its end)", "parts_not_covered": "Parts not covered",
    "totals_title": "All indicators", "coverage": "Coverage",
    "status_complete": "complete", "status_partial": "partial",
    "status_incomplete": "INCOMPLETE", "status_empty": "nothing (0)",
    "incomplete_total": "Incomplete total: {missing} not covered (estimated share "
                        "missing: {share}). See “Please read”.",
    "not_covered_detail": "What is not covered (parts with no factor: not counted, not zero)",
    "details": "Traceable detail (factor, dataset, source)",
    "sources": "Data sources and licences",
    "warnings": "Please read", "error": "The project is not valid",
    "allocation": "Sharing of device manufacture",
    "allocation_help": "How a device's manufacture is shared among its uses.",
    "network_model": "Network model",
    "network_model_help": "Per GB transferred (ADEME factors) or per connection time "
                          "(power model).",
    "as_described": "as described (per service)", "per_gb": "per GB transferred (ADEME)", "per_time": "per connection time (power)",
    "network_model_mixed": "The network model is set per service in “Describe”; this "
                           "project has no video or audio service.",
    "equivalences": "To picture this figure",
    "equiv_smartphones": "smartphones manufactured",
    "equiv_smartphones_per": "{per} kgCO2e per smartphone: manufacture, distribution and end "
                             "of life, use excluded",
    "equiv_electricity_fr": "kWh of French grid electricity",
    "equiv_electricity_fr_per": "{per} kgCO2e per kWh (French consumption mix, life cycle)",
    "equiv_streaming_hours": "hours of HD video streamed",
    "equiv_streaming_hours_per": "{per} kgCO2e per hour watched at home in France (HD, "
                                 "fixed network, ADEME's average screen mix)",
    "equiv_source": "Sources: {source}",
    "web_methods": "Websites: our figures and the published methods",
    "web_methods_help": "SWD v4, SWD v3 and Ecoindex figures are shown beside ours, never "
                        "added.",
    "quantity": "Quantity", "source": "Source",
    "period_basis": "Period: {period}",
    "no_fu": "No functional unit: add one in “Describe” for a figure per hour viewed, per "
             "visit…",
    "project_settings": "Project settings",
}

MESSAGES.update({
    "err_missing": "required field", "err_extra_forbidden": "unknown field (check its "
    "spelling)",
    "err_greater_than_equal": "must be greater than or equal to {ge}",
    "err_greater_than": "must be greater than {gt}",
    "err_less_than_equal": "must be less than or equal to {le}",
    "err_less_than": "must be less than {lt}",
    "err_float_parsing": "a number is expected", "err_float_type": "a number is expected",
    "err_int_parsing": "a whole number is expected",
    "err_int_from_float": "a whole number is expected",
    "err_bool_parsing": "yes or no is expected",
    "err_literal_error": "value not allowed; allowed values: {expected}",
    "err_string_too_short": "must not be empty",
    "err_too_short": "at least {min_length} item(s)",
    "err_too_long": "at most {max_length} item(s)",
    "err_string_too_long": "at most {max_length} characters",
    "err_date_from_datetime_parsing": "a date YYYY-MM-DD is expected",
    "err_date_parsing": "a date YYYY-MM-DD is expected",
    "err_unknown_factor": "unknown factor “{code}”; close matches: {matches}",
    "err_unknown_parameter": "unknown parameter “{code}”; close matches: {matches}",
    "err_not_utf8": "the file is not UTF-8 text (byte {byte}): save it as UTF-8 and upload "
                    "it again",
    "warn_factor_region_substituted": "{code}: no {indicator} factor for {region}; the "
                                      "{used} value is used",
    "warn_parameter_region_substituted": "{code}: no value for {region}; the {used} value "
                                         "is used",
    "field_problem": "{path}: {message}",
})

MESSAGES.update({
    "describe_intro": "Describe the project, then each of its services. A field left empty "
                      "takes its default (shown in the field, its source in the (?) help). "
                      "Quantities are written with or without a unit: “2.75 h”, “165 min”, "
                      "“20 Mbit/s”.",
    "services": "Services", "remove_service": "Remove this service",
    "add_service_kind": "Add a service of kind", "add_service": "Add",
    "form_errors": "{n} problem(s) to fix: each message is under its field. Nothing you "
                   "typed is lost.",
    "save_assess": "Save and assess", "yaml_view": "Advanced: the project as YAML",
    "yaml_label": "Project file (YAML)", "yaml_apply": "Apply the YAML",
    "service_countries": "Countries of this service (if not the project's)",
    "form_range": "Allowed range: {range}", "form_default": "default: {value}",
    "form_default_data": "default: the datasets' value (source in the results)",
    "form_include": "Include", "form_default_help": "default: see the (?) help",
    "unit_year": "year", "unit_day": "d", "components": "Components and activities",
    "col_component": "Component", "col_activity": "Activity", "col_factor": "Factor",
    "col_factor_help": "Emission-factor code: type to search (see the Emission factors "
                       "page).",
    "col_amount": "Amount", "col_unit_help": "kWh, GB, h, TB*year, device…",
    "col_region": "Region", "col_region_help": "Country code (FR, DE…), EU27 or GLO; empty: "
                                               "the service's.",
    "param_name": "Name", "param_organisation": "Organisation", "param_description":
    "Description", "param_audience_country": "Audience country",
    "param_hosting_country": "Hosting country", "param_venue_country": "Venue country",
    "param_reporting_period": "Reporting period", "param_start": "Start (YYYY-MM-DD)",
    "param_end": "End (YYYY-MM-DD)", "param_functional_unit": "Functional unit",
    "param_quantity": "Quantity", "param_options": "Method options",
    "param_allocation": "Sharing of device manufacture",
    "param_event_duration": "Event duration", "param_live_viewers":
    "Concurrent live viewers", "param_live_watch_share": "Share of the event watched",
    "param_replay_hours_viewed": "Replay hours viewed",
    "param_production_hours": "Production equipment hours",
    "param_production_equipment": "On-site production kit",
    "param_contribution_bitrate": "Bitrate sent from the venue",
    "param_transcoding_server_hours": "Transcoding server-hours",
    "param_renditions": "Renditions (bitrate ladder)",
    "param_transcoding_power": "Transcoding server power",
    "param_transcoding_pue": "Transcoding data-centre PUE",
    "param_network_mix": "Networks (fixed / mobile)", "param_network_model": "Network model",
    "param_box_power": "Home-box power", "param_serving_energy":
    "Server energy per GB", "param_device_power": "Device powers",
    "param_background_power": "Screen-off power",
    "param_cached_answer_share": "Share of answers served from a cache",
    "param_components": "Components", "param_device_daily_use": "Device daily use",
    "param_device_lifetime": "Device lifetime", "param_duration": "Duration",
    "param_generator_fuel": "Generator fuel",
    "param_kind": "Kind of service", "param_lighting_power": "Stage lighting power",
    "param_measurements": "Measurements", "param_network_country": "Network country",
    "param_ob_van_km": "Outside-broadcast van distance",
    "param_participants": "Connected participants",
    "param_quality": "Quality", "param_request_latency": "Measured response time",
    "param_schedule": "Schedule",
    "param_screen_off_share": "Share listened with the screen off",
    "param_sessions": "Number of sessions",
    "param_reporting": "Carbon balance (BEGES, GHG Protocol)",
    "param_grid_basis": "Basis of the electricity factors",
    "param_audience_device_manufacture": "Manufacture of the audience's devices",
    "param_mapping": "Mapping of the lines", "param_purchases": "Equipment purchases",
    "param_scenarios": "Scenarios", "param_overrides": "Changed values",
    "sd": "SD", "hd": "HD", "full_hd": "Full HD", "uhd": "4K",
    "param_quality_mix": "Qualities watched", "param_gb_per_hour": "GB per hour by quality",
    "param_autoplay": "Autoplay on", "param_autoplay_kb": "Autoplaying media per page", "param_autoplay_share": "Share of viewing started by "
    "autoplay", "param_audio_only_share": "Share of viewing in audio-only mode",
    "param_audio_gb_per_hour": "GB per hour in audio-only mode",
    "param_device_mix": "Devices used", "param_set_top_box_share":
    "Share of TV hours via a set-top box", "param_hours_viewed": "Hours viewed",
    "param_views": "Views", "param_average_view_duration": "Average view duration",
    "param_visits_per_year": "Visits per year", "param_pages_per_visit": "Pages per visit",
    "param_page_weight": "Page weight", "param_requests": "Requests",
    "param_nodes": "Page elements (DOM)", "param_pages": "Page profiles",
    "param_return_visit_share": "Share of return visits", "param_cached_share":
    "Share cached", "param_hosting": "Hosting", "param_servers": "Servers",
    "param_server_power": "Server power", "param_pue": "PUE",
    "param_green_share": "Green electricity share", "param_time_on_page": "Time on page",
    "param_listens": "Listens", "param_average_listen_duration": "Average listen duration",
    "param_bitrate": "Bitrate", "param_delivery": "Delivery", "param_downloads":
    "Downloads", "param_episode_duration": "Episode duration",
    "param_days_open_per_year": "Days open per year", "param_equipment": "Equipment",
    "param_count": "Count", "param_device": "Device", "param_hours": "Hours",
    "param_power": "Power", "param_setting": "Setting",
    "param_onsite": "On site", "param_at_home": "At home", "param_items": "Items",
    "param_capture": "Capture station", "param_processing": "Processing",
    "param_storage": "Storage", "param_dissemination": "Online dissemination",
    "param_provider": "Provider", "param_model": "Model", "param_self_hosted":
    "Self-hosted", "param_conversations": "Conversations",
    "param_requests_per_conversation": "Requests per conversation",
    "param_output_tokens": "Output tokens per answer",
    "param_device_time_per_request": "Screen time per request",
    "param_data_per_request": "Data per request",
})

MESSAGES.update({
    "factors_intro": "Every bundled emission factor and parameter, with its range, its "
                     "quality (published, derived or estimate), its source and its "
                     "dataset's licence.",
    "search": "Search", "search_hint": "code, a word of the note or source…",
    "all": "All", "factors_tab": "Factors", "parameters_tab": "Parameters",
    "datasets_tab": "Datasets", "rows_shown": "{n} row(s) of {total}",
    "quality": "Quality", "quality_published": "published", "quality_derived": "derived",
    "quality_estimate": "estimate", "licence": "Licence", "note": "Note (arithmetic)",
    "dataset": "Dataset",
})

MESSAGES.update({
    "computing": "Computing…",
    "scenarios_intro": "A scenario changes one or more parameters of the project. Each is "
                       "compared with the baseline on the same random draws of the factors "
                       "(Monte Carlo), hence the probability that it is lower.",
    "scenarios_list": "The project's scenarios", "no_scenarios": "No scenario yet.",
    "remove_scenario": "Delete this scenario", "new_scenario": "New scenario",
    "scenario_name": "Scenario name", "parameter": "Parameter", "new_value": "New value",
    "current_value": "Current value: {value}", "add_scenario": "Create the scenario",
    "comparison": "Comparison", "draws": "Monte Carlo draws", "scenario": "Scenario",
    "baseline": "Baseline", "p_lower": "Probability of being lower",
    "mc_note": "{draws} draws (seed {seed}), the same draws for every scenario; p5 – p95: "
               "90 % of the draws.",
    "tornado": "What matters most (tornado)",
    "tornado_help": "Each input at its low then its high end, the others at their values: "
                    "bars run from the total at one end to the total at the other; the "
                    "line is the central total.",
    "input": "Input", "kind_of_input": "Kind", "factor": "factor",
    "total_low": "Total (low end)", "total_high": "Total (high end)",
    "swing_pct": "Swing (% of the total)",
    "export_intro": "Download the results: every file carries its sources and the data's "
                    "licences.",
    "export_with_extras": "Include the scenarios (comparison)",
    "export_with_extras_help": "Adds the scenarios' comparison when the project has some.",
    "export_xlsx": "Excel workbook (XLSX)", "export_csv": "CSV tables (zip)",
    "export_json": "JSON", "export_html": "Report (HTML)", "export_pdf": "Report (PDF)",
    "export_xlsx_help": "Every table: summary, stages × tiers, services, BEGES, GHG "
                        "Protocol, traceable detail, factors, sources and licences.",
    "export_csv_help": "The same tables, one CSV file each, and the attributions.",
    "export_json_help": "For another tool: figures, units, provenance (published schema).",
    "export_html_help": "The report for a director (summary, carbon balance, method and "
                        "sources), to open in a browser.",
    "export_pdf_help": "The same report as PDF, to print or attach.",
})

MESSAGES.update({
    "ecodesign_intro": "Eco-design leads for this project, ranked by the saving the engine "
                       "computes (two assessments: before, after), with their RGESN "
                       "references and the estimated effort. One click makes one a "
                       "scenario.",
    "no_suggestions": "No lead applies to this project.",
    "already_scenario": "Already a scenario of the project.",
    "to_scenario": "Make it a scenario",
    "no_effect": "Leads with no computed effect on this project ({n})",
    "saving": "Saving", "saving_help": "90 % of the draws between {p5} and {p95} kgCO2e",
    "saving_pct": "Saving (% of the total)", "effort": "Effort",
    "effort_low": "low", "effort_medium": "medium", "effort_high": "high",
    "rgesn_refs": "Framework (RGESN): {refs}",
    "not_modelled": "Not counted in the saving: {text}",
    "suggestion_estimate": "Saving based on an estimate (see the factors).",
})
