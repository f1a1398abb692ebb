import Foundation
import RobinModel
import RobinRender

/// The reports one run writes: the organisation's and its audiences', of one period.
public struct ReportSet: Sendable {
    /// The period, whose folder (`<output>/<period>/`) holds them all.
    public var period: ReportPeriod
    /// The whole organisation's report; nil when the run was for one audience (`--audience`).
    public var organization: RenderedReport?
    /// The audiences' reports, in the configuration's order.
    public var audiences: [AudienceReport]

    /// One audience's report.
    public struct AudienceReport: Sendable {
        /// The audience, as its metrics.json names it.
        public var audience: AudienceLabel
        /// Its files (`slug` is the audience's).
        public var report: RenderedReport

        public init(audience: AudienceLabel, report: RenderedReport) {
            self.audience = audience
            self.report = report
        }
    }

    public init(period: ReportPeriod, organization: RenderedReport?, audiences: [AudienceReport]) {
        self.period = period
        self.organization = organization
        self.audiences = audiences
    }
}

/// A report folder written.
public struct WrittenReport: Sendable, Equatable {
    /// Whose report: nil = the organisation's.
    public var audience: AudienceLabel?
    /// The folder: `<output>/2026-W47`, `<output>/2026-W47/audiences/london-site`.
    public var folder: String

    public init(audience: AudienceLabel?, folder: String) {
        self.audience = audience
        self.folder = folder
    }
}

/// The write stage: a run's reports in, folders on disk (or elsewhere) out.
public protocol ReportWriting: Sendable {
    /// Clears what a killed earlier run left; called before anything else.
    func prepare()
    /// Writes `reports`, then the archive index; `warn` gets what the index left out.
    func write(_ reports: ReportSet, warn: @escaping @Sendable (String) -> Void) throws -> [WrittenReport]
}

extension ReportWriting {
    public func prepare() {}
}

/// The production writer: folders under the output folder, each replaced as
/// a whole (`ReportFolderWriter`), then `index.md` and `index.html`.
///
/// The organisation's report and its audiences' go in as one replacement of
/// `<output>/<period>/` (audiences under `audiences/<slug>/`), so an audience
/// dropped from the configuration disappears with the old folder, and no
/// reader sees this run's organisation report beside last run's audiences.
/// A run for one audience replaces only `<period>/audiences/<slug>/`.
public struct ReportOutputWriter: ReportWriting {
    /// The output folder (`Output/` by default).
    public var outputDirectory: String
    /// Prints report.pdf into each new folder before it is swapped in; nil = no PDF.
    public var printer: PDFPrinter?

    public init(outputDirectory: String, printer: PDFPrinter? = nil) {
        self.outputDirectory = outputDirectory
        self.printer = printer
    }

    public func prepare() {
        ReportFolderWriter(outputDirectory: outputDirectory).removeStaleTemporaries()
    }

    public func write(_ reports: ReportSet, warn: @escaping @Sendable (String) -> Void) throws -> [WrittenReport] {
        var written: [WrittenReport] = []
        if let organization = reports.organization {
            let subfolders = reports.audiences.map { "audiences/" + $0.report.slug }
            let folder = try ReportFolderWriter(outputDirectory: outputDirectory)
                .write(organization, audiences: reports.audiences.map(\.report), finish: finish(["."] + subfolders))
            written.append(WrittenReport(audience: nil, folder: folder))
            written += zip(reports.audiences, subfolders).map { WrittenReport(audience: $0.audience, folder: folder + "/" + $1) }
        } else {
            let parent = (outputDirectory as NSString).appendingPathComponent(reports.period.slug + "/audiences")
            for audience in reports.audiences {
                let folder = try ReportFolderWriter(outputDirectory: parent).write(audience.report, finish: finish(["."]))
                written.append(WrittenReport(audience: audience.audience, folder: folder))
            }
        }
        try ReportWriter(outputDirectory: outputDirectory).writeIndex(warn: warn)
        return written
    }

    /// Prints report.pdf in each of `folders` (relative to the new folder), when asked.
    private func finish(_ folders: [String]) -> (@Sendable (String) throws -> Void)? {
        guard let printer else { return nil }
        return { staging in
            for folder in folders {
                let path = (staging as NSString).appendingPathComponent(folder)
                try printer.print(html: path + "/report.html", to: path + "/report.pdf")
            }
        }
    }
}
