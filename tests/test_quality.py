"""Data-quality flags: duplicates, speeders, straight-lining, and the switch that excludes them."""

from __future__ import annotations

from survey.quality import compute_flags, flag_counts, set_exclusion
from survey.store import ResponseRecord, add_responses, count_open_text_answers, create_survey
from survey.templates import load_template


def base_answers(i):
    return {
        "consent": "yes", "identity": "citizen", "district": ["dongcheng", "xicheng", "beihu"][i % 3],
        "age": ["18_29", "30_44", "45_59"][i % 3], "commutes": ["yes", "no"][i % 2], "satisfaction": str(1 + i % 5),
        "digital_skill": str(1 + (i + 2) % 5), "privacy": str(1 + (i + 3) % 5), "used_hotline": "no",
        "top_scenarios": "gov_one_network", "pain": f"第 {i} 位市民的意见",
        "grid_traffic_congestion_value": str(1 + i % 5), "grid_traffic_parking_value": str(1 + (i + 1) % 5),
    }


def record(i, answers, minutes=10):
    start = f"2026-10-08T09:{i % 60:02d}:00"
    end_minute = i % 60 + minutes
    end = f"2026-10-08T{9 + end_minute // 60:02d}:{end_minute % 60:02d}:00"
    return ResponseRecord(answers, "citizen", started_at=start, ended_at=end, submitted_at=end)


def test_flags_find_duplicates_speeders_and_straight_lining(project):
    survey_id = create_survey(project, load_template("citizen"))
    records = [record(i, base_answers(i)) for i in range(20)]
    records.append(record(20, {**base_answers(3), "pain": "另一段话"}))  # same closed answers as #4
    records.append(record(21, base_answers(4), minutes=1))  # finished far faster than the median
    straight = {**base_answers(5), **{f"grid_{code}_{aspect}": "3" for code in ("traffic_congestion", "traffic_parking",
                "traffic_transit", "health_appointment") for aspect in ("value", "urgency")}}
    records.append(record(22, {**straight, "satisfaction": "3", "digital_skill": "3", "privacy": "3"}))
    records.append(record(23, {**base_answers(6), "phone": "13812345678", "follow_up": "yes"}))
    records.append(record(24, {**base_answers(7), "phone": "13812345678", "follow_up": "yes"}))
    add_responses(project, survey_id, records)
    counts = compute_flags(project, survey_id)
    assert counts["speeder"] == 1 and counts["straight"] == 1
    assert counts["duplicate"] == 3  # #21 copies #4's choices, #22's vector repeats, #25 repeats #24's phone
    flagged = dict(project.db.conn.execute(
        "SELECT r.id, f.kind FROM response_flags f JOIN responses r ON r.id = f.response_id WHERE f.kind != 'duplicate'"))
    assert flagged[22] == "speeder" and flagged[23] == "straight"
    assert flag_counts(project, survey_id) == counts


def test_excluding_flagged_responses_takes_them_out_of_analysis(project):
    survey_id = create_survey(project, load_template("citizen"))
    add_responses(project, survey_id, [record(i, base_answers(i)) for i in range(12)] +
                  [record(12, base_answers(2), minutes=1)])
    compute_flags(project, survey_id)
    before = count_open_text_answers(project)
    kinds = {k for (k,) in project.db.conn.execute("SELECT kind FROM response_flags WHERE response_id = 13")}
    assert kinds == {"speeder", "duplicate"}  # fast, and the same choices as #3
    assert set_exclusion(project, True) == 1
    assert count_open_text_answers(project) == before - 1
    assert set_exclusion(project, False) == 0
    assert count_open_text_answers(project) == before


def test_straight_lining_is_judged_per_battery(project):
    """The grid alone can be straight-lined while the Likert items elsewhere vary; a run
    shorter than the threshold is not enough."""
    survey_id = create_survey(project, load_template("citizen"))
    grid = ("traffic_congestion", "traffic_parking", "traffic_transit", "health_appointment")
    records = [record(i, base_answers(i)) for i in range(12)]
    records.append(record(12, {**base_answers(20), **{f"grid_{c}_{a}": "4" for c in grid for a in ("value", "urgency")}}))
    records.append(record(13, {**base_answers(21), **{f"grid_{c}_value": "4" for c in grid}, "grid_traffic_parking_value": "4"}))
    add_responses(project, survey_id, records)
    compute_flags(project, survey_id)
    straight = dict(project.db.conn.execute("SELECT response_id, detail FROM response_flags WHERE kind = 'straight'"))
    assert list(straight) == [13]
    assert "8 项评分都选了 4" in straight[13] and "价值与紧迫性" in straight[13]
