"""Priorities (issue 7): the evidence behind each scenario, the combined ranking, per-group
rankings, robustness and disagreements. No Qt; the Priorities page and ``huizhi rank`` use it.

- ``evidence.py``: :func:`gather_evidence` (cached in the project) and :func:`evidence_rows`
- ``model.py``: :class:`PriorityModel`, saved in the project
- ``ranking.py``: :func:`rank_scenarios`, :func:`ranking_json`
"""
