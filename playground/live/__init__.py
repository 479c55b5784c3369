"""Live training for the page: the panel message, the per-session feed, its WebSocket route.

No streamlit here: the page (playground/ui) and the server's route (routes.py) both use it.
"""
