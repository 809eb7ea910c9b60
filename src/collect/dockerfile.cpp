// Dockerfile instruction splitter and validator (see dockerfile.hpp).
#include "collect/dockerfile.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "util/strings.hpp"

namespace gonogo::collect::dockerfile {
namespace {

std::string upper(std::string_view s) {
    std::string o(s);
    for (auto& c : o) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return o;
}

bool known(std::string_view k) {
    static constexpr std::string_view k_all[] = {"ADD",     "ARG",   "CMD",        "COPY",    "ENTRYPOINT", "ENV",
                                                 "EXPOSE",  "FROM",  "HEALTHCHECK", "LABEL",  "MAINTAINER", "ONBUILD",
                                                 "RUN",     "SHELL", "STOPSIGNAL", "USER",    "VOLUME",     "WORKDIR"};
    return std::find(std::begin(k_all), std::end(k_all), k) != std::end(k_all);
}

}  // namespace

Parsed parse(std::string_view text) {
    Parsed out;
    char escape = '\\';
    auto lines = str::split(text, '\n');
    // Parser directives: only at the very top, before any instruction or other comment.
    for (auto raw : lines) {
        auto t = str::trim(raw);
        if (!str::starts_with(t, "#")) break;
        auto low = str::lower(t);
        auto pos = low.find("escape=");
        if (pos != std::string::npos && pos + 7 < t.size()) escape = t[pos + 7];
        if (low.find('=') == std::string::npos) break;
    }
    Instruction cur;
    bool open = false;
    std::string heredoc;  // terminator while inside a heredoc body
    bool heredoc_strip = false;
    std::size_t heredoc_line = 0;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view raw = lines[i];
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        auto t = str::trim(raw);
        if (!heredoc.empty()) {
            auto cmp = heredoc_strip ? t : raw;
            if (cmp == heredoc) heredoc.clear();
            continue;
        }
        if (!open) {
            if (t.empty() || t[0] == '#') continue;
            auto sp = t.find_first_of(" \t");
            cur = Instruction{upper(t.substr(0, sp)), "", i + 1};
            t = sp == std::string_view::npos ? std::string_view{} : str::trim(t.substr(sp));
        } else if (t.empty() || t[0] == '#') {
            continue;  // comments and blank lines inside a continuation
        }
        bool cont = !t.empty() && t.back() == escape;
        if (cont) t = str::trim(t.substr(0, t.size() - 1));
        if (!cur.args.empty() && !t.empty()) cur.args += ' ';
        cur.args += std::string(t);
        open = cont;
        if (open) continue;
        // Heredoc (RUN <<EOF ... EOF): skip its body.
        auto hd = cur.args.find("<<");
        if (hd != std::string::npos && (cur.keyword == "RUN" || cur.keyword == "COPY" || cur.keyword == "ADD")) {
            std::size_t k = hd + 2;
            heredoc_strip = k < cur.args.size() && cur.args[k] == '-';
            if (heredoc_strip) ++k;
            std::string word;
            while (k < cur.args.size() && (std::isalnum(static_cast<unsigned char>(cur.args[k])) || cur.args[k] == '_' ||
                                           cur.args[k] == '"' || cur.args[k] == '\''))
                word += cur.args[k++];
            word.erase(std::remove(word.begin(), word.end(), '"'), word.end());
            word.erase(std::remove(word.begin(), word.end(), '\''), word.end());
            if (!word.empty()) {
                heredoc = word;
                heredoc_line = cur.line;
            }
        }
        out.instructions.push_back(cur);
    }
    if (open) {
        out.instructions.push_back(cur);
        out.problems.push_back({cur.line, fmt::format("{} continues past the end of the file", cur.keyword)});
    }
    if (!heredoc.empty())
        out.problems.push_back({heredoc_line, fmt::format("heredoc is never closed by {}", heredoc)});

    bool seen_from = false;
    for (const auto& in : out.instructions) {
        if (!known(in.keyword)) {
            out.problems.push_back({in.line, fmt::format("unknown instruction {}", str::clip(in.keyword, 40))});
            continue;
        }
        if (in.args.empty()) out.problems.push_back({in.line, fmt::format("{} has no arguments", in.keyword)});
        if (in.keyword == "FROM") seen_from = true;
        else if (!seen_from && in.keyword != "ARG")
            out.problems.push_back({in.line, fmt::format("{} comes before the first FROM", in.keyword)});
    }
    if (!out.instructions.empty() && !seen_from) out.problems.push_back({1, "no FROM instruction"});
    return out;
}

}  // namespace gonogo::collect::dockerfile
