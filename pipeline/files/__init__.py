"""Files on disk: atomic writes, the outputs set, paths, LibreOffice, spreadsheets."""
