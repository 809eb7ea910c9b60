// TOML to JSON (see toml.hpp).
#include "collect/toml.hpp"

#include <sstream>

#include <toml++/toml.h>

namespace gonogo::collect {
namespace {

nlohmann::json to_json(const toml::node& n) {
    if (const auto* t = n.as_table()) {
        auto out = nlohmann::json::object();
        for (const auto& [k, v] : *t) out[std::string(k.str())] = to_json(v);
        return out;
    }
    if (const auto* a = n.as_array()) {
        auto out = nlohmann::json::array();
        for (const auto& v : *a) out.push_back(to_json(v));
        return out;
    }
    if (const auto* s = n.as_string()) return s->get();
    if (const auto* i = n.as_integer()) return i->get();
    if (const auto* f = n.as_floating_point()) return f->get();
    if (const auto* b = n.as_boolean()) return b->get();
    std::ostringstream text;  // dates, times and date-times keep their TOML spelling
    n.visit([&](const auto& v) { text << v; });
    return text.str();
}

}  // namespace

tl::expected<nlohmann::json, TomlError> parse_toml(std::string_view text) {
    try {
        toml::table doc = toml::parse(text);
        return to_json(doc);
    } catch (const toml::parse_error& e) {
        TomlError err;
        err.line = static_cast<std::size_t>(e.source().begin.line);
        err.column = static_cast<std::size_t>(e.source().begin.column);
        err.message = std::string(e.description());
        return tl::unexpected(err);
    }
}

}  // namespace gonogo::collect
