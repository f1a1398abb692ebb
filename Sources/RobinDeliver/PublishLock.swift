import Foundation
import RobinModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// publish's own lock in the repository's git folder
/// (`.git/robin-report-publish.lock`): an exclusive `flock` held for the whole
/// publish, and a note of the git command that writes the index (`git add`,
/// `git commit`) while one runs.
///
/// A git killed with kill -9 leaves its `index.lock` (and, inside a commit,
/// its branch's ref lock), and git refuses every later command until someone
/// removes it. Git cannot tell a stale lock from a live one; publish can tell
/// its own: when it holds the flock, no other publish is running, and a note
/// still in the file says the last publish was killed while its git command
/// ran. A lock no older than that note is that git's, and is removed. Any
/// other lock (someone's git, or one older than the note) is still refused.
final class PublishLock {
    /// The lock file.
    let path: String
    private let descriptor: Int32
    /// The git command a killed publish was running ("git add"), from the
    /// note it left; nil when the last publish finished its git commands.
    let interrupted: String?
    /// When that note was written (the file's modification time).
    private let notedAt: timespec

    /// Takes the lock file at `path` (in the git folder); another publish
    /// holding it is an error (exit 1).
    init(path: String) throws(DeliveryError) {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .runtime("\(path): cannot open publish's lock file (\(AtomicFile.errnoText()))") }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let busy = errno == EWOULDBLOCK
            let reason = AtomicFile.errnoText()
            close(fd)
            throw .runtime(busy ? "\(path): another robin-report publish is running in this repository; wait for it to finish"
                                : "\(path): cannot lock (\(reason))")
        }
        descriptor = fd
        var info = stat()
        fstat(fd, &info)
        notedAt = info.st_mtim
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(fd, &buffer, buffer.count, 0)
        let note = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : ""
        interrupted = note.isEmpty ? nil : note
    }

    deinit {
        close(descriptor)  // releases the flock
    }

    /// Removes those of `locks` (git lock files) that the git of a killed
    /// publish left: none unless the note says one was interrupted, and only
    /// regular files modified since the note. Returns the paths removed.
    func removeStale(_ locks: [String]) -> [String] {
        guard interrupted != nil else { return [] }
        var removed: [String] = []
        for lock in locks {
            var info = stat()
            guard lstat(lock, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { continue }
            let modified = info.st_mtim
            let sinceNote = modified.tv_sec > notedAt.tv_sec
                || (modified.tv_sec == notedAt.tv_sec && modified.tv_nsec >= notedAt.tv_nsec)
            if sinceNote && unlink(lock) == 0 { removed.append(lock) }
        }
        return removed
    }

    /// Runs `body` (one git command that writes the index) with `command`
    /// noted in the lock file, so a run killed inside it is known to the next.
    func noting<T>(_ command: String, _ body: () throws(DeliveryError) -> T) throws(DeliveryError) -> T {
        try write(command + "\n")
        defer { try? write("") }
        return try body()
    }

    private func write(_ note: String) throws(DeliveryError) {
        let bytes = Array(note.utf8)
        guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, bytes, bytes.count, 0) == bytes.count else {
            throw .runtime("\(path): cannot write publish's lock file (\(AtomicFile.errnoText()))")
        }
    }
}
