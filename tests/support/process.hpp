#pragma once
// Test helper: runs a shell command (the sitmap binary, rsvg-convert, pdftotext...) and captures
// its exit code and output.

#include <array>
#include <cstdio>
#include <string>
#include <sys/wait.h>

namespace sitmap::test {

struct ProcessResult {
    int code = -1;   // exit code, -1 if it did not exit normally
    std::string out; // stdout (and stderr when merged)
};

// Runs `command` through /bin/sh; stderr is merged into out unless merge_stderr is false.
inline ProcessResult run_command(const std::string& command, bool merge_stderr = true) {
    const std::string cmd = command + (merge_stderr ? " 2>&1" : "");
    ProcessResult r;
    FILE* pipe = popen(cmd.c_str(), "r");
    if (pipe == nullptr) {
        return r;
    }
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) {
        r.out.append(buf.data(), n);
    }
    const int status = pclose(pipe);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

// Runs the sitmap binary under test with the given (already shell-quoted) arguments.
inline ProcessResult run_sitmap(const std::string& args, bool merge_stderr = true) {
    return run_command(std::string(SITMAP_BINARY) + " " + args, merge_stderr);
}

} // namespace sitmap::test
