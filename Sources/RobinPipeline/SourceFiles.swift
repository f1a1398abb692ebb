import Foundation
import RobinAnalytics
import RobinModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The export files facts are built from, as the facts cache identifies them:
/// `stat` first, the content hash (XXH64 of the bytes) only when the `stat`
/// fields differ from the recorded ones or when the facts are (re)built.
///
/// Why both: hashing every file of a report's range on every run would read
/// gigabytes to find the few that changed (a 9-week range of a 20,000-person
/// organisation is 2.2 GB); `stat` answers in microseconds. The cache writes
/// an export only by an atomic rename, so a changed file has a new inode and
/// new times; a copied cache (`cp -p`, rsync) changes inodes and is confirmed
/// unchanged by the hash. A file whose times are within `racyWindow` of the
/// moment facts are built is recorded without its `stat` (git's "racily
/// clean" rule: it could still change within the clock's granularity), so it
/// is hashed the next time.
final class SourceFiles {
    /// Times this close to now are not trusted to change when the file does.
    static let racyWindow: Int64 = 2_000_000_000

    private var hashes: [String: UInt64] = [:]
    /// Files hashed this run (for tests and the benchmark's account).
    private(set) var hashed: [String] = []

    /// What the cache holds at `path` now (`stat` only; `present` false when
    /// it is not a regular file).
    func stat(_ path: String, date: LocalDate) -> FactsKey.Source {
        var info = Glibc.stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            return FactsKey.Source(date: date, present: false)
        }
        return FactsKey.Source(
            date: date, present: true, size: UInt64(info.st_size), device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
            modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
            changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }

    /// `source` (from `stat(_:date:)`) with its content hash, as a facts key
    /// records it: without its times when they are too recent to trust.
    func recorded(_ source: FactsKey.Source, path: String) throws(FactsStoreError) -> FactsKey.Source {
        guard source.present else { return source }
        var result = source
        result.contentHash = try contentHash(path)
        let now = Int64(Date().timeIntervalSince1970 * 1_000_000_000)
        if now - max(source.modified, source.changed) < Self.racyWindow {
            (result.size, result.device, result.inode, result.modified, result.changed) = (0, 0, 0, 0, 0)
        }
        return result
    }

    /// Whether the file at `path`, now `current`, is the one `recorded` describes.
    func matches(_ recorded: FactsKey.Source, current: FactsKey.Source, path: String) throws(FactsStoreError) -> Bool {
        guard recorded.date == current.date, recorded.present == current.present else { return false }
        guard current.present else { return true }
        if recorded.sameStat(as: current) { return true }
        return try contentHash(path) == recorded.contentHash
    }

    /// XXH64 of the file's bytes (memory-mapped), once per run.
    func contentHash(_ path: String) throws(FactsStoreError) -> UInt64 {
        if let known = hashes[path] { return known }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path, "cannot open: \(AtomicFile.errnoText())") }
        defer { close(fd) }
        var info = Glibc.stat()
        guard fstat(fd, &info) == 0 else { throw .io(path, "cannot stat: \(AtomicFile.errnoText())") }
        let size = Int(info.st_size)
        let hash: UInt64
        if size == 0 {
            hash = XXHash64.hash([])
        } else {
            guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else {
                throw .io(path, "cannot map: \(AtomicFile.errnoText())")
            }
            defer { munmap(map, size) }
            hash = XXHash64.hash(UnsafeRawBufferPointer(start: map, count: size))
        }
        hashes[path] = hash
        hashed.append(path)
        return hash
    }
}

/// A facts cache problem that stops the run: an export file that exists but
/// cannot be read to hash it (exit 1). A facts file that cannot be read or
/// written is no error: the facts are rebuilt, or kept in memory only.
public enum FactsStoreError: StageError, Sendable, Equatable {
    /// The export file's path and what went wrong.
    case io(String, String)

    public var exitStatus: ExitStatus { .runtime }

    public var description: String {
        switch self {
        case .io(let path, let reason): "\(path): \(reason)"
        }
    }
}
