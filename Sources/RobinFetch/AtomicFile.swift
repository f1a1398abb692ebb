import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Crash-safe file writes: a reader (or a rerun after `kill -9`) sees either
/// the old state or the complete new file, never a part of it.
enum AtomicFile {
    /// Writes `data` to a temporary file in the destination's folder, fsyncs
    /// it, renames it over `path`, then fsyncs the folder so the rename itself
    /// survives a crash.
    static func write(_ data: Data, to path: String) throws(FetchError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        try createDirectory(folder)
        let temporary = (folder as NSString)
            .appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(temporary, "cannot create: \(errnoText())") }
        var closed = false
        defer {
            if !closed { close(fd) }
        }
        do throws(FetchError) {
            let failure = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> FetchError? in
                var offset = 0
                while offset < buffer.count {
                    let written = posixWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return FetchError.io(temporary, "cannot write: \(errnoText())")
                    }
                    offset += written
                }
                return nil
            }
            if let failure { throw failure }
            guard fsync(fd) == 0 else { throw FetchError.io(temporary, "fsync failed: \(errnoText())") }
            closed = true
            guard close(fd) == 0 else { throw FetchError.io(temporary, "close failed: \(errnoText())") }
            guard rename(temporary, path) == 0 else { throw FetchError.io(path, "cannot rename into place: \(errnoText())") }
        } catch {
            unlink(temporary)
            throw error
        }
        syncDirectory(folder)
    }

    /// Creates `path` and its parents when missing.
    static func createDirectory(_ path: String) throws(FetchError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .io(path, "cannot create folder: \(error.localizedDescription)")
        }
    }

    /// True for names `write` uses for its temporaries.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp")
    }

    private static func syncDirectory(_ path: String) {
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

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }
}
