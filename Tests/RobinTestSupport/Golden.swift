import Foundation

/// Golden files: compares output with a file under the test's Fixtures folder.
/// `RECORD_SNAPSHOTS=1 make test` rewrites them; a mismatch reports a unified diff.
public enum Golden {
    /// The problem with `actual` against `Fixtures/<name>` beside `testFile`, or nil when equal.
    public static func mismatch(_ actual: String, name: String, testFile: String = #filePath) -> String? {
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
        return "\(name) differs from its golden file (RECORD_SNAPSHOTS=1 to accept):\n" + diff(expected, actual)
    }

    /// `diff -u` of two texts.
    static func diff(_ expected: String, _ actual: String) -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("golden-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = folder.appendingPathComponent("expected"), b = folder.appendingPathComponent("actual")
        try? Data(expected.utf8).write(to: a)
        try? Data(actual.utf8).write(to: b)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        process.arguments = ["-u", a.path, b.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return "(diff unavailable)" }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }
}
