// String helpers: trimming, case, splitting and a line index that turns byte
// offsets into 1-based line and column numbers.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gonogo::str {

std::string_view trim(std::string_view s);
std::string lower(std::string_view s);
bool contains(std::string_view haystack, std::string_view needle);
bool icontains(std::string_view haystack, std::string_view needle);
bool ends_with(std::string_view s, std::string_view suffix);
bool starts_with(std::string_view s, std::string_view prefix);
std::vector<std::string_view> split(std::string_view s, char sep);
// The parts are views into `s`: splitting a temporary string would leave them dangling.
std::vector<std::string_view> split(std::string&& s, char sep) = delete;
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// Splits a shell-like command into words: blanks separate, single and double quotes group and are
// removed ("" is kept as an empty word). No expansion, escapes or operators: callers look at words.
std::vector<std::string> shell_words(std::string_view s);
// Replaces all but the first `keep` characters of `secret` with '*' (at least 4 stars).
std::string mask(std::string_view secret, std::size_t keep = 4);
// Shannon entropy in bits per character.
double entropy(std::string_view s);
// Shortens to at most `max` characters, appending "…" when cut.
std::string clip(std::string_view s, std::size_t max);

// Maps byte offsets to 1-based (line, column). Columns count bytes.
// Text for XML and HTML, in content or a quoted attribute: & < > " ' become references, and C0
// control characters neither can carry (all but tab, newline, carriage return) become spaces.
std::string markup_escape(std::string_view s);

class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    struct Pos { std::size_t line; std::size_t column; };
    Pos at(std::size_t offset) const;
    // The text of 1-based line `line`, without its newline.
    std::string_view line_text(std::string_view text, std::size_t line) const;
    std::size_t line_count() const { return m_starts.size(); }
    std::size_t line_start(std::size_t line) const { return m_starts.at(line - 1); }
private:
    std::vector<std::size_t> m_starts;
};

}  // namespace gonogo::str
