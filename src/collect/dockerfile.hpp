// Dockerfile instructions: splits a Dockerfile into its instructions (parser
// directives, line continuations with the declared escape character,
// comments inside continuations, heredoc bodies) and lists what makes it
// malformed. Written by hand: Debian packages no Dockerfile parser for C++,
// and BuildKit's grammar is line-based and small.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gonogo::collect::dockerfile {

struct Instruction {
    std::string keyword;  // upper case: FROM, USER, RUN, CMD, ...
    std::string args;     // continuation lines joined, comments removed
    std::size_t line = 0; // 1-based line where the instruction starts
};

struct Problem {
    std::size_t line = 0;
    std::string message;
};

struct Parsed {
    std::vector<Instruction> instructions;
    std::vector<Problem> problems;  // unknown instructions, missing arguments, no FROM, unterminated parts
};

Parsed parse(std::string_view text);

}  // namespace gonogo::collect::dockerfile
