"""Labs: one kind of model each (classify, autoencoder, ...), all through one seam.

base.py says what a lab is (its settings table, views, session); session.py is the
generic training session a Trainer-based lab builds on; registry.py lists the labs, which
drive the pages, the URL and the command line. The contract is /work/wt/LAB_PROTOCOL.md.
"""
