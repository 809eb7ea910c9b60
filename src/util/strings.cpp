// String helpers (see strings.hpp).
#include "util/strings.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstring>

namespace gonogo::str {

std::string_view trim(std::string_view s) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

namespace {

// ASCII case folding: gonogo never sets a locale, so std::tolower folds exactly these; a plain
// table lookup spares a library call per character in the probes' many case-blind searches.
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = ascii_lower(c);
    return out;
}

bool contains(std::string_view h, std::string_view n) { return h.find(n) != std::string_view::npos; }

bool icontains(std::string_view h, std::string_view n) {
    if (n.empty()) return true;
    if (n.size() > h.size()) return false;
    const char first = ascii_lower(n[0]);
    const char first_up = first >= 'a' && first <= 'z' ? static_cast<char>(first - 'a' + 'A') : first;
    const std::size_t last = h.size() - n.size();
    for (std::size_t i = 0; i <= last; ++i) {
        if (h[i] != first && h[i] != first_up) continue;
        std::size_t k = 1;
        while (k < n.size() && ascii_lower(h[i + k]) == ascii_lower(n[k])) ++k;
        if (k == n.size()) return true;
    }
    return false;
}

bool ends_with(std::string_view s, std::string_view suf) {
    return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}
bool starts_with(std::string_view s, std::string_view pre) { return s.substr(0, pre.size()) == pre; }

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || s[i] == sep) {
            out.push_back(s.substr(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) out += sep;
        out += parts[i];
    }
    return out;
}

std::string mask(std::string_view secret, std::size_t keep) {
    if (secret.size() <= keep) return std::string(std::max<std::size_t>(secret.size(), 4), '*');
    std::size_t stars = std::max<std::size_t>(4, std::min<std::size_t>(secret.size() - keep, 12));
    return std::string(secret.substr(0, keep)) + std::string(stars, '*');
}

double entropy(std::string_view s) {
    if (s.empty()) return 0.0;
    std::array<std::size_t, 256> counts{};
    for (unsigned char c : s) ++counts[c];
    double h = 0.0;
    const double n = static_cast<double>(s.size());
    for (auto c : counts) {
        if (!c) continue;
        double p = static_cast<double>(c) / n;
        h -= p * std::log2(p);
    }
    return h;
}

std::string clip(std::string_view s, std::size_t max) {
    if (s.size() <= max) return std::string(s);
    std::size_t cut = max;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
    return std::string(s.substr(0, cut)) + "…";
}

std::string markup_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    for (char ch : s) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20 && ch != '\n' && ch != '\t' && ch != '\r') out += ' ';
                else out += ch;
        }
    }
    return out;
}

LineIndex::LineIndex(std::string_view text) {
    m_starts.push_back(0);
    const char* const base = text.data();
    const char* p = base;
    const char* const end = base + text.size();
    while (p < end) {
        const auto* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        if (!nl) break;
        m_starts.push_back(static_cast<std::size_t>(nl - base) + 1);
        p = nl + 1;
    }
}

LineIndex::Pos LineIndex::at(std::size_t offset) const {
    auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
    std::size_t line = static_cast<std::size_t>(it - m_starts.begin());
    return {line, offset - m_starts[line - 1] + 1};
}

std::string_view LineIndex::line_text(std::string_view text, std::size_t line) const {
    if (line == 0 || line > m_starts.size()) return {};
    std::size_t b = m_starts[line - 1];
    std::size_t e = line < m_starts.size() ? m_starts[line] : text.size();
    auto s = text.substr(b, e - b);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::vector<std::string> shell_words(std::string_view s) {
    std::vector<std::string> out;
    std::string cur;
    bool in_word = false;
    char quote = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (quote) {
            if (c == quote) quote = 0;
            else cur += c;
            continue;
        }
        if (c == '"' || c == '\'') {
            quote = c;
            in_word = true;
            continue;
        }
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (in_word) out.push_back(cur);
            cur.clear();
            in_word = false;
            continue;
        }
        cur += c;
        in_word = true;
    }
    if (in_word) out.push_back(cur);
    return out;
}

}  // namespace gonogo::str
