// Bounded file reads and atomic writes (see fs.hpp).
#include "util/fs.hpp"

#include <cerrno>
#include <cstdint>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cstring>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

namespace gonogo::fs {

// POSIX open/fstat/read: one path look-up per file (the audit reads tens of thousands).
Result<std::string> read_file(const std::filesystem::path& path, std::size_t cap) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) return fail(fmt::format("cannot open: {}", std::strerror(errno)), path.string());
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st{};
    if (::fstat(fd, &st) != 0) return fail(fmt::format("cannot stat: {}", std::strerror(errno)), path.string());
    if (!S_ISREG(st.st_mode)) return fail("not a regular file", path.string());
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size > cap) return fail(fmt::format("file is {} bytes, over the {} byte cap", size, cap), path.string());
    std::string data(static_cast<std::size_t>(size), '\0');
    std::size_t got = 0;
    while (got < data.size()) {
        ssize_t n = ::read(fd, data.data() + got, data.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) return fail(fmt::format("read error: {}", std::strerror(errno)), path.string());
        if (n == 0) break;  // the file shrank while being read
        got += static_cast<std::size_t>(n);
    }
    data.resize(got);
    return data;
}

bool looks_binary(std::string_view head) {
    // git's rule (a NUL in the first 8000 bytes), plus a share of control bytes in the first 1 KiB.
    if (std::memchr(head.data(), 0, std::min<std::size_t>(head.size(), 8000)) != nullptr) return true;
    std::size_t n = std::min<std::size_t>(head.size(), 1024);
    std::size_t control = 0;
    for (std::size_t i = 0; i < n; ++i) {
        auto c = static_cast<unsigned char>(head[i]);
        if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b)) ++control;
    }
    return n > 0 && control * 10 > n;  // over 10 % control bytes
}

bool is_valid_utf8(std::string_view s) {
    std::size_t i = 0;
    while (i < s.size()) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
        if (len == 0 || i + len > s.size()) return false;
        for (std::size_t k = 1; k < len; ++k)
            if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
        i += len;
    }
    return true;
}

Result<void> write_file_atomic(const std::filesystem::path& path, std::string_view content) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return fail(fmt::format("cannot create directory: {}", ec.message()), path.parent_path().string());
    auto tmp = path;
    tmp += ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) return fail(fmt::format("cannot write: {}", std::strerror(errno)), tmp.string());
        out.write(content.data(), static_cast<std::streamsize>(content.size()));
        if (!out) return fail("write error", tmp.string());
    }
    std::filesystem::rename(tmp, path, ec);
    if (ec) return fail(fmt::format("cannot rename into place: {}", ec.message()), path.string());
    return {};
}

Result<void> append_file(const std::filesystem::path& path, std::string_view content) {
    std::error_code ec;
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return fail(fmt::format("cannot create directory: {}", ec.message()), path.parent_path().string());
    int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return fail(fmt::format("cannot open for appending: {}", std::strerror(errno)), path.string());
    std::size_t done = 0;
    while (done < content.size()) {
        auto n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int e = errno;
            ::close(fd);
            return fail(fmt::format("write error: {}", std::strerror(e)), path.string());
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) return fail(fmt::format("write error: {}", std::strerror(errno)), path.string());
    return {};
}

}  // namespace gonogo::fs
