"""The workshop screens: capture and affinity board, SWOT, scoring, records, session set-up,
and the projector window. The page that holds them is ``desktop.pages.workshops``."""
