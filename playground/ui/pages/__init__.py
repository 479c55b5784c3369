"""The scripts of the app's pages (st.navigation runs one per rerun; see ui/navigation.py)."""
