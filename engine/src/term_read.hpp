// Reading the tables the kb returns (the defence matrix's, the dyad
// export's) through the raw C interface, with term references made once
// and reused: a large world's tables hold about a million rows. Every
// read that finds a term of another shape throws PrologError with the
// reader's message, naming whose tables they were.
#pragma once

#include "casus/errors.hpp"
#include "limits.hpp"

#include <SWI-Prolog.h>

#include <cstddef>
#include <cstdint>

namespace casus::term_read {

class Reader {
public:
    explicit Reader(const char* unexpected_shape) : message_(unexpected_shape) {}

    void need(bool ok) const {
        if (!ok) throw PrologError(message_);
    }
    double number(term_t t) const {
        double d;
        int64_t i;
        if (PL_get_float(t, &d)) return d;
        need(PL_get_int64(t, &i));
        return static_cast<double>(i);
    }
    long integer(term_t t) const {
        int64_t v;
        need(PL_get_int64(t, &v));
        return static_cast<long>(v);
    }
    atom_t atom(term_t t) const {
        atom_t a;
        need(PL_get_atom(t, &a));
        return a;
    }
    // Calls f(item) for each item of a proper list. The rows are read in
    // C++, where no Prolog call port sees the statement's deadline: it is
    // checked every 65,536 rows.
    template <class F>
    void for_each_item(term_t list, F&& f) const {
        term_t tail = PL_copy_term_ref(list), head = PL_new_term_ref();
        for (std::size_t k = 1; PL_get_list(tail, head, tail); ++k) {
            if ((k & 0xFFFF) == 0) limits::check();
            f(head);
        }
        need(PL_get_nil(tail));
    }
    // The arguments of a compound, into consecutive references.
    term_t args_of(term_t t, int arity, term_t into) const {
        for (int i = 0; i < arity; ++i) need(PL_get_arg(i + 1, t, into + i));
        return into;
    }

private:
    const char* message_;
};

}  // namespace casus::term_read
