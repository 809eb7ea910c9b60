// Helpers shared by the end-to-end tests of the gonogo binary: run it with a
// command line and environment, temporary folders, reading files, and a copy of
// the bundled example to audit.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fsys = std::filesystem;

namespace cli_test {

struct Run {
    int code = -1;
    std::string out;
};

// Runs a shell command, capturing stdout and stderr together.
inline Run shell(const std::string& cmd) {
    Run r;
    FILE* p = ::popen((cmd + " 2>&1").c_str(), "r");
    if (!p) return r;
    std::array<char, 4096> buf{};
    std::size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int st = ::pclose(p);
    if (WIFEXITED(st)) r.code = WEXITSTATUS(st);
    else if (WIFSIGNALED(st)) r.code = 128 + WTERMSIG(st);
    return r;
}

// Runs the gonogo binary with `args`, after `env` assignments.
inline Run run(const std::string& args, const std::string& env = "") {
    return shell(env + " " + GONOGO_BINARY + " " + args);
}

struct Tmp {
    fsys::path root;
    explicit Tmp(const std::string& name) {
        root = fsys::temp_directory_path() / ("gonogo_cli_" + std::to_string(::getpid()) + "_" + name);
        fsys::remove_all(root);
        fsys::create_directories(root);
    }
    ~Tmp() {
        std::error_code ec;
        fsys::remove_all(root, ec);
    }
    void write(const std::string& rel, const std::string& text) const {
        auto p = root / rel;
        fsys::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << text;
    }
};

inline std::string slurp(const fsys::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

inline std::vector<std::string> str_lines(const std::string& s) {
    std::vector<std::string> out;
    std::stringstream ss(s);
    std::string line;
    while (std::getline(ss, line)) out.push_back(line);
    return out;
}

// A copy of the bundled example in t (audits write checkpoints under the repository they read);
// empty when the example is absent.
inline fsys::path copy_of_example(const Tmp& t) {
    fsys::path example = fsys::path(GONOGO_SOURCE_DIR) / "examples" / "booking";
    if (!fsys::exists(example)) return {};
    fsys::copy(example, t.root / "repo", fsys::copy_options::recursive);
    // What gonogo itself left in the source tree (demo runs: reports, history) is not part of the example.
    fsys::remove_all(t.root / "repo" / ".gonogo");
    fsys::remove_all(t.root / "repo" / "reports");
    return t.root / "repo";
}

constexpr const char* k_fixed = "GONOGO_FIXED_TIME=2026-01-02T03:04:05Z NO_COLOR=1";

}  // namespace cli_test

using namespace cli_test;
