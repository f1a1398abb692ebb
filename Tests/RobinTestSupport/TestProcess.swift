import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process for tests (the built `robin-report`, git, python3, Chromium,
/// a shell script), run without ever blocking a thread of Swift concurrency's
/// cooperative pool: on a 2-core machine that pool has two threads for every
/// test running at once, and a test waiting in `waitUntilExit()` or a pipe read
/// holds one (see `Blocking`). Its exit is awaited through `terminationHandler`
/// and a continuation, stdout and stderr are read on threads of their own, and
/// a time limit kills it.
public final class TestProcess: Sendable {
    /// The default time limit of `wait`: a guard against a hung child, not a speed bound.
    public static let defaultTimeout: Duration = .seconds(300)
    /// Seconds between SIGTERM and SIGKILL when the time limit passes.
    static let killGrace: Duration = .seconds(2)
    /// How long output is still read after the child exited, when something it
    /// started (a background job of a script) holds its pipes open.
    static let drainGrace: Duration = .seconds(5)

    /// What the child reads on its standard input.
    public enum Input: Sendable {
        /// /dev/null.
        case none
        /// These bytes, then end of file.
        case data(Data)
        /// A pipe that stays open until `closeInput()` (a server that stops at end of input).
        case open
    }

    /// How a run ended, and everything it printed.
    public struct Result: Sendable {
        /// The exit status, or the number of the signal that ended it (then `signaled`).
        public var status: Int32
        /// A signal ended the child (a test's `kill`, or the time limit).
        public var signaled: Bool
        public var stdout: String
        public var stderr: String
        /// From its start to its exit: how long it ran (waiting for a `HeavyWork` slot not included).
        public var duration: Duration
    }

    /// Why a child could not be run or did not finish.
    public enum Failure: Error, CustomStringConvertible {
        case notFound(String)
        case failed(command: String, status: Int32, stderr: String)
        case timedOut(command: String, after: Duration, stderr: String)
        case noLine(command: String, stderr: String)

        public var description: String {
            switch self {
            case .notFound(let name): "\(name): no such executable on PATH"
            case .failed(let command, let status, let stderr): "\(command) failed (\(status)): \(stderr.suffix(2000))"
            case .timedOut(let command, let after, let stderr):
                "\(command) did not finish within \(after) and was killed; its stderr: \(stderr.suffix(2000))"
            case .noLine(let command, let stderr):
                "\(command) printed no line before it ended or its time ran out; its stderr: \(stderr.suffix(2000))"
            }
        }
    }

    struct State {
        var stdout = Data()
        var stderr = Data()
        var openPipes = 2
        var termination: (status: Int32, signaled: Bool)?
        /// When the child was started and when it exited.
        var started = ContinuousClock.now
        var ended: ContinuousClock.Instant?
        /// The drain grace passed: stop waiting for pipes held by something the child started.
        var drained = false
        var timedOut = false
        var waiters: [(ready: @Sendable (State) -> Bool, continuation: CheckedContinuation<Void, Never>)] = []

        var finished: Bool { termination != nil && (openPipes == 0 || drained) }
    }

    /// The command line, for messages.
    public let command: String
    private let process: Process
    private let input: FileHandle?
    private let state = Mutex(State())

    /// Starts `executable` (a path, or a name looked up on the PATH of `environment`)
    /// with `arguments`, exactly `environment`, in `directory` (nil: this process's).
    public static func start(_ executable: String, _ arguments: [String] = [],
                             environment: [String: String] = ProcessInfo.processInfo.environment,
                             directory: String? = nil, input: Input = .none) throws -> TestProcess {
        guard let path = resolve(executable, path: environment["PATH"] ?? ProcessInfo.processInfo.environment["PATH"] ?? "")
        else { throw Failure.notFound(executable) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let stdin: Pipe? = if case .none = input { nil } else { Pipe() }
        process.standardInput = stdin.map { $0 as Any } ?? FileHandle.nullDevice
        let child = TestProcess(process: process, input: stdin?.fileHandleForWriting,
                                command: ([executable] + arguments).joined(separator: " "))
        let out = Pipe(), err = Pipe()
        for pipe in [out, err] + (stdin.map { [$0] } ?? []) {
            // Foundation closes them in its own children, but a child started another
            // way (posix_spawn in RobinDeliver) would inherit them and hold them open.
            for handle in [pipe.fileHandleForReading, pipe.fileHandleForWriting] {
                _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC)
            }
        }
        process.standardOutput = out
        process.standardError = err
        process.terminationHandler = { [weak child] process in
            child?.terminated(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal)
        }
        child.state.withLock { $0.started = .now }
        try process.run()
        child.read(out.fileHandleForReading, stderr: false)
        child.read(err.fileHandleForReading, stderr: true)
        if case .data(let data) = input, let stdin { child.write(data, to: stdin.fileHandleForWriting) }
        return child
    }

    /// Runs the child to its end (`start`, then `wait`), once one of the `HeavyWork`
    /// slots is free; `timeout` counts from its start.
    public static func run(_ executable: String, _ arguments: [String] = [],
                           environment: [String: String] = ProcessInfo.processInfo.environment,
                           directory: String? = nil, input: Input = .none,
                           timeout: Duration = TestProcess.defaultTimeout) async throws -> Result {
        try await HeavyWork.withSlot {
            try await start(executable, arguments, environment: environment, directory: directory, input: input)
                .wait(timeout: timeout)
        }
    }

    /// Runs the child to its end and returns its stdout; throws `Failure.failed`
    /// with its stderr when it exits with another status than 0.
    public static func output(_ executable: String, _ arguments: [String] = [],
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              directory: String? = nil, input: Input = .none,
                              timeout: Duration = TestProcess.defaultTimeout) async throws -> String {
        let result = try await run(executable, arguments, environment: environment, directory: directory, input: input,
                                   timeout: timeout)
        guard result.status == 0, !result.signaled else {
            throw Failure.failed(command: ([executable] + arguments).joined(separator: " "), status: result.status,
                                 stderr: result.stderr)
        }
        return result.stdout
    }

    /// Writes `text` to `path` as an executable file (a shell script standing in for a
    /// browser or a command), by way of a shell: a file this process held open for
    /// writing could be inherited by a child another test is starting at that moment,
    /// and while that copy stays open, running the file fails with ETXTBSY.
    public static func writeExecutable(_ text: String, to path: String) async throws {
        _ = try await output("/bin/sh", ["-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh", path], input: .data(Data(text.utf8)))
    }

    private init(process: Process, input: FileHandle?, command: String) {
        self.process = process
        self.input = input
        self.command = command
    }

    /// The child's process id.
    public var pid: Int32 { process.processIdentifier }

    /// The child has not exited yet.
    public var isRunning: Bool { state.withLock { $0.termination == nil } }

    /// What it printed so far.
    public var stdout: String { String(decoding: state.withLock { $0.stdout }, as: UTF8.self) }
    public var stderr: String { String(decoding: state.withLock { $0.stderr }, as: UTF8.self) }

    /// Sends `signal` to the child, unless it has exited (its pid may be another's by then).
    public func kill(_ signal: Int32 = SIGKILL) {
        state.withLock { state in
            if state.termination == nil { _ = send(signal, to: process.processIdentifier) }
        }
    }

    /// Closes the child's standard input (`Input.open`).
    public func closeInput() {
        try? input?.close()
    }

    /// Waits for the child to exit and its output to be read; after `timeout` it
    /// is sent SIGTERM, then SIGKILL, and `Failure.timedOut` is thrown.
    public func wait(timeout: Duration = TestProcess.defaultTimeout) async throws -> Result {
        let limit = killAfter(timeout)
        await waitUntil(\.finished)
        limit.cancel()
        let (result, timedOut) = state.withLock { state in
            (Result(status: state.termination!.status, signaled: state.termination!.signaled,
                    stdout: String(decoding: state.stdout, as: UTF8.self),
                    stderr: String(decoding: state.stderr, as: UTF8.self),
                    duration: state.ended! - state.started), state.timedOut)
        }
        if timedOut { throw Failure.timedOut(command: command, after: timeout, stderr: result.stderr) }
        return result
    }

    /// The first line the child prints on stdout (a server's port or address), without its
    /// line end; the child is killed when it says nothing within `timeout`, or ends first.
    public func firstLine(timeout: Duration = .seconds(60)) async throws -> String {
        let limit = killAfter(timeout)
        await waitUntil { $0.stdout.contains(UInt8(ascii: "\n")) || $0.finished }
        limit.cancel()
        let output = state.withLock { $0.stdout }
        guard let end = output.firstIndex(of: UInt8(ascii: "\n")) else {
            kill()
            throw Failure.noLine(command: command, stderr: stderr)
        }
        return String(decoding: output[..<end], as: UTF8.self)
    }

    // MARK: - The machinery

    /// A task that kills the child when `timeout` passes before it is cancelled.
    private func killAfter(_ timeout: Duration) -> Task<Void, Never> {
        Task { [self] in
            guard (try? await Task.sleep(for: timeout)) != nil, isRunning else { return }
            state.withLock { $0.timedOut = true }
            kill(SIGTERM)
            try? await Task.sleep(for: Self.killGrace)
            kill(SIGKILL)
        }
    }

    private func terminated(status: Int32, signaled: Bool) {
        update {
            $0.termination = (status, signaled)
            $0.ended = .now
        }
        Task { [self] in
            try? await Task.sleep(for: Self.drainGrace)
            update { $0.drained = true }
        }
    }

    /// Reads `handle` to its end on a thread of its own, appending to stdout or `stderr`.
    private func read(_ handle: FileHandle, stderr: Bool) {
        let thread = Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = readSome(handle.fileDescriptor, &buffer)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                update { state in
                    if stderr { state.stderr.append(contentsOf: buffer[0..<count]) } else { state.stdout.append(contentsOf: buffer[0..<count]) }
                }
            }
            update { $0.openPipes -= 1 }
            try? handle.close()
        }
        thread.start()
    }

    /// Writes `data` to the child's stdin on a thread of its own, then closes it.
    private func write(_ data: Data, to handle: FileHandle) {
        let thread = Thread {
            // A child that exits without reading it all makes write fail with EPIPE, not kill us.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &set, nil)
            try? handle.write(contentsOf: data)
            try? handle.close()
        }
        thread.start()
    }

    /// Suspends (holding no thread) until `ready` holds for the state.
    private func waitUntil(_ ready: @escaping @Sendable (State) -> Bool) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let now = state.withLock { state in
                if ready(state) { return true }
                state.waiters.append((ready, continuation))
                return false
            }
            if now { continuation.resume() }
        }
    }

    /// Changes the state and resumes the waiters it satisfies.
    private func update(_ change: (inout State) -> Void) {
        let resumed = state.withLock { state in
            change(&state)
            let waiters = state.waiters
            state.waiters = []
            var resumed: [CheckedContinuation<Void, Never>] = []
            for waiter in waiters {
                if waiter.ready(state) { resumed.append(waiter.continuation) } else { state.waiters.append(waiter) }
            }
            return resumed
        }
        for continuation in resumed { continuation.resume() }
    }

    /// `name` when it is a path, else the first executable `name` in `path`.
    static func resolve(_ name: String, path: String) -> String? {
        if name.contains("/") { return name }
        return path.split(separator: ":").lazy.map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// kill(2), out of reach of `TestProcess.kill` by name.
private func send(_ signal: Int32, to pid: Int32) -> Int32 { kill(pid, signal) }

/// read(2) into `buffer`, out of reach of `TestProcess.read` by name.
private func readSome(_ fd: Int32, _ buffer: inout [UInt8]) -> Int { read(fd, &buffer, buffer.count) }
