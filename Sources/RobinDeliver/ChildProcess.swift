import Foundation
import RobinModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One child process started with posix_spawn, fed and drained by a single
/// poll loop in the calling thread, and bounded by an optional deadline.
///
/// Why not Foundation's `Process`: it cannot put the child in a process group
/// of its own on purpose, and waiting on it cannot time out. A sendmail
/// command that hangs must be killed together with everything it started
/// (`sh -c 'a & b'`), so the child leads its own group and the group is killed.
struct ChildProcess {
    /// What the loop saw.
    struct Outcome {
        var termination: Termination
        var stdout: Data
        var stderr: Data
        /// The deadline passed and the process group was killed.
        var timedOut: Bool
    }

    /// The program's path (already resolved), its arguments, its whole environment.
    var path: String
    var arguments: [String]
    var environment: [String: String]
    /// Bytes written to its standard input (then closed); nil = /dev/null.
    var input: Data?
    /// Start the child in a process group of its own, so a timeout kills the
    /// whole group. Without it the child stays in ours and gets the terminal's
    /// Ctrl-C with us (git).
    var ownGroup: Bool
    /// Seconds the child (and whatever holds its output) may run; nil = no limit.
    var timeLimit: Double?

    /// Seconds between SIGTERM and SIGKILL for a group that overran its time.
    static let killGrace = 2.0
    /// Seconds to keep draining output after the child exited, when something it
    /// started still holds the pipes and there is no time limit.
    static let drainGrace = 5.0

    /// Runs the child to the end. Throws only when it cannot be started.
    func run() throws(DeliveryError) -> Outcome {
        var pipes = [[Int32]](repeating: [-1, -1], count: 3)  // stdin, stdout, stderr
        defer { for pipe in pipes { for fd in pipe where fd >= 0 { close(fd) } } }
        for index in 0..<3 where index > 0 || input != nil {
            var fds: [Int32] = [-1, -1]
            guard makePipe(&fds) == 0 else { throw .runtime("cannot run \(path): pipe failed: \(AtomicFile.errnoText())") }
            pipes[index] = fds
        }
        let pid = try spawn(stdin: pipes[0][0], stdout: pipes[1][1], stderr: pipes[2][1])
        // The child has its copies; the parent keeps only its own ends, so EOF comes when the child's go.
        for (index, end) in [(0, 0), (1, 1), (2, 1)] where pipes[index][end] >= 0 {
            close(pipes[index][end])
            pipes[index][end] = -1
        }
        return withSIGPIPEBlocked {
            loop(pid: pid, stdin: pipes[0][1], stdout: pipes[1][0], stderr: pipes[2][0], pipes: &pipes)
        }
    }

