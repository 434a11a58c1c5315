"""The QApplication: style, bundled font, translations, and the main window."""

from __future__ import annotations

import sys
from pathlib import Path

import resources

from . import syscheck
from .logs import log, setup_logging
from .settings import APPLICATION, ORGANISATION, ui_language

EXIT_NO_QT = 3


def run_app(project: Path | None = None) -> int:
    """Open the main window (on ``project`` if given, else the last one) and run until closed."""
    problem = syscheck.display_problem()
    missing = syscheck.missing_packages()
    if missing:
        problem = syscheck.missing_message(missing)
    if problem:
        print(problem, file=sys.stderr)
        return EXIT_NO_QT
    app = create_application()
    from .main_window import MainWindow

    window = MainWindow()
    window.show()
    if project is not None:
        window.open_project(Path(project))
    else:
        window.open_last_project()
    return app.exec()


def create_application(argv: list[str] | None = None):
    """The one QApplication, set up with Fusion, the bundled CJK font, translations and style."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    setup_logging()
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setApplicationDisplayName("汇智 Huizhi")
    app.setStyle("Fusion")
    _install_font(app)
    _install_translations(app)
    _install_style(app)
    return app


def _install_font(app) -> None:
    from PySide6.QtGui import QFont, QFontDatabase

    font_id = QFontDatabase.addApplicationFont(str(resources.FONT_FILE))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("bundled font could not be loaded: %s", resources.FONT_FILE)
        return
    font = QFont(families[0])
    font.setPointSizeF(10.5)
    app.setFont(font)


def _install_translations(app) -> None:
    """Chinese is the source language; English comes from huizhi_en.qm.

    Qt's own strings (dialog buttons and the like) come from Qt's translations.
    Translator objects are kept on the app so Python does not collect them.
    """
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    lang = ui_language()
    translators = []
    qt_translator = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if lang == "zh" and qt_translator.load("qtbase_zh_CN", qt_dir):
        translators.append(qt_translator)
    if lang == "en":
        ours = QTranslator(app)
        if ours.load(str(resources.ROOT / "i18n" / "huizhi_en.qm")):
            translators.append(ours)
        else:
            log.warning("English translation not found; run 'make i18n'")
    for translator in translators:
        app.installTranslator(translator)
    app._huizhi_translators = translators
    QLocale.setDefault(QLocale("en_US" if lang == "en" else "zh_CN"))


def _install_style(app) -> None:
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#F5F7FA",
        QPalette.ColorRole.WindowText: "#1F2933",
        QPalette.ColorRole.Base: "#FFFFFF",
        QPalette.ColorRole.AlternateBase: "#F1F4F8",
        QPalette.ColorRole.Text: "#1F2933",
        QPalette.ColorRole.Button: "#FFFFFF",
        QPalette.ColorRole.ButtonText: "#1F2933",
        QPalette.ColorRole.Highlight: "#2F6BDE",
        QPalette.ColorRole.HighlightedText: "#FFFFFF",
        QPalette.ColorRole.ToolTipBase: "#1F2933",
        QPalette.ColorRole.ToolTipText: "#FFFFFF",
        QPalette.ColorRole.PlaceholderText: "#8A94A3",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    app.setPalette(palette)
    app.setStyleSheet(resources.path("style", "huizhi.qss").read_text("utf-8"))
