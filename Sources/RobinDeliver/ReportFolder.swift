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
