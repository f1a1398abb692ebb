import RobinModel

/// A deterministic, synthetic Robin organisation that answers Analytics API
/// export requests with realistic CSV, for fixtures, tests and benchmarks.
///
/// Three buildings in different time zones (New York, London, Singapore),
/// departments of very different sizes (three with fewer than 5 people, and
/// people with no department), and desk and room rows that exercise every
/// case of docs/metrics.md. Rows are generated per (building, local date) from a
/// SplitMix64 stream keyed by (seed, building, date), so they do not depend
/// on the requested range: overlapping requests agree on their overlap, and
/// the same seed gives byte-identical output everywhere.
public struct SyntheticOrganization: Sendable {
    private let catalog: Catalog

    /// people: head count (at least 20); deterministic for a given (seed, people,
    /// storyline). Without a storyline the rows are those every earlier version made.
    public init(seed: UInt64, people: Int = 300, storyline: Storyline? = nil) {
        var builder = CatalogBuilder(seed: seed, people: people)
        var catalog = builder.build()
        catalog.story = storyline.map { StoryPlan($0, buildings: catalog.buildings, people: catalog.people) }
        self.catalog = catalog
    }

    /// The `Organization` column of every row.
    public var organizationName: String { catalog.organizationName }

    /// IANA id of the org's home time zone (first building's).
    public var timeZoneIdentifier: String { catalog.buildings[0].clock.identifier }

    /// The home time zone of every synthetic organisation, known before one is built.
    public static let homeTimeZoneIdentifier = BuildingBlueprint.all[0].timeZone

    /// Robin location ids, one per building, in building order.
    public var locationIDs: [Int] { catalog.buildings.map(\.locationID) }

    /// Building names (the `Building` column), in building order (the order of `locationIDs`).
    public var buildingNames: [String] { catalog.buildings.map(\.name) }

    /// Per building: name -> IANA time zone id.
    public var buildingTimeZones: [String: String] {
        Dictionary(uniqueKeysWithValues: catalog.buildings.map { ($0.name, $0.clock.identifier) })
    }

    /// The head count actually used (`people`, raised to at least 20).
    public var headCount: Int { catalog.people.count }

    /// A complete CSV export (header + rows, RFC 4180, CRLF line ends, every column of
    /// `kind.documentedColumns` in order) of the rows whose start instant (desks `Start (UTC)`,
    /// events `Started At (UTC)`) is in [fromUTC, toUTC) (Unix seconds), restricted to the
    /// buildings of `locationIDs` (nil = all). Titles may hold a bare LF inside quotes.
    public func export(_ kind: ExportKind, fromUTC: Int64, toUTC: Int64, locationIDs: [Int]?) -> String {
        var buffer: [UInt8] = []
        appendExport(kind, fromUTC: fromUTC, toUTC: toUTC, locationIDs: locationIDs, to: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Same as `export`, appended to a byte buffer (fast path for huge files).
    ///
    /// Rows come in order of local date, then building, then generation order
    /// (not sorted by start instant, as in Robin's own exports).
    public func appendExport(
        _ kind: ExportKind, fromUTC: Int64, toUTC: Int64, locationIDs: [Int]?, to buffer: inout [UInt8]
    ) {
        buffer.append(contentsOf: SyntheticOrganization.header(kind))
        guard fromUTC < toUTC else { return }
        // The local dates of each building whose rows can start in the range.
        let spans: [(building: Int, days: ClosedRange<Int>)] = catalog.buildings.enumerated().compactMap { index, building in
            if let locationIDs, !locationIDs.contains(building.locationID) { return nil }
            let first = building.clock.localDay(ofUTC: fromUTC)
            let last = building.clock.localDay(ofUTC: toUTC - 1)
            return (index, first...last)
        }
        guard let firstDay = spans.map(\.days.lowerBound).min(), let lastDay = spans.map(\.days.upperBound).max() else {
            return
        }
        for day in firstDay...lastDay {
            for span in spans where span.days.contains(day) {
                switch kind {
                case .desks:
                    var generator = DeskDayGenerator(
                        catalog: catalog, buildingIndex: span.building, day: day, fromUTC: fromUTC, toUTC: toUTC
                    )
                    generator.run(into: &buffer)
                case .spaces:
                    var generator = EventDayGenerator(
                        catalog: catalog, buildingIndex: span.building, day: day, fromUTC: fromUTC, toUTC: toUTC
                    )
                    generator.run(into: &buffer)
                }
            }
        }
    }

    private static let deskHeader = headerBytes(.desks)
    private static let spacesHeader = headerBytes(.spaces)

    private static func header(_ kind: ExportKind) -> [UInt8] {
        kind == .desks ? deskHeader : spacesHeader
    }

    private static func headerBytes(_ kind: ExportKind) -> [UInt8] {
        var bytes: [UInt8] = []
        for (index, column) in kind.documentedColumns.enumerated() {
            if index > 0 { bytes.appendComma() }
            bytes.appendField(CSVField(column))
        }
        bytes.appendRecordEnd()
        return bytes
    }
}
