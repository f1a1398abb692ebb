import Foundation
import RobinModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ReportFolderWriter {
    /// Removes what killed runs left in the output folder: staging and
    /// replaced report folders (`.<period>.new|old.<pid>.<random>.tmp`) and
    /// `AtomicFile`'s `.<name>.<pid>.<random>.tmp` files, at the top and
    /// inside the report folders. A replaced folder whose report folder is
    /// missing (a crash between the fallback's two renames) is put back
    /// instead, so the old report is there again. Temporaries named after a
    /// process that is still running are left alone: they are being written.
    public func removeStaleTemporaries() {
        let files = FileManager.default
        guard let names = try? files.contentsOfDirectory(atPath: outputDirectory) else { return }
        let path = { (name: String) in (outputDirectory as NSString).appendingPathComponent(name) }
        // Replaced folders first, so one is put back before its staging twin is looked at.
        for name in names.sorted(by: { Self.replacedFolder($0) != nil && Self.replacedFolder($1) == nil })
        where AtomicFile.isTemporary(name) && isStale(name) {
            if let slug = Self.replacedFolder(name), Self.kind(of: path(slug)) == nil {
                if rename(path(name), path(slug)) == 0 {
                    AtomicFile.syncDirectory(outputDirectory)
                    continue
                }
            }
            try? files.removeItem(atPath: path(name))
        }
        for name in names where !name.hasPrefix(".") && Self.kind(of: path(name)) == .directory {
            removeStaleFiles(in: path(name), depth: 3)
        }
    }

    /// Removes stale `.tmp` files in `folder` and its visible subfolders, `depth` levels down.
    private func removeStaleFiles(in folder: String, depth: Int) {
        guard depth > 0, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names {
            let path = (folder as NSString).appendingPathComponent(name)
            if AtomicFile.isTemporary(name) {
                if isStale(name) { try? FileManager.default.removeItem(atPath: path) }
            } else if !name.hasPrefix("."), Self.kind(of: path) == .directory {
                removeStaleFiles(in: path, depth: depth - 1)
            }
        }
    }

    /// The report folder a replaced folder (`.<period>.old.<pid>.<random>.tmp`) belongs to.
    static func replacedFolder(_ name: String) -> String? {
        let parts = name.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        guard name.hasPrefix("."), parts.count == 5, parts[1] == "old", parts[4] == "tmp", !parts[0].isEmpty else { return nil }
        return String(parts[0])
    }

    /// True unless the temporary's name carries the id of a running process
    /// (this one included) that may still be writing it.
    func isStale(_ name: String) -> Bool {
        let parts = name.dropLast(".tmp".count).split(separator: ".")
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 2]), pid > 0 else { return true }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    private enum Kind { case directory, other }

    /// What is at `path` without following a symbolic link; nil when nothing is.
    private static func kind(of path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .other
    }
}
