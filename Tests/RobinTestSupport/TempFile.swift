import Foundation

/// A file in a fresh temporary folder, removed by the test when done.
public struct TempFile {
    public let path: String

    public init(_ contents: [UInt8], name: String = "export.csv") throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("robin-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        path = folder.appendingPathComponent(name).path
        try Data(contents).write(to: URL(fileURLWithPath: path))
    }

    public init(_ text: String, name: String = "export.csv") throws {
        try self.init(Array(text.utf8), name: name)
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }
}
