#pragma once
// Test helper: a fresh, empty directory under the system temp dir, unique to this test process
// (test programs of several builds may run at once), removed when the process exits.

#include <filesystem>
#include <string>
#include <vector>

#include <unistd.h>

namespace sitmap::test {

inline std::filesystem::path fresh_temp_dir(const std::string& name) {
    struct Cleanup {
        std::vector<std::filesystem::path> dirs;
        ~Cleanup() {
            for (const auto& d : dirs) {
                std::error_code ec;
                std::filesystem::remove_all(d, ec);
            }
        }
    };
    static Cleanup cleanup;
    const std::filesystem::path dir = std::filesystem::temp_directory_path() /
                                      ("sitmap_test_" + std::to_string(getpid()) + "_" + name);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    cleanup.dirs.push_back(dir);
    return dir;
}

} // namespace sitmap::test
