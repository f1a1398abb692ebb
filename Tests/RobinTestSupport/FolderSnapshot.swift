import Foundation
import RobinModel

/// What a folder holds, for tests that compare output folders before and after.
public enum FolderSnapshot {
    /// Every file under `path` (relative path -> bytes); nil when `path` does not exist.
    public static func files(under path: String) -> [String: Data]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let full = (path as NSString).appendingPathComponent(relative)
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    /// Relative paths under `path`, at any depth, of temporaries (`.<name>.tmp`, `AtomicFile.isTemporary`).
    public static func temporaries(under path: String) -> [String] {
        (FileManager.default.enumerator(atPath: path)?.allObjects as? [String] ?? [])
            .filter { AtomicFile.isTemporary(($0 as NSString).lastPathComponent) }
    }
}
