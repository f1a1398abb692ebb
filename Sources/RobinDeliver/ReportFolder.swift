import Foundation
import RobinModel

/// A rendered report folder (the renderer's contract): `report.md`,
/// `report.html`, `metrics.json` and `charts/*.svg`. Delivery reads report.md
/// and metrics.json, and the chart files to publish them.
public struct ReportFolder: Sendable {
    /// The folder as given.
    public var path: String
    /// report.md.
    public var markdown: String
    /// The raw bytes of metrics.json (copied as they are when publishing).
    public var metricsData: Data
    /// metrics.json, read.
    public var metrics: MetricsDocument
    /// File names in charts/, sorted; empty when there is no charts folder.
    public var charts: [String]

    /// The audience of an audience report (metrics.json `audience`, else the
    /// folder's name when it sits under `audiences/`); nil for the organisation's.
    public var audience: AudienceLabel? {
        if let audience = metrics.audience { return audience }
        let url = URL(fileURLWithPath: path).standardized
        guard url.deletingLastPathComponent().lastPathComponent == "audiences" else { return nil }
        return AudienceLabel(name: url.lastPathComponent, slug: url.lastPathComponent)
    }

    /// The folder's name under the output folder: `2026-W47`, or
    /// `2026-W47/audiences/london-site` for an audience (`report_url`'s `{folder}`).
    public var folderName: String {
        let period = metrics.name.folder
        return audience.map { "\(period)/audiences/\($0.slug)" } ?? period
    }

    /// The folder's report.pdf (`report --pdf`) as an email attachment,
    /// `workplace-report-2026-W47.pdf` (`...-2026-W47-london-site.pdf` for an
    /// audience); a missing one is a usage error that says how to make it.
    public func pdfAttachment() throws(DeliveryError) -> EmailAttachment {
        let file = URL(fileURLWithPath: path).appendingPathComponent("report.pdf").path
        let name = "workplace-report-" + folderName.replacingAll("/audiences/", with: "-") + ".pdf"
        switch NoFollow.kind(file) {
        case .regular: return EmailAttachment(fileName: name, contentType: "application/pdf", data: try Self.read(file))
        case .missing:
            throw .usage("\(file): missing, and email.attach_pdf is set; run `robin-report report --pdf` "
                         + "(or set pdf = true) to print it, or turn attach_pdf off")
        default: throw .badReport("\(file): not a regular file")
        }
    }

    /// The audience report folders of the period folder `path`
    /// (`<path>/audiences/<slug>/`), by name; none when there are none. A
    /// symbolic link among them is refused: delivery reads only real folders.
    public static func audienceFolders(of path: String) throws(DeliveryError) -> [String] {
        let parent = path + "/audiences"
        switch NoFollow.kind(parent) {
        case .missing, .regular, .other: return []
        case .symbolicLink: throw linkRefusal(parent)
        case .directory: break
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: parent).filter { !$0.hasPrefix(".") }.sorted()
        } catch {
            throw .runtime("\(parent): cannot list (\((error as NSError).localizedDescription))")
        }
        var folders: [String] = []
        for name in names {
            switch NoFollow.kind(parent + "/" + name) {
            case .symbolicLink: throw linkRefusal(parent + "/" + name)
            case .directory: folders.append(parent + "/" + name)
            default: continue
            }
        }
        return folders
    }

    /// Reads the folder at `path`.
    public static func load(_ path: String) throws(DeliveryError) -> ReportFolder {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .runtime("\(path): no such report folder")
        }
        guard isDirectory.boolValue else { throw .usage("\(path): not a folder (give the report folder, e.g. Output/2026-W47)") }
        let folder = URL(fileURLWithPath: path)
        let markdownPath = folder.appendingPathComponent("report.md").path
        let metricsPath = folder.appendingPathComponent("metrics.json").path
        for file in [markdownPath, metricsPath] where !manager.fileExists(atPath: file) {
            throw .badReport("\(file): missing (is \(path) a report folder written by robin-report report?)")
        }
        let markdownData = try read(markdownPath)
        guard let markdown = String(data: markdownData, encoding: .utf8) else {
            throw .badReport("\(markdownPath): not UTF-8 text")
        }
        let metricsData = try read(metricsPath)
        let metrics: MetricsDocument
        do {
            metrics = try MetricsDocument.read(metricsData, file: metricsPath)
        } catch {
            throw DeliveryError(error)
        }
        let chartsPath = folder.appendingPathComponent("charts").path
        var charts: [String] = []
        if manager.fileExists(atPath: chartsPath, isDirectory: &isDirectory), isDirectory.boolValue {
            do {
                charts = try manager.contentsOfDirectory(atPath: chartsPath).filter { name in
                    var isFolder: ObjCBool = false
                    return !name.hasPrefix(".") && manager.fileExists(atPath: chartsPath + "/" + name, isDirectory: &isFolder)
                        && !isFolder.boolValue
                }.sorted()
            } catch {
                throw .runtime("\(chartsPath): cannot list (\((error as NSError).localizedDescription))")
            }
        }
        return ReportFolder(path: path, markdown: markdown, metricsData: metricsData, metrics: metrics, charts: charts)
    }

    private static func linkRefusal(_ path: String) -> DeliveryError {
        .badReport("\(path): a symbolic link; a report's audience folders must be real folders "
                   + "(run robin-report report again)")
    }

    static func read(_ path: String) throws(DeliveryError) -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .runtime("\(path): cannot read (\((error as NSError).localizedDescription))")
        }
    }
}

extension DeliveryError {
    /// A metrics.json that cannot be used, with its exit code (3, or 1 when it cannot be read at all).
    init(_ error: MetricsFileError) {
        self.init(error.exitStatus == .runtime ? .runtime : .badReport, error.description)
    }
}
