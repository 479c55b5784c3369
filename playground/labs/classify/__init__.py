"""The classify lab: supervised learning with a dense network (the playground's first lab).

Its settings table is playground/config's; lab.py is its Lab, session.py its session
(Playground), views.py its view table, grid and stats.
"""
