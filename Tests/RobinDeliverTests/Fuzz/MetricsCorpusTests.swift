import Foundation
import RobinTestSupport
import Testing

/// Replays the metrics fuzz target's seeds and saved crashes through the
/// ordinary build (no sanitizer), by the target's own `run`: no input may
/// crash, and each must be read or refused cleanly, every number formatted.
@Suite("Fuzz corpus: metrics", .serialized)
struct MetricsCorpusTests {
    @Test("metrics input", arguments: FuzzCorpus.files("metrics"))
    func metrics(file: String) async throws {
        // First in a child process, so a crash fails this test and names the file.
        let survived = await #expect(processExitsWith: .success) { [file] in
            _ = MetricsFuzzTarget.run(try FuzzCorpus.bytes(file))
        }
        guard survived != nil else { return }
        #expect(MetricsFuzzTarget.run(try FuzzCorpus.bytes(file)) == [])
    }

    @Test("the target has seeds")
    func seeds() {
        #expect(FuzzCorpus.files("metrics").filter { $0.hasPrefix("Fuzz/corpus/") }.count >= 10)
    }
}
