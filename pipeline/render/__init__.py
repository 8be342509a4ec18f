"""The official documents: docxtpl contexts, the .docx writer, typesetting, the chart."""
