"""The PySide6 desktop application and the `huizhi` command. The only package that imports Qt."""
