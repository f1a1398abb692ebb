import Foundation

/// A file in a fresh temporary folder, removed by the test when done.
public struct TempFile {
    public let path: String
    private let folder: TemporaryFolder

    public init(_ contents: [UInt8], name: String = "export.csv") throws {
        folder = try TemporaryFolder("robin-tests")
        path = folder.file(name)
        try Data(contents).write(to: URL(fileURLWithPath: path))
    }

    public init(_ text: String, name: String = "export.csv") throws {
        try self.init(Array(text.utf8), name: name)
    }

    public func remove() {
        folder.remove()
    }
}
