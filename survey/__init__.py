"""Surveys: definitions, versions, responses and their answers. No Qt here."""
