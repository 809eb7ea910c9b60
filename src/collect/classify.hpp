// File classification by path: what kind of file (source, test/fixture,
// vendored/generated, config, manifest, docs) and which language, and whether
// its text is worth keeping for the probes.
#pragma once
#include <string_view>

#include "collect/model.hpp"

namespace gonogo::collect {

struct Classification {
    FileKind kind = FileKind::other;
    Language lang = Language::none;
};

Classification classify(std::string_view rel_path);

// Whether the model keeps the text of a file of this class (probes need it).
bool keep_text(const Classification& c);

}  // namespace gonogo::collect
