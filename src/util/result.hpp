// Result<T>: the expected-style type used at every module boundary.
// tl::expected (Debian's libexpected-dev) until std::expected is available to g++ 12.
#pragma once
#include <string>
#include <tl/expected.hpp>

namespace gonogo {

struct Error {
    std::string message;  // what went wrong, in words a user can act on
    std::string where;    // file, URL or key it concerns; may be empty
};

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> fail(std::string message, std::string where = {}) {
    return tl::unexpected<Error>(Error{std::move(message), std::move(where)});
}

}  // namespace gonogo
