#!/usr/bin/env python3
"""Build step: copies a zip archive (a SWI-Prolog saved state) with every
entry stored uncompressed, so starting from it reads the state without
inflating it.

usage: store_uncompressed.py IN OUT"""
import sys, zipfile

source, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as zout:
    for entry in zin.infolist():
        zout.writestr(entry, zin.read(entry), zipfile.ZIP_STORED)
