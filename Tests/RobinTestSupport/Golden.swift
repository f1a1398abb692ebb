import Foundation

/// Golden files: compares output with a file under the test's Fixtures folder.
/// `RECORD_SNAPSHOTS=1 make test` rewrites them; a mismatch reports a unified diff.
public enum Golden {
    /// The problem with `actual` against `Fixtures/<name>` beside `testFile`, or nil when equal.
    public static func mismatch(_ actual: String, name: String, testFile: String = #filePath) async -> String? {
        let fixtures = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Fixtures")
        let expectedURL = fixtures.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try? FileManager.default.createDirectory(at: expectedURL.deletingLastPathComponent(),
                                                     withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: expectedURL)
            return nil
        }
        guard let expected = try? String(contentsOf: expectedURL, encoding: .utf8) else {
            return "no golden file \(expectedURL.path); run with RECORD_SNAPSHOTS=1 to create it"
        }
        if expected == actual { return nil }
        return "\(name) differs from its golden file (RECORD_SNAPSHOTS=1 to accept):\n" + (await diff(expected, actual))
    }

    /// `diff -u` of two texts.
    static func diff(_ expected: String, _ actual: String) async -> String {
        guard let folder = try? TemporaryFolder("robin-golden") else { return "(no temporary folder for diff)" }
        defer { folder.remove() }
        let a = folder.file("expected"), b = folder.file("actual")
        try? Data(expected.utf8).write(to: URL(fileURLWithPath: a))
        try? Data(actual.utf8).write(to: URL(fileURLWithPath: b))
        guard let result = try? await TestProcess.run("diff", ["-u", a, b]) else { return "(diff unavailable)" }
        return result.stdout
    }
}
