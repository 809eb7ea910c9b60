// Hyperscan scanning (see scanner.hpp). Matches of one signature that start at
// the same offset or inside the previous match are folded into one hit, since
// Hyperscan reports every end offset of a match.
#include "collect/scanner.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>

#include <fmt/format.h>
#include <hs/hs.h>

#include "util/fs.hpp"
#include "util/glob.hpp"
#include "util/strings.hpp"

namespace gonogo::collect {

namespace {

// The pattern without a trailing `[^\n]*` / `[^\n]+` (kept as `[^\n]`, one character), when dropping it
// keeps the meaning: no top-level alternation, so the tail belongs to the whole pattern.
std::optional<std::string> without_line_tail(const std::string& p) {
    static const std::string k_star = "[^\\n]*", k_plus = "[^\\n]+";
    bool plus = str::ends_with(p, k_plus);
    if (!plus && !str::ends_with(p, k_star)) return std::nullopt;
    std::string head = p.substr(0, p.size() - k_star.size());
    if (head.empty() || head.back() == '\\') return std::nullopt;
    int depth = 0;
    bool in_class = false;
    for (std::size_t i = 0; i < head.size(); ++i) {
        char c = head[i];
        if (c == '\\') {
            ++i;
            continue;
        }
        if (in_class) {
            if (c == ']') in_class = false;
            continue;
        }
        if (c == '[') in_class = true;
        else if (c == '(') ++depth;
        else if (c == ')') --depth;
        else if (c == '|' && depth == 0) return std::nullopt;
    }
    return plus ? head + "[^\\n]" : head;
}

// FNV-1a over everything that decides the databases: Hyperscan's version, and each signature's
// compiled pattern, flags and scope.
std::uint64_t cache_key(const std::vector<Signature>& sigs, const std::vector<std::string>& patterns) {
    std::uint64_t h = 1469598103934665603ull;
    auto add = [&](std::string_view part) {
        for (unsigned char c : part) {
            h ^= c;
            h *= 1099511628211ull;
        }
        h ^= 0xff;
        h *= 1099511628211ull;
    };
    add(hs_version());
    for (std::size_t i = 0; i < sigs.size(); ++i) {
        add(patterns[i]);
        add(sigs[i].caseless ? "i" : "-");
        add(sigs[i].names.empty() ? "any" : "scoped");
    }
    return h;
}

// File: "GNGHS1", then for each database (general, scoped) a u64 length and its serialized bytes.
constexpr std::string_view k_magic = "GNGHS1";

bool load_cached(const std::filesystem::path& p, std::unique_ptr<hs_database, Scanner::DbDeleter>& general,
                 std::unique_ptr<hs_database, Scanner::DbDeleter>& scoped) {
    auto text = fs::read_file(p, 256 * 1024 * 1024);
    if (!text || !str::starts_with(*text, k_magic)) return false;
    std::string_view rest = std::string_view(*text).substr(k_magic.size());
    std::unique_ptr<hs_database, Scanner::DbDeleter> dbs[2];
    for (auto& db : dbs) {
        std::uint64_t len = 0;
        if (rest.size() < sizeof len) return false;
        std::memcpy(&len, rest.data(), sizeof len);
        rest.remove_prefix(sizeof len);
        if (len > rest.size()) return false;
        if (len > 0) {
            hs_database_t* d = nullptr;
            if (hs_deserialize_database(rest.data(), static_cast<std::size_t>(len), &d) != HS_SUCCESS) return false;
            db.reset(d);
        }
        rest.remove_prefix(static_cast<std::size_t>(len));
    }
    general = std::move(dbs[0]);
    scoped = std::move(dbs[1]);
    return true;
}

void store_cached(const std::filesystem::path& p, const hs_database* general, const hs_database* scoped) {
    std::string out(k_magic);
    for (const auto* db : {general, scoped}) {
        char* bytes = nullptr;
        std::size_t len = 0;
        if (db && hs_serialize_database(db, &bytes, &len) != HS_SUCCESS) return;
        std::uint64_t n = db ? len : 0;
        out.append(reinterpret_cast<const char*>(&n), sizeof n);
        if (bytes) {
            out.append(bytes, len);
            std::free(bytes);
        }
    }
    std::error_code ec;
    std::filesystem::create_directories(p.parent_path(), ec);
    if (!fs::write_file_atomic(p, out)) return;  // best effort: a cache that cannot be written is only slower
    // Keep the four most recent databases (other gonogo versions side by side), drop older ones.
    std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> old;
    for (const auto& e : std::filesystem::directory_iterator(p.parent_path(), ec)) {
        auto name = e.path().filename().string();
        if (str::starts_with(name, "signatures-") && str::ends_with(name, ".hsdb") && e.path() != p)
            old.emplace_back(e.last_write_time(ec), e.path());
    }
    std::sort(old.begin(), old.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 3; i < old.size(); ++i) std::filesystem::remove(old[i].second, ec);
}

}  // namespace

void Scanner::DbDeleter::operator()(hs_database* d) const { hs_free_database(d); }
Scanner::~Scanner() = default;
Scanner::Scratch::~Scratch() {
    if (m_s) hs_free_scratch(m_s);
}

Result<void> Scanner::check_pattern(const std::string& pattern, bool caseless) {
    hs_expr_info_t* info = nullptr;
    hs_compile_error_t* err = nullptr;
    unsigned f = HS_FLAG_SOM_LEFTMOST | (caseless ? HS_FLAG_CASELESS : 0u);
    if (hs_expression_info(pattern.c_str(), f, &info, &err) != HS_SUCCESS) {
        std::string msg = err && err->message ? err->message : "rejected by Hyperscan";
        hs_free_compile_error(err);
        return fail(msg);
    }
    bool empty_match = info->min_width == 0;
    std::free(info);
    if (empty_match) return fail("the pattern can match an empty string");
    return {};
}

Result<Scanner> Scanner::compile(std::vector<Signature> signatures, const std::filesystem::path& cache_dir) {
    Scanner s;
    s.m_sigs = std::move(signatures);
    if (s.m_sigs.empty()) return s;
    std::vector<std::string> patterns;
    s.m_line_tail.assign(s.m_sigs.size(), 0);
    for (std::size_t i = 0; i < s.m_sigs.size(); ++i) {
        auto head = without_line_tail(s.m_sigs[i].pattern);
        s.m_line_tail[i] = head.has_value();
        patterns.push_back(head ? *head : s.m_sigs[i].pattern);
        s.m_sig_globs.emplace_back();
        for (const auto& g : s.m_sigs[i].names) {
            s.m_sig_globs.back().emplace_back(g);
            if (std::none_of(s.m_scoped_globs.begin(), s.m_scoped_globs.end(),
                             [&](const glob::Pattern& p) { return p.text() == g; }))
                s.m_scoped_globs.emplace_back(g);
        }
    }
    // Two databases: the general one every file is scanned with, and one of the name-scoped signatures.
    std::filesystem::path cached;
    if (!cache_dir.empty()) {
        cached = cache_dir / fmt::format("signatures-{:016x}.hsdb", cache_key(s.m_sigs, patterns));
        if (load_cached(cached, s.m_db, s.m_scoped_db)) return s;
    }
    for (bool scoped : {false, true}) {
        std::vector<const char*> exprs;
        std::vector<unsigned> flags, ids;
        for (std::size_t i = 0; i < s.m_sigs.size(); ++i) {
            if (s.m_sigs[i].names.empty() == scoped) continue;
            exprs.push_back(patterns[i].c_str());
            unsigned f = HS_FLAG_SOM_LEFTMOST;
            if (s.m_sigs[i].caseless) f |= HS_FLAG_CASELESS;
            flags.push_back(f);
            ids.push_back(static_cast<unsigned>(i));
        }
        if (exprs.empty()) continue;
        hs_database_t* db = nullptr;
        hs_compile_error_t* err = nullptr;
        if (hs_compile_multi(exprs.data(), flags.data(), ids.data(), static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK,
                             nullptr, &db, &err) != HS_SUCCESS) {
            std::string where = err && err->expression >= 0 ? s.m_sigs[ids[static_cast<std::size_t>(err->expression)]].id : "";
            std::string msg = err ? err->message : "unknown error";
            hs_free_compile_error(err);
            return fail(fmt::format("Hyperscan rejected a signature: {}", msg), where);
        }
        (scoped ? s.m_scoped_db : s.m_db).reset(db);
    }
    if (!cached.empty()) store_cached(cached, s.m_db.get(), s.m_scoped_db.get());
    return s;
}

bool Scanner::scoped_applies(std::string_view name) const {
    if (!m_scoped_db || name.empty()) return false;
    return std::any_of(m_scoped_globs.begin(), m_scoped_globs.end(), [&](const glob::Pattern& g) { return g.matches(name); });
}

Result<Scanner::Scratch> Scanner::make_scratch() const {
    Scratch sc;
    // One scratch serves both databases: hs_alloc_scratch grows it to fit each.
    for (const auto* db : {m_db.get(), m_scoped_db.get()})
        if (db && hs_alloc_scratch(db, &sc.m_s) != HS_SUCCESS) return fail("cannot allocate Hyperscan scratch");
    return sc;
}

namespace {

struct Raw {
    unsigned id;
    unsigned long long from, to;
};

struct Ctx {
    std::vector<Raw>* raw;
    std::vector<std::size_t>* counts;
    const std::vector<Signature>* sigs;
};

int on_match(unsigned id, unsigned long long from, unsigned long long to, unsigned, void* user) {
    auto* ctx = static_cast<Ctx*>(user);
    auto& n = (*ctx->counts)[id];
    // Allow extra raw matches before folding; stop counting far past the cap.
    if (n > Scanner::k_max_hits_per_signature * 64 || (n > 0 && (*ctx->sigs)[id].first_only)) return 0;
    ++n;
    ctx->raw->push_back({id, from, to});
    return 0;
}

}  // namespace

void Scanner::scan(std::string_view text, std::uint32_t file, FileKind kind, Scratch& scratch,
                   std::vector<Hit>& out, std::string_view name, const str::LineIndex* given_lines) const {
    if (text.empty()) return;
    std::vector<Raw> raw;
    std::vector<std::size_t> counts(m_sigs.size(), 0);
    Ctx ctx{&raw, &counts, &m_sigs};
    if (m_db) hs_scan(m_db.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch.get(), on_match, &ctx);
    if (scoped_applies(name))
        hs_scan(m_scoped_db.get(), text.data(), static_cast<unsigned>(text.size()), 0, scratch.get(), on_match, &ctx);
    if (raw.empty()) return;
    std::stable_sort(raw.begin(), raw.end(), [](const Raw& a, const Raw& b) {
        return a.id != b.id ? a.id < b.id : a.from != b.from ? a.from < b.from : a.to > b.to;
    });
    std::optional<str::LineIndex> lines;
    std::size_t i = 0;
    while (i < raw.size()) {
        unsigned id = raw[i].id;
        const auto& sig = m_sigs[id];
        bool kind_ok = sig.kinds.empty() || std::find(sig.kinds.begin(), sig.kinds.end(), kind) != sig.kinds.end();
        if (kind_ok && !sig.names.empty())
            kind_ok = std::any_of(m_sig_globs[id].begin(), m_sig_globs[id].end(),
                                  [&](const glob::Pattern& g) { return g.matches(name); });
        std::size_t kept = 0;
        unsigned long long last_to = 0;
        bool have = false;
        for (; i < raw.size() && raw[i].id == id; ++i) {
            if (!kind_ok || kept >= (sig.first_only ? 1 : k_max_hits_per_signature)) continue;
            auto to = raw[i].to;
            if (m_line_tail[id]) {
                auto eol = text.find('\n', static_cast<std::size_t>(to));
                to = eol == std::string_view::npos ? text.size() : eol;
            }
            if (have && raw[i].from < last_to) continue;  // inside the previous (longest) match
            have = true;
            last_to = to;
            if (!given_lines && !lines) lines.emplace(text);
            const str::LineIndex& li = given_lines ? *given_lines : *lines;
            auto pos = li.at(static_cast<std::size_t>(raw[i].from));
            Hit h;
            h.signature = id;
            h.file = file;
            h.begin = static_cast<std::uint32_t>(raw[i].from);
            h.end = static_cast<std::uint32_t>(to);
            h.line = static_cast<std::uint32_t>(pos.line);
            h.column = static_cast<std::uint32_t>(pos.column);
            h.match = std::string(text.substr(h.begin, std::min<std::size_t>(h.end - h.begin, 512)));
            auto lt = li.line_text(text, pos.line);
            h.line_text = std::string(lt.substr(0, 512));
            out.push_back(std::move(h));
            ++kept;
        }
    }
}

}  // namespace gonogo::collect
