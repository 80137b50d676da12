// The exceptions the engine throws. Every failure a user can cause, and
// every error Prolog raises, arrives as one of these, never as a crash.
#pragma once

#include <stdexcept>
#include <string>

namespace casus {

// Base: a message fit to show a user. kind() names the class for JSON.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message) : std::runtime_error(message) {}
    virtual const char* kind() const noexcept { return "error"; }
};

// An error located in the statement text: a byte offset into it, turned
// into line and column by whoever knows where the text came from.
class LocatedError : public Error {
public:
    LocatedError(const std::string& message, std::size_t offset, std::size_t length = 1)
        : Error(message), offset_(offset), length_(length) {}
    std::size_t offset() const noexcept { return offset_; }
    std::size_t length() const noexcept { return length_; }
private:
    std::size_t offset_, length_;
};

// The text does not parse: "expected 'against'".
class SyntaxError : public LocatedError {
public:
    using LocatedError::LocatedError;
    const char* kind() const noexcept override { return "syntax"; }
    // True when the parser ran out of input: more lines may complete it.
    bool at_end = false;
};

// A name that is not in the kb: "did you mean 'kazakhstan'?".
class NameError : public LocatedError {
public:
    using LocatedError::LocatedError;
    const char* kind() const noexcept override { return "name"; }
};

// A fact of the wrong arity or argument type, a date that does not
// exist, a fact that contradicts one already held.
class ValidationError : public LocatedError {
public:
    using LocatedError::LocatedError;
    const char* kind() const noexcept override { return "validation"; }
};

// A question that needs context it does not have ("why not X" with no
// previous defenders question).
class UsageError : public Error {
public:
    using Error::Error;
    const char* kind() const noexcept override { return "usage"; }
};

// The kb could not be loaded: names the file and line.
class KbLoadError : public Error {
public:
    using Error::Error;
    const char* kind() const noexcept override { return "kb"; }
};

// Prolog raised an error the engine did not expect; the engine stays usable.
class PrologError : public Error {
public:
    using Error::Error;
    const char* kind() const noexcept override { return "prolog"; }
};

// The user cancelled the running question (Ctrl-C).
class InterruptedError : public Error {
public:
    using Error::Error;
    const char* kind() const noexcept override { return "interrupted"; }
};

// A resource limit: time or stack.
class LimitError : public Error {
public:
    using Error::Error;
    const char* kind() const noexcept override { return "limit"; }
};

// The data directory: journal, lock, disk.
class StorageError : public Error {
public:
    using Error::Error;
    const char* kind() const noexcept override { return "storage"; }
};

}  // namespace casus
