// Probe sec.env_gitignored (SEC-02): when the service loads env files (dotenv,
// Next.js, NestJS ConfigModule, compose env_file, node --env-file), does a
// .gitignore rule keep `.env` out of git? Evaluates the .gitignore lines that
// mention .env (sec.gitignore-env hits) with git's matching rules.
#include <algorithm>

#include <fmt/format.h>

#include "checks/helpers.hpp"
#include "checks/security/secrets_probes.hpp"
#include "checks/security/secrets_util.hpp"
#include "collect/walker.hpp"
#include "util/strings.hpp"

namespace gonogo::checks {

Outcome probe_sec_env_gitignored(const ProbeContext& ctx) {
    std::string what;
    auto loader = secrets::env_file_loader(ctx, &what);
    const collect::File* committed = nullptr;
    for (const auto* f : ctx.files())
        if (secrets::is_env_file(*f) && str::starts_with(secrets::base_of(f->path), ".env") && f->is_own() &&
            !secrets::is_env_template(f->path) && !secrets::is_env_test(*f)) {
            committed = f;
            break;
        }
    if (!loader && !committed) return na("The service loads no env file (no dotenv, Next.js, ConfigModule or env_file).");

    const std::string& root = ctx.svc().root;
    std::string target = root.empty() ? ".env" : root + "/.env";
    // .gitignore files on the way from the repository root to the service root, outermost first.
    std::vector<const collect::File*> ignores;
    for (const auto& f : ctx.model.files) {
        if (secrets::base_of(f.path) != ".gitignore") continue;
        std::string d = secrets::dir_of(f.path);
        if (d.empty() || target.rfind(d + "/", 0) == 0) ignores.push_back(&f);
    }
    std::sort(ignores.begin(), ignores.end(),
              [](const collect::File* a, const collect::File* b) { return a->path.size() < b->path.size(); });
    std::optional<bool> verdict;
    Evidence rule_ev;
    for (const auto* f : ignores) {
        auto idx = static_cast<std::uint32_t>(f - ctx.model.files.data());
        std::string base = secrets::dir_of(f->path);
        std::vector<const collect::Hit*> hits;
        for (std::string_view id : {"sec.gitignore-env-first", "sec.gitignore-env"})
            for (const auto* h : ctx.model.hits_for(id))
                if (h->file == idx) hits.push_back(h);
        std::sort(hits.begin(), hits.end(), [](const collect::Hit* a, const collect::Hit* b) { return a->begin < b->begin; });
        for (const auto* h : hits) {
            std::string_view line = h->match;
            std::size_t ln = h->line;
            if (!line.empty() && (line[0] == '\n' || line[0] == '\r')) {
                line.remove_prefix(line[0] == '\r' && line.size() > 1 && line[1] == '\n' ? 2 : 1);
                ++ln;
            }
            while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
            collect::IgnoreRules one(base, line);
            if (auto m = one.match(target, false)) {
                verdict = m;
                rule_ev = Evidence{f->path, ln, 1, std::string(str::trim(line)), "", "", "", ""};
            }
        }
    }
    if (verdict.value_or(false)) {
        rule_ev.note = "ignores .env";
        return pass(fmt::format("`{}` is ignored by git ({}:{}: `{}`).", target, rule_ev.path, rule_ev.line, rule_ev.snippet),
                    {rule_ev});
    }
    std::vector<Evidence> ev;
    std::string uses = loader ? fmt::format("The service loads env files through {}", what)
                              : fmt::format("An env file is committed ({})", committed->path);
    if (loader) {
        loader->note = "loads .env files";
        ev.push_back(*loader);
    } else {
        ev.push_back(Evidence{committed->path, 1, 1, "", "", "committed env file", "", ""});
    }
    if (verdict.has_value()) {
        rule_ev.note = "re-includes .env";
        ev.insert(ev.begin(), rule_ev);
        return fail(fmt::format("{}, but {}:{} re-includes `{}` (`{}`): a developer's secrets can be committed by the next "
                                "`git add .`. Ignore `.env` and `.env*.local`, keep only `!.env.example`.",
                                uses, rule_ev.path, rule_ev.line, target, rule_ev.snippet),
                    ev);
    }
    if (ignores.empty())
        return fail(fmt::format("{}, but the repository has no .gitignore, so a local .env is one `git add .` away from "
                                "being committed. Add a .gitignore with `.env` and `.env*.local`.",
                                uses),
                    ev);
    ev.insert(ev.begin(), Evidence{ignores.back()->path, 0, 0, "", "", "no rule here ignores .env", "", ""});
    return fail(fmt::format("{}, but no .gitignore rule ignores `{}` ({} checked), so a local .env is one `git add .` "
                            "away from being committed. Add `.env` and `.env*.local` to .gitignore.",
                            uses, target, ignores.back()->path),
                ev);
}

}  // namespace gonogo::checks
