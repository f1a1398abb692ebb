import Foundation

/// Runs a call that blocks its thread (a child process, a socket, a browser
/// printing a PDF) on a thread of its own, and awaits it.
///
/// Why: Swift concurrency runs every task on a cooperative pool of one thread
/// per core (two on a 2-core machine), and it never adds a thread when one
/// blocks. A task that waits in `waitpid`, `poll` or a semaphore holds a pool
/// thread for the whole wait, so two such waits stop every other task in the
/// process (a loopback server, a URLSession callback, a timer). Dispatch's
/// global queues share that pool on Linux, so they are no way out either; a
/// thread of one's own is.
public enum Blocking {
    /// Calls `body` on a new thread and returns (or throws) what it did; the
    /// awaiting task is suspended meanwhile, holding no thread. Not cancellable:
    /// `body` runs to its end.
    public static func run<T: Sendable, E: Error>(_ body: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: Result(catching: body)) }
            thread.name = "robin-blocking"
            thread.start()
        }
        return try result.get()
    }
}
