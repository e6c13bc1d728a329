"""Server-side SVG: the choropleth map, sparklines and series charts.

Rendering in Python keeps pages script-free and accessible, and lets the
browser (or WeasyPrint) shape Arabic labels, which stay real text.
Colours come from CSS classes, never inline styles, so a strict CSP holds.
"""
