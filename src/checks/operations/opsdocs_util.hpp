// Helpers shared by the opsdocs probes (OPS-01, SEC-28, OBS-11, OBS-12, OPS-03,
// OPS-07, OPS-08, LOAD-01, LOAD-03, DR-01): CI pipelines of every common CI
// system as steps, a shell-command classifier that resolves npm scripts,
// Makefile and Taskfile targets, and a Markdown section parser.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "checks/helpers.hpp"

namespace gonogo::checks::opsdocs {

// ---- small helpers ------------------------------------------------------------

std::string base_name(std::string_view path);
std::string dir_name(std::string_view path);  // "" for the root
std::string join(std::string_view dir, std::string_view rel);  // normalises "." and ".."
// 1-based line of a parsed YAML node (0 when unknown).
std::size_t yaml_line(const YAML::Node& n);
// The value of `key` in a map node; an undefined node when n is not a map or has no such key (never throws,
// unlike chained yaml-cpp look-ups on missing keys).
YAML::Node child(const YAML::Node& n, std::string_view key);
// 1-based line of `key` itself in a map node (0 when absent).
std::size_t key_line(const YAML::Node& n, std::string_view key);
// Scalar value of a node, never throwing.
std::optional<std::string> yaml_str(const YAML::Node& n);
bool yaml_true(const YAML::Node& n);
// The parsed YAML documents of a kept YAML file. The model parses YAML only for files whose path or keys
// a probe is known to read (collect/build.cpp, yaml_wanted); for the others this parses the text here
// when it contains one of `needles` (every kept YAML file when needles is empty). Never throws.
std::vector<YAML::Node> yaml_docs(const collect::File& f, std::initializer_list<std::string_view> needles = {});
// The same, made once per file and needle set for every probe and service.
const std::vector<YAML::Node>& yaml_docs(const ProbeContext& ctx, const collect::File& f,
                                         std::initializer_list<std::string_view> needles = {});
// Masks credentials in a line: values of password/secret/token/api-key assignments (not $VAR or ${{ }}
// references), URL user:password@, and well-known token formats (GitHub, Stripe, Slack, AWS, GitLab, SendGrid).
std::string mask_line(std::string_view s);
// Evidence for a scanner hit, masked.
Evidence hit_ev(const ProbeContext& ctx, const collect::Hit& h, std::string note = {});
// Evidence at a 1-based line of a kept file (line 0 -> line 1), masked.
Evidence line_ev(const collect::File& f, std::size_t line, std::string note = {});
// Paths that are samples or fixtures rather than the service's own (examples/, fixtures/, testdata/...).
bool is_sample_path(std::string_view path);
// Where a missing thing belongs: the service's manifest or README, as evidence (empty when none).
std::vector<Evidence> anchor_evidence(const ProbeContext& ctx, std::string note);
// The service's own kept files (tests and vendored code excluded), including repository-level files.
// Made once per service (RepoModel::derived).
const std::vector<const collect::File*>& kept_own(const ProbeContext& ctx);
// True when the repository has nothing to operate: no parseable code for this service.
bool nothing_to_operate(const ProbeContext& ctx);
// True when nothing of the service runs in production: no code, or no long-running process (no HTTP
// server, worker or deployment definition; a library such as go-chi/chi). CI still applies to it;
// alerts, dashboards, runbooks, rollbacks, feature flags and chaos drills do not.
bool nothing_runs(const ProbeContext& ctx);
// Lower-case copy.
std::string lower(std::string_view s);
// True when `text` contains `word` as a whole word (case-insensitive, word = [A-Za-z0-9_]).
bool has_word(std::string_view text, std::string_view word);

// ---- commands -------------------------------------------------------------------

enum Kind : unsigned {
    k_test = 1u << 0,
    k_build = 1u << 1,
    k_lint = 1u << 2,       // linters, format checks and type checks
    k_scan = 1u << 3,       // security scanners (SEC-28)
    k_rollback = 1u << 4,   // rollback commands (OPS-08)
    k_load = 1u << 5,       // load-test runners (LOAD-01)
    k_backup = 1u << 6,     // database dump / backup tools (DR-01)
    k_deploy = 1u << 7,     // deploy commands
};

struct CmdInfo {
    unsigned kinds = 0;       // bits of Kind the command performs (blocking)
    unsigned soft = 0;        // bits whose failure is ignored (`|| true`, continue-on-error, allow_failure)
    struct Did {
        unsigned kind = 0;   // one Kind bit
        std::string what;    // "npm run lint -> next lint"
        bool soft = false;   // its failure is ignored
    };
    std::vector<Did> did;
    std::vector<std::string> scan_kinds;  // "SAST", "secrets", "dependencies", "container", "IaC", "DAST"
    std::vector<std::string> scan_tools;  // "semgrep", "CodeQL"...
    bool opaque = false;      // delegates to something that cannot be read (remote reusable workflow)
    void merge(const CmdInfo& o);
};

// Resolves names a CI step refers to: package.json scripts, Makefile targets, Taskfile tasks.
class Resolver {
public:
    explicit Resolver(const ProbeContext& ctx);
    // script body for `npm run name` run in `dir` (nearest package.json at or above dir, then any).
    std::optional<std::string> npm_script(std::string_view dir, std::string_view name) const;
    // Recipe lines of a make target (with prerequisites' recipes), "" target = default target.
    std::optional<std::vector<std::string>> make_target(std::string_view dir, std::string_view target) const;
    std::optional<std::vector<std::string>> task(std::string_view dir, std::string_view name) const;
    // Does any npm script, make recipe line or task command name one of `words` (case-insensitive)? When
    // none does, a command that names none of them cannot reach one through the resolver either.
    bool any_target_mentions(std::initializer_list<std::string_view> words) const;
    std::string service_root;

private:
    std::map<std::string, std::map<std::string, std::string>> m_npm;  // dir -> script -> body
    struct Make {
        std::map<std::string, std::vector<std::string>> recipes;
        std::map<std::string, std::vector<std::string>> prereqs;
        std::string first;
    };
    std::map<std::string, Make> m_make;                                              // dir -> targets
    std::map<std::string, std::map<std::string, std::vector<std::string>>> m_tasks;  // dir -> task -> cmds
    void collect_make(std::vector<std::string>& out, const Make& mk, const std::string& target, int depth) const;
};

// What a shell command line (one or many commands) does.
// The service's resolver, made once per service.
const Resolver& resolver(const ProbeContext& ctx);

CmdInfo classify_command(std::string_view cmd, const Resolver& r, std::string_view dir = {}, int depth = 0);
// What a CI building block does: a GitHub action (`uses:`), CircleCI orb step, Azure task, Bitbucket pipe,
// GitLab include template or a container image of a CI step. `with` holds its inputs (may be null).
CmdInfo classify_action(std::string_view ref, const YAML::Node& with, const Resolver& r);

// ---- CI pipelines -------------------------------------------------------------------

struct CiStep {
    const collect::File* file = nullptr;  // where the step is written
    std::size_t line = 0;                 // 1-based (0: unknown -> the file's first line)
    std::string job;
    std::string text;      // the command(s), or the action/orb/task/pipe/template reference
    bool action = false;   // text is a reference to a reusable building block, not a shell command
    YAML::Node with;       // inputs of the building block
    bool soft = false;     // continue-on-error / allow_failure / continueOnError
    std::string dir;       // working directory relative to the repository root
    bool on_change = false;  // runs on pushes or pull/merge requests
    bool scheduled = false;  // runs on a schedule
    bool opaque = false;     // a remote reusable workflow or template that cannot be read
};

struct CiPipeline {
    const collect::File* file = nullptr;
    std::string system;          // "GitHub Actions", "GitLab CI", ...
    std::string triggers;        // "push, pull_request" / "schedule" / "manual"
    std::size_t trigger_line = 1;
    bool on_change = false;
    bool scheduled = false;
    bool manual = false;
    std::string name;            // workflow name (GitHub) or file name
    std::vector<std::string> job_names;
    std::vector<CiStep> steps;
};

// Every CI definition the repository holds, parsed into steps.
const std::vector<CiPipeline>& ci_pipelines(const ProbeContext& ctx);  // made once per service
// Evidence for a step (the step's line with its snippet).
Evidence step_evidence(const CiStep& s, std::string note = {});

// ---- Markdown ---------------------------------------------------------------------------

struct MdLine {
    enum Type { blank, para, heading, bullet, ordered, code, fence } type = blank;
    std::string_view text;  // the line without its newline
    bool bold_label = false;  // a paragraph that starts with **Label** (pseudo heading)
};
struct MdSection {
    int level = 1;
    std::string title;
    std::size_t index = 0;  // line index of the heading (0-based; line number = index + 1)
    std::size_t end = 0;    // exclusive line index where the section (with its subsections) ends
    int parent = -1;        // index of the enclosing section
};
struct MdDoc {
    const collect::File* file = nullptr;
    std::vector<MdLine> lines;
    std::vector<MdSection> sections;
};
// Documentation files of the service (Markdown, reStructuredText, AsciiDoc), excluding changelogs and licenses.
const std::vector<const collect::File*>& doc_files(const ProbeContext& ctx);
MdDoc parse_markdown(const collect::File& f);
// parse_markdown, made once per file for every probe and service.
const MdDoc& markdown(const collect::File& f);
// Step-like content (list items or code) between two line indexes.
bool has_steps(const MdDoc& d, std::size_t from, std::size_t to);
// Code lines (fenced code) and inline `code` spans of list/text lines between two line indexes.
std::vector<std::pair<std::size_t, std::string>> code_snippets(const MdDoc& d, std::size_t from, std::size_t to);

}  // namespace gonogo::checks::opsdocs
