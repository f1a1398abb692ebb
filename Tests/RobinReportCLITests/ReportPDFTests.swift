import Foundation
import Testing
import RobinTestSupport

/// `report --pdf` and `pdf = true` as users run them: the real binary, real
/// Chromium (Debian's `chromium`, installed by `make test`), real files.
@Suite("report --pdf", .serialized)
struct ReportPDFTests {
    /// A new folder with the demo's cache (organisation 1) and a config with `extra`.
    static func setUp(config extra: String) async throws -> TemporaryFolder {
        let folder = try TemporaryFolder("robin-pdf")
        let out = folder.path
        let demo = try await CommandRunner().run(["demo", "--output", out + "/demo", "--week", "2026-W47", "--quiet"])
        #expect(demo.status == 0, "\(demo.stderr)")
        try Data("org_id = 1\ntimezone = \"America/New_York\"\n\(extra)".utf8)
            .write(to: URL(fileURLWithPath: out + "/robin-report.toml"))
        return folder
    }

    static func report(_ out: String, _ flags: [String] = [], path: String? = nil) async throws -> CommandRunner.Result {
        try await CommandRunner().run(["report", "--week", "2026-W46", "--offline", "--cache", out + "/demo/.cache",
                                 "--output", out + "/reports", "--quiet"] + flags,
                                directory: out, environment: path.map { ["PATH": $0] } ?? [:])
    }

    @Test("--pdf and pdf = true write report.pdf beside report.html, with the CSV tables; an audience's folder gets its own")
    func printsPDF() async throws {
        let folder = try await Self.setUp(config: "")
        defer { folder.remove() }
        let out = folder.path
        let week = out + "/reports/2026-W46"
        let plain = try await Self.report(out)
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(!FileManager.default.fileExists(atPath: week + "/report.pdf"), "a PDF without --pdf")
        #expect(FileManager.default.fileExists(atPath: week + "/tables/headline-figures.csv"))

        let flagged = try await Self.report(out, ["--pdf"])
        #expect(flagged.status == 0, "\(flagged.stderr)")
        #expect(FileManager.default.contents(atPath: week + "/report.pdf")?.starts(with: Array("%PDF-".utf8)) == true)

        try FileManager.default.removeItem(atPath: week + "/report.pdf")
        // With an audience, its folder gets its own report.pdf in the same replacement.
        try Data("org_id = 1\ntimezone = \"America/New_York\"\npdf = true\n\n[[audiences]]\nname = \"Singapore\"\nbuildings = [\"Singapore\"]\n".utf8)
            .write(to: URL(fileURLWithPath: out + "/robin-report.toml"))
        let configured = try await Self.report(out)
        #expect(configured.status == 0, "\(configured.stderr)")
        #expect(FileManager.default.contents(atPath: week + "/report.pdf")?.starts(with: Array("%PDF-".utf8)) == true)
        #expect(FileManager.default.contents(atPath: week + "/audiences/singapore/report.pdf")?.starts(with: Array("%PDF-".utf8)) == true)
    }

    @Test("no browser: exit 2 with one line saying what to install, before any report is written")
    func noBrowser() async throws {
        let folder = try await Self.setUp(config: "[pdf]\nenabled = true\n")
        defer { folder.remove() }
        let out = folder.path
        let result = try await Self.report(out, path: out + "/no-such-bin")
        #expect(result.status == 2)
        #expect(result.stderr == "robin-report: report.pdf needs a headless Chromium: none of chromium, chromium-browser, "
            + "google-chrome, google-chrome-stable is on PATH (install one, e.g. apt-get install chromium, or set pdf.browser in the config)\n")
        #expect(!FileManager.default.fileExists(atPath: out + "/reports/2026-W46"))

        try Data("org_id = 1\n[pdf]\nbrowser = \"my-chrome\"\n".utf8).write(to: URL(fileURLWithPath: out + "/robin-report.toml"))
        let named = try await Self.report(out, ["--pdf"])
        #expect(named.status == 2)
        #expect(named.stderr.hasPrefix("robin-report: pdf.browser \"my-chrome\": no such executable on PATH"))
    }
}
