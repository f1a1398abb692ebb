import RobinModel

/// Why report.pdf could not be printed.
public enum PDFError: StageError, Sendable, Equatable {
    /// No browser: none of `looked` on PATH, or the configured one (`pdf.browser`) is not there (exit 2).
    case noBrowser(configured: String?, looked: [String])
    /// The report.html to print is missing (exit 1).
    case noHTML(path: String)
    /// The browser ran but failed: its exit status and the last line it wrote to stderr (exit 1).
    case failed(browser: String, status: Int32, detail: String)
    /// The browser was stopped after `seconds` without finishing (exit 1).
    case timedOut(browser: String, seconds: Int)
    /// The browser exited 0 but wrote no PDF (exit 1).
    case noOutput(browser: String)
    /// report.pdf could not be written (exit 1).
    case write(AtomicFile.Failure)

    public var exitStatus: ExitStatus {
        if case .noBrowser = self { return .usage }
        return .runtime
    }

    public var description: String {
        switch self {
        case .noBrowser(let configured?, _):
            return "pdf.browser \"\(configured)\": no such executable"
                + (configured.contains("/") ? "" : " on PATH") + " (install Chromium, or set pdf.browser to one)"
        case .noBrowser(nil, let looked):
            return "report.pdf needs a headless Chromium: none of \(looked.joined(separator: ", ")) is on PATH "
                + "(install one, e.g. apt-get install chromium, or set pdf.browser in the config)"
        case .noHTML(let path):
            return "cannot print \(path) to PDF: no such file"
        case .failed(let browser, let status, let detail):
            return "\(browser) could not print report.pdf (exit status \(status))" + (detail.isEmpty ? "" : ": \(detail)")
        case .timedOut(let browser, let seconds):
            return "\(browser) did not finish printing report.pdf within \(seconds) s; stopped it"
        case .noOutput(let browser):
            return "\(browser) exited without writing report.pdf"
        case .write(let failure):
            return failure.description
        }
    }
}
