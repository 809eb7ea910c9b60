// Multi-pattern scanner: every probe's textual signature compiled into one
// Hyperscan database, so each file is read once and matched once. Matches
// carry start offsets (SOM_LEFTMOST), line and column. A pattern ending in
// `[^\n]*` or `[^\n]+` is compiled without that tail and its matches are
// extended to the end of the line afterwards: the same leftmost-longest match,
// without Hyperscan tracking the start of every end offset along the line
// (one such pattern made the whole scan four times slower).
#pragma once
#include <filesystem>
#include <memory>
#include <vector>

#include "collect/model.hpp"
#include "util/glob.hpp"
#include "util/strings.hpp"
#include "util/result.hpp"

struct hs_database;
struct hs_scratch;

namespace gonogo::collect {

class Scanner {
public:
    // Compiles every signature; fails naming the signature whose pattern Hyperscan rejects.
    // With a `cache_dir`, the compiled databases are kept there (serialized, keyed by a hash of the
    // signatures and the Hyperscan version) and loaded instead of compiled next time: compiling
    // costs about half a second, loading a few milliseconds. A missing, stale, corrupt or unwritable
    // cache only means compiling again.
    static Result<Scanner> compile(std::vector<Signature> signatures, const std::filesystem::path& cache_dir = {});

    // Checks that Hyperscan accepts `pattern` with the flags the scan uses; the error says why not
    // (for patterns users write, such as custom rules in .gonogo.yml).
    static Result<void> check_pattern(const std::string& pattern, bool caseless);

    // Per-thread scratch space.
    class Scratch {
    public:
        Scratch() = default;
        ~Scratch();
        Scratch(Scratch&& o) noexcept : m_s(o.m_s) { o.m_s = nullptr; }
        Scratch& operator=(Scratch&&) = delete;
        Scratch(const Scratch&) = delete;
        hs_scratch* get() const { return m_s; }
    private:
        friend class Scanner;
        hs_scratch* m_s = nullptr;
    };
    Result<Scratch> make_scratch() const;

    // Appends the hits of `text` (file index `file`, of kind `kind`) to `out`.
    // At most `k_max_hits_per_signature` hits per signature and file.
    // `name` is the file's base name: signatures with `names` globs apply only when it matches one.
    // `lines`, when given, is the text's line index (the model builder has one for files it keeps).
    void scan(std::string_view text, std::uint32_t file, FileKind kind, Scratch& scratch, std::vector<Hit>& out,
              std::string_view name = {}, const str::LineIndex* lines = nullptr) const;

    const std::vector<Signature>& signatures() const { return m_sigs; }
    static constexpr std::size_t k_max_hits_per_signature = 64;

    struct DbDeleter { void operator()(hs_database* d) const; };

    Scanner(Scanner&&) noexcept = default;
    Scanner& operator=(Scanner&&) noexcept = default;
    ~Scanner();

private:
    Scanner() = default;
    std::unique_ptr<hs_database, DbDeleter> m_db;         // signatures for any file name
    std::unique_ptr<hs_database, DbDeleter> m_scoped_db;  // signatures restricted to some base names
    std::vector<Signature> m_sigs;
    std::vector<char> m_line_tail;            // per signature: extend matches to the end of their line
    std::vector<glob::Pattern> m_scoped_globs;            // distinct `names` globs of the scoped signatures
    std::vector<std::vector<glob::Pattern>> m_sig_globs;  // per signature: its `names`, prepared
    bool scoped_applies(std::string_view name) const;
};

}  // namespace gonogo::collect
