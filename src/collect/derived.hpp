// DerivedCache: facts probes derive from the model or from one file (a parsed
// Markdown outline, a file's imports, a service's CI pipelines), made once and
// shared by every probe and service that asks again. Without it a repository
// with several services re-analyses every repository-level file per service.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace gonogo::collect {

class DerivedCache {
public:
    // The fact named by `tag` (the address of a static in the helper that makes it) and `key`, made by
    // `make` on first use. Safe to call from several threads; `make` runs outside the lock, so it may
    // itself ask for other facts (a second thread making the same fact at once wastes work, nothing else).
    template <class T, class Make>
    const T& get(const void* tag, std::string key, Make&& make) {
        auto k = std::make_pair(tag, std::move(key));
        {
            std::lock_guard lock(m_mu);
            if (auto it = m_items.find(k); it != m_items.end()) return *static_cast<const T*>(it->second.get());
        }
        std::shared_ptr<const void> made = std::make_shared<const T>(make());
        std::lock_guard lock(m_mu);
        auto it = m_items.emplace(std::move(k), std::move(made)).first;
        return *static_cast<const T*>(it->second.get());
    }

private:
    std::mutex m_mu;
    std::map<std::pair<const void*, std::string>, std::shared_ptr<const void>> m_items;
};

}  // namespace gonogo::collect
