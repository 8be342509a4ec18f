"""Many organisations at once."""
