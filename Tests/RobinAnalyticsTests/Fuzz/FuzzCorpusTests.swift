import Foundation
import RobinTestSupport
import Testing

/// Replays the exports and config fuzz targets' seeds and saved crashes through
/// the ordinary build (no sanitizer), by the targets' own `run`: no input may
/// crash, and each must be read or refused cleanly (a one-line error with the
/// right exit status; analytics that write valid metrics.json).
// One input at a time: each case runs the test binary again as an exit test, and
// waiting for it holds a thread of the cooperative pool; dozens at once left the
// loopback simulator tests none.
@Suite("Fuzz corpus: exports and config", .serialized)
struct FuzzCorpusTests {
    @Test("exports input", arguments: FuzzCorpus.files("exports"))
    func exports(file: String) async throws {
        // First in a child process, so a crash fails this test and names the file.
        let survived = await #expect(processExitsWith: .success) { [file] in
            _ = ExportsFuzzTarget.run(try FuzzCorpus.bytes(file), directory: try FuzzCorpus.scratchFolder())
        }
        guard survived != nil else { return }
        let folder = try FuzzCorpus.scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(ExportsFuzzTarget.run(try FuzzCorpus.bytes(file), directory: folder) == [])
    }

    @Test("config input", arguments: FuzzCorpus.files("config"))
    func config(file: String) async throws {
        let survived = await #expect(processExitsWith: .success) { [file] in
            _ = ConfigFuzzTarget.run(try FuzzCorpus.bytes(file))
        }
        guard survived != nil else { return }
        #expect(ConfigFuzzTarget.run(try FuzzCorpus.bytes(file)) == [])
    }

    @Test("every target has seeds")
    func seeds() {
        for target in ["exports", "config"] {
            #expect(FuzzCorpus.files(target).filter { $0.hasPrefix("Fuzz/corpus/") }.count >= 10, "\(target)")
        }
    }
}
