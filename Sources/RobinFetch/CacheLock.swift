import Foundation
import RobinModel
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on the cache's lock file, held until released or the
/// process ends (the kernel drops it even on `kill -9`, so a stale lock file
/// never blocks a rerun).
public final class CacheLock: Sendable {
    /// The lock file.
    public let path: String
    private let descriptor: Mutex<Int32?>

    init(path: String) throws(FetchError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path, "cannot open lock file: \(AtomicFile.errnoText())") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = AtomicFile.errnoText()
            close(fd)
            if busy {
                throw .io(path, "the cache is locked by another robin-report fetch; wait for it to finish")
            }
            throw .io(path, "cannot lock: \(reason)")
        }
        self.descriptor = Mutex(fd)
    }

    /// Releases the lock now (it is also released when this object goes away).
    public func release() {
        descriptor.withLock { fd in
            guard let open = fd else { return }
            flock(open, LOCK_UN)
            close(open)
            fd = nil
        }
    }

    deinit {
        release()
    }
}
