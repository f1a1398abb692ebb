import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Crash-safe file writes: a reader (or a rerun after `kill -9`) sees either
/// the old state or the complete new file, never a part of it. A full disk or
/// any other failure leaves the old file as it was.
public enum AtomicFile {
    /// A failed write: the path and the system's reason.
    public struct Failure: Error, CustomStringConvertible, Sendable, Equatable {
        public var path: String
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }

        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `data` to a temporary file in the destination's folder, fsyncs
    /// it, renames it over `path`, then fsyncs the folder so the rename itself
    /// survives a crash.
    /// - Parameter durable: false skips both fsyncs: a reader still sees the
    ///   old file or the whole new one while the system runs, but after a
    ///   power cut the file may be empty or missing. Only for files that are
    ///   checked before use and rebuilt when they fail (the derived facts cache).
    public static func write(_ data: Data, to path: String, durable: Bool = true) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        try createDirectory(folder)
        let temporary = (folder as NSString)
            .appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: temporary, reason: "cannot create: \(errnoText())") }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do throws(Failure) {
            let failure = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Failure? in
                var offset = 0
                while offset < buffer.count {
                    let written = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return Failure(path: temporary, reason: "cannot write: \(errnoText())")
                    }
                    offset += written
                }
                return nil
            }
            if let failure { throw failure }
            guard !durable || fsync(fd) == 0 else { throw Failure(path: temporary, reason: "fsync failed: \(errnoText())") }
            closed = true
            guard close(fd) == 0 else { throw Failure(path: temporary, reason: "close failed: \(errnoText())") }
            guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: "cannot rename into place: \(errnoText())") }
        } catch {
            unlink(temporary)
            throw error
        }
        if durable { syncDirectory(folder) }
    }

    /// Creates `path` and its parents when missing.
    public static func createDirectory(_ path: String) throws(Failure) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure(path: path, reason: "cannot create folder: \(error.localizedDescription)")
        }
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to path: String) throws(Failure) {
        try write(Data(text.utf8), to: path)
    }

    /// True for names `write` uses for its temporaries.
    public static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp")
    }

    /// fsyncs the folder `path`, so renames and creations in it survive a crash.
    public static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(fd, buffer, count)
        #else
        Darwin.write(fd, buffer, count)
        #endif
    }

    public static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
