import Foundation
import Testing
import RobinDeliver
import RobinModel
import RobinTestSupport

/// Paths and temporary copies for the delivery tests.
enum Fixture {
    /// The repository root (Tests/RobinDeliverTests/Support.swift is two folders down).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The hand-made report folder of Week 47, 2026 (the renderer's contract).
    static let report = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/report-2026-W47").path

    /// A copy of the fixture report in `folder` (a test's temporary folder), so a test may write into it.
    static func reportCopy(in folder: String) throws -> String {
        let target = URL(fileURLWithPath: folder).appendingPathComponent("report-2026-W47").path
        try FileManager.default.copyItem(atPath: report, toPath: target)
        return target
    }

    /// A copy of the fixture report moved to another period (its metrics.json's dates changed).
    static func reportCopy(from: String, to: String, in folder: String) throws -> String {
        let target = URL(fileURLWithPath: folder).appendingPathComponent("report-\(from)").path
        try FileManager.default.copyItem(atPath: report, toPath: target)
        let metrics = URL(fileURLWithPath: target).appendingPathComponent("metrics.json")
        let text = try String(contentsOf: metrics, encoding: .utf8)
            .replacingOccurrences(of: "\"from\": \"2026-11-16\"", with: "\"from\": \"\(from)\"")
            .replacingOccurrences(of: "\"to\": \"2026-11-22\"", with: "\"to\": \"\(to)\"")
        try Data(text.utf8).write(to: metrics)
        return target
    }

    /// The fixture's metrics.
    static func metrics() throws -> MetricsDocument {
        try ReportFolder.load(report).metrics
    }

    /// The analytics tests' synthetic week (2026-W47) as `report` finds it in a cache
    /// (organisation 1, all locations), with an empty week before it (header-only
    /// daily files) so the report has a previous period; returns the cache folder.
    static func weekCache(in folder: String) throws -> String {
        let source = root.appendingPathComponent("Tests/RobinAnalyticsTests/Fixtures/week")
        let cache = folder + "/cache"
        for kind in ["desks", "spaces"] {
            let target = "\(cache)/1/all/\(kind)"
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            let files = try FileManager.default.contentsOfDirectory(atPath: source.appendingPathComponent(kind).path).sorted()
            for file in files {
                try FileManager.default.copyItem(atPath: source.appendingPathComponent("\(kind)/\(file)").path, toPath: "\(target)/\(file)")
            }
            let header = try String(contentsOfFile: "\(target)/\(files[0])", encoding: .utf8).prefix { !$0.isNewline }
            for day in 8...15 {
                try Data("\(header)\n".utf8).write(to: URL(fileURLWithPath: "\(target)/2026-11-\(day < 10 ? "0" : "")\(day).csv"))
            }
        }
        return cache
    }

    /// The synthetic week's configuration (buildings and time zones).
    static let weekConfig = root.appendingPathComponent("Tests/RobinAnalyticsTests/Fixtures/week/robin-report.toml").path

    static let sender = EmailAddress("Workplace Team <reports@example.com>")!
    static let leaders = [EmailAddress("Ann Leader <ann@example.com>")!, EmailAddress("bo@example.com")!]
}

/// Python 3 and the test helpers in scripts/: a real SMTP server (aiosmtpd) and
/// a real MIME parser (the email package).
enum Python {
    /// `scripts/mime_inspect.py` on a message file: what Python's email package makes of it.
    static func inspect(_ path: String) async throws -> ParsedMessage {
        let json = try await TestProcess.output("python3", [Fixture.root.appendingPathComponent("scripts/mime_inspect.py").path, path])
        return try JSONDecoder().decode(ParsedMessage.self, from: Data(json.utf8))
    }
}

/// The output of scripts/mime_inspect.py.
struct ParsedMessage: Decodable {
    struct Part: Decodable {
        var content_type: String
        var charset: String?
        var transfer_encoding: String?
        /// Text, or an attachment's bytes in base64.
        var content: String
        /// An attachment's file name.
        var filename: String?
    }

    var content_type: String
    var headers: [String: String]
    var raw_headers: [String]
    var to: [String]
    var to_names: [String]
    var cc: [String]
    var from: String?
    /// From, To and Cc display names as RFC 2047 decodes them (see mime_inspect.py).
    var display_names: [String: [String]]
    var date_ok: Bool
    var parts: [Part]
    var defects: [String]
    var max_line_octets: Int
    var crlf: Bool
    var bare_lf: Bool

    func part(_ type: String) -> Part? { parts.first { $0.content_type == type } }
}
