"""The meeting pack and GIS interchange: PowerPoint/PDF reports of a scenario, and the GeoPackage export.

Imports go one way: ``geo`` → ``network`` → ``reports`` → ``ui``. Nothing here imports streamlit; the
CLI (``reports.commands``) and the app's download button call the same ``reports.report.make_report``.
"""
