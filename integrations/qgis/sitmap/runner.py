"""Finding the sitmap binary and running it: cancellation, progress lines, exit codes as errors."""
import os
import shlex
import shutil
import subprocess

from qgis.core import QgsProcessingException, QgsSettings

# The Processing option (stored as Processing/Configuration/SITMAP_BINARY) and the env var.
SETTING_NAME = "SITMAP_BINARY"
ENV_NAME = "SITMAP_BINARY"

# sitmap's exit codes (`sitmap --help`).
EXIT_CODES = {
    1: "bad input data: malformed file, unknown place, empty article, unresolved name",
    2: "usage error: unknown flag or bad option value",
    3: "the output could not be written",
    4: "the batch finished but some inputs were skipped",
    70: "internal error in sitmap (a bug; please report it)",
}


def exit_code_meaning(code):
    if code < 0:
        return f"killed by signal {-code}"
    return EXIT_CODES.get(code, "not one of sitmap's documented exit codes")


def _setting():
    try:
        from processing.core.ProcessingConfig import ProcessingConfig
        value = ProcessingConfig.getSetting(SETTING_NAME)
    except ImportError:
        value = None
    if value is None:
        value = QgsSettings().value("Processing/Configuration/" + SETTING_NAME, "")
    return str(value or "").strip()


def find_binary(explicit=""):
    """The sitmap binary to run: the algorithm's parameter, else the Processing option, else the
    SITMAP_BINARY environment variable, else `sitmap` on PATH. Raises QgsProcessingException
    naming where it looked."""
    for value, origin in ((explicit, "the algorithm's 'sitmap binary' parameter"),
                          (_setting(), "the Processing option 'sitmap binary' (Settings > "
                                       "Options > Processing > Providers > sitmap)"),
                          (os.environ.get(ENV_NAME, "").strip(),
                           f"the {ENV_NAME} environment variable")):
        if not value:
            continue
        path = os.path.expanduser(value)
        if os.sep not in path and (os.altsep is None or os.altsep not in path):
            found = shutil.which(path)  # a bare name: look it up on PATH
            if found:
                return found
        elif os.path.isfile(path) and os.access(path, os.X_OK):
            return path
        raise QgsProcessingException(
            f"sitmap binary not found: {value} (from {origin}) is not an executable file. "
            "Install sitmap or give the path of its binary.")
    found = shutil.which("sitmap")
    if found:
        return found
    raise QgsProcessingException(
        "sitmap binary not found: no 'sitmap' on PATH "
        f"({os.environ.get('PATH', '')}), and neither the algorithm's 'sitmap binary' parameter, "
        "the Processing option 'sitmap binary' (Settings > Options > Processing > Providers > "
        f"sitmap) nor the {ENV_NAME} environment variable names one. Install sitmap or give the "
        "path of its binary in one of these.")


def run(binary, args, feedback, step):
    """Runs `binary args...`, logging the command and sitmap's stderr to feedback. Kills the
    process when the user cancels. Raises QgsProcessingException on any failure, with sitmap's
    own message, its exit code and what the code means."""
    command = [binary] + [str(a) for a in args]
    printable = " ".join(shlex.quote(c) for c in command)
    if feedback is not None:
        feedback.pushCommandInfo(printable)
    flags = getattr(subprocess, "CREATE_NO_WINDOW", 0) if os.name == "nt" else 0
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, creationflags=flags)
    except OSError as error:
        raise QgsProcessingException(
            f"sitmap binary {binary} could not be started ({error.strerror or error}) for {step}.")
    while True:
        try:
            out, err = process.communicate(timeout=0.1)
            break
        except subprocess.TimeoutExpired:
            if feedback is not None and feedback.isCanceled():
                process.kill()
                process.communicate()
                raise QgsProcessingException(
                    f"Cancelled: {step} stopped (sitmap process {process.pid} killed).")
    err_text = err.decode("utf-8", "replace").strip()
    out_text = out.decode("utf-8", "replace").strip()
    if feedback is not None:
        for line in err_text.splitlines():
            feedback.pushConsoleInfo(line)
    if process.returncode != 0:
        said = err_text or out_text or "(nothing on stderr)"
        raise QgsProcessingException(
            f"sitmap failed during {step}: exit code {process.returncode} "
            f"({exit_code_meaning(process.returncode)}).\n"
            f"sitmap said:\n{said}\n"
            f"Command: {printable}\n"
            "sitmap's exit codes: 1 bad input data, 2 usage error, 3 output not written, "
            "4 some inputs skipped, 70 internal error.")
    return out_text, err_text
