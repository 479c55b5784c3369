"""Live training for the page: the panel message, the per-session feed and its HTTP route.

No streamlit here: the page (playground/ui) and the server's route (routes.py) both use it.
"""
