import Foundation
import RobinFetch
import RobinModel
import RobinPipeline
import RobinRender
import RobinSynthetic

/// An export cache filled with RobinSynthetic's organisation, day by day, as
/// `fetch` leaves it (one file per org-local date and export), in a scratch
/// folder; with the settings a configuration for it would give.
struct SyntheticCache {
    let organization: SyntheticOrganization
    let folder: String
    let cache: ExportCache
    var settings: Settings

    init(seed: UInt64, people: Int = 80) {
        organization = SyntheticOrganization(seed: seed, people: people)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("robin-facts-\(UUID().uuidString)").path
        cache = ExportCache(directory: folder + "/cache", organizationID: 1, locationIDs: nil)
        settings = Settings()
        settings.timeZone = organization.timeZoneIdentifier
        for (building, zone) in organization.buildingTimeZones { settings.buildings[building] = Settings.Building(timeZone: zone) }
        settings.outputDirectory = folder + "/Output"
        settings.cacheDirectory = folder + "/cache"
    }

    /// Writes the exports of `dates`: each the org-local day, `overlapHours` more on
    /// each side (daily files that repeat rows, as with a margin), fetched well after.
    func write(_ dates: [LocalDate], overlapHours: Int64 = 2, kinds: [ExportKind] = ExportKind.allCases) throws {
        let zone = TimeZone(identifier: organization.timeZoneIdentifier)!
        for date in dates {
            let window = DayWindow(date: date, timeZone: zone)
            for kind in kinds {
                let csv = organization.export(kind, fromUTC: window.fromUTC - overlapHours * 3600,
                                              toUTC: window.toUTC + overlapHours * 3600, locationIDs: nil)
                try cache.write(Data(csv.utf8), kind: kind, date: date, fetchedAt: Date(timeIntervalSince1970: TimeInterval(window.toUTC + 86_400)))
            }
        }
    }

    /// The report job for `period`, offline, with `stages`.
    func job(_ period: ReportPeriod, stages: ReportStages, derivedCache: Bool = true, today: LocalDate? = nil) -> ReportJob {
        var job = ReportJob(period: period, settings: settings, cache: cache, fetcher: nil,
                            today: today ?? period.period.to.adding(days: 8), stages: stages)
        job.derivedCache = derivedCache
        return job
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// One report run through recording stages: what was read and what was rendered.
struct RecordedRun {
    /// The dates read, per kind, in order.
    var read: [ExportKind: [LocalDate]]
    /// metrics.json, then report.md, of each report (the organisation's first).
    var outputs: [String]
    /// What the analysis was asked for, the organisation's first.
    var requests: [AnalysisRequest]

    static func run(_ make: (ReportStages) -> ReportJob) async throws -> RecordedRun {
        let reader = RecordingReader(), analyzer = RecordingAnalyzer(), writer = MemoryWriter()
        let renderer = RecordingRenderer(renderer: ReportRenderer(templates: try .builtIn()))
        try await make(ReportStages(reader: reader, analyzer: analyzer, renderer: renderer, writer: writer)).run()
        let sets = writer.calls.all
        let reports = sets.flatMap { set in (set.organization.map { [$0] } ?? []) + set.audiences.map(\.report) }
        return RecordedRun(read: Dictionary(uniqueKeysWithValues: ExportKind.allCases.map { ($0, reader.days($0).map(\.date)) }),
                           outputs: reports.flatMap { [$0.metricsJSON, $0.markdown] }, requests: analyzer.calls.all)
    }

    /// Nothing was read.
    var readNothing: Bool { read.values.allSatisfy(\.isEmpty) }
}
