import Foundation
import RobinModel

/// The archive index of a folder of reports: `Output/` (index.md and
/// index.html, written by `report`) and a docs repository's reports folder
/// (index.md, written by `publish`) are this one model, read from each
/// report's metrics.json and rendered by `markdown(linkingTo:)`.
///
/// A report is a subfolder holding a metrics.json; an audience report is
/// `<period folder>/audiences/<slug>/` holding one, listed under its period.
/// Reports are grouped into weeks, months and other periods, each newest
/// first by end date.
public struct ReportIndex: Sendable {
    /// One report.
    public struct Entry: Sendable {
        /// The folder, relative to the indexed folder: `2026-W47`, `2026-W47/audiences/london-site`.
        public var path: String
        /// Its metrics.json, read: with `BadFiles.skip`, only what the index shows
        /// (`MetricsDocument.readTotals`); with `.fail`, all of it.
        public var document: MetricsDocument
        /// The audience's folder name (`london-site`); nil for an organisation report.
        public var audience: String?
        /// Audience reports of this period folder, by folder name.
        public var audiences: [Entry] = []

        /// The period, named as a week or a month when it is exactly one.
        public var period: ReportPeriod { .range(document.period) }

        public init(path: String, document: MetricsDocument, audience: String? = nil, audiences: [Entry] = []) {
            self.path = path
            self.document = document
            self.audience = audience
            self.audiences = audiences
        }
    }

    /// A table of the index.
    public enum Section: CaseIterable, Sendable {
        /// ISO weeks.
        case weeks
        /// Calendar months.
        case months
        /// Any other range of dates.
        case other

        /// Its heading.
        public var title: String {
            switch self {
            case .weeks: "Weeks"
            case .months: "Months"
            case .other: "Other periods"
            }
        }
    }

    /// What to do with a metrics.json that cannot be read.
    public enum BadFiles: Sendable {
        /// Fail: the docs repository's committed index must list every report it holds.
        case fail
        /// Leave the report out and say so (`Output/`: an old broken folder must not stop this week's report);
        /// only what the index shows is read and checked (`MetricsDocument.readTotals`).
        case skip(warn: @Sendable (String) -> Void)
    }

    /// The organisation reports (audience reports inside them), newest first.
    public var entries: [Entry]

    /// `entries` in any order: they are sorted newest first by end date, then
    /// by start date, then by folder.
    public init(entries: [Entry]) {
        self.entries = entries.sorted(by: ReportIndex.newerFirst)
    }

    /// The reports of `section`, newest first.
    public func entries(in section: Section) -> [Entry] {
        entries.filter { entry in
            switch entry.period.kind {
            case .week: section == .weeks
            case .month: section == .months
            case .custom: section == .other
            }
        }
    }

    /// Reads every report under `directory` (hidden folders are skipped).
    public static func scan(_ directory: String, badFiles: BadFiles) throws(MetricsFileError) -> ReportIndex {
        var entries: [Entry] = []
        for name in try folders(in: directory) {
            var audiences: [Entry] = []
            for slug in try folders(in: "\(directory)/\(name)/audiences") {
                if let audience = try read(directory, "\(name)/audiences/\(slug)", audience: slug, badFiles: badFiles) {
                    audiences.append(audience)
                }
            }
            if var report = try read(directory, name, audience: nil, badFiles: badFiles) {
                report.audiences = audiences
                entries.append(report)
            } else {
                // A period folder whose own report is missing still lists its audiences.
                entries += audiences
            }
        }
        return ReportIndex(entries: entries)
    }

    /// The report in `directory/path`; nil when there is none (or, skipping, a bad one).
    private static func read(_ directory: String, _ path: String, audience: String?,
                             badFiles: BadFiles) throws(MetricsFileError) -> Entry? {
        let file = "\(directory)/\(path)/metrics.json"
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        do {
            // Output/'s index, rewritten by every report, reads only what it shows (a report's
            // metrics.json is megabytes of room groups); publish's strict index checks every figure.
            let totalsOnly = if case .skip = badFiles { true } else { false }
            return Entry(path: path, document: try MetricsDocument.read(contentsOf: file, totalsOnly: totalsOnly),
                         audience: audience)
        } catch {
            guard case .skip(let warn) = badFiles else { throw error }
            warn("\(error.description); left out of the index")
            return nil
        }
    }

    /// The subfolders of `directory`, by name; none when it does not exist.
    private static func folders(in directory: String) throws(MetricsFileError) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else { return [] }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw MetricsFileError(file: directory, path: "", problem: "cannot list (\((error as NSError).localizedDescription))",
                                   exitStatus: .runtime)
        }
        return names.filter { name in
            var isFolder: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: "\(directory)/\(name)", isDirectory: &isFolder)
                && isFolder.boolValue
        }.sorted()
    }

    static func newerFirst(_ a: Entry, _ b: Entry) -> Bool {
        let x = a.document.period, y = b.document.period
        if x.to != y.to { return x.to > y.to }
        if x.from != y.from { return x.from > y.from }
        return a.path < b.path
    }
}
