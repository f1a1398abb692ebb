import Foundation

/// A metrics.json as its readers see it (docs/metrics.md "metrics.json",
/// `schema_version` 1): the one reader behind `email`, `publish`, both archive
/// indexes and the report's headline table.
///
/// Reading is tolerant so that a field added later never breaks a report
/// written before it: unknown keys are ignored, and every key but
/// `schema_version`, `period.from` and `period.to` may be absent (absent reads
/// as nil, an empty group list, or an empty group). What is there must make
/// sense: a count is a whole number from 0 to 2^53 - 1, a figure a finite
/// number (>= 0 where it cannot be negative), a date `YYYY-MM-DD`; anything
/// else is a `MetricsFileError` naming the file and the JSON path (exit 3).
public struct MetricsDocument: Sendable, Equatable, Decodable {
    /// The `schema_version` this reader understands.
    public static let schemaVersion = 1

    /// `schema_version`: checked by `read` on the document itself; nil inside `previous` when absent.
    public var schemaVersion: Int?
    /// `audience` (`name`, `slug`) of an audience report; nil for the organisation's report.
    public var audience: AudienceLabel?
    /// `period.from` ... `period.to`, local dates, both included.
    public var period: Period
    /// `period.workdays`; nil when absent.
    public var workdays: Int?
    /// `desks`; empty when absent.
    public var desks: Desks
    /// `rooms`; empty when absent.
    public var rooms: Rooms
    /// `insights` (docs/metrics.md "Insights"), in the file's order; nil when absent (reports written before them).
    public var insights: [Insight]?
    /// `capacity` (desks per building and floor); nil when absent.
    public var capacity: Capacity?
    /// `forward` (busy days ahead); nil when absent or null.
    public var forward: Forward?
    /// `colocation` (anchor days); nil when absent.
    public var colocation: Colocation?
    /// `previous` in an array, which gives the recursion the indirection a struct needs.
    private var previousStorage: [MetricsDocument]

    /// The previous period's document (`previous`); nil when null or absent.
    public var previous: MetricsDocument? {
        get { previousStorage.first }
        set { previousStorage = newValue.map { [$0] } ?? [] }
    }

    /// An empty document for `period`: every figure absent.
    public init(period: Period) {
        self.period = period
        desks = Desks()
        rooms = Rooms()
        previousStorage = []
    }

    /// Reads metrics.json from `data`; `file` names it in errors.
    public static func read(_ data: Data, file: String) throws(MetricsFileError) -> MetricsDocument {
        do {
            // The version first: a newer schema may not have the shape decoded below.
            let version = try JSONDecoder().decode(VersionProbe.self, from: data).version
            guard let version else { throw MetricsFileError(file: file, path: "schema_version", problem: "missing") }
            guard version == schemaVersion else {
                throw MetricsFileError(file: file, path: "schema_version",
                                       problem: "\(version) is not supported (this robin-report reads \(schemaVersion))")
            }
            return try JSONDecoder().decode(MetricsDocument.self, from: data)
        } catch let error as MetricsFileError {
            throw error
        } catch let error as DecodingError {
            throw MetricsFileError(error, file: file, data: data)
        } catch {
            throw MetricsFileError(file: file, path: "", problem: "cannot be read (\(error))")
        }
    }

