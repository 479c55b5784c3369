"""The home page: every lab, what it teaches, and a link to it."""

from playground.ui.home import home

home()
