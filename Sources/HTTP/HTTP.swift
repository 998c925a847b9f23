// HTTP module: see ../../../shared/STYLE.md for its place in the layout.
