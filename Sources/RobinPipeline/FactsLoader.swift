import Foundation
import RobinAnalytics
import RobinExports
import RobinFetch
import RobinModel

/// Whose rows a set of facts is of: the organisation's, or an audience's.
public struct FactScope: Sendable, Equatable {
    /// 0 for the organisation; else the hash of the audience's filter (`FactsSettings.scope`).
    public var key: UInt64
    /// The audience's rows; nil = every row.
    public var filter: RowFilter?

    /// The organisation's rows.
    public static let organization = FactScope(key: 0, filter: nil)

    /// An audience's rows.
    public init(_ audience: AudienceScope) {
        let filter = audience.filter
        self.init(key: FactsSettings.scope(buildings: filter.buildings, departments: filter.departments), filter: filter)
    }

    init(key: UInt64, filter: RowFilter?) {
        self.key = key
        self.filter = filter
    }
}

/// Gets the day facts of every cached export file of a report's range, per
/// scope: from the derived cache where they still hold (`FactsStore`), else
/// from the exports, reading each such file and the neighbours its
/// de-duplication needs (desks: the next date's file; spaces: the dates on
/// both sides), and saving what it built. Without a store, every file's
/// facts are built in memory.
struct FactsLoader: Sendable {
    let settings: Settings
    let cache: ExportCache
    let store: FactsStore?
    let reader: any ExportReading
    /// The organisation first, then the audiences.
    let scopes: [FactScope]
    /// The local dates whose cached room facts are read with their `by_space`
    /// groups (the report's period and the previous one); nil = all.
    var spaceDays: ClosedRange<LocalDate>? = nil

    /// The dates whose files a file's facts depend on (its de-duplication window).
    static func window(_ kind: ExportKind, _ date: LocalDate) -> [LocalDate] {
        kind == .desks ? [date, date.adding(days: 1)] : [date.adding(days: -1), date, date.adding(days: 1)]
    }

    /// Per scope, the facts of `dates`' files (cached, in order).
    func load(_ kind: ExportKind, dates: [LocalDate], warn: @escaping @Sendable (String) -> Void) throws -> [[ExportFileFacts]] {
        let files = SourceFiles()
        var stats: [LocalDate: FactsKey.Source] = [:]
        func current(_ date: LocalDate) -> FactsKey.Source {
            if let known = stats[date] { return known }
            let source = files.stat(cache.path(kind: kind, date: date), date: date)
            stats[date] = source
            return source
        }
        let settingsKey = FactsSettings.key(settings)
        var loaded: [LocalDate: [ExportFileFacts]] = [:]
        var stale: [LocalDate] = []
        // Every cached file decoded first, on every core (each on its own); the checks below only compare keys.
        let decoded = store.map { store in
            ParallelMap.map(dates) { date in
                scopes.map { scope in
                    store.bytes(scope: scope.key, kind: kind, date: date).flatMap { try? FactsCodec.decode($0, spaceDays: spaceDays) }
                }
            }
        }
        for (position, date) in dates.enumerated() {
            guard let store, let decoded else {
                stale.append(date)
                continue
            }
            var all: [ExportFileFacts] = []
            var refresh = false
            for (scopeIndex, scope) in scopes.enumerated() {
                guard let (key, facts) = decoded[position][scopeIndex],
                      key.kind == kind, key.date == date, key.settings == settingsKey, key.scope == scope.key,
                      key.sources.map(\.date) == Self.window(kind, date)
                else { break }
                var holds = true
                for recorded in key.sources {
                    let now = current(recorded.date)
                    guard try files.matches(recorded, current: now, path: cache.path(kind: kind, date: recorded.date)) else {
                        holds = false
                        break
                    }
                    refresh = refresh || (now.present && !recorded.sameStat(as: now))
                }
                guard holds else { break }
                all.append(facts)
            }
            if all.count == scopes.count {
                loaded[date] = all
                // Confirmed by content after a copy or a touch: record the new times, so the next run need not hash.
                // Saved whole: facts read without their by_space groups are read again in full.
                if refresh {
                    let whole = all.allSatisfy(\.isComplete) ? all : scopes.compactMap { scope in
                        store.bytes(scope: scope.key, kind: kind, date: date).flatMap { try? FactsCodec.decode($0).facts }
                    }
                    if whole.count == scopes.count {
                        try save(whole, kind: kind, date: date, store: store, files: files, current: current, warn: warn)
                    }
                }
            } else {
                stale.append(date)
            }
        }

        var tables = TableWindow(kind: kind, cache: cache, reader: reader, warn: warn)
        let analyzer = Analyzer(settings: settings)
        for date in stale {
            tables.drop(before: date.adding(days: -1))
            if store != nil {
                // Identified before they are read: a file replaced meanwhile then fails the key next time.
                for day in Self.window(kind, date) where current(day).present {
                    _ = try files.contentHash(cache.path(kind: kind, date: day))
                }
            }
            let facts: [ExportFileFacts]
            switch kind {
            case .desks:
                facts = try analyzer.fileFacts(desks: try tables.desks(date)!, date: date, next: try tables.desks(date.adding(days: 1)),
                                               scopes: scopes.map(\.filter))
            case .spaces:
                facts = try analyzer.fileFacts(spaces: try tables.events(date)!, date: date,
                                               previous: try tables.events(date.adding(days: -1)),
                                               next: try tables.events(date.adding(days: 1)), scopes: scopes.map(\.filter))
            }
            loaded[date] = facts
            if let store { try save(facts, kind: kind, date: date, store: store, files: files, current: current, warn: warn) }
        }
        return scopes.indices.map { index in dates.map { loaded[$0]![index] } }
    }

