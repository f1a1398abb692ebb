import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at a cache path, looked at without following a symbolic link and
/// without opening it (opening a FIFO for reading blocks until a writer comes).
enum CacheEntry: Equatable {
    /// Nothing there.
    case none
    /// A regular file, last modified at `modified`.
    case regular(modified: Date)
    /// Something else: a directory, a FIFO, a symbolic link, a socket, a device.
    case other(String)

    init(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            self = .none
            return
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            let seconds = TimeInterval(info.st_mtim.tv_sec) + TimeInterval(info.st_mtim.tv_nsec) / 1e9
            self = .regular(modified: Date(timeIntervalSince1970: seconds))
        case S_IFDIR: self = .other("a directory")
        case S_IFIFO: self = .other("a FIFO")
        case S_IFLNK: self = .other("a symbolic link")
        case S_IFSOCK: self = .other("a socket")
        default: self = .other("a device")
        }
    }

    /// The bytes of a regular file at `path`; nil for anything else. Opens
    /// without blocking and without following a link, then checks the open
    /// file itself, so a FIFO or directory swapped in meanwhile is not read.
    static func readRegular(_ path: String) -> Data? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return nil
        }
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true).readDataToEndOfFile()
    }
}
