# The one virtualenv of Scripts/: Scripts/.venv (gitignored), shared by every script that needs Python
# packages, as CI's `.ci/run` makes it for selenium. Sourced by a script, it defines `venv_require`:
#
#   source "$root/Scripts/python-venv.sh"
#   venv_require 'import torch, numpy' torch numpy    # pip-installs the packages if the check fails
#   "$VENV_PYTHON" script.py ...
#
# The virtualenv is created if missing; each script installs only what its own check finds missing, so
# one script's packages never replace another's. Needs python3 with the venv module (Debian: python3-venv).
VENV_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.venv"
VENV_PYTHON="$VENV_DIR/bin/python"

# venv_require CHECK PACKAGE... : runs the Python statement CHECK in the virtualenv; if it fails,
# pip-installs PACKAGE... there and runs CHECK again. Returns non-zero (with a message) if it still fails.
venv_require() {
    local check="$1"; shift
    [[ -x "$VENV_PYTHON" ]] || python3 -m venv "$VENV_DIR" || { echo "could not create $VENV_DIR" >&2; return 1; }
    "$VENV_PYTHON" -c "$check" 2>/dev/null && return 0
    "$VENV_PYTHON" -m pip install --quiet "$@" || { echo "pip install $* into $VENV_DIR failed" >&2; return 1; }
    "$VENV_PYTHON" -c "$check" || { echo "after pip install $*, '$check' still fails in $VENV_DIR" >&2; return 1; }
}

# venv_require_torch: torch (CPU) and numpy, for the PyTorch comparisons in Scripts/bench/. A CPU wheel
# kept in /opt/wheels is used as it is: the index's default Linux torch is the CUDA build, which pulls in
# gigabytes of GPU libraries these comparisons never use.
venv_require_torch() {
    local wheel
    wheel="$(ls /opt/wheels/torch-*+cpu-*.whl 2>/dev/null | head -n 1 || true)"
    venv_require 'import torch, numpy' "${wheel:-torch}" numpy
}