    /// Reads the metrics.json at `path`: a missing or unreadable file is a
    /// runtime failure (`MetricsFileError` with exit code 1), a bad one a data
    /// error. `totalsOnly` reads what an archive index shows (`readTotals`).
    public static func read(contentsOf path: String, totalsOnly: Bool = false) throws(MetricsFileError) -> MetricsDocument {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw MetricsFileError(file: path, path: "", problem: "cannot read (\((error as NSError).localizedDescription))",
                                   exitStatus: .runtime)
        }
        return try totalsOnly ? readTotals(data, file: path) : read(data, file: path)
    }

    /// Reads from `data` only what an archive index shows: `schema_version`
    /// (checked as `read` checks it), `audience`, `period`, `desks.total` and
    /// `rooms.total`, each checked as `read` checks it; the rest reads as
    /// absent. When the text starts as robin-report writes it, only that head
    /// is read (`MetricsHead`: what follows `rooms.total`, most of a large
    /// organisation's file, is not looked at); otherwise the whole text must
    /// be JSON, and the groups, `previous` and the insights are not decoded.
    public static func readTotals(_ data: Data, file: String) throws(MetricsFileError) -> MetricsDocument {
        // The head as robin-report writes it, without decoding the megabytes after `rooms.total`
        // (MetricsHead); any other shape or any problem: the whole text, with its errors' positions.
        if let head = MetricsHead.totals(data), let totals = try? JSONDecoder().decode(Totals.self, from: head),
           totals.version == schemaVersion, let document = totals.document {
            return document
        }
        let totals: Totals
        do {
            totals = try JSONDecoder().decode(Totals.self, from: data)
        } catch let error as DecodingError {
            throw MetricsFileError(error, file: file, data: data)
        } catch {
            throw MetricsFileError(file: file, path: "", problem: "cannot be read (\(error))")
        }
        guard let version = totals.version else { throw MetricsFileError(file: file, path: "schema_version", problem: "missing") }
        guard version == schemaVersion, let document = totals.document else {
            throw MetricsFileError(file: file, path: "schema_version",
                                   problem: "\(version) is not supported (this robin-report reads \(schemaVersion))")
        }
        return document
    }

    /// The metrics.json `Metrics.json` writes for `metrics`, read back: how the
    /// report sees its own figures, exactly as the email and the index will.
    public init(_ metrics: Metrics) throws(MetricsFileError) {
        self = try MetricsDocument.read(Data(metrics.json.utf8), file: "metrics.json of \(metrics.period)")
    }

    /// The headline's part of the metrics.json `Metrics.json` writes for
    /// `metrics`, read back (`Metrics.headlineJSON`): totals, `previous`,
    /// insights, colocation, capacity and forward as the email and the index
    /// will read them, the group lists of `desks` and `rooms` empty. What the
    /// report's headline, summary and opening read, without writing and
    /// decoding megabytes of room and desk groups.
    public init(headlineOf metrics: Metrics) throws(MetricsFileError) {
        self = try MetricsDocument.read(Data(metrics.headlineJSON.utf8), file: "metrics.json of \(metrics.period)")
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", period, desks, rooms, previous
        case insights, capacity, forward, colocation, audience
    }

    enum PeriodKeys: String, CodingKey {
        case from, to, workdays
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.count(.schemaVersion)
        audience = try c.decodeIfPresent(AudienceLabel.self, forKey: .audience)
        let p = try c.nestedContainer(keyedBy: PeriodKeys.self, forKey: .period)
        let from = try p.requiredDate(.from), to = try p.requiredDate(.to)
        guard let period = Period(from: from, to: to) else {
            throw DecodingError.dataCorruptedError(forKey: .to, in: p, debugDescription: "\(to) is before from (\(from))")
        }
        self.period = period
        workdays = try p.count(.workdays)
        desks = try c.decodeIfPresent(Desks.self, forKey: .desks) ?? Desks()
        rooms = try c.decodeIfPresent(Rooms.self, forKey: .rooms) ?? Rooms()
        previousStorage = try c.decodeIfPresent(MetricsDocument.self, forKey: .previous).map { [$0] } ?? []
        insights = try c.decodeIfPresent([Insight].self, forKey: .insights)
        capacity = try c.decodeIfPresent(Capacity.self, forKey: .capacity)
        forward = try c.decodeIfPresent(Forward.self, forKey: .forward)
        colocation = try c.decodeIfPresent(Colocation.self, forKey: .colocation)
    }

    /// `readTotals`' part of the document, read in one pass: `schema_version`
    /// first, and the rest only when it is the version this reader understands.
    private struct Totals: Decodable {
        var version: Int?
        var document: MetricsDocument?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            version = try c.count(.schemaVersion)
            guard version == MetricsDocument.schemaVersion else { return }
            let p = try c.nestedContainer(keyedBy: PeriodKeys.self, forKey: .period)
            let from = try p.requiredDate(.from), to = try p.requiredDate(.to)
            guard let period = Period(from: from, to: to) else {
                throw DecodingError.dataCorruptedError(forKey: .to, in: p, debugDescription: "\(to) is before from (\(from))")
            }
            var document = MetricsDocument(period: period)
            document.schemaVersion = version
            document.audience = try c.decodeIfPresent(AudienceLabel.self, forKey: .audience)
            document.workdays = try p.count(.workdays)
            if c.contains(.desks), try !c.decodeNil(forKey: .desks) {
                let desks = try c.nestedContainer(keyedBy: Desks.CodingKeys.self, forKey: .desks)
                document.desks.total = try desks.decodeIfPresent(DeskGroup.self, forKey: .total) ?? DeskGroup()
            }
            if c.contains(.rooms), try !c.decodeNil(forKey: .rooms) {
                let rooms = try c.nestedContainer(keyedBy: Rooms.CodingKeys.self, forKey: .rooms)
                document.rooms.total = try rooms.decodeIfPresent(RoomGroup.self, forKey: .total) ?? RoomGroup()
            }
            self.document = document
        }
    }

    /// Just `schema_version`, read before the rest.
    private struct VersionProbe: Decodable {
        var version: Int?

        init(from decoder: any Decoder) throws {
            version = try decoder.container(keyedBy: CodingKeys.self).count(.schemaVersion)
        }
    }
}
