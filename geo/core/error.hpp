#pragma once
// The one exception root of sitmap. Every module throws sitmap::Error (or a subclass); callers add
// context on the way up; only cli/main.cpp catches and maps the kind to a documented exit code.

#include <stdexcept>
#include <string>

namespace sitmap {

// Documented exit codes of the sitmap command (see README and `sitmap --help`).
enum class ExitCode : int {
    ok = 0,
    bad_input = 1,     // malformed file, unknown place, empty article, unresolved name
    usage = 2,         // wrong flag, bad option value
    output_failed = 3, // output could not be written
    partial = 4,       // a batch finished, but some inputs were skipped
    internal = 70,     // a bug: please report
};

// partial: a batch finished and wrote its outputs, but some inputs were skipped.
enum class ErrorKind { bad_input, usage, output_failed, partial, internal };

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& what) : std::runtime_error(what), m_kind(kind) {}

    ErrorKind kind() const noexcept { return m_kind; }

    // Returns a copy whose message is "context: message", e.g. the file path or "feature 17".
    Error with_context(const std::string& context) const {
        return Error(m_kind, context + ": " + what());
    }

private:
    ErrorKind m_kind;
};

inline Error input_error(const std::string& what) {
    return Error(ErrorKind::bad_input, what);
}
inline Error usage_error(const std::string& what) {
    return Error(ErrorKind::usage, what);
}
inline Error output_error(const std::string& what) {
    return Error(ErrorKind::output_failed, what);
}

// A parser's message for a user: without the library's "[json.exception.parse_error.101] " tag.
inline std::string without_library_tag(std::string what) {
    if (const auto close = what.find("] ");
        what.rfind("[json.", 0) == 0 && close != std::string::npos) {
        what.erase(0, close + 2);
    }
    return what;
}

inline ExitCode exit_code_for(ErrorKind kind) {
    switch (kind) {
    case ErrorKind::bad_input:
        return ExitCode::bad_input;
    case ErrorKind::usage:
        return ExitCode::usage;
    case ErrorKind::output_failed:
        return ExitCode::output_failed;
    case ErrorKind::partial:
        return ExitCode::partial;
    case ErrorKind::internal:
        break;
    }
    return ExitCode::internal;
}

} // namespace sitmap
