import Foundation
import Testing
import RobinModel
import RobinTestSupport
@testable import RobinRender

/// report.pdf as a reader gets it: printed by the real headless Chromium, read back
/// with poppler's pdfinfo and pdftotext (Debian's `chromium`, `poppler-utils`).
@Suite("PDF")
struct PDFTests {
    /// The fixture week written into `output`; the report folder's path.
    static func writtenReport(in output: TemporaryFolder) async throws -> String {
        let report = try ReportRenderer(templates: .builtIn()).render(try await ReportFixture.week())
        return try ReportFolderWriter(outputDirectory: output.path).write(report)
    }

    /// The text of each page of `pdf`, in order.
    static func pages(_ pdf: String) async throws -> [String] {
        let info = try await ExternalTool.run("pdfinfo", [pdf], package: "poppler-utils")
        let count = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        var pages: [String] = []
        for page in 0..<count {
            pages.append(try await ExternalTool.run("pdftotext", ["-layout", "-f", "\(page + 1)", "-l", "\(page + 1)", pdf, "-"],
                                                    package: "poppler-utils"))
        }
        return pages
    }

    @Test("Chromium prints report.html: every page has text, no header or footer, the headline table on one page")
    func printed() async throws {
        let output = try TemporaryFolder("robin-pdf")
        defer { output.remove() }
        let folder = try await Self.writtenReport(in: output)
        try await Blocking.run { try PDFPrinter.print(html: folder + "/report.html", to: folder + "/report.pdf") }
        let pages = try await Self.pages(folder + "/report.pdf")
        #expect((2...12).contains(pages.count), "\(pages.count) pages")
        for (index, text) in pages.enumerated() {
            #expect(text.contains { !$0.isWhitespace }, "page \(index + 1) is blank")
            // Chromium's default header and footer name the file and the date.
            #expect(!text.contains("file://") && !text.contains("report.html"), "page \(index + 1) has a header or footer")
        }
        let all = pages.joined(separator: "\u{0C}")
        #expect(all.contains("Workplace report: Week 47, 2026"))
        #expect(all.contains("HQ New York") && all.contains("Policy adherence"))
        // The print stylesheet keeps a table that fits on a page together: caption, heading row and last row.
        for (caption, lastRow) in [("Headline figures for Week 47, 2026", "Policy adherence"),
                                   ("Desks and rooms by floor", "Singapore"), ("Exports read for this report", "Room events")] {
            let page = pages.firstIndex { $0.contains(caption) }
            #expect(page != nil, "\(caption) missing")
            if let page {
                let rest = pages[page].components(separatedBy: caption).last ?? ""
                #expect(rest.contains(lastRow), "the table \"\(caption)\" is split across pages")
            }
        }
    }

    @Test("no browser on PATH is a usage error (exit 2) that says what was looked for and how to fix it")
    func noBrowser() throws {
        let empty = try TemporaryFolder("robin-no-browser")
        defer { empty.remove() }
        #expect {
            try PDFPrinter(environment: ["PATH": empty.path])
        } throws: { error in
            guard let error = error as? PDFError else { return false }
            return error.exitStatus == .usage && error.description
                == "report.pdf needs a headless Chromium: none of chromium, chromium-browser, google-chrome, "
                + "google-chrome-stable is on PATH (install one, e.g. apt-get install chromium, or set pdf.browser in the config)"
        }
        #expect(throws: PDFError.noBrowser(configured: "no-such-chromium", looked: PDFPrinter.browserNames)) {
            try PDFPrinter(browser: "no-such-chromium", environment: ["PATH": "/usr/bin:/bin"])
        }
        #expect(PDFError.noBrowser(configured: "/opt/x/chrome", looked: []).description
            == "pdf.browser \"/opt/x/chrome\": no such executable (install Chromium, or set pdf.browser to one)")
    }

    @Test("pdf.browser picks the browser: a name on PATH or a path")
    func configuredBrowser() async throws {
        let binFolder = try TemporaryFolder("robin-browsers")
        defer { binFolder.remove() }
        let bin = binFolder.path
        for name in ["chromium", "my-chrome"] { try await Self.script("exit 0", at: bin + "/" + name) }
        #expect(try PDFPrinter(environment: ["PATH": "/nonexistent:" + bin]).browser == bin + "/chromium")
        #expect(try PDFPrinter(browser: "my-chrome", environment: ["PATH": bin]).browser == bin + "/my-chrome")
        #expect(try PDFPrinter(browser: bin + "/my-chrome", environment: ["PATH": ""]).browser == bin + "/my-chrome")
    }

    @Test("a browser that fails is a runtime error with its last line, and an old report.pdf stays as it was")
    func browserFails() async throws {
        let output = try TemporaryFolder("robin-pdf")
        defer { output.remove() }
        let folder = try await Self.writtenReport(in: output)
        try await Self.script("echo '[1:1:ERROR:dbus/bus.cc] Failed to connect to the bus' >&2\n"
                        + "echo 'Printing failed: out of paper' >&2\necho '[2:2:ERROR:dbus/x] more dbus' >&2\nexit 21",
                        at: folder + "/fake-chromium")
        try Data("%PDF-old".utf8).write(to: URL(fileURLWithPath: folder + "/report.pdf"))
        let printer = try PDFPrinter(browser: folder + "/fake-chromium")
        await #expect(throws: PDFError.failed(browser: folder + "/fake-chromium", status: 21, detail: "Printing failed: out of paper")) {
            try await Blocking.run { try printer.print(html: folder + "/report.html", to: folder + "/report.pdf") }
        }
        #expect(FileManager.default.contents(atPath: folder + "/report.pdf") == Data("%PDF-old".utf8))
        #expect(PDFError.failed(browser: "b", status: 21, detail: "x").exitStatus == .runtime)

        // A browser that exits 0 without writing a PDF, and one that hangs.
        try await Self.script("exit 0", at: folder + "/silent-chromium")
        let silent = try PDFPrinter(browser: folder + "/silent-chromium")
        await #expect(throws: PDFError.noOutput(browser: folder + "/silent-chromium")) {
            try await Blocking.run { try silent.print(html: folder + "/report.html", to: folder + "/report.pdf") }
        }
        try await Self.script("exec sleep 30", at: folder + "/stuck-chromium")
        var stuck = try PDFPrinter(browser: folder + "/stuck-chromium")
        stuck.timeout = 1
        let impatient = stuck
        await #expect(throws: PDFError.timedOut(browser: folder + "/stuck-chromium", seconds: 1)) {
            try await Blocking.run { try impatient.print(html: folder + "/report.html", to: folder + "/report.pdf") }
        }
        await #expect(throws: PDFError.noHTML(path: folder + "/missing.html")) {
            try await Blocking.run { try printer.print(html: folder + "/missing.html", to: folder + "/report.pdf") }
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    /// An executable shell script with `body` at `path`.
    static func script(_ body: String, at path: String) async throws {
        try await TestProcess.writeExecutable("#!/bin/sh\n\(body)\n", to: path)
    }
}
