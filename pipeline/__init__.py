"""แผนการดำเนินงาน pipeline: Word drafts → records → checks → official documents."""

__version__ = "0.1.0"
