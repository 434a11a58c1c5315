"""Child process for the window benchmark: print when the window is on screen.

    python bench/window_probe.py bare
    python bench/window_probe.py huizhi PROJECT

Prints ``visible`` once the first frame has been drawn, and for Huizhi also ``loaded``
once the project's data is on the Overview page; then quits.
"""

from __future__ import annotations

import sys


def main() -> None:
    mode = sys.argv[1]
    if mode == "bare":
        from PySide6.QtWidgets import QApplication, QMainWindow

        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
    else:
        from desktop.app import create_application
        from desktop.main_window import MainWindow

        app = create_application(sys.argv[:1])
        window = MainWindow()
        window.show()
    from PySide6.QtCore import QTimer

    def visible() -> None:
        window.repaint()
        print("visible", flush=True)
        if mode == "bare":
            app.quit()
            return
        window.open_project(sys.argv[2])
        poll()

    def poll() -> None:
        if window.view is not None:
            print("loaded", flush=True)
            window.close()
            app.quit()
        else:
            QTimer.singleShot(5, poll)

    QTimer.singleShot(0, visible)
    app.exec()


if __name__ == "__main__":
    main()
