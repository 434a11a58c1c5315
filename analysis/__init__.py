"""Analysis, demo data and exports over surveys and workshops. No Qt here."""
