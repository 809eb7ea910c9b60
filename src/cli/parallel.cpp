// Categories on every core (see parallel.hpp). The worker is a fork, not a
// thread: probes share the model's YAML documents, and yaml-cpp's non-const
// look-ups insert into them, so two threads could race where two processes
// cannot. Frames on the pipe: category index (u32), length (u64), JSON.
#include "cli/parallel.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>

#include "checks/runner.hpp"
#include "report/report.hpp"

namespace gonogo::cli {
namespace {

bool write_all(int fd, const void* data, std::size_t n) {
    const auto* p = static_cast<const char*>(data);
    while (n > 0) {
        ssize_t w = ::write(fd, p, n);
        if (w < 0 && errno == EINTR) continue;
        if (w <= 0) return false;
        p += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

// Reads what the worker sent so far (all of it until end of file when `block`) and hands complete
// frames to `on_frame`. Returns false once the pipe is closed.
bool drain(int fd, bool block, std::string& buf,
           const std::function<void(std::uint32_t, const std::string&)>& on_frame) {
    bool open = true;
    for (;;) {
        pollfd p{fd, POLLIN, 0};
        int r = ::poll(&p, 1, block ? -1 : 0);
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) break;
        char chunk[65536];
        ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
        if (n <= 0) {
            open = false;
            break;
        }
        buf.append(chunk, static_cast<std::size_t>(n));
    }
    constexpr std::size_t k_head = sizeof(std::uint32_t) + sizeof(std::uint64_t);
    while (buf.size() >= k_head) {
        std::uint32_t index;
        std::uint64_t len;
        std::memcpy(&index, buf.data(), sizeof index);
        std::memcpy(&len, buf.data() + sizeof index, sizeof len);
        if (buf.size() - k_head < len) break;
        on_frame(index, buf.substr(k_head, len));
        buf.erase(0, k_head + len);
    }
    return open;
}

}  // namespace

void run_categories(const Catalog& catalog, const collect::RepoModel& model, Tier tier,
                    const std::vector<std::string>& categories, unsigned workers, const CategoryDone& done,
                    std::vector<Diagnostic>& diagnostics) {
    const auto n = static_cast<std::uint32_t>(categories.size());
    auto run_one = [&](std::uint32_t i) { return checks::run_controls(catalog, model, tier, {categories[i]}); };
    std::vector<char> received(n, 0);
    auto run_rest_here = [&] {
        for (std::uint32_t i = 0; i < n; ++i)
            if (!received[i]) {
                received[i] = 1;
                done(categories[i], run_one(i));
            }
    };
    if (workers < 2 || n < 2) return run_rest_here();

    void* shared = ::mmap(nullptr, sizeof(std::atomic<std::uint32_t>), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    int fds[2];
    if (shared == MAP_FAILED) return run_rest_here();
    if (::pipe(fds) != 0) {
        ::munmap(shared, sizeof(std::atomic<std::uint32_t>));
        return run_rest_here();
    }
    auto* next = new (shared) std::atomic<std::uint32_t>(0);
    std::fflush(nullptr);  // the child must not inherit unwritten output and write it twice
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid == 0) {
        // The worker: dies with the parent (a killed audit leaves no process behind).
        ::close(fds[0]);
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(1);
        const bool die = std::getenv("GONOGO_TEST_WORKER_DIES") != nullptr;  // test hook: a worker lost mid-run
        for (std::uint32_t i; (i = next->fetch_add(1)) < n;) {
            if (die) std::raise(SIGKILL);
            AuditResult part;
            part.controls = run_one(i);
            std::string json = report::to_json(part);
            std::uint64_t len = json.size();
            if (!write_all(fds[1], &i, sizeof i) || !write_all(fds[1], &len, sizeof len) ||
                !write_all(fds[1], json.data(), json.size()))
                ::_exit(1);
        }
        ::_exit(0);
    }
    ::close(fds[1]);
    if (pid < 0) {
        ::close(fds[0]);
        ::munmap(shared, sizeof(std::atomic<std::uint32_t>));
        return run_rest_here();
    }
    std::string buf;
    bool garbled = false;
    auto on_frame = [&](std::uint32_t i, const std::string& json) {
        auto part = report::from_json(json);
        if (i >= n || received[i] || !part) {
            garbled = true;
            return;
        }
        received[i] = 1;
        done(categories[i], std::move(part->controls));
    };
    bool open = true;
    for (std::uint32_t i; (i = next->fetch_add(1)) < n;) {
        received[i] = 1;
        done(categories[i], run_one(i));
        if (open) open = drain(fds[0], false, buf, on_frame);
    }
    while (open) open = drain(fds[0], true, buf, on_frame);
    ::close(fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::munmap(shared, sizeof(std::atomic<std::uint32_t>));
    bool missing = false;
    for (auto r : received) missing = missing || !r;
    if (missing || garbled) {
        std::string how = WIFSIGNALED(status) ? fmt::format("was killed by signal {}", WTERMSIG(status))
                          : garbled         ? std::string("sent an unreadable result")
                                            : fmt::format("exited with status {}", WEXITSTATUS(status));
        diagnostics.push_back({".", fmt::format("the second audit worker {}; its categories were run again in the main process", how)});
    }
    run_rest_here();
}

}  // namespace gonogo::cli
