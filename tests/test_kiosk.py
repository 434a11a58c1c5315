"""The respondent kiosk and interviewer mode, on real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.kiosk import AnswerWindow, check_pin, set_pin
from survey.capture import Capture, drafts
from survey.store import create_survey
from survey.templates import load_template
from workspace import create_project, open_project


@pytest.fixture
def project_file(tmp_path):
    path = tmp_path / "kiosk.huizhi"
    with create_project(path) as project:
        create_survey(project, load_template("citizen"))
    return path


def stored(path):
    with open_project(path) as project:
        return dict(project.db.conn.execute(
            "SELECT a.question, a.value FROM answers a JOIN responses r ON r.id = a.response_id ORDER BY r.id DESC"))


@pytest.fixture
def kiosk(app, qtbot, project_file, clean_settings):
    window = AnswerWindow(project_file, 1, collector="王晓燕", kiosk=True)  # closed below: it asks for a PIN
    window.resize(1280, 800)
    window.show()
    yield window
    window._allow_close = True
    window.close()


def test_consent_first_number_keys_and_every_answer_on_disk(qtbot, kiosk, project_file):
    form = kiosk.form
    assert "consent" in form.boxes and form.progress_text.text() == "第 1 / 8 页"
    form.boxes["consent"].choice_buttons()[0].setFocus()
    qtbot.keyClick(form, Qt.Key.Key_1)
    assert stored(project_file) == {"consent": "yes"}  # written before anything else happens
    qtbot.keyClick(form, Qt.Key.Key_Return)
    assert "identity" in form.boxes
    qtbot.keyClick(form, Qt.Key.Key_Return)  # required questions unanswered: stays, says why
    assert "identity" in form.boxes and form.boxes["identity"].problem.text() == "此题必答。"
    for name, number in (("identity", 1), ("district", 3), ("age", 2)):
        form.boxes[name].choice_buttons()[0].setFocus()
        qtbot.keyClick(form, getattr(Qt.Key, f"Key_{number}"))
    assert {k: v for k, v in stored(project_file).items()} == {"consent": "yes", "identity": "citizen", "district": "binjiang",
                                                              "age": "18_29"}
    qtbot.keyClick(form, Qt.Key.Key_Return)
    assert "commutes" in form.boxes and not form.boxes["commute_minutes"].isVisibleTo(form)
    form.boxes["commutes"].pick(1)
    assert form.boxes["commute_minutes"].isVisibleTo(form)  # live relevance
    form.boxes["commute_minutes"].input.setText("500")
    form.next()
    assert "1 到 240" in form.boxes["commute_minutes"].problem.text()
    assert "commute_minutes" not in stored(project_file)  # a refused value is never stored
    form.boxes["commute_minutes"].input.setText("40")
    form.flush()
    assert stored(project_file)["commute_minutes"] == "40"


def test_submit_then_next_respondent_starts_clean(qtbot, kiosk, project_file):
    form = kiosk.form
    first = form.uuid
    answers = {"consent": "no"}
    form.boxes["consent"].pick(2)
    form.next()  # declining consent ends the survey: the thanks page, then submit
    form.next()
    assert kiosk.end.isVisible() and not form.isVisible()
    with open_project(project_file) as project:
        assert project.db.conn.execute("SELECT status FROM responses WHERE uuid = ?", [first]).fetchone()[0] == "submitted"
    kiosk.next_respondent.click()
    assert form.isVisible() and form.uuid != first and form.state.answers == {} and "consent" in form.boxes
    assert answers


def test_leaving_the_kiosk_needs_the_pin(qtbot, kiosk, monkeypatch):
    set_pin("2468")
    assert check_pin("2468") and not check_pin("1111")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("1111", True))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)
    qtbot.keyClick(kiosk, Qt.Key.Key_Escape)
    assert kiosk.isVisible()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("2468", True))
    kiosk.request_exit()
    assert not kiosk.isVisible()


def test_interviewer_mode_resumes_a_draft(app, qtbot, project_file, clean_settings):
    with open_project(project_file) as project:
        capture = Capture(project, 1)
        uuid = capture.new()
        for name, value in (("consent", "yes"), ("identity", "citizen"), ("district", "beihu"), ("age", "30_44")):
            capture.answer(uuid, name, value)
        assert [d.uuid for d in drafts(project)] == [uuid]
    window = AnswerWindow(project_file, 1, kiosk=False, resume=uuid)
    qtbot.addWidget(window)
    window.show()
    form = window.form
    assert form.uuid == uuid and "commutes" in form.boxes  # the first page still to answer
    form.back()
    assert [b.isChecked() for b in form.boxes["district"].choice_buttons()][5]  # beihu is shown as chosen
    window.close()
