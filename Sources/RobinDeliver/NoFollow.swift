import Foundation
import RobinModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File-system steps for publishing that never follow a symbolic link: what
/// a path is (lstat), reading a regular file (O_NOFOLLOW, then fstat), and
/// removing a folder tree (a link is removed, never entered). FileManager's
/// fileExists, contents(atPath:) and Data(contentsOf:) all follow links, so a
/// committed `reports -> ../elsewhere` would have taken writes and deletes
/// out of the repository.
enum NoFollow {
    /// What is at a path, the link itself when it is one.
    enum Kind: Equatable {
        case missing, directory, regular, symbolicLink, other
    }

    /// What `path` is, without following a final symbolic link.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .regular
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The bytes of `path`, which must be a regular file and not a link to one.
    /// Opened non-blocking so a FIFO cannot hang the read; nil when it is not
    /// a regular file.
    static func readRegularFile(_ path: String) throws(DeliveryError) -> Data? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { return nil }  // the final component is a link
            throw .runtime("\(path): cannot read (\(AtomicFile.errnoText()))")
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw .runtime("\(path): cannot read (\(AtomicFile.errnoText()))")
            }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Removes `path` and, when it is a real folder, everything in it. A link
    /// anywhere in the tree is unlinked, never followed.
    static func removeTree(_ path: String) throws(DeliveryError) {
        switch kind(path) {
        case .missing:
            return
        case .directory:
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: path)
            } catch {
                throw .runtime("\(path): cannot list (\((error as NSError).localizedDescription))")
            }
            for name in names { try removeTree(path + "/" + name) }
            guard rmdir(path) == 0 else { throw .runtime("\(path): cannot remove (\(AtomicFile.errnoText()))") }
        case .regular, .symbolicLink, .other:
            guard unlink(path) == 0 else { throw .runtime("\(path): cannot remove (\(AtomicFile.errnoText()))") }
        }
    }

    /// Creates the folder `path` when missing; an existing real folder is fine.
    static func makeDirectory(_ path: String) throws(DeliveryError) {
        if mkdir(path, 0o755) == 0 || (errno == EEXIST && kind(path) == .directory) { return }
        throw .runtime("\(path): cannot create the folder (\(AtomicFile.errnoText()))")
    }
}