    /// Saves every scope's facts of one file, keyed by the files they were built from.
    private func save(_ facts: [ExportFileFacts], kind: ExportKind, date: LocalDate, store: FactsStore, files: SourceFiles,
                      current: (LocalDate) -> FactsKey.Source, warn: (String) -> Void) throws {
        let sources = try Self.window(kind, date).map { day throws(FactsStoreError) in
            try files.recorded(current(day), path: cache.path(kind: kind, date: day))
        }
        let settingsKey = FactsSettings.key(settings)
        for (scope, scopeFacts) in zip(scopes, facts) {
            store.save(scopeFacts, key: FactsKey(kind: kind, date: date, settings: settingsKey, scope: scope.key,
                                                 sources: sources), warn: warn)
        }
    }
}

/// The tables of the few files around the date being built, each read once.
private struct TableWindow {
    let kind: ExportKind
    let cache: ExportCache
    let reader: any ExportReading
    let warn: @Sendable (String) -> Void
    private var desks: [LocalDate: DeskTable?] = [:]
    private var events: [LocalDate: EventTable?] = [:]

    init(kind: ExportKind, cache: ExportCache, reader: any ExportReading, warn: @escaping @Sendable (String) -> Void) {
        self.kind = kind
        self.cache = cache
        self.reader = reader
        self.warn = warn
    }

    /// Forgets the tables of dates before `date`.
    mutating func drop(before date: LocalDate) {
        desks = desks.filter { $0.key >= date }
        events = events.filter { $0.key >= date }
    }

    /// The desk table of `date`'s file; nil when the cache has none.
    mutating func desks(_ date: LocalDate) throws -> DeskTable? {
        let (reader, warn, cache) = (reader, warn, cache)
        return try Self.table(&desks, cache, .desks, date) { try reader.readDesks($0, warn: warn) }
    }

    /// The event table of `date`'s file; nil when the cache has none.
    mutating func events(_ date: LocalDate) throws -> EventTable? {
        let (reader, warn, cache) = (reader, warn, cache)
        return try Self.table(&events, cache, .spaces, date) { try reader.readSpaces($0, warn: warn) }
    }

    /// `date`'s table from `known`, else read (nil when the cache has no file) and kept there.
    private static func table<Table>(_ known: inout [LocalDate: Table?], _ cache: ExportCache, _ kind: ExportKind,
                                     _ date: LocalDate, read: (ExportFiles.Day) throws -> Table) throws -> Table? {
        if let table = known[date] { return table }
        let table = cache.contains(kind: kind, date: date)
            ? try read(ExportFiles.Day(date: date, path: cache.path(kind: kind, date: date))) : nil
        known[date] = table
        return table
    }
}
