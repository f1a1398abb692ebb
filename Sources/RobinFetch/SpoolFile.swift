import Foundation
import RobinModel
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A download written to a temporary file beside its cache file as it
/// streams in, so a body of any size costs no memory; `commit` renames it into
/// place once it has been checked, `discard` deletes it.
///
/// The temporary is named as `AtomicFile` names its own
/// (`.<name>.<pid>.<random>.tmp`), so the cache's sweep of stale temporaries
/// removes one that a killed run left behind.
final class SpoolFile: Sendable {
    /// The cache file this body becomes.
    let destination: String
    /// The temporary file being written.
    let temporaryPath: String
    private let descriptor: Mutex<Int32?>
    private let written = Atomic<Int64>(0)

    /// Creates the temporary (and the folder) for `destination`.
    init(destination: String) throws(FetchError) {
        let folder = (destination as NSString).deletingLastPathComponent
        do throws(AtomicFile.Failure) {
            try AtomicFile.createDirectory(folder)
        } catch {
            throw .io(error.path, error.reason)
        }
        let name = (destination as NSString).lastPathComponent
        let temporary = (folder as NSString)
            .appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(temporary, "cannot create: \(AtomicFile.errnoText())") }
        self.destination = destination
        self.temporaryPath = temporary
        self.descriptor = Mutex(fd)
    }

    /// Bytes written so far.
    var size: Int64 { written.load(ordering: .relaxed) }

    /// Appends `data`.
    func write(_ data: Data) throws(FetchError) {
        let failure: String? = descriptor.withLock { fd in
            guard let fd else { return "already closed" }
            do {
                try FileHandle(fileDescriptor: fd, closeOnDealloc: false).write(contentsOf: data)
                return nil
            } catch {
                return "cannot write: \(error.localizedDescription)"
            }
        }
        if let failure { throw .io(temporaryPath, failure) }
        written.add(Int64(data.count), ordering: .relaxed)
    }

    /// Why the written body is not a complete CSV export of `kind`
    /// (`CSVBodyCheck`); nil when it is. Reads the file back in 1 MiB chunks,
    /// so a body of any size costs no memory.
    func check(kind: ExportKind) throws(FetchError) -> String? {
        let fd = open(temporaryPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(temporaryPath, "cannot read back: \(AtomicFile.errnoText())") }
        defer { close(fd) }
        var check = CSVBodyCheck(kind: kind)
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(temporaryPath, "cannot read back: \(AtomicFile.errnoText())")
            }
            if count == 0 { break }
            check.consume(Data(buffer[0..<count]))
        }
        return check.finish()
    }

    /// Flushes the file to disk and renames it over `destination`, then makes
    /// the rename itself durable (fsync of the folder).
    func commit() throws(FetchError) {
        let failure: String? = descriptor.withLock { fd in
            guard let open = fd else { return "already closed" }
            fd = nil
            guard fsync(open) == 0 else {
                close(open)
                return "fsync failed: \(AtomicFile.errnoText())"
            }
            return close(open) == 0 ? nil : "close failed: \(AtomicFile.errnoText())"
        }
        if let failure {
            unlink(temporaryPath)
            throw .io(temporaryPath, failure)
        }
        guard rename(temporaryPath, destination) == 0 else {
            let reason = AtomicFile.errnoText()
            unlink(temporaryPath)
            throw .io(destination, "cannot rename into place: \(reason)")
        }
        let folder = open((destination as NSString).deletingLastPathComponent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            _ = fsync(folder)
            close(folder)
        }
    }

    /// Closes and deletes the temporary (a body that failed its checks).
    func discard() {
        descriptor.withLock { fd in
            if let open = fd { close(open) }
            fd = nil
        }
        unlink(temporaryPath)
    }

    deinit {
        // A spool neither committed nor discarded (a cancelled fetch) leaves no file.
        if descriptor.withLock({ $0 != nil }) { discard() }
    }
}
