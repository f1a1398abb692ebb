import Foundation
import RobinModel

/// Prints a written report.html (its charts beside it) to PDF with a headless
/// Chromium found on the machine, using the page's print stylesheet: A4 or
/// Letter as the browser's locale has it, no header or footer lines, tables
/// and charts kept whole where they fit on a page.
///
/// The printer takes paths, not a `RenderedReport`, so it can print inside a
/// folder being written (before it is moved into place) as well as after.
public struct PDFPrinter: Sendable {
    /// The browsers looked for on PATH, in order, when none is configured.
    public static let browserNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The browser's executable.
    public let browser: String
    /// How long printing may take before the browser is stopped, in seconds.
    public var timeout: Int

    /// Finds the browser: `configured` (`pdf.browser`: a path when it holds a `/`, else a
    /// name looked up on PATH), or else the first of `browserNames` on PATH.
    ///
    /// - Throws: `PDFError.noBrowser` (exit 2) when there is none.
    public init(browser configured: String? = nil, timeout: Int = 120,
                environment: [String: String] = ProcessInfo.processInfo.environment) throws(PDFError) {
        let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":").map(String.init)
        let found: String?
        if let configured {
            found = Self.executable(configured, in: path)
        } else {
            found = Self.browserNames.lazy.compactMap { Self.executable($0, in: path) }.first
        }
        guard let found else { throw PDFError.noBrowser(configured: configured, looked: Self.browserNames) }
        browser = found
        self.timeout = timeout
    }

    /// Prints `html` to `pdf` with the browser `browser` (see `init`): the one-call form.
    public static func print(html: String, to pdf: String, browser: String? = nil) throws(PDFError) {
        try PDFPrinter(browser: browser).print(html: html, to: pdf)
    }

    /// Prints the page at `html` to `pdf`, written atomically (a failed print leaves any
    /// old report.pdf as it was). The browser runs with a throw-away profile and no sandbox
    /// (it may run as root in a container), and is stopped after `timeout` seconds.
    public func print(html: String, to pdf: String) throws(PDFError) {
        guard FileManager.default.fileExists(atPath: html) else { throw PDFError.noHTML(path: html) }
        let scratch = FileManager.default.temporaryDirectory
            .appendingPathComponent("robin-report-pdf-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let output = scratch.appendingPathComponent("report.pdf").path
        let log = scratch.appendingPathComponent("stderr.txt")
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        } catch {
            throw PDFError.write(AtomicFile.Failure(path: scratch.path, reason: error.localizedDescription))
        }
        let status = try run([
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--user-data-dir=\(scratch.path)/profile",
            "--no-pdf-header-footer", "--print-to-pdf=\(output)",
            URL(fileURLWithPath: html).standardizedFileURL.absoluteString,
        ], stderr: log)
        guard status == 0 else {
            throw PDFError.failed(browser: browser, status: status, detail: Self.lastLine(of: log))
        }
        guard let data = FileManager.default.contents(atPath: output), data.starts(with: Array("%PDF-".utf8)) else {
            throw PDFError.noOutput(browser: browser)
        }
        do { try AtomicFile.write(data, to: pdf) } catch { throw PDFError.write(error) }
    }

    /// Runs the browser with `arguments`, stderr to `stderr`; its exit status.
    private func run(_ arguments: [String], stderr: URL) throws(PDFError) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            process.standardError = try FileHandle(forWritingTo: stderr)
            try process.run()
        } catch {
            throw PDFError.failed(browser: browser, status: -1, detail: error.localizedDescription)
        }
        if finished.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            process.terminate()
            if finished.wait(timeout: .now() + .seconds(5)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            throw PDFError.timedOut(browser: browser, seconds: timeout)
        }
        return process.terminationStatus
    }

    /// The executable `name` (a path when it holds a `/`) or the first on `path`; nil when there is none.
    static func executable(_ name: String, in path: [String]) -> String? {
        if name.contains("/") { return Self.isExecutableFile(name) ? name : nil }
        return path.lazy.map { ($0.isEmpty ? "." : $0) + "/" + name }.first(where: Self.isExecutableFile)
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// The last line of the browser's stderr that is not about D-Bus (Chromium logs those
    /// in every container), shortened to one line of at most 300 characters.
    static func lastLine(of file: URL) -> String {
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        let useful = lines.last { !$0.isEmpty && !$0.contains("dbus") } ?? lines.last ?? ""
        return String(useful.prefix(300))
    }
}
