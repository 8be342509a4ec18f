"""The follow-up: status forms, their reading, and the progress report."""
