// File-system helpers: bounded reads, binary sniffing, path joins.
// Every read is capped and returns a Result naming the path on failure.
#pragma once
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "util/result.hpp"

namespace gonogo::fs {

// Reads at most `cap` bytes; fails with a message naming `path` when the
// file is larger than `cap`, unreadable, or not a regular file.
Result<std::string> read_file(const std::filesystem::path& path, std::size_t cap);

// True when the first bytes look binary (a NUL byte, or mostly control bytes).
bool looks_binary(std::string_view head);

// True when `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

// Writes `content` to `path` atomically (temp file + rename), creating parents.
Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content);

// Appends `content` to `path` (created when missing) with one O_APPEND write, so what the file held
// is never rewritten and concurrent appenders do not interleave within a block.
Result<void> append_file(const std::filesystem::path& path, std::string_view content);

}  // namespace gonogo::fs
