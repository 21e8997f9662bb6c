"""Streamlit front end of the Gannan Planning Atlas: map building, legends, strings, views, caching.

Only this package (and app.py) imports streamlit or folium; geo/ and network/ stay UI-free.
"""
