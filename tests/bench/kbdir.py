"""A kb directory for a benchmark world: the kb's modules linked, so the
world always runs today's rules, and a copy of casus.pl to which the
world's own loading is appended."""
import os, shutil


def link_kb(kb, out):
    """The kb's modules, linked (so the world always runs today's rules),
    and a copy of casus.pl to which the world's loading is appended."""
    for name in os.listdir(kb):
        if name == "data":  # the shipped datasets the kb reads when compiled
            target = os.path.join(out, name)
            if not os.path.lexists(target):
                os.symlink(os.path.abspath(os.path.join(kb, name)), target)
            continue
        if not name.endswith(".pl"):
            continue
        target = os.path.join(out, name)
        if os.path.lexists(target):
            os.remove(target)
        if name == "casus.pl":
            shutil.copy(os.path.join(kb, name), target)
        else:
            os.symlink(os.path.abspath(os.path.join(kb, name)), target)
