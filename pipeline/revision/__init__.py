"""A revision of the announced plan: the previous version read back and compared."""
