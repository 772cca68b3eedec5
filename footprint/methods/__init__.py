"""Published web-footprint methods.

Submodules (imported on demand, nothing heavy here):

``footprint.methods.swd``
    Sustainable Web Design v4 and v3, totals identical to CO2.js 0.19.0.
``footprint.methods.ecoindex``
    Ecoindex score, grade, greenhouse gases and water per page view,
    identical to ecoindex-compute 5.10.0.
"""
