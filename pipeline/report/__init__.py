"""The findings told to people: the terminal, report.html, report.json, records.xlsx."""
