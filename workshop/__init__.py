"""Workshops: sessions, participants and cards. No Qt here."""
