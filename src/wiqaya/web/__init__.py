"""The web shell: FastAPI + Jinja2 pages and the REST API, over the stage services."""
