"""The page of the lab shown (st.navigation registers this script once per lab)."""

from playground.ui import state
from playground.ui.lab_page import lab_page

lab_page(state.lab())
