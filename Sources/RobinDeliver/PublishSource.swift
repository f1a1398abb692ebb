import Foundation

/// A report folder as publish copies it: report.md, metrics.json and every
/// chart, each a regular file. A symbolic link (`charts/x.svg -> /etc/passwd`)
/// or a FIFO among them is refused (exit 3) rather than skipped, since a report
/// written by robin-report has none: one there was put there by hand, and
/// committing what it points to, or silently leaving a chart out, would both
/// be wrong. The audience reports of a period folder (`audiences/<slug>/`)
/// are read by the same rules.
struct PublishSource {
    /// The report, read.
    var report: ReportFolder
    /// Each chart's file name and bytes, in name order.
    var charts: [(name: String, data: Data)]
    /// The audience reports under `audiences/`, by folder name.
    var audiences: [PublishSource] = []

    /// The report folder's name (an audience's slug under `audiences/`).
    var folderName: String { (report.path as NSString).lastPathComponent }

    /// Every file publish writes, by its path inside the period's folder, in
    /// the order it writes them: report.md, metrics.json, the charts, then each
    /// audience's under `audiences/<slug>/`.
    var files: [(path: String, data: Data)] {
        var files = [("report.md", Data(report.markdown.utf8)), ("metrics.json", report.metricsData)]
        files += charts.map { ("charts/" + $0.name, $0.data) }
        for audience in audiences {
            files += audience.files.map { ("audiences/\(audience.folderName)/" + $0.path, $0.data) }
        }
        return files
    }

    /// Checks and reads the period folder at `path` and its audiences' folders.
    static func load(_ path: String) throws(DeliveryError) -> PublishSource {
        var source = try loadOne(path)
        if let audience = source.report.audience {
            let period = URL(fileURLWithPath: path).standardized.deletingLastPathComponent().deletingLastPathComponent().path
            throw .usage("\(path): the report of audience \"\(audience.name)\"; publish its period's folder (\(period)), "
                         + "which brings every audience's report with it")
        }
        for folder in try ReportFolder.audienceFolders(of: path) {
            source.audiences.append(try loadOne(folder))
        }
        return source
    }

    /// Checks and reads one report folder (not its audiences).
    private static func loadOne(_ path: String) throws(DeliveryError) -> PublishSource {
        // Checked before ReportFolder reads them, as it follows links.
        for name in ["report.md", "metrics.json"] {
            try checkRegular(path + "/" + name, missingIsFine: true)
        }
        let chartsPath = path + "/charts"
        switch NoFollow.kind(chartsPath) {
        case .symbolicLink: throw refusal(chartsPath, "a symbolic link")
        case .regular, .other: throw refusal(chartsPath, "not a folder")
        case .missing, .directory: break
        }
        let report = try ReportFolder.load(path)
        var charts: [(name: String, data: Data)] = []
        if NoFollow.kind(chartsPath) == .directory {
            // Listed here rather than taken from ReportFolder, whose listing follows
            // links and leaves out a dangling one; subfolders are not charts.
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: chartsPath).filter { !$0.hasPrefix(".") }.sorted()
            } catch {
                throw .runtime("\(chartsPath): cannot list (\((error as NSError).localizedDescription))")
            }
            for name in names where NoFollow.kind(chartsPath + "/" + name) != .directory {
                let file = chartsPath + "/" + name
                try checkRegular(file, missingIsFine: false)
                guard let data = try NoFollow.readRegularFile(file) else { throw refusal(file, "not a regular file") }
                charts.append((name, data))
            }
        }
        return PublishSource(report: report, charts: charts)
    }

    private static func checkRegular(_ file: String, missingIsFine: Bool) throws(DeliveryError) {
        switch NoFollow.kind(file) {
        case .regular: return
        case .missing where missingIsFine: return  // ReportFolder says which file is missing
        case .symbolicLink: throw refusal(file, "a symbolic link")
        default: throw refusal(file, "not a regular file")
        }
    }

    private static func refusal(_ path: String, _ what: String) -> DeliveryError {
        .badReport("\(path): \(what); publish copies only regular files from the report folder "
                   + "(put the file itself there, or run robin-report report again)")
    }
}
