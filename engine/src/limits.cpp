#include "limits.hpp"

#include "casus/errors.hpp"

#include <SWI-Prolog.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <sstream>
#include <thread>
#include <fcntl.h>
#include <unistd.h>

namespace casus::limits {

namespace {

using Clock = std::chrono::steady_clock;

// Resident memory in bytes, from /proc/self/statm, kept open: a read is
// about two microseconds, and every question reads it once.
std::size_t resident_bytes() {
    static const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    static const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    char buf[128];
    const ssize_t n = fd < 0 ? -1 : ::pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return 0;
    buf[n] = 0;
    unsigned long size = 0, resident = 0;
    return std::sscanf(buf, "%lu %lu", &size, &resident) == 2 ? resident * page : 0;
}

enum class Reason { none, time, memory };

// The thread that watches the running statement. It raises the signal
// when the deadline passes or the process has grown past the cap, and
// again every tenth of a second after that (a rule that catches the
// first exception and carries on is stopped by the next). Prolog handles
// signals at its call ports; a loop that passes none (a directive
// `repeat, fail` in a rule file) never sees them, so after a grace the
// watchdog ends the process rather than hang: every acknowledged fact
// is on disk already.
class Watchdog {
public:
    void arm(double seconds, std::size_t memory_mb, const Statement& s) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!started_) {
            std::thread([this] { loop(); }).detach();  // lives as long as the process
            started_ = true;
        }
        timed_ = seconds > 0;
        seconds_ = seconds;
        if (timed_)
            deadline_ = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
        memory_mb_ = memory_mb;
        cap_ = memory_mb ? resident_bytes() + memory_mb * 1024 * 1024 : 0;
        statement_ = &s;
        reason_ = Reason::none;
        ++generation_;
        armed_ = true;
        // Waking the thread costs a context switch per statement (a tenth
        // of a cheap question); it is woken only if it sleeps past when
        // this statement needs it.
        if (next_wake() < sleeping_until_) wake_.notify_one();
    }
    void disarm() {
        std::lock_guard<std::mutex> lock(mutex_);
        armed_ = false;
        disarmed_at_ = Clock::now();
        statement_ = nullptr;
        reason_ = Reason::none;
    }
    const Statement* statement() {
        std::lock_guard<std::mutex> lock(mutex_);
        return statement_;
    }
    // The clock too, not only the thread: on a busy machine the thread
    // may not have run yet when a call that overran returns.
    bool reached() {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!armed_) return false;
        if (reason_ == Reason::none && timed_ && Clock::now() >= deadline_) fire(Reason::time);
        return reason_ != Reason::none;
    }
    std::string message() {
        std::lock_guard<std::mutex> lock(mutex_);
        const Statement& s = statement_ ? *statement_ : question;
        std::ostringstream out;
        if (reason_ == Reason::memory)
            out << "memory limit: " << s.what << " made casus grow by more than " << memory_mb_
                << " MB (a rule that asserts without end?) and was stopped; " << s.unchanged;
        else
            out << "timeout after " << seconds_ << " s: " << s.what
                << " ran longer than the time limit (--timeout); " << s.unchanged;
        return out.str();
    }
    void set_signal(int sig, int thread) {
        signal_ = sig;
        thread_ = thread;
    }
    std::atomic<int> in_prolog{0};

private:
    static constexpr auto poll = std::chrono::milliseconds(20);
    static constexpr auto again = std::chrono::milliseconds(100);
    static constexpr auto grace = std::chrono::seconds(5);
    static constexpr auto idle = std::chrono::seconds(1);

    // Called with the mutex held.
    void fire(Reason r) {
        reason_ = r;
        fired_at_ = Clock::now();
        fired_generation_ = generation_;
    }

    // When the armed statement next needs a look (with the mutex held).
    Clock::time_point next_wake() const {
        auto next = Clock::now() + (memory_mb_ ? poll : idle);
        if (timed_ && deadline_ < next) next = deadline_;
        if (reason_ != Reason::none) next = Clock::now() + again;
        return next;
    }

    void loop() {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            if (!armed_) {
                // Between statements of a busy script the thread keeps
                // polling for a second, so the next statement need not wake it.
                if (Clock::now() - disarmed_at_ < idle) {
                    sleeping_until_ = Clock::now() + poll;
                    wake_.wait_until(lock, sleeping_until_);
                } else {
                    sleeping_until_ = Clock::time_point::max();
                    wake_.wait(lock);
                }
                continue;
            }
            sleeping_until_ = next_wake();
            wake_.wait_until(lock, sleeping_until_);
            if (!armed_) continue;
            if (reason_ == Reason::none) {
                if (timed_ && Clock::now() >= deadline_) fire(Reason::time);
                else if (cap_ && resident_bytes() > cap_) fire(Reason::memory);
                else continue;
            }
            lock.unlock();
            if (signal_ > 0) PL_thread_raise(thread_, signal_);
            lock.lock();
            if (armed_ && fired_generation_ == generation_ && Clock::now() >= fired_at_ + grace && in_prolog.load() > 0) {
                static const char msg[] =
                    "casus: a limit passed and Prolog could not be stopped (a loop that never yields); "
                    "exiting. Every acknowledged fact is on disk.\n";
                (void)!::write(2, msg, sizeof msg - 1);
                ::_exit(3);
            }
        }
    }

    std::mutex mutex_;
    std::condition_variable wake_;
    Clock::time_point deadline_, fired_at_, disarmed_at_, sleeping_until_ = Clock::time_point::max();
    double seconds_ = 0;
    std::size_t memory_mb_ = 0, cap_ = 0;
    const Statement* statement_ = nullptr;
    Reason reason_ = Reason::none;
    unsigned long generation_ = 0, fired_generation_ = 0;
    bool armed_ = false, started_ = false, timed_ = false;
    int signal_ = 0, thread_ = 0;
};

Watchdog& watchdog() {
    static Watchdog* w = new Watchdog;  // never destroyed: its thread may outlive static destructors
    return *w;
}

}  // namespace

Scope::Scope(double timeout_seconds, std::size_t memory_mb, const Statement& statement)
    : owner_(watchdog().statement() == nullptr) {
    if (owner_) watchdog().arm(timeout_seconds, memory_mb, statement);
}

Scope::~Scope() {
    if (owner_) watchdog().disarm();
}

const Statement* current() { return watchdog().statement(); }
bool reached() { return watchdog().reached(); }
std::string message() { return watchdog().message(); }

void check() {
    if (reached()) throw LimitError(message());
}

void set_signal(int signal, int engine_thread) { watchdog().set_signal(signal, engine_thread); }

InProlog::InProlog() { ++watchdog().in_prolog; }
InProlog::~InProlog() { --watchdog().in_prolog; }
bool InProlog::active() { return watchdog().in_prolog.load() > 0; }

}  // namespace casus::limits
