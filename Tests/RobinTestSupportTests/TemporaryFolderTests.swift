import Foundation
import RobinTestSupport
import Testing

@Suite("TemporaryFolder")
struct TemporaryFolderTests {
    @Test("a new empty folder under the system's temporary folder, named by its prefix, gone after remove")
    func lifecycle() throws {
        let folder = try TemporaryFolder("robin-support")
        #expect(folder.path.hasPrefix(FileManager.default.temporaryDirectory.path))
        #expect((folder.path as NSString).lastPathComponent.hasPrefix("robin-support-"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        try folder.write("a/b/c.txt", "text")
        #expect(FileManager.default.contents(atPath: folder.file("a/b/c.txt")) == Data("text".utf8))
        #expect(try TemporaryFolder("robin-support").path != folder.path)
        folder.remove()
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
