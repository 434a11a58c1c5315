#!/usr/bin/env bash
# Debian/Ubuntu packages Huizhi needs beyond Python: the libraries Qt 6 loads (offscreen
# and on an X11 desktop), Xvfb for a virtual screen, binutils for the PyInstaller build,
# venv support for the system Python, and poppler-utils to inspect exported PDFs.
# Windows and macOS need none of this (see README.md).
set -euo pipefail

packages=(
  # Qt 6 (PySide6) itself
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3
  # Qt's X11 platform plugin, for a real window
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
  libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1
  # a virtual screen for machines without one
  xvfb xauth
  # PyInstaller needs objdump; pdffonts/pdftoppm check exported PDFs
  binutils poppler-utils
  make
)

if ! python3 -c 'import ensurepip' 2>/dev/null; then
  packages+=(python3-venv)
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "Run this script as root (or install sudo): it installs Debian packages." >&2
    exit 1
  fi
fi

export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${packages[@]}"