    /// The poll loop: writes the input, reads both outputs, reaps the child,
    /// and enforces the deadline.
    private func loop(pid: pid_t, stdin: Int32, stdout: Int32, stderr: Int32, pipes: inout [[Int32]]) -> Outcome {
        let deadline = timeLimit.map { Date().addingTimeInterval($0) }
        let input = [UInt8](self.input ?? Data())
        var inputOffset = 0
        var writing = stdin >= 0
        if writing { _ = fcntl(stdin, F_SETFL, fcntl(stdin, F_GETFL) | O_NONBLOCK) }
        var out = Data(), err = Data()
        var open: [Int32: Bool] = [stdout: true, stderr: true]
        var termination: Termination?
        var timedOut = false
        var killAt: Date?  // SIGKILL for the group, after a SIGTERM or for leftovers
        var stopAt: Date?  // stop draining even if something outside the group holds the pipes
        var leftoversAt: Date?  // the child exited but something it started holds its output

        func closeInput() {
            if writing { close(stdin); pipes[0][1] = -1; writing = false }
        }
        if input.isEmpty { closeInput() }

        while true {
            let now = Date()
            if termination == nil {
                var status: Int32 = 0
                if waitpid(pid, &status, WNOHANG) == pid {
                    termination = Termination(waitStatus: status)
                    closeInput()
                    leftoversAt = deadline.map { max($0, now) } ?? now.addingTimeInterval(ChildProcess.drainGrace)
                }
            }
            if termination != nil && !open.values.contains(true) { break }
            if let deadline, now >= deadline, termination == nil, !timedOut {
                // Out of time: the group goes, whatever it is doing.
                timedOut = true
                closeInput()
                signalGroup(pid, SIGTERM)
                killAt = now.addingTimeInterval(ChildProcess.killGrace)
                stopAt = now.addingTimeInterval(3 * ChildProcess.killGrace)
            }
            if let at = leftoversAt, now >= at {
                leftoversAt = nil
                if ownGroup { killAt = now }
                stopAt = min(stopAt ?? .distantFuture, now.addingTimeInterval(ownGroup ? ChildProcess.killGrace : 0))
            }
            if let at = killAt, now >= at {
                signalGroup(pid, SIGKILL)
                killAt = nil
            }
            if let at = stopAt, now >= at, termination != nil { break }

            var fds: [pollfd] = []
            for (fd, isOpen) in open where isOpen { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            if writing { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
            // A short tick: the child's exit is noticed by waitpid, not by poll.
            if poll(&fds, nfds_t(fds.count), 20) < 0 && errno != EINTR { break }
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdin {
                    guard writing else { continue }
                    if entry.revents & Int16(POLLOUT) == 0 {
                        closeInput()  // POLLERR / POLLHUP: the child closed its end
                        continue
                    }
                    let written = input.withUnsafeBytes { buffer in
                        write(stdin, buffer.baseAddress! + inputOffset, min(65_536, input.count - inputOffset))
                    }
                    if written > 0 {
                        inputOffset += written
                    } else if written < 0 && errno != EAGAIN && errno != EINTR {
                        closeInput()  // EPIPE: the child stopped reading; its status says why
                    }
                    if inputOffset >= input.count { closeInput() }
                    continue
                }
                var buffer = [UInt8](repeating: 0, count: 65_536)
                let count = read(entry.fd, &buffer, buffer.count)
                if count > 0 {
                    if entry.fd == stdout { out.append(contentsOf: buffer[0..<count]) } else { err.append(contentsOf: buffer[0..<count]) }
                } else if count == 0 || (errno != EAGAIN && errno != EINTR) {
                    open[entry.fd] = false
                }
            }
        }
        closeInput()
        if termination == nil {
            // Only reached when poll itself failed: the child is not left behind.
            signalGroup(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            termination = Termination(waitStatus: status)
        }
        return Outcome(termination: termination!, stdout: out, stderr: err, timedOut: timedOut)
    }

    /// Signals the child's group when it has one, else the child alone.
    private func signalGroup(_ pid: pid_t, _ signal: Int32) {
        _ = kill(ownGroup ? -pid : pid, signal)
    }

    private func spawn(stdin: Int32, stdout: Int32, stderr: Int32) throws(DeliveryError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if stdin >= 0 {
            posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with default signal handling and nothing blocked, whatever
        // this process ignores or blocks (an ignored SIGPIPE would break its pipelines).
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if ownGroup {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw .runtime("cannot run \(path): \(String(cString: strerror(result)))")
        }
        return pid
    }

    /// A pipe whose ends are closed in every other child this process starts
    /// (pipe2 with O_CLOEXEC is not visible to Swift on glibc).
    private func makePipe(_ fds: inout [Int32]) -> Int32 {
        guard pipe(&fds) == 0 else { return -1 }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return 0
    }

    /// Runs `body` with SIGPIPE blocked in this thread: a child that exits
    /// without reading all its input makes the write fail with EPIPE instead
    /// of killing this process. A SIGPIPE left pending is consumed.
    private func withSIGPIPEBlocked<T>(_ body: () -> T) -> T {
        var set = sigset_t(), previous = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &set, &previous)
        defer {
            var pending = sigset_t()
            sigpending(&pending)
            if sigismember(&pending, SIGPIPE) == 1 && sigismember(&previous, SIGPIPE) == 0 {
                var zero = timespec(tv_sec: 0, tv_nsec: 0)
                _ = sigtimedwait(&set, nil, &zero)
            }
            pthread_sigmask(SIG_SETMASK, &previous, nil)
        }
        return body()
    }
}
