// Timing for tuning: with GONOGO_PROFILE=1 in the environment, phases of the
// audit and every probe print their wall time to stderr ("gonogo time ...").
// Off by default; costs one branch when off.
#pragma once
#include <chrono>
#include <string>

namespace gonogo::profile {

bool enabled();
// Prints "gonogo time <ms> <what>" to stderr when enabled.
void report(const std::string& what, double ms);

// Reports the time from construction to destruction (or to stop()).
class Timer {
public:
    explicit Timer(std::string what) : m_what(std::move(what)), m_t0(std::chrono::steady_clock::now()) {}
    Timer(const Timer&) = delete;
    Timer& operator=(const Timer&) = delete;
    ~Timer() { stop(); }
    void stop() {
        if (m_done) return;
        m_done = true;
        if (enabled())
            report(m_what, std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_t0).count());
    }

private:
    std::string m_what;
    std::chrono::steady_clock::time_point m_t0;
    bool m_done = false;
};

}  // namespace gonogo::profile
