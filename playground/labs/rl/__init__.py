"""The reinforcement lab: a deep Q-network agent learns its way through a grid world."""
